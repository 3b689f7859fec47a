//! From the attributes to the model: one item per variant (or the struct), its entry and
//! its checks.

use darling::error::Accumulator;
use darling::{Error, FromField};
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Member};

use super::detail::detail_model;
use super::fields::check_exposed_names;
use super::fields::field_model;
use super::fields::hidden_location;
use super::items::Defaults;
use super::items::EntryModel;
use super::items::FieldModel;
use super::items::Item;
use super::items::Kind;
use super::items::Path;
use super::items::Visibility;
use super::items::doc_text;
use crate::attr::{self, Keys, RetryKind};
use crate::http::{self, Status};

/// One variant (or the struct) as written: its name, docs, fields and keys.
pub struct Source<'a> {
    pub ident: &'a Ident,
    pub path: Path,
    pub attrs: &'a [syn::Attribute],
    pub fields: Vec<attr::Field>,
    pub keys: Keys,
}

/// Parses the fields of a struct (variants' fields are parsed by darling with the variant).
pub fn parse_fields(fields: &syn::Fields, errors: &mut Accumulator) -> Option<Vec<attr::Field>> {
    let parsed: Vec<_> = fields
        .iter()
        .map(|f| errors.handle(attr::Field::from_field(f)))
        .collect();
    parsed.into_iter().collect()
}

/// Resolves one item, reporting every rule it breaks into `errors` (each spanned on the
/// offending token). `None` when the item has no status to build an entry from.
pub fn build(src: Source<'_>, defaults: &Defaults, errors: &mut Accumulator) -> Option<Item> {
    let Source {
        ident,
        path,
        attrs,
        fields,
        keys,
    } = src;
    let status = keys.status.as_ref().map(|s| s.status);
    let is_server = status.is_some_and(|s| s.code >= 500);
    let transparent_keys: Vec<(&'static str, Span)> = if keys.transparent.is_present() {
        fields.iter().flat_map(attr::Field::given).collect()
    } else {
        Vec::new()
    };
    let field_count = fields.len();
    if field_count > 1 {
        for attr in fields
            .iter()
            .flat_map(|f| &f.attrs)
            .filter(|a| a.path().is_ident("from"))
        {
            errors.push(
                Error::custom(format!(
                    "`#[from]` makes `From<Inner>` build this variant from the inner error alone, but `{ident}` has {field_count} fields; mark the field `#[source]` instead, or keep it as the variant's only field"
                ))
                .with_span(attr.path()),
            );
        }
    }
    let mut location_given = false;
    let fields: Vec<FieldModel> = fields
        .into_iter()
        .enumerate()
        .map(|(index, mut field)| {
            let rename = field.rename.take().and_then(|r| r.accept(errors));
            let location = field.location.take().and_then(|l| l.accept(errors));
            let mut model = field_model(index, &field, rename.as_ref(), is_server, defaults, errors);
            if let Some(location) = location {
                if location_given {
                    errors.push(
                        Error::custom(
                            "two fields give the error's `location`; keep it on the one field that names what in the request caused the error",
                        )
                        .with_span(&location.span),
                    );
                } else if let Some(why) = hidden_location(&field, &model.visibility) {
                    errors.push(Error::custom(why).with_span(&location.span));
                } else {
                    model.location = Some(location.kind);
                }
                location_given = true;
            }
            model
        })
        .collect();
    for (key, span) in transparent_keys {
        errors.push(
            Error::custom(format!(
                "`{key}` has no effect on the field of a transparent variant, which takes everything from the inner error; remove `{key}`"
            ))
            .with_span(&span),
        );
    }
    check_exposed_names(&fields, errors);

    if keys.transparent.is_present() {
        let kind = transparent(ident, &keys, &fields, defaults, errors);
        return Some(Item {
            ident: ident.clone(),
            path,
            fields,
            kind,
        });
    }

    let Some(status_value) = &keys.status else {
        if keys.rejected.contains(&"status") {
            // Its error is reported already; without a status nothing else can be checked.
            return None;
        }
        errors.push(
            Error::custom(format!(
                "missing `status` in #[api(...)] on `{ident}`; add one such as `status = 400` or `status = \"BAD_REQUEST\"`"
            ))
            .with_span(ident),
        );
        return None;
    };
    let status = status_value.status;
    let mut entry = entry_model(ident, keys, status, &fields, defaults, errors);
    entry.description = doc_text(attrs);
    Some(Item {
        ident: ident.clone(),
        path,
        fields,
        kind: Kind::Entry(Box::new(entry)),
    })
}

