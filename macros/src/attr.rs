//! Attribute syntax: the darling receivers for `#[api(...)]` on the container, each variant and
//! each field, and the value types whose checks need only the value itself (so each error is
//! spanned on its literal).

use darling::error::Accumulator;
use darling::{Error, FromDeriveInput, FromField, FromMeta, FromVariant, Result};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Ident, Lit, LitStr, Path};

use crate::case::Style;
use crate::http::{self, Status};

/// `#[api(...)]` on the enum or struct.
#[derive(FromDeriveInput)]
#[darling(attributes(api), forward_attrs(doc))]
pub struct Container {
    pub ident: Ident,
    pub attrs: Vec<syn::Attribute>,
    pub rename_all: Option<Lenient<RenameAll>>,
    pub type_base: Option<Lenient<AbsoluteUri>>,
    #[darling(rename = "crate")]
    pub krate: Option<Path>,
    /// The envelope the framework integrations render in: an expression of a type that
    /// implements `apierror::Envelope`.
    pub envelope: Option<Lenient<EnvelopeExpr>>,
    /// Framework impls the type asks for (each needs the runtime's feature for that framework).
    pub axum: Flag,
    pub actix_web: Flag,
    pub utoipa: Flag,
    /// `FromRemote`: the client side rebuilds the type from a response (needs `client`).
    pub decode: Flag,
    /// `skip_none` on every `Option` member of the type.
    pub skip_none: Flag,
    /// `MemberSchemas`: each exposed field's JSON Schema (needs `schemars-1`).
    pub schemas: Flag,
    /// `Display` from the detail (or the title), so the message is written once.
    pub display: Flag,
    /// Explicit `code = "..."`s must follow `rename_all` too (they are taken as written
    /// otherwise, as serde's `rename` is).
    pub strict_codes: Flag,
    /// Keys shared with variants: `category` and `challenge` are defaults for every variant; the
    /// others are only allowed on a struct, where the container is the one catalog entry.
    #[darling(flatten)]
    pub keys: RawKeys,
}

/// A key written alone (`transparent`, `skip`): present or not, with its span. (darling's own
/// `Flag` panics on an empty list, `skip()`; this one reports it.)
#[derive(Clone, Copy, Default)]
pub struct Flag(Option<Span>);

impl Flag {
    pub fn is_present(self) -> bool {
        self.0.is_some()
    }

    /// The span of the key, or the call site when it is absent.
    pub fn span(self) -> Span {
        self.0.unwrap_or_else(Span::call_site)
    }
}

impl FromMeta for Flag {
    fn from_none() -> Option<Self> {
        Some(Flag(None))
    }

    fn from_meta(item: &syn::Meta) -> Result<Self> {
        match item {
            syn::Meta::Path(path) => Ok(Flag(Some(path.span()))),
            other => {
                let key = other
                    .path()
                    .get_ident()
                    .map_or_else(|| "this key".to_owned(), ToString::to_string);
                let error = Error::custom(format!("`{key}` is a flag: write `{key}` alone, with no value"));
                // At what should not be there: the value, or the list.
                Err(match other {
                    syn::Meta::NameValue(nv) => error.with_span(&nv.value),
                    syn::Meta::List(list) => error.with_span(&list.delimiter.span().join()),
                    syn::Meta::Path(_) => error,
                })
            }
        }
    }
}

/// A key's value, parsed but with its error kept rather than returned: a rejected value is
/// reported and the key treated as absent, so one bad key never hides the checks of the others
/// (darling fails the whole attribute on the first bad value).
pub struct Lenient<T> {
    value: Result<T>,
    /// The key's name, for checks about where a key may stand.
    pub span: Span,
}

impl<T: FromMeta> FromMeta for Lenient<T> {
    fn from_meta(item: &syn::Meta) -> Result<Self> {
        let key = item.path().get_ident().map(ToString::to_string);
        let value = T::from_meta(item).map_err(|error| {
            let error = error.with_span(item);
            match key {
                Some(key) => error.at(key),
                None => error,
            }
        });
        Ok(Lenient {
            value,
            span: item.path().span(),
        })
    }
}

impl<T> Lenient<T> {
    /// The value, or `None` after pushing its error.
    pub fn accept(self, errors: &mut Accumulator) -> Option<T> {
        errors.handle(self.value)
    }
}

