//! The `impl ApiError` methods that read an occurrence's fields: `retry_after`, `detail`,
//! `write_fields`, `source_error`, `location` and `violations`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Ident;

use super::bounds::Bounds;
use super::support::{at, binding, delegate, json_string, match_self, out_ident, pattern};
use crate::detail::Trait;
use crate::model::{FieldModel, Item, Kind};
use crate::types::{is_violations, option_inner};

pub(crate) fn retry_after(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = items
        .iter()
        .filter_map(|item| match &item.kind {
            Kind::Transparent(f) => {
                bounds.add(&item.fields[*f].ty, || quote!(_apierror::ApiError));
                Some(delegate(item, *f, "retry_after", &quote!()))
            }
            Kind::Entry(entry) => entry.retry_after_field.map(|f| {
                let pat = pattern(item, &[f]);
                let field = binding(f);
                let ty = &item.fields[f].ty;
                bounds.add(ty, || quote!(_apierror::__private::IntoRetryAfter));
                // At the field's type, so that a type that gives no delay is reported there.
                let field = Ident::new(&field.to_string(), at(ty));
                let call = quote_spanned!(at(ty)=> _apierror::__private::retry_after(#field));
                quote!(#pat => #call,)
            }),
        })
        .collect();
    if arms.is_empty() {
        return None;
    }
    let body = match_self(
        &arms,
        items.len(),
        Some(&quote!(_apierror::Entry::retry_after(
            _apierror::ApiError::entry(self)
        ))),
    );
    Some(quote! {
        fn retry_after(&self) -> _apierror::__private::Option<_apierror::__private::Duration> {
            #body
        }
    })
}

/// The `detail` method, and the body of `FormatDetail::fmt_detail` when any detail is formatted.
/// The `detail` method, which reads the entry (static text, or "formatted") and delegates for
/// transparent variants, and the body of `FormatDetail::fmt_detail`, a match over the variants
/// whose detail has placeholders.
pub(crate) fn detail(items: &[Item], bounds: &mut Bounds) -> (Option<TokenStream>, Option<TokenStream>) {
    let mut delegates = Vec::new();
    let mut format_arms = Vec::new();
    let mut any_detail = false;
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => {
                bounds.add(&item.fields[*f].ty, || quote!(_apierror::ApiError));
                delegates.push(delegate(item, *f, "detail", &quote!()));
            }
            Kind::Entry(entry) => {
                let Some(detail) = &entry.detail else { continue };
                any_detail = true;
                if detail.text.is_some() {
                    continue;
                }
                // Each field bound once, however often and wherever the template shows it.
                let mut unique: Vec<usize> = Vec::new();
                for (_, f, _) in &detail.args {
                    if !unique.contains(f) {
                        unique.push(*f);
                    }
                }
                let pat = pattern(item, &unique);
                // One named argument per field, however many placeholders use it; every
                // placeholder's trait still adds its bound.
                let mut names: Vec<&str> = Vec::new();
                let mut args: Vec<TokenStream> = Vec::new();
                for (name, f, fmt_trait) in &detail.args {
                    let ty = &item.fields[*f].ty;
                    match fmt_trait {
                        Trait::Display => bounds.add(ty, || quote!(_apierror::__private::Display)),
                        Trait::Debug => bounds.add(ty, || quote!(_apierror::__private::Debug)),
                        Trait::Other => {}
                    }
                    if names.contains(&name.as_str()) {
                        continue;
                    }
                    names.push(name);
                    let name = Ident::new(name, detail.span);
                    let value = binding(*f);
                    args.push(quote!(#name = #value));
                }
                // The helpers copy the pieces into a JSON body as they are: only JSON-plain ones.
                let plain = detail
                    .plain
                    .as_ref()
                    .filter(|(pieces, _)| pieces.iter().all(|p| json_string(p).len() == p.len() + 2));
                if let Some((pieces, fields)) = plain {
                    // A shared helper per arity: the fields' `Display` and the literal pieces,
                    // without a `format_args!` per variant (measured: about a fifth of the
                    // build of a 500-variant catalog). At the string, like format errors.
                    let helper = format_ident!(
                        "__api_fmt{}",
                        fields.len(),
                        span = Span::call_site().located_at(detail.span)
                    );
                    let mut call_args = vec![quote!(__formatter)];
                    for (i, piece) in pieces.iter().enumerate() {
                        call_args.push(quote!(#piece));
                        if let Some(f) = fields.get(i) {
                            // At the string, so that a field that is not `Display` is reported there.
                            let value = binding(*f);
                            let value =
                                Ident::new(&value.to_string(), Span::call_site().located_at(detail.span));
                            call_args.push(quote!(#value));
                        }
                    }
                    format_arms.push(quote!(#pat => #helper(#(#call_args),*),));
                    continue;
                }
                let format = syn::LitStr::new(&detail.format, detail.span);
                format_arms.push(quote! {
                    #pat => _apierror::__private::fmt_args(__formatter, _apierror::__private::format_args!(#format, #(#args),*)),
                });
            }
        }
    }
    if !any_detail && delegates.is_empty() {
        return (None, None);
    }
    let none = quote!(_apierror::__private::None);
    let otherwise = if delegates.is_empty() {
        none
    } else {
        match_self(&delegates, items.len(), Some(&none))
    };
    let method = quote! {
        fn detail(&self) -> _apierror::__private::Option<_apierror::Detail<'_>> {
            match __API_ENTRIES.get(<Self as __ApiIndex>::__api_index(self)) {
                _apierror::__private::Some(row) => _apierror::__private::detail(self, row),
                _apierror::__private::None => #otherwise,
            }
        }
    };
    let format = if format_arms.is_empty() {
        quote!(_apierror::__private::Ok(()))
    } else {
        match_self(
            &format_arms,
            items.len(),
            Some(&quote!(_apierror::__private::Ok(()))),
        )
    };
    (Some(method), Some(format))
}

pub(crate) fn write_fields(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => {
                let out = out_ident();
                arms.push(delegate(item, *f, "write_fields", &quote!(, #out)));
            }
            Kind::Entry(_) => {
                let exposed: Vec<(usize, &FieldModel, &String)> = item
                    .fields
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| f.exposed().map(|name| (i, f, name)))
                    .collect();
                if exposed.is_empty() {
                    continue;
                }
                let indexes: Vec<usize> = exposed.iter().map(|(i, _, _)| *i).collect();
                let pat = pattern(item, &indexes);
                let out = out_ident();
                let mut calls: Vec<TokenStream> = Vec::new();
                // Runs of plain fields (no `skip_none`, no retry-after, no reserved name) go
                // through one generic call per up to four fields: measured, the calls per field
                // were the largest function a 500-variant catalog compiles.
                let mut run: Vec<(&syn::Type, &String, Ident)> = Vec::new();
                let flush = |run: &mut Vec<(&syn::Type, &String, Ident)>, calls: &mut Vec<TokenStream>| {
                    for chunk in run.chunks(4) {
                        let helper = format_ident!("__api_fields{}", chunk.len());
                        let types = chunk.iter().map(|(ty, _, _)| *ty);
                        let args = chunk.iter().map(|(_, name, value)| quote!(#name, #value));
                        calls.push(quote!(#helper::<#(#types),*>(#out, #(#args),*);));
                    }
                    run.clear();
                };
                for (i, field, name) in &exposed {
                    let value = binding(*i);
                    let ty = &field.ty;
                    // A name problem details use too (allowed when the type declares another
                    // envelope) is checked against every member the envelope writes; the others
                    // take the fast path, checked only against run-time names.
                    let reserved = crate::model::RESERVED_MEMBERS.contains(&name.as_str());
                    let write = if reserved { quote!(field) } else { quote!(__field) };
                    if field.retry_after {
                        flush(&mut run, &mut calls);
                        // Exposed as whole seconds, the unit of the Retry-After header.
                        bounds.add(ty, || quote!(_apierror::__private::IntoRetryAfter));
                        calls.push(quote_spanned!(at(ty)=> _apierror::FieldWriter::#write(#out, #name, &_apierror::__private::RetryAfterSeconds::<#ty>(#value));));
                        continue;
                    }
                    bounds.add(ty, || quote!(_apierror::__private::Serialize));
                    if field.skip_none {
                        flush(&mut run, &mut calls);
                        // Left out when `None`: the value inside, when there is one.
                        calls.push(quote_spanned!(at(ty)=>
                            if let _apierror::__private::Some(__api_present) = #value {
                                _apierror::FieldWriter::#write(#out, #name, __api_present);
                            }
                        ));
                        continue;
                    }
                    if reserved {
                        flush(&mut run, &mut calls);
                        // Spanned on the field's type, so a type that is not `Serialize` is reported there.
                        calls.push(quote_spanned!(at(ty)=> _apierror::FieldWriter::#write::<#ty>(#out, #name, #value);));
                        continue;
                    }
                    run.push((ty, name, value));
                }
                flush(&mut run, &mut calls);
                arms.push(quote!(#pat => { #(#calls)* }));
            }
        }
    }
    if arms.is_empty() {
        return None;
    }
    let body = match_self(&arms, items.len(), Some(&quote!({})));
    let out = out_ident();
    Some(quote! {
        fn write_fields(&self, #out: &mut _apierror::FieldWriter<'_>) {
            #body
        }
    })
}

pub(crate) fn source_error(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => arms.push(delegate(item, *f, "source_error", &quote!())),
            Kind::Entry(entry) => {
                let Some(f) = entry.source else { continue };
                let pat = pattern(item, &[f]);
                let source = binding(f);
                let ty = &item.fields[f].ty;
                // `SourceOf` takes an error type or a boxed `dyn Error` (see its doc); spanned on
                // the field's type, so a type that is not an error is reported there. An
                // `Option` of an error is a source when present (as thiserror has it).
                if let Some(inner) = option_inner(ty) {
                    bounds.add(inner, || quote!(_apierror::__private::ErrorField));
                    let present = Ident::new("__api_source", at(inner));
                    let call =
                        quote_spanned!(at(inner)=> (&&_apierror::__private::SourceOf(#present)).__source());
                    let present = format_ident!("__api_source");
                    arms.push(quote! {
                        #pat => match #source {
                            _apierror::__private::Some(#present) => _apierror::__private::Some(#call),
                            _apierror::__private::None => _apierror::__private::None,
                        },
                    });
                } else {
                    bounds.add(ty, || quote!(_apierror::__private::ErrorField));
                    let source = Ident::new(&source.to_string(), at(ty));
                    let call =
                        quote_spanned!(at(ty)=> (&&_apierror::__private::SourceOf(#source)).__source());
                    arms.push(quote!(#pat => _apierror::__private::Some(#call),));
                }
            }
        }
    }
    if arms.is_empty() {
        return None;
    }
    let body = match_self(&arms, items.len(), Some(&quote!(_apierror::__private::None)));
    Some(quote! {
        fn source_error(&self) -> _apierror::__private::Option<&(dyn _apierror::__private::StdError + 'static)> {
            #[allow(unused_imports)]
            use _apierror::__private::{BoxedSource as _, ErrorSource as _, NotASource as _};
            #body
        }
    })
}

/// `location()`: the value of a variant's field marked `location = "..."`; nothing at all for a
/// type with no such field and no transparent variant to pass an inner type's through.
pub(crate) struct LocationMethod<'a>(pub(crate) &'a [Item]);

impl ToTokens for LocationMethod<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(location(self.0));
    }
}

fn location(items: &[Item]) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => arms.push(delegate(item, *f, "location", &quote!())),
            Kind::Entry(_) => {
                let Some((f, kind)) = item
                    .fields
                    .iter()
                    .enumerate()
                    // Only a body member has a location: it follows the field's visibility.
                    .find_map(|(i, f)| f.location.filter(|_| f.exposed().is_some()).map(|k| (i, k)))
                else {
                    continue;
                };
                let pat = pattern(item, &[f]);
                let field = binding(f);
                let kind = Ident::new(kind, Span::call_site());
                let ty = &item.fields[f].ty;
                let value = quote_spanned!(at(ty)=> _apierror::__private::AsRef::<_apierror::__private::str>::as_ref(#field));
                arms.push(quote!(#pat => _apierror::__private::Some(_apierror::Location::#kind(#value)),));
            }
        }
    }
    // Only types with such a field, or that pass an inner type's through, answer.
    if arms.is_empty() {
        return None;
    }
    let body = match_self(&arms, items.len(), Some(&quote!(_apierror::__private::None)));
    Some(quote! {
        fn location(&self) -> _apierror::__private::Option<_apierror::Location<'_>> {
            #body
        }
    })
}

/// `violations()`: the member name and value of a variant's `Violations` field; nothing for a
/// type without one.
pub(crate) struct ViolationsMethod<'a>(pub(crate) &'a [Item]);

impl ToTokens for ViolationsMethod<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(violations(self.0));
    }
}

fn violations(items: &[Item]) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => arms.push(delegate(item, *f, "violations", &quote!())),
            Kind::Entry(_) => {
                let found =
                    item.fields.iter().enumerate().find_map(|(i, f)| {
                        f.exposed().filter(|_| is_violations(&f.ty)).map(|name| (i, name))
                    });
                let Some((f, name)) = found else { continue };
                let pat = pattern(item, &[f]);
                let field = binding(f);
                arms.push(quote!(#pat => _apierror::__private::Some((#name, #field)),));
            }
        }
    }
    // Only types with such a field, or that pass an inner type's through, answer.
    if arms.is_empty() {
        return None;
    }
    let body = match_self(&arms, items.len(), Some(&quote!(_apierror::__private::None)));
    Some(quote! {
        fn violations(&self) -> _apierror::__private::Option<(&'static _apierror::__private::str, &_apierror::Violations)> {
            #body
        }
    })
}

#[cfg(test)]
mod tests {
    use quote::{ToTokens, quote};

    use super::{LocationMethod, ViolationsMethod};

    fn text(tokens: &impl ToTokens) -> String {
        tokens.to_token_stream().to_string()
    }

    #[test]
    fn location_reads_the_exposed_field_and_passes_an_inner_one_through() {
        let items = crate::test_items(&syn::parse_quote! {
            enum E {
                #[api(status = 400)]
                BadSort { #[api(location = "parameter")] sort: String, other: u8 },
                #[api(status = 404)]
                Missing,
                #[api(transparent)]
                Inner(Other),
            }
        });
        let expected = quote! {
            fn location(&self) -> _apierror::__private::Option<_apierror::Location<'_>> {
                match self {
                    Self::BadSort { sort: __api_field0, .. } => _apierror::__private::Some(_apierror::Location::Parameter(
                        _apierror::__private::AsRef::<_apierror::__private::str>::as_ref(__api_field0)
                    )),
                    Self::Inner { 0: __api_field0, .. } => _apierror::ApiError::location(__api_field0),
                    _ => _apierror::__private::None,
                }
            }
        };
        assert_eq!(text(&LocationMethod(&items)), expected.to_string());
    }

    #[test]
    fn no_location_no_violations_no_method() {
        let items = crate::test_items(&syn::parse_quote! {
            enum E {
                #[api(status = 404)]
                Missing { id: u64 },
            }
        });
        assert_eq!(text(&LocationMethod(&items)), "");
        assert_eq!(text(&ViolationsMethod(&items)), "");
    }

    #[test]
    fn violations_name_their_member() {
        let items = crate::test_items(&syn::parse_quote! {
            enum E {
                #[api(status = 422)]
                Invalid { #[api(rename = "problems")] errors: Violations },
                #[api(status = 404)]
                Missing,
            }
        });
        let expected = quote! {
            fn violations(&self) -> _apierror::__private::Option<(&'static _apierror::__private::str, &_apierror::Violations)> {
                match self {
                    Self::Invalid { errors: __api_field0, .. } => _apierror::__private::Some(("problems", __api_field0)),
                    _ => _apierror::__private::None,
                }
            }
        };
        assert_eq!(text(&ViolationsMethod(&items)), expected.to_string());
    }
}
