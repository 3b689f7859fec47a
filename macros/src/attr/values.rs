//! Values whose checks need only the value itself: location kinds, the envelope expression,
//! statuses, retry guidance, seconds and `rename_all`.

use darling::{Error, FromMeta, Result};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Lit};

use crate::case::Style;
use crate::http::{self, Status};
use crate::retry::RetryKind;

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

pub(crate) const STATUS_FORMS: &str = "`status` takes an integer such as `status = 404` or an `http::StatusCode` constant name such as `status = NOT_FOUND` or `status = \"NOT_FOUND\"`";

pub(crate) fn not_a_status(code: impl std::fmt::Display) -> Error {
    Error::custom(format!(
        "status {code} is not a valid HTTP status code; use a registered 4xx or 5xx code such as 400 or 500"
    ))
}

pub(crate) fn status_by_code(code: u32) -> Result<&'static Status> {
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

pub(crate) fn unknown_status_name(name: &str) -> Error {
    match crate::diag::did_you_mean(name, http::names()) {
        Some(best) => Error::custom(format!("unknown status name `{name}`; did you mean `{best}`?")),
        None => Error::custom(format!(
            "unknown status name `{name}`; write an integer such as `status = 404` or an `http::StatusCode` constant name such as `status = \"NOT_FOUND\"`"
        )),
    }
}

pub(crate) const RETRY_FORMS: &str = "`retry` takes `true`, `false`, or one of \"no\", \"yes\", \"backoff\", \"after_delay\", \"after_reauth\", \"later\", \"new_key\"";

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

pub(crate) const SECONDS_FORMS: &str =
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
pub(crate) fn lit_expr<'a>(expr: &'a Expr, forms: &str) -> Result<&'a Lit> {
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

pub(crate) fn forms_of_rename_all() -> String {
    let names: Vec<_> = Style::ALL.iter().map(|s| format!("\"{}\"", s.name())).collect();
    format!("use one of {}", names.join(", "))
}

pub(crate) fn rename_all_forms() -> Error {
    Error::custom(format!("`rename_all` takes a string; {}", forms_of_rename_all()))
}

/// `grpc = "ALREADY_EXISTS"`: a `google.rpc.Code` name for the variant's gRPC status, in place
/// of the one its HTTP status maps to.
pub struct GrpcValue {
    pub code: &'static crate::grpc::GrpcCode,
    pub span: Span,
}

impl FromMeta for GrpcValue {
    fn from_value(value: &Lit) -> Result<Self> {
        let forms = || {
            format!(
                "`grpc` takes a `google.rpc.Code` name in quotes: one of {}",
                crate::grpc::error_names()
            )
        };
        let Lit::Str(lit) = value else {
            return Err(Error::custom(forms()));
        };
        let name = lit.value();
        if let Some(code) = crate::grpc::find(&name) {
            return Ok(GrpcValue {
                code,
                span: lit.span(),
            });
        }
        let upper = crate::case::Style::ScreamingSnake.apply(&name);
        let names = crate::grpc::CODES.iter().map(|c| c.name);
        let message = match crate::grpc::find(&upper)
            .map(|c| c.name)
            .or_else(|| crate::diag::did_you_mean(&upper, names))
        {
            Some(best) => format!("unknown gRPC code `{name}`; did you mean `{best}`?"),
            None => format!("unknown gRPC code `{name}`; {}", forms()),
        };
        Err(Error::custom(message).with_span(lit))
    }

    fn from_expr(expr: &Expr) -> Result<Self> {
        lit_expr(
            expr,
            "`grpc` takes a `google.rpc.Code` name in quotes, such as `grpc = \"ALREADY_EXISTS\"`",
        )
        .and_then(Self::from_value)
        .map_err(|e| e.with_span(expr))
    }
}
