//! The derive macro of [`apierror`](https://docs.rs/apierror). Depend on `apierror`, which
//! re-exports it with the complete attribute reference; this crate's output only makes sense
//! with that runtime.
//!
//! Stages, one file each: `attr` (attribute syntax), `model` (defaults applied, rules of one
//! item), `valid` (rules across items), `expand` (code generation), `fallback` (what a failed
//! derive emits), with `http` (the status registry), `case` (code styles), `detail` (format
//! strings) and `diag` (error messages).
#![forbid(unsafe_code)]

mod attr;
mod case;
mod detail;
mod diag;
mod expand;
mod fallback;
mod grpc;
mod http;
mod model;
mod retry;
mod types;
mod valid;

use darling::{Error, FromDeriveInput, FromVariant};
use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

use crate::model::{Defaults, Source};

/// The reason phrases of the derive's status registry ([`http::STATUSES`]) as a `const fn`
/// for the runtime, so that derived, framework and hand-built entries read one table. Not part
/// of the API: the runtime calls it once.
#[doc(hidden)]
#[proc_macro]
pub fn __reason_phrases(_: TokenStream) -> TokenStream {
    let arms = http::STATUSES.iter().map(|s| {
        let (code, phrase) = (s.code, s.phrase);
        quote::quote!(#code => ::core::option::Option::Some(#phrase),)
    });
    quote::quote! {
        /// The RFC 9110 (or defining RFC's) reason phrase of a registered 4xx or 5xx `code`.
        pub(crate) const fn reason_phrase(code: u16) -> ::core::option::Option<&'static str> {
            match code {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
    .into()
}

/// The retry guidance a status implies when none is declared ([`retry::default_retry`]) as a
/// `const fn` for the runtime's `Retry::for_status`: the derive leaves out a retry equal to it,
/// so both crates must read one table. Not part of the API: the runtime calls it once.
#[doc(hidden)]
#[proc_macro]
pub fn __default_retry(_: TokenStream) -> TokenStream {
    let arms = (100u16..=599).filter_map(|code| {
        let retry = retry::default_retry(code);
        let variant = proc_macro2::Ident::new(retry.variant(), proc_macro2::Span::call_site());
        (retry != retry::RetryKind::No).then(|| quote::quote!(#code => Retry::#variant,))
    });
    quote::quote! {
        /// The guidance `status` implies, from the derive's table.
        const fn default_for_status(status: u16) -> Retry {
            match status {
                #(#arms)*
                _ => Retry::No,
            }
        }
    }
    .into()
}

/// The derive of the `apierror` crate, which re-exports it with the attribute reference.
///
/// `#[source]` and `#[from]` are helper attributes of this derive too (they mark a source field;
/// `#[from]` also gives `From<Inner>` unless thiserror derives on the type), so they work without
/// `thiserror`, and next to it.
#[proc_macro_derive(ApiError, attributes(api, source, from))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// The checked model of `input`: the crate path, the opt-in impls, the declared envelope and the
/// items (`None` when the input could not be read far enough), every error in `errors`.
fn analyze(
    input: &DeriveInput,
    errors: &mut darling::error::Accumulator,
) -> (
    syn::Path,
    expand::Integrations,
    Option<syn::Expr>,
    Option<Vec<model::Item>>,
) {
    let container = errors.handle(attr::Container::from_derive_input(input));
    let krate = container
        .as_ref()
        .and_then(|c| c.krate.clone())
        .unwrap_or_else(|| syn::parse_quote!(::apierror));
    let mut container = container.map(|c| Accepted::new(c, errors));
    let integrations = container.as_ref().map(|c| c.integrations).unwrap_or_default();
    // `None`: the type renders in the service's envelope (RFC 9457 when the service sets none).
    let envelope: Option<syn::Expr> = container.as_mut().and_then(|c| c.envelope.take());

    let items = match &input.data {
        syn::Data::Union(data) => {
            errors.push(
                Error::custom(
                    "#[derive(ApiError)] does not support unions; declare the errors as an enum with one variant each",
                )
                .with_span(&data.union_token),
            );
            None
        }
        syn::Data::Enum(data) => {
            let parsed: Vec<_> = data
                .variants
                .iter()
                .map(|v| errors.handle(attr::Variant::from_variant(v)))
                .collect();
            container.as_ref().map(|container| {
                valid::enum_container_keys(&container.keys, errors);
                parsed
                    .into_iter()
                    .flatten()
                    .filter_map(|v| {
                        let src = Source {
                            ident: &v.ident,
                            path: model::Path::Variant,
                            attrs: &v.attrs,
                            fields: v.fields.fields,
                            keys: v.keys.accept(errors),
                        };
                        model::build(src, &container.defaults, errors)
                    })
                    .collect::<Vec<_>>()
            })
        }
        syn::Data::Struct(data) => {
            let fields = model::parse_fields(&data.fields, errors);
            container.zip(fields).and_then(|(container, fields)| {
                let src = Source {
                    ident: &input.ident,
                    path: model::Path::Struct,
                    attrs: &container.attrs,
                    fields,
                    keys: container.keys,
                };
                model::build(src, &container.defaults, errors).map(|item| vec![item])
            })
        }
    };
    if let Some(items) = &items {
        valid::unique_codes(items, errors);
    }
    (krate, integrations, envelope, items)
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let mut errors = Error::accumulator();
    let (krate, integrations, envelope, items) = analyze(input, &mut errors);
    match (errors.finish(), items) {
        (Ok(()), Some(items)) => expand::expand(input, &krate, &items, envelope.as_ref(), integrations),
        (result, _) => {
            let mut tokens = fallback::expand(input, &krate, envelope.as_ref(), integrations);
            if let Err(errors) = result {
                tokens.extend(diag::to_compile_errors(errors));
            }
            tokens
        }
    }
}

/// The items of `input`, for the generators' unit tests (the input must derive without errors).
#[cfg(test)]
pub(crate) fn test_items(input: &DeriveInput) -> Vec<model::Item> {
    let mut errors = Error::accumulator();
    let (.., items) = analyze(input, &mut errors);
    if let Err(errors) = errors.finish() {
        panic!("the test input does not derive: {errors}");
    }
    items.unwrap_or_default()
}

/// The container's attribute with every value checked: rejected values are reported once, here,
/// and the rest of the derive goes on without them.
struct Accepted {
    attrs: Vec<syn::Attribute>,
    envelope: Option<syn::Expr>,
    keys: attr::Keys,
    defaults: Defaults,
    integrations: expand::Integrations,
}

impl Accepted {
    fn new(container: attr::Container, errors: &mut darling::error::Accumulator) -> Self {
        let rename_all = container.rename_all.and_then(|r| r.accept(errors));
        let type_base = container.type_base.and_then(|t| t.accept(errors));
        let envelope = container.envelope.and_then(|e| e.accept(errors)).map(|e| e.0);
        let keys = container.keys.accept(errors);
        let envelope_members = envelope.as_ref().map(model::envelope_members).unwrap_or_default();
        if envelope.as_ref().is_none_or(model::is_problem_envelope) {
            for lit in &envelope_members {
                if let Some(message) = model::reserved_code_member(&lit.value()) {
                    errors.push(darling::Error::custom(message).with_span(lit));
                }
            }
        }
        let defaults = Defaults {
            type_name: container.ident.to_string(),
            style: rename_all.map_or(case::Style::ScreamingSnake, |r| r.style),
            type_base: type_base.map(|t| t.lit.value()),
            category: keys.category.as_ref().map(syn::LitStr::value),
            challenge: keys.challenge.as_ref().map(|c| c.lit.value()),
            challenge_rejected: keys.rejected.contains(&"challenge"),
            strict_codes: container.strict_codes.is_present(),
            skip_none: container.skip_none.is_present(),
            envelope_members,
            problem_envelope: envelope.as_ref().is_none_or(model::is_problem_envelope),
            aip193: container.tonic.is_present()
                || envelope.as_ref().is_some_and(model::is_google_rpc_envelope),
        };
        let integrations = expand::Integrations {
            axum: container.axum.is_present().then(|| container.axum.span()),
            actix_web: container
                .actix_web
                .is_present()
                .then(|| container.actix_web.span()),
            utoipa: container.utoipa.is_present().then(|| container.utoipa.span()),
            aide: container.aide.is_present().then(|| container.aide.span()),
            tonic: container.tonic.is_present().then(|| container.tonic.span()),
            decode: container.decode.is_present().then(|| container.decode.span()),
            schemas: container.schemas.is_present().then(|| container.schemas.span()),
            display: container.display.is_present(),
        };
        Accepted {
            attrs: container.attrs,
            envelope,
            keys,
            defaults,
            integrations,
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;

    const CONTAINER: &[&str] = &[
        "rename_all",
        "type_base",
        "crate",
        "envelope",
        "axum",
        "actix_web",
        "utoipa",
        "aide",
        "tonic",
        "decode",
        "skip_none",
        "schemas",
        "display",
        "strict_codes",
        "category",
        "challenge",
    ];
    const ENTRY: &[&str] = &[
        "code",
        "status",
        "title",
        "detail",
        "retry",
        "retry_after",
        "resolve",
        "category",
        "type",
        "challenge",
        "allow",
        "upgrade",
        "grpc",
        "transparent",
    ];
    const FIELD: &[&str] = &[
        "skip",
        "expose",
        "rename",
        "retry_after",
        "source",
        "detail_only",
        "skip_none",
        "location",
    ];
    const RESOLVE: &[&str] = &["message", "url", "action", "method", "endpoint"];
    /// Every shape a key can take: alone, an empty or odd list, and values of every type.
    const VALUES: &[&str] = &[
        "",
        "()",
        " = \"\"",
        " = \" \"",
        " = 1",
        " = 0",
        " = -1",
        " = 1.5",
        " = true",
        " = 'c'",
        " = b\"x\"",
        " = some::path",
        "(x)",
        "(x = 1)",
        "(\"\")",
        " = [1]",
        " = \"a\\nb\"",
        " = \"GET, \"",
        " = \"{\"",
        " = \"}{\"",
        " = \"{x:>w$}\"",
        " = \"http://\"",
    ];

    /// Every key of every attribute with every value, on enums and structs, 4xx and 5xx.
    fn inputs() -> Vec<String> {
        let mut inputs = Vec::new();
        for value in VALUES {
            for key in CONTAINER {
                inputs.push(format!(
                    "#[api({key}{value})] enum E {{ #[api(status = 400)] A {{ f: u32 }} }}"
                ));
                inputs.push(format!(
                    "#[api(status = 405, {key}{value})] struct S {{ f: u32 }}"
                ));
            }
            for key in ENTRY {
                for status in ["400", "401", "405", "500"] {
                    inputs.push(format!(
                        "enum E {{ #[api(status = {status}, {key}{value})] A {{ f: u32 }}, #[api({key}{value})] B(u8) }}"
                    ));
                }
                inputs.push(format!("#[api({key}{value})] struct S(u32);"));
            }
            for key in FIELD {
                for status in ["400", "500"] {
                    inputs.push(format!(
                        "enum E {{ #[api(status = {status}, detail = \"{{f}}\")] A {{ #[api({key}{value})] f: u32 }}, #[api(transparent)] B(#[api({key}{value})] Inner) }}"
                    ));
                }
            }
            for part in RESOLVE {
                inputs.push(format!(
                    "enum E {{ #[api(status = 400, resolve({part}{value}))] A }}"
                ));
            }
        }
        inputs
    }

    /// The derive never panics on a declaration (darling's accumulators are finished on every
    /// path), and what it emits parses as items.
    #[test]
    fn no_declaration_panics_the_derive() {
        let inputs = inputs();
        for input in &inputs {
            let parsed: syn::DeriveInput = syn::parse_str(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            let output: TokenStream = std::panic::catch_unwind(|| super::derive(&parsed))
                .unwrap_or_else(|_| panic!("the derive panicked on `{input}`"));
            syn::parse2::<syn::File>(output)
                .unwrap_or_else(|e| panic!("`{input}` expands to what is not items: {e}"));
        }
        assert!(inputs.len() > 2000, "{}", inputs.len());
    }
}
