//! Turning an error into an `http::Response`: the body in an envelope, and the headers HTTP
//! requires for its status.

use core::fmt::Write as _;
use std::time::UNIX_EPOCH;

use http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_TYPE, PROXY_AUTHENTICATE, RETRY_AFTER, UPGRADE, WWW_AUTHENTICATE,
};
use http::{HeaderMap, HeaderName, HeaderValue, Response};

use crate::envelope::{Envelope, Output, Problem, RenderError};
use crate::{ApiError, ApiErrorExt as _, Context, Detail, Entry, FieldWriter};

/// Which rate-limit headers to send when the [`Context`] has a [`RateLimit`](crate::RateLimit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RateLimitHeaders {
    /// `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (the reset as Unix
    /// time in seconds).
    #[default]
    Legacy,
    /// The IETF `RateLimit-Policy` and `RateLimit` fields
    /// (draft-ietf-httpapi-ratelimit-headers), with the policy named `"default"`.
    Ietf,
    /// Both sets.
    Both,
    /// None.
    Off,
}

/// Renders errors into responses: one per service, configured once.
///
/// The responder's envelope is the service's: an error whose type declares its own
/// (`#[api(envelope = ...)]`) renders in that one, everywhere (here, [`response`], the framework
/// integrations and the catalog docs), and every other error in the responder's.
///
/// Every response gets the status, the body in the envelope and its `Content-Type`, and:
/// `Retry-After` (whole seconds, rounded up, at most [`MAX_DELAY_SECONDS`]) when the error gives
/// a delay; `WWW-Authenticate` on
/// 401, `Allow` on 405, `Proxy-Authenticate` on 407 and `Upgrade` on 426 from the declaration
/// (RFC 9110 requires them); `Cache-Control: no-store`
/// on 428, 429 and 431 (RFC 6585); the request id echoed in `X-Request-Id` (or the configured
/// header); and rate-limit headers when the context has them.
///
/// Context values are untrusted: a request id that is not a valid header value (empty, with CR,
/// LF or other control characters, non-ASCII, or leading/trailing whitespace) is **not** written
/// into a header: that header is dropped and the rest of the response is unchanged. In bodies every
/// string is JSON-escaped, so nothing is dropped there.
///
/// ```
/// use apierror::envelope::SuccessFlag;
/// use apierror::{ApiError, Context, ErrorResponder};
///
/// #[derive(Debug, ApiError)]
/// #[api(rename_all = "snake_case")]
/// enum ApiErr {
///     #[api(status = 429, detail = "You have exceeded the per-minute request rate for your tier.")]
///     RateLimitExceeded,
/// }
///
/// let responder = ErrorResponder::new(SuccessFlag);
/// let cx = Context::new().with_request_id("a1b2c3d4e5f6").with_version("v1");
/// let response = responder.response(&ApiErr::RateLimitExceeded, &cx);
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["x-request-id"], "a1b2c3d4e5f6");
/// assert_eq!(response.headers()["cache-control"], "no-store");
/// let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
/// assert_eq!(body["meta"]["request_id"], "a1b2c3d4e5f6");
/// ```
#[derive(Clone, Debug)]
pub struct ErrorResponder<E = Problem> {
    envelope: E,
    request_id_header: HeaderName,
    rate_limit_headers: RateLimitHeaders,
}

impl Default for ErrorResponder<Problem> {
    fn default() -> Self {
        ErrorResponder::new(Problem::new())
    }
}

impl<E: Envelope> ErrorResponder<E> {
    /// A responder for bodies in `envelope`.
    pub fn new(envelope: E) -> Self {
        ErrorResponder {
            envelope,
            request_id_header: HeaderName::from_static("x-request-id"),
            rate_limit_headers: RateLimitHeaders::Legacy,
        }
    }

    /// Echoes the request id in `name` instead of `X-Request-Id`.
    ///
    /// ```
    /// use apierror::ErrorResponder;
    /// use http::HeaderName;
    ///
    /// let responder = ErrorResponder::default().with_request_id_header(HeaderName::from_static("x-correlation-id"));
    /// assert_eq!(responder.request_id_header(), "x-correlation-id");
    /// ```
    #[must_use]
    pub fn with_request_id_header(mut self, name: HeaderName) -> Self {
        self.request_id_header = name;
        self
    }

