//! Declarations that acceptance testing found failing to compile, or compiling wrongly; each
//! test is named after what it pins down.

use apierror::{ApiError, ApiErrorExt, Catalog};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
enum Repeated {
    #[api(status = 400, detail = "{a} and {b} and {a:?}")]
    Named { a: String, b: u32 },
    #[api(status = 400, detail = "{0} {1} {0:?}")]
    Positional(String, u32),
    #[api(status = 400, detail = "[{x:w$}] {y} {w}")]
    Width { x: u32, y: u32, w: usize },
}

#[test]
fn a_field_shown_twice_not_side_by_side_in_detail() {
    let named = Repeated::Named { a: "x".into(), b: 2 };
    assert_eq!(named.detail().unwrap().to_string(), "x and 2 and \"x\"");
    let positional = Repeated::Positional("y".into(), 3);
    assert_eq!(positional.detail().unwrap().to_string(), "y 3 \"y\"");
    let width = Repeated::Width { x: 7, y: 1, w: 3 };
    assert_eq!(width.detail().unwrap().to_string(), "[  7] 1 3");
}

#[derive(Debug, ApiError)]
#[allow(non_camel_case_types)]
enum Raw {
    #[api(status = 400, detail = "got {r#match} for {r#loop:?}")]
    r#match { r#match: String, r#loop: u8 },
}

#[test]
fn raw_identifiers_are_plain_text_everywhere() {
    let err = Raw::r#match {
        r#match: "m".into(),
        r#loop: 4,
    };
    assert_eq!(err.detail().unwrap().to_string(), "got m for 4");
    assert_eq!(err.code(), "MATCH");
    assert_eq!(err.entry().variant(), "match");
    assert_eq!(
        Value::Object(apierror::field_values(&err).unwrap()),
        json!({"match": "m", "loop": 4})
    );
}

