//! Each code as the document describes it: its component name, its schema (the code as a
//! `const`), and the union of one schema per code that a response holds.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value, json};

use super::super::{ServiceCatalog, example};
use crate::Entry;
use crate::envelope::Envelope;

/// One code as the document describes it.
pub(super) struct Code {
    pub(super) entry: &'static Entry,
    /// The component name (`OrderNotFound` for `ORDER_NOT_FOUND`).
    pub(super) name: String,
    pub(super) content_type: &'static str,
    /// The whole body's schema, with the code as a `const`.
    pub(super) body: Value,
    /// Where the union goes in the body, and the member it is discriminated on.
    pub(super) at: Option<(&'static str, &'static str)>,
    /// What `components/schemas/{name}` holds: the object at `at`, else the whole body.
    pub(super) component: Value,
    pub(super) example: Value,
    /// The component of a code this document does not list, in this code's envelope (so that a
    /// client generated today still reads a code added tomorrow); none inline, or where no
    /// object holds the code.
    pub(super) unknown: Option<String>,
}

/// Every code of the catalog, named and described.
pub(super) struct Codes {
    pub(super) list: Vec<Code>,
    /// Each entry's index in `codes`, by address: a lookup per code of every response.
    index: HashMap<usize, usize>,
    /// The components for codes the document does not list, one per envelope shape.
    pub(super) unknowns: Vec<(String, Value)>,
}

impl Codes {
    /// Every code of `service`, the code a `const` (or, `inline` for utoipa, whose schema model
    /// has no `const`, a one-value `enum`).
    pub(super) fn new(service: &ServiceCatalog, envelope: &dyn Envelope, inline: bool) -> Self {
        let mut taken = BTreeSet::from(["Error".to_owned(), "UnknownError".to_owned()]);
        let known: Vec<&str> = service.entries().map(Entry::code).collect();
        let mut unknowns: Vec<(String, Value)> = Vec::new();
        let codes: Vec<Code> = service
            .entries()
            .map(|entry| {
                let own: &dyn Envelope = match entry.envelope() {
                    Some(declared) => declared,
                    None => envelope,
                };
                let members = service.member_schemas(entry.code());
                let code = if inline {
                    json!({"type": "string", "enum": [entry.code()]})
                } else {
                    json!({"type": "string", "const": entry.code()})
                };
                // Without described members (`with_schemas`), the declaration still gives
                // each member's name and JSON type: every code's schema is closed and exact.
                let declared;
                let described = if let Some(members) = members {
                    members
                } else {
                    declared = declared_members(service, entry, &own.schema(code.clone()));
                    declared.as_slice()
                };
                let body = own.schema_with_members(code, members_schema(entry, described));
                let at = own.code_schema_at().filter(|(at, _)| body.pointer(at).is_some());
                let mut component = at.map_or_else(
                    || body.clone(),
                    |(at, _)| body.pointer(at).cloned().unwrap_or_default(),
                );
                if let (Some(description), Some(object)) = (entry.description(), component.as_object_mut()) {
                    object.insert("description".into(), description.into());
                }
                let unknown = at.filter(|_| !inline).map(|(at, _)| {
                    let code = json!({
                        "type": "string",
                        "not": {"enum": known},
                        "description": "A code this document does not list (added since).",
                    });
                    let mut schema = own.schema(code).pointer(at).cloned().unwrap_or_default();
                    if let Some(object) = schema.as_object_mut() {
                        object.insert(
                            "description".into(),
                            "An error whose code this document does not list: clients read it as a generic error."
                                .into(),
                        );
                    }
                    if let Some((name, _)) = unknowns.iter().find(|(_, known)| *known == schema) {
                        name.clone()
                    } else {
                        let name = if unknowns.is_empty() {
                            "UnknownError".to_owned()
                        } else {
                            unique(&mut taken, "UnknownError")
                        };
                        unknowns.push((name.clone(), schema));
                        name
                    }
                });
                Code {
                    entry,
                    name: unique(&mut taken, &component_name(entry.code())),
                    content_type: own.content_type(),
                    body,
                    at,
                    component,
                    example: example::value(entry, own, members),
                    unknown,
                }
            })
            .collect();
        let index = codes
            .iter()
            .enumerate()
            .map(|(i, code)| (core::ptr::from_ref(code.entry) as usize, i))
            .collect();
        Codes {
            list: codes,
            index,
            unknowns,
        }
    }

    /// The description of `entry`, if it is in the catalog.
    pub(super) fn of(&self, entry: &Entry) -> Option<&Code> {
        self.index
            .get(&(core::ptr::from_ref(entry) as usize))
            .map(|&i| &self.list[i])
    }
}

