//! [`Violation`]: one validation error, at a JSON Pointer into the request body.

use core::fmt;

use serde::ser::SerializeMap as _;
use serde::{Deserialize, Serialize, Serializer};

use super::pointer::{json_pointer, push_token};

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
        crate::violations::pointer::write_fragment(&mut out, "/a b/%/é/c~1d/\"");
        assert_eq!(out, "#/a%20b/%25/%C3%A9/c~1d/%22");
    }

    #[test]
    fn deserialized_pointers_are_repaired() {
        let violation: Violation = serde_json::from_str(r#"{"pointer":"age","message":"m"}"#).unwrap();
        assert_eq!(violation.pointer(), "/age");
    }
}
