//! [`RemoteError`]: what an error response says, whichever envelope carried it, and the typed
//! decoding into a client's copy of the service's error type ([`FromRemote`]). Below the
//! envelopes, whose decoding halves fill it in; reading a whole response is `client/read.rs`.

use core::time::Duration;
use std::time::SystemTime;

use http::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{Retry, Violations};

/// What an error response says, whichever envelope carried it. Every part is optional except
/// the status: a body that is not JSON, or in no shape a decoder knows, still gives the status
/// and the headers.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RemoteError {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) detail: Option<String>,
    pub(crate) type_uri: Option<String>,
    pub(crate) instance: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) resolve: Option<RemoteResolve>,
    pub(crate) members: Map<String, Value>,
    pub(crate) violations: Option<Violations>,
    pub(crate) retry: Option<Retry>,
    pub(crate) retry_at: Option<RetryAt>,
    pub(crate) rate_limit: Option<RemoteRateLimit>,
    pub(crate) www_authenticate: Option<String>,
    pub(crate) allow: Option<String>,
    pub(crate) shape: Option<&'static str>,
}

/// When the server said to retry: a delay, or a point in time (an HTTP-date).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RetryAt {
    After(Duration),
    At(SystemTime),
}

/// Resolution guidance as a response carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemoteResolve {
    /// Text for a person.
    pub message: Option<String>,
    /// A page where a person can resolve it.
    pub url: Option<String>,
    /// A `snake_case` intent, such as `select_plan`.
    pub action: Option<String>,
    /// The HTTP method of the API call that resolves it.
    pub method: Option<String>,
    /// The API path of that call.
    pub endpoint: Option<String>,
}

/// An API call an agent can make to resolve an error: the method parsed, the endpoint checked
/// to be a path on the same service (it starts with one `/`, has no whitespace, no scheme).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActionCall {
    /// The intent, when the response names one.
    pub action: Option<String>,
    /// The method to call with (`GET` when the response names none).
    pub method: http::Method,
    /// The path to call.
    pub endpoint: String,
}

impl RemoteResolve {
    /// The API call that resolves the error, when the response gives an endpoint that is a
    /// plain path and, if it gives a method, a valid one.
    ///
    /// ```
    /// use apierror::client::RemoteResolve;
    ///
    /// let mut resolve = RemoteResolve::default();
    /// resolve.action = Some("select_plan".into());
    /// resolve.method = Some("POST".into());
    /// resolve.endpoint = Some("/billing/checkout".into());
    /// let call = resolve.action_call().unwrap();
    /// assert_eq!((call.method.as_str(), call.endpoint.as_str()), ("POST", "/billing/checkout"));
    ///
    /// resolve.endpoint = Some("//evil.example/steal".into());
    /// assert!(resolve.action_call().is_none());
    /// ```
    #[must_use]
    pub fn action_call(&self) -> Option<ActionCall> {
        let endpoint = self.endpoint.as_deref()?;
        let is_path = endpoint.starts_with('/')
            && !endpoint.starts_with("//")
            && !endpoint.contains("://")
            && endpoint.len() <= 2048
            && endpoint.bytes().all(|b| b.is_ascii_graphic());
        if !is_path {
            return None;
        }
        let method = match self.method.as_deref() {
            Some(method) => http::Method::from_bytes(method.as_bytes()).ok()?,
            None => http::Method::GET,
        };
        Some(ActionCall {
            action: self.action.clone(),
            method,
            endpoint: endpoint.to_owned(),
        })
    }
}

impl RemoteError {
    /// An error with only a status, for decoders to fill in.
    #[must_use]
    pub fn new(status: StatusCode) -> Self {
        RemoteError {
            status,
            code: None,
            title: None,
            detail: None,
            type_uri: None,
            instance: None,
            request_id: None,
            resolve: None,
            members: Map::new(),
            violations: None,
            retry: None,
            retry_at: None,
            rate_limit: None,
            www_authenticate: None,
            allow: None,
            shape: None,
        }
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The error code.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Whether the code is `code`, as written or as AIP-193 writes it (`UPPER_SNAKE_CASE`).
    #[must_use]
    pub fn is_code(&self, code: &str) -> bool {
        match self.code.as_deref() {
            Some(own) if own == code => true,
            Some(own) => self.shape == Some("google.rpc") && own == crate::codes::reason(code),
            None => false,
        }
    }

    /// The short summary.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The human-readable detail (or message) of the occurrence.
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The problem type URI.
    #[must_use]
    pub fn type_uri(&self) -> Option<&str> {
        self.type_uri.as_deref()
    }

    /// The problem instance.
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The request id, from the body or the `X-Request-Id` header.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Resolution guidance.
    #[must_use]
    pub fn resolve(&self) -> Option<&RemoteResolve> {
        self.resolve.as_ref()
    }

    /// The exposed members (the error's fields), as JSON values; AIP-193 metadata values are
    /// strings, as that standard writes them.
    #[must_use]
    pub fn members(&self) -> &Map<String, Value> {
        &self.members
    }

    /// The member `name` as a `T`; a string that holds `T`'s JSON text (AIP-193 metadata writes
    /// `"5"` for `5`) is read as that text. A missing member reads as `null`, so an `Option`
    /// is `None`. A member AIP-193 wrote under its lowerCamelCase key (`usageType` for
    /// `usage_type`) is found under either name.
    #[must_use]
    pub fn member<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let value = self
            .members
            .get(name)
            .or_else(|| self.members.get(&*crate::codes::metadata_key(name)))
            .unwrap_or(&Value::Null);
        T::deserialize(value).ok().or_else(|| match value {
            Value::String(text) => serde_json::from_str(text).ok(),
            _ => None,
        })
    }

