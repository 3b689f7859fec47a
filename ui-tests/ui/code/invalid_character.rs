use apierror::ApiError;

// Explicit codes are taken as written, but only from ASCII letters, digits, `_`, `-` and `.`.
#[derive(Debug, ApiError)]
enum E {
    #[api(code = "credit exhausted", status = 402)]
    CreditExhausted,
}

fn main() {}
