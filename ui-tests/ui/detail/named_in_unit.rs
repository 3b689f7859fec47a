use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "{id} not found")]
    Missing,
}

fn main() {}
