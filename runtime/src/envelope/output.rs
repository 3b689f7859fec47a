//! [`Output`]: the buffer an envelope writes a body into, with the writers the envelopes share.

use core::fmt;

use crate::fields::{FieldWriter, Position};
use crate::render_error::RenderError;
use crate::{ApiError, Entry};

/// Where an envelope writes a body: a `Vec<u8>` underneath, with writers for JSON text.
///
/// The entry's static text (code, title, type URI, a static detail, the `resolve` object) comes
/// escaped at compile time from the derive and is copied as is; per-occurrence text is escaped
/// as it is written, straight into the buffer.
#[derive(Debug)]
pub struct Output<'a> {
    buf: &'a mut Vec<u8>,
}

impl<'a> Output<'a> {
    /// Writes after what `buf` already holds.
    pub fn new(buf: &'a mut Vec<u8>) -> Self {
        Output { buf }
    }

    /// Appends JSON text as it is (punctuation, member names, literals you wrote).
    #[inline]
    pub fn raw(&mut self, json: &[u8]) {
        self.buf.extend_from_slice(json);
    }

    /// Appends `s` as a JSON string, quotes included.
    #[inline]
    pub fn string(&mut self, s: &str) {
        crate::json::write_str(self.buf, s);
    }

    /// Appends what `value` displays as a JSON string, formatted straight into the buffer.
    pub fn display(&mut self, value: &dyn fmt::Display) {
        crate::json::write_display(self.buf, value);
    }

    /// Appends an unsigned integer.
    #[inline]
    pub fn number(&mut self, n: u64) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// Appends the entry's code as a JSON string.
    #[inline]
    pub fn code(&mut self, entry: &Entry) {
        self.static_text(entry.parts().code_json, entry, Entry::code);
    }

    /// Appends the entry's title as a JSON string.
    #[inline]
    pub fn title(&mut self, entry: &Entry) {
        self.static_text(entry.parts().title_json, entry, Entry::title);
    }

    /// Appends the entry's problem type URI as a JSON string.
    #[inline]
    pub fn type_uri(&mut self, entry: &Entry) {
        self.static_text(entry.parts().type_json, entry, Entry::type_uri);
    }

    /// Appends the HTTP status as a number.
    #[inline]
    pub fn status(&mut self, entry: &Entry) {
        self.buf.extend_from_slice(entry.status().as_str().as_bytes());
    }

    /// Appends `prefix` and the entry's `resolve` object (`{"message":...,"url":...}`, absent
    /// parts left out) and returns `true`, or writes nothing and returns `false` when it has
    /// none.
    #[inline]
    pub fn resolve(&mut self, prefix: &[u8], entry: &Entry) -> bool {
        let json = entry.parts().resolve_json;
        if !json.is_empty() {
            self.buf.extend_from_slice(prefix);
            self.buf.extend_from_slice(json.as_bytes());
            return true;
        }
        match entry.resolve() {
            Some(resolve) => {
                self.buf.extend_from_slice(prefix);
                self.hand_built_resolve(resolve);
                true
            }
            None => false,
        }
    }

    /// The `resolve` object of an entry built by hand: the same object, escaped now.
    #[cold]
    fn hand_built_resolve(&mut self, resolve: &crate::Resolve) {
        let mut first = true;
        self.buf.push(b'{');
        for (name, value) in resolve.parts() {
            let Some(value) = value else { continue };
            if !first {
                self.buf.push(b',');
            }
            first = false;
            self.string(name);
            self.buf.push(b':');
            self.string(value);
        }
        self.buf.push(b'}');
    }

    /// Appends `prefix` and the occurrence's detail as a JSON string and returns `true`, or
    /// writes nothing and returns `false` when there is no detail.
    #[inline]
    pub fn detail(&mut self, prefix: &[u8], error: &dyn ApiError) -> bool {
        let Some(detail) = error.detail() else {
            return false;
        };
        self.buf.extend_from_slice(prefix);
        match detail.static_json() {
            Some(json) => self.buf.extend_from_slice(json.as_bytes()),
            None => match detail.derived() {
                Some(derived) => crate::json::write_derived(self.buf, derived),
                None => crate::json::write_display(self.buf, &detail),
            },
        }
        true
    }

