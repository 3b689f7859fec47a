use apierror::ApiError;

// `grpc` takes a `google.rpc.Code` name; a misspelt one gets the nearest name.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, grpc = "ALREADY_EXIST")]
    Exists,
}

fn main() {}
