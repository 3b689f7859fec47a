//! What a failed derive still emits: impls that type-check, so the user sees only the errors
//! that matter and none about `ApiError` not being implemented.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(
    input: &DeriveInput,
    krate: &syn::Path,
    envelope: Option<&syn::Expr>,
    integrations: crate::expand::Integrations,
) -> TokenStream {
    let ident = &input.ident;
    let display = integrations.display.then(|| {
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        quote! {
            #[automatically_derived]
            impl #impl_generics _apierror::__private::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, __formatter: &mut _apierror::__private::Formatter<'_>) -> _apierror::__private::FmtResult {
                    _apierror::__private::display(self, __formatter)
                }
            }
        }
    });
    let from = crate::expand::from_impls(input, integrations.display);
    let integrations = integrations.tokens(
        &input.generics,
        input.generics.where_clause.as_ref(),
        ident,
        envelope,
    );
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        const _: () = {
            use #krate as _apierror;
            #[automatically_derived]
            impl #impl_generics _apierror::ApiError for #ident #ty_generics #where_clause {
                fn entry(&self) -> &'static _apierror::Entry {
                    &_apierror::__private::FALLBACK_ENTRY
                }
            }
            #[automatically_derived]
            impl #impl_generics _apierror::Catalog for #ident #ty_generics #where_clause {
                fn entries() -> &'static [_apierror::Entry] {
                    &[]
                }
            }
            #integrations
            #display
            #from
        };
    }
}
