//! `{error: <message>, code, details}`.

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError};
use crate::{ApiError, Context};

/// `{"error", "code", "details"}`, where `error` is a string: the detail, or the title when
/// there is none; `details` holds the exposed fields and is omitted when there are none.
///
/// The shape has no member for the resolution (`resolve(...)`): a client finds it by code in
/// the catalog (`ServiceCatalog::catalog_json`, each entry's `resolve`), or the service uses the
/// envelope that carries it, RFC 9457 [`Problem`](crate::Problem) (its `resolve` member).
///
/// ```
/// use apierror::envelope::{Envelope, ErrorString, Output};
/// use apierror::{ApiError, Context};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, detail = "Project not found")]
/// struct ProjectNotFound;
///
/// let mut body = Vec::new();
/// ErrorString.render(&ProjectNotFound, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// assert_eq!(body, br#"{"error":"Project not found","code":"PROJECT_NOT_FOUND"}"#);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ErrorString;

impl Envelope for ErrorString {
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
            "required": ["error", "code"],
            "additionalProperties": false,
            "properties": {"error": {"type": "string"}, "code": code, "details": {"type": "object"}},
        })
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
        out.raw(b"{\"error\":");
        out.message(error);
        out.raw(b",\"code\":");
        out.code(error.entry());
        out.details_object(b",\"details\":", error)?;
        out.raw(b"}");
        Ok(())
    }
}

#[cfg(feature = "client")]
impl super::Decode for ErrorString {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        body.as_object()
            .is_some_and(|object| super::decode::code_message_details(object, "error", "error-string", error))
    }
}
