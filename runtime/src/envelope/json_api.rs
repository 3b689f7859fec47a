//! JSON:API error objects.

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError};
use crate::{ApiError, Context};

/// JSON:API (`application/vnd.api+json`):
/// `{"errors": [{"id", "status": "402", "code", "title", "detail", "links": {"type"}, "meta": {...}}]}`
/// with `id` the request id, `links.type` the problem type URI (omitted for `about:blank`) and
/// `meta` the exposed fields; absent members are omitted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonApi;

impl JsonApi {
    /// One error object: the error's, or the error's for one of its violations (whose message
    /// is the `detail` and whose pointer is the `source`).
    fn object(
        error: &dyn ApiError,
        cx: &Context<'_>,
        violation: Option<(&'static str, &crate::Violation)>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        let entry = error.entry();
        out.raw(b"{");
        if let Some(id) = cx.request_id() {
            out.raw(b"\"id\":");
            out.string(id);
            out.raw(b",");
        }
        out.raw(b"\"status\":\"");
        out.status(entry);
        out.raw(b"\",\"code\":");
        out.code(entry);
        out.raw(b",\"title\":");
        out.title(entry);
        if let Some((_, violation)) = violation {
            out.raw(b",\"detail\":");
            out.string(violation.message());
            out.raw(b",\"source\":{\"pointer\":");
            out.string(violation.pointer());
            out.raw(b"}");
        } else {
            out.detail(b",\"detail\":", error);
            if let Some(location) = error.location() {
                out.raw(b",\"source\":{\"");
                out.raw(location.name().as_bytes());
                out.raw(b"\":");
                out.string(location.value());
                out.raw(b"}");
            }
        }
        if entry.type_uri() != crate::ABOUT_BLANK {
            out.raw(b",\"links\":{\"type\":");
            out.type_uri(entry);
            out.raw(b"}");
        }
        // `meta` holds the other fields; the violations are the objects themselves.
        let skip = [violation.map_or("", |(name, _)| name)];
        let start = out.len();
        out.raw(b",\"meta\":{");
        let mut writer = out.fields(crate::fields::Position::First).skipping(&skip);
        error.write_fields(&mut writer);
        if writer.finish()? == 0 {
            out.truncate(start);
        } else {
            out.raw(b"}");
        }
        out.raw(b"}");
        Ok(())
    }
}

impl Envelope for JsonApi {
    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["errors"],
            "additionalProperties": false,
            "properties": {"errors": {"type": "array", "items": {
                "type": "object",
                "required": ["status", "code", "title"],
                "additionalProperties": false,
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string"},
                    "code": code,
                    "title": {"type": "string"},
                    "detail": {"type": "string"},
                    "links": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {"type": {"type": "string", "format": "uri-reference"}},
                    },
                    "source": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "pointer": {"type": "string"},
                            "parameter": {"type": "string"},
                            "header": {"type": "string"},
                        },
                    },
                    "meta": {"type": "object"},
                },
            }}},
        })
    }

    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        // Violations are the error objects themselves, not a member of `meta`.
        let members = super::without_violations(&members);
        super::place_members(
            self.schema(code),
            "/properties/errors/items/properties/meta",
            &members,
        )
    }

    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
        Some(("/properties/errors/items", "code"))
    }

    fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        out.raw(b"{\"errors\":[");
        match error.violations() {
            // One error object per violation, each pointing at its source.
            Some((name, violations)) if !violations.is_empty() => {
                for (i, violation) in violations.iter().enumerate() {
                    if i > 0 {
                        out.raw(b",");
                    }
                    Self::object(error, cx, Some((name, violation)), out)?;
                }
            }
            _ => Self::object(error, cx, None, out)?,
        }
        out.raw(b"]}");
        Ok(())
    }
}

#[cfg(feature = "client")]
impl super::Decode for JsonApi {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        use super::decode::{members, retry, text};
        // The first error object: an error response of this crate has one.
        let Some(first) = body
            .get("errors")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
            .and_then(Value::as_object)
        else {
            return false;
        };
        if let Some(code) = text(first, "code") {
            error.set_code(code);
        }
        if let Some(title) = text(first, "title") {
            error.set_title(title);
        }
        if let Some(detail) = text(first, "detail") {
            error.set_detail(detail);
        }
        if let Some(id) = text(first, "id") {
            error.set_request_id(id);
        }
        if let Some(uri) = first
            .get("links")
            .and_then(Value::as_object)
            .and_then(|l| text(l, "type"))
        {
            error.set_type_uri(uri);
        }
        retry(first, error);
        if let Some(meta) = first.get("meta").and_then(Value::as_object) {
            members(meta, &[], error);
        }
        // The error objects that point into the request body are its violations.
        let objects = body
            .get("errors")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let violations: crate::Violations = objects
            .iter()
            .filter_map(Value::as_object)
            .filter_map(|object| {
                let pointer = object
                    .get("source")?
                    .as_object()
                    .and_then(|s| text(s, "pointer"))?;
                Some(crate::Violation::new(
                    pointer,
                    text(object, "detail").unwrap_or_default(),
                ))
            })
            .take(super::decode::MAX_VIOLATIONS)
            .collect();
        if !violations.is_empty() {
            error.set_violations(violations);
        }
        error.set_shape("json:api");
        true
    }
}
