use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 407)]
    ProxyAuthRequired,
}

fn main() {}