    /// Chooses the rate-limit headers ([`RateLimitHeaders::Legacy`] unless set).
    ///
    /// ```
    /// use apierror::{ErrorResponder, RateLimitHeaders};
    ///
    /// let responder = ErrorResponder::default().with_rate_limit_headers(RateLimitHeaders::Ietf);
    /// assert_eq!(responder.rate_limit_headers(), RateLimitHeaders::Ietf);
    /// ```
    #[must_use]
    pub fn with_rate_limit_headers(mut self, headers: RateLimitHeaders) -> Self {
        self.rate_limit_headers = headers;
        self
    }

    /// The header the request id is echoed in (`X-Request-Id` unless set).
    #[must_use]
    pub fn request_id_header(&self) -> &HeaderName {
        &self.request_id_header
    }

    /// The rate-limit headers this responder writes.
    #[must_use]
    pub fn rate_limit_headers(&self) -> RateLimitHeaders {
        self.rate_limit_headers
    }

    /// The envelope.
    pub fn envelope(&self) -> &E {
        &self.envelope
    }

    /// Appends the body of `error` to `out`. If an exposed field fails to serialize, the body is
    /// rendered again without exposed fields (never a partial body) and the error is returned for
    /// logging.
    ///
    /// # Errors
    /// The serialization error, after `out` has been filled with the body without fields.
    pub fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let envelope = self.envelope_of(error);
        let start = out.len();
        let result = envelope.render(error, cx, &mut Output::new(out));
        if result.is_err() {
            out.truncate(start);
            // Without fields a built-in envelope cannot fail: the rest is static text and
            // escaped strings. (A custom envelope that fails again leaves the body empty.)
            if envelope
                .render(&WithoutFields(error), cx, &mut Output::new(out))
                .is_err()
            {
                out.truncate(start);
            }
        }
        result
    }

    /// The envelope `error` renders in: the one its type declares (`#[api(envelope = ...)]`,
    /// [`Entry::envelope`]), else this responder's.
    pub fn envelope_of<'s>(&'s self, error: &dyn ApiError) -> &'s dyn Envelope {
        match error.entry().envelope() {
            Some(declared) => declared,
            None => &self.envelope,
        }
    }

    /// Inserts the headers of `error`'s response (all but the status) into `headers`.
    pub fn headers(&self, error: &dyn ApiError, cx: &Context<'_>, headers: &mut HeaderMap) {
        let entry = error.entry();
        let status = entry.status().as_u16();
        if let Some(value) = static_value(self.envelope_of(error).content_type()) {
            headers.insert(CONTENT_TYPE, value);
        }
        if let Some(delay) = error.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(retry_after_seconds(delay)));
        }
        if let Some(value) = entry.challenge().and_then(static_value) {
            let name = if status == 407 {
                PROXY_AUTHENTICATE
            } else {
                WWW_AUTHENTICATE
            };
            headers.insert(name, value);
        }
        if let Some(value) = entry.upgrade().and_then(static_value) {
            headers.insert(UPGRADE, value);
        }
        if let Some(value) = entry.allow().and_then(static_value) {
            headers.insert(ALLOW, value);
        }
        if matches!(status, 428 | 429 | 431) {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        }
        if let Some(value) = cx.request_id().and_then(untrusted_value) {
            headers.insert(self.request_id_header.clone(), value);
        }
        // The endpoint's own limit, attached to the error, wins over the request context's.
        if let Some(rl) = error.rate_limit().or(cx.rate_limit()) {
            let legacy = matches!(
                self.rate_limit_headers,
                RateLimitHeaders::Legacy | RateLimitHeaders::Both
            );
            let ietf = matches!(
                self.rate_limit_headers,
                RateLimitHeaders::Ietf | RateLimitHeaders::Both
            );
            if legacy {
                headers.insert(X_RATELIMIT_LIMIT, HeaderValue::from(rl.limit()));
                headers.insert(X_RATELIMIT_REMAINING, HeaderValue::from(rl.remaining()));
                // A reset before the epoch has no Unix time to send: the header is left out.
                if let Some(reset) = rl.reset_at().and_then(|at| at.duration_since(UNIX_EPOCH).ok()) {
                    headers.insert(X_RATELIMIT_RESET, HeaderValue::from(reset.as_secs()));
                }
            }
            if ietf {
                let sf = |n: u64| n.min(MAX_SF_INTEGER);
                let mut policy = format!("\"default\";q={}", sf(rl.limit()));
                if let Some(window) = rl.window() {
                    let _ = write!(policy, ";w={}", sf(window.as_secs()));
                }
                let mut state = format!("\"default\";r={}", sf(rl.remaining()));
                if let Some(after) = rl.reset_after() {
                    let _ = write!(state, ";t={}", retry_after_seconds(after));
                }
                // Digits, quotes and separators only: always valid header values.
                if let (Ok(policy), Ok(state)) = (HeaderValue::try_from(policy), HeaderValue::try_from(state))
                {
                    headers.insert(RATELIMIT_POLICY, policy);
                    headers.insert(RATELIMIT, state);
                }
            }
        }
    }

    /// The whole response: status, headers and body. With the `tracing` feature, a server
    /// error whose source the body hides is logged (`ERROR`, with the source chain, code, status
    /// and request id).
    pub fn response(&self, error: &dyn ApiError, cx: &Context<'_>) -> Response<Vec<u8>> {
        #[cfg(feature = "tracing")]
        log_hidden_source(error, cx);
        // Room for a typical body with its fields and detail, so that it is never reallocated.
        let mut body = Vec::with_capacity(512);
        // A field that fails to serialize is left out (see `render`); the response still goes out.
        let _ = self.render(error, cx, &mut body);
        let mut response = Response::new(body);
        *response.status_mut() = error.status();
        self.headers(error, cx, response.headers_mut());
        response
    }
}

