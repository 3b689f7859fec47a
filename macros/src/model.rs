//! The resolved model: one [`Item`] per variant (or the struct), with defaults applied, the code
//! derived, the status resolved and every per-item rule checked.

use darling::error::Accumulator;
use darling::{Error, FromField};
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Member};

use crate::attr::{self, Flag, Keys, ResolveKeys, RetryKind};
use crate::case::Style;
use crate::detail::{self, Arg, Trait};
use crate::http::{self, Status};

/// Member names every envelope uses for itself (RFC 9457 members, the code and `resolve`).
pub const RESERVED_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance", "code", "resolve"];

/// What the container says about every item.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent container switches, each read by one rule"
)]
pub struct Defaults {
    /// The deriving type's name, as written.
    pub type_name: String,
    pub style: Style,
    pub type_base: Option<String>,
    pub category: Option<String>,
    pub challenge: Option<String>,
    /// The container's `challenge` was given but rejected (and reported).
    pub challenge_rejected: bool,
    /// `strict_codes`: explicit codes must follow the `rename_all` style too.
    pub strict_codes: bool,
    /// `skip_none` on the container: every `Option` member is left out when `None`.
    pub skip_none: bool,
    /// Member names the container's `envelope = ...` writes itself, beyond the reserved ones:
    /// the name in `.code_member("...")`, with the literal to point at.
    pub envelope_members: Vec<LitStr>,
    /// Whether the type renders in RFC 9457 problem details (no `envelope`, or a `Problem`
    /// one): only then do its members share the body with RFC 9457's own.
    pub problem_envelope: bool,
}

/// Whether an `envelope = ...` expression is problem details: a path or call chain that starts
/// at `Problem` (`apierror::Problem::new().code_member("error_code")`).
pub fn is_problem_envelope(expr: &syn::Expr) -> bool {
    let mut current = expr;
    loop {
        match current {
            syn::Expr::MethodCall(call) => current = &call.receiver,
            syn::Expr::Call(call) => current = &call.func,
            syn::Expr::Group(group) => current = &group.expr,
            syn::Expr::Paren(paren) => current = &paren.expr,
            syn::Expr::Path(path) => {
                return path.path.segments.iter().any(|s| s.ident == "Problem");
            }
            _ => return false,
        }
    }
}

/// The member names an `envelope = ...` expression writes itself that the derive can see: the
/// literal argument of each `.code_member("...")` call in it.
pub fn envelope_members(expr: &syn::Expr) -> Vec<LitStr> {
    let mut found = Vec::new();
    let mut current = expr;
    loop {
        match current {
            syn::Expr::MethodCall(call) => {
                if call.method == "code_member"
                    && let [
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(lit),
                            ..
                        }),
                    ] = call.args.iter().collect::<Vec<_>>().as_slice()
                {
                    found.push(lit.clone());
                }
                current = &call.receiver;
            }
            syn::Expr::Group(group) => current = &group.expr,
            syn::Expr::Paren(paren) => current = &paren.expr,
            _ => return found,
        }
    }
}

/// The members RFC 9457 problem details write themselves, which `Problem::code_member` refuses
/// (the runtime's `Problem::MEMBERS`; the derive reports a literal name at the literal, and the
/// runtime's const check catches any other).
const PROBLEM_MEMBERS: [&str; 8] = [
    "type", "title", "status", "detail", "instance", "errors", "resolve", "retry",
];

/// The compile error for `code_member("name")` when problem details already have `name`.
pub fn reserved_code_member(name: &str) -> Option<String> {
    if name.is_empty() {
        Some("the code member cannot be empty: use `Problem::new().without_code()` for no code member".into())
    } else if PROBLEM_MEMBERS.contains(&name) {
        Some(format!(
            "`{name}` is a member problem details already have ({}): choose another name for the code, such as \"error_code\"",
            PROBLEM_MEMBERS.join(", ")
        ))
    } else {
        None
    }
}

