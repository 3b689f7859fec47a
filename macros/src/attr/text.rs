//! String values checked on their own: URIs, header text, `Allow` and `Upgrade` lists and
//! member names.

use darling::{Error, FromMeta, Result};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Lit, LitStr};

use crate::http::{self};

/// `type_base` and `type`: an absolute URI (RFC 3986: a scheme followed by `:`).
pub struct AbsoluteUri {
    pub lit: LitStr,
}

impl FromMeta for AbsoluteUri {
    fn from_value(value: &Lit) -> Result<Self> {
        let Lit::Str(lit) = value else {
            return Err(Error::custom(
                "expected a string with an absolute URI, such as \"https://docs.example.com/errors/\"",
            ));
        };
        let uri = lit.value();
        if is_uri_text(&uri) && !is_absolute_uri(&uri) {
            return Err(Error::custom(format!(
                "`{uri}` has no host; an http(s) problem type URI names one, such as \"https://docs.example.com/errors/\""
            ))
            .with_span(lit));
        }
        if !is_absolute_uri(&uri) {
            return Err(Error::custom(format!(
                "`{uri}` is not an absolute URI; problem type URIs need a scheme, such as \"https://docs.example.com/errors/\""
            ))
            .with_span(lit));
        }
        Ok(AbsoluteUri { lit: lit.clone() })
    }
}

/// An `http` or `https` URI with a host (RFC 9110, section 4.2: a sender never generates one
/// with an empty host): `https://example.com/...`, not `https://` or `http:///path`.
pub fn is_http_url(uri: &str) -> bool {
    let Some(rest) = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        // An IP literal: `[::1]:8080`.
        Some(literal) => literal.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    !host.is_empty() && is_uri_text(uri)
}

/// RFC 3986 `scheme ":" hier-part`, with no whitespace or characters a URI cannot hold, and a
/// host when the scheme is `http` or `https`.
pub fn is_absolute_uri(uri: &str) -> bool {
    let lower = uri.to_ascii_lowercase();
    if (lower.starts_with("http:") || lower.starts_with("https:")) && !is_http_url(&lower) {
        return false;
    }
    is_uri_text(uri)
}

pub(crate) fn is_uri_text(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && uri.chars().all(|c| {
            c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        })
}

/// `challenge = "Bearer"`: a header value, so visible ASCII and spaces only (no CR, LF or
/// control characters that could split or corrupt the response head).
pub struct HeaderText {
    pub lit: LitStr,
}

impl FromMeta for HeaderText {
    fn from_value(value: &Lit) -> Result<Self> {
        const FORMS: &str =
            "`challenge` must be a non-empty header value of visible ASCII characters, such as \"Bearer\"";
        let Lit::Str(lit) = value else {
            return Err(Error::custom(FORMS));
        };
        let text = lit.value();
        if text.trim().is_empty() || !text.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
            return Err(Error::custom(FORMS).with_span(lit));
        }
        // The runtime sends no header value with surrounding spaces (RFC 9110, section 5.5);
        // `Entry::with_challenge` trims them, and here the fix is said instead.
        if text.trim() != text {
            return Err(Error::custom(format!(
                "`challenge` has surrounding spaces, which a header value cannot carry; write `challenge = {:?}`",
                text.trim()
            ))
            .with_span(lit));
        }
        Ok(HeaderText { lit: lit.clone() })
    }
}

/// `allow = "GET, POST"`: a comma-separated list of request methods.
pub struct AllowValue {
    pub lit: LitStr,
}

impl FromMeta for AllowValue {
    /// `allow(GET, POST)`: the methods as a list, kept as the header's text.
    fn from_list(items: &[darling::ast::NestedMeta]) -> Result<Self> {
        if items.is_empty() {
            return Err(Error::custom(
                "`allow()` is empty; list the methods, such as `allow(GET, POST)`",
            ));
        }
        let mut methods = Vec::new();
        // Finished on every path below (darling panics on an accumulator dropped unfinished).
        let mut errors = Error::accumulator();
        for item in items {
            match item {
                darling::ast::NestedMeta::Meta(syn::Meta::Path(path)) if path.get_ident().is_some() => {
                    let method = path.get_ident().map(ToString::to_string).unwrap_or_default();
                    if http::METHODS.contains(&method.as_str()) {
                        methods.push(method);
                    } else {
                        errors.push(
                            Error::custom(format!(
                                "`allow` lists `{method}`, which is not an HTTP method; write methods such as `allow(GET, POST)`"
                            ))
                            .with_span(path),
                        );
                    }
                }
                other => errors.push(
                    Error::custom("`allow(...)` takes method names, such as `allow(GET, POST)`")
                        .with_span(other),
                ),
            }
        }
        errors.finish()?;
        let span = items.first().map_or_else(Span::call_site, Spanned::span);
        Ok(AllowValue {
            lit: LitStr::new(&methods.join(", "), span),
        })
    }

    fn from_value(value: &Lit) -> Result<Self> {
        let Lit::Str(lit) = value else {
            return Err(Error::custom(
                "`allow` takes methods, such as `allow(GET, POST)` or `allow = \"GET, POST\"`",
            ));
        };
        let text = lit.value();
        for method in text.split(',').map(str::trim) {
            if !http::METHODS.contains(&method) {
                return Err(Error::custom(format!(
                    "`allow` lists `{method}`, which is not an HTTP method; use a comma-separated list such as \"GET, POST\""
                ))
                .with_span(lit));
            }
        }
        Ok(AllowValue { lit: lit.clone() })
    }
}

/// `upgrade = "HTTP/2.0, websocket"`: the protocols of a 426's Upgrade header (RFC 9110, section
/// 7.8: `protocol-name ["/" protocol-version]`, comma-separated).
pub struct UpgradeValue {
    pub lit: LitStr,
}

impl FromMeta for UpgradeValue {
    fn from_value(value: &Lit) -> Result<Self> {
        const FORMS: &str = "`upgrade` takes the protocols to switch to, such as `upgrade = \"HTTP/2.0\"` or `upgrade = \"websocket\"`";
        let Lit::Str(lit) = value else {
            return Err(Error::custom(FORMS));
        };
        let text = lit.value();
        let token = |s: &str| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
        };
        let valid = text
            .split(',')
            .map(str::trim)
            .all(|protocol| match protocol.split_once('/') {
                Some((name, version)) => token(name) && token(version),
                None => token(protocol),
            });
        if !valid {
            return Err(Error::custom(format!(
                "`upgrade = \"{text}\"` is not a list of protocols; {FORMS}"
            ))
            .with_span(lit));
        }
        Ok(UpgradeValue { lit: lit.clone() })
    }
}

/// `rename = "name"` on a field: 3 or more of `[A-Za-z0-9_]`, starting with a letter.
pub struct MemberName {
    pub lit: LitStr,
}

impl FromMeta for MemberName {
    fn from_value(value: &Lit) -> Result<Self> {
        let Lit::Str(lit) = value else {
            return Err(Error::custom(
                "`rename` takes a string, such as `rename = \"limit\"`",
            ));
        };
        let name = lit.value();
        let valid = name.len() >= 3
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(Error::custom(format!(
                "`rename = \"{name}\"` is not a valid member name; use 3 or more letters, digits or `_`, starting with a letter (RFC 9457, section 3.2)"
            ))
            .with_span(lit));
        }
        Ok(MemberName { lit: lit.clone() })
    }
}
