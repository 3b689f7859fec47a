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
    #[api(status = 400, detail = "[{x:3}] {y} {x}")]
    Width { x: u32, y: u32 },
}

#[test]
fn a_field_shown_twice_not_side_by_side_in_detail() {
    let named = Repeated::Named { a: "x".into(), b: 2 };
    assert_eq!(named.detail().unwrap().to_string(), "x and 2 and \"x\"");
    let positional = Repeated::Positional("y".into(), 3);
    assert_eq!(positional.detail().unwrap().to_string(), "y 3 \"y\"");
    let width = Repeated::Width { x: 7, y: 1 };
    assert_eq!(width.detail().unwrap().to_string(), "[  7] 1 7");
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
            #[api(status = 409, detail = "{label} and {label} again")]
            Labelled { label: String, $($field: $ty),* },
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
    let labelled = FromMacro::Labelled {
        label: "x".into(),
        name: "n".into(),
        count: 3,
    };
    assert_eq!(labelled.detail().unwrap().to_string(), "x and x again");
    assert_eq!(FromMacro::entries().len(), 3);
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

/// Issue 21.7: `#[from]` gives `From<Inner>` as thiserror's does, on a source variant and on a
/// transparent one, and on a struct; `?` converts.
#[derive(Debug, ApiError)]
#[api(type_base = "https://docs.example.com/errors/")]
enum Outer {
    #[api(transparent)]
    Inner(#[from] WithoutThiserror),
    #[api(status = 400)]
    BadNumber {
        #[from]
        source: std::num::ParseIntError,
    },
}

#[derive(Debug, ApiError)]
#[api(status = 503)]
struct Upstream(#[from] std::io::Error);

#[test]
fn from_converts_into_source_and_transparent_variants() {
    fn parse(s: &str) -> Result<i32, Outer> {
        Ok(s.parse::<i32>()?)
    }
    let err = parse("x").unwrap_err();
    assert_eq!(err.code(), "BAD_NUMBER");
    assert_eq!(
        err.source_error().unwrap().to_string(),
        "invalid digit found in string"
    );

    let err = Outer::from(WithoutThiserror::from(std::io::Error::other("io")));
    assert_eq!((err.code(), err.status().as_u16()), ("DISK", 500));
    assert!(matches!(err, Outer::Inner(WithoutThiserror::Disk(_))));

    let err = Upstream::from(std::io::Error::other("down"));
    assert_eq!((err.code(), err.status().as_u16()), ("UPSTREAM", 503));
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
    let body = render(&Problem::new().with_code_member("error_code"), &err);
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
        .with_envelope(Problem::new().with_code_member("error_code"));
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
    let options = LockOptions::new().with_update(true).with_require_existing(false);
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
fn retry_after_is_capped_at_2_pow_31_and_is_never_zero_for_a_delay() {
    let responder = ErrorResponder::default();
    for (delay, header) in [
        (Duration::MAX, "2147483648".to_owned()),
        (Duration::new(u64::MAX, 1), "2147483648".to_owned()),
        (Duration::from_secs(2_147_483_648), "2147483648".to_owned()),
        (Duration::from_secs(2_147_483_647), "2147483647".to_owned()),
        (Duration::from_millis(1), "1".to_owned()),
        (Duration::from_millis(1500), "2".to_owned()),
    ] {
        let response = responder.response(&Throttled::Wait { delay }, &Context::new());
        assert_eq!(response.headers()["retry-after"], header.as_str(), "{delay:?}");
    }
    let response = responder.response(&Throttled::Seconds { seconds: u64::MAX }, &Context::new());
    assert_eq!(response.headers()["retry-after"], "2147483648");
    assert_eq!(apierror::MAX_DELAY_SECONDS, 2_147_483_648);
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

// ---- attribute spellings -----------------------------------------------------------------

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case")]
enum Spellings {
    /// A status as a path, as utoipa writes it.
    #[api(status = NOT_FOUND)]
    PathStatus,
    /// Or the full path.
    #[api(status = http::StatusCode::CONFLICT)]
    FullPathStatus,
    /// Methods as a list.
    #[api(status = 405, allow(GET, HEAD))]
    WrongMethod,
    /// An explicit code is taken as written, whatever `rename_all` says.
    #[api(status = 402, code = "CARD_DECLINED")]
    Declined,
}

#[test]
fn statuses_as_paths_allow_as_a_list_and_explicit_codes_as_written() {
    assert_eq!(Spellings::PathStatus.status().as_u16(), 404);
    assert_eq!(Spellings::FullPathStatus.status().as_u16(), 409);
    assert_eq!(Spellings::WrongMethod.entry().allow(), Some("GET, HEAD"));
    let response = apierror::response(&Spellings::WrongMethod);
    assert_eq!(response.headers()["allow"], "GET, HEAD");
    assert_eq!(Spellings::Declined.code(), "CARD_DECLINED");
    assert_eq!(Spellings::PathStatus.code(), "path_status");
}

/// The macro's retry strategy names and the runtime's `Retry` agree, and an undeclared retry is
/// what `Retry::for_status` says for every status the derive accepts here.
#[allow(dead_code, reason = "read through its catalog only")]
#[derive(Debug, ApiError)]
enum Strategies {
    #[api(status = 400, retry = false)]
    RetryNo,
    #[api(status = 400, retry = true)]
    RetryYes,
    #[api(status = 400, retry = "backoff")]
    RetryBackoff,
    #[api(status = 400, retry = "after_delay")]
    RetryAfterDelay,
    #[api(status = 400, retry = "after_reauth")]
    RetryAfterReauth,
    #[api(status = 400, retry = "later")]
    RetryLater,
    #[api(status = 400, retry = "new_key")]
    RetryNewKey,
    #[api(status = 408)]
    Status408,
    #[api(status = 425)]
    Status425,
    #[api(status = 429)]
    Status429,
    #[api(status = 500)]
    Status500,
    #[api(status = 502)]
    Status502,
    #[api(status = 503)]
    Status503,
    #[api(status = 504)]
    Status504,
    #[api(status = 404)]
    Status404,
}

#[test]
fn macro_and_runtime_agree_on_retry() {
    use apierror::Retry;

    let declared: Vec<Retry> = Strategies::entries()[..7].iter().map(|e| e.retry()).collect();
    assert_eq!(declared, Retry::ALL);
    for entry in &Strategies::entries()[7..] {
        assert_eq!(
            entry.retry(),
            Retry::for_status(entry.status().as_u16()),
            "{}",
            entry.code()
        );
    }
}

// ---- one output, however it is produced ----------------------------------------------------

const TRICKY: &str =
    "tab\t quote\" backslash\\ nl\n cr\r ctrl\u{1}\u{1f} del\u{7f} é € 😀 \u{2028} </script>";

/// Static text escaped by the derive at compile time.
#[derive(Debug, ApiError)]
enum Escapes {
    #[api(
        status = 400,
        title = "tab\t quote\" backslash\\ nl\n cr\r ctrl\u{1}\u{1f} del\u{7f} é € 😀 \u{2028} </script>",
        detail = "tab\t quote\" backslash\\ nl\n cr\r ctrl\u{1}\u{1f} del\u{7f} é € 😀 \u{2028} </script>",
        resolve(
            message = "tab\t quote\" backslash\\ nl\n cr\r ctrl\u{1}\u{1f} del\u{7f} é € 😀 \u{2028} </script>",
            url = "/fix?a=\"b\""
        )
    )]
    Tricky,
}

/// The same text escaped at run time: a hand-built entry and a `Display` detail.
struct RunTime;

static RUN_TIME_RESOLVE: apierror::Resolve = apierror::Resolve::new()
    .with_message(TRICKY)
    .with_url("/fix?a=\"b\"");
static RUN_TIME: apierror::Entry =
    apierror::Entry::new("TRICKY", apierror::StatusCode::BAD_REQUEST, TRICKY).with_resolve(&RUN_TIME_RESOLVE);

impl ApiError for RunTime {
    fn entry(&self) -> &'static apierror::Entry {
        &RUN_TIME
    }
    fn detail(&self) -> Option<apierror::Detail<'_>> {
        Some(apierror::Detail::from_display(&TRICKY))
    }
}

#[test]
fn compile_time_and_run_time_escaping_agree() {
    let derived = render(&Problem::new(), &Escapes::Tricky);
    let run_time = render(&Problem::new(), &RunTime);
    assert_eq!(derived, run_time);
    let body: Value = serde_json::from_str(&derived).unwrap();
    assert_eq!(body["title"], TRICKY);
    assert_eq!(body["detail"], TRICKY);
    assert_eq!(body["resolve"]["message"], TRICKY);
    // The third builder of the `resolve` object, its `Serialize`, writes the same text.
    let resolve = Escapes::Tricky.resolve().unwrap();
    let serialized = serde_json::to_string(resolve).unwrap();
    assert!(
        derived.contains(&format!(",\"resolve\":{serialized}")),
        "{serialized}\n{derived}"
    );
}

// ---- code styles ---------------------------------------------------------------------------

#[derive(Debug, ApiError)]
#[api(rename_all = "PascalCase")]
enum Pascal {
    #[api(status = 400)]
    BadArgument,
}

#[derive(Debug, ApiError)]
#[api(rename_all = "lowercase")]
enum Lower {
    #[api(status = 400)]
    BadArgument,
}

#[derive(Debug, ApiError)]
#[api(rename_all = "UPPERCASE")]
enum Upper {
    #[api(status = 400)]
    BadArgument,
}

#[test]
fn pascal_lower_and_upper_case_codes() {
    assert_eq!(Pascal::BadArgument.code(), "BadArgument");
    assert_eq!(Lower::BadArgument.code(), "badargument");
    assert_eq!(Upper::BadArgument.code(), "BADARGUMENT");
    let envelope = GoogleRpc::new("example.com");
    let reason = |error: &dyn ApiError| -> Value {
        serde_json::from_str::<Value>(&render(&envelope, error)).unwrap()["error"]["details"][0]["reason"]
            .clone()
    };
    assert_eq!(reason(&Pascal::BadArgument), "BAD_ARGUMENT");
    assert_eq!(reason(&Lower::BadArgument), "BADARGUMENT");
}

// ---- headers RFC 9110 requires -----------------------------------------------------------

#[derive(Debug, ApiError)]
enum Gateways {
    #[api(status = 407, challenge = "Basic realm=\"proxy\"")]
    ProxyAuthRequired,
    #[api(status = 426, upgrade = "HTTP/2.0")]
    UpgradeRequired,
}

#[test]
fn proxy_authenticate_on_407_and_upgrade_on_426() {
    let response = apierror::response(&Gateways::ProxyAuthRequired);
    assert_eq!(response.headers()["proxy-authenticate"], "Basic realm=\"proxy\"");
    assert!(response.headers().get("www-authenticate").is_none());
    let response = apierror::response(&Gateways::UpgradeRequired);
    assert_eq!(response.headers()["upgrade"], "HTTP/2.0");
    let openapi = apierror::docs::ServiceCatalog::new("gateways")
        .with::<Gateways>()
        .openapi(&Problem::new());
    let responses = &openapi["components"]["responses"];
    assert!(
        responses["Error407"]["headers"]
            .get("Proxy-Authenticate")
            .is_some()
    );
    assert!(responses["Error426"]["headers"].get("Upgrade").is_some());
}

// ---- optional members and the RFC's own examples -----------------------------------------

#[derive(Debug, ApiError)]
enum Optional {
    #[api(status = 400)]
    Invalid {
        #[api(skip_none)]
        hint: Option<String>,
        limit: Option<u32>,
    },
}

#[derive(Debug, ApiError)]
#[api(skip_none)]
enum AllOptional {
    #[api(status = 400)]
    Invalid { hint: Option<String> },
}

#[test]
fn an_absent_option_is_left_out_or_null_by_choice() {
    let none = Optional::Invalid {
        hint: None,
        limit: None,
    };
    assert_eq!(
        Value::Object(apierror::field_values(&none).unwrap()),
        json!({"limit": null})
    );
    let some = Optional::Invalid {
        hint: Some("use a number".into()),
        limit: Some(3),
    };
    assert_eq!(
        Value::Object(apierror::field_values(&some).unwrap()),
        json!({"hint": "use a number", "limit": 3})
    );
    let fields = none.entry().fields();
    assert_eq!((fields[0].optional(), fields[0].nullable()), (true, false));
    assert_eq!((fields[1].optional(), fields[1].nullable()), (false, true));
    assert_eq!(
        Value::Object(apierror::field_values(&AllOptional::Invalid { hint: None }).unwrap()),
        json!({})
    );
}

/// RFC 9457, section 3: the out-of-credit example, byte for byte in member order.
#[derive(Debug, ApiError)]
enum Credit {
    #[api(
        status = 403,
        type = "https://example.com/probs/out-of-credit",
        title = "You do not have enough credit.",
        detail = "Your current balance is {balance}, but that costs {cost}."
    )]
    OutOfCredit {
        balance: u32,
        #[api(detail_only)]
        cost: u32,
        accounts: Vec<&'static str>,
    },
}

