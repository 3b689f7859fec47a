use serde::Serialize;
use serde_json::{Map, Value};

/// Receives the fields an error exposes to clients, one member at a time.
///
/// The derive calls [`FieldWriter::field`] for each exposed field of the current variant; the
/// writer serializes the value straight into JSON bytes (for renderers) or into a
/// [`serde_json::Map`] (for code that wants values). Serialization errors are recorded, never
/// panicked on; a member whose serialization fails leaves no partial bytes behind.
///
/// ```
/// use apierror::{ApiError, FieldWriter};
///
/// #[derive(Debug, ApiError)]
/// pub enum QuotaError {
///     #[api(status = 429)]
///     Exceeded { limit: u32, plan: &'static str },
/// }
///
/// let mut out = Vec::new();
/// let mut writer = FieldWriter::json(&mut out, false);
/// QuotaError::Exceeded { limit: 5, plan: "free" }.write_fields(&mut writer);
/// assert_eq!(writer.finish().unwrap(), 2);
/// assert_eq!(out, br#""limit":5,"plan":"free""#);
/// ```
pub struct FieldWriter<'a> {
    sink: Sink<'a>,
    written: usize,
    error: Option<serde_json::Error>,
    skip: &'a [&'a str],
}

enum Sink<'a> {
    Json {
        out: &'a mut Vec<u8>,
        comma: bool,
        strings: bool,
    },
    Map(&'a mut Map<String, Value>),
}

impl<'a> FieldWriter<'a> {
    /// Appends each field to `out` as a JSON object member, `"name":value`, separated by commas.
    /// With `comma_first`, the first member is preceded by a comma too (for members that follow
    /// others in the same object).
    pub fn json(out: &'a mut Vec<u8>, comma_first: bool) -> Self {
        FieldWriter {
            sink: Sink::Json {
                out,
                comma: comma_first,
                strings: false,
            },
            written: 0,
            error: None,
            skip: &[],
        }
    }

    /// Like [`FieldWriter::json`], but every value is written as a JSON string: strings as they
    /// are, other values as their JSON text (for string maps such as AIP-193's
    /// `ErrorInfo.metadata`).
    ///
    /// ```
    /// let mut out = Vec::new();
    /// let mut writer = apierror::FieldWriter::json_strings(&mut out, false);
    /// writer.field("limit", &5);
    /// writer.field("plan", "free");
    /// writer.finish().unwrap();
    /// assert_eq!(out, br#""limit":"5","plan":"free""#);
    /// ```
    pub fn json_strings(out: &'a mut Vec<u8>, comma_first: bool) -> Self {
        FieldWriter {
            sink: Sink::Json {
                out,
                comma: comma_first,
                strings: true,
            },
            written: 0,
            error: None,
            skip: &[],
        }
    }

    /// Inserts each field into `map` as a [`serde_json::Value`].
    pub fn map(map: &'a mut Map<String, Value>) -> Self {
        FieldWriter {
            sink: Sink::Map(map),
            written: 0,
            error: None,
            skip: &[],
        }
    }

    /// Leaves out fields named in `names`: the members an envelope writes itself, so that no
    /// body ever has a member twice (the envelope's own member wins; see
    /// [`Envelope::writes_member`](crate::Envelope::writes_member)).
    ///
    /// ```
    /// let mut out = Vec::new();
    /// let mut writer = apierror::FieldWriter::json(&mut out, false).skipping(&["code"]);
    /// writer.field("code", "do_not_honor");
    /// writer.field("param", "card");
    /// assert_eq!(writer.finish().unwrap(), 1);
    /// assert_eq!(out, br#""param":"card""#);
    /// ```
    #[must_use]
    pub fn skipping(mut self, names: &'a [&'a str]) -> Self {
        self.skip = names;
        self
    }

    /// Writes one exposed field. `name` is a member name checked at compile time: ASCII letters,
    /// digits and `_`, or a Rust identifier, so it never needs JSON escaping.
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if self.error.is_some() || self.skip.contains(&name) {
            return;
        }
        let result = match &mut self.sink {
            Sink::Json { out, comma, strings } => {
                let start = out.len();
                if *comma {
                    out.push(b',');
                }
                out.push(b'"');
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\":");
                let value_start = out.len();
                let result = serde_json::to_writer(&mut **out, value);
                if result.is_err() {
                    out.truncate(start);
                } else {
                    *comma = true;
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
        };
        match result {
            Ok(()) => self.written += 1,
            Err(error) => self.error = Some(error),
        }
    }

    /// The number of fields written, or the first serialization error.
    ///
    /// # Errors
    /// When a field's `Serialize` implementation failed (for example a map with non-string keys).
    pub fn finish(self) -> Result<usize, serde_json::Error> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.written),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::FieldWriter;

    #[test]
    fn json_members_with_and_without_leading_comma() {
        let mut out = b"{\"a\":1".to_vec();
        let mut writer = FieldWriter::json(&mut out, true);
        writer.field("b", "x\"y");
        writer.field("c", &[1, 2]);
        assert_eq!(writer.finish().unwrap(), 2);
        out.push(b'}');
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value, serde_json::json!({"a": 1, "b": "x\"y", "c": [1, 2]}));
    }

    #[test]
    fn failed_member_leaves_no_bytes_and_stops() {
        let mut bad = BTreeMap::new();
        bad.insert((1, 2), 3);
        let mut out = Vec::new();
        let mut writer = FieldWriter::json(&mut out, false);
        writer.field("ok", &1);
        writer.field("bad", &bad);
        writer.field("after", &2);
        assert!(writer.finish().is_err());
        assert_eq!(out, b"\"ok\":1");
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
