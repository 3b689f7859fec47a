use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 99)]
    TooLow,
    #[api(status = 600)]
    TooHigh,
    #[api(status = 1000)]
    WayTooHigh,
}

fn main() {}
