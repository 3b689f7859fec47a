use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "LIMIT_REACHED", status = 429)]
    RateLimited,
    #[api(code = "LIMIT_REACHED", status = 402)]
    QuotaExhausted,
}

fn main() {}
