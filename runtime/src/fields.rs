//! [`FieldWriter`]: how an error's exposed fields are written, into a body or a map, each
//! escaped once, a failed `Serialize` reported with the field's name.

use core::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::envelope::RenderError;

/// Whether the fields a [`FieldWriter`] writes into an open JSON object come first in it or
/// after members the envelope wrote already (and so need a leading comma).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// The object holds nothing yet: `{` was the last thing written.
    First,
    /// The object holds members already.
    AfterOthers,
}

/// Receives the fields an error exposes to clients, one member at a time.
///
/// The derive calls [`FieldWriter::field`] for each exposed field of the current variant; the
/// writer serializes the value straight into JSON bytes (for renderers) or into a
/// [`serde_json::Map`] (for code that wants values). Serialization errors are recorded, never
/// panicked on, and name the field; a member whose serialization fails leaves no partial bytes
/// behind.
///
/// ```
/// use apierror::{ApiError, FieldWriter, Position};
///
/// #[derive(Debug, ApiError)]
/// pub enum QuotaError {
///     #[api(status = 429)]
///     Exceeded { limit: u32, plan: &'static str },
/// }
///
/// let mut out = Vec::new();
/// let mut writer = FieldWriter::json(&mut out, Position::First);
/// QuotaError::Exceeded { limit: 5, plan: "free" }.write_fields(&mut writer);
/// assert_eq!(writer.finish().unwrap(), 2);
/// assert_eq!(out, br#""limit":5,"plan":"free""#);
/// ```
pub struct FieldWriter<'a> {
    sink: Sink<'a>,
    written: usize,
    error: Option<RenderError>,
    skip: &'a [&'a str],
    /// How many of `skip`'s names a derived field (whose names the derive has checked against
    /// the reserved members) can still collide with: the first ones.
    skip_derived: usize,
}

enum Sink<'a> {
    Json {
        out: &'a mut Vec<u8>,
        position: Position,
        strings: bool,
        /// Member names in lowerCamelCase (AIP-193 metadata keys).
        camel: bool,
    },
    Map(&'a mut Map<String, Value>),
    /// Only the value of the field `name`, nothing else.
    One {
        out: &'a mut Vec<u8>,
        name: &'a str,
    },
}

impl fmt::Debug for FieldWriter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sink = match &self.sink {
            Sink::Json { strings: false, .. } => "json",
            Sink::Json { strings: true, .. } => "json strings",
            Sink::Map(_) => "map",
            Sink::One { .. } => "one field",
        };
        f.debug_struct("FieldWriter")
            .field("sink", &sink)
            .field("written", &self.written)
            .field("failed", &self.error.is_some())
            .finish_non_exhaustive()
    }
}

impl<'a> FieldWriter<'a> {
    fn new(sink: Sink<'a>) -> Self {
        FieldWriter {
            sink,
            written: 0,
            error: None,
            skip: &[],
            skip_derived: 0,
        }
    }

    /// Appends each field to `out` as a JSON object member, `"name":value`, separated by commas,
    /// into an object in which they stand at `position`.
    pub fn json(out: &'a mut Vec<u8>, position: Position) -> Self {
        FieldWriter::new(Sink::Json {
            out,
            position,
            strings: false,
            camel: false,
        })
    }

    /// Inserts each field into `map` as a [`serde_json::Value`].
    pub fn map(map: &'a mut Map<String, Value>) -> Self {
        FieldWriter::new(Sink::Map(map))
    }

    /// Appends the value of the field `name` alone, and skips every other field.
    pub(crate) fn only(out: &'a mut Vec<u8>, name: &'a str) -> Self {
        FieldWriter::new(Sink::One { out, name })
    }