/// A derive inside a `macro_rules!` whose fields (names and types) come from the macro's input.
macro_rules! error_enum {
    ($name:ident { $($field:ident : $ty:ty),* }) => {
        #[derive(Debug, ApiError)]
        enum $name {
            #[api(status = 422, detail = "invalid")]
            Invalid { $($field: $ty),* },
            #[api(transparent)]
            Inner(Repeated),
            #[api(status = 500)]
            Broken { #[source] cause: std::io::Error, $(#[api(expose)] $field: $ty),* },
        }
    };
}

error_enum!(FromMacro {
    name: String,
    count: u32
});

#[test]
fn derive_inside_macro_rules_with_fields_from_its_input() {
    let err = FromMacro::Invalid {
        name: "n".into(),
        count: 2,
    };
    assert_eq!(
        Value::Object(apierror::field_values(&err).unwrap()),
        json!({"name": "n", "count": 2})
    );
    let inner = FromMacro::Inner(Repeated::Positional("p".into(), 1));
    assert_eq!(inner.code(), "POSITIONAL");
    let broken = FromMacro::Broken {
        cause: std::io::Error::other("disk"),
        name: "n".into(),
        count: 1,
    };
    assert_eq!(broken.source_error().unwrap().to_string(), "disk");
    assert_eq!(FromMacro::entries().len(), 2);
}

#[derive(Debug, ApiError)]
enum OptionalSource {
    #[api(status = 502)]
    Upstream {
        #[source]
        inner: Option<std::io::Error>,
    },
    #[api(status = 503)]
    Generic {
        #[api(source)]
        inner: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

#[test]
fn an_optional_source_is_a_source_when_present() {
    let present = OptionalSource::Upstream {
        inner: Some(std::io::Error::other("refused")),
    };
    assert_eq!(present.source_error().unwrap().to_string(), "refused");
    assert!(OptionalSource::Upstream { inner: None }.source_error().is_none());
    let boxed = OptionalSource::Generic {
        inner: Some("boxed".into()),
    };
    assert_eq!(boxed.source_error().unwrap().to_string(), "boxed");
}

/// `#[source]` and `#[from]` are recognised without thiserror on the enum.
#[derive(Debug, ApiError)]
enum WithoutThiserror {
    #[api(status = 500)]
    Disk(#[from] std::io::Error),
    #[api(status = 502)]
    Fmt {
        #[source]
        cause: std::fmt::Error,
    },
}

#[test]
fn source_and_from_work_without_thiserror() {
    let io = WithoutThiserror::Disk(std::io::Error::other("io"));
    assert_eq!(io.source_error().unwrap().to_string(), "io");
    let fmt = WithoutThiserror::Fmt {
        cause: std::fmt::Error,
    };
    assert!(fmt.source_error().is_some());
}

/// And next to thiserror, which registers the same helper attributes.
#[derive(Debug, ApiError, thiserror::Error)]
enum WithThiserror {
    #[error("io failed")]
    #[api(status = 500)]
    Disk(#[from] std::io::Error),
}

#[test]
fn source_and_from_work_next_to_thiserror() {
    let err = WithThiserror::from(std::io::Error::other("io"));
    assert_eq!(err.source_error().unwrap().to_string(), "io");
    assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "io");
}

// ---- wire output -------------------------------------------------------------------------

use std::time::Duration;

use apierror::docs::{LockError, LockOptions, ServiceCatalog};
use apierror::envelope::{Envelope, GoogleRpc, Output};
use apierror::{Context, ErrorResponder, Problem};

fn render(envelope: &dyn Envelope, error: &dyn ApiError) -> String {
    let mut out = Vec::new();
    envelope
        .render(error, &Context::new(), &mut Output::new(&mut out))
        .unwrap();
    String::from_utf8(out).unwrap()
}

/// The envelope is chosen at run time here, so the derive cannot see the collision.
#[derive(Debug, ApiError)]
enum Card {
    #[api(status = 402, detail = "Your card was declined.")]
    CardDeclined { error_code: String, param: String },
}

#[test]
fn no_envelope_ever_writes_a_member_twice() {
    let err = Card::CardDeclined {
        error_code: "do_not_honor".into(),
        param: "card".into(),
    };
    let body = render(&Problem::new().code_member("error_code"), &err);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Payment Required","status":402,"detail":"Your card was declined.","error_code":"CARD_DECLINED","param":"card"}"#
    );
    assert_eq!(body.matches("\"error_code\"").count(), 1);
}

#[test]
fn the_catalog_check_reports_every_collision_for_the_services_envelope() {
    let service = ServiceCatalog::new("Payments")
        .with::<Card>()
        .envelope(Problem::new().code_member("error_code"));
    let collisions = service.collisions();
    assert_eq!(collisions.len(), 1);
    assert_eq!(
        (
            collisions[0].code,
            collisions[0].member,
            collisions[0].declared_by.as_str()
        ),
        ("CARD_DECLINED", "error_code", "Card::CardDeclined")
    );
    let dir = std::env::temp_dir().join(format!("apierror-collisions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let options = LockOptions {
        update: true,
        require_existing: false,
    };
    let error = apierror::docs::Lock::check_file_with(&service, &dir.join("lock.json"), options).unwrap_err();
    assert!(matches!(error, LockError::Collisions(ref c) if c.len() == 1));
    assert!(
        error
            .to_string()
            .contains("  - CARD_DECLINED: `error_code` of Card::CardDeclined"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[derive(Debug, ApiError)]
enum Throttled {
    #[api(status = 429)]
    Wait {
        #[api(retry_after)]
        delay: Duration,
    },
    #[api(status = 503)]
    Exposed {
        #[api(retry_after, expose)]
        delay: Duration,
    },
    #[api(status = 429)]
    Seconds {
        #[api(retry_after)]
        seconds: u64,
    },
}

#[test]
fn retry_after_saturates_and_is_never_zero_for_a_delay() {
    let responder = ErrorResponder::default();
    for (delay, header) in [
        (Duration::MAX, u64::MAX.to_string()),
        (Duration::new(u64::MAX, 1), u64::MAX.to_string()),
        (Duration::from_millis(1), "1".to_owned()),
        (Duration::from_millis(1500), "2".to_owned()),
    ] {
        let response = responder.response(&Throttled::Wait { delay }, &Context::new());
        assert_eq!(response.headers()["retry-after"], header.as_str(), "{delay:?}");
    }
    let response = responder.response(&Throttled::Seconds { seconds: u64::MAX }, &Context::new());
    assert_eq!(response.headers()["retry-after"], u64::MAX.to_string().as_str());
}

#[test]
fn a_retry_after_field_is_a_header_not_a_member_unless_exposed() {
    let wait = Throttled::Wait {
        delay: Duration::from_millis(1200),
    };
    assert_eq!(
        serde_json::from_str::<Value>(&render(&Problem::new(), &wait)).unwrap(),
        json!({"type": "about:blank", "title": "Too Many Requests", "status": 429, "code": "WAIT"})
    );
    assert!(wait.entry().fields().is_empty());
    let exposed = Throttled::Exposed {
        delay: Duration::from_millis(1200),
    };
    assert_eq!(
        Value::Object(apierror::field_values(&exposed).unwrap()),
        json!({"delay": 2})
    );
    let fields: Vec<_> = exposed
        .entry()
        .fields()
        .iter()
        .map(|f| (f.name(), f.ty()))
        .collect();
    assert_eq!(fields, [("delay", "u64")]);
}

#[derive(Debug, ApiError)]
#[api(rename_all = "kebab-case")]
enum Kebab {
    #[api(status = 429)]
    RateLimitExceeded,
}

#[derive(Debug, ApiError)]
#[api(rename_all = "camelCase")]
enum Camel {
    #[api(status = 429)]
    RateLimitExceeded,
}

#[test]
fn aip_193_reasons_are_upper_snake_case() {
    let envelope = GoogleRpc::new("example.com");
    for body in [
        render(&envelope, &Kebab::RateLimitExceeded),
        render(&envelope, &Camel::RateLimitExceeded),
    ] {
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["error"]["details"][0]["reason"], "RATE_LIMIT_EXCEEDED");
    }
}
