use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 402, resolve(method = "FETCH", endpoint = "/billing"))]
    A,
    #[api(status = 402, resolve(method = "post", endpoint = "/billing"))]
    B,
}

fn main() {}
