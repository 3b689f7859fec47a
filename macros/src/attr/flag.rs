//! [`Flag`] (a key that is present or not, spanned) and [`Lenient`] (a value whose error is
//! kept and reported with all the others).

use darling::error::Accumulator;
use darling::{Error, FromMeta, Result};
use proc_macro2::Span;
use syn::spanned::Spanned;

/// A key written alone (`transparent`, `skip`): present or not, with its span. (darling's own
/// `Flag` panics on an empty list, `skip()`; this one reports it.)
#[derive(Clone, Copy, Default)]
pub struct Flag(Option<Span>);

impl Flag {
    pub fn is_present(self) -> bool {
        self.0.is_some()
    }

    /// The span of the key, or the call site when it is absent.
    pub fn span(self) -> Span {
        self.0.unwrap_or_else(Span::call_site)
    }
}

impl FromMeta for Flag {
    fn from_none() -> Option<Self> {
        Some(Flag(None))
    }

    fn from_meta(item: &syn::Meta) -> Result<Self> {
        match item {
            syn::Meta::Path(path) => Ok(Flag(Some(path.span()))),
            other => {
                let key = other
                    .path()
                    .get_ident()
                    .map_or_else(|| "this key".to_owned(), ToString::to_string);
                let error = Error::custom(format!("`{key}` is a flag: write `{key}` alone, with no value"));
                // At what should not be there: the value, or the list.
                Err(match other {
                    syn::Meta::NameValue(nv) => error.with_span(&nv.value),
                    syn::Meta::List(list) => error.with_span(&list.delimiter.span().join()),
                    syn::Meta::Path(_) => error,
                })
            }
        }
    }
}

/// A key's value, parsed but with its error kept rather than returned: a rejected value is
/// reported and the key treated as absent, so one bad key never hides the checks of the others
/// (darling fails the whole attribute on the first bad value).
pub struct Lenient<T> {
    value: Result<T>,
    /// The key's name, for checks about where a key may stand.
    pub span: Span,
}

impl<T: FromMeta> FromMeta for Lenient<T> {
    fn from_meta(item: &syn::Meta) -> Result<Self> {
        let key = item.path().get_ident().map(ToString::to_string);
        let value = T::from_meta(item).map_err(|error| {
            let error = error.with_span(item);
            match key {
                Some(key) => error.at(key),
                None => error,
            }
        });
        Ok(Lenient {
            value,
            span: item.path().span(),
        })
    }
}

impl<T> Lenient<T> {
    /// The value, or `None` after pushing its error.
    pub fn accept(self, errors: &mut Accumulator) -> Option<T> {
        errors.handle(self.value)
    }
}

/// Unwraps an optional lenient value, recording the key's name when it was rejected.
pub(crate) fn take<T>(
    name: &'static str,
    value: Option<Lenient<T>>,
    errors: &mut Accumulator,
    rejected: &mut Vec<&'static str>,
) -> Option<T> {
    let value = value?.accept(errors);
    if value.is_none() {
        rejected.push(name);
    }
    value
}
