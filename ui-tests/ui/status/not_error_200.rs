use apierror::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 200)]
    Fine,
}

fn main() {}
