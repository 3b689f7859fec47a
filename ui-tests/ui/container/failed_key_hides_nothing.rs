use apierror::ApiError;

// A rejected value is reported, and the variant's other keys are still checked.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, retry = "backof", detail = "Back in {secs} seconds")]
    Unavailable { seconds: u64 },
    #[api(status = 4040, detail = "{missing}")]
    Lost,
}

fn main() {}
