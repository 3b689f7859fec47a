//! A field's type as written: what it is (`Option`, `Violations`) and how the catalog prints it.

use quote::ToTokens;

/// Whether `ty` is written `Violations` (any path ending in it): the field holds the variant's
/// validation errors.
pub(crate) fn is_violations(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|s| s.ident == "Violations" && s.arguments.is_empty()))
}

/// `T` when `ty` is written `Option<T>` (or `std::option::Option<T>`, `core::option::Option<T>`).
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// A type as the user wrote it, for the catalog (`Vec<String>`, `&'static str`): a token stream
/// prints `Vec < String >`, so keep a space only between two words, then space `,` `;` `+`.
pub(crate) fn type_text(ty: &syn::Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let chars: Vec<char> = raw.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let mut out = String::with_capacity(raw.len());
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' {
            let before = out.chars().last();
            if word(before.as_ref()) && word(chars.get(i + 1)) {
                out.push(' ');
            }
            continue;
        }
        match c {
            ',' | ';' => {
                out.push(*c);
                out.push(' ');
            }
            '+' => out.push_str(" + "),
            _ => out.push(*c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::type_text;

    #[test]
    fn types_as_written() {
        let cases = [
            ("String", "String"),
            ("Vec<String>", "Vec<String>"),
            ("Option<u32>", "Option<u32>"),
            (
                "std::collections::HashMap<String, u64>",
                "std::collections::HashMap<String, u64>",
            ),
            ("&'static str", "&'static str"),
            ("[u8; 4]", "[u8; 4]"),
            ("(u32, String)", "(u32, String)"),
        ];
        for (written, expected) in cases {
            let ty: syn::Type = syn::parse_str(written).unwrap();
            assert_eq!(type_text(&ty), expected, "{written}");
        }
    }
}
