use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(endpoint = "billing/checkout"))]
    First,
    #[api(status = 402, resolve(endpoint = "/billing/ checkout"))]
    Second,
}

fn main() {}
