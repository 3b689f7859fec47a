use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, retry = 3)]
    Down,
}

fn main() {}
