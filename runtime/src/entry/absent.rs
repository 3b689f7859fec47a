//! Absent values in the static data are empty strings (no `Option`s: see `EntryParts`).

/// `None` for the empty string, which the static data uses for "absent".
#[must_use]
#[doc(hidden)]
pub const fn non_empty(s: &'static str) -> Option<&'static str> {
    if s.is_empty() { None } else { Some(s) }
}
