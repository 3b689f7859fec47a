//! The OpenAPI 3.1 document of a catalog.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{ServiceCatalog, example};
use crate::Entry;
use crate::envelope::Envelope;

/// One response object per status: `Error{status}` in documents (with `$ref`s to the
/// document's components), or with the schema and headers written out (`inline`).
pub(crate) fn responses(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
    inline: bool,
) -> Vec<(u16, Value)> {
    let codes: Vec<&str> = service.entries().map(Entry::code).collect();
    let mut by_status: BTreeMap<u16, Vec<&'static Entry>> = BTreeMap::new();
    for entry in service.entries() {
        by_status.entry(entry.status().as_u16()).or_default().push(entry);
    }
    let headers_defined = header_components();
    let header = |name: &str| {
        if inline {
            headers_defined[name].clone()
        } else {
            json!({"$ref": format!("#/components/headers/{name}")})
        }
    };
    let schema = if inline {
        envelope.schema(code_schema(&codes))
    } else {
        json!({"$ref": "#/components/schemas/Error"})
    };
    let mut responses = Vec::new();
    for (status, entries) in &by_status {
        // With member schemas, each code's bodies are described exactly: one schema per code.
        let described = entries.iter().any(|e| service.member_schemas(e.code()).is_some());
        let schema = if described {
            let per_code: Vec<Value> = entries
                .iter()
                .map(|entry| {
                    let code = json!({"type": "string", "enum": [entry.code()]});
                    match service.member_schemas(entry.code()) {
                        Some(members) => envelope.schema_with_members(code, members_schema(entry, members)),
                        None => envelope.schema(code),
                    }
                })
                .collect();
            json!({"oneOf": per_code})
        } else {
            schema.clone()
        };
        let examples: serde_json::Map<String, Value> = entries
            .iter()
            .map(|entry| {
                let members = service.member_schemas(entry.code());
                let mut example =
                    json!({"summary": entry.title(), "value": example::value(entry, envelope, members)});
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
            headers.insert("Retry-After".into(), header("Retry-After"));
        }
        if entries.iter().any(|e| e.challenge().is_some()) {
            let name = if *status == 407 {
                "Proxy-Authenticate"
            } else {
                "WWW-Authenticate"
            };
            headers.insert(name.into(), header(name));
        }
        if entries.iter().any(|e| e.upgrade().is_some()) {
            headers.insert("Upgrade".into(), header("Upgrade"));
        }
        if entries.iter().any(|e| e.allow().is_some()) {
            headers.insert("Allow".into(), header("Allow"));
        }
        let mut response = json!({
            "description": entries[0].reason(),
            "content": {envelope.content_type(): {"schema": schema, "examples": examples}},
        });
        if !headers.is_empty() {
            response["headers"] = headers.into();
        }
        responses.push((*status, response));
    }
    responses
}

/// An object schema of `entry`'s members: each one's schema, all required but those left out
/// when absent.
fn members_schema(entry: &Entry, members: &[(&'static str, Value)]) -> Value {
    let properties: serde_json::Map<String, Value> = members
        .iter()
        .map(|(name, schema)| ((*name).to_owned(), schema.clone()))
        .collect();
    let required: Vec<&str> = entry
        .fields()
        .iter()
        .filter(|f| !f.optional() && members.iter().any(|(name, _)| *name == f.name()))
        .map(crate::Field::name)
        .collect();
    json!({"type": "object", "properties": properties, "required": required})
}

fn code_schema(codes: &[&str]) -> Value {
    json!({"type": "string", "enum": codes, "description": "Stable, machine-readable error code."})
}

fn header_components() -> Value {
    json!({
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
        "Proxy-Authenticate": {
            "description": "The proxy's authentication challenge (RFC 9110, section 11.7.1).",
            "schema": {"type": "string"},
        },
        "Upgrade": {
            "description": "The protocols to switch to (RFC 9110, section 7.8).",
            "schema": {"type": "string"},
        },
    })
}

pub(crate) fn document(service: &ServiceCatalog, envelope: &dyn Envelope) -> Value {
    let codes: Vec<&str> = service.entries().map(Entry::code).collect();
    let responses: serde_json::Map<String, Value> = responses(service, envelope, false)
        .into_iter()
        .map(|(status, response)| (format!("Error{status}"), response))
        .collect();
    let code_ref = json!({"$ref": "#/components/schemas/ErrorCode"});
    json!({
        "openapi": "3.1.0",
        "info": {"title": service.title(), "version": service.version},
        // Some validators reject a document without `paths`, though 3.1 allows components alone.
        "paths": {},
        "components": {
            "schemas": {
                "ErrorCode": code_schema(&codes),
                "Error": envelope.schema(code_ref),
            },
            "headers": header_components(),
            "responses": responses,
        },
    })
}

impl ServiceCatalog {
    /// The OpenAPI 3.1 document of the catalog with bodies in `envelope`: the envelope's schema
    /// with `code` as an enum of every code, and a response per status with one named example
    /// per code and the headers it may carry.
    pub fn openapi(&self, envelope: &dyn Envelope) -> serde_json::Value {
        document(self, envelope)
    }
}

/// The responses of `service` by status, with schema and headers written out.
#[cfg_attr(not(feature = "utoipa-6"), allow(dead_code))]
pub(crate) fn inline_responses(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
) -> Vec<(u16, serde_json::Value)> {
    responses(service, envelope, true)
}
