//! Where-clause predicates inferred from how generic fields are used.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Ident;

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
    pub(crate) fn new(generics: &syn::Generics) -> Self {
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
