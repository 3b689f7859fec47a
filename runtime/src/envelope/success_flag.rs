//! `{success: false, error: {code, message, details}, meta: {request_id, version}}`.

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError};
use crate::{ApiError, Context};

/// `{"success": false, "error": {"code", "message", "details"}, "meta": {"request_id", "version"}}`.
/// `meta` members come from the [`Context`] and are omitted when unknown; exposed fields, if any,
/// go in `error.details`.
///
/// The shape has no member for the resolution (`resolve(...)`): a client finds it by code in
/// the catalog (`ServiceCatalog::catalog_json`, each entry's `resolve`), or the service uses the
/// envelope that carries it, RFC 9457 [`Problem`](crate::Problem) (its `resolve` member).
///
/// ```
/// use apierror::envelope::{Envelope, Output, SuccessFlag};
/// use apierror::{ApiError, Context};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 401, challenge = "Bearer", detail = "The access token has expired.")]
/// struct ExpiredToken;
///
/// let mut body = Vec::new();
/// let cx = Context::new().with_request_id("req_1").with_version("v1");
/// SuccessFlag.render(&ExpiredToken, &cx, &mut Output::new(&mut body)).unwrap();
/// assert_eq!(
///     String::from_utf8(body).unwrap(),
///     r#"{"success":false,"error":{"code":"EXPIRED_TOKEN","message":"The access token has expired."},"meta":{"request_id":"req_1","version":"v1"}}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SuccessFlag;

impl Envelope for SuccessFlag {
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        super::place_members(
            self.schema(code),
            "/properties/error/properties/details",
            &members,
        )
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
        Some(("/properties/error", "code"))
    }

    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["success", "error", "meta"],
            "additionalProperties": false,
            "properties": {
                "success": {"const": false},
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "additionalProperties": false,
                    "properties": {"code": code, "message": {"type": "string"}, "details": {"type": "object"}},
                },
                "meta": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"request_id": {"type": "string"}, "version": {"type": "string"}},
                },
            },
        })
    }

    fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        out.raw(b"{\"success\":false,\"error\":{\"code\":");
        out.code(error.entry());
        out.raw(b",\"message\":");
        out.message(error);
        out.details_object(b",\"details\":", error)?;
        out.raw(b"},\"meta\":{");
        match (cx.request_id(), cx.version()) {
            (Some(id), version) => {
                out.raw(b"\"request_id\":");
                out.string(id);
                out.opt_member(b",\"version\":", version);
            }
            (None, Some(version)) => {
                out.raw(b"\"version\":");
                out.string(version);
            }
            (None, None) => {}
        }
        out.raw(b"}}");
        Ok(())
    }
}

#[cfg(feature = "client")]
impl super::Decode for SuccessFlag {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        let Some(inner) = body.get("error").and_then(Value::as_object) else {
            return false;
        };
        if !super::decode::code_message_details(inner, "message", "success-flag", error) {
            return false;
        }
        let meta = body.get("meta").and_then(Value::as_object);
        if let Some(id) = meta.and_then(|m| m.get("request_id")).and_then(Value::as_str) {
            error.set_request_id(id);
        }
        true
    }
}
