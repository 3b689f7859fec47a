//! How a derived detail template is formatted: into a `Formatter` (the error's `Display`) or
//! straight into a JSON body ([`DetailSink`]), with the derive's per-arity helpers.

use core::fmt;

/// Where a derived detail is written: a `Formatter` (its `Display`) or a JSON body (the
/// pieces the derive checked to need no escaping are copied as they are, the fields escaped).
pub trait DetailSink {
    /// Literal text of the template.
    ///
    /// # Errors
    /// Only when the underlying writer does.
    fn piece(&mut self, text: &'static str) -> fmt::Result;
    /// A field's `Display`.
    ///
    /// # Errors
    /// Only when the underlying writer or the field does.
    fn display(&mut self, value: &dyn fmt::Display) -> fmt::Result;
    /// A template with format specs, as `format_args!` built it.
    ///
    /// # Errors
    /// Only when the underlying writer or a field does.
    fn args(&mut self, args: fmt::Arguments<'_>) -> fmt::Result;
}

/// A detail written into a `Formatter`.
#[doc(hidden)]
pub struct FormatterSink<'a, 'b>(pub(crate) &'a mut fmt::Formatter<'b>);

impl DetailSink for FormatterSink<'_, '_> {
    fn piece(&mut self, text: &'static str) -> fmt::Result {
        self.0.write_str(text)
    }

    fn display(&mut self, value: &dyn fmt::Display) -> fmt::Result {
        // A field gets none of the options of the outer format (as with `format_args!`).
        if default_options(self.0) {
            value.fmt(self.0)
        } else {
            self.0.write_fmt(format_args!("{value}"))
        }
    }

    fn args(&mut self, args: fmt::Arguments<'_>) -> fmt::Result {
        self.0.write_fmt(args)
    }
}

/// Whether `f` carries no option a `{}` of its own would reset (width, precision, flags).
fn default_options(f: &fmt::Formatter<'_>) -> bool {
    f.width().is_none()
        && f.precision().is_none()
        && !f.alternate()
        && !f.sign_plus()
        && !f.sign_minus()
        && !f.sign_aware_zero_pad()
}

/// A detail of one `{field}`: what the derive writes instead of a `format_args!` per variant.
/// The pieces are JSON-plain (the derive checks), so a JSON body copies them as they are.
///
/// # Errors
/// Only when the sink or the field does.
pub fn fmt1<A: fmt::Display + ?Sized>(
    sink: &mut dyn DetailSink,
    p0: &'static str,
    a0: &A,
    p1: &'static str,
) -> fmt::Result {
    sink.piece(p0)?;
    sink.display(&a0)?;
    sink.piece(p1)
}

/// A detail of two `{field}`s.
///
/// # Errors
/// Only when the sink or a field does.
pub fn fmt2<A: fmt::Display + ?Sized, B: fmt::Display + ?Sized>(
    sink: &mut dyn DetailSink,
    p0: &'static str,
    a0: &A,
    p1: &'static str,
    a1: &B,
    p2: &'static str,
) -> fmt::Result {
    fmt1(sink, p0, a0, p1)?;
    sink.display(&a1)?;
    sink.piece(p2)
}

/// A detail of three `{field}`s.
///
/// # Errors
/// Only when the sink or a field does.
#[allow(clippy::too_many_arguments, reason = "one per piece and field, in order")]
pub fn fmt3<A: fmt::Display + ?Sized, B: fmt::Display + ?Sized, C: fmt::Display + ?Sized>(
    sink: &mut dyn DetailSink,
    p0: &'static str,
    a0: &A,
    p1: &'static str,
    a1: &B,
    p2: &'static str,
    a2: &C,
    p3: &'static str,
) -> fmt::Result {
    fmt2(sink, p0, a0, p1, a1, p2)?;
    sink.display(&a2)?;
    sink.piece(p3)
}

/// A detail of four `{field}`s.
///
/// # Errors
/// Only when the sink or a field does.
#[allow(clippy::too_many_arguments, reason = "one per piece and field, in order")]
pub fn fmt4<
    A: fmt::Display + ?Sized,
    B: fmt::Display + ?Sized,
    C: fmt::Display + ?Sized,
    D: fmt::Display + ?Sized,
>(
    sink: &mut dyn DetailSink,
    p0: &'static str,
    a0: &A,
    p1: &'static str,
    a1: &B,
    p2: &'static str,
    a2: &C,
    p3: &'static str,
    a3: &D,
    p4: &'static str,
) -> fmt::Result {
    fmt3(sink, p0, a0, p1, a1, p2, a2, p3)?;
    sink.display(&a3)?;
    sink.piece(p4)
}

/// A detail with format specs: `format_args!` into the sink.
///
/// # Errors
/// Only when the sink or a field does.
pub fn fmt_args(sink: &mut dyn DetailSink, args: fmt::Arguments<'_>) -> fmt::Result {
    sink.args(args)
}

/// Implemented by the derive for types with a formatted `detail`.
pub trait FormatDetail {
    /// Writes the detail of the current variant into `sink`.
    ///
    /// # Errors
    /// Only when the sink does.
    fn fmt_detail(&self, sink: &mut dyn DetailSink) -> fmt::Result;
}
