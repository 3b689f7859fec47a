use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "404_NOT_FOUND", status = 404)]
    NotFound,
}

fn main() {}
