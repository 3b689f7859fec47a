use apierror::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "Problem")]
enum E {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
