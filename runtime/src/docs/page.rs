//! The page of one code: the target of its problem type URI.

use core::fmt::Write as _;

use super::example;
use super::markdown::{cell, code, text};
use crate::Entry;
use crate::envelope::Envelope;

pub(crate) fn render(entry: &'static Entry, envelope: &dyn Envelope) -> String {
    let mut page = String::new();
    let _ = writeln!(page, "# {}\n", entry.code());
    let _ = writeln!(
        page,
        "**{}** (HTTP {})\n",
        text(entry.title()),
        entry.status().as_u16()
    );
    if let Some(description) = entry.description() {
        let _ = writeln!(page, "{}\n", text(description));
    }
    let _ = writeln!(page, "| | |\n|---|---|");
    let _ = writeln!(page, "| Code | {} |", code(entry.code()));
    let _ = writeln!(
        page,
        "| Status | {} {} |",
        entry.status().as_u16(),
        entry.reason()
    );
    let _ = writeln!(
        page,
        "| Retryable | {} |",
        entry.retry().describe_at(entry.status().as_u16())
    );
    if let Some(delay) = entry.retry_after() {
        let _ = writeln!(page, "| Retry-After | {} seconds |", delay.as_secs());
    } else if entry.retry_after_from_field() {
        let _ = writeln!(page, "| Retry-After | given per response |");
    }
    if let Some(category) = entry.category() {
        let _ = writeln!(page, "| Category | {} |", cell(category));
    }
    // An autolink: type URIs are checked at compile time to hold no space, `<` or `>`.
    let _ = writeln!(page, "| Type | <{}> |", entry.type_uri());
    if let Some(challenge) = entry.challenge() {
        let header = if entry.status().as_u16() == 407 {
            "Proxy-Authenticate"
        } else {
            "WWW-Authenticate"
        };
        let _ = writeln!(page, "| {header} | {} |", code(challenge));
    }
    if let Some(upgrade) = entry.upgrade() {
        let _ = writeln!(page, "| Upgrade | {} |", code(upgrade));
    }
    if let Some(allow) = entry.allow() {
        let _ = writeln!(page, "| Allow | {} |", code(allow));
    }
    if let Some(template) = entry.detail_template() {
        // The template as a reader sees it: `{retry_in:?}` shown as `<retry_in>`.
        let _ = writeln!(page, "| Detail | {} |", cell(&example::readable_detail(template)));
    }
    if let Some(resolve) = entry.resolve() {
        let _ = writeln!(page, "\n## Resolution\n");
        if let Some(message) = resolve.message() {
            let _ = writeln!(page, "{}\n", text(message));
        }
        if let Some(url) = resolve.url() {
            let _ = writeln!(page, "- Where: <{url}>");
        }
        if let Some(action) = resolve.action() {
            let _ = writeln!(page, "- Action: {}", code(action));
        }
        if let Some(endpoint) = resolve.endpoint() {
            let call = format!("{} {endpoint}", resolve.method().unwrap_or("GET"));
            let _ = writeln!(page, "- API call: {}", code(&call));
        } else if let Some(method) = resolve.method() {
            let _ = writeln!(page, "- Method: {}", code(method));
        }
    }
    if !entry.fields().is_empty() {
        let _ = writeln!(
            page,
            "\n## Fields\n\n| Member | Type | Description |\n|---|---|---|"
        );
        for field in entry.fields() {
            let ty = if field.nullable() {
                format!("{} or null", field.json_type())
            } else if field.optional() {
                format!("{}, left out when absent", field.json_type())
            } else {
                field.json_type().to_owned()
            };
            let _ = writeln!(
                page,
                "| {} | {ty} | {} |",
                code(field.name()),
                cell(field.description().unwrap_or(""))
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

impl super::ServiceCatalog {
    /// The Markdown page of one entry, the target of its type URI: title, code, status, retry
    /// guidance, description, resolution, fields and an example body in `envelope`.
    #[must_use]
    pub fn page(&self, entry: &'static Entry, envelope: &dyn Envelope) -> String {
        render(entry, envelope)
    }
}
