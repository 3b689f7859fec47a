use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "{0} not found")]
    Missing { id: String },
}

fn main() {}