/// The catalog entry of a non-transparent item: code, title, detail, retry, headers, type URI.
pub(crate) fn entry_model(
    ident: &Ident,
    keys: Keys,
    status: &'static Status,
    fields: &[FieldModel],
    defaults: &Defaults,
    errors: &mut Accumulator,
) -> EntryModel {
    let is_tuple = fields
        .first()
        .is_some_and(|f| matches!(f.member, Member::Unnamed(_)));

    let (code, code_span) = match &keys.code {
        Some(lit) => (lit.value(), lit.span()),
        None => (defaults.style.apply(&ident.unraw().to_string()), ident.span()),
    };
    check_code(&code, code_span, keys.code.is_some(), defaults, errors);
    let grpc =
        keys.grpc.as_ref().and_then(
            |value| match crate::grpc::contradiction(value.code, status.code) {
                Some(why) => {
                    errors.push(Error::custom(why).with_span(&value.span));
                    None
                }
                None => Some(value.code),
            },
        );

    let title = match &keys.title {
        Some(lit) if lit.value().trim().is_empty() => {
            errors.push(
                Error::custom(
                    "`title` is empty; give a short summary or remove it to use the status reason phrase",
                )
                .with_span(lit),
            );
            String::new()
        }
        Some(lit) => lit.value(),
        None => status.phrase.to_owned(),
    };

    let detail = keys
        .detail
        .as_ref()
        .and_then(|lit| errors.handle(detail_model(lit, ident, is_tuple, fields)));
    if defaults.aip193 {
        super::aip193::check(&code, code_span, status, fields, detail.as_ref(), errors);
    }

    let retry = keys
        .retry
        .as_ref()
        .map_or_else(|| crate::retry::default_retry(status.code), |r| r.kind);
    let retry_after_fields: Vec<usize> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.retry_after)
        .map(|(i, _)| i)
        .collect();
    if !keys.rejected.contains(&"retry") {
        check_retry_after(&keys, retry, status, fields, &retry_after_fields, errors);
    }

    let source = fields.iter().position(|f| f.visibility == Visibility::Source);
    let challenge = keys
        .challenge
        .as_ref()
        .map(|c| c.lit.value())
        .or_else(|| (status.code == 401).then(|| defaults.challenge.clone()).flatten());
    let allow = keys.allow.as_ref().map(|a| a.lit.value());
    let upgrade = keys.upgrade.as_ref().map(|u| u.lit.value());
    // A header value that was rejected is reported already, not again as missing.
    let given = [
        (
            "challenge",
            challenge.is_some() || keys.rejected.contains(&"challenge") || defaults.challenge_rejected,
        ),
        ("allow", allow.is_some() || keys.rejected.contains(&"allow")),
        ("upgrade", upgrade.is_some() || keys.rejected.contains(&"upgrade")),
    ];
    check_status_headers(&keys, status, &given, errors);

    let type_uri = match (&keys.type_uri, &defaults.type_base) {
        (Some(uri), _) => Some(uri.lit.value()),
        (None, Some(base)) => Some(format!("{base}{code}")),
        (None, None) => None,
    };
    let category = keys
        .category
        .as_ref()
        .map(LitStr::value)
        .or_else(|| defaults.category.clone());

    EntryModel {
        code,
        code_span,
        status,
        title,
        description: None,
        detail,
        retry,
        retry_after: keys.retry_after.as_ref().map(|s| s.value),
        retry_after_field: retry_after_fields.first().copied(),
        resolve: keys.resolve,
        category,
        type_uri,
        challenge,
        allow,
        upgrade,
        source,
        grpc,
    }
}

pub(crate) fn transparent(
    ident: &Ident,
    keys: &Keys,
    fields: &[FieldModel],
    defaults: &Defaults,
    errors: &mut Accumulator,
) -> Kind {
    let span = keys.transparent.span();
    if fields.len() != 1 {
        errors.push(
            Error::custom(format!(
                "`transparent` takes everything from a single inner error, but `{ident}` has {} fields; wrap exactly one field that implements `ApiError`",
                fields.len()
            ))
            .with_span(&span),
        );
    }
    for (key, key_span) in keys.given() {
        if key != "transparent" {
            errors.push(
                Error::custom(format!(
                    "`{key}` cannot be combined with `transparent`, which takes everything from the inner error; remove `{key}`"
                ))
                .with_span(&key_span),
            );
        }
    }
    if let Some(field) = fields.first() {
        check_walkable(&field.ty, defaults, errors);
    }
    Kind::Transparent(0)
}

