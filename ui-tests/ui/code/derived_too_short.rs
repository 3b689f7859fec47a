use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400)]
    X,
}

fn main() {}
