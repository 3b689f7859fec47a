//! Example bodies for documentation: an error built from an entry alone, with placeholder
//! values for its fields, rendered through the real envelope.

use core::fmt::Write as _;
use core::time::Duration;

use crate::envelope::{Envelope, Output};
use crate::{ApiError, Context, Detail, Entry, FieldWriter};

/// An occurrence of `entry` with a placeholder for each field: a value its schema accepts when
/// the member schemas are known, otherwise one of the field's JSON type.
struct Example<'a> {
    entry: &'static Entry,
    detail: Option<String>,
    members: Option<&'a [(&'static str, serde_json::Value)]>,
}

impl ApiError for Example<'_> {
    fn entry(&self) -> &'static Entry {
        self.entry
    }
    fn retry_after(&self) -> Option<Duration> {
        // A field-given delay has no value here; 30 seconds shows where it goes.
        self.entry.retry_after().or_else(|| {
            self.entry
                .retry_after_from_field()
                .then_some(Duration::from_secs(30))
        })
    }
    fn detail(&self) -> Option<Detail<'_>> {
        self.detail.as_ref().map(|d| Detail::from_display(d))
    }
    fn write_fields(&self, out: &mut FieldWriter<'_>) {
        for field in self.entry.fields() {
            let schema = self
                .members
                .and_then(|m| m.iter().find(|(name, _)| *name == field.name()))
                .map(|(_, schema)| schema);
            if is_violations(field) {
                out.field(field.name(), &*SAMPLE_VIOLATIONS);
            } else if let Some(schema) = schema {
                out.field(field.name(), &from_schema(schema, 0));
            } else {
                out.field(field.name(), &placeholder(field));
            }
        }
    }
    fn violations(&self) -> Option<(&'static str, &crate::Violations)> {
        let field = self.entry.fields().iter().find(|f| is_violations(f))?;
        Some((field.name(), &SAMPLE_VIOLATIONS))
    }
}

/// The one violation an example shows.
static SAMPLE_VIOLATIONS: std::sync::LazyLock<crate::Violations> = std::sync::LazyLock::new(|| {
    [crate::Violation::new("/age", "must be a positive integer").with_code("range")]
        .into_iter()
        .collect()
});

/// Whether a field holds the variant's validation errors.
fn is_violations(field: &crate::Field) -> bool {
    field.ty().rsplit("::").next() == Some("Violations")
}

/// A value of the field's JSON type (the inner type's for an `Option`, to show its shape).
fn placeholder(field: &crate::Field) -> serde_json::Value {
    match field.json_type() {
        "string" => "string".into(),
        "integer" => 0.into(),
        "number" => 0.0.into(),
        "boolean" => false.into(),
        "array" => serde_json::Value::Array(Vec::new()),
        "object" => serde_json::Value::Object(serde_json::Map::new()),
        _ => serde_json::Value::Null,
    }
}

/// The detail template as a reader sees it: each `{field...}` placeholder shown as `<field>`,
/// `{{` and `}}` as single braces.
pub(crate) fn readable_detail(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open].replace("}}", "}"));
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            out.push('{');
            rest = stripped;
            continue;
        }
        let close = after.find('}').unwrap_or(after.len());
        let name = after[..close].split(':').next().unwrap_or("").trim();
        let _ = write!(out, "<{}>", name.strip_prefix("r#").unwrap_or(name));
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(&rest.replace("}}", "}"));
    out
}

/// A value `schema` accepts: a realistic placeholder, struct fields filled in, one item in an
/// array.
fn from_schema(schema: &serde_json::Value, depth: usize) -> serde_json::Value {
    use serde_json::{Value, json};
    if depth > 8 {
        return Value::Null;
    }
    if let Some(value) = schema.get("const").or_else(|| schema.get("default")) {
        return value.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return first.clone();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let option = options
                .iter()
                .find(|o| o.get("type").and_then(Value::as_str) != Some("null"))
                .or_else(|| options.first());
            return option.map_or(Value::Null, |o| from_schema(o, depth + 1));
        }
    }
    let ty = match schema.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        Some(Value::String(ty)) => ty.as_str(),
        _ => "",
    };
    match ty {
        "string" => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => json!("2024-01-23T12:00:00Z"),
            Some("date") => json!("2024-01-23"),
            Some("uri") => json!("https://example.com/"),
            Some("uuid") => json!("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            Some("email") => json!("user@example.com"),
            _ => json!("string"),
        },
        "integer" => schema.get("minimum").cloned().unwrap_or(json!(0)),
        "number" => schema.get("minimum").cloned().unwrap_or(json!(0.0)),
        "boolean" => json!(false),
        "array" => {
            let item = schema
                .get("items")
                .map_or(Value::Null, |i| from_schema(i, depth + 1));
            let count = schema.get("minItems").and_then(Value::as_u64).unwrap_or(1).max(1);
            Value::Array(vec![item; usize::try_from(count.min(3)).unwrap_or(1)])
        }
        "object" => {
            let mut object = serde_json::Map::new();
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (name, property) in properties {
                    object.insert(name.clone(), from_schema(property, depth + 1));
                }
            }
            Value::Object(object)
        }
        // `null`, or a schema that says nothing of the type.
        _ => Value::Null,
    }
}

/// The example body of `entry` in `envelope`, pretty-printed in the envelope's member order.
pub(crate) fn body(entry: &'static Entry, envelope: &dyn Envelope) -> String {
    body_with(entry, envelope, None)
}

fn body_with(
    entry: &'static Entry,
    envelope: &dyn Envelope,
    members: Option<&[(&'static str, serde_json::Value)]>,
) -> String {
    let example = Example {
        entry,
        detail: entry.detail_template().map(readable_detail),
        members,
    };
    let cx = Context::new()
        .with_request_id("req_01HZX3")
        .with_instance("/v1/example")
        .with_version("v1");
    let mut out = Vec::new();
    // Placeholders always serialize.
    let _ = envelope.render(&example, &cx, &mut Output::new(&mut out));
    reindent(&String::from_utf8_lossy(&out))
}

/// The example body as a JSON value, its members following their schemas when known.
pub(crate) fn value(
    entry: &'static Entry,
    envelope: &dyn Envelope,
    members: Option<&[(&'static str, serde_json::Value)]>,
) -> serde_json::Value {
    serde_json::from_str(&body_with(entry, envelope, members)).unwrap_or(serde_json::Value::Null)
}

/// Compact JSON re-indented by two spaces, member order kept (a `serde_json::Value` would sort
/// the members unless the whole program enabled `preserve_order`).
fn reindent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{readable_detail, reindent};

    #[test]
    fn detail_placeholders() {
        assert_eq!(
            readable_detail("{usage_type} limit reached"),
            "<usage_type> limit reached"
        );
        assert_eq!(
            readable_detail("{0:>5} of {{literal}} {x:?}"),
            "<0> of {literal} <x>"
        );
        assert_eq!(readable_detail("static"), "static");
        assert_eq!(readable_detail("got {r#match}"), "got <match>");
    }

    #[test]
    fn reindent_keeps_order_and_strings() {
        let compact = r#"{"b":1,"a":{"x":"a,b:{c}","e":[]},"z":[1,2]}"#;
        let pretty = reindent(compact);
        assert_eq!(
            pretty,
            "{\n  \"b\": 1,\n  \"a\": {\n    \"x\": \"a,b:{c}\",\n    \"e\": []\n  },\n  \"z\": [\n    1,\n    2\n  ]\n}"
        );
        let round: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(round, serde_json::from_str::<serde_json::Value>(compact).unwrap());
    }
}
