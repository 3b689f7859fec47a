//! `impl Catalog` (the entries and the composed tree), `Display` and the member schemas.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident};

use super::bounds::Bounds;
use super::support::at;
use crate::model::{Item, Kind};

/// `impl Catalog`, and the duplicate-code checks of a composed type.
pub(crate) fn catalog(input: &DeriveInput, items: &[Item], bounds: &Bounds) -> TokenStream {
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
pub(crate) fn tree(input: &DeriveInput, items: &[Item]) -> (TokenStream, TokenStream) {
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
pub(crate) fn display(input: &DeriveInput, bounds: &Bounds) -> TokenStream {
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
pub(crate) fn member_schemas(
    input: &DeriveInput,
    items: &[Item],
    bounds: &Bounds,
    span: Span,
) -> TokenStream {
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
