use apierror::ApiError;

// `grpc` takes a name in quotes, not the code's number.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, grpc = 6)]
    Exists,
}

fn main() {}
