use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(challenge = "Bearer\n")]
enum E {
    #[api(status = 401)]
    AuthRequired,
}

fn main() {}