/// Unwraps an optional lenient value, recording the key's name when it was rejected.
fn take<T>(
    name: &'static str,
    value: Option<Lenient<T>>,
    errors: &mut Accumulator,
    rejected: &mut Vec<&'static str>,
) -> Option<T> {
    let value = value?.accept(errors);
    if value.is_none() {
        rejected.push(name);
    }
    value
}

/// The keys of `#[api(...)]` on a variant (or on a struct) as darling parses them, each value
/// kept with its error; [`RawKeys::accept`] reports the errors and gives the [`Keys`].
#[derive(FromMeta, Default)]
pub struct RawKeys {
    code: Option<Lenient<LitStr>>,
    status: Option<Lenient<StatusValue>>,
    title: Option<Lenient<LitStr>>,
    detail: Option<Lenient<LitStr>>,
    retry: Option<Lenient<RetryValue>>,
    retry_after: Option<Lenient<Seconds>>,
    resolve: Option<Lenient<ResolveKeys>>,
    category: Option<Lenient<LitStr>>,
    #[darling(rename = "type")]
    type_uri: Option<Lenient<AbsoluteUri>>,
    challenge: Option<Lenient<HeaderText>>,
    allow: Option<Lenient<AllowValue>>,
    upgrade: Option<Lenient<UpgradeValue>>,
    transparent: Flag,
}

impl RawKeys {
    /// The accepted keys; every rejected value's error goes to `errors`.
    pub fn accept(self, errors: &mut Accumulator) -> Keys {
        let mut rejected = Vec::new();
        let r = &mut rejected;
        Keys {
            code: take("code", self.code, errors, r),
            status: take("status", self.status, errors, r),
            title: take("title", self.title, errors, r),
            detail: take("detail", self.detail, errors, r),
            retry: take("retry", self.retry, errors, r),
            retry_after: take("retry_after", self.retry_after, errors, r),
            resolve: take("resolve", self.resolve, errors, r),
            category: take("category", self.category, errors, r),
            type_uri: take("type", self.type_uri, errors, r),
            challenge: take("challenge", self.challenge, errors, r),
            allow: take("allow", self.allow, errors, r),
            upgrade: take("upgrade", self.upgrade, errors, r),
            transparent: self.transparent,
            rejected,
        }
    }
}

/// `#[api(...)]` on a variant (or on a struct): the keys whose values were accepted.
#[derive(Default)]
pub struct Keys {
    pub code: Option<LitStr>,
    pub status: Option<StatusValue>,
    pub title: Option<LitStr>,
    pub detail: Option<LitStr>,
    pub retry: Option<RetryValue>,
    pub retry_after: Option<Seconds>,
    pub resolve: Option<ResolveKeys>,
    pub category: Option<LitStr>,
    pub type_uri: Option<AbsoluteUri>,
    pub challenge: Option<HeaderText>,
    pub allow: Option<AllowValue>,
    pub upgrade: Option<UpgradeValue>,
    pub transparent: Flag,
    /// Keys that were given with a value that was rejected (and reported): the checks that
    /// depend on them are skipped rather than reported as if the key were missing.
    pub rejected: Vec<&'static str>,
}

impl Keys {
    /// Each key that was given, with the span of its value, for checks about which keys may
    /// stand where.
    pub fn given(&self) -> Vec<(&'static str, Span)> {
        let mut given = Vec::new();
        let mut push = |name, span: Option<Span>| {
            if let Some(span) = span {
                given.push((name, span));
            }
        };
        push("code", self.code.as_ref().map(LitStr::span));
        push("status", self.status.as_ref().map(|s| s.span));
        push("title", self.title.as_ref().map(LitStr::span));
        push("detail", self.detail.as_ref().map(LitStr::span));
        push("retry", self.retry.as_ref().map(|r| r.span));
        push("retry_after", self.retry_after.as_ref().map(|r| r.span));
        push("resolve", self.resolve.as_ref().map(|r| r.span));
        push("category", self.category.as_ref().map(LitStr::span));
        push("type", self.type_uri.as_ref().map(|t| t.lit.span()));
        push("challenge", self.challenge.as_ref().map(|c| c.lit.span()));
        push("allow", self.allow.as_ref().map(|a| a.lit.span()));
        push("upgrade", self.upgrade.as_ref().map(|u| u.lit.span()));
        push(
            "transparent",
            self.transparent.is_present().then(|| self.transparent.span()),
        );
        given
    }
}

