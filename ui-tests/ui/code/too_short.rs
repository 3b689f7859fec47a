use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(code = "NF", status = 404)]
    NotFound,
}

fn main() {}
