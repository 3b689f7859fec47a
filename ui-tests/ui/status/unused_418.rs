use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 418)]
    Teapot,
}

fn main() {}