/// A variant of the enum.
#[derive(FromVariant)]
#[darling(attributes(api), forward_attrs(doc))]
pub struct Variant {
    pub ident: Ident,
    pub attrs: Vec<syn::Attribute>,
    pub fields: darling::ast::Fields<Field>,
    #[darling(flatten)]
    pub keys: RawKeys,
}

/// A field of a variant or struct.
#[derive(FromField)]
#[darling(attributes(api), forward_attrs(doc, source, from))]
pub struct Field {
    pub ident: Option<Ident>,
    pub ty: syn::Type,
    pub attrs: Vec<syn::Attribute>,
    pub skip: Flag,
    pub expose: Flag,
    pub rename: Option<Lenient<MemberName>>,
    pub retry_after: Flag,
    pub source: Flag,
    pub detail_only: Flag,
    /// An `Option` member left out of the body when `None`, rather than written as `null`.
    pub skip_none: Flag,
    /// What in the request this field names: `"pointer"`, `"parameter"` or `"header"`.
    pub location: Option<Lenient<LocationKind>>,
}

impl Field {
    /// Each `#[api(...)]` key given on the field, with the span of its name or value.
    pub fn given(&self) -> Vec<(&'static str, Span)> {
        let mut given = Vec::new();
        for (name, flag) in [
            ("skip", &self.skip),
            ("expose", &self.expose),
            ("retry_after", &self.retry_after),
            ("source", &self.source),
            ("detail_only", &self.detail_only),
            ("skip_none", &self.skip_none),
        ] {
            if flag.is_present() {
                given.push((name, flag.span()));
            }
        }
        if let Some(rename) = &self.rename {
            given.push(("rename", rename.span));
        }
        if let Some(location) = &self.location {
            given.push(("location", location.span));
        }
        given
    }
}

/// `location = "parameter"` on a field.
pub struct LocationKind {
    pub kind: &'static str,
    pub span: Span,
}

impl FromMeta for LocationKind {
    fn from_value(value: &Lit) -> Result<Self> {
        const FORMS: &str = "`location` takes \"pointer\" (a JSON Pointer into the body), \"parameter\" (a query parameter) or \"header\"";
        let Lit::Str(lit) = value else {
            return Err(Error::custom(FORMS));
        };
        let kind = match lit.value().as_str() {
            "pointer" => "Pointer",
            "parameter" => "Parameter",
            "header" => "Header",
            _ => return Err(Error::custom(FORMS).with_span(lit)),
        };
        Ok(LocationKind {
            kind,
            span: lit.span(),
        })
    }
}

/// `envelope = apierror::CodeMessage`: any expression of an `Envelope` type, but not a string.
pub struct EnvelopeExpr(pub Expr);

impl FromMeta for EnvelopeExpr {
    fn from_expr(expr: &Expr) -> Result<Self> {
        match expr {
            Expr::Lit(syn::ExprLit { lit: Lit::Str(lit), .. }) => Err(Error::custom(format!(
                "`envelope` takes an expression of an `Envelope` type, not a string; write it without quotes, such as `envelope = apierror::{}`",
                if lit.value().trim().is_empty() { "Problem::new()".to_owned() } else { lit.value() }
            ))
            .with_span(lit)),
            Expr::Group(group) => Self::from_expr(&group.expr),
            expr => Ok(EnvelopeExpr(expr.clone())),
        }
    }
}

/// `status = 402` or `status = "PAYMENT_REQUIRED"`, resolved against the registry.
pub struct StatusValue {
    pub status: &'static Status,
    pub span: Span,
}

impl FromMeta for StatusValue {
    fn from_value(value: &Lit) -> Result<Self> {
        let span = value.span();
        match value {
            Lit::Int(int) => {
                let code: u32 = int
                    .base10_parse()
                    .map_err(|_| not_a_status(int.base10_digits()))?;
                let status = status_by_code(code)?;
                Ok(StatusValue { status, span })
            }
            Lit::Str(s) => {
                let name = s.value();
                if let Some(status) = http::by_name(&name) {
                    return Ok(StatusValue { status, span });
                }
                if let Ok(code) = name.parse::<u32>() {
                    return Err(Error::custom(format!(
                        "`status` takes the number itself: write `status = {code}` without quotes"
                    )));
                }
                Err(unknown_status_name(&name))
            }
            _ => Err(Error::custom(STATUS_FORMS)),
        }
    }

