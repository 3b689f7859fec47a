//! The [`ApiError`] trait: what every error a service returns has (its catalog entry) and what
//! each occurrence decides (detail, retry-after, fields, source, violations, location, rate
//! limit), and [`RateLimited`], which attaches an endpoint's rate limit to an error.

use core::time::Duration;

use crate::envelope::RenderError;
use crate::{Detail, Entry, FieldWriter, RateLimit, Resolve, Retry, StatusCode, Violations};

/// An error a service returns to its clients: its catalog entry, and what varies per occurrence.
///
/// Derive it with `#[derive(ApiError)]`. Everything static (code, status, title, retry guidance,
/// resolution, type URI, headers, fields) is in the [`Entry`]; the trait adds only what an
/// occurrence decides: the [`detail`](ApiError::detail) text, a
/// [`retry_after`](ApiError::retry_after) delay from a field, the exposed field values
/// ([`write_fields`](ApiError::write_fields)) and the [`source_error`](ApiError::source_error)
/// for logs. The shorthands `code()`, `status()`, `title()`, `retry()` and the like come from
/// [`ApiErrorExt`], implemented for every `ApiError` and reading the entry, so they can never
/// disagree with what the envelopes render.
///
/// The trait is dyn-compatible, so middleware can hold a `Box<dyn ApiError + Send + Sync>`.
///
/// ```
/// use apierror::{ApiError, ApiErrorExt};
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
/// assert_eq!(apierror::field_values(&*err).unwrap()["id"], "ws_1");
/// ```
///
/// # Implementing it by hand
///
/// An impl needs only [`entry`](ApiError::entry); build the entry with [`Entry::new`] in a
/// `static` (every builder method is `const`):
///
/// ```
/// use apierror::{ApiError, ApiErrorExt, Detail, Entry, Retry, StatusCode};
///
/// #[derive(Debug)]
/// struct Maintenance {
///     until: &'static str,
/// }
///
/// static MAINTENANCE: Entry = Entry::new("MAINTENANCE", StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable")
///     .with_retry(Retry::Later)
///     .with_description("The service is down for planned maintenance.");
///
/// impl ApiError for Maintenance {
///     fn entry(&self) -> &'static Entry {
///         &MAINTENANCE
///     }
///     fn detail(&self) -> Option<Detail<'_>> {
///         Some(Detail::from_display(&self.until))
///     }
/// }
///
/// let err = Maintenance { until: "back at 12:00Z" };
/// assert_eq!(err.code(), "MAINTENANCE");
/// assert_eq!(err.title(), "Service Unavailable");
/// assert_eq!(err.retry(), Retry::Later);
/// ```
pub trait ApiError {
    /// The catalog entry of this error's variant.
    fn entry(&self) -> &'static Entry;

    /// The human-readable detail of this occurrence.
    fn detail(&self) -> Option<Detail<'_>> {
        None
    }

    /// How long a client should wait before retrying: the field marked `#[api(retry_after)]`,
    /// or the entry's static delay.
    fn retry_after(&self) -> Option<Duration> {
        self.entry().retry_after()
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

    /// The validation errors of this occurrence, with the member name of the field that holds
    /// them (a field of type [`Violations`]): envelopes that have a shape of their own for them
    /// (RFC 9457's `errors`, AIP-193's `BadRequest`, JSON:API's error per violation) render them
    /// so; the others write the field like any other.
    fn violations(&self) -> Option<(&'static str, &Violations)> {
        None
    }

    /// What in the request caused this occurrence: a field marked
    /// `#[api(location = "pointer" | "parameter" | "header")]`. JSON:API bodies write it as the
    /// error's `source`.
    fn location(&self) -> Option<Location<'_>> {
        None
    }

    /// The rate limit of the endpoint this occurrence comes from, which its response's
    /// rate-limit headers show in place of the request context's (see [`RateLimited`], which
    /// sets it: `error.with_rate_limit(..)`). None unless set.
    fn rate_limit(&self) -> Option<RateLimit> {
        None
    }

    /// The entry's code, by the quickest path the implementation has (the derive answers
    /// from a `match`). Not part of the public API: call [`ApiErrorExt::code`]. Only this crate
    /// can make a `Sealed`, so only it can call the method.
    #[doc(hidden)]
    fn __apierror_c(&self, _: Sealed) -> &'static str {
        self.entry().code()
    }

    /// The entry's status, likewise. Not part of the public API: call [`ApiErrorExt::status`].
    #[doc(hidden)]
    fn __apierror_s(&self, _: Sealed) -> StatusCode {
        self.entry().status()
    }
}

/// The argument of `ApiError`'s hidden `__apierror_c` and `__apierror_s`: anyone can name it in
/// an impl (the derive does, as `__private::Sealed`), only this crate can make one, so only this
/// crate can call them.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Sealed(pub(crate) ());