    /// The validation errors an envelope carries in a shape of its own: AIP-193's
    /// `google.rpc.BadRequest` field violations (each field path read back as a JSON Pointer),
    /// or JSON:API's error objects that point at a `source.pointer`. Envelopes that carry
    /// violations as a member (RFC 9457 `errors`, `details.errors`) leave them in
    /// [`RemoteError::members`]; [`RemoteError::violations_member`] reads either.
    ///
    /// ```
    /// use apierror::client::RemoteError;
    /// use apierror::http::{HeaderMap, StatusCode};
    ///
    /// let body = br#"{"errors":[
    ///     {"status":"422","code":"INVALID","detail":"must be an email","source":{"pointer":"/email"}},
    ///     {"status":"422","code":"INVALID","detail":"too long","source":{"pointer":"/name"}}]}"#;
    /// let remote = RemoteError::from_response(StatusCode::UNPROCESSABLE_ENTITY, &HeaderMap::new(), body);
    /// let violations = remote.violations().unwrap();
    /// assert_eq!(violations.iter().map(|v| v.pointer()).collect::<Vec<_>>(), ["/email", "/name"]);
    /// ```
    #[must_use]
    pub fn violations(&self) -> Option<&Violations> {
        self.violations.as_ref()
    }

    /// The validation errors under the member `name` (`[{pointer, message}]`, or RFC 9457's
    /// `[{detail, pointer: "#/..."}]`), else those the envelope carries in its own shape
    /// ([`RemoteError::violations`]), else none (an envelope may leave an empty list out).
    /// `None` only when the member is there and is not a list of violations.
    ///
    /// ```
    /// use apierror::client::RemoteError;
    /// use apierror::http::{HeaderMap, StatusCode};
    ///
    /// let body = br##"{"type":"about:blank","title":"Unprocessable Content","status":422,
    ///     "errors":[{"detail":"must be an email","pointer":"#/email"}]}"##;
    /// let remote = RemoteError::from_response(StatusCode::UNPROCESSABLE_ENTITY, &HeaderMap::new(), body);
    /// let violations = remote.violations_member("errors").unwrap();
    /// assert_eq!(violations.iter().next().unwrap().pointer(), "/email");
    /// ```
    #[must_use]
    pub fn violations_member(&self, name: &str) -> Option<Violations> {
        match self.members.get(name) {
            Some(value) => Violations::deserialize(value).ok(),
            None => Some(self.violations.clone().unwrap_or_default()),
        }
    }

    /// The retry guidance the server put on the wire (a `retry` member), if any.
    #[must_use]
    pub fn retry(&self) -> Option<Retry> {
        self.retry
    }

