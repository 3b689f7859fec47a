//! Everything generated code reaches for, behind one path, so that the derive works under
//! `#![no_implicit_prelude]`, with a renamed dependency and with shadowed std names.

use core::fmt;

pub use crate::Retry;
pub use crate::error::Sealed;
/// Primitives by a path a local `struct str;` or `struct usize;` cannot shadow.
pub use core::any::type_name;
pub use core::convert::{AsRef, From};
pub use core::fmt::{Debug, Display};
pub use core::format_args;
pub use core::marker::Sync;
pub use core::matches;
pub use core::ops::FnMut;
pub use core::option::Option::{self, None, Some};
pub use core::primitive::{bool, str, u64, usize};
pub use core::result::Result::{self, Ok};
pub use core::time::Duration;
pub use core::{concat, module_path, panic};
pub use core::{fmt::Formatter, fmt::Result as FmtResult};
pub use http::StatusCode;
pub use serde::Serialize;
pub use serde::de::DeserializeOwned;
pub use serde_json::Value as JsonValue;
pub use std::boxed::Box;
pub use std::vec::Vec;

#[cfg(feature = "schemars-1")]
pub use ::schemars;
pub use std::error::Error as StdError;

#[cfg(feature = "actix-web-4")]
pub use ::actix_web;
#[cfg(feature = "aide-0_15")]
pub use ::aide;
#[cfg(feature = "axum-0_8")]
pub use ::axum;
#[cfg(feature = "tonic-0_14")]
pub use ::tonic;
#[cfg(feature = "utoipa-6")]
pub use ::utoipa;

use crate::Entry;
pub use crate::entry::absent::non_empty;
pub use crate::entry::derived::{FALLBACK_ENTRY, detail_formatted, detail_static, entry};
pub use crate::entry::parts::{EntryParts, EnvelopeRef, NO_RESOLVE};
pub use crate::tree::{Message, Part, Tree, Visit, check, count, table_len};

/// `FieldWriter::__field` by a path the derive imports under a short name (one field of a
/// variant's `write_fields`).
pub fn field<T: serde::Serialize + ?Sized>(out: &mut crate::FieldWriter<'_>, name: &'static str, value: &T) {
    out.__field(name, value);
}

/// Two fields of a variant's `write_fields`, in order (one call instead of two).
pub fn fields2<A: serde::Serialize + ?Sized, B: serde::Serialize + ?Sized>(
    out: &mut crate::FieldWriter<'_>,
    n0: &'static str,
    a0: &A,
    n1: &'static str,
    a1: &B,
) {
    out.__field(n0, a0);
    out.__field(n1, a1);
}

/// Three fields of a variant's `write_fields`, in order.
#[allow(clippy::too_many_arguments, reason = "a name and a value per field, in order")]
pub fn fields3<A: serde::Serialize + ?Sized, B: serde::Serialize + ?Sized, C: serde::Serialize + ?Sized>(
    out: &mut crate::FieldWriter<'_>,
    n0: &'static str,
    a0: &A,
    n1: &'static str,
    a1: &B,
    n2: &'static str,
    a2: &C,
) {
    fields2(out, n0, a0, n1, a1);
    out.__field(n2, a2);
}

/// Four fields of a variant's `write_fields`, in order.
#[allow(clippy::too_many_arguments, reason = "a name and a value per field, in order")]
pub fn fields4<
    A: serde::Serialize + ?Sized,
    B: serde::Serialize + ?Sized,
    C: serde::Serialize + ?Sized,
    D: serde::Serialize + ?Sized,
>(
    out: &mut crate::FieldWriter<'_>,
    n0: &'static str,
    a0: &A,
    n1: &'static str,
    a1: &B,
    n2: &'static str,
    a2: &C,
    n3: &'static str,
    a3: &D,
) {
    fields3(out, n0, a0, n1, a1, n2, a2);
    out.__field(n3, a3);
}
pub use crate::detail::format::{DetailSink, FormatDetail, FormatterSink, fmt_args, fmt1, fmt2, fmt3, fmt4};

