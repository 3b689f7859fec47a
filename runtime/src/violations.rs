//! Validation errors: which parts of the request are wrong, and why.

use core::fmt;

use serde::ser::SerializeMap as _;
use serde::{Deserialize, Serialize, Serializer};

/// One thing wrong with a request: where (a JSON Pointer into the request body, RFC 6901), an
/// optional machine-readable code, and a message for a person.
///
/// Three constructors, one per form of "where": [`new`](Self::new) takes a JSON Pointer as text
/// (`"/items/0/name"`), [`from_tokens`](Self::from_tokens) its reference tokens unescaped
/// (`["items", "0", "name"]`), and [`from_field_path`](Self::from_field_path) an AIP-161 field
/// path (`"items[0].name"`). Whatever the constructor, [`pointer`](Self::pointer) is always a
/// valid JSON Pointer, so every envelope can write it as its standard says.
///
/// ```
/// let violation = apierror::Violation::new("/profile/color", "must be 'green', 'red' or 'blue'").with_code("enum");
/// assert_eq!(violation.pointer(), "/profile/color");
/// assert_eq!(violation.code(), Some("enum"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "RawViolation")]
#[non_exhaustive]
pub struct Violation {
    pointer: String,
    code: Option<String>,
    message: String,
}

/// A violation as it is read, before its pointer is checked.
#[derive(Deserialize)]
struct RawViolation {
    pointer: String,
    #[serde(default)]
    code: Option<String>,
    /// RFC 9457's example names it `detail`.
    #[serde(alias = "detail")]
    message: String,
}

impl From<RawViolation> for Violation {
    fn from(raw: RawViolation) -> Self {
        Violation {
            pointer: json_pointer(raw.pointer),
            code: raw.code,
            message: raw.message,
        }
    }
}

