//! A field's location follows its visibility exactly like its value: every envelope, every
//! visibility (a 5xx's private field, `skip`, `detail_only`, `expose`) and every location kind,
//! rendered with sentinel values; no hidden sentinel reaches the body or the headers.
//! (Declaring a `location` on a hidden field is refused at compile time: see
//! `ui-tests/ui/fields/location_on_hidden_field.rs`.)

// `skip` fields are read by `Debug` alone: that is the point of them here.
#![allow(dead_code)]

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, SuccessFlag};
use apierror::{ApiError, ApiErrorExt, Context, ErrorResponder, Location, Problem};
use serde_json::Value;

#[derive(Debug, ApiError)]
enum Hidden {
    /// A server error: its fields are private unless exposed.
    #[api(status = 500, detail = "Saving failed.")]
    ServerPointer {
        private: String,
        #[api(skip)]
        skipped: String,
        #[api(expose, location = "pointer")]
        shown: String,
    },
    #[api(status = 503, detail = "Upstream failed.")]
    ServerParameter {
        private: String,
        #[api(skip)]
        skipped: String,
        #[api(expose, location = "parameter")]
        shown: String,
    },
    #[api(status = 502, detail = "Gateway failed.")]
    ServerHeader {
        private: String,
        #[api(skip)]
        skipped: String,
        #[api(expose, location = "header")]
        shown: String,
    },
    /// A client error: `skip` hides a field, `detail_only` shows it in `detail` only.
    #[api(status = 400, detail = "Bad value {only}.")]
    ClientPointer {
        #[api(skip)]
        skipped: String,
        #[api(detail_only)]
        only: String,
        #[api(location = "pointer")]
        shown: String,
    },
    #[api(status = 422, detail = "Bad value {only}.")]
    ClientParameter {
        #[api(skip)]
        skipped: String,
        #[api(detail_only)]
        only: String,
        #[api(location = "parameter")]
        shown: String,
    },
    #[api(status = 409, detail = "Bad value {only}.")]
    ClientHeader {
        #[api(skip)]
        skipped: String,
        #[api(detail_only)]
        only: String,
        #[api(location = "header")]
        shown: String,
    },
}

const PRIVATE: &str = "SENTINEL-PRIVATE";
const SKIPPED: &str = "SENTINEL-SKIPPED";
const ONLY: &str = "SENTINEL-DETAIL-ONLY";

fn cases() -> Vec<(Hidden, Location<'static>)> {
    let s = |text: &str| text.to_owned();
    vec![
        (
            Hidden::ServerPointer {
                private: s(PRIVATE),
                skipped: s(SKIPPED),
                shown: s("/shown/0"),
            },
            Location::Pointer("/shown/0"),
        ),
        (
            Hidden::ServerParameter {
                private: s(PRIVATE),
                skipped: s(SKIPPED),
                shown: s("shown"),
            },
            Location::Parameter("shown"),
        ),
        (
            Hidden::ServerHeader {
                private: s(PRIVATE),
                skipped: s(SKIPPED),
                shown: s("If-Match"),
            },
            Location::Header("If-Match"),
        ),
        (
            Hidden::ClientPointer {
                skipped: s(SKIPPED),
                only: s(ONLY),
                shown: s("/shown/1"),
            },
            Location::Pointer("/shown/1"),
        ),
        (
            Hidden::ClientParameter {
                skipped: s(SKIPPED),
                only: s(ONLY),
                shown: s("sort"),
            },
            Location::Parameter("sort"),
        ),
        (
            Hidden::ClientHeader {
                skipped: s(SKIPPED),
                only: s(ONLY),
                shown: s("If-None-Match"),
            },
            Location::Header("If-None-Match"),
        ),
    ]
}

