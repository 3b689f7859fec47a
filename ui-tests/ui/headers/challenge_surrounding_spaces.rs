use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, challenge = "Bearer ")]
    AuthRequired,
}

fn main() {}
