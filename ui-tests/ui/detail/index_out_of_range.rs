use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "{0} has no {1}")]
    Missing(String),
}

fn main() {}
