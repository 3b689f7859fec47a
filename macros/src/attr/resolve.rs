//! `resolve(...)`: resolution guidance, each part checked where it is written.

use darling::{Error, FromMeta, Result};
use proc_macro2::Span;
use syn::LitStr;
use syn::spanned::Spanned;

use super::text::is_http_url;
use crate::http::{self};

/// `resolve(message, url, action, method, endpoint)`.
pub struct ResolveKeys {
    pub message: Option<LitStr>,
    pub url: Option<LitStr>,
    pub action: Option<LitStr>,
    pub method: Option<LitStr>,
    pub endpoint: Option<LitStr>,
    pub span: Span,
}

#[derive(FromMeta)]
pub(crate) struct ResolveParts {
    message: Option<LitStr>,
    url: Option<LitStr>,
    action: Option<LitStr>,
    method: Option<LitStr>,
    endpoint: Option<LitStr>,
}

impl FromMeta for ResolveKeys {
    fn from_meta(item: &syn::Meta) -> Result<Self> {
        if let syn::Meta::Path(path) = item {
            return Err(Error::custom(
                "`resolve` needs parts: write `resolve(message = \"...\", url = \"...\")`",
            )
            .with_span(path));
        }
        let path = item.path().clone();
        let span = path.span();
        let parts = ResolveParts::from_meta(item)?;
        let mut errors = Error::accumulator();
        if let Some(url) = &parts.url {
            let value = url.value();
            let ok =
                value.starts_with('/') && !value.starts_with("//") && !value.contains(char::is_whitespace)
                    || is_http_url(&value);
            if !ok {
                errors.push(
                    Error::custom(format!(
                        "`resolve(url = \"{value}\")` is neither an absolute http(s) URL with a host nor a path; write \"https://app.example.com/...\" or \"/...\""
                    ))
                    .with_span(url),
                );
            }
        }
        if let Some(action) = &parts.action {
            let value = action.value();
            if !crate::case::Style::Snake.is_followed_by(&value) || value.is_empty() {
                errors.push(
                    Error::custom(format!(
                        "`resolve(action = \"{value}\")` is not snake_case; write `{}`",
                        crate::case::Style::Snake.apply(&value)
                    ))
                    .with_span(action),
                );
            }
        }
        if let Some(method) = &parts.method {
            let value = method.value();
            if !http::METHODS.contains(&value.as_str()) {
                let upper = value.to_ascii_uppercase();
                let hint = if http::METHODS.contains(&upper.as_str()) {
                    format!("write `{upper}`")
                } else {
                    format!("use one of {}", http::METHODS.join(", "))
                };
                errors.push(
                    Error::custom(format!(
                        "`resolve(method = \"{value}\")` is not an HTTP method; {hint}"
                    ))
                    .with_span(method),
                );
            }
        }
        if let Some(endpoint) = &parts.endpoint {
            let value = endpoint.value();
            if !value.starts_with('/') || value.contains(char::is_whitespace) {
                errors.push(
                    Error::custom(format!(
                        "`resolve(endpoint = \"{value}\")` is not an API path; write a path that starts with `/` and has no whitespace, such as \"/billing/checkout\""
                    ))
                    .with_span(endpoint),
                );
            }
        }
        let ResolveParts {
            message,
            url,
            action,
            method,
            endpoint,
        } = parts;
        if message.is_none() && url.is_none() && action.is_none() && method.is_none() && endpoint.is_none() {
            errors.push(
                Error::custom(
                    "`resolve()` is empty; give at least one of `message`, `url`, `action`, `method`, `endpoint`",
                )
                .with_span(&path),
            );
        }
        errors.finish_with(ResolveKeys {
            message,
            url,
            action,
            method,
            endpoint,
            span,
        })
    }
}
