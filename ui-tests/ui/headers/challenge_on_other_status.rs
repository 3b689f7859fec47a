use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 403, challenge = "Bearer")]
    Forbidden,
}

fn main() {}
