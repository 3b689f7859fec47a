//! Problem details on the wire: the JSON Schema of a body, rendering, and (with the `client`
//! feature) decoding, next to each other so that they round-trip.

use serde_json::{Value, json};

use super::Problem;
use crate::envelope::{Envelope, Output, RenderError, resolve_schema};
use crate::fields::Position;
use crate::{ApiError, Context};

impl Envelope for Problem {
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        let mut schema = self.schema(code);
        if let Some(properties) = members["properties"].as_object() {
            for (name, member) in properties {
                // Problem details render violations in RFC 9457's own shape.
                schema["properties"][name] = if crate::envelope::is_violations(member) {
                    json!({"type": "array", "items": {
                        "type": "object",
                        "required": ["detail", "pointer"],
                        "properties": {
                            "detail": {"type": "string"},
                            "pointer": {"type": "string"},
                            "code": {"type": "string"},
                        },
                    }})
                } else {
                    member.clone()
                };
            }
        }
        if let (Some(required), Some(more)) =
            (schema["required"].as_array_mut(), members["required"].as_array())
        {
            required.extend(more.iter().cloned());
        }
        // One code's bodies, with its members known: nothing else is in them.
        schema["additionalProperties"] = Value::Bool(false);
        schema
    }

    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn code_schema_at(&self) -> Option<(&'static str, &'static str)> {
        (!self.code_member.is_empty()).then_some(("", self.code_member))
    }

    fn writes_member(&self, name: &str) -> bool {
        !name.is_empty() && self.own_members().contains(&name)
    }

    fn schema(&self, code: Value) -> Value {
        let mut properties = json!({
            "type": {"type": "string", "format": "uri-reference", "description": "The problem type URI."},
            "title": {"type": "string", "description": "Short, static summary of the problem type."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "Explanation of this occurrence."},
            "instance": {"type": "string", "format": "uri-reference", "description": "This occurrence."},
            "resolve": resolve_schema(),
            "errors": {
                "type": "array",
                "description": "Where in the request the problem is (RFC 9457's `errors`).",
                "items": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {
                        "detail": {"type": "string"},
                        "pointer": {"type": "string", "description": "A JSON Pointer into the body, as a URI fragment."},
                        "parameter": {"type": "string", "description": "A path or query parameter."},
                        "header": {"type": "string", "description": "A request header."},
                        "code": {"type": "string"},
                    },
                },
            },
        });
        let mut required = vec!["type", "title"];
        if self.with_status {
            required.push("status");
        }
        if !self.code_member.is_empty() {
            properties[self.code_member] = code;
            required.push(self.code_member);
        }
        if self.retry_member {
            properties["retry"] = json!({
                "type": "string",
                "enum": ["no", "yes", "backoff", "after_delay", "after_reauth", "later", "new_key"],
                "description": "What a client should do before sending the request again.",
            });
        }
        json!({
            "type": "object",
            "required": required,
            "properties": properties,
            "additionalProperties": true,
        })
    }

    fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        let entry = error.entry();
        out.raw(b"{\"type\":");
        out.type_uri(entry);
        out.raw(b",\"title\":");
        out.title(entry);
        if self.with_status {
            out.raw(b",\"status\":");
            out.status(entry);
        }
        out.detail(b",\"detail\":", error);
        out.opt_member(b",\"instance\":", cx.instance());
        if !self.code_member.is_empty() {
            out.raw(b",");
            out.string(self.code_member);
            out.raw(b":");
            out.code(entry);
        }
        out.resolve(b",\"resolve\":", entry);
        if self.retry_member {
            out.raw(b",\"retry\":\"");
            out.raw(entry.retry().as_str().as_bytes());
            out.raw(b"\"");
        }
        let violations = error.violations();
        // Without violations, the location is an `errors` entry of its own.
        let location = if violations.is_none() {
            error.location()
        } else {
            None
        };
        let [code, retry, rest @ ..] = self.own_members();
        let own = [
            code,
            retry,
            match (violations, location) {
                (Some((name, _)), _) => name,
                (None, Some(_)) => "errors",
                (None, None) => "",
            },
            rest[0],
            rest[1],
            rest[2],
            rest[3],
            rest[4],
            rest[5],
        ];
        // A derived field can only collide with the first three, chosen at run time: the
        // derive rejects the reserved names as field names. Hand-written fields are checked
        // against all of them.
        let mut writer = out.fields(Position::AfterOthers).skipping_after(&own, 3);
        error.write_fields(&mut writer);
        writer.finish()?;
        if let Some((name, violations)) = violations {
            out.raw(b",");
            out.string(name);
            out.raw(b":");
            write_violations(violations, out);
        }
        if let Some(location) = location {
            write_location(error, location, out);
        }
        out.raw(b"}");
        Ok(())
    }
}

