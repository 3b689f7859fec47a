use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = "PAYMENT_REQURED")]
    CreditExhausted,
}

fn main() {}
