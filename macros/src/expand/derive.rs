//! The whole expansion of one derive: `impl ApiError`, `impl Catalog`, the opt-in impls, in
//! one `const _: () = { ... };` block. Each piece comes from its own file.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::{DeriveInput, Ident};

use super::bounds::Bounds;
use super::catalog::{catalog, display, member_schemas};
use super::entries::Statics;
use super::methods::{LocationMethod, ViolationsMethod, detail, retry_after, source_error, write_fields};
use super::support::{LookupMethod, constant_method, match_self, pattern};
use crate::model::{Item, Kind};

/// The framework impls a type asks for with `#[api(axum, actix_web, utoipa, aide, tonic)]`.
/// Each is the span of the flag when the type asks for that impl.
#[derive(Clone, Copy, Default)]
pub(crate) struct Integrations {
    pub axum: Option<Span>,
    pub actix_web: Option<Span>,
    pub utoipa: Option<Span>,
    pub aide: Option<Span>,
    pub tonic: Option<Span>,
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
            .map(|span| super::decode::tokens(input, items, bounds, span));
        let schemas = self
            .schemas
            .map(|span| member_schemas(input, items, bounds, span));
        let display = self.display.then(|| display(input, bounds));
        let from = super::from_impls(input, self.display);
        quote!(#decode #schemas #display #from)
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
            (self.aide, "__impl_aide"),
            (self.tonic, "__impl_tonic"),
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

pub(crate) fn expand(
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
    // A trait of the const block's own, not an inherent method: nothing outside the block can
    // name it, so a user's method of the same name cannot collide and nothing can override it.
    let index_fn = quote! {
        trait __ApiIndex {
            fn __api_index(&self) -> _apierror::__private::usize;
        }
        #[automatically_derived]
        impl #orig_impl_generics __ApiIndex for #ident #orig_ty_generics #orig_where {
            #[inline]
            fn __api_index(&self) -> _apierror::__private::usize {
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
    methods.push(ViolationsMethod(items).into_token_stream());
    methods.push(LocationMethod(items).into_token_stream());

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