/// The longest delay sent, in seconds: 2^31, the cap RFC 9111 section 1.2.2 sets for delta-seconds
/// (a recipient must handle at least this much, and a sender sends no more). A longer delay (up to
/// `Duration::MAX`) is sent as this.
pub const MAX_DELAY_SECONDS: u64 = 1 << 31;

/// The largest integer a structured field may carry (RFC 9651 section 3.3.1: at most 15 digits).
/// `RateLimit-Policy` and `RateLimit` members past it are sent as it.
///
/// ```
/// use apierror::{Context, ErrorResponder, RateLimit, RateLimitHeaders};
///
/// #[derive(Debug, apierror::ApiError)]
/// #[api(status = 429)]
/// struct Slow;
///
/// let responder = ErrorResponder::default().with_rate_limit_headers(RateLimitHeaders::Ietf);
/// let cx = Context::new().with_rate_limit(RateLimit::new(u64::MAX, 0));
/// let response = responder.response(&Slow, &cx);
/// assert_eq!(response.headers()["ratelimit-policy"], "\"default\";q=999999999999999");
/// assert_eq!(apierror::MAX_SF_INTEGER, 999_999_999_999_999);
/// ```
pub const MAX_SF_INTEGER: u64 = 999_999_999_999_999;

/// Whole seconds for a Retry-After header: rounded up, so a nonzero delay is never sent as `0`
/// (which tells clients to retry at once), and capped at [`MAX_DELAY_SECONDS`].
#[must_use]
pub(crate) fn retry_after_seconds(delay: core::time::Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
        .min(MAX_DELAY_SECONDS)
}

const X_RATELIMIT_LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
const X_RATELIMIT_REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
const X_RATELIMIT_RESET: HeaderName = HeaderName::from_static("x-ratelimit-reset");
const RATELIMIT_POLICY: HeaderName = HeaderName::from_static("ratelimit-policy");
const RATELIMIT: HeaderName = HeaderName::from_static("ratelimit");

/// Whether `s` is a header value we are willing to send: visible ASCII with inner spaces.
pub(crate) fn is_header_text(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b == b' ' || b.is_ascii_graphic())
}

