use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(message = "Upgrade."))]
    CreditExhausted { resolve: String },
}

fn main() {}
