//! Helpers shared by the behaviour tests.

use apierror::Entry;
use serde_json::{Value, json};

/// Every part of an entry as one JSON value, so tests compare whole entries at once.
#[must_use]
pub fn describe(entry: &Entry) -> Value {
    let resolve = entry.resolve().map(|r| {
        json!({
            "message": r.message(),
            "url": r.url(),
            "action": r.action(),
            "method": r.method(),
            "endpoint": r.endpoint(),
        })
    });
    let fields: Vec<Value> = entry
        .fields()
        .iter()
        .map(|f| json!({"name": f.name(), "type": f.ty(), "description": f.description()}))
        .collect();
    json!({
        "variant": entry.variant(),
        "code": entry.code(),
        "status": entry.status().as_u16(),
        "title": entry.title(),
        "description": entry.description(),
        "detail": entry.detail_template(),
        "retry": entry.retry().as_str(),
        "retry_after": entry.retry_after().map(|d| d.as_secs()),
        "retry_after_from_field": entry.retry_after_from_field(),
        "resolve": resolve,
        "category": entry.category(),
        "type": entry.type_uri(),
        "challenge": entry.challenge(),
        "allow": entry.allow(),
        "fields": fields,
    })
}