/// The detail of an occurrence of a derived type whose entry is `entry`: formatted by `this`,
/// static text from the entry, or none. (One call instead of a per-variant `match` keeps
/// large catalogs quick to compile.)
pub fn detail<'a, T: FormatDetail>(this: &'a T, entry: &'static Entry) -> Option<crate::Detail<'a>> {
    let parts = entry.parts();
    if parts.detail_formatted {
        Some(crate::Detail::__derived(this))
    } else if parts.detail_text.is_empty() {
        None
    } else {
        Some(crate::Detail::__static(parts.detail_text, parts.detail_json))
    }
}

/// `Display` of a type with `#[api(display)]`: its detail, or its title when it has none.
///
/// # Errors
/// Only when the formatter does.
pub fn display(error: &dyn crate::ApiError, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match error.detail() {
        Some(detail) => fmt::Display::fmt(&detail, f),
        None => f.write_str(error.entry().title()),
    }
}

/// Types a `#[api(retry_after)]` field may have: whole seconds or a [`Duration`], optionally
/// wrapped in `Option`. A negative count of seconds means no delay is known.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot give a Retry-After delay",
    label = "not a number of seconds or a `Duration`",
    note = "a #[api(retry_after)] field is whole seconds (an integer type) or a `std::time::Duration`, or an `Option` of either"
)]
pub trait IntoRetryAfter {
    /// The delay this value gives.
    fn retry_after(&self) -> Option<Duration>;
}

macro_rules! retry_after_unsigned {
    ($($t:ty)*) => {$(
        impl IntoRetryAfter for $t {
            fn retry_after(&self) -> Option<Duration> {
                Some(Duration::from_secs(u64::from(*self)))
            }
        }
    )*};
}
retry_after_unsigned!(u8 u16 u32 u64);

macro_rules! retry_after_signed {
    ($($t:ty)*) => {$(
        impl IntoRetryAfter for $t {
            fn retry_after(&self) -> Option<Duration> {
                u64::try_from(*self).ok().map(Duration::from_secs)
            }
        }
    )*};
}
retry_after_signed!(i8 i16 i32 i64 isize usize);

impl IntoRetryAfter for Duration {
    fn retry_after(&self) -> Option<Duration> {
        Some(*self)
    }
}

impl<T: IntoRetryAfter> IntoRetryAfter for Option<T> {
    fn retry_after(&self) -> Option<Duration> {
        self.as_ref().and_then(IntoRetryAfter::retry_after)
    }
}

impl<T: IntoRetryAfter + ?Sized> IntoRetryAfter for &T {
    fn retry_after(&self) -> Option<Duration> {
        (**self).retry_after()
    }
}

/// The delay a `#[api(retry_after)]` field gives.
pub fn retry_after<T: IntoRetryAfter + ?Sized>(value: &T) -> Option<Duration> {
    value.retry_after()
}

/// A `#[api(retry_after, expose)]` field as a body member: its delay in whole seconds (rounded
/// up, as in the Retry-After header), or `null` when it gives none.
pub struct RetryAfterSeconds<'a, T: ?Sized>(pub &'a T);

impl<T: IntoRetryAfter + ?Sized> Serialize for RetryAfterSeconds<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.retry_after() {
            Some(delay) => serializer.serialize_u64(crate::response::retry_after_seconds(delay)),
            None => serializer.serialize_none(),
        }
    }
}

/// Types a `#[api(retry_after, expose)]` field may have, rebuilt from the whole seconds it is
/// exposed as (for `#[api(decode)]`).
pub trait FromSeconds: Sized {
    /// The value for `seconds` (`None` for a `null` or missing member).
    fn from_seconds(seconds: Option<u64>) -> Option<Self>;
}

macro_rules! from_seconds_int {
    ($($t:ty)*) => {$(
        impl FromSeconds for $t {
            fn from_seconds(seconds: Option<u64>) -> Option<Self> {
                seconds.and_then(|s| <$t>::try_from(s).ok())
            }
        }
    )*};
}
from_seconds_int!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);

impl FromSeconds for Duration {
    fn from_seconds(seconds: Option<u64>) -> Option<Self> {
        seconds.map(Duration::from_secs)
    }
}

