//! Code generation: the static catalog entries, `impl ApiError` (a `match` per method that
//! returns static data or reads fields) and `impl Catalog`.

use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use crate::detail::Trait;
use crate::model::{EntryModel, FieldModel, Item, Kind, Path};

/// The framework impls a type asks for with `#[api(axum, actix_web, utoipa)]`.
/// Each is the span of the flag when the type asks for that impl.
#[derive(Clone, Copy, Default)]
pub struct Integrations {
    pub axum: Option<Span>,
    pub actix_web: Option<Span>,
    pub utoipa: Option<Span>,
    pub decode: Option<Span>,
    pub schemas: Option<Span>,
    pub display: bool,
}

impl Integrations {
    /// The impls the derive writes itself when asked: `FromRemote` (`decode`) and
    /// `MemberSchemas` (`schemas`).
    fn generated(self, input: &DeriveInput, items: &[Item], bounds: &Bounds) -> TokenStream {
        let decode = self
            .decode
            .map(|span| crate::decode::tokens(input, items, bounds, span));
        let schemas = self
            .schemas
            .map(|span| member_schemas(input, items, bounds, span));
        let display = self.display.then(|| display(input, bounds));
        quote!(#decode #schemas #display)
    }

    /// One call to the runtime's macro per impl asked for: the macro expands to the impl when
    /// the runtime's feature is on, and to a `compile_error!` naming the feature otherwise. A type
    /// that asks for nothing gets nothing, whichever features some other crate turned on.
    pub fn tokens(
        self,
        generics: &syn::Generics,
        where_clause: Option<&syn::WhereClause>,
        ident: &Ident,
        envelope: Option<&syn::Expr>,
    ) -> TokenStream {
        let (impl_generics, ty_generics, _) = generics.split_for_impl();
        let args = quote!({#impl_generics} {#ident #ty_generics} {#where_clause} {#envelope});
        let mut tokens = TokenStream::new();
        for (asked, name) in [
            (self.axum, "__impl_axum"),
            (self.actix_web, "__impl_actix"),
            (self.utoipa, "__impl_utoipa"),
        ] {
            if let Some(span) = asked {
                // At the flag, so that a missing feature is reported on it.
                let name = Ident::new(name, Span::call_site().located_at(span));
                let krate = Ident::new("_apierror", Span::call_site().located_at(span));
                tokens.extend(quote_spanned!(Span::call_site().located_at(span)=> #krate::#name! { #args }));
            }
        }
        tokens
    }
}

pub fn expand(
    input: &DeriveInput,
    krate: &syn::Path,
    items: &[Item],
    envelope: Option<&syn::Expr>,
    integrations: Integrations,
) -> TokenStream {
    let ident = &input.ident;
    let mut bounds = Bounds::new(&input.generics);
    let statics = Statics::new(items, envelope);

    // One match from variant to index; `entry()` reads the static entries at that index
    // (`code()` and `status()` have their own matches, see `constant_method`). A match to
    // consecutive integers becomes arithmetic on the discriminant (a match to addresses became a
    // jump table: 5x slower on 500 variants), and one match for every method that reads the
    // entry keeps large catalogs quicker to compile.
    // Rows are the entry variants in order; transparent variants have none: they map past the
    // end and delegate.
    let mut next_row = 0..statics.entries.len();
    // Each variant's pattern without bindings, built once for the three matches that use it.
    let bare: Vec<TokenStream> = items.iter().map(|item| pattern(item, &[])).collect();
    let index_arms: Vec<TokenStream> = items
        .iter()
        .zip(&bare)
        .map(|(item, pat)| {
            let index = match item.kind {
                Kind::Entry(_) => next_row.next().unwrap_or(statics.entries.len()),
                Kind::Transparent(_) => statics.entries.len(),
            };
            quote!(#pat => #index,)
        })
        .collect();
    let index_match = match_self(&index_arms, items.len(), None);
    let (orig_impl_generics, orig_ty_generics, orig_where) = input.generics.split_for_impl();
    let index_fn = quote! {
        #[automatically_derived]
        impl #orig_impl_generics #ident #orig_ty_generics #orig_where {
            #[inline]
            fn __apierror_index(&self) -> _apierror::__private::usize {
                #index_match
            }
        }
    };
    let entry_method = LookupMethod {
        items,
        name: quote!(entry),
        ty: quote!(&'static _apierror::Entry),
        array: quote!(__API_ENTRIES),
        read: quote!(row),
        fallback: quote!(&_apierror::__private::FALLBACK_ENTRY),
    };
    let code_method = constant_method(
        items,
        &bare,
        &quote!(__apierror_c),
        &quote!(&'static _apierror::__private::str),
        |entry| {
            let code = &entry.code;
            quote!(#code)
        },
    );
    let status_method = constant_method(
        items,
        &bare,
        &quote!(__apierror_s),
        &quote!(_apierror::__private::StatusCode),
        |entry| {
            let status = Ident::new(entry.status.constant, Span::call_site());
            quote!(__ApiStatus::#status)
        },
    );
    let mut methods = vec![entry_method.to_token_stream(), code_method, status_method];
    if let Some(method) = retry_after(items, &mut bounds) {
        methods.push(method);
    }
    let (detail_method, format_detail) = detail(items, &mut bounds);
    methods.extend(detail_method);
    methods.extend(write_fields(items, &mut bounds));
    methods.extend(source_error(items, &mut bounds));
    methods.extend(violations(items));
    methods.extend(location(items));

    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause();
    let format_detail = format_detail.map(|body| {
        quote! {
            #[automatically_derived]
            impl #impl_generics _apierror::__private::FormatDetail for #ident #ty_generics #where_clause {
                fn fmt_detail(&self, __formatter: &mut dyn _apierror::__private::DetailSink) -> _apierror::__private::FmtResult {
                    #body
                }
            }
        }
    });
    let statics_tokens = statics.to_token_stream();
    let catalog = catalog(input, items, &bounds);
    let opt_in = integrations.generated(input, items, &bounds);
    let integrations = integrations.tokens(&input.generics, where_clause, ident, envelope);
    quote! {
        const _: () = {
            use #krate as _apierror;
            #statics_tokens
            #index_fn
            #[automatically_derived]
            impl #impl_generics _apierror::ApiError for #ident #ty_generics #where_clause {
                #(#methods)*
            }
            #format_detail
            #catalog
            #integrations
            #opt_in
        };
    }
}

/// `code()` and `status()` as their own matches to constants: the lookups services make most.
/// A match to constants becomes a table LLVM reads directly, where reading a static array at
/// the index measured 1.2x (status) to 2x (code) a hand-written match on 500 variants.
fn constant_method(
    items: &[Item],
    bare: &[TokenStream],
    name: &TokenStream,
    ty: &TokenStream,
    value: impl Fn(&EntryModel) -> TokenStream,
) -> TokenStream {
    if items.is_empty() {
        return quote! {
            fn #name(&self) -> #ty {
                match *self {}
            }
        };
    }
    let arms: Vec<TokenStream> = items
        .iter()
        .zip(bare)
        .map(|(item, pat)| match &item.kind {
            Kind::Transparent(f) => delegate(item, *f, &name.to_string(), &quote!()),
            Kind::Entry(entry) => {
                let value = value(entry);
                quote!(#pat => #value,)
            }
        })
        .collect();
    let body = match_self(&arms, items.len(), None);
    quote! {
        #[inline]
        fn #name(&self) -> #ty {
            #body
        }
    }
}

/// A method that reads `array` at the variant's index, delegating for transparent variants
/// (whose index is past the end) and falling back to `fallback` (never reached) otherwise.
struct LookupMethod<'a> {
    items: &'a [Item],
    name: TokenStream,
    ty: TokenStream,
    array: TokenStream,
    read: TokenStream,
    fallback: TokenStream,
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
                match #array.get(Self::__apierror_index(self)) {
                    _apierror::__private::Some(row) => #read,
                    _apierror::__private::None => #otherwise,
                }
            }
        });
    }
}

