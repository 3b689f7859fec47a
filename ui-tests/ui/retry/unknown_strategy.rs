use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, retry = "sometimes")]
    Down,
    #[api(status = 500, retry = "backof")]
    Internal,
}

fn main() {}