/// Every string anywhere in `value`, with the JSON path that leads to it.
fn strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(text) => out.push((path.to_owned(), text.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, &format!("{path}/{i}"), out);
            }
        }
        Value::Object(members) => {
            for (name, item) in members {
                strings(item, &format!("{path}/{name}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_hidden_value_or_location_reaches_the_wire_in_any_envelope() {
    let envelopes: [&dyn Envelope; 7] = [
        &Problem::new(),
        &Problem::new().with_code_member("error_code"),
        &CodeMessage,
        &ErrorString,
        &SuccessFlag,
        &GoogleRpc::new("example.com"),
        &JsonApi,
    ];
    for (err, location) in cases() {
        // The error knows its hidden values (logs may see them) and its location is the shown one.
        assert!(format!("{err:?}").contains("SENTINEL"));
        assert_eq!(err.location(), Some(location));
        let detail = err.detail().map(|d| d.to_string());
        for envelope in envelopes {
            let response = ErrorResponder::new(envelope).response(&err, &Context::new());
            let body: Value = serde_json::from_slice(response.body()).unwrap();
            let mut found = Vec::new();
            strings(&body, "", &mut found);
            for (path, text) in &found {
                for sentinel in [PRIVATE, SKIPPED] {
                    assert!(
                        !text.contains(sentinel),
                        "{} in {}: {path} = {text:?}",
                        err.code(),
                        envelope.content_type()
                    );
                }
                // A `detail_only` value is in the human-readable detail text and nowhere else.
                if text.contains(ONLY) {
                    assert_eq!(
                        Some(text),
                        detail.as_ref(),
                        "{} in {}: {path}",
                        err.code(),
                        envelope.content_type()
                    );
                }
            }
            // The shown location reaches the body in JSON:API's `source`.
            if envelope.content_type() == "application/vnd.api+json" {
                let (key, value) = match location {
                    Location::Pointer(v) => ("pointer", v),
                    Location::Parameter(v) => ("parameter", v),
                    Location::Header(v) => ("header", v),
                    other => panic!("a location kind this test does not know: {other:?}"),
                };
                assert_eq!(
                    body["errors"][0]["source"],
                    serde_json::json!({ key: value }),
                    "{body}"
                );
            }
            for (name, value) in response.headers() {
                let value = value.to_str().unwrap();
                assert!(
                    !value.contains("SENTINEL"),
                    "{} header {name}: {value}",
                    err.code()
                );
            }
        }
    }
}

#[derive(Debug, ApiError)]
#[api(envelope = CodeMessage)]
enum Declared {
    #[api(status = 409, detail = "The name is taken.")]
    NameTaken,
}

#[derive(Debug, ApiError)]
enum Undeclared {
    #[api(status = 409, detail = "The name is taken.")]
    NameTaken,
}

/// The declared envelope is the default everywhere: `apierror::response`, any responder, and
/// (without a declaration) RFC 9457 problem details.
#[test]
fn the_declared_envelope_is_the_default_everywhere() {
    let expected = serde_json::json!({"code": "NAME_TAKEN", "message": "The name is taken."});
    let response = apierror::response(&Declared::NameTaken);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        expected
    );
    // A responder in another envelope does not override the declaration ...
    let response = ErrorResponder::new(JsonApi).response(&Declared::NameTaken, &Context::new());
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        expected
    );
    // ... and is the default of a type that declares none.
    let response = ErrorResponder::new(JsonApi).response(&Undeclared::NameTaken, &Context::new());
    assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
    let response = apierror::response(&Undeclared::NameTaken);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        serde_json::json!({"type": "about:blank", "title": "Conflict", "status": 409, "detail": "The name is taken.", "code": "NAME_TAKEN"})
    );
}

/// Violations read back from each envelope's own idiom, codes as the envelope carries them.
#[test]
fn violations_are_read_back_from_every_envelope() {
    use apierror::client::RemoteError;
    use apierror::{Violation, Violations};

    #[derive(Debug, ApiError)]
    enum Invalid {
        #[api(status = 422)]
        Form { problems: Violations },
    }
    let sent: Violations = [
        Violation::new("/email", "must be an email").with_code("format"),
        Violation::new("/lines/0/a b", "too long"),
        Violation::new("", "empty body"),
    ]
    .into_iter()
    .collect();
    let err = Invalid::Form {
        problems: sent.clone(),
    };
    let envelopes: [(&dyn Envelope, &[Option<&str>]); 5] = [
        (&Problem::new(), &[Some("format"), None, None]),
        (&CodeMessage, &[Some("format"), None, None]),
        (&SuccessFlag, &[Some("format"), None, None]),
        (&GoogleRpc::new("example.com"), &[Some("FORMAT"), None, None]),
        (&JsonApi, &[None, None, None]),
    ];
    for (envelope, codes) in envelopes {
        let response = ErrorResponder::new(envelope).response(&err, &Context::new());
        let remote = RemoteError::from_response(response.status(), response.headers(), response.body());
        let read = remote.violations_member("problems").unwrap();
        let got: Vec<_> = read
            .iter()
            .map(|v| (v.pointer(), v.message(), v.code()))
            .collect();
        let want: Vec<_> = sent
            .iter()
            .zip(codes)
            .map(|(v, c)| (v.pointer(), v.message(), *c))
            .collect();
        assert_eq!(got, want, "{}", envelope.content_type());
        // Without a content type, the shape alone tells the envelope (RFC 9457 with an `errors`
        // list is not JSON:API).
        let bare = RemoteError::from_response(response.status(), &http::HeaderMap::new(), response.body());
        assert_eq!(bare.shape(), remote.shape(), "{}", envelope.content_type());
    }
    // A member that is not a list of violations is refused, not read as none.
    let body = br#"{"code":"FORM","message":"m","details":{"problems":"nope"}}"#;
    let remote = RemoteError::from_response(
        http::StatusCode::UNPROCESSABLE_ENTITY,
        &http::HeaderMap::new(),
        body,
    );
    assert_eq!(remote.violations_member("problems"), None);
}

/// Every spelling `Retry::as_str` gives parses, in the derive and in `FromStr` alike.
#[test]
fn every_retry_spelling_parses_in_the_derive_and_from_str() {
    use apierror::Retry;

    #[derive(Debug, ApiError)]
    enum Spelled {
        #[api(status = 503, retry = "no", code = "NOT_RETRIED")]
        No,
        #[api(status = 409, retry = "yes")]
        Yes,
        #[api(status = 409, retry = "backoff")]
        Backoff,
        #[api(status = 409, retry = "after_delay")]
        AfterDelay,
        #[api(status = 403, retry = "after_reauth")]
        AfterReauth,
        #[api(status = 409, retry = "later")]
        Later,
        #[api(status = 409, retry = "new_key")]
        NewKey,
    }
    let derived = [
        Spelled::No,
        Spelled::Yes,
        Spelled::Backoff,
        Spelled::AfterDelay,
        Spelled::AfterReauth,
        Spelled::Later,
        Spelled::NewKey,
    ]
    .map(|e| e.retry());
    assert_eq!(derived, Retry::ALL);
    for &retry in Retry::ALL {
        assert_eq!(retry.as_str().parse::<Retry>(), Ok(retry));
    }
}
