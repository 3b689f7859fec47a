use apierror::ApiError;

// `OK` says the call succeeded: no error answers with it.
#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, grpc = "OK")]
    Bad,
}

fn main() {}
