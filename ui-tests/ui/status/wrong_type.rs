use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = true)]
    Broken,
}

fn main() {}
