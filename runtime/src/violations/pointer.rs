//! JSON Pointers (RFC 6901): tokens escaped, text repaired into a pointer, and the URI fragment
//! form (RFC 6901, section 6) that RFC 9457 `errors[].pointer` uses.

/// Appends `token` escaped as RFC 6901 says (`~` as `~0`, `/` as `~1`).
pub(crate) fn push_token(pointer: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `text` as a valid JSON Pointer: unchanged when it is one, else repaired as
/// [`Violation::new`] documents.
pub(crate) fn json_pointer(text: String) -> String {
    let valid = |s: &str| {
        (s.is_empty() || s.starts_with('/'))
            && s.match_indices('~')
                .all(|(at, _)| matches!(s.as_bytes().get(at + 1), Some(b'0' | b'1')))
    };
    if valid(&text) {
        return text;
    }
    let text = match text.strip_prefix('#') {
        Some(fragment) => percent_decode(fragment),
        None => text,
    };
    let mut pointer = String::with_capacity(text.len() + 2);
    if !text.is_empty() && !text.starts_with('/') {
        pointer.push('/');
    }
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        pointer.push(c);
        if c == '~' && !matches!(bytes.get(at + 1), Some(b'0' | b'1')) {
            pointer.push('0');
        }
    }
    pointer
}

/// `%XX` sequences decoded (an invalid one, or bytes that are not UTF-8, kept as they are).
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[at],
            bytes.get(at + 1).copied().and_then(hex),
            bytes.get(at + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                #[allow(clippy::cast_possible_truncation, reason = "two hex digits are one byte")]
                out.push((high * 16 + low) as u8);
                at += 3;
            }
            (b, _, _) => {
                out.push(b);
                at += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Writes `pointer` as a URI fragment (`#/a%20b`): every character RFC 3986 does not allow in a
/// fragment percent-encoded, as RFC 6901 section 6 requires.
pub(crate) fn write_fragment(out: &mut String, pointer: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('#');
    for &b in pointer.as_bytes() {
        let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b);
        if allowed {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}
