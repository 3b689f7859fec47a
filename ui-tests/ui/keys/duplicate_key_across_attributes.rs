use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    #[api(code = "INVALID", status = 422)]
    Invalid,
}

fn main() {}
