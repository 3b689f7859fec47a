//! axum: derived errors implement `IntoResponse`, and [`request_context`] fills the context.
//!
//! ```
//! use apierror::ApiError;
//! use axum::{Router, routing::get};
//!
//! #[derive(Debug, ApiError)]
//! #[api(axum, envelope = apierror::envelope::CodeMessage)]
//! enum ItemError {
//!     #[api(status = 404, detail = "Item {id} not found")]
//!     NotFound { id: u32 },
//! }
//!
//! async fn item() -> Result<&'static str, ItemError> {
//!     Err(ItemError::NotFound { id: 7 })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/items/7", get(item))
//!     .layer(axum::middleware::from_fn(apierror::axum::request_context));
//! ```

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderValue;

use super::context::{self, REQUEST_ID, RequestContext};
use crate::ApiError;
use crate::envelope::Envelope;

/// Middleware (for `axum::middleware::from_fn`): takes the request id from `X-Request-Id`, or
/// generates one, the path as the problem instance, and a [`RateLimit`](crate::RateLimit) an
/// outer layer put into the request's extensions; derived errors returned while handling
/// the request carry both. Every response gets the `X-Request-Id` header. (Responses to `HEAD`
/// keep their `Content-Length`, as RFC 9110 section 8.6 asks; hyper sends no body for them.)
pub async fn request_context(request: Request, next: Next) -> Response {
    let rc = RequestContext::new(
        request.uri().path(),
        request.headers().get(REQUEST_ID).map(HeaderValue::as_bytes),
    )
    .with_rate_limit(request.extensions().get::<crate::RateLimit>().copied())
    .with_envelope(request.extensions().get::<super::ServiceEnvelope>().cloned());
    let id = rc.request_id.clone();
    let mut response = rc.scope(next.run(request)).await;
    if !response.headers().contains_key(REQUEST_ID)
        && let Ok(value) = HeaderValue::from_str(&id)
    {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// The axum response of `error` in the service's envelope (what the derived `IntoResponse` of a
/// type that names no envelope calls).
pub fn into_service_response(error: &dyn ApiError) -> Response {
    context::service_response(error).map(Body::from)
}

/// The axum response of `error` in `envelope` (what the derived `IntoResponse` calls).
pub fn into_response(error: &dyn ApiError, envelope: &dyn Envelope) -> Response {
    context::response(error, envelope).map(Body::from)
}
