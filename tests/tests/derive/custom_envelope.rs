//! What a user builds on the public API: a custom envelope (Stripe's error object) and a
//! hand-written `ApiError` impl, rendered like derived errors.

use apierror::envelope::{Envelope, Output, RenderError};
use apierror::{
    ApiError, ApiErrorExt, Context, Detail, Entry, ErrorResponder, Field, Problem, Resolve, Retry, StatusCode,
};
use apierror_tests::stripe::{CardError, Stripe};
use serde_json::{Value, json};

fn render(envelope: &dyn Envelope, error: &dyn ApiError) -> Result<String, RenderError> {
    let mut body = Vec::new();
    envelope.render(error, &Context::new(), &mut Output::new(&mut body))?;
    Ok(String::from_utf8(body).expect("UTF-8"))
}

#[test]
fn stripe_error_object_from_the_public_api() {
    let declined = CardError::CardDeclined {
        param: "card_number".into(),
        decline_code: "do_not_honor".into(),
    };
    // Member order as Stripe documents it, compared as text.
    assert_eq!(
        render(&Stripe, &declined).unwrap(),
        r#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined.","param":"card_number","doc_url":"https://stripe.com/docs/error-codes/card_declined"}}"#
    );
    let missing = CardError::ParameterMissing {
        param: "amount".into(),
    };
    let body: Value = serde_json::from_str(&render(&Stripe, &missing).unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"error": {"type": "invalid_request_error", "code": "parameter_missing",
            "message": "Missing required param: amount.", "param": "amount",
            "doc_url": "https://stripe.com/docs/error-codes/parameter_missing"}})
    );
}

#[test]
fn a_custom_envelope_reports_its_own_failure() {
    let error = render(&Stripe, &CardError::Uncategorized).unwrap_err();
    assert_eq!(error.field(), None);
    assert_eq!(
        error.to_string(),
        "the error body could not be rendered: uncategorized has no category to give Stripe's `type`"
    );
    // The responder never sends a partial body: it falls back to nothing rather than half a shape.
    let response = ErrorResponder::new(Stripe).response(&CardError::Uncategorized, &Context::new());
    assert_eq!(response.status(), 500);
    assert!(response.body().is_empty());
}

/// A hand-written error: the entry is a `static` built with the public const builder.
#[derive(Debug)]
struct Maintenance {
    until: &'static str,
    wait_secs: u64,
}

static MAINTENANCE_FIELDS: [Field; 1] = [Field::new("until", "&str").with_description("When it ends.")];
static MAINTENANCE_RESOLVE: Resolve = Resolve::new()
    .with_message("Retry after the window \"ends\".")
    .with_url("https://status.example.com");
static MAINTENANCE: Entry = Entry::new(
    "MAINTENANCE",
    StatusCode::SERVICE_UNAVAILABLE,
    "Down for maintenance",
)
.with_description("Planned maintenance.")
.with_retry(Retry::Later)
.with_retry_after_from_field()
.with_type_uri("https://docs.example.com/errors/MAINTENANCE")
.with_resolve(&MAINTENANCE_RESOLVE)
.with_fields(&MAINTENANCE_FIELDS);

impl ApiError for Maintenance {
    fn entry(&self) -> &'static Entry {
        &MAINTENANCE
    }
    fn detail(&self) -> Option<Detail<'_>> {
        Some(Detail::from_display(&self.until))
    }
    fn retry_after(&self) -> Option<std::time::Duration> {
        Some(std::time::Duration::from_secs(self.wait_secs))
    }
    fn write_fields(&self, out: &mut apierror::FieldWriter<'_>) {
        out.field("until", self.until);
    }
}

#[test]
fn a_hand_written_impl_renders_like_a_derived_one() {
    let err = Maintenance {
        until: "12:00Z",
        wait_secs: 90,
    };
    assert_eq!(
        (err.code(), err.status().as_u16(), err.retry()),
        ("MAINTENANCE", 503, Retry::Later)
    );
    assert_eq!(err.title(), "Down for maintenance");
    assert_eq!(
        render(&Problem::new(), &err).unwrap(),
        r#"{"type":"https://docs.example.com/errors/MAINTENANCE","title":"Down for maintenance","status":503,"detail":"12:00Z","code":"MAINTENANCE","resolve":{"message":"Retry after the window \"ends\".","url":"https://status.example.com"},"until":"12:00Z"}"#
    );
    let response = ErrorResponder::default().response(&err, &Context::new());
    assert_eq!(response.headers()["retry-after"], "90");
    // The catalog docs read it like any entry.
    let catalog = serde_json::to_value(err.entry()).unwrap();
    assert_eq!(catalog["retry"], "later");
    assert_eq!(
        catalog["fields"][0],
        json!({"name": "until", "type": "string", "nullable": false, "optional": false, "rust_type": "&str", "description": "When it ends."})
    );
}