#[test]
fn rfc_9457_out_of_credit_example_byte_for_byte() {
    let err = Credit::OutOfCredit {
        balance: 30,
        cost: 50,
        accounts: vec!["/account/12345", "/account/67890"],
    };
    let mut body = Vec::new();
    Problem::new()
        .without_code()
        .without_status()
        .render(
            &err,
            &Context::new().with_instance("/account/12345/msgs/abc"),
            &mut Output::new(&mut body),
        )
        .unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#
    );
    let response =
        ErrorResponder::new(Problem::new().without_code().without_status()).response(&err, &Context::new());
    assert_eq!(response.status(), 403);
}

// ---- reserved names follow the envelope ----------------------------------------------------

/// In `{code, message, details}` the fields live in `details`: `type` collides with nothing.
#[derive(Debug, ApiError)]
#[api(envelope = apierror::envelope::CodeMessage)]
enum Nested {
    #[api(status = 400)]
    Invalid { r#type: String, title: String },
}

#[test]
fn reserved_names_follow_the_envelope_the_type_uses() {
    let err = Nested::Invalid {
        r#type: "card".into(),
        title: "Mr".into(),
    };
    assert_eq!(
        serde_json::from_str::<Value>(&render(&apierror::envelope::CodeMessage, &err)).unwrap(),
        json!({"code": "INVALID", "message": "Bad Request", "details": {"type": "card", "title": "Mr"}})
    );
    // Rendered as problem details anyway, the envelope's own members win, and the catalog check
    // names both fields.
    let body: Value = serde_json::from_str(&render(&Problem::new(), &err)).unwrap();
    assert_eq!(
        (body["type"].as_str(), body["title"].as_str()),
        (Some("about:blank"), Some("Bad Request"))
    );
    let collisions = ServiceCatalog::new("nested").with::<Nested>().collisions();
    assert_eq!(
        collisions.iter().map(|c| c.member).collect::<Vec<_>>(),
        ["type", "title"]
    );
}

// ---- one message, not two ------------------------------------------------------------------

/// The message is written once, as `detail`; `Display` (and so thiserror's `Error`, here without
/// `#[error]`) shows it.
#[derive(Debug, ApiError, thiserror::Error)]
#[api(display)]
enum Once {
    #[api(status = 404, detail = "Order {id} not found")]
    NotFound { id: u64 },
    #[api(status = 409)]
    Conflict,
    #[api(status = 500, detail = "Storage failed.")]
    Storage(#[source] std::io::Error),
}

/// The same catalog with each message written twice, as teams do without `display`.
#[derive(Debug, ApiError, thiserror::Error)]
enum Twice {
    #[error("Order {id} not found")]
    #[api(status = 404, detail = "Order {id} not found")]
    NotFound { id: u64 },
    #[error("Conflict")]
    #[api(status = 409)]
    Conflict,
}

#[test]
fn one_message_display_comes_from_detail() {
    assert_eq!(
        Once::NotFound { id: 7 }.to_string(),
        Twice::NotFound { id: 7 }.to_string()
    );
    assert_eq!(Once::Conflict.to_string(), Twice::Conflict.to_string());
    let storage = Once::Storage(std::io::Error::other("disk"));
    assert_eq!(storage.to_string(), "Storage failed.");
    // thiserror's `source` still works; the 5xx body still shows only what clients may see.
    assert_eq!(std::error::Error::source(&storage).unwrap().to_string(), "disk");
    assert!(!render(&Problem::new(), &storage).contains("disk"));
}

// ---- composition -----------------------------------------------------------------------------

#[allow(dead_code, reason = "catalogs read through their entries")]
mod composed {
    use apierror::ApiError;