    fn from_expr(expr: &Expr) -> Result<Self> {
        match expr {
            Expr::Lit(lit) => Self::from_value(&lit.lit),
            Expr::Group(group) => Self::from_expr(&group.expr),
            // `status = NOT_FOUND` or `status = StatusCode::NOT_FOUND`: the constant's name.
            Expr::Path(path) if path.qself.is_none() => {
                let name = path
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                match http::by_name(&name) {
                    Some(status) => Ok(StatusValue {
                        status,
                        span: expr.span(),
                    }),
                    None => Err(unknown_status_name(&name)),
                }
            }
            _ => Err(Error::custom(STATUS_FORMS).with_span(expr)),
        }
        .map_err(|e| e.with_span(expr))
    }
}

const STATUS_FORMS: &str = "`status` takes an integer such as `status = 404` or an `http::StatusCode` constant name such as `status = NOT_FOUND` or `status = \"NOT_FOUND\"`";

fn not_a_status(code: impl std::fmt::Display) -> Error {
    Error::custom(format!(
        "status {code} is not a valid HTTP status code; use a registered 4xx or 5xx code such as 400 or 500"
    ))
}

fn status_by_code(code: u32) -> Result<&'static Status> {
    let Ok(code16) = u16::try_from(code) else {
        return Err(not_a_status(code));
    };
    if !(100..=599).contains(&code16) {
        return Err(not_a_status(code));
    }
    if code16 < 400 {
        return Err(Error::custom(format!(
            "status {code} is not an error status; use a 4xx or 5xx code"
        )));
    }
    if let Some(status) = http::by_code(code16) {
        return Ok(status);
    }
    let (below, above) = http::nearest(code16);
    let nearest: Vec<String> = [below, above]
        .into_iter()
        .flatten()
        .map(|s| format!("{} ({})", s.code, s.phrase))
        .collect();
    let nearest = match nearest.as_slice() {
        [one] => format!("use the nearest registered code, {one}"),
        many => format!("use one of the nearest registered codes, {}", many.join(" or ")),
    };
    let what = if code16 == 418 {
        "is marked (unused) in the IANA HTTP status code registry"
    } else {
        "is not registered in the IANA HTTP status code registry"
    };
    Err(Error::custom(format!("status {code} {what}; {nearest}")))
}

fn unknown_status_name(name: &str) -> Error {
    match crate::diag::did_you_mean(name, http::names()) {
        Some(best) => Error::custom(format!("unknown status name `{name}`; did you mean `{best}`?")),
        None => Error::custom(format!(
            "unknown status name `{name}`; write an integer such as `status = 404` or an `http::StatusCode` constant name such as `status = \"NOT_FOUND\"`"
        )),
    }
}

/// The retry strategies accepted by `retry = "..."`, and `true` / `false`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryKind {
    No,
    Yes,
    Backoff,
    AfterDelay,
    AfterReauth,
    Later,
    NewKey,
}

impl RetryKind {
    pub const STRATEGIES: &[(&str, RetryKind)] = &[
        ("backoff", RetryKind::Backoff),
        ("after_delay", RetryKind::AfterDelay),
        ("after_reauth", RetryKind::AfterReauth),
        ("later", RetryKind::Later),
        ("new_key", RetryKind::NewKey),
    ];

    /// The `apierror::Retry` variant name.
    pub fn variant(self) -> &'static str {
        match self {
            RetryKind::No => "No",
            RetryKind::Yes => "Yes",
            RetryKind::Backoff => "Backoff",
            RetryKind::AfterDelay => "AfterDelay",
            RetryKind::AfterReauth => "AfterReauth",
            RetryKind::Later => "Later",
            RetryKind::NewKey => "NewKey",
        }
    }
}

const RETRY_FORMS: &str = "`retry` takes `true`, `false`, or one of \"backoff\", \"after_delay\", \"after_reauth\", \"later\", \"new_key\"";