    /// Appends the detail, or the title when there is none: the `message` of most envelopes.
    #[inline]
    pub fn message(&mut self, error: &dyn ApiError) {
        if !self.detail(b"", error) {
            self.title(error.entry());
        }
    }

    /// A writer for the exposed fields as members of an object this envelope has opened;
    /// `position` says whether members come before them in that object.
    #[inline]
    pub fn fields(&mut self, position: Position) -> FieldWriter<'_> {
        FieldWriter::json(self.buf, position)
    }

    /// Appends `prefix` and the exposed fields as a JSON object (`,"details":{...}`), or
    /// nothing at all when the error exposes none. Returns whether it wrote the object.
    ///
    /// # Errors
    /// When a field fails to serialize (naming the field).
    pub fn fields_object(&mut self, prefix: &[u8], error: &dyn ApiError) -> Result<bool, RenderError> {
        let start = self.buf.len();
        self.buf.extend_from_slice(prefix);
        self.buf.push(b'{');
        let mut writer = FieldWriter::json(self.buf, Position::First);
        error.write_fields(&mut writer);
        if writer.finish()? == 0 {
            self.buf.truncate(start);
            Ok(false)
        } else {
            self.buf.push(b'}');
            Ok(true)
        }
    }

    /// [`Output::fields_object`], with the error's [`Location`](crate::Location) as one more
    /// member named for its kind (`"parameter": "sort"`) when the entry declares no exposed
    /// field (a declared location field already is a member): the `details` object of the
    /// envelopes that have no place of their own for a location.
    pub(crate) fn details_object(
        &mut self,
        prefix: &[u8],
        error: &dyn ApiError,
    ) -> Result<bool, RenderError> {
        let location = error.location().filter(|_| error.entry().fields().is_empty());
        let start = self.buf.len();
        self.buf.extend_from_slice(prefix);
        self.buf.push(b'{');
        let skip = [location.map_or("", |l| l.name())];
        let mut writer = FieldWriter::json(self.buf, Position::First).skipping(&skip);
        error.write_fields(&mut writer);
        let written = writer.finish()?;
        if let Some(location) = location {
            if written > 0 {
                self.buf.push(b',');
            }
            self.string(location.name());
            self.buf.push(b':');
            self.string(location.value());
        } else if written == 0 {
            self.buf.truncate(start);
            return Ok(false);
        }
        self.buf.push(b'}');
        Ok(true)
    }

    /// Appends the JSON value of the exposed field `name` (or `null` when the error exposes no
    /// such field, which the return value tells apart), without building the other fields'
    /// values: for envelopes that put one field somewhere of their own.
    ///
    /// # Errors
    /// When that field fails to serialize.
    pub fn field(&mut self, error: &dyn ApiError, name: &str) -> Result<bool, RenderError> {
        let mut writer = FieldWriter::only(self.buf, name);
        error.write_fields(&mut writer);
        let found = writer.finish()? == 1;
        if !found {
            self.buf.extend_from_slice(b"null");
        }
        Ok(found)
    }

    /// The bytes written so far, including what the buffer held before.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.buf
    }

    /// The buffer's length, for [`Output::truncate`].
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether the buffer is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Drops what was written after `len` (to take back an optional member).
    #[inline]
    pub fn truncate(&mut self, len: usize) {
        self.buf.truncate(len);
    }

    /// Static text: the derive's escaped form, or (for an entry built by hand) the text read
    /// and escaped now.
    #[inline]
    fn static_text(&mut self, json: &str, entry: &Entry, text: fn(&Entry) -> &'static str) {
        if json.is_empty() {
            crate::json::write_str(self.buf, text(entry));
        } else {
            self.buf.extend_from_slice(json.as_bytes());
        }
    }

    /// `,"<name>":"<value>"` when there is a value.
    #[inline]
    pub(crate) fn opt_member(&mut self, member: &[u8], value: Option<&str>) {
        if let Some(value) = value {
            self.buf.extend_from_slice(member);
            crate::json::write_str(self.buf, value);
        }
    }

    pub(crate) fn buffer(&mut self) -> &mut Vec<u8> {
        self.buf
    }
}