/// Writes `,"errors":[{"detail", "pointer": "#..."}]` for a location (RFC 9457's shape, its
/// section 3 example), with `parameter` or `header` in place of `pointer` for those kinds.
fn write_location(error: &dyn ApiError, location: crate::Location<'_>, out: &mut Output<'_>) {
    out.raw(b",\"errors\":[{\"detail\":");
    out.message(error);
    out.raw(b",\"");
    out.raw(location.name().as_bytes());
    out.raw(b"\":");
    if let crate::Location::Pointer(pointer) = location {
        let mut fragment = String::with_capacity(pointer.len() + 1);
        crate::violations::write_fragment(&mut fragment, pointer);
        out.string(&fragment);
    } else {
        out.string(location.value());
    }
    out.raw(b"}]");
}

/// Writes `[{"detail", "pointer": "#..."}]`, RFC 9457's shape (its section 3 example).
fn write_violations(violations: &crate::Violations, out: &mut Output<'_>) {
    out.raw(b"[");
    for (i, violation) in violations.iter().enumerate() {
        if i > 0 {
            out.raw(b",");
        }
        out.raw(b"{\"detail\":");
        out.string(violation.message());
        out.raw(b",\"pointer\":");
        let mut fragment = String::with_capacity(violation.pointer().len() + 1);
        crate::violations::write_fragment(&mut fragment, violation.pointer());
        out.string(&fragment);
        if let Some(code) = violation.code() {
            out.raw(b",\"code\":");
            out.string(code);
        }
        out.raw(b"}");
    }
    out.raw(b"]");
}

#[cfg(feature = "client")]
impl crate::envelope::Decode for Problem {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        use crate::envelope::decode::{members, resolve, retry, text};
        let Some(object) = body.as_object() else {
            return false;
        };
        if !(object.contains_key("type") || object.contains_key("title") || object.contains_key("status")) {
            return false;
        }
        // The code member as configured; the default also reads the other common spellings.
        let candidates: &[&str] = match self.code_member {
            "" => &[],
            "code" => &["code", "error_code", "errorCode"],
            _ => core::slice::from_ref(&self.code_member),
        };
        let code_member = candidates
            .iter()
            .copied()
            .find(|m| object.get(*m).is_some_and(Value::is_string));
        if let Some(member) = code_member {
            error.set_code(text(object, member).unwrap_or_default());
        }
        if let Some(value) = text(object, "type") {
            error.set_type_uri(value);
        }
        if let Some(value) = text(object, "title") {
            error.set_title(value);
        }
        if let Some(value) = text(object, "detail") {
            error.set_detail(value);
        }
        if let Some(value) = text(object, "instance") {
            error.set_instance(value);
        }
        if let Some(value) = resolve(object.get("resolve")) {
            error.set_resolve(value);
        }
        retry(object, error);
        // Problem's own members are not extension members; `retry` is read whether or not this
        // envelope writes it.
        let mut own = self.own_members();
        own[0] = code_member.unwrap_or("");
        own[1] = "retry";
        members(object, &own, error);
        error.set_shape("problem");
        true
    }
}
