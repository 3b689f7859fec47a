use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case")]
enum E {
    #[api(code = "Invalid-Key", status = 401, challenge = "Bearer")]
    InvalidKey,
}

fn main() {}