/// A transparent variant's type must have a catalog the derive can walk at compile time: not a
/// trait object (its codes are unknown), not the type itself (its tree would be endless).
pub(crate) fn check_walkable(ty: &syn::Type, defaults: &Defaults, errors: &mut Accumulator) {
    fn find(tokens: proc_macro2::TokenStream, own: &str) -> Option<(&'static str, Span)> {
        let mut qualified = false;
        for token in tokens {
            let after_path_separator = qualified;
            qualified = matches!(&token, proc_macro2::TokenTree::Punct(p) if p.as_char() == ':');
            match token {
                proc_macro2::TokenTree::Ident(ident) if ident == "dyn" => return Some(("dyn", ident.span())),
                // `Self`, or the type's own name unqualified (`db::Error` is another `Error`).
                proc_macro2::TokenTree::Ident(ident)
                    if ident == "Self" || (ident == own && !after_path_separator) =>
                {
                    return Some(("self", ident.span()));
                }
                proc_macro2::TokenTree::Group(group) => {
                    if let Some(found) = find(group.stream(), own) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        None
    }
    use quote::ToTokens as _;
    match find(ty.to_token_stream(), &defaults.type_name) {
        Some(("dyn", span)) => errors.push(
            Error::custom(
                "a transparent variant over a trait object hides its codes from the catalog, the docs and the lock; wrap each concrete error type in a transparent variant of its own",
            )
            .with_span(&span),
        ),
        Some((_, span)) => errors.push(
            Error::custom(
                "a transparent variant cannot wrap the type itself: its catalog would contain itself without end; wrap another error type",
            )
            .with_span(&span),
        ),
        None => {}
    }
}

/// A derived code follows the `rename_all` style by construction and is checked for what that
/// cannot guarantee; an explicit code is taken as written (any letters, digits, `_`, `-` and
/// `.`), as serde's `rename` is, unless the container asks for `strict_codes`.
pub(crate) fn check_code(
    code: &str,
    span: Span,
    explicit: bool,
    defaults: &Defaults,
    errors: &mut Accumulator,
) {
    let style = defaults.style;
    let fix = if explicit {
        "change `code`".to_owned()
    } else {
        "set `code = \"...\"` on the variant".to_owned()
    };
    let what = if explicit { "code" } else { "derived code" };
    let plural = if code.len() == 1 { "" } else { "s" };
    let odd = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')));
    if !code.starts_with(|c: char| c.is_ascii_alphabetic()) {
        errors.push(
            Error::custom(format!("{what} `{code}` does not start with a letter; {fix}")).with_span(&span),
        );
    } else if code.len() < 3 || code.len() > 63 {
        errors.push(
            Error::custom(format!(
                "{what} `{code}` has {} character{plural}; a code has 3 to 63, so {fix}",
                code.len()
            ))
            .with_span(&span),
        );
    } else if let Some(c) = odd.filter(|_| explicit && !defaults.strict_codes) {
        errors.push(
            Error::custom(format!(
                "code `{code}` holds `{c}`; a code is ASCII letters, digits, `_`, `-` and `.`, so {fix}"
            ))
            .with_span(&span),
        );
    } else if (!explicit || defaults.strict_codes) && !style.is_followed_by(code) {
        let why = if explicit {
            "the style `strict_codes` holds every code to"
        } else {
            "the style #[api(rename_all)] sets for every code"
        };
        errors.push(
            Error::custom(format!(
                "code `{code}` is not {}, {why}; write `{}`",
                style.name(),
                style.apply(code)
            ))
            .with_span(&span),
        );
    }
}

pub(crate) fn check_retry_after(
    keys: &Keys,
    retry: RetryKind,
    status: &Status,
    fields: &[FieldModel],
    retry_after_fields: &[usize],
    errors: &mut Accumulator,
) {
    let mut spans: Vec<Span> = keys.retry_after.iter().map(|s| s.span).collect();
    spans.extend(retry_after_fields.iter().map(|i| fields[*i].member.span()));
    if spans.len() > 1 {
        errors.push(
            Error::custom("the Retry-After delay is given twice; keep either `retry_after = N` or one #[api(retry_after)] field")
                .with_span(&spans[1]),
        );
    }
    if retry == RetryKind::No
        && let Some(span) = spans.first()
    {
        let why = match &keys.retry {
            Some(_) => "`retry = false` tells clients not to retry".to_owned(),
            None => format!("status {} implies `retry = false`", status.code),
        };
        errors.push(
            Error::custom(format!(
                "`retry_after` has no use here: {why}; set a retry strategy such as `retry = \"after_delay\"` or remove `retry_after`"
            ))
            .with_span(span),
        );
    }
}

pub(crate) fn check_status_headers(
    keys: &Keys,
    status: &Status,
    given: &[(&str, bool)],
    errors: &mut Accumulator,
) {
    let status_span = keys.status.as_ref().map_or_else(Span::call_site, |s| s.span);
    let is_given = |key: &str| given.iter().any(|(k, present)| *k == key && *present);
    for rule in http::REQUIRED_HEADERS.iter().filter(|r| r.status == status.code) {
        if !is_given(rule.key) {
            errors.push(
                Error::custom(format!("status {} requires {}", status.code, rule.missing))
                    .with_span(&status_span),
            );
        }
    }
    let declared = [
        ("challenge", keys.challenge.as_ref().map(|c| c.lit.span())),
        ("allow", keys.allow.as_ref().map(|a| a.lit.span())),
        ("upgrade", keys.upgrade.as_ref().map(|u| u.lit.span())),
    ];
    for (key, span) in declared {
        let Some(span) = span else { continue };
        let rules: Vec<&http::RequiredHeader> =
            http::REQUIRED_HEADERS.iter().filter(|r| r.key == key).collect();
        if rules.iter().any(|r| r.status == status.code) {
            continue;
        }
        let sets: Vec<String> = rules
            .iter()
            .map(|r| format!("{} on {}", r.header, r.status))
            .collect();
        let only = if rules.len() == 1 {
            format!(
                "the {} header, which only {} responses carry",
                rules[0].header, rules[0].status
            )
        } else {
            sets.join(" and ")
        };
        errors.push(
            Error::custom(format!(
                "`{key}` sets {only}, but this status is {}; remove `{key}`",
                status.code
            ))
            .with_span(&span),
        );
    }
}
