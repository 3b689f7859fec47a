//! A custom envelope, written with the public API only: Stripe's error object,
//! `{"error": {"type", "code", "message", "param", "doc_url"}}`.
//!
//! `type` is the entry's category (`card_error`, `invalid_request_error`, ...), `param` the
//! exposed field named `param` when the error has one, `doc_url` the problem type URI. Static
//! text is copied pre-escaped and `param` is written without building the other fields.

use apierror::envelope::{Envelope, Output, RenderError};
use apierror::{ABOUT_BLANK, ApiError, Context};
use serde_json::{Value, json};

/// Stripe's error object.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stripe;

impl Envelope for Stripe {
    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
        let entry = error.entry();
        let Some(kind) = entry.category() else {
            return Err(RenderError::custom(format!(
                "{} has no category to give Stripe's `type`",
                entry.code()
            )));
        };
        out.raw(b"{\"error\":{\"type\":");
        out.string(kind);
        out.raw(b",\"code\":");
        out.code(entry);
        out.raw(b",\"message\":");
        out.message(error);
        let before_param = out.len();
        out.raw(b",\"param\":");
        if !out.field(error, "param")? {
            out.truncate(before_param);
        }
        if entry.type_uri() != ABOUT_BLANK {
            out.raw(b",\"doc_url\":");
            out.type_uri(entry);
        }
        out.raw(b"}}");
        Ok(())
    }

    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["error"],
            "additionalProperties": false,
            "properties": {"error": {
                "type": "object",
                "required": ["type", "code", "message"],
                "additionalProperties": false,
                "properties": {
                    "type": {"type": "string"},
                    "code": code,
                    "message": {"type": "string"},
                    "param": {"type": "string"},
                    "doc_url": {"type": "string", "format": "uri"},
                },
            }},
        })
    }
}

/// Stripe-style errors, in its `snake_case` codes and `type` categories.
#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case", type_base = "https://stripe.com/docs/error-codes/")]
pub enum CardError {
    /// The card was declined.
    #[api(status = 402, category = "card_error", detail = "Your card was declined.")]
    CardDeclined {
        /// The parameter the error relates to.
        param: String,
        /// The issuer's reason.
        decline_code: String,
    },
    /// A required parameter is missing.
    #[api(
        status = 400,
        category = "invalid_request_error",
        detail = "Missing required param: {param}."
    )]
    ParameterMissing {
        /// The missing parameter.
        param: String,
    },
    /// No category: Stripe's envelope cannot render it.
    #[api(status = 500)]
    Uncategorized,
}

/// The decoding half: `{"error": {"type", "code", "message", "param", "doc_url"}}`.
impl apierror::client::Decode for Stripe {
    fn decode(&self, body: &Value, error: &mut apierror::client::RemoteError) -> bool {
        let Some(inner) = body.get("error").and_then(Value::as_object) else {
            return false;
        };
        let Some(code) = inner.get("code").and_then(Value::as_str) else {
            return false;
        };
        error.set_code(code);
        if let Some(message) = inner.get("message").and_then(Value::as_str) {
            error.set_detail(message);
        }
        if let Some(url) = inner.get("doc_url").and_then(Value::as_str) {
            error.set_type_uri(url);
        }
        if let Some(param) = inner.get("param") {
            error.insert_member("param", param.clone());
        }
        error.set_shape("stripe");
        true
    }
}