/// Shorthands for what an error's [`Entry`] says, for every [`ApiError`] (and
/// `dyn ApiError`). They are not part of `ApiError` so that no implementation can answer
/// differently from the entry the envelopes render.
///
/// ```
/// use apierror::{ApiError, ApiErrorExt, Retry};
///
/// #[derive(Debug, ApiError)]
/// enum BillingError {
///     #[api(status = 402, retry = false, resolve(action = "select_plan"))]
///     CreditExhausted,
/// }
///
/// let err = BillingError::CreditExhausted;
/// assert_eq!(err.code(), "CREDIT_EXHAUSTED");
/// assert_eq!(err.status(), apierror::StatusCode::PAYMENT_REQUIRED);
/// assert_eq!(err.title(), "Payment Required");
/// assert_eq!(err.retry(), Retry::No);
/// assert!(!err.is_retryable());
/// assert_eq!(err.resolve().unwrap().action(), Some("select_plan"));
/// assert_eq!(err.type_uri(), "about:blank");
/// ```
pub trait ApiErrorExt: ApiError {
    /// The stable machine-readable code ([`Entry::code`]).
    fn code(&self) -> &'static str {
        self.__apierror_c(Sealed(()))
    }

    /// The HTTP status ([`Entry::status`]).
    fn status(&self) -> StatusCode {
        self.__apierror_s(Sealed(()))
    }

    /// The short static summary ([`Entry::title`]).
    fn title(&self) -> &'static str {
        self.entry().title()
    }

    /// Retry guidance ([`Entry::retry`]).
    fn retry(&self) -> Retry {
        self.entry().retry()
    }

    /// Whether repeating the request can succeed (see [`Retry::is_retryable`]).
    fn is_retryable(&self) -> bool {
        self.entry().retry().is_retryable()
    }

    /// Resolution guidance ([`Entry::resolve`]).
    fn resolve(&self) -> Option<&'static Resolve> {
        self.entry().resolve()
    }

    /// The problem type URI ([`Entry::type_uri`]).
    fn type_uri(&self) -> &'static str {
        self.entry().type_uri()
    }

    /// This error with the rate limit of the endpoint that returns it: its response's
    /// rate-limit headers (`X-RateLimit-*` or the IETF fields, as the service chose) show `limit`
    /// in place of the request context's. See [`RateLimited`].
    fn with_rate_limit(self, limit: RateLimit) -> RateLimited<Self>
    where
        Self: Sized,
    {
        RateLimited::new(self).with_rate_limit(limit)
    }

    /// This error with a `Retry-After` of `delay` (in place of the declared or field value).
    /// See [`RateLimited`].
    fn with_retry_after(self, delay: Duration) -> RateLimited<Self>
    where
        Self: Sized,
    {
        RateLimited::new(self).with_retry_after(delay)
    }
}

impl<T: ApiError + ?Sized> ApiErrorExt for T {}

/// The fields `error` exposes, as JSON values keyed by member name (for tests, logs and code
/// that wants values rather than a rendered body).
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum QuotaError {
///     #[api(status = 429)]
///     Exceeded { limit: u32, plan: &'static str },
/// }
///
/// let values = apierror::field_values(&QuotaError::Exceeded { limit: 5, plan: "free" }).unwrap();
/// assert_eq!(serde_json::Value::Object(values), serde_json::json!({"limit": 5, "plan": "free"}));
/// ```
///
/// # Errors
/// When a field's `Serialize` implementation fails (the error names the field).
pub fn field_values(
    error: &(impl ApiError + ?Sized),
) -> Result<serde_json::Map<String, serde_json::Value>, RenderError> {
    let mut map = serde_json::Map::new();
    let mut writer = FieldWriter::map(&mut map);
    error.write_fields(&mut writer);
    writer.finish().map(|_| map)
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
            fn violations(&self) -> Option<(&'static str, &Violations)> {
                (**self).violations()
            }
            fn location(&self) -> Option<Location<'_>> {
                (**self).location()
            }
            fn rate_limit(&self) -> Option<RateLimit> {
                (**self).rate_limit()
            }
            fn __apierror_c(&self, sealed: Sealed) -> &'static str {
                (**self).__apierror_c(sealed)
            }
            fn __apierror_s(&self, sealed: Sealed) -> StatusCode {
                (**self).__apierror_s(sealed)
            }
        }
    )*};
}
forward_api_error!(&T, Box<T>, std::sync::Arc<T>);

