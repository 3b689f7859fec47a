use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case", strict_codes)]
enum E {
    #[api(code = "Invalid-Key", status = 401, challenge = "Bearer")]
    InvalidKey,
}

fn main() {}
