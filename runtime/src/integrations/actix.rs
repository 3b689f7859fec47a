//! actix-web: derived errors convert into `actix_web::Error`, so handlers return
//! `Result<T, MyError>` as is, and [`request_context`] fills the request context.
//!
//! actix's `ResponseError` requires `Display`, which a derived type need not have; so instead of
//! implementing it on your type, the derive implements `From<YourError> for actix_web::Error`,
//! which renders the response at once (while the request context is current) into
//! [`Rendered`], a `ResponseError` of this crate.
//!
//! ```
//! use apierror::ApiError;
//! use actix_web::{App, get, middleware::from_fn};
//!
//! #[derive(Debug, ApiError)]
//! #[api(actix_web)]
//! enum ItemError {
//!     #[api(status = 404, detail = "Item {id} not found")]
//!     NotFound { id: u32 },
//! }
//!
//! #[get("/items/7")]
//! async fn item() -> Result<&'static str, ItemError> {
//!     Err(ItemError::NotFound { id: 7 })
//! }
//!
//! let app = App::new().service(item).wrap(from_fn(apierror::actix::request_context));
//! ```

use core::fmt;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage as _, HttpResponse, HttpResponseBuilder, ResponseError};

use super::context::{self, REQUEST_ID, RequestContext};
use crate::ApiError;
use crate::envelope::Envelope;

/// An error's response, rendered: what `actix_web::Error` holds for a derived error.
pub struct Rendered {
    code: &'static str,
    response: http::Response<Vec<u8>>,
}

impl Rendered {
    /// Renders `error` in `envelope`, with the current request's context if there is one.
    pub fn new(error: &dyn ApiError, envelope: &dyn Envelope) -> Self {
        Rendered {
            code: crate::ApiErrorExt::code(error),
            response: context::response(error, envelope),
        }
    }

    /// The rendered response, in the `http` 1 types the rest of this crate uses.
    #[must_use]
    pub fn response(&self) -> &http::Response<Vec<u8>> {
        &self.response
    }
}

impl fmt::Debug for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rendered")
            .field("code", &self.code)
            .field("status", &self.response.status())
            .finish_non_exhaustive()
    }
}

/// The code and status only: the body may hold client text, and this is what actix logs.
impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.response.status())
    }
}

impl ResponseError for Rendered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::from_u16(self.response.status().as_u16())
            .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut builder = HttpResponseBuilder::new(self.status_code());
        for (name, value) in self.response.headers() {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_str().as_bytes()),
                HeaderValue::from_bytes(value.as_bytes()),
            ) {
                builder.append_header((name, value));
            }
        }
        builder.body(self.response.body().clone())
    }
}

/// The `actix_web::Error` of `error` in the service's envelope (what the derived `From` of a type
/// that names no envelope calls).
pub fn into_service_error(error: &dyn ApiError) -> actix_web::Error {
    actix_web::Error::from(Rendered {
        code: crate::ApiErrorExt::code(error),
        response: context::service_response(error),
    })
}

/// The `actix_web::Error` of `error` in `envelope` (what the derived `From` calls).
pub fn into_error(error: &dyn ApiError, envelope: &dyn Envelope) -> actix_web::Error {
    actix_web::Error::from(Rendered::new(error, envelope))
}

/// Middleware (for `actix_web::middleware::from_fn`): takes the request id from `X-Request-Id`,
/// or generates one, the path as the problem instance, and a [`RateLimit`](crate::RateLimit)
/// an outer layer put into the request's extensions; derived errors returned while
/// handling the request carry both, and every response gets the `X-Request-Id` header.
///
/// # Errors
/// Those of the wrapped service.
pub async fn request_context(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let rc = RequestContext::new(
        request.path(),
        request.headers().get(REQUEST_ID).map(HeaderValue::as_bytes),
    )
    .with_rate_limit(request.extensions().get::<crate::RateLimit>().copied())
    .with_envelope(request.app_data::<super::ServiceEnvelope>().cloned());
    let id = rc.request_id.clone();
    let mut response = rc.scope(next.call(request)).await?;
    let name = HeaderName::from_static(REQUEST_ID);
    if !response.headers().contains_key(&name)
        && let Ok(value) = HeaderValue::from_str(&id)
    {
        response.headers_mut().insert(name, value);
    }
    Ok(response)
}
