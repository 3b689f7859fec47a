//! Spellings for AIP-193: a code as its `UPPER_SNAKE_CASE` reason (shared by the envelope that
//! writes it and the client that compares codes with it), a member name as a lowerCamelCase
//! metadata key (the derive's `grpc.rs` checks the same conversion at compile time).

/// `code` as an AIP-193 reason: `UPPER_SNAKE_CASE`, separators collapsed, other characters dropped.
pub(crate) fn reason(code: &str) -> String {
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

/// A member name as an AIP-193 metadata key: lowerCamelCase, `_` and `-` removed with the next
/// letter upper-cased, the first letter lower-cased (`credit_limit` is `creditLimit`).
pub(crate) fn metadata_key(name: &str) -> std::borrow::Cow<'_, str> {
    let first_lower = name.chars().next().is_none_or(|c| !c.is_uppercase());
    if first_lower && !name.contains(['_', '-']) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    each_metadata_char(name, |c| out.push(c));
    std::borrow::Cow::Owned(out)
}

pub(crate) fn each_metadata_char(name: &str, mut push: impl FnMut(char)) {
    let mut upper = false;
    let mut started = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            upper = started;
        } else if upper {
            c.to_uppercase().for_each(&mut push);
            upper = false;
        } else if started {
            push(c);
        } else {
            c.to_lowercase().for_each(&mut push);
            started = true;
        }
    }
}
