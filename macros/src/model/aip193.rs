//! AIP-193's rules for a type that answers gRPC or declares the `GoogleRpc` envelope: the
//! reason (the code in `UPPER_SNAKE_CASE`) and every `ErrorInfo.metadata` key (each exposed
//! member, and each field the message reads, in lowerCamelCase).

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::spanned::Spanned;

use super::items::{DetailModel, FieldModel, Visibility};
use crate::grpc::{key_problem, metadata_key, reason_problem};
use crate::http::Status;

pub(crate) fn check(
    code: &str,
    code_span: Span,
    status: &Status,
    fields: &[FieldModel],
    detail: Option<&DetailModel>,
    errors: &mut Accumulator,
) {
    if let Some(why) = reason_problem(&reason(code)) {
        errors.push(Error::custom(why).with_span(&code_span));
    }
    let mut checked: Vec<usize> = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        if let Some(name) = field.exposed() {
            checked.push(index);
            if let Some(why) = key_problem(name, &metadata_key(name)) {
                errors.push(Error::custom(why).with_span(&field.member.span()));
            }
        }
    }
    // A client error's message is shown, so the fields it reads are metadata too (a server
    // error's message is hidden, and so are they).
    if status.code >= 500 {
        return;
    }
    for (_, index, _) in detail.map_or(&[][..], |d| d.args.as_slice()) {
        let Some(field) = fields.get(*index) else { continue };
        if checked.contains(index) || field.visibility != Visibility::DetailOnly {
            continue;
        }
        checked.push(*index);
        let name = match &field.member {
            syn::Member::Named(ident) => ident.to_string(),
            syn::Member::Unnamed(index) => index.index.to_string(),
        };
        let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
        if let Some(why) = key_problem(&name, &metadata_key(&name)) {
            errors.push(Error::custom(why).with_span(&field.member.span()));
        }
    }
}

/// The runtime's `GoogleRpc::reason`: the code in `UPPER_SNAKE_CASE`, word breaks at `_`, `-`,
/// `.`, spaces and a lower-case letter or digit before an upper-case one.
fn reason(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 4);
    let mut previous: Option<char> = None;
    for c in code.chars() {
        if matches!(c, '_' | '-' | '.' | ' ') {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous = None;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            continue;
        }
        if c.is_ascii_uppercase()
            && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            && !out.ends_with('_')
        {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
        previous = Some(c);
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}
