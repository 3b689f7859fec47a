use apierror::ApiError;

// `#[api(axum)]` asks for `IntoResponse`; the runtime's `axum-0_8` feature provides it.
#[derive(Debug, ApiError)]
#[api(axum)]
enum E {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
