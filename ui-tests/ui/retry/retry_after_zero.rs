use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, retry_after = 0)]
    Slow,
}

fn main() {}
