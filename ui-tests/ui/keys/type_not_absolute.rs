use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, type = "/errors/invalid")]
    Invalid,
}

fn main() {}
