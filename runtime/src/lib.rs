//! Declare an HTTP API's error catalog once, as an ordinary enum, and get everything else from
//! it: the status (checked at compile time), the stable machine-readable code, retry guidance,
//! resolution guidance, the exposed fields and the catalog documentation.
//!
//! ```
//! use apierror::{ApiError, Catalog, Retry};
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://docs.example.com/errors/")]
//! pub enum BillingError {
//!     /// The monthly credit pool is empty for this billing cycle.
//!     #[api(code = "CREDIT_EXHAUSTED", status = 402, retry = false,
//!           resolve(action = "select_plan", endpoint = "/billing/checkout"))]
//!     CreditExhausted,
//!
//!     /// More than 5 score calls in the trailing 60-second window.
//!     #[api(status = 429, retry_after = 60)]
//!     ScoringRateLimited,
//! }
//!
//! let err = BillingError::CreditExhausted;
//! assert_eq!(err.code(), "CREDIT_EXHAUSTED");
//! assert_eq!(err.status(), http::StatusCode::PAYMENT_REQUIRED);
//! assert_eq!(err.title(), "Payment Required");
//! assert_eq!(err.type_uri(), "https://docs.example.com/errors/CREDIT_EXHAUSTED");
//! assert_eq!(BillingError::ScoringRateLimited.retry(), Retry::AfterDelay);
//! assert_eq!(BillingError::entries().len(), 2);
//! ```
//!
//! See the README for the attribute reference.
#![forbid(unsafe_code)]

mod detail;
pub mod docs;
mod entry;
mod envelope;
mod fields;
mod integrations;
pub mod json;
mod response;
mod retry;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

use core::time::Duration;

pub use apierror_macros::ApiError;
pub use detail::Detail;
pub use entry::{ABOUT_BLANK, Entry, Field, Resolve};
pub use envelope::{
    CodeMessage, Context, Envelope, ErrorCode, GoogleRpc, JsonApi, Problem, RateLimit, RenderError,
    SuccessFlag,
};
pub use fields::FieldWriter;
pub use http::StatusCode;
pub use response::{RateLimitHeaders, Responder, response};
pub use retry::Retry;

#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use integrations::RequestContext;
#[cfg(feature = "actix-web")]
pub use integrations::actix;
#[cfg(feature = "axum")]
pub use integrations::axum;
#[cfg(feature = "utoipa")]
pub use integrations::utoipa;

/// An error a service returns to its clients, with its catalog entry.
///
/// Derive it with `#[derive(ApiError)]`. Everything static lives in the [`Entry`]; the methods
/// that depend on the occurrence are [`detail`](ApiError::detail),
/// [`retry_after`](ApiError::retry_after) (when a field gives it),
/// [`write_fields`](ApiError::write_fields) and [`source_error`](ApiError::source_error).
/// The trait is dyn-compatible, so middleware can hold a `Box<dyn ApiError + Send + Sync>`.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, detail = "Workspace {id} not found")]
/// pub struct WorkspaceNotFound {
///     id: String,
/// }
///
/// let err: Box<dyn ApiError + Send + Sync> = Box::new(WorkspaceNotFound { id: "ws_1".into() });
/// assert_eq!(err.code(), "WORKSPACE_NOT_FOUND");
/// assert_eq!(err.status().as_u16(), 404);
/// assert_eq!(err.detail().unwrap().to_string(), "Workspace ws_1 not found");
/// assert_eq!(err.field_values().unwrap()["id"], "ws_1");
/// ```
pub trait ApiError {
    /// The catalog entry of this error's variant.
    fn entry(&self) -> &'static Entry;

    /// The stable machine-readable code.
    fn code(&self) -> &'static str {
        self.entry().code()
    }

    /// The HTTP status.
    fn status(&self) -> StatusCode {
        self.entry().status()
    }

    /// The short static summary.
    fn title(&self) -> &'static str {
        self.entry().title()
    }

    /// Retry guidance.
    fn retry(&self) -> Retry {
        self.entry().retry()
    }

    /// Whether repeating the request can succeed (see [`Retry::is_retryable`]).
    fn is_retryable(&self) -> bool {
        self.retry().is_retryable()
    }

    /// How long a client should wait before retrying: the field marked `#[api(retry_after)]`,
    /// or the variant's static `retry_after`.
    fn retry_after(&self) -> Option<Duration> {
        self.entry().retry_after()
    }

    /// Resolution guidance.
    fn resolve(&self) -> Option<&'static Resolve> {
        self.entry().resolve()
    }

    /// The problem type URI (`about:blank` when none is declared).
    fn type_uri(&self) -> &'static str {
        self.entry().type_uri()
    }

    /// The human-readable detail of this occurrence.
    fn detail(&self) -> Option<Detail<'_>> {
        None
    }

    /// Writes the fields this occurrence exposes to clients. Server errors (5xx) write only
    /// fields marked `#[api(expose)]`; source errors and skipped fields are never written.
    fn write_fields(&self, out: &mut FieldWriter<'_>) {
        let _ = out;
    }

    /// The underlying error, for logs. Never part of a response.
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }

    /// The exposed fields as JSON values.
    ///
    /// # Errors
    /// When a field's `Serialize` implementation fails.
    fn field_values(&self) -> Result<serde_json::Map<String, serde_json::Value>, serde_json::Error> {
        let mut map = serde_json::Map::new();
        let mut writer = FieldWriter::map(&mut map);
        self.write_fields(&mut writer);
        writer.finish().map(|_| map)
    }
}

macro_rules! forward_api_error {
    ($($ptr:ty),*) => {$(
        impl<T: ApiError + ?Sized> ApiError for $ptr {
            fn entry(&self) -> &'static Entry {
                (**self).entry()
            }
            fn retry_after(&self) -> Option<Duration> {
                (**self).retry_after()
            }
            fn detail(&self) -> Option<Detail<'_>> {
                (**self).detail()
            }
            fn write_fields(&self, out: &mut FieldWriter<'_>) {
                (**self).write_fields(out);
            }
            fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
                (**self).source_error()
            }
        }
    )*};
}
forward_api_error!(&T, Box<T>, std::sync::Arc<T>);

/// A type's whole error catalog: one [`Entry`] per variant, in declaration order.
///
/// Transparent variants (`#[api(transparent)]`) have no entry of their own: their codes belong
/// to the inner type's catalog.
///
/// ```
/// use apierror::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// pub enum AccountError {
///     #[api(status = 404)]
///     AccountNotFound,
///     #[api(status = 409)]
///     AccountExists,
/// }
///
/// let codes: Vec<_> = AccountError::entries().iter().map(|e| e.code()).collect();
/// assert_eq!(codes, ["ACCOUNT_NOT_FOUND", "ACCOUNT_EXISTS"]);
/// ```
pub trait Catalog {
    /// Every entry, in declaration order.
    fn entries() -> &'static [Entry];
}

/// The README's examples, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
