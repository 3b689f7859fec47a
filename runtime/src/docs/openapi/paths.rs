//! The operations as paths, and the pruning of components nothing refers to.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use super::super::{Operation, ServiceCatalog};
use super::codes::{Codes, component_name};
use super::responses::{by_status, response};
use crate::Entry;

/// The entries of `operation`: its codes, then the framework errors that apply to it (when the
/// catalog has the framework's entries).
pub(super) fn operation_entries(service: &ServiceCatalog, operation: &Operation) -> Vec<&'static Entry> {
    let mut entries: Vec<&'static Entry> = operation.entries.iter().map(|(_, e)| *e).collect();
    if let Some(framework) = &service.framework {
        entries.extend(operation.framework.iter().map(|kind| framework.entry(*kind)));
    }
    entries
}

/// The paths object, and the responses the operations need beyond the catalog's own.
pub(super) fn paths(
    service: &ServiceCatalog,
    codes: &Codes,
    catalog: &BTreeMap<u16, Vec<&'static Entry>>,
    responses: &mut Map<String, Value>,
) -> Map<String, Value> {
    let same = |a: &[&'static Entry], b: &[&'static Entry]| {
        a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| core::ptr::eq(*x, *y)))
    };
    let mut shared: Vec<(u16, Vec<&'static Entry>, String)> = Vec::new();
    let mut paths = Map::new();
    for operation in &service.operations {
        let id = operation.id();
        let mut listed = Map::new();
        listed.insert(
            operation.success.0.to_string(),
            json!({"description": operation.success.1}),
        );
        for (status, entries) in by_status(operation_entries(service, operation).iter()) {
            let name = if catalog.get(&status).is_some_and(|all| same(all, &entries)) {
                format!("Error{status}")
            } else if let Some((_, _, name)) =
                shared.iter().find(|(s, e, _)| *s == status && same(e, &entries))
            {
                name.clone()
            } else {
                let mut pascal = component_name(&id);
                pascal.push_str("Error");
                pascal.push_str(itoa::Buffer::new().format(status));
                responses.insert(pascal.clone(), response(service, codes, status, &entries, false));
                shared.push((status, entries, pascal.clone()));
                pascal
            };
            listed.insert(
                status.to_string(),
                json!({"$ref": format!("#/components/responses/{name}")}),
            );
        }
        listed.insert("default".into(), json!({"$ref": "#/components/responses/Error"}));
        let mut object = json!({"operationId": id, "responses": listed});
        if let Some(summary) = &operation.summary {
            object["summary"] = summary.as_str().into();
        }
        if let Some(description) = &operation.description {
            object["description"] = description.as_str().into();
        }
        if !operation.tags.is_empty() {
            object["tags"] = json!(operation.tags);
        }
        let parameters: Vec<Value> = operation
            .path_parameters()
            .map(|name| {
                let schema = operation
                    .parameters
                    .iter()
                    .find(|(given, _)| given == name)
                    .map_or_else(|| json!({"type": "string"}), |(_, schema)| schema.clone());
                json!({"name": name, "in": "path", "required": true, "schema": schema})
            })
            .collect();
        if !parameters.is_empty() {
            object["parameters"] = parameters.into();
        }
        if let Some(body) = &operation.body {
            object["requestBody"] =
                json!({"required": true, "content": {"application/json": {"schema": body}}});
        }
        let item = paths.entry(operation.path.clone()).or_insert_with(|| json!({}));
        item[operation.method.as_str().to_ascii_lowercase()] = object;
    }
    paths
}

/// Every `#/components/{kind}/{name}` that `value` refers to.
pub(super) fn refs(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            for (key, value) in object {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => {
                        found.insert(target.clone());
                    }
                    ("mapping", Value::Object(mapping)) => {
                        found.extend(mapping.values().filter_map(Value::as_str).map(str::to_owned));
                    }
                    _ => refs(value, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| refs(item, found)),
        _ => {}
    }
}

/// Leaves out the components nothing refers to, from the paths on (a document with
/// operations lists only what they use).
pub(super) fn prune(document: &mut Value) {
    let mut used = BTreeSet::new();
    refs(&document["paths"], &mut used);
    loop {
        let before = used.len();
        for target in used.clone() {
            if let Some(component) = document.pointer(target.trim_start_matches('#')) {
                refs(component, &mut used);
            }
        }
        if used.len() == before {
            break;
        }
    }
    for kind in ["schemas", "responses", "headers", "examples"] {
        if let Some(components) = document["components"][kind].as_object_mut() {
            components.retain(|name, _| used.contains(&format!("#/components/{kind}/{name}")));
        }
    }
}
