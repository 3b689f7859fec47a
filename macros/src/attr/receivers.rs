//! The darling receivers for `#[api(...)]` on the container, each variant and each field,
//! and the keys the container and variants share.

use darling::error::Accumulator;
use darling::{FromDeriveInput, FromField, FromMeta, FromVariant};
use proc_macro2::Span;
use syn::{Ident, LitStr, Path};

use super::flag::Flag;
use super::flag::Lenient;
use super::flag::take;
use super::resolve::ResolveKeys;
use super::text::AbsoluteUri;
use super::text::AllowValue;
use super::text::HeaderText;
use super::text::MemberName;
use super::text::UpgradeValue;
use super::values::EnvelopeExpr;
use super::values::GrpcValue;
use super::values::LocationKind;
use super::values::RenameAll;
use super::values::RetryValue;
use super::values::Seconds;
use super::values::StatusValue;

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
    pub aide: Flag,
    /// `From<E> for tonic::Status` (needs `tonic-0_14`); also turns on AIP-193's rules.
    pub tonic: Flag,
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
    grpc: Option<Lenient<GrpcValue>>,
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
            grpc: take("grpc", self.grpc, errors, r),
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
    pub grpc: Option<GrpcValue>,
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
        push("grpc", self.grpc.as_ref().map(|g| g.span));
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
