use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    Two(std::io::Error, String),
    #[api(transparent)]
    None,
}

fn main() {}
