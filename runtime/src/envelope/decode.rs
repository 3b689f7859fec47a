//! The decoding half of the envelopes: the [`Decode`] trait, which each envelope's file
//! implements next to its rendering, and the readers they share.

use serde_json::{Map, Value};

use crate::remote::{RemoteError, RemoteResolve};

/// The decoding counterpart of [`Envelope`](crate::envelope::Envelope): reads what a body in
/// this shape says. Implement it for a custom envelope to decode its bodies with
/// [`RemoteError::from_response_with`].
///
/// ```
/// use apierror::client::{Decode, RemoteError};
/// use apierror::http::{HeaderMap, StatusCode};
///
/// /// `{"error_code": ..., "http_status": ...}`
/// struct Minimal;
///
/// impl Decode for Minimal {
///     fn decode(&self, body: &serde_json::Value, error: &mut RemoteError) -> bool {
///         let Some(code) = body.get("error_code").and_then(|c| c.as_str()) else { return false };
///         error.set_code(code);
///         error.set_shape("minimal");
///         true
///     }
/// }
///
/// let body = br#"{"error_code":"NOT_FOUND","http_status":404}"#;
/// let remote = RemoteError::from_response_with(&Minimal, StatusCode::NOT_FOUND, &HeaderMap::new(), body);
/// assert_eq!(remote.code(), Some("NOT_FOUND"));
/// ```
pub trait Decode {
    /// Reads `body` into `error` and returns `true`, or returns `false` (leaving `error` as it
    /// was) when the body is not in this shape.
    fn decode(&self, body: &Value, error: &mut RemoteError) -> bool;
}

/// The most violations read from one body (a body is at most [`BODY_LIMIT`](super::BODY_LIMIT)
/// bytes anyway; this bounds the work on a list of empty objects).
pub(crate) const MAX_VIOLATIONS: usize = 1024;

/// A string member.
pub(crate) fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// A `resolve` object.
pub(crate) fn resolve(value: Option<&Value>) -> Option<RemoteResolve> {
    let object = value?.as_object()?;
    let resolve = RemoteResolve {
        message: text(object, "message"),
        url: text(object, "url"),
        action: text(object, "action"),
        method: text(object, "method"),
        endpoint: text(object, "endpoint"),
    };
    (resolve != RemoteResolve::default()).then_some(resolve)
}

/// The `retry` extension member, when a server puts its guidance on the wire.
pub(crate) fn retry(object: &Map<String, Value>, error: &mut RemoteError) {
    if let Some(retry) = object
        .get("retry")
        .and_then(Value::as_str)
        .and_then(|r| r.parse().ok())
    {
        error.set_retry(retry);
    }
}

/// Every member of `object` as an exposed field, but those in `own`.
pub(crate) fn members(object: &Map<String, Value>, own: &[&str], error: &mut RemoteError) {
    for (name, value) in object {
        if !own.contains(&name.as_str()) {
            error.insert_member(name.clone(), value.clone());
        }
    }
}

/// The object `{code, <message member>, details}` that three envelopes share (`message`, `error`,
/// and `{success, error: {...}}`'s inner object): `false` when it has no code.
pub(crate) fn code_message_details(
    object: &Map<String, Value>,
    message: &str,
    shape: &'static str,
    error: &mut RemoteError,
) -> bool {
    let Some(code) = text(object, "code") else {
        return false;
    };
    error.set_code(code);
    if let Some(message) = text(object, message) {
        error.set_detail(message);
    }
    retry(object, error);
    if let Some(details) = object.get("details").and_then(Value::as_object) {
        members(details, &[], error);
    }
    error.set_shape(shape);
    true
}
