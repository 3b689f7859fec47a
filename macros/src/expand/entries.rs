//! The static catalog: one positional `entry(...)` call per variant, the fields and resolves
//! of the type in one array each, and the JSON literals escaped at compile time.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

use super::support::json_string;
use crate::model::{EntryModel, FieldModel, Item};
use crate::retry::default_retry;
use crate::types::{option_inner, type_text};

/// The `static` catalog data: one `Entry` per non-transparent item, plus the `Resolve` and
/// `Field` arrays they point to.
pub(crate) struct Statics<'a> {
    pub(crate) entries: Vec<(&'a Item, &'a EntryModel)>,
    /// The container's `envelope = ...`, which every entry carries.
    envelope: Option<&'a syn::Expr>,
}

impl<'a> Statics<'a> {
    pub(crate) fn new(items: &'a [Item], envelope: Option<&'a syn::Expr>) -> Self {
        let entries = items
            .iter()
            .filter_map(|item| item.entry().map(|e| (item, e)))
            .collect();
        Statics { entries, envelope }
    }
}

impl ToTokens for Statics<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        // Every field and every resolve of the type in one array each; entries point into them.
        // (A `const` block or a `static` per entry is a body of its own for the compiler to
        // check: measured as the largest part of checking a 500-variant catalog.) Each entry is
        // one positional call plus a builder per part it declares beyond the defaults: the
        // struct literal it replaces was two thirds of the expansion of a large catalog.
        let mut all_fields: Vec<TokenStream> = Vec::new();
        let mut all_resolves: Vec<TokenStream> = Vec::new();
        let entries = self.entries.iter().map(|(item, entry)| {
            let start = u16::try_from(all_fields.len()).unwrap_or(u16::MAX);
            all_fields.extend(item.fields.iter().filter_map(field_entry));
            let len = u16::try_from(all_fields.len()).unwrap_or(u16::MAX) - start;
            let variant = item.ident.unraw().to_string();
            let code = &entry.code;
            let code_json = json_string(code);
            let status = Ident::new(entry.status.constant, Span::call_site());
            let reason = entry.status.phrase;
            let reason_json = json_string(reason);
            let mut call = quote! {
                __api_entry(#variant, #code, #code_json, __ApiStatus::#status, #reason, #reason_json, &__API_FIELDS, #start, #len)
            };
            if entry.title != entry.status.phrase {
                let title = &entry.title;
                let json = json_string(title);
                call.extend(quote!(.__title(#title, #json)));
            }
            if let Some(description) = &entry.description {
                call.extend(quote!(.with_description(#description)));
            }
            if let Some(detail) = &entry.detail {
                let template = &detail.template;
                call = if let Some(text) = &detail.text {
                    let json = json_string(text);
                    quote!(__api_detail(#call, #template, #text, #json))
                } else {
                    quote!(__api_formatted(#call, #template))
                };
            }
            // Left out when it is the status's default: the runtime's `Retry::for_status` is
            // generated from the same table (`__default_retry!`), so the two cannot drift.
            if entry.retry != default_retry(entry.status.code) {
                let retry = Ident::new(entry.retry.variant(), Span::call_site());
                call.extend(quote!(.with_retry(_apierror::Retry::#retry)));
            }
            if let Some(seconds) = entry.retry_after {
                call.extend(quote!(.with_retry_after_secs(#seconds)));
            }
            if entry.retry_after_field.is_some() {
                call.extend(quote!(.with_retry_after_from_field()));
            }
            if let Some(r) = &entry.resolve {
                let part = |lit: &Option<syn::LitStr>| lit.as_ref().map(syn::LitStr::value).unwrap_or_default();
                let (message, url, action, method, endpoint) =
                    (part(&r.message), part(&r.url), part(&r.action), part(&r.method), part(&r.endpoint));
                let index = all_resolves.len();
                all_resolves.push(quote!(_apierror::Resolve::__new(#message, #url, #action, #method, #endpoint)));
                let json = resolve_json(r);
                call.extend(quote!(.__resolve(&__API_RESOLVES[#index], #json)));
            }
            for (builder, value) in [
                ("with_category", &entry.category),
                ("with_challenge", &entry.challenge),
                ("with_allow", &entry.allow),
                ("with_upgrade", &entry.upgrade),
            ] {
                if let Some(value) = value {
                    let builder = Ident::new(builder, Span::call_site());
                    call.extend(quote!(.#builder(#value)));
                }
            }
            if let Some(grpc) = entry.grpc {
                let variant = Ident::new(grpc.variant, Span::call_site());
                call.extend(quote!(.with_grpc_code(_apierror::GrpcCode::#variant)));
            }
            if let Some(uri) = &entry.type_uri {
                let json = json_string(uri);
                call.extend(quote!(.__type(#uri, #json)));
            }
            if self.envelope.is_some() {
                call.extend(quote!(.with_envelope(__API_ENVELOPE)));
            }
            call
        });
        let entries: Vec<TokenStream> = entries.collect();
        let count = entries.len();
        let field_count = all_fields.len();
        let resolve_count = all_resolves.len();
        if let Some(expr) = self.envelope {
            tokens.extend(envelope_const(expr));
        }
        tokens.extend(quote! {
            use _apierror::__private::{entry as __api_entry, detail_static as __api_detail, detail_formatted as __api_formatted, StatusCode as __ApiStatus};
            #[allow(unused_imports)]
            use _apierror::__private::{fmt1 as __api_fmt1, fmt2 as __api_fmt2, fmt3 as __api_fmt3, fmt4 as __api_fmt4};
            #[allow(unused_imports)]
            use _apierror::__private::{field as __api_fields1, fields2 as __api_fields2, fields3 as __api_fields3, fields4 as __api_fields4};
            static __API_ENTRIES: [_apierror::Entry; #count] = [#(#entries),*];
            static __API_FIELDS: [_apierror::Field; #field_count] = [#(#all_fields),*];
            static __API_RESOLVES: [_apierror::Resolve; #resolve_count] = [#(#all_resolves),*];
        });
    }
}

/// The catalog's `Field` of an exposed field.
pub(crate) fn field_entry(f: &FieldModel) -> Option<TokenStream> {
    let name = f.exposed()?;
    // A retry-after field is on the wire as whole seconds.
    let ty = match (f.retry_after, option_inner(&f.ty)) {
        (true, Some(_)) => "Option<u64>".to_owned(),
        (true, None) => "u64".to_owned(),
        (false, _) => type_text(&f.ty),
    };
    let mut field = quote!(_apierror::Field::new(#name, #ty));
    if let Some(description) = &f.description {
        field.extend(quote!(.with_description(#description)));
    }
    if f.skip_none {
        field.extend(quote!(.with_skip_none()));
    }
    Some(field)
}

/// The container's `envelope = ...` as a constant, so that every entry points at one value;
/// spanned at the expression, so that a value that is not an envelope (or not a constant) is
/// reported there.
pub(crate) fn envelope_const(expr: &syn::Expr) -> TokenStream {
    let at = Span::call_site().located_at(expr.span());
    quote_spanned! {at=>
        const __API_ENVELOPE: &'static (dyn _apierror::envelope::Envelope + _apierror::__private::Sync) = &(#expr);
    }
}

/// The `resolve` object as JSON, parts in the runtime's order (`Resolve::parts`), absent parts
/// omitted.
pub(crate) fn resolve_json(resolve: &crate::attr::ResolveKeys) -> String {
    let parts = [
        ("message", &resolve.message),
        ("url", &resolve.url),
        ("action", &resolve.action),
        ("method", &resolve.method),
        ("endpoint", &resolve.endpoint),
    ];
    let members: Vec<String> = parts
        .iter()
        .filter_map(|(name, lit)| {
            lit.as_ref()
                .map(|lit| format!("\"{name}\":{}", json_string(&lit.value())))
        })
        .collect();
    format!("{{{}}}", members.join(","))
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::Statics;

    /// One positional call per entry; a builder only for what an entry declares beyond the
    /// defaults (a retry other than its status's, a title other than the reason phrase).
    #[test]
    fn one_call_per_entry_with_its_retry() {
        let items = crate::test_items(&syn::parse_quote! {
            enum E {
                #[api(status = 404)]
                Missing,
                #[api(status = 429, retry = false, title = "Slow down")]
                Slow,
            }
        });
        let text = Statics::new(&items, None).to_token_stream().to_string();
        let missing = r#"__api_entry ("Missing" , "MISSING" , "\"MISSING\"" , __ApiStatus :: NOT_FOUND , "Not Found" , "\"Not Found\"" , & __API_FIELDS , 0u16 , 0u16)"#;
        let slow = r#"__api_entry ("Slow" , "SLOW" , "\"SLOW\"" , __ApiStatus :: TOO_MANY_REQUESTS , "Too Many Requests" , "\"Too Many Requests\"" , & __API_FIELDS , 0u16 , 0u16) . __title ("Slow down" , "\"Slow down\"") . with_retry (_apierror :: Retry :: No)"#;
        assert!(text.contains(&format!("[{missing} , {slow}]")), "{text}");
    }
}