/// `ORDER_NOT_FOUND`, `order_not_found`, `orderNotFound` -> `OrderNotFound`.
pub(super) fn component_name(code: &str) -> String {
    let mut name = String::with_capacity(code.len());
    let mut upper = true;
    let mut previous_lower = false;
    for c in code.chars() {
        if !c.is_ascii_alphanumeric() {
            upper = true;
            previous_lower = false;
            continue;
        }
        if upper || (previous_lower && c.is_ascii_uppercase()) {
            name.push(c.to_ascii_uppercase());
        } else {
            name.push(c.to_ascii_lowercase());
        }
        upper = false;
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "Code");
    }
    name
}

/// `name`, or `name2`, `name3`, ... when it is taken.
pub(super) fn unique(taken: &mut BTreeSet<String>, name: &str) -> String {
    let mut candidate = name.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name}{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// `value` with the schema at the JSON Pointer `at` replaced by `with` (`at` empty: `with`).
pub(super) fn replaced(mut value: Value, at: &str, with: Value) -> Value {
    if at.is_empty() {
        return with;
    }
    if let Some(slot) = value.pointer_mut(at) {
        *slot = with;
    }
    value
}

/// The schema of bodies of `codes` (all of one content type): a union of one schema per code,
/// discriminated on the code member where the envelope has one at a place all share.
pub(super) fn union(codes: &[&Code], inline: bool) -> Value {
    let schema_of = |code: &Code| {
        if inline {
            code.component.clone()
        } else {
            json!({"$ref": format!("#/components/schemas/{}", code.name)})
        }
    };
    let shared = codes[0].at.filter(|(at, _)| {
        codes.iter().all(|c| {
            c.at.is_some_and(|(other, _)| other == *at)
                && replaced(c.body.clone(), at, Value::Null)
                    == replaced(codes[0].body.clone(), at, Value::Null)
        })
    });
    if let Some((at, member)) = shared {
        // A code added after the document was written reads as the generic error of the same
        // envelope, listed last (generators try the others first).
        let unknown = codes[0]
            .unknown
            .as_ref()
            .filter(|name| codes.iter().all(|c| c.unknown.as_ref() == Some(*name)));
        let inner = if codes.len() == 1 && unknown.is_none() {
            schema_of(codes[0])
        } else {
            let mut alternatives: Vec<Value> = codes.iter().map(|c| schema_of(c)).collect();
            if let Some(name) = unknown {
                alternatives.push(json!({"$ref": format!("#/components/schemas/{name}")}));
            }
            let mut union = json!({"oneOf": alternatives});
            if !inline {
                let mapping: Map<String, Value> = codes
                    .iter()
                    .map(|c| {
                        (
                            c.entry.code().to_owned(),
                            json!(format!("#/components/schemas/{}", c.name)),
                        )
                    })
                    .collect();
                union["discriminator"] = json!({"propertyName": member, "mapping": mapping});
            }
            union
        };
        return replaced(codes[0].body.clone(), at, inner);
    }
    let bodies: Vec<Value> = codes
        .iter()
        .map(|c| match c.at {
            Some((at, _)) => replaced(c.body.clone(), at, schema_of(c)),
            None => schema_of(c),
        })
        .collect();
    if bodies.len() == 1 {
        bodies.into_iter().next().unwrap_or_default()
    } else {
        json!({"oneOf": bodies})
    }
}

/// An object schema of `entry`'s members: each one's schema, all required but those left out
/// when absent.
pub(super) fn members_schema(entry: &Entry, members: &[(&'static str, Value)]) -> Value {
    let properties: Map<String, Value> = members
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

/// `entry`'s members as its declaration types them (`{"type": "integer"}`, nullable where an
/// `Option` is not left out, any JSON for a type of the user's own), and, for a framework error
/// that can name where the problem is, the location member the envelopes with a `details`
/// object write (`body` is the envelope's schema, which tells whether it has one).
fn declared_members(service: &ServiceCatalog, entry: &Entry, body: &Value) -> Vec<(&'static str, Value)> {
    let mut members: Vec<(&'static str, Value)> = entry
        .fields()
        .iter()
        .map(|field| {
            let schema = match (field.json_type(), field.nullable()) {
                ("any", _) => json!({}),
                (ty, true) => json!({"type": [ty, "null"]}),
                (ty, false) => json!({"type": ty}),
            };
            (field.name(), schema)
        })
        .collect();
    let has_details = body.pointer("/properties/details").is_some()
        || body.pointer("/properties/error/properties/details").is_some();
    if let (Some(framework), true, true) = (&service.framework, has_details, entry.fields().is_empty()) {
        use crate::FrameworkKind::{InvalidJson, InvalidPathParameter, InvalidQuery, MalformedJson};
        let located = [
            (InvalidJson, "pointer"),
            (MalformedJson, "pointer"),
            (InvalidPathParameter, "parameter"),
            (InvalidQuery, "parameter"),
        ];
        if let Some((_, member)) = located
            .iter()
            .find(|(kind, _)| core::ptr::eq(framework.entry(*kind), entry))
        {
            let what = if *member == "pointer" {
                "The member of the body, as a JSON Pointer."
            } else {
                "The parameter."
            };
            members.push((member, json!({"type": "string", "description": what})));
        }
    }
    members
}
