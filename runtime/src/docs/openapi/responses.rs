//! One response object per status (or per operation's codes at a status): per content type a
//! union of the codes' schemas and one example per code, and the headers.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::super::ServiceCatalog;
use super::codes::{Code, Codes, union};
use super::headers::{header_components, headers_of};
use crate::Entry;
use crate::envelope::Envelope;

/// The response of `status` with the bodies of `entries`: per content type a union of their
/// schemas and one named example per code, and the headers they may carry.
pub(super) fn response(
    service: &ServiceCatalog,
    codes: &Codes,
    status: u16,
    entries: &[&'static Entry],
    inline: bool,
) -> Value {
    let mut content = Map::new();
    let mut groups: Vec<(&'static str, Vec<&Code>)> = Vec::new();
    for code in entries.iter().filter_map(|e| codes.of(e)) {
        match groups.iter_mut().find(|(ct, _)| *ct == code.content_type) {
            Some((_, group)) => group.push(code),
            None => groups.push((code.content_type, vec![code])),
        }
    }
    for (content_type, group) in &groups {
        let examples: Map<String, Value> = group
            .iter()
            .map(|code| {
                let example = if inline {
                    example(code)
                } else {
                    json!({"$ref": format!("#/components/examples/{}", code.name)})
                };
                (code.entry.code().to_owned(), example)
            })
            .collect();
        content.insert(
            (*content_type).to_owned(),
            json!({"schema": union(group, inline), "examples": examples}),
        );
    }
    let all_headers = header_components(service);
    let headers: Map<String, Value> = headers_of(service, status, entries)
        .into_iter()
        .map(|name| {
            let header = if inline {
                all_headers.get(&name).cloned().unwrap_or_default()
            } else {
                json!({"$ref": format!("#/components/headers/{name}")})
            };
            (name, header)
        })
        .collect();
    let mut response = json!({"description": entries[0].reason(), "content": content});
    if !headers.is_empty() {
        response["headers"] = headers.into();
    }
    response
}

/// The catalog's entries by status.
pub(super) fn by_status<'a>(
    entries: impl Iterator<Item = &'a &'static Entry>,
) -> BTreeMap<u16, Vec<&'static Entry>> {
    let mut by_status: BTreeMap<u16, Vec<&'static Entry>> = BTreeMap::new();
    for entry in entries {
        let at = by_status.entry(entry.status().as_u16()).or_default();
        if !at.iter().any(|known| core::ptr::eq(*known, *entry)) {
            at.push(entry);
        }
    }
    by_status
}

/// One response object per status: `Error{status}` in documents (with `$ref`s to the
/// document's components), or with the schema and headers written out (`inline`).
pub(crate) fn responses(
    service: &ServiceCatalog,
    envelope: &dyn Envelope,
    inline: bool,
) -> Vec<(u16, Value)> {
    let codes = Codes::new(service, envelope, inline);
    let entries: Vec<&'static Entry> = service.entries().collect();
    by_status(entries.iter())
        .into_iter()
        .map(|(status, at)| (status, response(service, &codes, status, &at, inline)))
        .collect()
}

/// `code`'s example object: its title, description and example body. Documents keep one per
/// code in `components/examples`, which every response with the code refers to.
pub(super) fn example(code: &Code) -> Value {
    let mut example = json!({"summary": code.entry.title(), "value": code.example});
    if let Some(description) = code.entry.description() {
        example["description"] = description.into();
    }
    example
}
