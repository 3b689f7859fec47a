use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 302)]
    Moved,
}

fn main() {}
