//! The `detail` template: parsed, each placeholder checked against the field it shows.

use darling::Error;
use syn::ext::IdentExt as _;
use syn::{Ident, LitStr, Member};

use super::items::DetailModel;
use super::items::FieldModel;
use super::items::Visibility;
use crate::detail::{self, Arg, Trait};

pub(crate) fn detail_model(
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
pub(crate) fn check_shown(
    arg: &Arg,
    visibility: &Visibility,
    lit: &LitStr,
    errors: &mut darling::error::Accumulator,
) {
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