impl Violation {
    /// A violation at `pointer`, a JSON Pointer (RFC 6901) as text: `"/age"`, `"/items/0/name"`,
    /// `"/a~1b"` for the member `a/b`, `""` for the whole body.
    ///
    /// Text that is not a JSON Pointer is repaired, never written as given: a missing leading `/`
    /// is added (`"age"` is `"/age"`), a `~` that starts no escape is escaped (`"/a~b"` is
    /// `"/a~0b"`), and the URI fragment form is decoded (`"#/a%20b"` is `"/a b"`).
    ///
    /// ```
    /// use apierror::Violation;
    ///
    /// assert_eq!(Violation::new("/items/0/name", "required").pointer(), "/items/0/name");
    /// assert_eq!(Violation::new("age", "required").pointer(), "/age");
    /// assert_eq!(Violation::new("/a~b", "required").pointer(), "/a~0b");
    /// assert_eq!(Violation::new("#/a%20b", "required").pointer(), "/a b");
    /// ```
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Violation {
            pointer: json_pointer(pointer.into()),
            code: None,
            message: message.into(),
        }
    }

    /// A violation at the member named by `tokens`, unescaped, outermost first: no token needs
    /// escaping (`/` and `~` in a name are escaped here).
    ///
    /// ```
    /// use apierror::Violation;
    ///
    /// let violation = Violation::from_tokens(["items", "0", "a/b"], "required");
    /// assert_eq!(violation.pointer(), "/items/0/a~1b");
    /// assert_eq!(Violation::from_tokens::<[&str; 0], _>([], "empty body").pointer(), "");
    /// ```
    pub fn from_tokens<I, T>(tokens: I, message: impl Into<String>) -> Self
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut pointer = String::new();
        for token in tokens {
            pointer.push('/');
            push_token(&mut pointer, token.as_ref());
        }
        Violation {
            pointer,
            code: None,
            message: message.into(),
        }
    }

    /// A violation at an AIP-161 field path (`google.rpc.BadRequest`'s `field`): names joined by
    /// `.`, indexes in brackets, and names that are not identifiers in backticks (a backtick in
    /// one doubled): the inverse of [`field_path`](Self::field_path). `None` when `path` is not
    /// one (an unclosed backtick or bracket, an empty name).
    ///
    /// ```
    /// use apierror::Violation;
    ///
    /// let violation = Violation::from_field_path("email_addresses[1].email", "invalid").unwrap();
    /// assert_eq!(violation.pointer(), "/email_addresses/1/email");
    /// let violation = Violation::from_field_path("labels.`a.b`", "invalid").unwrap();
    /// assert_eq!(violation.pointer(), "/labels/a.b");
    /// assert_eq!(Violation::from_field_path("labels.`a", "invalid"), None);
    /// ```
    pub fn from_field_path(path: &str, message: impl Into<String>) -> Option<Self> {
        let mut pointer = String::new();
        let mut rest = path;
        let mut first = true;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let (index, tail) = after.split_once(']')?;
                if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                pointer.push('/');
                pointer.push_str(index);
                rest = tail;
            } else {
                if !first {
                    rest = rest.strip_prefix('.')?;
                }
                if let Some(quoted) = rest.strip_prefix('`') {
                    let mut name = String::new();
                    let mut chars = quoted.char_indices();
                    let tail = loop {
                        let (at, c) = chars.next()?;
                        if c != '`' {
                            name.push(c);
                        } else if quoted[at + 1..].starts_with('`') {
                            name.push('`');
                            chars.next();
                        } else {
                            break &quoted[at + 1..];
                        }
                    };
                    pointer.push('/');
                    push_token(&mut pointer, &name);
                    rest = tail;
                } else {
                    let end = rest.find(['.', '[']).unwrap_or(rest.len());
                    if end == 0 {
                        return None;
                    }
                    pointer.push('/');
                    push_token(&mut pointer, &rest[..end]);
                    rest = &rest[end..];
                }
            }
            first = false;
        }
        Some(Violation {
            pointer,
            code: None,
            message: message.into(),
        })
    }

    /// Sets the machine-readable code (`"range"`, `"required"`).
    ///
    /// On the wire: RFC 9457 `errors[].code` and `details.errors[].code` as given; AIP-193
    /// `fieldViolations[].reason` in `UPPER_SNAKE_CASE` ([`GoogleRpc::reason`](crate::envelope::GoogleRpc::reason)),
    /// which a client reads back as written; JSON:API has no member for it (each violation is
    /// an error object whose `code` is the error's), so it does not reach a JSON:API client.
    ///
    /// ```
    /// use apierror::Violation;
    ///
    /// assert_eq!(Violation::new("/age", "too small").with_code("range").code(), Some("range"));
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Where: a JSON Pointer into the request body (RFC 6901), always valid.
    #[must_use]
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The machine-readable code.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// What is wrong, for a person.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The pointer's reference tokens, unescaped, outermost first.
    ///
    /// ```
    /// let violation = apierror::Violation::new("/items/0/a~1b", "required");
    /// assert_eq!(violation.tokens().collect::<Vec<_>>(), ["items", "0", "a/b"]);
    /// ```
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.pointer
            .split('/')
            .skip(1)
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
    }

    /// The pointer as an AIP-161 field path (what `google.rpc.BadRequest` calls `field`):
    /// `/profile/color` is `profile.color`, `/items/0/name` is `items[0].name`, and a name that
    /// is not an identifier is in backticks (`/labels/a.b` is ``labels.`a.b` ``), so that
    /// [`from_field_path`](Self::from_field_path) gives the pointer back.
    ///
    /// ```
    /// use apierror::Violation;
    ///
    /// assert_eq!(Violation::new("/items/0/name", "x").field_path(), "items[0].name");
    /// assert_eq!(Violation::new("/labels/a.b", "x").field_path(), "labels.`a.b`");
    /// assert_eq!(Violation::new("/a`b", "x").field_path(), "`a``b`");
    /// ```
    #[must_use]
    pub fn field_path(&self) -> String {
        let mut path = String::with_capacity(self.pointer.len());
        for segment in self.tokens() {
            if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
                path.push('[');
                path.push_str(&segment);
                path.push(']');
                continue;
            }
            if !path.is_empty() {
                path.push('.');
            }
            let plain = segment
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                && segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if plain {
                path.push_str(&segment);
            } else {
                path.push('`');
                path.push_str(&segment.replace('`', "``"));
                path.push('`');
            }
        }
        path
    }
}

