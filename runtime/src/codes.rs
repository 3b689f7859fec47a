//! Spellings of a code: AIP-193's `UPPER_SNAKE_CASE` reason, shared by the envelope that
//! writes it and the client that compares codes with it.

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
