//! The positional constructors the derive calls for each variant's [`Entry`], and the entry of
//! a failed derive's fallback impl.

use http::StatusCode;

use super::model::Entry;
use super::parts::EntryParts;
use crate::Retry;

/// The entry of a derived variant, positional: a 500-variant catalog compiles measurably faster
/// than with a struct literal per entry (a third of the tokens). Only what most variants have is
/// an argument; the `Entry::__*` and `with_*` builders add the rest. Nothing here computes (each
/// string comes with its JSON literal): const evaluation of 500 initializers is part of type
/// checking, and computing in it measured slower than passing the literal.
#[must_use]
#[allow(clippy::too_many_arguments, reason = "positional on purpose, see above")]
#[doc(hidden)]
pub const fn entry(
    variant: &'static str,
    code: &'static str,
    code_json: &'static str,
    status: StatusCode,
    reason: &'static str,
    reason_json: &'static str,
    fields: &'static [crate::Field],
    at: u16,
    len: u16,
) -> Entry {
    Entry::__from_parts(EntryParts {
        variant,
        code,
        status,
        reason,
        title: reason,
        retry: Retry::for_status(status.as_u16()),
        fields,
        fields_at: (at, len),
        code_json,
        title_json: reason_json,
        type_json: "\"about:blank\"",
        ..EntryParts::EMPTY
    })
}

/// [`Entry::__detail`] as a function (a call by path costs the type checker less than a method).
#[must_use]
#[doc(hidden)]
pub const fn detail_static(
    entry: Entry,
    template: &'static str,
    text: &'static str,
    json: &'static str,
) -> Entry {
    entry.__detail(template, text, json)
}

/// [`Entry::__formatted`] as a function.
#[must_use]
#[doc(hidden)]
pub const fn detail_formatted(entry: Entry, template: &'static str) -> Entry {
    entry.__formatted(template)
}

/// The entry a failed derive's fallback impl returns. That impl only exists next to a compile
/// error, so this is never observed at run time; it keeps the fallback free of panics.
#[doc(hidden)]
pub static FALLBACK_ENTRY: Entry = entry(
    "",
    "",
    "\"\"",
    StatusCode::INTERNAL_SERVER_ERROR,
    "Internal Server Error",
    "\"Internal Server Error\"",
    &[],
    0,
    0,
)
.with_retry(Retry::No);
