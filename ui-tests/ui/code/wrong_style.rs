use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(strict_codes)]
enum E {
    #[api(code = "credit_exhausted", status = 402)]
    CreditExhausted,
}

fn main() {}