/// How a variant is written, for patterns.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// `Self::Variant`
    Variant,
    /// `Self` (a struct)
    Struct,
}

pub struct Item {
    pub ident: Ident,
    pub path: Path,
    pub fields: Vec<FieldModel>,
    pub kind: Kind,
}

pub enum Kind {
    /// Everything comes from the field at this index.
    Transparent(usize),
    Entry(Box<EntryModel>),
}

pub struct EntryModel {
    pub code: String,
    /// Where the code comes from: the `code` literal, or the variant name it was derived from.
    pub code_span: Span,
    pub status: &'static Status,
    pub title: String,
    pub description: Option<String>,
    pub detail: Option<DetailModel>,
    pub retry: RetryKind,
    pub retry_after: Option<u64>,
    pub retry_after_field: Option<usize>,
    pub resolve: Option<ResolveKeys>,
    pub category: Option<String>,
    pub type_uri: Option<String>,
    pub challenge: Option<String>,
    pub allow: Option<String>,
    pub upgrade: Option<String>,
    pub source: Option<usize>,
}

pub struct DetailModel {
    /// As declared, for the catalog.
    pub template: String,
    pub span: Span,
    /// Static text when there are no placeholders.
    pub text: Option<String>,
    /// The string handed to `format_args!`.
    pub format: String,
    /// Each argument name in `format` with the index of the field it reads.
    pub args: Vec<(String, usize, Trait)>,
    /// The literal pieces and the field of each placeholder in order, when a shared helper
    /// writes this detail (see `detail::Parsed::pieces`).
    pub plain: Option<(Vec<String>, Vec<usize>)>,
}

pub struct FieldModel {
    pub member: Member,
    pub ty: syn::Type,
    pub visibility: Visibility,
    pub retry_after: bool,
    /// An `Option` member left out when `None`.
    pub skip_none: bool,
    /// `location = "..."`: the `Location` variant this field's value is.
    pub location: Option<&'static str>,
    pub description: Option<String>,
}

/// Who may see a field.
#[derive(Clone, PartialEq, Eq)]
pub enum Visibility {
    /// The underlying error: for logs only.
    Source,
    /// `#[api(skip)]`: never shown, not even in `detail`.
    Skipped,
    /// A server error's unmarked field.
    Private,
    /// Shown in `detail`, not a body member (`detail_only`, unnamed tuple fields, and a server
    /// error's Retry-After field, whose value the Retry-After header carries anyway).
    DetailOnly,
    /// A body member under this name.
    Member(String),
}

impl FieldModel {
    /// The member name a client sees it under, if it is a body member.
    pub fn exposed(&self) -> Option<&String> {
        match &self.visibility {
            Visibility::Member(name) => Some(name),
            _ => None,
        }
    }
}

impl Item {
    pub fn entry(&self) -> Option<&EntryModel> {
        match &self.kind {
            Kind::Entry(entry) => Some(entry),
            Kind::Transparent(_) => None,
        }
    }
}

/// The doc comment, with lines joined by spaces and paragraphs by a blank line.
pub fn doc_text(attrs: &[syn::Attribute]) -> Option<String> {
    let mut paragraphs: Vec<String> = vec![String::new()];
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        let syn::Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = &nv.value
        else {
            continue;
        };
        let value = s.value();
        // An empty `///` line is `#[doc = ""]`, which has no lines at all: it still ends a
        // paragraph.
        let lines: Vec<&str> = if value.trim().is_empty() {
            vec![""]
        } else {
            value.lines().collect()
        };
        for line in lines {
            let line = line.trim();
            let current = paragraphs.last_mut().expect("never empty");
            if line.is_empty() {
                if !current.is_empty() {
                    paragraphs.push(String::new());
                }
            } else {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line);
            }
        }
    }
    let text = paragraphs
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    (!text.is_empty()).then_some(text)
}

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
fn entry_model(
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

    let retry = keys
        .retry
        .as_ref()
        .map_or_else(|| http::default_retry(status.code), |r| r.kind);
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
    }
}

