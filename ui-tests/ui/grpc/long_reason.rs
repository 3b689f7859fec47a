use apierror::ApiError;

// The reason is the code in UPPER_SNAKE_CASE: a 60-letter camelCase code grows past 63.
#[derive(Debug, ApiError)]
#[api(envelope = GoogleRpc(domain = "example.com"))]
enum E {
    #[api(code = "creditLimitExceededForTheCurrentBillingCycleOfThisAccountNow", status = 402)]
    Exhausted,
}

fn main() {}
