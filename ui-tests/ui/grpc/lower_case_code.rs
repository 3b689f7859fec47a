use apierror::ApiError;

// The names are `google.rpc.Code`'s, in upper case.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, grpc = "already_exists")]
    Exists,
}

fn main() {}
