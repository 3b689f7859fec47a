//! A service that writes its own axum response for a derived error type. Turning on apierror's
//! `axum-0_8` feature anywhere in the build (the workspace's test crate does) must not add a
//! second `IntoResponse` impl: the derive emits one only for types marked `#[api(axum)]`.

use apierror::{ApiError, ApiErrorExt as _};
use axum::response::{IntoResponse, Response};

/// An error whose response this crate writes itself.
#[derive(Debug, ApiError)]
pub enum OwnError {
    /// Not here.
    #[api(status = 404)]
    Missing,
}

impl IntoResponse for OwnError {
    fn into_response(self) -> Response {
        (self.status(), format!("own body for {}", self.code())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use axum::response::IntoResponse as _;

    #[test]
    fn own_impl_is_the_one_used() {
        let response = super::OwnError::Missing.into_response();
        assert_eq!(response.status(), 404);
    }
}
