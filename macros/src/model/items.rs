//! The resolved model: defaults applied, codes derived, statuses resolved, each field's
//! visibility decided. Everything after this reads the model, never the attributes.

use proc_macro2::Span;
use syn::{Ident, LitStr, Member};

use crate::attr::{ResolveKeys, RetryKind};
use crate::case::Style;
use crate::detail::Trait;
use crate::http::Status;

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
    /// the name in `.with_code_member("...")`, with the literal to point at.
    pub envelope_members: Vec<LitStr>,
    /// Whether the type renders in RFC 9457 problem details (no `envelope`, or a `Problem`
    /// one): only then do its members share the body with RFC 9457's own.
    pub problem_envelope: bool,
    /// The type answers gRPC (`tonic`) or declares AIP-193's JSON envelope (`GoogleRpc`): its
    /// reasons and metadata keys follow AIP-193.
    pub aip193: bool,
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
    /// `grpc = "..."`: the gRPC code in place of the status's.
    pub grpc: Option<&'static crate::grpc::GrpcCode>,
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