    /// Writes every value as a JSON string: strings as they are, other values as their JSON
    /// text, and `null` not at all (for string maps such as AIP-193's `ErrorInfo.metadata`).
    ///
    /// ```
    /// use apierror::{FieldWriter, Position};
    ///
    /// let mut out = Vec::new();
    /// let mut writer = FieldWriter::json(&mut out, Position::First).as_strings();
    /// writer.field("limit", &5);
    /// writer.field("plan", "free");
    /// writer.finish().unwrap();
    /// assert_eq!(out, br#""limit":"5","plan":"free""#);
    /// ```
    #[must_use]
    pub fn as_strings(mut self) -> Self {
        if let Sink::Json { strings, .. } = &mut self.sink {
            *strings = true;
        }
        self
    }

    /// [`FieldWriter::as_strings`] with every name in lowerCamelCase (`credit_limit` as
    /// `creditLimit`): AIP-193's `ErrorInfo.metadata`, whose keys match `[a-z][a-zA-Z0-9-_]+`.
    ///
    /// ```
    /// use apierror::{FieldWriter, Position};
    ///
    /// let mut out = Vec::new();
    /// let mut writer = FieldWriter::json(&mut out, Position::First).as_metadata();
    /// writer.field("credit_limit", &5);
    /// writer.finish().unwrap();
    /// assert_eq!(out, br#""creditLimit":"5""#);
    /// ```
    #[must_use]
    pub fn as_metadata(mut self) -> Self {
        if let Sink::Json { strings, camel, .. } = &mut self.sink {
            *strings = true;
            *camel = true;
        }
        self
    }

    /// Leaves out fields named in `names`: the members an envelope writes itself, so that no
    /// body ever has a member twice (the envelope's own member wins; see
    /// [`Envelope::writes_member`](crate::envelope::Envelope::writes_member)).
    ///
    /// ```
    /// use apierror::{FieldWriter, Position};
    ///
    /// let mut out = Vec::new();
    /// let mut writer = FieldWriter::json(&mut out, Position::First).skipping(&["code"]);
    /// writer.field("code", "do_not_honor");
    /// writer.field("param", "card");
    /// assert_eq!(writer.finish().unwrap(), 1);
    /// assert_eq!(out, br#""param":"card""#);
    /// ```
    #[must_use]
    pub fn skipping(mut self, names: &'a [&'a str]) -> Self {
        self.skip = names;
        self.skip_derived = names.len();
        self
    }

    /// [`FieldWriter::skipping`] where only the first `dynamic` names can collide with a derived
    /// field: the rest are members every body has, which the derive rejects as names.
    pub(crate) fn skipping_after(mut self, names: &'a [&'a str], dynamic: usize) -> Self {
        self.skip = names;
        self.skip_derived = dynamic;
        self
    }

    /// Writes one exposed field under the member name `name` (escaped as JSON requires).
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.member(name, false, value);
    }

    /// [`FieldWriter::field`] for the derive, whose member names are checked at compile time
    /// (identifiers or `[A-Za-z0-9_]`) and so are copied without escaping.
    #[doc(hidden)]
    #[inline]
    pub fn __field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.member(name, true, value);
    }

    #[inline]
    fn member<T: Serialize + ?Sized>(&mut self, name: &'static str, plain: bool, value: &T) {
        let skip = if plain {
            &self.skip[..self.skip_derived]
        } else {
            self.skip
        };
        if self.error.is_some() || skip.contains(&name) {
            return;
        }
        let result = match &mut self.sink {
            Sink::Json {
                out,
                position,
                strings,
                camel,
            } => {
                let start = out.len();
                if *position == Position::AfterOthers {
                    out.push(b',');
                }
                if *camel {
                    write_metadata_key(out, name, plain);
                    out.push(b':');
                } else if plain {
                    out.push(b'"');
                    out.extend_from_slice(name.as_bytes());
                    out.extend_from_slice(b"\":");
                } else {
                    crate::json::write_str(out, name);
                    out.push(b':');
                }
                let value_start = out.len();
                let result = serde_json::to_writer(&mut **out, value);
                if result.is_err() {
                    out.truncate(start);
                } else if *strings && out.get(value_start..) == Some(b"null") {
                    // A string map has no null: an absent value is left out, not "null".
                    out.truncate(start);
                    return;
                } else {
                    *position = Position::AfterOthers;
                    if *strings && out.get(value_start) != Some(&b'"') {
                        // serde_json writes UTF-8, so the text converts back without loss.
                        let text = out.split_off(value_start);
                        crate::json::write_str(out, &String::from_utf8_lossy(&text));
                    }
                }
                result
            }
            Sink::Map(map) => serde_json::to_value(value).map(|value| {
                map.insert(name.to_owned(), value);
            }),
            Sink::One { out, name: wanted } => {
                if name != *wanted {
                    return;
                }
                let start = out.len();
                let result = serde_json::to_writer(&mut **out, value);
                if result.is_err() {
                    out.truncate(start);
                }
                result
            }
        };
        match result {
            Ok(()) => self.written += 1,
            Err(error) => self.error = Some(RenderError::serialize(name, error)),
        }
    }

    /// The number of fields written, or the first serialization error (which names its field).
    ///
    /// # Errors
    /// When a field's `Serialize` implementation failed (for example a map with non-string keys).
    pub fn finish(self) -> Result<usize, RenderError> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.written),
        }
    }
}

