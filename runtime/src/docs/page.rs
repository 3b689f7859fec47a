//! The page of one code: the target of its problem type URI.

use core::fmt::Write as _;

use super::example;
use super::table::resolution;
use crate::{Entry, Envelope};

pub(crate) fn render(entry: &'static Entry, envelope: &dyn Envelope) -> String {
    let mut page = String::new();
    let _ = writeln!(page, "# {}\n", entry.code());
    let _ = writeln!(page, "**{}** (HTTP {})\n", entry.title(), entry.status().as_u16());
    if let Some(description) = entry.description() {
        let _ = writeln!(page, "{description}\n");
    }
    let _ = writeln!(page, "| | |\n|---|---|");
    let _ = writeln!(page, "| Code | `{}` |", entry.code());
    let _ = writeln!(
        page,
        "| Status | {} {} |",
        entry.status().as_u16(),
        entry.reason()
    );
    let _ = writeln!(page, "| Retryable | {} |", entry.retry().describe());
    if let Some(delay) = entry.retry_after() {
        let _ = writeln!(page, "| Retry-After | {} seconds |", delay.as_secs());
    } else if entry.retry_after_from_field() {
        let _ = writeln!(page, "| Retry-After | given per response |");
    }
    if let Some(category) = entry.category() {
        let _ = writeln!(page, "| Category | {category} |");
    }
    let _ = writeln!(page, "| Type | {} |", entry.type_uri());
    if let Some(challenge) = entry.challenge() {
        let _ = writeln!(page, "| WWW-Authenticate | `{challenge}` |");
    }
    if let Some(allow) = entry.allow() {
        let _ = writeln!(page, "| Allow | `{allow}` |");
    }
    if let Some(template) = entry.detail_template() {
        let _ = writeln!(page, "| Detail | {} |", super::table::cell(template));
    }
    if let Some(resolve) = entry.resolve() {
        let _ = writeln!(page, "\n## Resolution\n");
        if resolve.message().is_some() {
            let _ = writeln!(page, "{}\n", resolution(entry));
        }
        if let Some(url) = resolve.url() {
            let _ = writeln!(page, "- Where: {url}");
        }
        if let Some(action) = resolve.action() {
            let _ = writeln!(page, "- Action: `{action}`");
        }
        if let Some(endpoint) = resolve.endpoint() {
            let _ = writeln!(
                page,
                "- API call: `{} {endpoint}`",
                resolve.method().unwrap_or("GET")
            );
        } else if let Some(method) = resolve.method() {
            let _ = writeln!(page, "- Method: `{method}`");
        }
    }
    if !entry.fields().is_empty() {
        let _ = writeln!(
            page,
            "\n## Fields\n\n| Member | Type | Description |\n|---|---|---|"
        );
        for field in entry.fields() {
            let _ = writeln!(
                page,
                "| `{}` | `{}` | {} |",
                field.name(),
                field.ty(),
                super::table::cell(field.description().unwrap_or(""))
            );
        }
    }
    let _ = writeln!(
        page,
        "\n## Example\n\n`{}`\n\n```json\n{}\n```",
        envelope.content_type(),
        example::body(entry, envelope)
    );
    page
}