    #[derive(Debug, ApiError)]
    pub enum Billing {
        #[api(status = 402)]
        CreditExhausted,
        #[api(status = 500)]
        ServerError,
    }

    #[derive(Debug, ApiError)]
    pub enum Storage {
        #[api(status = 507)]
        DiskFull,
        #[api(status = 503)]
        Unavailable,
    }

    /// Not composed with `Billing`: the same code is allowed to compile, and reported by the
    /// run-time check of a catalog assembled with `ServiceCatalog::with`.
    #[derive(Debug, ApiError)]
    pub enum Legacy {
        #[api(status = 503)]
        ServerError,
    }

    /// `Storage` reached on two paths is one set of declarations, not a duplicate.
    #[derive(Debug, ApiError)]
    pub enum Diamond {
        #[api(transparent)]
        Backend(Backend),
        #[api(transparent)]
        Storage(Storage),
    }

    /// Nests another composed type.
    #[derive(Debug, ApiError)]
    pub enum Backend {
        #[api(transparent)]
        Storage(Storage),
        #[api(status = 504)]
        Timeout,
    }

    #[derive(ApiError)]
    pub enum Top {
        #[api(status = 401, challenge = "Bearer")]
        Unauthorized,
        #[api(transparent)]
        Billing(Billing),
        #[api(transparent)]
        Backend(Backend),
        #[api(transparent)]
        Boxed(Box<Storage>),
        #[api(status = 400)]
        BadRequest,
    }
}

#[test]
fn composition_is_transparent_to_the_catalog() {
    use composed::{Backend, Billing, Diamond, Legacy, Storage, Top};

    let service = ServiceCatalog::new("composed").with::<Top>();
    let codes: Vec<&str> = service.entries().map(apierror::Entry::code).collect();
    // Declaration order, through every level; `Storage`, reached again through a `Box`, once.
    assert_eq!(
        codes,
        [
            "UNAUTHORIZED",
            "CREDIT_EXHAUSTED",
            "SERVER_ERROR",
            "DISK_FULL",
            "UNAVAILABLE",
            "TIMEOUT",
            "BAD_REQUEST"
        ]
    );
    // The union of the parts, each entry once even when reached twice.
    let parts = ServiceCatalog::new("parts")
        .with::<Top>()
        .with::<Billing>()
        .with::<Backend>()
        .with::<Storage>();
    assert_eq!(parts.entries().count(), 7);
    assert!(service.duplicates().is_empty());
    let diamond = ServiceCatalog::new("diamond").with::<Diamond>();
    let codes: Vec<&str> = diamond.entries().map(apierror::Entry::code).collect();
    assert_eq!(codes, ["DISK_FULL", "UNAVAILABLE", "TIMEOUT"]);
    // Composing `Billing` with `Legacy` fails the build (ui case
    // `transparent/code_two_statuses_composed`); assembling them at run time is reported,
    // naming both declarations.
    let duplicates = service.with::<Legacy>().duplicates();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0].code, "SERVER_ERROR");
    assert_eq!(
        duplicates[0].declared_by,
        ["Billing::ServerError", "Legacy::ServerError"]
    );
    // The type's own entries are still its own.
    assert_eq!(Top::entries().len(), 2);
}

