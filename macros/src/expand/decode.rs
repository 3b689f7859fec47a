//! `#[api(decode)]`: `impl FromRemote`, which rebuilds a variant from what a response says.
//! Emitted through the runtime's `__impl_decode!`, so that without the `client` feature the
//! user gets an error naming it.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::DeriveInput;

use super::bounds::Bounds;
use super::support::{at, binding};
use crate::model::{Item, Kind, Path, Visibility};
use crate::types::is_violations;

pub fn tokens(input: &DeriveInput, items: &[Item], bounds: &Bounds, span: Span) -> TokenStream {
    let mut bounds = bounds.clone();
    let mut arms = Vec::new();
    let mut codes = Vec::new();
    let mut inner_decodable = Vec::new();
    let remote = quote!(__api_remote);
    for item in items {
        let path = match item.path {
            Path::Variant => {
                let ident = &item.ident;
                quote!(Self::#ident)
            }
            Path::Struct => quote!(Self),
        };
        match &item.kind {
            Kind::Transparent(f) => {
                let ty = &item.fields[*f].ty;
                bounds.add(ty, || quote!(_apierror::client::FromRemote));
                let member = &item.fields[*f].member;
                arms.push(quote_spanned! {at(ty)=>
                    let #remote = match <#ty as _apierror::client::FromRemote>::from_remote(#remote) {
                        _apierror::client::Decoded::Known(__api_inner) => {
                            return _apierror::client::Decoded::Known(#path { #member: __api_inner });
                        }
                        _apierror::client::Decoded::Unknown(__api_unknown) => __api_unknown,
                    };
                });
                inner_decodable.push(
                    quote_spanned!(at(ty)=> <#ty as _apierror::client::FromRemote>::decodable(__api_code)),
                );
            }
            Kind::Entry(entry) => {
                // Decodable only when every field is a body member: the rest never reach the client.
                let all_members = item
                    .fields
                    .iter()
                    .all(|f| matches!(f.visibility, Visibility::Member(_)));
                if !all_members {
                    continue;
                }
                let code = &entry.code;
                codes.push(quote!(#code));
                let mut reads = Vec::new();
                let mut binds = Vec::new();
                let mut inits = Vec::new();
                for (i, field) in item.fields.iter().enumerate() {
                    let Visibility::Member(name) = &field.visibility else {
                        continue;
                    };
                    let ty = &field.ty;
                    let read = if field.retry_after {
                        // On the wire in whole seconds (see `RetryAfterSeconds`).
                        bounds.add(ty, || quote!(_apierror::__private::FromSeconds));
                        quote_spanned!(at(ty)=> _apierror::__private::seconds_member::<#ty>(&#remote, #name))
                    } else if is_violations(ty) {
                        // A member, or the envelope's own shape (AIP-193 BadRequest, JSON:API
                        // error objects).
                        quote_spanned!(at(ty)=> #remote.violations_member(#name))
                    } else {
                        bounds.add(ty, || quote!(_apierror::__private::DeserializeOwned));
                        quote_spanned!(at(ty)=> #remote.member::<#ty>(#name))
                    };
                    let bound = binding(i);
                    let member = &field.member;
                    reads.push(read);
                    binds.push(quote!(_apierror::__private::Some(#bound)));
                    inits.push(quote!(#member: #bound));
                }
                arms.push(quote! {
                    if #remote.is_code(#code) {
                        if let (#(#binds,)*) = (#(#reads,)*) {
                            return _apierror::client::Decoded::Known(#path { #(#inits,)* });
                        }
                        return _apierror::client::Decoded::Unknown(#remote);
                    }
                });
            }
        }
    }
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause();
    let ident = &input.ident;
    let decodable = if codes.is_empty() {
        quote!(false)
    } else {
        quote!(_apierror::__private::matches!(__api_code, #(#codes)|*))
    };
    let at = Span::call_site().located_at(span);
    quote_spanned! {at=>
        _apierror::__impl_decode! {
            {#impl_generics} {#ident #ty_generics} {#where_clause}
            {
                fn from_remote(#remote: _apierror::client::RemoteError) -> _apierror::client::Decoded<Self> {
                    #(#arms)*
                    _apierror::client::Decoded::Unknown(#remote)
                }

                fn decodable(__api_code: &_apierror::__private::str) -> _apierror::__private::bool {
                    #decodable #(|| #inner_decodable)*
                }
            }
        }
    }
}
