//! The static parts of an [`Entry`](crate::Entry) as the derive writes them.

use core::fmt;

use http::StatusCode;

use crate::Retry;

/// The static parts of an [`Entry`](crate::Entry), filled in by the derive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
///
/// Absent values are `""` (strings), `0` (`retry_after`, which the derive rejects as a value)
/// and [`NO_RESOLVE`]: no `Option`s, because every `Some(..)` in a 500-entry static is an
/// inference site, and type-checking them measurably slowed builds of large catalogs.
#[doc(hidden)]
pub struct EntryParts {
    pub variant: &'static str,
    pub code: &'static str,
    pub status: StatusCode,
    /// The RFC 9110 reason phrase of the status.
    pub reason: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub detail: &'static str,
    pub retry: Retry,
    pub retry_after: u64,
    pub retry_after_field: bool,
    pub resolve: &'static crate::Resolve,
    pub category: &'static str,
    pub type_uri: &'static str,
    pub challenge: &'static str,
    pub allow: &'static str,
    pub upgrade: &'static str,
    /// Every exposed field of the type; this entry's are `fields_at.0 ..` for `fields_at.1`.
    pub fields: &'static [crate::Field],
    pub fields_at: (u16, u16),
    /// The code, title and type URI as JSON string literals (quotes included), escaped at
    /// compile time.
    pub code_json: &'static str,
    pub title_json: &'static str,
    pub type_json: &'static str,
    /// The whole `resolve` object as JSON.
    pub resolve_json: &'static str,
    /// A static detail's text (`{{` unescaped) and its JSON string literal; a formatted
    /// detail is written by the type's `FormatDetail` instead.
    pub detail_text: &'static str,
    pub detail_json: &'static str,
    pub detail_formatted: bool,
    /// The envelope the declaring type names (`#[api(envelope = ...)]`), if any.
    pub envelope: EnvelopeRef,
    /// `#[api(grpc = "...")]`; `Ok` (never an error's code) for the status's.
    pub grpc: crate::GrpcCode,
}

/// The envelope an entry's type declares: compared and hashed by address, shown by its
/// content type.
#[derive(Clone, Copy)]
#[doc(hidden)]
pub struct EnvelopeRef(pub Option<&'static (dyn crate::envelope::Envelope + Sync)>);

impl fmt::Debug for EnvelopeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(envelope) => f.debug_tuple("Envelope").field(&envelope.content_type()).finish(),
            None => f.write_str("None"),
        }
    }
}

impl PartialEq for EnvelopeRef {
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (Some(a), Some(b)) => core::ptr::addr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for EnvelopeRef {}

impl core::hash::Hash for EnvelopeRef {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0
            .map(|e| core::ptr::from_ref(e).cast::<()>() as usize)
            .hash(state);
    }
}

/// The `resolve` of entries that declare none.
#[doc(hidden)]
pub static NO_RESOLVE: crate::Resolve = crate::Resolve::__new("", "", "", "", "");

impl EntryParts {
    /// Every part absent: the base of [`Entry::new`](crate::Entry::new) and of the derive's
    /// positional `entry(...)`, which set the code, status and title.
    pub(crate) const EMPTY: EntryParts = EntryParts {
        variant: "",
        code: "",
        status: StatusCode::INTERNAL_SERVER_ERROR,
        reason: "",
        title: "",
        description: "",
        detail: "",
        retry: Retry::No,
        retry_after: 0,
        retry_after_field: false,
        resolve: &NO_RESOLVE,
        category: "",
        type_uri: "",
        challenge: "",
        allow: "",
        upgrade: "",
        fields: &[],
        fields_at: (0, 0),
        code_json: "",
        title_json: "",
        type_json: "",
        resolve_json: "",
        detail_text: "",
        detail_json: "",
        detail_formatted: false,
        envelope: EnvelopeRef(None),
        grpc: crate::GrpcCode::Ok,
    };
}
