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
/// `#[api(...)]` key and the fix. darling appends ` at key/path` to say where; the span already
/// shows that, so the path is used to name the key and then dropped. Messages we wrote pass
/// through unchanged.
fn restyle(message: &str) -> String {
    let (message, key) = split_location(message);
    let key = key.unwrap_or("value");
    if let Some(rest) = message.strip_prefix("Unknown field: `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        if let Some(best) = tail
            .strip_prefix(". Did you mean `")
            .and_then(|t| t.strip_suffix("`?"))
        {
            return format!("unknown key `{name}` in #[api(...)]; did you mean `{best}`?");
        }
        if let Some(list) = tail.strip_prefix(". Available values: ") {
            return format!("unknown key `{name}` in #[api(...)]; expected one of {list}");
        }
        // Often a thiserror habit: `detail = "{}", name = expr`.
        return format!(
            "unknown key `{name}` in #[api(...)]; if it is a format argument of `detail`, name a field in the string instead, as `{{field}}` (a computed value needs a field of its own)"
        );
    }
    if let Some(rest) = message.strip_prefix("Duplicate field `") {
        let name = rest.trim_end_matches('`');
        return format!("`{name}` is given twice in #[api(...)]; keep one");
    }
    if message.starts_with("Unexpected type `") || message.starts_with("Unexpected literal type `") {
        if FLAGS.contains(&key) {
            return format!("`{key}` is a flag: write `{key}` alone, with no value");
        }
        return format!("`{key}` takes a string: write `{key} = \"...\"`");
    }
    if let Some(rest) = message.strip_prefix("Unexpected meta-item format `") {
        return match rest.trim_end_matches('`') {
            "word" | "path" => format!("`{key}` needs a value: write `{key} = \"...\"`"),
            "list" => format!("`{key}` takes a value, not a list: write `{key} = \"...\"`"),
            _ => format!("`{key}` is a flag: write `{key}` alone, with no value"),
        };
    }
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && !message.chars().nth(1).is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => message.to_owned(),
    }
}

/// The keys written alone. (`retry_after` is a flag on fields; on variants it takes seconds and
/// reports its own errors.)
const FLAGS: &[&str] = &["skip", "expose", "source", "retry_after", "transparent"];

/// Splits darling's ` at a/b` suffix off a message, returning the last key of the path.
fn split_location(message: &str) -> (&str, Option<&str>) {
    match message.rfind(" at ") {
        Some(at)
            if message[at + 4..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/') =>
        {
            let path = &message[at + 4..];
            (&message[..at], path.rsplit('/').next())
        }
        _ => (message, None),
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

    /// `restyle` matches darling's English messages: these are darling's own errors, built by
    /// darling, so an upgrade that rewords one fails here instead of passing it through unstyled.
    #[test]
    fn darling_messages_as_darling_words_them() {
        use darling::Error;

        let unknown = Error::unknown_field_with_alts("stauts", &["status", "code"]).at("stauts");
        assert_eq!(
            restyle(&unknown.to_string()),
            "unknown key `stauts` in #[api(...)]; did you mean `status`?"
        );
        assert_eq!(
            restyle(&Error::duplicate_field("status").to_string()),
            "`status` is given twice in #[api(...)]; keep one"
        );
        assert_eq!(
            restyle(&Error::unexpected_type("int").at("title").to_string()),
            "`title` takes a string: write `title = \"...\"`"
        );
        assert_eq!(
            restyle(
                &Error::unexpected_lit_type(&syn::parse_quote!(5))
                    .at("title")
                    .to_string()
            ),
            "`title` takes a string: write `title = \"...\"`"
        );
        assert_eq!(
            restyle(&Error::unsupported_format("name-value").at("skip").to_string()),
            "`skip` is a flag: write `skip` alone, with no value"
        );
        assert_eq!(
            restyle(&Error::unsupported_format("word").at("title").to_string()),
            "`title` needs a value: write `title = \"...\"`"
        );
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
            restyle("Unexpected type `int` at title"),
            "`title` takes a string: write `title = \"...\"`"
        );
        assert_eq!(
            restyle("Unexpected meta-item format `name-value` at skip"),
            "`skip` is a flag: write `skip` alone, with no value"
        );
        assert_eq!(
            restyle("Unexpected type `bool` at skip"),
            "`skip` is a flag: write `skip` alone, with no value"
        );
        assert_eq!(
            restyle("status 200 is not an error status"),
            "status 200 is not an error status"
        );
    }
}
