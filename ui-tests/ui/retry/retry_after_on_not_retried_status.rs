use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, retry_after = 60)]
    Invalid,
    #[api(status = 409)]
    Conflict {
        #[api(retry_after)]
        wait: u64,
    },
}

fn main() {}
