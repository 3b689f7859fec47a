//! Each field's model: its member name, its visibility and the checks on its keys.

use darling::Error;
use darling::error::Accumulator;
use syn::Member;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

use super::items::Defaults;
use super::items::FieldModel;
use super::items::RESERVED_MEMBERS;
use super::items::Visibility;
use super::items::doc_text;
use crate::attr::{self, Flag};

pub(crate) fn field_model(
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
                "field would be exposed as `{name}`, the member this type's envelope writes the code in (`with_code_member(\"{name}\")`); rename it with #[api(rename = \"...\")] or hide it with #[api(skip)]"
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
    let is_option = crate::types::option_inner(&field.ty).is_some();
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
pub(crate) fn hidden_location(field: &attr::Field, visibility: &Visibility) -> Option<String> {
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
pub(crate) fn check_field_flags(
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

pub(crate) fn check_exposed_names(fields: &[FieldModel], errors: &mut Accumulator) {
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