fn field_model(
    index: usize,
    field: &attr::Field,
    rename: Option<&attr::MemberName>,
    is_server: bool,
    defaults: &Defaults,
    errors: &mut Accumulator,
) -> FieldModel {
    let envelope_members = &defaults.envelope_members;
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(syn::Index {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            span: field.ty.span(),
        }),
    };
    let thiserror_source = field
        .attrs
        .iter()
        .any(|a| a.path().is_ident("source") || a.path().is_ident("from"));
    let named_source = field.ident.as_ref().is_some_and(|i| i == "source");
    let source = field.source.is_present() || thiserror_source || named_source;

    check_field_flags(field, rename, source, errors);
    let detail_only = field.detail_only.is_present();

    let name = match (rename, &field.ident) {
        (Some(rename), _) => Some(rename.lit.value()),
        (None, Some(ident)) => Some(ident.unraw().to_string()),
        (None, None) => None,
    };
    // A server error's fields stay private unless marked; a Retry-After field's value is sent in
    // the Retry-After header anyway, so `detail` may show it.
    let visible = !source
        && !field.skip.is_present()
        && (!is_server || field.expose.is_present() || detail_only || field.retry_after.is_present());
    // The Retry-After header carries a retry-after field's value; it is a body member (in
    // seconds) only when marked `expose`.
    let is_member = !source
        && !field.skip.is_present()
        && !detail_only
        && (!is_server || field.expose.is_present())
        && (!field.retry_after.is_present() || field.expose.is_present());
    if is_member && name.is_none() && field.expose.is_present() {
        errors.push(
            Error::custom(format!(
                "tuple field {index} has no name to be exposed under; add `rename = \"...\"` to make it a body member, or write `detail_only` to show it only in `detail`"
            ))
            .with_span(&field.expose.span()),
        );
    }
    let visibility = match (is_member, name) {
        (true, Some(name)) => Visibility::Member(name),
        _ if source => Visibility::Source,
        _ if field.skip.is_present() => Visibility::Skipped,
        _ if visible => Visibility::DetailOnly,
        _ => Visibility::Private,
    };
    let envelope_member = |name: &str| envelope_members.iter().find(|lit| lit.value() == name);
    if let Visibility::Member(name) = &visibility
        && ((defaults.problem_envelope && RESERVED_MEMBERS.contains(&name.as_str()))
            || envelope_member(name).is_some())
    {
        let message = match envelope_member(name) {
            Some(_) if !RESERVED_MEMBERS.contains(&name.as_str()) => format!(
                "field would be exposed as `{name}`, the member this type's envelope writes the code in (`code_member(\"{name}\")`); rename it with #[api(rename = \"...\")] or hide it with #[api(skip)]"
            ),
            _ => format!(
                "field would be exposed as `{name}`, a member problem details (this type's envelope) already have; rename it with #[api(rename = \"...\")] or hide it with #[api(skip)]"
            ),
        };
        match rename {
            Some(rename) => errors.push(Error::custom(message).with_span(&rename.lit)),
            None => errors.push(Error::custom(message).with_span(&member)),
        }
    }
    let is_option = crate::expand::option_inner(&field.ty).is_some();
    if field.skip_none.is_present() && !is_option {
        errors.push(
            Error::custom(
                "`skip_none` leaves an absent `Option` out of the body, but this field is not an `Option`; remove `skip_none`",
            )
            .with_span(&field.skip_none.span()),
        );
    }
    let skip_none = is_option
        && matches!(visibility, Visibility::Member(_))
        && !field.retry_after.is_present()
        && (field.skip_none.is_present() || defaults.skip_none);
    FieldModel {
        member,
        ty: field.ty.clone(),
        visibility,
        skip_none,
        location: None,
        retry_after: field.retry_after.is_present(),
        description: doc_text(&field.attrs),
    }
}

