//! What every generator uses: `match self` over the items, patterns and bindings, spans.

use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Ident;
use syn::spanned::Spanned;

use crate::model::{EntryModel, Item, Kind, Path};

/// `code()` and `status()` as their own matches to constants: the lookups services make most.
/// A match to constants becomes a table LLVM reads directly, where reading a static array at
/// the index measured 1.2x (status) to 2x (code) a hand-written match on 500 variants.
pub(crate) fn constant_method(
    items: &[Item],
    bare: &[TokenStream],
    name: &TokenStream,
    ty: &TokenStream,
    value: impl Fn(&EntryModel) -> TokenStream,
) -> TokenStream {
    if items.is_empty() {
        return quote! {
            fn #name(&self, _: _apierror::__private::Sealed) -> #ty {
                match *self {}
            }
        };
    }
    let arms: Vec<TokenStream> = items
        .iter()
        .zip(bare)
        .map(|(item, pat)| match &item.kind {
            Kind::Transparent(f) => delegate(item, *f, &name.to_string(), &quote!(, __api_sealed)),
            Kind::Entry(entry) => {
                let value = value(entry);
                quote!(#pat => #value,)
            }
        })
        .collect();
    let body = match_self(&arms, items.len(), None);
    // The `Sealed` argument, which only the runtime can make, keeps the method uncallable
    // from outside: `ApiErrorExt::code` and `status` are the way in.
    quote! {
        #[inline]
        fn #name(&self, __api_sealed: _apierror::__private::Sealed) -> #ty {
            #body
        }
    }
}

/// A method that reads `array` at the variant's index, delegating for transparent variants
/// (whose index is past the end) and falling back to `fallback` (never reached) otherwise.
pub(crate) struct LookupMethod<'a> {
    pub(crate) items: &'a [Item],
    pub(crate) name: TokenStream,
    pub(crate) ty: TokenStream,
    pub(crate) array: TokenStream,
    pub(crate) read: TokenStream,
    pub(crate) fallback: TokenStream,
}

impl ToTokens for LookupMethod<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let LookupMethod {
            items,
            name,
            ty,
            array,
            read,
            fallback,
        } = self;
        if items.is_empty() {
            tokens.extend(quote! {
                fn #name(&self) -> #ty {
                    match *self {}
                }
            });
            return;
        }
        let delegate: Vec<TokenStream> = items
            .iter()
            .filter_map(|item| match &item.kind {
                Kind::Transparent(f) => Some(delegate(item, *f, &name.to_string(), &quote!())),
                Kind::Entry(_) => None,
            })
            .collect();
        let otherwise = if delegate.is_empty() {
            fallback.clone()
        } else {
            match_self(&delegate, items.len(), Some(fallback))
        };
        tokens.extend(quote! {
            #[inline]
            fn #name(&self) -> #ty {
                match #array.get(<Self as __ApiIndex>::__api_index(self)) {
                    _apierror::__private::Some(row) => #read,
                    _apierror::__private::None => #otherwise,
                }
            }
        });
    }
}

/// `match self { arms }`, with a final `_ => default` only when some items have no arm, and
/// `match *self {}` for an enum with no variants.
pub(crate) fn match_self(arms: &[TokenStream], items: usize, default: Option<&TokenStream>) -> TokenStream {
    if items == 0 {
        return quote!(match *self {});
    }
    let wildcard = (arms.len() < items).then(|| quote!(_ => #default,));
    quote! {
        match self {
            #(#arms)*
            #wildcard
        }
    }
}

/// The arm of a transparent variant: `Self::V { 0: __api_field0, .. } => ApiError::method(__api_field0, args..)`.
/// The call is spanned on the field's type, so that a type which does not implement `ApiError`
/// is reported there rather than on the derive.
pub(crate) fn delegate(item: &Item, field: usize, method: &str, args: &TokenStream) -> TokenStream {
    let pat = pattern(item, &[field]);
    let inner = binding(field);
    let method = Ident::new(method, Span::call_site());
    let at = at(&item.fields[field].ty);
    // The same binding, located at the type: rustc reports an unmet bound on the argument.
    let inner = Ident::new(&inner.to_string(), at);
    let call = quote_spanned!(at=> _apierror::ApiError::#method(#inner #args));
    quote!(#pat => #call,)
}

/// A span with call-site hygiene at the location of `ty`: errors about the type point at it,
/// while every name in the generated code still resolves as the derive's own (spanning with
/// `ty.span()` itself would give locals the hygiene of a `macro_rules!` that supplied `ty`).
pub(crate) fn at(ty: &syn::Type) -> Span {
    Span::call_site().located_at(ty.span())
}

/// The `FieldWriter` argument of `write_fields`. Every generated local is written with the
/// call-site span, wherever it is used, so that a binding and its uses agree even when the
/// derive runs inside a `macro_rules!` whose input supplied the field types.
pub(crate) fn out_ident() -> Ident {
    Ident::new("__out", Span::call_site())
}

/// The binding of field `index` in a pattern.
pub(crate) fn binding(index: usize) -> Ident {
    format_ident!("__api_field{}", index)
}

/// `Self::Variant { a: __api_field0, .. }`, binding only the listed fields. The braced form works
/// for unit, tuple and struct variants alike (`Self::V { 0: x, .. }`).
pub(crate) fn pattern(item: &Item, bind: &[usize]) -> TokenStream {
    let path = match item.path {
        Path::Variant => {
            let ident = &item.ident;
            quote!(Self::#ident)
        }
        Path::Struct => quote!(Self),
    };
    let fields = bind.iter().map(|i| {
        let member = &item.fields[*i].member;
        let binding = binding(*i);
        quote!(#member: #binding)
    });
    quote!(#path { #(#fields,)* .. })
}

/// `text` as a JSON string literal (quotes included), escaped as RFC 8259 requires: the runtime
/// copies these bytes into every body instead of escaping static text per response.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::json_string;

    #[test]
    fn json_strings() {
        assert_eq!(json_string("CREDIT_EXHAUSTED"), r#""CREDIT_EXHAUSTED""#);
        assert_eq!(json_string("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(
            json_string("l1\nl2\t\r\u{8}\u{c}\u{1}"),
            r#""l1\nl2\t\r\b\f\u0001""#
        );
        assert_eq!(json_string("Größe €"), "\"Größe €\"");
    }
}
