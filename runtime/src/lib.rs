#![doc = include_str!("../doc/guide.md")]
// The guide links to items of optional modules: with the feature off, its links point at
// docs.rs (built with every feature), so the rustdoc of any feature set has no broken link.
#![cfg_attr(
    not(feature = "client"),
    doc = "\n\n[`client::RemoteError`]: https://docs.rs/apierror/latest/apierror/client/struct.RemoteError.html"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "\n\n[`client::Decode`]: https://docs.rs/apierror/latest/apierror/client/trait.Decode.html"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "\n\n[`client::RetryPolicy`]: https://docs.rs/apierror/latest/apierror/client/struct.RetryPolicy.html"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "\n\n[`client::Jitter`]: https://docs.rs/apierror/latest/apierror/client/enum.Jitter.html"
)]
#![cfg_attr(
    not(feature = "client"),
    doc = "\n\n[`client::BODY_LIMIT`]: https://docs.rs/apierror/latest/apierror/client/constant.BODY_LIMIT.html"
)]
#![cfg_attr(
    not(feature = "axum-0_8"),
    doc = "\n\n[`axum::request_context`]: https://docs.rs/apierror/latest/apierror/axum/fn.request_context.html"
)]
#![cfg_attr(
    not(feature = "actix-web-4"),
    doc = "\n\n[`actix::request_context`]: https://docs.rs/apierror/latest/apierror/actix/fn.request_context.html\n[`actix::Json`]: https://docs.rs/apierror/latest/apierror/actix/struct.Json.html\n[`actix::Path`]: https://docs.rs/apierror/latest/apierror/actix/struct.Path.html\n[`actix::Query`]: https://docs.rs/apierror/latest/apierror/actix/struct.Query.html"
)]
#![cfg_attr(
    not(feature = "aide-0_15"),
    doc = "\n\n[`aide::responses`]: https://docs.rs/apierror/latest/apierror/aide/fn.responses.html"
)]
#![cfg_attr(
    not(feature = "docs"),
    doc = "\n\n[`docs`]: https://docs.rs/apierror/latest/apierror/docs/index.html\n[`docs::Operation`]: https://docs.rs/apierror/latest/apierror/docs/struct.Operation.html"
)]
#![cfg_attr(
    not(feature = "docs"),
    doc = "\n\n[`docs::ServiceCatalog`]: https://docs.rs/apierror/latest/apierror/docs/struct.ServiceCatalog.html"
)]
#![cfg_attr(
    not(feature = "docs"),
    doc = "\n\n[`docs::ServiceCatalog::collisions`]: https://docs.rs/apierror/latest/apierror/docs/struct.ServiceCatalog.html#method.collisions"
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

/// The link definition of `` [`ServiceCatalog::method`] `` for a doc comment outside `docs`:
/// the item itself with the `docs` feature, its page on docs.rs (built with every feature)
/// without it, so rustdoc has no broken link in any feature set.
#[cfg(feature = "docs")]
macro_rules! service_catalog_link {
    ($method:literal) => {
        concat!(
            "\n\n[`ServiceCatalog::",
            $method,
            "`]: crate::docs::ServiceCatalog::",
            $method
        )
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! service_catalog_link {
    ($method:literal) => {
        concat!(
            "\n\n[`ServiceCatalog::",
            $method,
            "`]: https://docs.rs/apierror/latest/apierror/docs/struct.ServiceCatalog.html#method.",
            $method
        )
    };
}

mod catalog;
#[cfg(feature = "client")]
pub mod client;
mod codes;
mod context;
mod detail;
#[cfg(feature = "docs")]
pub mod docs;
mod entry;
pub mod envelope;
mod error;
mod fields;
mod grpc;
mod integrations;
mod json;
#[cfg(feature = "client")]
mod remote;
mod render_error;
mod response;
mod retry;
mod service;
mod status;
mod tree;
mod violations;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

#[doc = include_str!("../doc/attributes.md")]
// Spelled out: a macro in the attributes of a `pub use` is looked up from the crate root, where
// `service_catalog_link!` is not in scope.
#[cfg_attr(
    feature = "docs",
    doc = "\n\n[`ServiceCatalog::collisions`]: crate::docs::ServiceCatalog::collisions"
)]
#[cfg_attr(
    not(feature = "docs"),
    doc = "\n\n[`ServiceCatalog::collisions`]: https://docs.rs/apierror/latest/apierror/docs/struct.ServiceCatalog.html#method.collisions"
)]
pub use apierror_macros::ApiError;
pub use catalog::Catalog;
pub use context::{Context, RateLimit};
pub use detail::Detail;
pub use entry::{ABOUT_BLANK, Entry, Field, Resolve};
pub use envelope::Problem;
pub use error::{ApiError, ApiErrorExt, Location, RateLimited, field_values};
pub use fields::{FieldWriter, Position};
pub use grpc::{GrpcCode, ParseGrpcCodeError};
/// The `http` crate, whose types (`StatusCode`, `HeaderMap`, `HeaderName`, `Response`) this
/// crate's signatures use: a public dependency, re-exported whole so that versions always match.
pub use http;
pub use http::StatusCode;
pub use response::{ErrorResponder, MAX_DELAY_SECONDS, MAX_SF_INTEGER, RateLimitHeaders, response};
pub use retry::{ParseRetryError, Retry};
pub use service::{CodeCase, FrameworkError, FrameworkErrors, FrameworkKind, ServiceErrors};
pub use violations::{Violation, Violations};

#[cfg(any(feature = "axum-0_8", feature = "actix-web-4"))]
pub use integrations::RequestContext;
#[cfg(feature = "actix-web-4")]
pub use integrations::actix;
#[cfg(feature = "aide-0_15")]
pub use integrations::aide;
#[cfg(feature = "axum-0_8")]
pub use integrations::axum;
#[cfg(feature = "tonic-0_14")]
pub use integrations::tonic;
#[cfg(feature = "utoipa-6")]
pub use integrations::utoipa;

/// The README's examples, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