/// Appends `token` escaped as RFC 6901 says (`~` as `~0`, `/` as `~1`).
fn push_token(pointer: &mut String, token: &str) {
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
fn percent_decode(text: &str) -> String {
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

/// `{"pointer", "code"?, "message"}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("pointer", &self.pointer)?;
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        map.serialize_entry("message", &self.message)?;
        map.end()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// The validation errors of a request, as a field of an error variant: each envelope renders
/// them the way its standard does.
///
/// | envelope | rendering |
/// |---|---|
/// | RFC 9457 | an extension member (the field's name; RFC 9457's example calls it `errors`) holding `[{"detail", "pointer": "#/age"}]` |
/// | AIP-193 | a `google.rpc.BadRequest` detail with `fieldViolations: [{"field": "profile.color", "description", "reason"}]` |
/// | JSON:API | one error object per violation, each with `source.pointer` |
/// | the others | a member of `details`: `[{"pointer", "code", "message"}]` |
///
/// ```
/// use apierror::{ApiError, Violation, Violations};
///
/// #[derive(Debug, ApiError)]
/// enum RequestError {
///     /// The request body has invalid fields.
///     #[api(status = 422, detail = "Your request is not valid.")]
///     Invalid { errors: Violations },
/// }
///
/// let errors: Violations = [Violation::new("/age", "must be a positive integer")].into_iter().collect();
/// let err = RequestError::Invalid { errors };
/// assert_eq!(err.violations().unwrap().1.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// None yet.
    #[must_use]
    pub const fn new() -> Self {
        Violations(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// Each violation, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = core::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// `validator`'s report: every field error, nested structs and lists included, at its pointer;
/// the error's code, and its message (or the code when it has none).
#[cfg(feature = "validator-0_21")]
impl From<&validator::ValidationErrors> for Violations {
    fn from(errors: &validator::ValidationErrors) -> Self {
        fn walk(errors: &validator::ValidationErrors, prefix: &str, out: &mut Vec<Violation>) {
            use validator::ValidationErrorsKind;
            let mut fields: Vec<_> = errors.errors().iter().collect();
            fields.sort_by(|a, b| a.0.cmp(b.0));
            for (field, kind) in fields {
                let pointer = format!("{prefix}/{}", escape(field));
                match kind {
                    ValidationErrorsKind::Field(list) => {
                        for error in list {
                            let message = error
                                .message
                                .as_ref()
                                .map_or_else(|| error.code.to_string(), ToString::to_string);
                            out.push(
                                Violation::new(pointer.clone(), message).with_code(error.code.to_string()),
                            );
                        }
                    }
                    ValidationErrorsKind::Struct(inner) => walk(inner, &pointer, out),
                    ValidationErrorsKind::List(items) => {
                        for (index, inner) in items {
                            walk(inner, &format!("{pointer}/{index}"), out);
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(errors, "", &mut out);
        Violations(out)
    }
}

/// `garde`'s report: each error at its path (`a.b[0]` becomes `/a/b/0`).
#[cfg(feature = "garde-0_23")]
impl From<&garde::Report> for Violations {
    fn from(report: &garde::Report) -> Self {
        report
            .iter()
            .map(|(path, error)| {
                let path = path.to_string();
                let mut pointer = String::new();
                for part in path.split('.').filter(|p| !p.is_empty()) {
                    let (name, indexes) = part.split_once('[').map_or((part, ""), |(n, rest)| (n, rest));
                    if !name.is_empty() {
                        pointer.push('/');
                        pointer.push_str(&escape(name));
                    }
                    for index in indexes.split(['[', ']']).filter(|i| !i.is_empty()) {
                        pointer.push('/');
                        pointer.push_str(&escape(index));
                    }
                }
                Violation::new(pointer, error.message().to_string())
            })
            .collect()
    }
}

/// An RFC 6901 reference token.
#[cfg(any(feature = "validator-0_21", feature = "garde-0_23"))]
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `[{"pointer", "code"?, "message"}]`, titled `Violations` so that envelopes with a shape of
/// their own for them can find them in a member schema.
#[cfg(feature = "schemars-1")]
impl schemars::JsonSchema for Violations {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Violations".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "title": "Violations",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pointer", "message"],
                "additionalProperties": false,
                "properties": {
                    "pointer": {"type": "string", "description": "A JSON Pointer into the request."},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Violation;

    #[test]
    fn field_paths() {
        assert_eq!(
            Violation::new("/profile/color", "x").field_path(),
            "profile.color"
        );
        assert_eq!(Violation::new("/items/0/name", "x").field_path(), "items[0].name");
        assert_eq!(Violation::new("/a~1b", "x").field_path(), "`a/b`");
        assert_eq!(Violation::new("", "x").field_path(), "");
        assert_eq!(Violation::new("/a b/0", "x").field_path(), "`a b`[0]");
    }

    #[test]
    fn every_pointer_is_valid_and_field_paths_round_trip() {
        let texts = [
            "", "/", "/a", "a", "/a~", "~", "/~2", "#/a%20b", "#", "#%", "/a/~1/~0", "//", "/é/ü", "/`x`",
            "#/%FF", "/a.b/[0]", "/0/1",
        ];
        for text in texts {
            let violation = Violation::new(text, "m");
            let pointer = violation.pointer();
            assert!(
                pointer.is_empty() || pointer.starts_with('/'),
                "{text:?} -> {pointer:?}"
            );
            for (at, _) in pointer.match_indices('~') {
                assert!(
                    matches!(pointer.as_bytes().get(at + 1), Some(b'0' | b'1')),
                    "{text:?} -> {pointer:?}"
                );
            }
            let back = Violation::from_field_path(&violation.field_path(), "m").unwrap();
            assert_eq!(back.pointer(), pointer, "{text:?}");
        }
    }

    #[test]
    fn fragments_are_percent_encoded() {
        let mut out = String::new();
        super::write_fragment(&mut out, "/a b/%/é/c~1d/\"");
        assert_eq!(out, "#/a%20b/%25/%C3%A9/c~1d/%22");
    }

    #[test]
    fn deserialized_pointers_are_repaired() {
        let violation: Violation = serde_json::from_str(r#"{"pointer":"age","message":"m"}"#).unwrap();
        assert_eq!(violation.pointer(), "/age");
    }
}