// ---- details written by the shared helpers -----------------------------------------------------

#[derive(Debug, ApiError)]
enum Helpers {
    #[api(status = 409, detail = "{{{name}}} is taken by {owner}; try {name}-2")]
    Taken { name: String, owner: u32 },
    #[api(status = 422, detail = "{count:>4} items")]
    Padded { count: u32 },
    #[api(status = 400, detail = "bad \"{name}\"\tvalue \\ {name}")]
    Quoted { name: String },
}

/// A detail of plain placeholders reads as `format!` would write it, escaped braces included, and
/// options on the outer format are ignored as before (the fields get none of them).
#[test]
fn helper_details_read_like_format() {
    let taken = Helpers::Taken {
        name: "ada".into(),
        owner: 7,
    };
    let detail = taken.detail().expect("a detail").to_string();
    assert_eq!(detail, "{ada} is taken by 7; try ada-2");
    assert_eq!(format!("{:>40}", taken.detail().expect("a detail")), detail);
    assert_eq!(format!("{:+}", taken.detail().expect("a detail")), detail);
    let padded = Helpers::Padded { count: 3 };
    assert_eq!(padded.detail().expect("a detail").to_string(), "   3 items");
    // In a JSON body: the pieces of a plain template copied, the fields escaped; a template
    // whose own text needs escaping is escaped whole.
    let body =
        |error: &Helpers| -> Value { serde_json::from_str(&render(&Problem::new(), error)).expect("JSON") };
    let taken = Helpers::Taken {
        name: "a\"b".into(),
        owner: 7,
    };
    assert_eq!(body(&taken)["detail"], "{a\"b} is taken by 7; try a\"b-2");
    let quoted = Helpers::Quoted { name: "x\ny".into() };
    assert_eq!(body(&quoted)["detail"], "bad \"x\ny\"\tvalue \\ x\ny");
}

