use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "{} not found")]
    Missing(String),
}

fn main() {}
