//! Helpers shared by the behaviour tests, and the seed catalogs declared as derived enums.

pub mod client_service;
pub mod composed_service;
pub mod http_service;
pub mod orders_service;
pub mod schemas;
pub mod seeds;
pub mod stripe;
pub mod validation;

use apierror::Entry;
use serde_json::{Value, json};

/// Every part of an entry as one JSON value, so tests compare whole entries at once.
#[must_use]
pub fn describe(entry: &Entry) -> Value {
    let resolve = entry.resolve().map(|r| {
        json!({
            "message": r.message(),
            "url": r.url(),
            "action": r.action(),
            "method": r.method(),
            "endpoint": r.endpoint(),
        })
    });
    let fields: Vec<Value> = entry
        .fields()
        .iter()
        .map(|f| json!({"name": f.name(), "type": f.ty(), "description": f.description()}))
        .collect();
    json!({
        "variant": entry.variant(),
        "code": entry.code(),
        "status": entry.status().as_u16(),
        "title": entry.title(),
        "description": entry.description(),
        "detail": entry.detail_template(),
        "retry": entry.retry().as_str(),
        "retry_after": entry.retry_after().map(|d| d.as_secs()),
        "retry_after_from_field": entry.retry_after_from_field(),
        "resolve": resolve,
        "category": entry.category(),
        "type": entry.type_uri(),
        "challenge": entry.challenge(),
        "allow": entry.allow(),
        "fields": fields,
    })
}

/// The text of the seed catalog whose file name starts with `prefix` (`"002"`), from the
/// `shared/seeds/` folder that sits beside the repository.
///
/// # Panics
/// When the seeds are not there: the seed tests need them.
#[must_use]
pub fn seed(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seed catalogs expected in {}: {e}", dir.display()));
    let path = entries
        .map(|e| e.expect("readable seeds folder").path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()));
    std::fs::read_to_string(&path).expect("readable seed")
}

/// Every top-level `{ ... }` block in `text` that parses as JSON, with the line before it.
#[must_use]
pub fn json_blocks(text: &str) -> Vec<(usize, Value)> {
    let mut blocks = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' && (i == 0 || bytes[i - 1] == b'\n') {
            let mut depth = 0;
            let mut in_string = false;
            let mut j = i;
            while j < bytes.len() {
                match bytes[j] {
                    b'\\' if in_string => j += 1,
                    b'"' => in_string = !in_string,
                    b'{' if !in_string => depth += 1,
                    b'}' if !in_string => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if let Ok(value) = serde_json::from_str(&text[i..=j.min(bytes.len() - 1)]) {
                blocks.push((i, value));
            }
            i = j;
        }
        i += 1;
    }
    blocks
}

/// Seed 004's code tables: `(category, code, status, description)` per row, in order.
#[must_use]
pub fn seed_004_rows(text: &str) -> Vec<(String, String, u16, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = Vec::new();
    let mut category = "";
    for (i, line) in lines.iter().enumerate() {
        if line.ends_with(" Errors") && !line.starts_with('|') {
            category = line;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if !line.starts_with('|') && cells.len() == 3 && cells[1].parse::<u16>().is_ok() {
            let description = lines[i + 1].trim_end_matches(" |").trim_end_matches('|').trim();
            rows.push((
                category.to_owned(),
                cells[0].to_owned(),
                cells[1].parse().unwrap(),
                description.to_owned(),
            ));
        }
    }
    rows
}

/// A table in rendered Markdown: the heading it stands under and its body rows, each cell as
/// the text a reader sees (markup rendered, escapes resolved, `<br>` as a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedTable {
    /// The text of the last heading before the table (empty when none).
    pub heading: String,
    /// Body rows, without the header row.
    pub rows: Vec<Vec<String>>,
}

/// Every table of `markdown`, rendered by a CommonMark parser with GitHub's table extension.
#[must_use]
pub fn rendered_tables(markdown: &str) -> Vec<RenderedTable> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    let mut tables = Vec::new();
    let mut heading = String::new();
    let mut in_heading = false;
    let mut in_head_row = false;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Table(_)) => rows.clear(),
            Event::End(TagEnd::Table) => tables.push(RenderedTable {
                heading: heading.clone(),
                rows: std::mem::take(&mut rows),
            }),
            Event::Start(Tag::TableHead) => in_head_row = true,
            Event::End(TagEnd::TableHead) => in_head_row = false,
            Event::Start(Tag::TableRow) if !in_head_row => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(text), false) = (cell.take(), in_head_row) {
                    rows.last_mut().expect("a row").push(text.trim().to_owned());
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                } else if in_heading {
                    heading.push_str(&text);
                }
            }
            Event::InlineHtml(html) if html.trim() == "<br>" => {
                if let Some(cell) = &mut cell {
                    cell.push('\n');
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                panic!("raw HTML in generated Markdown: {html:?}")
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = &mut cell {
                    cell.push(' ');
                }
            }
            _ => {}
        }
    }
    tables
}

/// The retry-guidance table of the `{success, error, meta}` provider's catalog: one
/// `(status cell, guidance)` per row, such as `("401 (expired)", Retry::AfterReauth)`.
///
/// # Panics
/// On a row whose guidance is not one of the table's phrases.
#[must_use]
pub fn seed_004_retry_rows(text: &str) -> Vec<(String, apierror::Retry)> {
    use apierror::Retry;
    let table = text.split("Retry Guidance\n").nth(1).unwrap_or("");
    table
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let retry = match cells[2] {
                "No" => Retry::No,
                "Yes, after re-auth" => Retry::AfterReauth,
                "No (change key)" => Retry::NewKey,
                "Yes, after reset" => Retry::AfterDelay,
                "Yes, with backoff" => Retry::Backoff,
                "Yes, later" => Retry::Later,
                other => panic!("unknown guidance {other:?}"),
            };
            (cells[1].to_owned(), retry)
        })
        .collect()
}

/// The row of that table which speaks for `code` at `status`: the status's row, narrowed by the
/// row's qualifier where a status has several.
#[must_use]
pub fn seed_004_row_for<'a>(
    rows: &'a [(String, apierror::Retry)],
    code: &str,
    status: u16,
) -> Option<&'a (String, apierror::Retry)> {
    let candidates: Vec<&(String, apierror::Retry)> = rows
        .iter()
        .filter(|(s, _)| s.starts_with(&status.to_string()))
        .collect();
    if candidates.len() <= 1 {
        return candidates.first().copied();
    }
    let qualifier = match (status, code) {
        (401, "expired_token") => "(expired)",
        (401, _) => "(other)",
        (429, "api_usage_allowance_exceeded") => "(allowance)",
        (429, _) => "(rate limit)",
        _ => return None,
    };
    candidates.into_iter().find(|(s, _)| s.ends_with(qualifier))
}
