use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(method = "FETCH", endpoint = "/billing"))]
    First,
    #[api(status = 402, resolve(method = "post", endpoint = "/billing"))]
    Second,
}

fn main() {}
