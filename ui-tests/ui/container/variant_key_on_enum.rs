use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, retry = true)]
enum E {
    #[api(status = 400)]
    Invalid,
}

fn main() {}
