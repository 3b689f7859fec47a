//! The document in OpenAPI 3.0, for generators that read nothing newer (progenitor).

use serde_json::{Map, Value, json};

use super::super::ServiceCatalog;
use super::codes::{Codes, component_name, union};
use super::document::{document, without_const};
use super::paths::{operation_entries, prune};
use crate::envelope::Envelope;

/// The 3.1 document, turned into 3.0: `const` as one-value enums, `type: [T, "null"]` as
/// `nullable`, and one error type per operation (progenitor reads one: its error responses all
/// refer to `{Operation}Errors`, a union of every code the operation returns, and there is no
/// `default`), where the operation's errors share a content type.
pub(crate) fn document_3_0(service: &ServiceCatalog, envelope: &dyn Envelope) -> Value {
    let mut document = document(service, envelope);
    document["openapi"] = "3.0.3".into();
    let codes = Codes::new(service, envelope, false);
    for operation in &service.operations {
        let entries = operation_entries(service, operation);
        let group: Vec<_> = entries.iter().filter_map(|e| codes.of(e)).collect();
        let Some(first) = group.first() else { continue };
        if group.iter().any(|c| c.content_type != first.content_type) {
            continue;
        }
        let name = format!("{}Errors", component_name(&operation.id()));
        document["components"]["schemas"][&name] = union(&group, false);
        let pointer = format!(
            "/paths/{}/{}/responses",
            operation.path.replace('~', "~0").replace('/', "~1"),
            operation.method.as_str().to_ascii_lowercase()
        );
        let Some(listed) = document.pointer(&pointer).and_then(Value::as_object).cloned() else {
            continue;
        };
        let mut inline = Map::new();
        for (status, response) in listed {
            if status == "default" {
                continue;
            }
            if !status.starts_with(['4', '5']) {
                inline.insert(status, response);
                continue;
            }
            let mut response = match response["$ref"].as_str() {
                Some(target) => document
                    .pointer(target.trim_start_matches('#'))
                    .cloned()
                    .unwrap_or_default(),
                None => response,
            };
            if let Some(media) = response["content"][first.content_type].as_object_mut() {
                media.insert(
                    "schema".into(),
                    json!({"$ref": format!("#/components/schemas/{name}")}),
                );
            }
            inline.insert(status, response);
        }
        if let Some(slot) = document.pointer_mut(&pointer) {
            *slot = Value::Object(inline);
        }
    }
    prune(&mut document);
    without_const(&mut document);
    nullable(&mut document);
    document
}

/// `"type": [T, "null"]` as `"type": T, "nullable": true` (3.0 has no type lists); any other
/// list leaves the type open. Example bodies are left as they are.
fn nullable(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get("type").cloned() {
                let others: Vec<&Value> = types.iter().filter(|t| t.as_str() != Some("null")).collect();
                object.remove("type");
                if let [only] = others.as_slice() {
                    object.insert("type".into(), (*only).clone());
                }
                if others.len() < types.len() {
                    object.insert("nullable".into(), true.into());
                }
            }
            object
                .iter_mut()
                .filter(|(key, _)| !matches!(key.as_str(), "examples" | "example"))
                .for_each(|(_, value)| nullable(value));
        }
        Value::Array(items) => items.iter_mut().for_each(nullable),
        _ => {}
    }
}

impl ServiceCatalog {
    /// The OpenAPI document in version 3.0.3, for generators that read no 3.1 (progenitor): as
    /// [`ServiceCatalog::openapi`], with `const`s as one-value enums, nullable types as
    /// `nullable: true`, and each operation's error responses referring to one union of all its
    /// codes (`GetOrdersIdErrors`), since progenitor reads one error type per operation, and no
    /// `default` response. An operation whose errors come in two content types keeps its
    /// per-status responses.
    ///
    /// ```
    /// use apierror::ApiError;
    /// use apierror::docs::{Operation, ServiceCatalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum OrderError {
    ///     #[api(status = 404)]
    ///     OrderNotFound,
    ///     #[api(status = 409)]
    ///     OrderLocked,
    /// }
    ///
    /// let document = ServiceCatalog::new("Orders API")
    ///     .with_operation(Operation::get("/orders/{id}").returns::<OrderError>())
    ///     .openapi_3_0(&apierror::envelope::CodeMessage);
    /// assert_eq!(document["openapi"], "3.0.3");
    /// let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
    /// assert_eq!(
    ///     responses["409"]["content"]["application/json"]["schema"]["$ref"],
    ///     "#/components/schemas/GetOrdersIdErrors"
    /// );
    /// assert_eq!(document["components"]["schemas"]["OrderLocked"]["properties"]["code"]["enum"][0], "ORDER_LOCKED");
    /// ```
    pub fn openapi_3_0(&self, envelope: &dyn Envelope) -> Value {
        document_3_0(self, envelope)
    }
}
