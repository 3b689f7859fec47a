use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, title)]
    Invalid,
}

fn main() {}
