use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, retry_after = 60)]
    Slow {
        #[api(retry_after)]
        wait: u64,
    },
}

fn main() {}
