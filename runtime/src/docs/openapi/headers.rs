//! The response headers the document lists, by status and by what the service sends.

use serde_json::{Map, Value, json};

use super::super::ServiceCatalog;
use crate::Entry;

/// The headers a response of `status` with `entries` may carry, by component name.
pub(super) fn headers_of(service: &ServiceCatalog, status: u16, entries: &[&'static Entry]) -> Vec<String> {
    let mut names = Vec::new();
    if entries
        .iter()
        .any(|e| e.retry_after().is_some() || e.retry_after_from_field())
        || matches!(status, 429 | 503)
    {
        names.push("Retry-After".to_owned());
    }
    if entries.iter().any(|e| e.challenge().is_some()) {
        names.push(
            if status == 407 {
                "Proxy-Authenticate"
            } else {
                "WWW-Authenticate"
            }
            .to_owned(),
        );
    }
    if entries.iter().any(|e| e.upgrade().is_some()) {
        names.push("Upgrade".to_owned());
    }
    if status == 405 || entries.iter().any(|e| e.allow().is_some()) {
        names.push("Allow".to_owned());
    }
    if matches!(status, 428 | 429 | 431) {
        names.push("Cache-Control".to_owned());
    }
    if status == 429 {
        names.extend(
            rate_limit_headers(service)
                .into_iter()
                .map(|(name, _)| name.to_owned()),
        );
    }
    names.push(request_id_name(service));
    names
}

/// `x-request-id` -> `X-Request-Id`.
pub(super) fn request_id_name(service: &ServiceCatalog) -> String {
    service
        .request_id_header
        .as_str()
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join("-")
}

pub(super) fn rate_limit_headers(service: &ServiceCatalog) -> Vec<(&'static str, Value)> {
    let legacy = [
        (
            "X-RateLimit-Limit",
            "The requests allowed in the window.",
            json!({"type": "integer", "minimum": 0}),
        ),
        (
            "X-RateLimit-Remaining",
            "The requests left in the window.",
            json!({"type": "integer", "minimum": 0}),
        ),
        (
            "X-RateLimit-Reset",
            "When the window resets, in Unix seconds.",
            json!({"type": "integer", "minimum": 0}),
        ),
    ];
    let ietf = [
        (
            "RateLimit-Policy",
            "The quota policy (IETF RateLimit header fields).",
            json!({"type": "string"}),
        ),
        (
            "RateLimit",
            "What remains of the quota (IETF RateLimit header fields).",
            json!({"type": "string"}),
        ),
    ];
    let header = |(name, description, schema): (&'static str, &str, Value)| {
        (name, json!({"description": description, "schema": schema}))
    };
    match service.rate_limit_headers {
        crate::RateLimitHeaders::Ietf => ietf.into_iter().map(header).collect(),
        crate::RateLimitHeaders::Both => legacy.into_iter().chain(ietf).map(header).collect(),
        _ => legacy.into_iter().map(header).collect(),
    }
}

pub(super) fn header_components(service: &ServiceCatalog) -> Map<String, Value> {
    let mut headers: Map<String, Value> = json!({
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
        "Cache-Control": {
            "description": "`no-store`: the answer must not be reused (RFC 6585).",
            "schema": {"type": "string"},
        },
    })
    .as_object()
    .cloned()
    .unwrap_or_default();
    headers.insert(
        request_id_name(service),
        json!({"description": "The request's id, to quote when reporting a problem.", "schema": {"type": "string"}}),
    );
    headers.extend(
        rate_limit_headers(service)
            .into_iter()
            .map(|(name, header)| (name.to_owned(), header)),
    );
    headers
}