/// [`crate::codes::metadata_key`] written as a JSON string, without allocating for a plain (ASCII
/// identifier) name, which is what the derive passes.
fn write_metadata_key(out: &mut Vec<u8>, name: &str, plain: bool) {
    if plain && name.is_ascii() {
        out.push(b'"');
        // ASCII in, ASCII out: each char is one byte.
        crate::codes::each_metadata_char(name, |c| out.push(u8::try_from(c).unwrap_or(b'_')));
        out.push(b'"');
    } else {
        crate::json::write_str(out, &crate::codes::metadata_key(name));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{FieldWriter, Position};

    #[test]
    fn json_members_with_and_without_leading_comma() {
        let mut out = b"{\"a\":1".to_vec();
        let mut writer = FieldWriter::json(&mut out, Position::AfterOthers);
        writer.field("b", "x\"y");
        writer.field("c", &[1, 2]);
        assert_eq!(writer.finish().unwrap(), 2);
        out.push(b'}');
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value, serde_json::json!({"a": 1, "b": "x\"y", "c": [1, 2]}));
    }

    #[test]
    fn failed_member_leaves_no_bytes_stops_and_names_the_field() {
        let mut bad = BTreeMap::new();
        bad.insert((1, 2), 3);
        let mut out = Vec::new();
        let mut writer = FieldWriter::json(&mut out, Position::First);
        writer.field("ok", &1);
        writer.field("bad", &bad);
        writer.field("after", &2);
        let error = writer.finish().unwrap_err();
        assert_eq!(error.field(), Some("bad"));
        assert_eq!(out, b"\"ok\":1");
    }

    #[test]
    fn names_are_escaped() {
        let mut out = Vec::new();
        let mut writer = FieldWriter::json(&mut out, Position::First);
        writer.field("a\"b", &1);
        writer.finish().unwrap();
        assert_eq!(out, br#""a\"b":1"#);
    }

    #[test]
    fn one_field_only() {
        let mut out = Vec::new();
        let mut writer = FieldWriter::only(&mut out, "param");
        writer.field("code", "x");
        writer.field("param", "card");
        assert_eq!(writer.finish().unwrap(), 1);
        assert_eq!(out, br#""card""#);
    }

    #[test]
    fn map_sink() {
        let mut map = serde_json::Map::new();
        let mut writer = FieldWriter::map(&mut map);
        writer.field("limit", &5);
        assert_eq!(writer.finish().unwrap(), 1);
        assert_eq!(serde_json::Value::Object(map), serde_json::json!({"limit": 5}));
    }
}
