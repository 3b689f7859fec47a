//! Server errors never leak: a 5xx body holds the declared title/detail and exposed fields only,
//! never the source error, its Display or Debug text, or an unexposed field, in any envelope.

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, Output, SuccessFlag};
use apierror::{ApiError, ApiErrorExt, Context, ErrorResponder, Problem};

const SECRET: &str = "sk_live_SECRET_42";

#[derive(Debug)]
struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connection to postgres://admin:{SECRET}@db failed")
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, thiserror::Error, ApiError)]
enum ServerError {
    #[error("database failure: {source}")]
    #[api(status = 500, detail = "Internal error while saving {entity}.")]
    Database {
        #[api(expose)]
        entity: &'static str,
        query: String,
        #[api(skip)]
        credentials: String,
        source: DbError,
    },
    #[error("upstream failure")]
    #[api(status = 502, title = "Upstream unavailable")]
    Upstream(#[source] std::io::Error, String),
    #[error("boxed")]
    #[api(status = 503, retry = "later")]
    Boxed {
        #[api(source)]
        inner: Box<dyn std::error::Error + Send + Sync>,
        internal_host: String,
    },
}

fn leaky() -> Vec<ServerError> {
    vec![
        ServerError::Database {
            entity: "invoice",
            query: format!("UPDATE users SET key='{SECRET}'"),
            credentials: SECRET.into(),
            source: DbError,
        },
        ServerError::Upstream(std::io::Error::other(SECRET), SECRET.into()),
        ServerError::Boxed {
            inner: format!("token {SECRET}").into(),
            internal_host: format!("{SECRET}.internal"),
        },
    ]
}

#[test]
fn no_envelope_leaks_a_server_error_secret() {
    let envelopes: [&dyn Envelope; 6] = [
        &Problem::new(),
        &CodeMessage,
        &ErrorString,
        &SuccessFlag,
        &GoogleRpc::new("example.com"),
        &JsonApi,
    ];
    for err in leaky() {
        // The error itself knows the secret (logs may see it) ...
        let logged = format!("{err} {err:?} {:?}", err.source_error().map(ToString::to_string));
        assert!(logged.contains(SECRET));
        for envelope in envelopes {
            // ... the body and the headers never do.
            let response = ErrorResponder::new(envelope).response(&err, &Context::new());
            let text = String::from_utf8(response.body().clone()).unwrap();
            assert!(
                !text.contains(SECRET),
                "{} leaks in {}: {text}",
                err.code(),
                envelope.content_type()
            );
            assert!(!text.contains("postgres"), "{text}");
            for (_, value) in response.headers() {
                assert!(!value.to_str().unwrap().contains(SECRET));
            }
        }
    }
}

#[test]
fn exposed_server_fields_are_the_marked_ones_only() {
    let errs = leaky();
    let mut out = Vec::new();
    CodeMessage
        .render(&errs[0], &Context::new(), &mut Output::new(&mut out))
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
        serde_json::json!({
            "code": "DATABASE",
            "message": "Internal error while saving invoice.",
            "details": {"entity": "invoice"},
        })
    );
    out.clear();
    CodeMessage
        .render(&errs[1], &Context::new(), &mut Output::new(&mut out))
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
        serde_json::json!({"code": "UPSTREAM", "message": "Upstream unavailable"})
    );
}

/// Blanket forwarding impls (`&T`, `Box<T>`) keep the same guarantees.
#[test]
fn boxed_errors_do_not_leak_either() {
    for err in leaky() {
        let boxed: Box<dyn ApiError> = Box::new(err);
        let text = String::from_utf8(apierror::response(&boxed).into_body()).unwrap();
        assert!(!text.contains(SECRET), "{text}");
    }
}