/// A header value from static text, without copying it (checked first, so it cannot panic).
fn static_value(s: &'static str) -> Option<HeaderValue> {
    is_header_text(s).then(|| HeaderValue::from_static(s))
}

/// A header value from request data, or `None` when it is not safe to send.
fn untrusted_value(s: &str) -> Option<HeaderValue> {
    if is_header_text(s) {
        HeaderValue::from_str(s).ok()
    } else {
        None
    }
}

/// Logs the source chain of a server error: the body never shows it, so the logs must.
#[cfg(feature = "tracing")]
fn log_hidden_source(error: &dyn ApiError, cx: &Context<'_>) {
    use core::fmt::Write as _;

    if !error.status().is_server_error() {
        return;
    }
    let Some(source) = error.source_error() else {
        return;
    };
    let mut chain = source.to_string();
    let mut next = source.source();
    while let Some(cause) = next {
        let _ = write!(chain, ": {cause}");
        next = cause.source();
    }
    tracing::error!(
        request_id = cx.request_id().unwrap_or(""),
        code = error.code(),
        status = error.status().as_u16(),
        source = %chain,
        "server error; its source is hidden from the client"
    );
}

/// An error with its exposed fields left out, for the fallback body.
struct WithoutFields<'a>(&'a dyn ApiError);

impl ApiError for WithoutFields<'_> {
    fn entry(&self) -> &'static Entry {
        self.0.entry()
    }
    fn retry_after(&self) -> Option<core::time::Duration> {
        self.0.retry_after()
    }
    fn detail(&self) -> Option<Detail<'_>> {
        self.0.detail()
    }
    fn write_fields(&self, _: &mut FieldWriter<'_>) {}
    fn violations(&self) -> Option<(&'static str, &crate::Violations)> {
        self.0.violations()
    }
    fn location(&self) -> Option<crate::Location<'_>> {
        self.0.location()
    }
    fn rate_limit(&self) -> Option<crate::RateLimit> {
        self.0.rate_limit()
    }
    fn __apierror_c(&self, sealed: crate::error::Sealed) -> &'static str {
        self.0.__apierror_c(sealed)
    }
    fn __apierror_s(&self, sealed: crate::error::Sealed) -> http::StatusCode {
        self.0.__apierror_s(sealed)
    }
}

/// The response for `error` with no request context: in the envelope its type declares
/// (`#[api(envelope = ...)]`), RFC 9457 problem details when it declares none.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 405, allow = "GET, HEAD")]
/// struct MethodNotAllowed;
///
/// let response = apierror::response(&MethodNotAllowed);
/// assert_eq!(response.status(), 405);
/// assert_eq!(response.headers()["allow"], "GET, HEAD");
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn response(error: &dyn ApiError) -> Response<Vec<u8>> {
    ErrorResponder::default().response(error, &Context::new())
}

#[cfg(test)]
mod tests {
    use core::time::Duration;

    use super::{is_header_text, retry_after_seconds, untrusted_value};

    #[test]
    fn retry_after_rounds_up_and_saturates() {
        assert_eq!(retry_after_seconds(Duration::ZERO), 0);
        assert_eq!(retry_after_seconds(Duration::from_nanos(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(retry_after_seconds(Duration::from_secs(60)), 60);
        assert_eq!(retry_after_seconds(Duration::from_secs(1 << 31)), 1 << 31);
        assert_eq!(retry_after_seconds(Duration::new(1 << 31, 1)), 1 << 31);
        assert_eq!(retry_after_seconds(Duration::MAX), 1 << 31);
        assert_eq!(retry_after_seconds(Duration::new(u64::MAX, 1)), 1 << 31);
    }

    #[test]
    fn header_text() {
        for ok in ["abc", "req-123_x.y", "a b", "Bearer realm=\"api\""] {
            assert!(is_header_text(ok), "{ok:?}");
        }
        for bad in [
            "",
            " lead",
            "trail ",
            "a\r\nb",
            "a\nb",
            "tab\there",
            "nul\0",
            "del\x7f",
            "ünï",
        ] {
            assert!(!is_header_text(bad), "{bad:?}");
            assert!(untrusted_value(bad).is_none());
        }
    }
}
