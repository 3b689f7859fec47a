use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, upgrade = "HTTP/2.0")]
    BadRequest,
}

fn main() {}
