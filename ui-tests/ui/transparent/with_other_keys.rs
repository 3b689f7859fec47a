use apierror::ApiError;

#[derive(Debug, ApiError)]
enum Inner {
    #[api(status = 400)]
    Invalid,
}

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent, status = 400, code = "WRAPPED")]
    Wrapped(Inner),
}

fn main() {}
