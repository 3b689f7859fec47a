use apierror::ApiError;

// `#[api(tonic)]` asks for `From<E> for tonic::Status`; the `tonic-0_14` feature provides it.
#[derive(Debug, ApiError)]
#[api(tonic)]
enum E {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
