use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, retry = false, retry_after = 60)]
    Slow,
}

fn main() {}