    /// How long to wait before retrying, from `Retry-After` (delta-seconds, or an HTTP-date
    /// measured from now: zero when it has passed) or, without it, a `retryDelay` in the body.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after_at(SystemTime::now())
    }

    /// [`RemoteError::retry_after`] as of `now`.
    #[must_use]
    pub fn retry_after_at(&self, now: SystemTime) -> Option<Duration> {
        match self.retry_at? {
            RetryAt::After(delay) => Some(delay),
            RetryAt::At(when) => Some(when.duration_since(now).unwrap_or(Duration::ZERO)),
        }
    }

    /// The caller's rate-limit state, from the `X-RateLimit-*` or IETF `RateLimit` fields.
    #[must_use]
    pub fn rate_limit(&self) -> Option<&RemoteRateLimit> {
        self.rate_limit.as_ref()
    }

    /// The `WWW-Authenticate` challenge.
    #[must_use]
    pub fn www_authenticate(&self) -> Option<&str> {
        self.www_authenticate.as_deref()
    }

    /// The `Allow` header: the methods the resource supports.
    #[must_use]
    pub fn allow(&self) -> Option<&str> {
        self.allow.as_deref()
    }

    /// The envelope the body was decoded as (`"problem"`, `"code-message"`, `"error-string"`,
    /// `"success-flag"`, `"google.rpc"`, `"json:api"`, or a custom decoder's name).
    #[must_use]
    pub fn shape(&self) -> Option<&'static str> {
        self.shape
    }

    /// Decodes this error into the client's copy of the service's error type.
    #[must_use]
    pub fn decode<E: FromRemote>(self) -> Decoded<E> {
        E::from_remote(self)
    }

    /// Sets the code.
    pub fn set_code(&mut self, code: impl Into<String>) {
        self.code = Some(code.into());
    }

    /// Sets the title.
    pub fn set_title(&mut self, title: impl Into<String>) {
        self.title = Some(title.into());
    }

    /// Sets the detail.
    pub fn set_detail(&mut self, detail: impl Into<String>) {
        self.detail = Some(detail.into());
    }

    /// Sets the problem type URI.
    pub fn set_type_uri(&mut self, uri: impl Into<String>) {
        self.type_uri = Some(uri.into());
    }

    /// Sets the problem instance.
    pub fn set_instance(&mut self, instance: impl Into<String>) {
        self.instance = Some(instance.into());
    }

    /// Sets the request id (the body's, which wins over the header's).
    pub fn set_request_id(&mut self, id: impl Into<String>) {
        self.request_id = Some(id.into());
    }

    /// Sets the resolution guidance.
    pub fn set_resolve(&mut self, resolve: RemoteResolve) {
        self.resolve = Some(resolve);
    }

    /// Adds an exposed member.
    pub fn insert_member(&mut self, name: impl Into<String>, value: Value) {
        self.members.insert(name.into(), value);
    }

    /// Sets the validation errors the envelope carries in a shape of its own.
    pub fn set_violations(&mut self, violations: Violations) {
        self.violations = Some(violations);
    }

    /// Sets the retry guidance read from the body.
    pub fn set_retry(&mut self, retry: Retry) {
        self.retry = Some(retry);
    }

    /// Sets the retry delay read from the body (a header's wins).
    pub fn set_body_retry_delay(&mut self, delay: Duration) {
        if self.retry_at.is_none() {
            self.retry_at = Some(RetryAt::After(delay));
        }
    }

    /// Names the envelope the body was decoded as.
    pub fn set_shape(&mut self, shape: &'static str) {
        self.shape = Some(shape);
    }
}

impl core::fmt::Display for RemoteError {
    /// The status, the code and the detail: what a log line needs.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(detail) = self.detail.as_ref().or(self.title.as_ref()) {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RemoteError {}

/// A caller's rate-limit state as a response reports it: `X-RateLimit-Limit`,
/// `-Remaining` and `-Reset`, or the IETF `RateLimit` / `RateLimit-Policy` fields
/// (`"default";r=0;t=12` and `"default";q=100;w=60`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemoteRateLimit {
    /// Requests allowed in the window.
    pub limit: Option<u64>,
    /// Requests left in the window.
    pub remaining: Option<u64>,
    /// How long until the window resets, as of when the response was decoded.
    pub reset_after: Option<Duration>,
    /// The window's length.
    pub window: Option<Duration>,
}

/// A client's copy of a service's error type, rebuilt from what a response says: derived with
/// `#[api(decode)]` (and the `client` feature).
///
/// A variant is decodable when every field is a body member (decoded with `Deserialize`; an
/// `Option` member may be missing). A code the type does not know (a newer server) or a
/// variant with fields that never go on the wire (a source, a skipped or `detail_only` field,
/// and a `retry_after` field not marked `expose`, which only the `Retry-After` header carries)
/// decodes to [`Decoded::Unknown`] with everything the response carried: the delay is still
/// there, as [`RemoteError::retry_after`]. [`FromRemote::decodable`] says which codes rebuild.
pub trait FromRemote: Sized {
    /// The variant `remote` names, or `remote` itself when it names none this type can build.
    fn from_remote(remote: RemoteError) -> Decoded<Self>;

    /// Whether `code` names a variant this type can rebuild from a response.
    fn decodable(code: &str) -> bool;
}

/// What a response decoded to: a variant of the client's error type, or the response itself.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "returned once per failed call, next to network I/O; boxing would cost an allocation for nothing"
)]
pub enum Decoded<E> {
    /// A variant the type knows, with its fields from the response.
    Known(E),
    /// A code the type does not know, or a variant it cannot rebuild.
    Unknown(RemoteError),
}
