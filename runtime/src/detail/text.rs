//! [`Detail`]: the human-readable detail of one occurrence.

use core::fmt;

use super::format::{FormatDetail, FormatterSink};

/// The human-readable detail of one error occurrence.
///
/// Either static text (a `detail` without placeholders, known at compile time) or text formatted
/// from the variant's fields when it is displayed. Formatting happens only when the detail is
/// written, straight into the output, with no intermediate `String`.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// pub enum QuotaError {
///     #[api(status = 402, detail = "{usage_type} limit reached for your plan.")]
///     UsageLimitExceeded { usage_type: String },
///     #[api(status = 500, detail = "Internal error.")]
///     Internal,
/// }
///
/// let err = QuotaError::UsageLimitExceeded { usage_type: "Scoring".into() };
/// assert_eq!(err.detail().unwrap().to_string(), "Scoring limit reached for your plan.");
/// assert_eq!(QuotaError::Internal.detail().unwrap().as_static(), Some("Internal error."));
/// ```
#[derive(Clone, Copy)]
pub struct Detail<'a>(Repr<'a>);

#[derive(Clone, Copy)]
enum Repr<'a> {
    Static(&'static str, Option<&'static str>),
    Display(&'a dyn fmt::Display),
    Derived(&'a dyn FormatDetail),
}

impl<'a> Detail<'a> {
    /// A detail that is the same for every occurrence.
    #[must_use]
    pub const fn from_static(text: &'static str) -> Self {
        Detail(Repr::Static(text, None))
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __static(text: &'static str, json: &'static str) -> Self {
        Detail(Repr::Static(text, Some(json)))
    }

    /// The text as a JSON string literal, when the derive escaped it at compile time.
    pub(crate) const fn static_json(&self) -> Option<&'static str> {
        match self.0 {
            Repr::Static(_, json) => json,
            Repr::Display(_) | Repr::Derived(_) => None,
        }
    }

    /// A detail written by any [`Display`](fmt::Display) value (for hand-written impls).
    #[must_use]
    pub fn from_display(value: &'a dyn fmt::Display) -> Self {
        Detail(Repr::Display(value))
    }

    #[doc(hidden)]
    #[must_use]
    pub fn __derived(value: &'a dyn FormatDetail) -> Self {
        Detail(Repr::Derived(value))
    }

    /// The derived formatter, so that a JSON body is written by it directly.
    pub(crate) fn derived(&self) -> Option<&'a dyn FormatDetail> {
        match self.0 {
            Repr::Derived(value) => Some(value),
            Repr::Static(..) | Repr::Display(_) => None,
        }
    }

    /// The text when it is static, so that a renderer can use a precomputed form of it.
    #[must_use]
    pub const fn as_static(&self) -> Option<&'static str> {
        match self.0 {
            Repr::Static(text, _) => Some(text),
            Repr::Display(_) | Repr::Derived(_) => None,
        }
    }
}

impl fmt::Display for Detail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Static(text, _) => f.write_str(text),
            Repr::Display(value) => value.fmt(f),
            Repr::Derived(value) => value.fmt_detail(&mut FormatterSink(f)),
        }
    }
}

impl fmt::Debug for Detail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Detail").field(&format_args!("{self}")).finish()
    }
}
