//! `From<Inner>` for each variant whose only field is marked `#[from]`, as thiserror writes it,
//! unless thiserror derives on the same type (then it writes the impl, and a second one would
//! conflict). Read from the input, not the model, so a failed derive emits it too and the
//! user's `?` conversions raise no knock-on errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput, Fields, Member};

/// Whether thiserror derives `Error` on this type too: it needs `#[error(...)]` on the type or
/// its variants, or (with no `#[error]` anywhere) a `Display` written elsewhere, which
/// `#[api(display)]` is.
fn thiserror_derives(input: &DeriveInput, display: bool) -> bool {
    let has_error = |attrs: &[syn::Attribute]| attrs.iter().any(|a| a.path().is_ident("error"));
    display
        || has_error(&input.attrs)
        || matches!(&input.data, Data::Enum(data) if data.variants.iter().any(|v| has_error(&v.attrs)))
}

/// The `#[from]` field of `fields`, when it is the only one (the model reports the others).
fn from_field(fields: &Fields) -> Option<(Member, &syn::Type)> {
    let mut iter = fields.iter();
    let (Some(field), None) = (iter.next(), iter.next()) else {
        return None;
    };
    if !field.attrs.iter().any(|a| a.path().is_ident("from")) {
        return None;
    }
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: 0,
            span: field.ty.span(),
        }),
    };
    Some((member, &field.ty))
}

/// The `From` impls of `input` (`display` is `#[api(display)]`).
pub(crate) fn from_impls(input: &DeriveInput, display: bool) -> TokenStream {
    if thiserror_derives(input, display) {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let constructors: Vec<_> = match &input.data {
        Data::Enum(data) => data
            .variants
            .iter()
            .filter_map(|v| {
                let variant = &v.ident;
                from_field(&v.fields).map(|(m, ty)| (quote!(Self::#variant), m, ty))
            })
            .collect(),
        Data::Struct(data) => from_field(&data.fields)
            .map(|(m, ty)| (quote!(Self), m, ty))
            .into_iter()
            .collect(),
        Data::Union(_) => Vec::new(),
    };
    constructors
        .into_iter()
        .map(|(path, member, ty)| {
            quote! {
                #[automatically_derived]
                impl #impl_generics _apierror::__private::From<#ty> for #ident #ty_generics #where_clause {
                    #[inline]
                    fn from(source: #ty) -> Self {
                        #path { #member: source }
                    }
                }
            }
        })
        .collect()
}
