use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404)]
    NotFound,
    #[api(code = "NOT_FOUND", status = 410)]
    Gone,
}

fn main() {}
