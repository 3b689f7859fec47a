use apierror::ApiError;

// `INTERNAL` is a server failure; a 4xx status blames the caller.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, grpc = "INTERNAL")]
    Missing,
}

fn main() {}
