use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, status = 404)]
    Invalid,
}

fn main() {}
