use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, challenge = "Bearer\r\nX-Injected: 1")]
    AuthRequired,
}

fn main() {}
