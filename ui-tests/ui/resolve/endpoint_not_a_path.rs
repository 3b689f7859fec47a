use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(endpoint = "billing/checkout"))]
    A,
    #[api(status = 402, resolve(endpoint = "/billing/ checkout"))]
    B,
}

fn main() {}
