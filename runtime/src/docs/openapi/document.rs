//! The whole document, and what the utoipa integration takes from it.

use serde_json::{Map, Value, json};

use super::super::ServiceCatalog;
use super::codes::Codes;
use super::headers::header_components;
use super::paths::{operation_entries, paths, prune};
use super::responses::{by_status, example, response, responses};
use crate::Entry;
use crate::envelope::Envelope;

pub(crate) fn document(service: &ServiceCatalog, envelope: &dyn Envelope) -> Value {
    let codes = Codes::new(service, envelope, false);
    let entries: Vec<&'static Entry> = service.entries().collect();
    let catalog = by_status(entries.iter());
    let mut responses: Map<String, Value> = catalog
        .iter()
        .map(|(status, at)| {
            (
                format!("Error{status}"),
                response(service, &codes, *status, at, false),
            )
        })
        .collect();
    let paths = paths(service, &codes, &catalog, &mut responses);
    // Any other error: the envelope with any code, for statuses an operation does not list.
    responses.insert(
        "Error".into(),
        json!({
            "description": "Any other error.",
            "content": {envelope.content_type(): {"schema": {"$ref": "#/components/schemas/Error"}}},
        }),
    );
    let mut schemas: Map<String, Value> = codes
        .list
        .iter()
        .map(|c| (c.name.clone(), c.component.clone()))
        .collect();
    schemas.extend(codes.unknowns.iter().cloned());
    schemas.insert(
        "Error".into(),
        envelope.schema(json!({"type": "string", "description": "Stable, machine-readable error code."})),
    );
    let mut document = json!({
        "openapi": "3.1.0",
        "info": {"title": service.title(), "version": service.version()},
        "paths": paths,
        "components": {
            "schemas": schemas,
            "headers": header_components(service),
            "examples": codes.list.iter().map(|c| (c.name.clone(), example(c))).collect::<Map<String, Value>>(),
            "responses": responses,
        },
    });
    if let Some(description) = &service.description {
        document["info"]["description"] = description.as_str().into();
    }
    if let Some((name, url)) = &service.contact {
        document["info"]["contact"] = json!({"name": name, "url": url});
    }
    if !service.servers.is_empty() {
        document["servers"] = service.servers.iter().map(|url| json!({"url": url})).collect();
    }
    let mut tags: Vec<&str> = Vec::new();
    for tag in service.operations.iter().flat_map(|o| &o.tags) {
        if !tags.contains(&tag.as_str()) {
            tags.push(tag);
        }
    }
    if !tags.is_empty() {
        document["tags"] = tags.iter().map(|name| json!({"name": name})).collect();
    }
    if !service.operations.is_empty() {
        prune(&mut document);
    }
    document
}

impl ServiceCatalog {
    /// The OpenAPI 3.1 document of the catalog, with bodies in `envelope` (a type that declares
    /// its own keeps it): a schema per code in `components/schemas` (the code as a `const`, its
    /// members, named in `PascalCase`: `OrderNotFound`), a response per status in
    /// `components/responses` (`Error404`: a union of its codes' schemas, discriminated on the
    /// code, with one example per code and the headers it may carry), and a path per
    /// [`Operation`](crate::docs::Operation) whose error responses list exactly its codes.
    ///
    /// ```
    /// use apierror::ApiError;
    /// use apierror::docs::ServiceCatalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum OrderError {
    ///     #[api(status = 404)]
    ///     OrderNotFound,
    ///     #[api(status = 404)]
    ///     CustomerNotFound,
    /// }
    ///
    /// let document = ServiceCatalog::new("Orders API").with::<OrderError>().openapi(&apierror::Problem::new());
    /// let schema = &document["components"]["responses"]["Error404"]["content"]["application/problem+json"]["schema"];
    /// assert_eq!(schema["discriminator"]["mapping"]["ORDER_NOT_FOUND"], "#/components/schemas/OrderNotFound");
    /// assert_eq!(document["components"]["schemas"]["OrderNotFound"]["properties"]["code"]["const"], "ORDER_NOT_FOUND");
    /// ```
    pub fn openapi(&self, envelope: &dyn Envelope) -> serde_json::Value {
        document(self, envelope)
    }
}

/// The responses of `service` by status, with schema and headers written out.
#[cfg_attr(not(any(feature = "utoipa-6", feature = "aide-0_15")), allow(dead_code))]
pub(crate) fn inline_responses(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
) -> Vec<(u16, serde_json::Value)> {
    let mut responses = responses(service, envelope, true);
    for (_, response) in &mut responses {
        without_const(response);
    }
    responses
}

/// Every `const` as a one-value `enum` with its type: the schema models of utoipa and aide have
/// no `const` (and OpenAPI 3.0 none either).
pub(super) fn without_const(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if let Some(constant) = object.remove("const") {
                let ty = match &constant {
                    Value::Bool(_) => Some("boolean"),
                    Value::String(_) => Some("string"),
                    Value::Number(n) if n.is_i64() || n.is_u64() => Some("integer"),
                    Value::Number(_) => Some("number"),
                    _ => None,
                };
                if let (Some(ty), false) = (ty, object.contains_key("type")) {
                    object.insert("type".into(), ty.into());
                }
                object.insert("enum".into(), Value::Array(vec![constant]));
            }
            // Examples are bodies, not schemas: a member named `const` there stays.
            object
                .iter_mut()
                .filter(|(key, _)| !matches!(key.as_str(), "examples" | "example"))
                .for_each(|(_, value)| without_const(value));
        }
        Value::Array(items) => items.iter_mut().for_each(without_const),
        _ => {}
    }
}

/// One operation's path, method (lower case) and error responses by status.
pub(crate) type OperationResponses = (String, String, Vec<(u16, Value)>);

/// Each operation's error responses by status, with schemas and headers written out, for
/// documents built by another tool.
#[cfg_attr(not(any(feature = "utoipa-6", feature = "aide-0_15")), allow(dead_code))]
pub(crate) fn inline_operation_responses(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
) -> Vec<OperationResponses> {
    let codes = Codes::new(service, envelope, true);
    service
        .operations
        .iter()
        .map(|operation| {
            let entries = operation_entries(service, operation);
            let responses = by_status(entries.iter())
                .into_iter()
                .map(|(status, at)| {
                    let mut response = response(service, &codes, status, &at, true);
                    without_const(&mut response);
                    (status, response)
                })
                .collect();
            (
                operation.path.clone(),
                operation.method.as_str().to_ascii_lowercase(),
                responses,
            )
        })
        .collect()
}