/// Why a field's `location` would reach no client, when it would not: a location is what the
/// client learns about the field, so it follows the field's visibility (a body member only).
fn hidden_location(field: &attr::Field, visibility: &Visibility) -> Option<String> {
    let why = match visibility {
        Visibility::Member(_) => return None,
        Visibility::Source => "a source error, which clients never see; remove `location`".to_owned(),
        Visibility::Skipped => "a skipped field, which clients never see; remove `skip` or `location`".to_owned(),
        Visibility::Private => "a field of a server error (5xx), which clients may not see; mark it #[api(expose)] to show it and its location, or remove `location`".to_owned(),
        Visibility::DetailOnly if field.detail_only.is_present() => {
            "a `detail_only` field, which is not a body member; remove `detail_only` or `location`".to_owned()
        }
        Visibility::DetailOnly if field.retry_after.is_present() => {
            "a Retry-After field, which the header carries and the body does not; add `expose` or remove `location`".to_owned()
        }
        Visibility::DetailOnly => {
            "a tuple field without a name, which is not a body member; give it one with `rename = \"...\"`".to_owned()
        }
    };
    Some(format!("`location` has no effect on {why}"))
}

/// Field keys that contradict each other or the field's role.
fn check_field_flags(
    field: &attr::Field,
    rename: Option<&attr::MemberName>,
    source: bool,
    errors: &mut Accumulator,
) {
    let conflict = |errors: &mut Accumulator, flag: &Flag, message: &str| {
        errors.push(Error::custom(message).with_span(&flag.span()));
    };
    if field.skip.is_present() && field.expose.is_present() {
        conflict(
            errors,
            &field.expose,
            "`skip` and `expose` contradict each other; keep one",
        );
    }
    if source && field.expose.is_present() {
        conflict(
            errors,
            &field.expose,
            "a source error is never exposed to clients; remove `expose` and expose a safe field instead",
        );
    }
    let detail_only = field.detail_only.is_present();
    if detail_only && (source || field.skip.is_present() || field.expose.is_present()) {
        let other = if source {
            "a source error is never shown to clients"
        } else if field.skip.is_present() {
            "`skip` hides the field from `detail` too"
        } else {
            "`expose` makes the field a body member"
        };
        conflict(
            errors,
            &field.detail_only,
            &format!("`detail_only` shows the field in `detail` and nowhere else, but {other}; keep one"),
        );
    }
    if let Some(rename) = rename
        && (source || field.skip.is_present() || detail_only)
    {
        let why = if source {
            "a source error, which is never exposed"
        } else if detail_only {
            "a `detail_only` field, which is not a body member"
        } else {
            "a skipped field, which is never exposed"
        };
        errors.push(
            Error::custom(format!("`rename` has no effect on {why}; remove it")).with_span(&rename.lit),
        );
    }
}

fn check_exposed_names(fields: &[FieldModel], errors: &mut Accumulator) {
    for (i, field) in fields.iter().enumerate() {
        let Some(name) = field.exposed() else { continue };
        if fields[..i].iter().any(|f| f.exposed() == Some(name)) {
            errors.push(
                Error::custom(format!(
                    "two fields are exposed as `{name}`; give one another name with #[api(rename = \"...\")]"
                ))
                .with_span(&field.member),
            );
        }
    }
}

