//! The Markdown catalog table: Code | HTTP | Retryable | Description | Resolution.

use core::fmt;

use super::ServiceCatalog;
use super::markdown::{cell, code, text};
use crate::Entry;

/// The catalog as a Markdown table: Code | HTTP | Retryable | Description | Resolution.
///
/// Retry guidance is spelled out (`"Yes, with backoff"`, `"No (new Idempotency-Key)"`; see
/// [`Retry::describe_at`](crate::Retry::describe_at)) unless [`Table::with_yes_no`] asks for plain
/// Yes/No. Text is escaped for Markdown, so a description shows as written.
/// The resolution is the `resolve` message, or, without one, its link, action and API call.
/// [`Table::with_grouping`] puts a heading before each category, in first-appearance order.
#[derive(Clone, Copy, Debug)]
pub struct Table<'a> {
    service: &'a ServiceCatalog,
    grouped: bool,
    yes_no: bool,
}

impl<'a> Table<'a> {
    /// The table of every entry of `service`.
    #[must_use]
    pub fn new(service: &'a ServiceCatalog) -> Self {
        Table {
            service,
            grouped: false,
            yes_no: false,
        }
    }

    /// One table per category, each under a `##` heading (so that a page with the service's
    /// `#` title nests); entries with no category come last, under "Other".
    #[must_use]
    pub fn with_grouping(mut self, grouped: bool) -> Self {
        self.grouped = grouped;
        self
    }

    /// Retryable as plain `Yes` / `No`.
    #[must_use]
    pub fn with_yes_no(mut self, yes_no: bool) -> Self {
        self.yes_no = yes_no;
        self
    }

    /// The 0.2 name of [`Table::with_grouping`].
    #[deprecated(note = "renamed `with_grouping`")]
    #[doc(hidden)]
    #[must_use]
    pub fn grouped(self, grouped: bool) -> Self {
        self.with_grouping(grouped)
    }

    /// The 0.2 name of [`Table::with_yes_no`].
    #[deprecated(note = "renamed `with_yes_no`")]
    #[doc(hidden)]
    #[must_use]
    pub fn yes_no(self, yes_no: bool) -> Self {
        self.with_yes_no(yes_no)
    }

    fn rows(&self, f: &mut fmt::Formatter<'_>, entries: &[&'static Entry]) -> fmt::Result {
        writeln!(f, "| Code | HTTP | Retryable | Description | Resolution |")?;
        writeln!(f, "|---|---|---|---|---|")?;
        for entry in entries {
            let retry = if self.yes_no {
                if entry.retry().is_retryable() { "Yes" } else { "No" }
            } else {
                entry.retry().describe_at(entry.status().as_u16())
            };
            writeln!(
                f,
                "| {} | {} | {} | {} | {} |",
                code(entry.code()),
                entry.status().as_u16(),
                retry,
                cell(entry.description().unwrap_or("")),
                resolution(entry),
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries: Vec<&'static Entry> = self.service.entries().collect();
        if !self.grouped {
            return self.rows(f, &entries);
        }
        let mut categories: Vec<Option<&str>> = Vec::new();
        for entry in &entries {
            if !categories.contains(&entry.category()) {
                categories.push(entry.category());
            }
        }
        // Uncategorized entries go last.
        categories.sort_by_key(Option::is_none);
        for (i, category) in categories.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "## {}\n", text(category.unwrap_or("Other")))?;
            let group: Vec<&'static Entry> = entries
                .iter()
                .copied()
                .filter(|e| e.category() == *category)
                .collect();
            self.rows(f, &group)?;
        }
        Ok(())
    }
}

/// The resolution column, as cell-safe Markdown: the message, or else the link, action and API
/// call.
pub(crate) fn resolution(entry: &Entry) -> String {
    let Some(resolve) = entry.resolve() else {
        return String::new();
    };
    if let Some(message) = resolve.message() {
        return cell(message);
    }
    let mut parts = Vec::new();
    if let Some(url) = resolve.url() {
        parts.push(format!("See <{url}>."));
    }
    if let Some(action) = resolve.action() {
        parts.push(format!("Action {}.", code(action)));
    }
    if let Some(endpoint) = resolve.endpoint() {
        let call = format!("{} {endpoint}", resolve.method().unwrap_or("GET"));
        parts.push(format!("Call {}.", code(&call)));
    }
    parts.join(" ")
}
