//! The other side of the wire: what a client, an SDK or an agent reads from an error response.
//!
//! [`RemoteError::from_response`] decodes any built-in envelope (chosen by you, or detected
//! from the content type and the body's shape) and the headers that matter (Retry-After as
//! seconds or an HTTP-date, the `X-RateLimit-*` and IETF `RateLimit` fields,
//! `WWW-Authenticate`, `Allow`). A client that shares the service's error type gets the variant
//! back ([`FromRemote`], derived with `#[api(decode)]`); [`RetryPolicy`] turns either into the
//! next step. Input is untrusted: decoding never panics, reads at most [`BODY_LIMIT`] bytes of
//! body and keeps nothing it does not understand.
//!
//! ```
//! use apierror::client::{RemoteError, RetryDecision, RetryPolicy};
//! use apierror::http::{HeaderMap, HeaderValue, StatusCode};
//!
//! let mut headers = HeaderMap::new();
//! headers.insert("content-type", HeaderValue::from_static("application/problem+json"));
//! headers.insert("retry-after", HeaderValue::from_static("30"));
//! let body = br#"{"type":"about:blank","title":"Too Many Requests","status":429,"code":"RATE_LIMITED"}"#;
//!
//! let remote = RemoteError::from_response(StatusCode::TOO_MANY_REQUESTS, &headers, body);
//! assert_eq!(remote.code(), Some("RATE_LIMITED"));
//! assert_eq!(remote.retry_after(), Some(std::time::Duration::from_secs(30)));
//! match RetryPolicy::new().decide(&remote, None, 1) {
//!     RetryDecision::Retry { after } => assert_eq!(after.as_secs(), 30),
//!     other => panic!("{other:?}"),
//! }
//! ```

mod detect;
mod headers;
mod read;
#[cfg(feature = "reqwest-0_13")]
pub mod reqwest;
mod retry;

pub use detect::detect;
pub use read::BODY_LIMIT;
pub use retry::{Jitter, RetryDecision, RetryPolicy, StopReason};

pub use crate::envelope::Decode;
pub use crate::remote::{ActionCall, Decoded, FromRemote, RemoteError, RemoteRateLimit, RemoteResolve};