/// An error with the rate limit (and `Retry-After`) of the endpoint that returns it, so that a
/// handler with a limit of its own answers with the right headers without building the
/// response: everything else is the inner error's. Made by [`ApiErrorExt::with_rate_limit`] and
/// [`ApiErrorExt::with_retry_after`]; it is an [`ApiError`], an axum `IntoResponse` and converts
/// into `actix_web::Error` (with those features), in the service's envelope, whatever the inner
/// type opted into.
///
/// ```
/// use std::time::Duration;
/// use apierror::{ApiError, ApiErrorExt, Context, ErrorResponder, RateLimit};
///
/// #[derive(Debug, ApiError)]
/// enum SearchError {
///     #[api(status = 429, retry = "after_delay")]
///     TooManySearches,
/// }
///
/// // In a handler: this endpoint allows 10 searches a minute, none are left.
/// let limit = RateLimit::new(10, 0).with_reset_after(Duration::from_secs(42));
/// let error = SearchError::TooManySearches.with_rate_limit(limit).with_retry_after(Duration::from_secs(42));
///
/// let response = ErrorResponder::default().response(&error, &Context::new());
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["x-ratelimit-limit"], "10");
/// assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
/// assert_eq!(response.headers()["retry-after"], "42");
/// assert_eq!(error.code(), "TOO_MANY_SEARCHES");
/// ```
#[derive(Clone, Debug)]
pub struct RateLimited<E> {
    error: E,
    rate_limit: Option<RateLimit>,
    retry_after: Option<Duration>,
}

impl<E> RateLimited<E> {
    /// `error`, with nothing attached yet.
    #[must_use]
    pub const fn new(error: E) -> Self {
        RateLimited {
            error,
            rate_limit: None,
            retry_after: None,
        }
    }

    /// Attaches the endpoint's rate limit.
    #[must_use]
    pub const fn with_rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = Some(limit);
        self
    }

    /// Sets the `Retry-After` delay.
    #[must_use]
    pub const fn with_retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// The inner error.
    #[must_use]
    pub const fn error(&self) -> &E {
        &self.error
    }

    /// The inner error, without what was attached.
    #[must_use]
    pub fn into_inner(self) -> E {
        self.error
    }
}

/// `?` on the inner error in a handler that returns `RateLimited<E>`.
impl<E> From<E> for RateLimited<E> {
    fn from(error: E) -> Self {
        RateLimited::new(error)
    }
}

impl<E: ApiError> ApiError for RateLimited<E> {
    fn entry(&self) -> &'static Entry {
        self.error.entry()
    }
    fn retry_after(&self) -> Option<Duration> {
        self.retry_after.or_else(|| self.error.retry_after())
    }
    fn detail(&self) -> Option<Detail<'_>> {
        self.error.detail()
    }
    fn write_fields(&self, out: &mut FieldWriter<'_>) {
        self.error.write_fields(out);
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source_error()
    }
    fn violations(&self) -> Option<(&'static str, &Violations)> {
        self.error.violations()
    }
    fn location(&self) -> Option<Location<'_>> {
        self.error.location()
    }
    fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit.or_else(|| self.error.rate_limit())
    }
    fn __apierror_c(&self, sealed: Sealed) -> &'static str {
        self.error.__apierror_c(sealed)
    }
    fn __apierror_s(&self, sealed: Sealed) -> StatusCode {
        self.error.__apierror_s(sealed)
    }
}

impl<E: core::fmt::Display> core::fmt::Display for RateLimited<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.error.fmt(f)
    }
}

impl<E: std::error::Error> std::error::Error for RateLimited<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}

/// What in the request caused an error, as JSON:API's `source` names it.
///
/// Every envelope writes it in its own idiom: JSON:API as the error's `source`, RFC 9457
/// [`Problem`](crate::Problem) as an `errors` entry (`{"detail", "pointer": "#/..."}` as in
/// RFC 9457's example, or `"parameter"` / `"header"`), AIP-193
/// [`GoogleRpc`](crate::envelope::GoogleRpc) as a `BadRequest` field violation, and the
/// envelopes with a `details` object as a member named [`Location::name`] there, when the error
/// exposes no field of its own (a derived type's location field already is a member).
///
/// ```
/// use apierror::{ApiError, Location};
///
/// #[derive(Debug, ApiError)]
/// enum QueryError {
///     #[api(status = 400, detail = "Unknown sort field.")]
///     BadSort {
///         #[api(location = "parameter")]
///         parameter: String,
///     },
/// }
///
/// let err = QueryError::BadSort { parameter: "sort".into() };
/// assert_eq!(err.location(), Some(Location::Parameter("sort")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location<'a> {
    /// A JSON Pointer into the request body (RFC 6901).
    Pointer(&'a str),
    /// A query parameter.
    Parameter(&'a str),
    /// A request header.
    Header(&'a str),
}

impl<'a> Location<'a> {
    /// What kind of location this is, as JSON:API's `source` member names it: `"pointer"`,
    /// `"parameter"` or `"header"`.
    ///
    /// ```
    /// use apierror::Location;
    ///
    /// assert_eq!(Location::Parameter("sort").name(), "parameter");
    /// assert_eq!(Location::Pointer("/items/0").value(), "/items/0");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Location::Pointer(_) => "pointer",
            Location::Parameter(_) => "parameter",
            Location::Header(_) => "header",
        }
    }

    /// The pointer, parameter name or header name.
    #[must_use]
    pub const fn value(&self) -> &'a str {
        match self {
            Location::Pointer(v) | Location::Parameter(v) | Location::Header(v) => v,
        }
    }
}