/// `retry = false`, `retry = true` or `retry = "strategy"`.
pub struct RetryValue {
    pub kind: RetryKind,
    pub span: Span,
}

impl FromMeta for RetryValue {
    fn from_value(value: &Lit) -> Result<Self> {
        let span = value.span();
        let kind = match value {
            Lit::Bool(b) if b.value => RetryKind::Yes,
            Lit::Bool(_) => RetryKind::No,
            Lit::Str(s) => {
                let name = s.value();
                match RetryKind::STRATEGIES.iter().find(|(n, _)| *n == name) {
                    Some((_, kind)) => *kind,
                    None if name == "true" || name == "false" => {
                        return Err(Error::custom(format!(
                            "`retry` takes a bool without quotes: write `retry = {name}`"
                        )));
                    }
                    None => {
                        let names = RetryKind::STRATEGIES.iter().map(|(n, _)| *n);
                        return Err(Error::custom(match crate::diag::did_you_mean(&name, names) {
                            Some(best) => format!("unknown retry strategy `{name}`; did you mean `{best}`?"),
                            None => format!("unknown retry strategy `{name}`; {RETRY_FORMS}"),
                        }));
                    }
                }
            }
            _ => return Err(Error::custom(RETRY_FORMS)),
        };
        Ok(RetryValue { kind, span })
    }

    fn from_expr(expr: &Expr) -> Result<Self> {
        lit_expr(expr, RETRY_FORMS)
            .and_then(Self::from_value)
            .map_err(|e| e.with_span(expr))
    }
}

/// `retry_after = 60`: a positive whole number of seconds.
pub struct Seconds {
    pub value: u64,
    pub span: Span,
}

const SECONDS_FORMS: &str =
    "`retry_after` takes a positive whole number of seconds, such as `retry_after = 60`";

impl FromMeta for Seconds {
    fn from_value(value: &Lit) -> Result<Self> {
        let Lit::Int(int) = value else {
            return Err(Error::custom(SECONDS_FORMS));
        };
        match int.base10_parse::<u64>() {
            Ok(0) => Err(Error::custom(
                "`retry_after = 0` tells clients not to wait; give a positive number of seconds or remove it",
            )),
            Ok(value) => Ok(Seconds {
                value,
                span: int.span(),
            }),
            Err(_) => Err(Error::custom(SECONDS_FORMS)),
        }
    }

    fn from_expr(expr: &Expr) -> Result<Self> {
        lit_expr(expr, SECONDS_FORMS)
            .and_then(Self::from_value)
            .map_err(|e| e.with_span(expr))
    }
}

/// Unwraps an expression that should be a plain literal.
fn lit_expr<'a>(expr: &'a Expr, forms: &str) -> Result<&'a Lit> {
    match expr {
        Expr::Lit(lit) => Ok(&lit.lit),
        Expr::Group(group) => lit_expr(&group.expr, forms),
        _ => Err(Error::custom(forms)),
    }
}

/// `rename_all = "snake_case"`.
pub struct RenameAll {
    pub style: Style,
}

impl FromMeta for RenameAll {
    fn from_value(value: &Lit) -> Result<Self> {
        let Lit::Str(s) = value else {
            return Err(rename_all_forms());
        };
        let name = s.value();
        match Style::from_name(&name) {
            Some(style) => Ok(RenameAll { style }),
            None => Err(
                match crate::diag::did_you_mean(&name, Style::ALL.iter().map(|s| s.name())) {
                    Some(best) => Error::custom(format!(
                        "unknown `rename_all` style `{name}`; did you mean `{best}`?"
                    )),
                    None => Error::custom(format!(
                        "unknown `rename_all` style `{name}`; {}",
                        forms_of_rename_all()
                    )),
                },
            ),
        }
    }
}

fn forms_of_rename_all() -> String {
    let names: Vec<_> = Style::ALL.iter().map(|s| format!("\"{}\"", s.name())).collect();
    format!("use one of {}", names.join(", "))
}

fn rename_all_forms() -> Error {
    Error::custom(format!("`rename_all` takes a string; {}", forms_of_rename_all()))
}

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

fn is_uri_text(uri: &str) -> bool {
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
struct ResolveParts {
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
