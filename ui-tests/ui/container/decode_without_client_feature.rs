use apierror::ApiError;

// `#[api(decode)]` asks for `FromRemote`; the runtime's `client` feature provides it.
#[derive(Debug, ApiError)]
#[api(decode)]
enum E {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
