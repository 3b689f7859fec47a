//! The `detail` format string: which fields it names, and the string handed to `format_args!`.

/// A field reference in a `detail` string.
#[derive(Debug, PartialEq, Eq)]
pub enum Arg {
    Named(String),
    Index(usize),
}

/// The formatting trait a placeholder uses, for inferring bounds on generic fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trait {
    Display,
    Debug,
    /// `x`, `X`, `o`, `b`, `e`, `E`, `p`: no bound is inferred.
    Other,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Placeholder {
    pub arg: Arg,
    pub fmt_trait: Trait,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub placeholders: Vec<Placeholder>,
    /// The format string with `{0}` rewritten to `{_0}` and `{name}` to `{_name}`, so every
    /// argument is passed by a name the derive chooses.
    pub format: String,
    /// The text itself, when there are no placeholders (`{{` and `}}` unescaped).
    pub text: Option<String>,
    /// The literal text around the placeholders (unescaped; one more than placeholders), when
    /// there are one to four, each a plain `{field}` (Display, no format spec): such a detail is
    /// written by a shared helper instead of a `format_args!` of its own.
    pub pieces: Option<Vec<String>>,
}

/// The positional argument name that `{N}` is rewritten to.
pub fn index_name(index: usize) -> String {
    format!("_{index}")
}

/// The argument name that `{name}` is rewritten to: `_` and the name without `r#`, so that raw
/// identifiers and keywords (`{r#match}`) become names `format_args!` accepts. It never equals an
/// [`index_name`], since an identifier does not start with a digit.
pub fn named_arg(name: &str) -> String {
    format!("_{}", name.strip_prefix("r#").unwrap_or(name))
}

fn arg_name(arg: &Arg) -> String {
    match arg {
        Arg::Named(name) => named_arg(name),
        Arg::Index(index) => index_name(*index),
    }
}

/// Parses a `detail` string.
///
/// # Errors
/// A message when the string is not a format string this derive accepts.
pub fn parse(input: &str) -> Result<Parsed, String> {
    let mut placeholders = Vec::new();
    let mut format = String::with_capacity(input.len() + 4);
    let mut text = String::with_capacity(input.len());
    let mut pieces = vec![String::new()];
    let mut plain = true;
    let mut rest = input;
    while let Some(pos) = rest.find(['{', '}']) {
        format.push_str(&rest[..pos]);
        text.push_str(&rest[..pos]);
        let brace = &rest[pos..];
        if let Some(piece) = pieces.last_mut() {
            piece.push_str(&rest[..pos]);
        }
        if brace.starts_with("{{") || brace.starts_with("}}") {
            format.push_str(&brace[..2]);
            text.push_str(&brace[..1]);
            if let Some(piece) = pieces.last_mut() {
                piece.push_str(&brace[..1]);
            }
            rest = &brace[2..];
            continue;
        }
        if brace.starts_with('}') {
            return Err("unmatched `}` in `detail`; write `}}` for a literal brace".to_owned());
        }
        let Some(end) = brace.find('}') else {
            return Err("unclosed `{` in `detail`; write `{{` for a literal brace".to_owned());
        };
        let inner = &brace[1..end];
        let (arg, spec) = inner.split_once(':').unwrap_or((inner, ""));
        let arg = arg.trim();
        let parsed_arg = parse_arg(arg)?;
        format.push('{');
        format.push_str(&arg_name(&parsed_arg));
        plain &= !inner.contains(':');
        pieces.push(String::new());
        if !spec.is_empty() || inner.contains(':') {
            format.push(':');
            format.push_str(&check_spec(spec)?);
        }
        format.push('}');
        placeholders.push(Placeholder {
            arg: parsed_arg,
            fmt_trait: trait_of(spec),
        });
        rest = &brace[end + 1..];
    }
    format.push_str(rest);
    text.push_str(rest);
    if let Some(piece) = pieces.last_mut() {
        piece.push_str(rest);
    }
    let text = placeholders.is_empty().then_some(text);
    let pieces = (plain && (1..=4).contains(&placeholders.len())).then_some(pieces);
    Ok(Parsed {
        placeholders,
        format,
        text,
        pieces,
    })
}

