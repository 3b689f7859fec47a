//! Diagnostics: did-you-mean suggestions, and the conversion of darling's errors into compile
//! errors in our style (lower-case, naming the attribute and the fix).

use darling::Error;
use proc_macro2::TokenStream;

/// The closest candidate, when it is close enough to be what the user meant.
pub fn did_you_mean<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Every error as a `compile_error!`, each on its own span.
pub fn to_compile_errors(errors: Error) -> TokenStream {
    errors
        .flatten()
        .into_iter()
        .map(|error| {
            let span = error.span();
            syn::Error::new(span, restyle(&error.to_string())).to_compile_error()
        })
        .collect()
}

/// darling's own messages are capitalized and name "fields"; ours are lower-case and name the
/// `#[api(...)]` key and the fix. Messages we wrote pass through unchanged (minus darling's
/// ` at path` location suffix, which the span already shows).
fn restyle(message: &str) -> String {
    let message = strip_location(message);
    if let Some(rest) = message.strip_prefix("Unknown field: `") {
        let (key, tail) = rest.split_once('`').unwrap_or((rest, ""));
        if let Some(best) = tail
            .strip_prefix(". Did you mean `")
            .and_then(|t| t.strip_suffix("`?"))
        {
            return format!("unknown key `{key}` in #[api(...)]; did you mean `{best}`?");
        }
        if let Some(list) = tail.strip_prefix(". Available values: ") {
            return format!("unknown key `{key}` in #[api(...)]; expected one of {list}");
        }
        return format!("unknown key `{key}` in #[api(...)]");
    }
    if let Some(rest) = message.strip_prefix("Duplicate field `") {
        let key = rest.trim_end_matches('`');
        return format!("`{key}` is given twice in #[api(...)]; keep one");
    }
    if let Some(rest) = message.strip_prefix("Unexpected literal type `") {
        let found = rest.trim_end_matches('`');
        return format!("expected a string literal in #[api(...)], found {found}; write `key = \"...\"`");
    }
    if message.starts_with("Unexpected meta-item format `") {
        return "unexpected form in #[api(...)]: a flag is written alone (`skip`), a value as `key = \"...\"`, a group as `resolve(...)`".to_owned();
    }
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && chars.next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars_after_first(message)).collect()
        }
        _ => message.to_owned(),
    }
}

fn chars_after_first(message: &str) -> std::str::Chars<'_> {
    let mut chars = message.chars();
    chars.next();
    chars
}

/// darling appends ` at a/b` (the key path) to messages; the span shows where, so drop it.
fn strip_location(message: &str) -> &str {
    match message.rfind(" at ") {
        Some(at)
            if message[at + 4..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/') =>
        {
            &message[..at]
        }
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::{did_you_mean, restyle};

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("stauts", ["status", "code", "title"]),
            Some("status")
        );
        assert_eq!(
            did_you_mean("PAYMENT_REQURED", ["PAYMENT_REQUIRED", "FORBIDDEN"]),
            Some("PAYMENT_REQUIRED")
        );
        assert_eq!(did_you_mean("xyz", ["status", "code"]), None);
    }

    #[test]
    fn darling_messages_in_our_style() {
        assert_eq!(
            restyle("Unknown field: `stauts`. Did you mean `status`? at stauts"),
            "unknown key `stauts` in #[api(...)]; did you mean `status`?"
        );
        assert_eq!(
            restyle("Duplicate field `status`"),
            "`status` is given twice in #[api(...)]; keep one"
        );
        assert_eq!(restyle("Some message at resolve/url"), "some message");
        assert_eq!(
            restyle("status 200 is not an error status"),
            "status 200 is not an error status"
        );
    }
}
