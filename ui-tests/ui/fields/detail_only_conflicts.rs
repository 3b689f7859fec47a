use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500, detail = "failed after {secs} seconds")]
    Timeout {
        #[api(detail_only, expose)]
        secs: u64,
        #[api(detail_only, skip)]
        query: String,
        #[api(detail_only, rename = "attempt_no")]
        attempt: u32,
    },
}

fn main() {}
