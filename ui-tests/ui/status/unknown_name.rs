use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = "abc")]
    Broken,
}

fn main() {}
