//! gRPC with tonic 0.14: an error as a [`tonic::Status`] carrying AIP-193's rich details,
//! built from the same declaration as its HTTP response.
//!
//! A type asks for `From<E> for tonic::Status` with `#[api(tonic)]`; a handler returns
//! `Result<T, tonic::Status>` and writes `?` or `.map_err(Into::into)`. [`Grpc`] builds a status
//! with a request's [`Context`] (its request id becomes `RequestInfo`).
//!
//! ```
//! use apierror::ApiError;
//! use tonic_types::StatusExt;
//!
//! #[derive(Debug, ApiError)]
//! #[api(tonic)]
//! enum OrderError {
//!     /// The order does not exist.
//!     #[api(status = 404, detail = "order {order_id} was not found")]
//!     OrderNotFound { order_id: u64 },
//!     #[api(status = 409, grpc = "ALREADY_EXISTS")]
//!     OrderExists,
//! }
//!
//! let status = tonic::Status::from(OrderError::OrderNotFound { order_id: 7 });
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "order 7 was not found");
//! let details = status.get_error_details();
//! let info = details.error_info().unwrap();
//! assert_eq!(info.reason, "ORDER_NOT_FOUND");
//! assert_eq!(info.metadata["orderId"], "7");
//! assert_eq!(tonic::Status::from(OrderError::OrderExists).code(), tonic::Code::AlreadyExists);
//! ```
//!
//! The details, each when the error has its source:
//!
//! | detail | from |
//! |---|---|
//! | `ErrorInfo` | reason: the code in `UPPER_SNAKE_CASE`; domain: the type's `GoogleRpc` envelope's, else [`Grpc::new`]'s (the package name for `#[api(tonic)]`); metadata: the exposed fields as strings, keys in lowerCamelCase |
//! | `RetryInfo` | the Retry-After delay (declared or from a field) |
//! | `BadRequest` | the violations, or the location (a pointer as a field path, a parameter or header by name) |
//! | `Help` | the problem type URI (unless `about:blank`) and `resolve`'s url |
//! | `RequestInfo` | the context's request id |
//! | `LocalizedMessage` | the context's localized message |
//!
//! The message is the detail, as on HTTP: a server error's (5xx) is its title, never the
//! detail or its source.

use tonic_types::{ErrorDetails, StatusExt as _};

use crate::envelope::{Output, RenderError};
use crate::{ApiError, Context, FieldWriter, GrpcCode, Location};

/// How a service's errors become gRPC statuses: the `ErrorInfo.domain` they carry.
///
/// ```
/// use apierror::{ApiError, Context};
/// use apierror::tonic::Grpc;
/// use tonic_types::StatusExt;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, retry_after = 30)]
/// struct SlowDown;
///
/// let status = Grpc::new("orders.example.com").status(&SlowDown, &Context::new().with_request_id("req-1"));
/// assert_eq!(status.code(), tonic::Code::ResourceExhausted);
/// let details = status.get_error_details();
/// assert_eq!(details.error_info().unwrap().domain, "orders.example.com");
/// assert_eq!(details.retry_info().unwrap().retry_delay, Some(std::time::Duration::from_secs(30)));
/// assert_eq!(details.request_info().unwrap().request_id, "req-1");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Grpc {
    domain: &'static str,
}

impl Grpc {
    /// Statuses whose `ErrorInfo.domain` is `domain` (unless the error's type declares a
    /// `GoogleRpc` envelope, whose domain it then shares).
    #[must_use]
    pub const fn new(domain: &'static str) -> Self {
        Grpc { domain }
    }

    /// The domain errors of this service carry.
    #[must_use]
    pub const fn domain(&self) -> &'static str {
        self.domain
    }

    /// The status of `error`: its gRPC code ([`Entry::grpc_code`](crate::Entry::grpc_code)),
    /// its message and its details.
    #[must_use]
    pub fn status(&self, error: &dyn ApiError, cx: &Context<'_>) -> tonic::Status {
        let code = tonic::Code::from_i32(error.entry().grpc_code().as_i32());
        tonic::Status::with_error_details(code, message(error), self.details(error, cx))
    }

    /// The rich details of `error` alone, for a status built by hand.
    #[must_use]
    pub fn details(&self, error: &dyn ApiError, cx: &Context<'_>) -> ErrorDetails {
        let entry = error.entry();
        let domain = entry
            .envelope()
            .and_then(crate::envelope::Envelope::domain)
            .unwrap_or(self.domain);
        let mut details = ErrorDetails::new();
        details.set_error_info(crate::codes::reason(entry.code()), domain, metadata(error));
        if let Some(delay) = error.retry_after() {
            details.set_retry_info(Some(delay));
        }
        if let Some((_, violations)) = error.violations() {
            let list: Vec<tonic_types::FieldViolation> = violations
                .iter()
                .map(|violation| {
                    let mut field =
                        tonic_types::FieldViolation::new(violation.field_path(), violation.message());
                    if let Some(code) = violation.code() {
                        field.reason = crate::codes::reason(code);
                    }
                    field
                })
                .collect();
            details.set_bad_request(list);
        } else if let Some(location) = error.location() {
            let field = match location {
                Location::Pointer(pointer) => crate::Violation::new(pointer, "").field_path(),
                _ => location.value().to_owned(),
            };
            details.add_bad_request_violation(field, message(error));
        }
        if entry.type_uri() != crate::ABOUT_BLANK {
            details.add_help_link(entry.title(), entry.type_uri());
        }
        if let Some(url) = entry.resolve().and_then(crate::Resolve::url) {
            let description = entry
                .resolve()
                .and_then(crate::Resolve::message)
                .unwrap_or(entry.title());
            details.add_help_link(description, url);
        }
        if let Some(id) = cx.request_id() {
            details.set_request_info(id, "");
        }
        if let Some((locale, text)) = cx.localized_message() {
            details.set_localized_message(locale, text);
        }
        details
    }
}

/// The message a client sees: the detail, or the title (always for a server error).
fn message(error: &dyn ApiError) -> String {
    let mut json = Vec::new();
    Output::new(&mut json).message(error);
    serde_json::from_slice(&json).unwrap_or_else(|_| error.entry().title().to_owned())
}

/// The exposed fields as AIP-193 metadata: string values, lowerCamelCase keys, nothing absent.
fn metadata(error: &dyn ApiError) -> std::collections::HashMap<String, String> {
    let mut map = serde_json::Map::new();
    let mut writer = FieldWriter::map(&mut map);
    error.write_fields(&mut writer);
    let _: Result<usize, RenderError> = writer.finish();
    let skip = error.violations().map(|(name, _)| name);
    map.into_iter()
        .filter(|(name, value)| !value.is_null() && Some(name.as_str()) != skip)
        .map(|(name, value)| {
            let value = match value {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            };
            (crate::codes::metadata_key(&name).into_owned(), value)
        })
        .collect()
}

/// The status of `error` for `#[api(tonic)]`'s `From` impl: [`Grpc::status`] with an empty
/// context and `domain` (the package's name) unless the type's envelope has one.
#[doc(hidden)]
#[must_use]
pub fn __status(error: &dyn ApiError, domain: &'static str) -> tonic::Status {
    Grpc::new(domain).status(error, &Context::new())
}

/// The gRPC code as tonic's.
///
/// ```
/// assert_eq!(apierror::tonic::code(apierror::GrpcCode::NotFound), tonic::Code::NotFound);
/// ```
#[must_use]
pub fn code(code: GrpcCode) -> tonic::Code {
    tonic::Code::from_i32(code.as_i32())
}