fn parse_arg(arg: &str) -> Result<Arg, String> {
    if arg.is_empty() {
        return Err("`detail` uses `{}`; name the field instead, as `{field}` or `{0}`".to_owned());
    }
    if let Ok(index) = arg.parse::<usize>() {
        return Ok(Arg::Index(index));
    }
    let ident = arg.strip_prefix("r#").unwrap_or(arg);
    let valid = ident.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && ident.chars().all(|c| c.is_alphanumeric() || c == '_');
    if valid {
        Ok(Arg::Named(arg.to_owned()))
    } else {
        Err(format!(
            "`{{{arg}}}` in `detail` is not a field reference; write `{{field}}` or `{{0}}`"
        ))
    }
}

/// A format spec, checked: width and precision are numbers written in the string. Taken from an
/// argument (`{x:width$}`, `{x:.1$}`, `{x:.*}`) they would be a field's value laid out as text,
/// which a detail does not need and a client could read the field through.
fn check_spec(spec: &str) -> Result<String, String> {
    if spec.contains(".*") {
        return Err(
            "`.*` in `detail` takes the precision from an argument; write the number itself, such as `{x:.2}`".to_owned(),
        );
    }
    if let Some(dollar) = spec.find('$') {
        let word: String = spec[..dollar]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return Err(format!(
            "`detail` takes a width or precision from `{word}$`; write the number itself, such as `{{x:>8}}` or `{{x:.2}}`"
        ));
    }
    Ok(spec.to_owned())
}

fn trait_of(spec: &str) -> Trait {
    match spec.chars().last() {
        Some('?') => Trait::Debug,
        Some('x' | 'X' | 'o' | 'b' | 'e' | 'E' | 'p') => Trait::Other,
        _ => Trait::Display,
    }
}

#[cfg(test)]
mod tests {
    use super::{Arg, Placeholder, Trait, parse};

    fn named(name: &str, fmt_trait: Trait) -> Placeholder {
        Placeholder {
            arg: Arg::Named(name.to_owned()),
            fmt_trait,
        }
    }

    #[test]
    fn static_text() {
        let parsed = parse("Internal error {{retry}}.").unwrap();
        assert!(parsed.placeholders.is_empty());
        assert_eq!(parsed.text.as_deref(), Some("Internal error {retry}."));
        assert_eq!(parsed.format, "Internal error {{retry}}.");
    }

    #[test]
    fn named_positional_and_specs() {
        let parsed = parse("{usage_type} limit {0:>5} of {limit:?} ({ratio:.2})").unwrap();
        assert_eq!(
            parsed.format,
            "{_usage_type} limit {_0:>5} of {_limit:?} ({_ratio:.2})"
        );
        assert_eq!(
            parsed.placeholders,
            [
                named("usage_type", Trait::Display),
                Placeholder {
                    arg: Arg::Index(0),
                    fmt_trait: Trait::Display
                },
                named("limit", Trait::Debug),
                named("ratio", Trait::Display),
            ]
        );
        assert_eq!(parsed.text, None);
    }

    #[test]
    fn rejects_what_cannot_name_a_field() {
        assert!(parse("{}").unwrap_err().contains("name the field"));
        assert!(parse("a } b").unwrap_err().contains("unmatched `}`"));
        assert!(parse("a { b").unwrap_err().contains("unclosed `{`"));
        assert!(parse("{a-b}").unwrap_err().contains("not a field reference"));
        assert!(parse("{x:.*}").unwrap_err().contains("`.*`"));
        assert!(parse("{x:>w$}").unwrap_err().contains("from `w$`"));
        assert!(parse("{x:.1$}").unwrap_err().contains("from `1$`"));
    }

    #[test]
    fn raw_identifiers_become_plain_argument_names() {
        let parsed = parse("got {r#match} and {r#type:?}").unwrap();
        assert_eq!(parsed.format, "got {_match} and {_type:?}");
        assert_eq!(parsed.placeholders[0].arg, Arg::Named("r#match".to_owned()));
    }

    #[test]
    fn pieces_of_plain_placeholders() {
        let pieces = |input: &str| super::parse(input).unwrap().pieces;
        assert_eq!(
            pieces("{name} at {count}."),
            Some(vec![String::new(), " at ".to_owned(), ".".to_owned()])
        );
        assert_eq!(
            pieces("{{literal}} {0}"),
            Some(vec!["{literal} ".to_owned(), String::new()])
        );
        // A format spec, or more than four fields, keeps `format_args!`.
        assert_eq!(pieces("{count:>5}"), None);
        assert_eq!(pieces("{name:?}"), None);
        assert_eq!(pieces("{a}{b}{c}{d}{e}"), None);
        assert_eq!(pieces("no fields"), None);
    }
}
