use apierror::ApiError;

// `NOT_FOUND` blames the caller; a 5xx status says the server failed.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, grpc = "NOT_FOUND")]
    Down,
}

fn main() {}
