use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, title = 5)]
    Invalid,
}

fn main() {}
