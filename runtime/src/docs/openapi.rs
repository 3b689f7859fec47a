//! The OpenAPI 3.1 document of a catalog.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{Service, example};
use crate::{Entry, Envelope};

pub(crate) fn document(service: &Service, envelope: &dyn Envelope) -> Value {
    let codes: Vec<&str> = service.entries().map(Entry::code).collect();
    let mut by_status: BTreeMap<u16, Vec<&'static Entry>> = BTreeMap::new();
    for entry in service.entries() {
        by_status.entry(entry.status().as_u16()).or_default().push(entry);
    }
    let code_schema = json!({"$ref": "#/components/schemas/ErrorCode"});
    let mut responses = serde_json::Map::new();
    for (status, entries) in &by_status {
        let examples: serde_json::Map<String, Value> = entries
            .iter()
            .map(|entry| {
                let mut example = json!({"summary": entry.title(), "value": example::value(entry, envelope)});
                if let Some(description) = entry.description() {
                    example["description"] = description.into();
                }
                (entry.code().to_owned(), example)
            })
            .collect();
        let mut headers = serde_json::Map::new();
        if entries
            .iter()
            .any(|e| e.retry_after().is_some() || e.retry_after_from_field())
            || matches!(status, 429 | 503)
        {
            headers.insert(
                "Retry-After".into(),
                json!({"$ref": "#/components/headers/Retry-After"}),
            );
        }
        if entries.iter().any(|e| e.challenge().is_some()) {
            headers.insert(
                "WWW-Authenticate".into(),
                json!({"$ref": "#/components/headers/WWW-Authenticate"}),
            );
        }
        if entries.iter().any(|e| e.allow().is_some()) {
            headers.insert("Allow".into(), json!({"$ref": "#/components/headers/Allow"}));
        }
        let mut response = json!({
            "description": entries[0].reason(),
            "content": {envelope.content_type(): {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": examples,
            }},
        });
        if !headers.is_empty() {
            response["headers"] = headers.into();
        }
        responses.insert(format!("Error{status}"), response);
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": service.title(), "version": service.version},
        "components": {
            "schemas": {
                "ErrorCode": {"type": "string", "enum": codes, "description": "Stable, machine-readable error code."},
                "Error": envelope.schema(code_schema),
            },
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait before retrying.",
                    "schema": {"type": "integer", "minimum": 0},
                },
                "WWW-Authenticate": {
                    "description": "The authentication challenge (RFC 9110, section 11.6.1).",
                    "schema": {"type": "string"},
                },
                "Allow": {
                    "description": "The methods the resource supports (RFC 9110, section 10.2.1).",
                    "schema": {"type": "string"},
                },
            },
            "responses": responses,
        },
    })
}
