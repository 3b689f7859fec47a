//! `{code, message, details}`.

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError};
use crate::{ApiError, Context};

/// `{"code", "message", "details"}`: `message` is the detail, or the title when there is none;
/// `details` holds the exposed fields and is omitted when there are none.
///
/// The shape has no member for the resolution (`resolve(...)`): a client finds it by code in
/// the catalog (`ServiceCatalog::catalog_json`, each entry's `resolve`), or the service uses the
/// envelope that carries it, RFC 9457 [`Problem`](crate::Problem) (its `resolve` member).
///
/// ```
/// use apierror::envelope::{CodeMessage, Envelope, Output};
/// use apierror::{ApiError, Context};
///
/// #[derive(Debug, ApiError)]
/// #[api(rename_all = "snake_case")]
/// enum E {
///     #[api(status = 429, detail = "Too many requests; retry in {retry_after} seconds.")]
///     RateLimited { retry_after: u32 },
/// }
///
/// let mut body = Vec::new();
/// CodeMessage.render(&E::RateLimited { retry_after: 12 }, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// assert_eq!(
///     String::from_utf8(body).unwrap(),
///     r#"{"code":"rate_limited","message":"Too many requests; retry in 12 seconds.","details":{"retry_after":12}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeMessage;

impl Envelope for CodeMessage {
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        super::place_members(self.schema(code), "/properties/details", &members)
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
        Some(("", "code"))
    }

    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": false,
            "properties": {"code": code, "message": {"type": "string"}, "details": {"type": "object"}},
        })
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
        out.raw(b"{\"code\":");
        out.code(error.entry());
        out.raw(b",\"message\":");
        out.message(error);
        out.details_object(b",\"details\":", error)?;
        out.raw(b"}");
        Ok(())
    }
}

#[cfg(feature = "client")]
impl super::Decode for CodeMessage {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        body.as_object().is_some_and(|object| {
            super::decode::code_message_details(object, "message", "code-message", error)
        })
    }
}
