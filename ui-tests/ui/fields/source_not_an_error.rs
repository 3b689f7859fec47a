use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Failed { source: String },
}

fn main() {}
