use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "credit_exhausted", status = 402)]
    CreditExhausted,
}

fn main() {}