impl<T: FromSeconds> FromSeconds for Option<T> {
    fn from_seconds(seconds: Option<u64>) -> Option<Self> {
        Some(seconds.and_then(|s| T::from_seconds(Some(s))))
    }
}

/// The member `name` of `remote`, exposed in whole seconds, as the field's type.
#[cfg(feature = "client")]
#[must_use]
pub fn seconds_member<T: FromSeconds>(remote: &crate::remote::RemoteError, name: &str) -> Option<T> {
    T::from_seconds(remote.member::<u64>(name))
}

/// A source field, seen as `dyn Error`: `(&&SourceOf(field)).__source()` picks, by method
/// resolution's order, an error type ([`ErrorSource`]), else a boxed `dyn Error` ([`BoxedSource`]),
/// else [`NotASource`], whose method requires [`IsError`]: a field that is no error is reported
/// on its type with that trait's message (rather than "no method found").
pub struct SourceOf<'a, T: ?Sized>(pub &'a T);

impl<T: ?Sized> Clone for SourceOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for SourceOf<'_, T> {}

/// The bound a generic source field gets: an error that lives for `'static`.
pub trait ErrorField: std::error::Error + 'static {}

impl<T: std::error::Error + 'static> ErrorField for T {}

/// A source field whose type is an error.
pub trait ErrorSource<'a> {
    /// The field as a trait object.
    fn __source(self) -> &'a (dyn std::error::Error + 'static);
}

impl<'a, T: std::error::Error + 'static> ErrorSource<'a> for &&SourceOf<'a, T> {
    fn __source(self) -> &'a (dyn std::error::Error + 'static) {
        self.0
    }
}

/// A source field that is a boxed `dyn Error` (which does not implement `Error` itself).
pub trait BoxedSource<'a> {
    /// The field as a trait object.
    fn __source(self) -> &'a (dyn std::error::Error + 'static);
}

impl<'a> BoxedSource<'a> for &SourceOf<'a, Box<dyn std::error::Error + 'static>> {
    fn __source(self) -> &'a (dyn std::error::Error + 'static) {
        &**self.0
    }
}

impl<'a> BoxedSource<'a> for &SourceOf<'a, Box<dyn std::error::Error + Send + 'static>> {
    fn __source(self) -> &'a (dyn std::error::Error + 'static) {
        &**self.0
    }
}

impl<'a> BoxedSource<'a> for &SourceOf<'a, Box<dyn std::error::Error + Send + Sync + 'static>> {
    fn __source(self) -> &'a (dyn std::error::Error + 'static) {
        &**self.0
    }
}

/// Any other source field: an error, reported on the field's type.
pub trait NotASource<'a> {
    /// The field's type.
    type Field: ?Sized;
    /// Never callable: `Self::Field` is no error.
    fn __source(self) -> &'a (dyn std::error::Error + 'static)
    where
        Self::Field: IsError;
}

impl<'a, T: ?Sized> NotASource<'a> for SourceOf<'a, T> {
    type Field = T;
    fn __source(self) -> &'a (dyn std::error::Error + 'static)
    where
        T: IsError,
    {
        self.0.as_error()
    }
}

/// What a source field must be: implemented for every error type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an error type, so it cannot be a source field",
    label = "not a `std::error::Error`",
    note = "a source (a field named `source`, or marked #[source], #[from] or #[api(source)]) is the underlying error, for logs: a type that implements `std::error::Error`, a `Box<dyn Error>`, or an `Option` of one; to show this value to clients, rename the field, or mark it #[api(expose)] under another name"
)]
pub trait IsError {
    /// The value as an error.
    fn as_error(&self) -> &(dyn std::error::Error + 'static);
}

impl<T: std::error::Error + 'static> IsError for T {
    fn as_error(&self) -> &(dyn std::error::Error + 'static) {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::{Duration, retry_after};

    #[test]
    fn retry_after_values() {
        assert_eq!(retry_after(&60_u32), Some(Duration::from_secs(60)));
        assert_eq!(retry_after(&-1_i64), None);
        assert_eq!(
            retry_after(&Some(Duration::from_millis(1500))),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(retry_after(&None::<u64>), None);
    }
}
