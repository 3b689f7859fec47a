//! With the `tracing` feature, a server error whose body hides its source logs the source chain
//! with the request id; client errors and errors without a source log nothing.

use std::sync::{Arc, Mutex};

use apierror::{ApiError, Context, ErrorResponder};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Records every event's fields as `name=value` text.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={value:?} ", field.name()));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push_str(&format!("{}={value} ", field.name()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(format!("{} ", event.metadata().level()));
        event.record(&mut fields);
        self.0.lock().unwrap().push(fields.0.trim_end().to_owned());
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[derive(Debug)]
struct Outer(std::io::Error);

impl std::fmt::Display for Outer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("query failed")
    }
}

impl std::error::Error for Outer {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500, detail = "Internal error.")]
    Internal { source: Outer },
    #[api(status = 503)]
    Down,
    #[api(status = 400)]
    Invalid,
}

#[test]
fn hidden_sources_are_logged_with_the_request_id() {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), || {
        let cx = Context::new().with_request_id("req-9");
        let responder = ErrorResponder::default();
        let _ = responder.response(
            &E::Internal {
                source: Outer(std::io::Error::other("connection reset")),
            },
            &cx,
        );
        let _ = responder.response(&E::Down, &cx);
        let _ = responder.response(&E::Invalid, &cx);
    });
    let events = capture.0.lock().unwrap().clone();
    assert_eq!(
        events,
        [
            "ERROR message=server error; its source is hidden from the client request_id=req-9 code=INTERNAL status=500 source=query failed: connection reset"
        ]
    );
}

/// A panic caught by `apierror::axum::panic_response` is logged with the request id; the
/// response carries nothing of it.
#[test]
fn panics_are_logged_with_the_request_id() {
    let capture = Capture::default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let body = tracing::subscriber::with_default(capture.clone(), || {
        let context = apierror::RequestContext::new("/pay", Some(b"req-7"));
        runtime.block_on(context.scope(async {
            let payload: Box<dyn std::any::Any + Send> = Box::new("ledger row 7 is corrupt");
            apierror::axum::panic_response(payload)
        }))
    });
    let events = capture.0.lock().unwrap().clone();
    assert_eq!(
        events,
        ["ERROR message=handler panicked request_id=req-7 panic=ledger row 7 is corrupt"]
    );
    assert_eq!(body.status(), 500);
    assert_eq!(body.headers()["x-request-id"], "req-7");
}