/// `match self { arms }`, with a final `_ => default` only when some items have no arm, and
/// `match *self {}` for an enum with no variants.
fn match_self(arms: &[TokenStream], items: usize, default: Option<&TokenStream>) -> TokenStream {
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
fn delegate(item: &Item, field: usize, method: &str, args: &TokenStream) -> TokenStream {
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
fn out_ident() -> Ident {
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

fn retry_after(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
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
fn detail(items: &[Item], bounds: &mut Bounds) -> (Option<TokenStream>, Option<TokenStream>) {
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
            match __API_ENTRIES.get(Self::__apierror_index(self)) {
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

fn write_fields(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
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

fn source_error(items: &[Item], bounds: &mut Bounds) -> Option<TokenStream> {
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

/// `impl Catalog`, and the duplicate-code checks of a composed type.
fn catalog(input: &DeriveInput, items: &[Item], bounds: &Bounds) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    // A generic wrapped type has a catalog per instantiation: the impl needs it to be one.
    let mut bounds = bounds.clone();
    for item in items {
        if let Kind::Transparent(f) = item.kind {
            bounds.add(&item.fields[f].ty, || quote!(_apierror::Catalog));
        }
    }
    let where_clause = bounds.where_clause();
    let (tree, checks) = tree(input, items);
    quote! {
        #[automatically_derived]
        impl #impl_generics _apierror::Catalog for #ident #ty_generics #where_clause {
            fn entries() -> &'static [_apierror::Entry] {
                &__API_ENTRIES
            }
            #tree
        }
        #checks
    }
}

/// `Catalog::__TREE`, the type's tree as const data (which `Catalog::visit` walks), and for a
/// non-generic type with transparent variants the duplicate-code check of its whole tree: one
/// `const` evaluation looks every entry up by code, and the `const` of the variant that brings a
/// duplicate in fails the build with the message, spanned at that variant.
fn tree(input: &DeriveInput, items: &[Item]) -> (TokenStream, TokenStream) {
    let name = input.ident.unraw().to_string();
    let mut own = 0_usize;
    let mut wrapped: Vec<(&Ident, &syn::Type)> = Vec::new();
    let mut parts = Vec::new();
    for item in items {
        match item.kind {
            Kind::Entry(_) => own += 1,
            Kind::Transparent(f) => {
                let ty = &item.fields[f].ty;
                wrapped.push((&item.ident, ty));
                // At the type, so that one without a catalog is reported there.
                parts.push(quote_spanned! {at(ty)=>
                    _apierror::__private::Part {
                        at: #own,
                        tree: <#ty as _apierror::Catalog>::__TREE,
                        visit: <#ty as _apierror::Catalog>::visit,
                    }
                });
            }
        }
    }
    let tree = quote! {
        const __TREE: &'static _apierror::__private::Tree = &_apierror::__private::Tree {
            name: _apierror::__private::concat!(_apierror::__private::module_path!(), "::", #name),
            entries: &__API_ENTRIES,
            inner: &[#(#parts),*],
        };
    };
    if !input.generics.params.is_empty() || wrapped.is_empty() {
        return (tree, TokenStream::new());
    }
    let ident = &input.ident;
    // At the variant that brings the duplicate in (one token: a type path would be underlined
    // at its first segment only).
    let checks = wrapped.iter().enumerate().map(|(part, (variant, _))| {
        let span = Span::call_site().located_at(variant.span());
        quote_spanned! {span=>
            const _: () = if let _apierror::__private::Some((#part, __api_message)) = __API_DUPLICATE {
                _apierror::__private::panic!("{}", __api_message.as_str())
            };
        }
    });
    let checks = quote! {
        const __API_TREE_LEN: _apierror::__private::usize =
            _apierror::__private::count(<#ident as _apierror::Catalog>::__TREE);
        const __API_TABLE_LEN: _apierror::__private::usize = _apierror::__private::table_len(__API_TREE_LEN);
        const __API_DUPLICATE: _apierror::__private::Option<(_apierror::__private::usize, _apierror::__private::Message)> =
            _apierror::__private::check::<__API_TREE_LEN, __API_TABLE_LEN>(<#ident as _apierror::Catalog>::__TREE);
        #(#checks)*
    };
    (tree, checks)
}

/// `#[api(display)]`: `Display` writes the detail, or the title when there is none, so a type
/// that also derives `thiserror::Error` (without `#[error]`) states each message once.
fn display(input: &DeriveInput, bounds: &Bounds) -> TokenStream {
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause();
    let ident = &input.ident;
    quote! {
        #[automatically_derived]
        impl #impl_generics _apierror::__private::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut _apierror::__private::Formatter<'_>) -> _apierror::__private::FmtResult {
                _apierror::__private::display(self, __formatter)
            }
        }
    }
}

/// `#[api(schemas)]`: `MemberSchemas`, each exposed field's schema per code, through the
/// runtime's `__impl_schemas!` (an error naming the feature without `schemars-1`).
fn member_schemas(input: &DeriveInput, items: &[Item], bounds: &Bounds, span: Span) -> TokenStream {
    let mut bounds = bounds.clone();
    let mut pushes = Vec::new();
    for item in items {
        match &item.kind {
            Kind::Transparent(f) => {
                let ty = &item.fields[*f].ty;
                bounds.add(ty, || quote!(_apierror::docs::MemberSchemas));
                pushes.push(quote_spanned! {at(ty)=>
                    <#ty as _apierror::docs::MemberSchemas>::member_schemas(__api_generator, __api_out);
                });
            }
            Kind::Entry(entry) => {
                let code = &entry.code;
                for field in &item.fields {
                    let Some(name) = field.exposed() else { continue };
                    let ty = &field.ty;
                    // On the wire, a retry-after field is whole seconds.
                    let schema_ty = if field.retry_after {
                        quote!(_apierror::__private::Option<_apierror::__private::u64>)
                    } else {
                        bounds.add(ty, || quote!(_apierror::__private::schemars::JsonSchema));
                        quote!(#ty)
                    };
                    pushes.push(quote_spanned! {at(ty)=>
                        __api_out.push((#code, #name, _apierror::docs::schema_of::<#schema_ty>(__api_generator)));
                    });
                }
            }
        }
    }
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause();
    let ident = &input.ident;
    let at = Span::call_site().located_at(span);
    quote_spanned! {at=>
        _apierror::__impl_schemas! {
            {#impl_generics} {#ident #ty_generics} {#where_clause}
            {
                fn member_schemas(
                    __api_generator: &mut _apierror::__private::schemars::SchemaGenerator,
                    __api_out: &mut _apierror::__private::Vec<(&'static _apierror::__private::str, &'static _apierror::__private::str, _apierror::__private::JsonValue)>,
                ) {
                    #(#pushes)*
                }
            }
        }
    }
}

/// Whether `ty` is written `Violations` (any path ending in it): the field holds the variant's
/// validation errors.
pub(crate) fn is_violations(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|s| s.ident == "Violations" && s.arguments.is_empty()))
}

/// `location()`: the value of a variant's field marked `location = "..."`.
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

/// `violations()`: the member name and value of a variant's `Violations` field.
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

/// `T` when `ty` is written `Option<T>` (or `std::option::Option<T>`, `core::option::Option<T>`).
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The `static` catalog data: one `Entry` per non-transparent item, plus the `Resolve` and
/// `Field` arrays they point to.
struct Statics<'a> {
    entries: Vec<(&'a Item, &'a EntryModel)>,
    /// The container's `envelope = ...`, which every entry carries.
    envelope: Option<&'a syn::Expr>,
}

impl<'a> Statics<'a> {
    fn new(items: &'a [Item], envelope: Option<&'a syn::Expr>) -> Self {
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
            if entry.retry != crate::http::default_retry(entry.status.code) {
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
fn field_entry(f: &FieldModel) -> Option<TokenStream> {
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
fn envelope_const(expr: &syn::Expr) -> TokenStream {
    let at = Span::call_site().located_at(expr.span());
    quote_spanned! {at=>
        const __API_ENVELOPE: &'static (dyn _apierror::envelope::Envelope + _apierror::__private::Sync) = &(#expr);
    }
}

/// `text` as a JSON string literal (quotes included), escaped as RFC 8259 requires: the runtime
/// copies these bytes into every body instead of escaping static text per response.
fn json_string(text: &str) -> String {
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

/// The `resolve` object as JSON, parts in the runtime's order (`Resolve::parts`), absent parts
/// omitted.
fn resolve_json(resolve: &crate::attr::ResolveKeys) -> String {
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

/// A type as the user wrote it, for the catalog (`Vec<String>`, `&'static str`): a token stream
/// prints `Vec < String >`, so keep a space only between two words, then space `,` `;` `+`.
fn type_text(ty: &syn::Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let chars: Vec<char> = raw.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let mut out = String::with_capacity(raw.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            let before = out.chars().last();
            if word(before.as_ref()) && word(chars.get(i + 1)) {
                out.push(' ');
            }
            continue;
        }
        match c {
            ',' | ';' => {
                out.push(*c);
                out.push(' ');
            }
            '+' => out.push_str(" + "),
            _ => out.push(*c),
        }
    }
    out
}

/// Where-clause predicates inferred from how generic fields are used.
#[derive(Clone)]
pub(crate) struct Bounds {
    params: Vec<Ident>,
    /// The bounds the user wrote (`T: Display` inline or in the where clause), as the bounded
    /// type's text and the trait's last path segment: a bound the user already has is not added
    /// again (clippy's `trait_duplication_in_bounds` would fire in the user's crate).
    written: Vec<(String, String)>,
    where_clause: syn::WhereClause,
}

impl Bounds {
    fn new(generics: &syn::Generics) -> Self {
        let params = generics.type_params().map(|p| p.ident.clone()).collect();
        let mut written = Vec::new();
        let mut note =
            |ty: String, bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>| {
                for bound in bounds {
                    if let syn::TypeParamBound::Trait(bound) = bound
                        && let Some(last) = bound.path.segments.last()
                    {
                        written.push((ty.clone(), last.ident.to_string()));
                    }
                }
            };
        for param in generics.type_params() {
            note(param.ident.to_string(), &param.bounds);
        }
        if let Some(clause) = &generics.where_clause {
            for predicate in &clause.predicates {
                if let syn::WherePredicate::Type(predicate) = predicate {
                    note(
                        predicate.bounded_ty.to_token_stream().to_string(),
                        &predicate.bounds,
                    );
                }
            }
        }
        let where_clause = generics.where_clause.clone().unwrap_or_else(|| syn::WhereClause {
            where_token: syn::token::Where::default(),
            predicates: syn::punctuated::Punctuated::new(),
        });
        Bounds {
            params,
            written,
            where_clause,
        }
    }

    /// Adds `ty: bound` when `ty` mentions a type parameter (for concrete types the compiler
    /// checks the bound at the use site, with a clearer message) and the user has not written it.
    /// The bound is built only when it is needed (most catalogs have no type parameter).
    pub(crate) fn add(&mut self, ty: &syn::Type, bound: impl FnOnce() -> TokenStream) {
        if self.params.is_empty() || !self.mentions_param(ty.to_token_stream()) {
            return;
        }
        let bound = bound();
        let ty_text = ty.to_token_stream().to_string();
        let trait_name = bound
            .clone()
            .into_iter()
            .last()
            .map(|t| t.to_string())
            .unwrap_or_default();
        if self
            .written
            .iter()
            .any(|(t, b)| *t == ty_text && *b == trait_name)
        {
            return;
        }
        // Joined to the user's own predicate on the same type, if there is one: one predicate
        // per bounded type, as clippy's `type_repetition_in_bounds` asks.
        let existing = self.where_clause.predicates.iter_mut().find_map(|p| match p {
            syn::WherePredicate::Type(p) if p.bounded_ty.to_token_stream().to_string() == ty_text => Some(p),
            _ => None,
        });
        match existing {
            Some(predicate) => predicate.bounds.push(syn::parse_quote!(#bound)),
            None => self.where_clause.predicates.push(syn::parse_quote!(#ty: #bound)),
        }
        self.written.push((ty_text, trait_name));
    }

    fn mentions_param(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(ident) => self.params.contains(&ident),
            proc_macro2::TokenTree::Group(group) => self.mentions_param(group.stream()),
            _ => false,
        })
    }

    pub(crate) fn where_clause(&self) -> Option<&syn::WhereClause> {
        (!self.where_clause.predicates.is_empty()).then_some(&self.where_clause)
    }
}

#[cfg(test)]
mod tests {
    use super::{json_string, type_text};

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

    #[test]
    fn types_as_written() {
        let cases = [
            ("String", "String"),
            ("Vec<String>", "Vec<String>"),
            ("Option<u32>", "Option<u32>"),
            (
                "std::collections::HashMap<String, u64>",
                "std::collections::HashMap<String, u64>",
            ),
            ("&'static str", "&'static str"),
            ("[u8; 4]", "[u8; 4]"),
            ("(u32, String)", "(u32, String)"),
        ];
        for (written, expected) in cases {
            let ty: syn::Type = syn::parse_str(written).unwrap();
            assert_eq!(type_text(&ty), expected, "{written}");
        }
    }
}
