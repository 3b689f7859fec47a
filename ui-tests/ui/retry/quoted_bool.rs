use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, retry = "true")]
    Down,
}

fn main() {}