/// Issue 21.15: the derive's helpers live in its own scope, so a user's methods of the same
/// names neither collide nor change what `code()` and `status()` answer.
#[derive(Debug, ApiError)]
enum OwnNames {
    #[api(status = 404)]
    Missing,
    #[api(status = 409)]
    Taken,
}

#[allow(dead_code, clippy::unused_self)]
impl OwnNames {
    fn __apierror_index(&self) -> usize {
        99
    }
    fn __api_index(&self) -> usize {
        99
    }
    fn __apierror_c(&self) -> &'static str {
        "NOT_MINE"
    }
}

#[test]
fn a_users_methods_named_like_the_derives_helpers_change_nothing() {
    assert_eq!(
        (OwnNames::Taken.code(), OwnNames::Taken.status().as_u16()),
        ("TAKEN", 409)
    );
    assert_eq!(OwnNames::Missing.entry().code(), "MISSING");
    let dynamic: &dyn ApiError = &OwnNames::Taken;
    assert_eq!(dynamic.code(), "TAKEN");
}

/// Issue 21.12: the 0.2 names of renamed setters still compile (deprecated) and do what the new
/// ones do; the names that read now read on every type.
#[test]
#[allow(deprecated)]
fn the_renamed_setters_keep_their_02_spellings() {
    use apierror::docs::{ServiceCatalog, Table};
    use apierror::envelope::RenderError;
    use apierror::{ErrorResponder, RateLimitHeaders};

    assert!(
        Problem::new()
            .code_member("error_code")
            .writes_member("error_code")
    );
    assert!(Problem::new().try_code_member("type").is_err());
    assert!(Problem::new().retry_member().writes_member("retry"));
    assert_eq!(RenderError::custom("x").in_field("a").field(), Some("a"));

    #[derive(Debug, ApiError)]
    #[api(envelope = apierror::Problem::new().code_member("error_code"))]
    enum Old {
        #[api(status = 404)]
        Gone,
    }
    let body: Value =
        serde_json::from_str(&render(Old::Gone.entry().envelope().unwrap(), &Old::Gone)).unwrap();
    assert_eq!(body["error_code"], "GONE");

    let service = ServiceCatalog::new("S").with::<Old>();
    assert_eq!(
        Table::new(&service).grouped(true).yes_no(true).to_string(),
        Table::new(&service)
            .with_grouping(true)
            .with_yes_no(true)
            .to_string()
    );

    let responder = ErrorResponder::default()
        .with_request_id_header(http::HeaderName::from_static("x-correlation-id"))
        .with_rate_limit_headers(RateLimitHeaders::Both);
    assert_eq!(responder.request_id_header(), "x-correlation-id");
    assert_eq!(responder.rate_limit_headers(), RateLimitHeaders::Both);
    let service = service
        .with_envelope(apierror::envelope::CodeMessage)
        .with_version("3.0.0");
    assert_eq!(
        (service.envelope().content_type(), service.version()),
        ("application/json", "3.0.0")
    );
}