fn transparent(
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
fn check_walkable(ty: &syn::Type, defaults: &Defaults, errors: &mut Accumulator) {
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
fn check_code(code: &str, span: Span, explicit: bool, defaults: &Defaults, errors: &mut Accumulator) {
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

fn detail_model(
    lit: &LitStr,
    ident: &Ident,
    is_tuple: bool,
    fields: &[FieldModel],
) -> darling::Result<DetailModel> {
    let template = lit.value();
    let parsed = detail::parse(&template).map_err(|message| Error::custom(message).with_span(lit))?;
    let mut args: Vec<(String, usize, Trait)> = Vec::new();
    let mut in_order: Vec<usize> = Vec::new();
    let mut errors = Error::accumulator();
    for placeholder in &parsed.placeholders {
        let (arg_name, found) = match &placeholder.arg {
            Arg::Named(name) => {
                let bare = name.trim_start_matches("r#");
                let found = fields.iter().position(|f| match &f.member {
                    Member::Named(i) => i.unraw() == bare,
                    Member::Unnamed(_) => false,
                });
                if found.is_none() {
                    let names = fields.iter().filter_map(|f| match &f.member {
                        Member::Named(i) => Some(i.unraw().to_string()),
                        Member::Unnamed(_) => None,
                    });
                    let names: Vec<String> = names.collect();
                    let hint = if is_tuple {
                        " (its fields are positional: use `{0}`)".to_owned()
                    } else {
                        crate::diag::did_you_mean(bare, names.iter().map(String::as_str))
                            .map(|best| format!("; did you mean `{{{best}}}`?"))
                            .unwrap_or_default()
                    };
                    errors.push(
                        Error::custom(format!(
                            "`detail` names `{{{name}}}`, but `{ident}` has no field `{bare}`{hint}"
                        ))
                        .with_span(lit),
                    );
                }
                (detail::named_arg(name), found)
            }
            Arg::Index(index) => {
                if !is_tuple && !fields.is_empty() {
                    let example = match &fields[0].member {
                        Member::Named(name) => name.to_string(),
                        Member::Unnamed(_) => "field".to_owned(),
                    };
                    errors.push(
                        Error::custom(format!(
                            "`detail` uses `{{{index}}}`, but `{ident}` has named fields; name one, as in `{{{example}}}`"
                        ))
                        .with_span(lit),
                    );
                    (detail::index_name(*index), None)
                } else if *index >= fields.len() {
                    errors.push(
                        Error::custom(format!(
                            "`detail` uses `{{{index}}}`, but `{ident}` has {} field{}",
                            fields.len(),
                            if fields.len() == 1 { "" } else { "s" }
                        ))
                        .with_span(lit),
                    );
                    (detail::index_name(*index), None)
                } else {
                    (detail::index_name(*index), Some(*index))
                }
            }
        };
        let Some(field_index) = found else { continue };
        in_order.push(field_index);
        let field = &fields[field_index];
        check_shown(&placeholder.arg, &field.visibility, lit, &mut errors);
        if !args
            .iter()
            .any(|(n, _, t)| *n == arg_name && *t == placeholder.fmt_trait)
        {
            args.push((arg_name, field_index, placeholder.fmt_trait));
        }
    }
    let plain = parsed
        .pieces
        .filter(|_| in_order.len() == parsed.placeholders.len())
        .map(|pieces| (pieces, in_order));
    errors.finish_with(DetailModel {
        template,
        span: lit.span(),
        text: parsed.text,
        format: parsed.format,
        args,
        plain,
    })
}

/// A placeholder may not show what clients must not see.
fn check_shown(arg: &Arg, visibility: &Visibility, lit: &LitStr, errors: &mut darling::error::Accumulator) {
    let shown = match arg {
        Arg::Named(name) => format!("{{{name}}}"),
        Arg::Index(index) => format!("{{{index}}}"),
    };
    if *visibility == Visibility::Source {
        errors.push(Error::custom(format!(
                "`detail` would show the source error `{shown}` to clients; log it instead and describe the failure in words"
            )).with_span(lit));
    } else if *visibility == Visibility::Skipped {
        errors.push(Error::custom(format!(
                "`detail` shows `{shown}`, a field marked #[api(skip)] that is never shown to clients; remove `skip` or leave it out of `detail`"
            )).with_span(lit));
    } else if *visibility == Visibility::Private {
        errors.push(Error::custom(format!(
                "`detail` shows `{shown}`, a field of a server error (5xx) that clients may not see; mark it #[api(detail_only)] to show it only in `detail`, or #[api(expose)] to make it a body member too"
            )).with_span(lit));
    }
}

fn check_retry_after(
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

fn check_status_headers(keys: &Keys, status: &Status, given: &[(&str, bool)], errors: &mut Accumulator) {
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
