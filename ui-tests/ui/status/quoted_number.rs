use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = "404")]
    Missing,
}

fn main() {}
