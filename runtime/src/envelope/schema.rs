//! The JSON Schema pieces the envelopes share: the `resolve` object, where members go, and
//! which members are violations.

use serde_json::{Value, json};

/// The schema of the `resolve` object.
pub(crate) fn resolve_schema() -> Value {
    json!({
        "type": "object",
        "description": "Actionable resolution guidance.",
        "additionalProperties": false,
        "properties": {
            "message": {"type": "string"},
            "url": {"type": "string"},
            "action": {"type": "string"},
            "method": {"type": "string"},
            "endpoint": {"type": "string"},
        },
    })
}

/// Puts `members` (an object schema) at `at` (a JSON Pointer to an object schema inside
/// `schema`), closing that object: the members are all it holds.
pub(crate) fn place_members(mut schema: Value, at: &str, members: &Value) -> Value {
    if let Some(object) = schema.pointer_mut(at) {
        object["properties"] = members["properties"].clone();
        object["required"] = members["required"].clone();
        object["additionalProperties"] = Value::Bool(false);
    }
    // A member that is always there makes the object that holds it always there too (it is
    // left out only when it would be empty).
    let always = members["required"].as_array().is_some_and(|r| !r.is_empty());
    if let (true, Some((parent, name))) = (always, at.rsplit_once('/'))
        && let Some(parent) = parent
            .strip_suffix("/properties")
            .and_then(|p| schema.pointer_mut(p))
    {
        match parent["required"].as_array_mut() {
            Some(required) => required.push(name.into()),
            None => parent["required"] = json!([name]),
        }
    }
    schema
}

/// `members` with every property schema replaced by a string (AIP-193 metadata is a string map)
/// and those of violations left out.
pub(crate) fn without_violations(members: &Value) -> Value {
    let mut members = members.clone();
    let dropped: Vec<String> = members["properties"]
        .as_object()
        .map(|p| {
            p.iter()
                .filter(|(_, s)| is_violations(s))
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default();
    if let Some(properties) = members["properties"].as_object_mut() {
        for name in &dropped {
            properties.remove(name);
        }
    }
    if let Some(required) = members["required"].as_array_mut() {
        required.retain(|r| r.as_str().is_none_or(|r| !dropped.iter().any(|d| d == r)));
    }
    members
}

/// Whether a member schema is that of [`Violations`](crate::Violations).
pub(crate) fn is_violations(schema: &Value) -> bool {
    schema.get("title").and_then(Value::as_str) == Some("Violations")
}
