//! Envelopes: the JSON shapes an error body can take. One file per shape; the trait, the output
//! they write to and the writers they share are here.
//!
//! | envelope | body | content type |
//! |---|---|---|
//! | [`Problem`] | RFC 9457 problem details: `{type, title, status, detail, instance, code, ...fields}` | `application/problem+json` |
//! | [`CodeMessage`] | `{code, message, details}` | `application/json` |
//! | [`ErrorString`] | `{error: <message>, code, details}` | `application/json` |
//! | [`SuccessFlag`] | `{success: false, error: {code, message, details}, meta: {request_id, version}}` | `application/json` |
//! | [`GoogleRpc`] | AIP-193: `{error: {code, message, status, details: [ErrorInfo, RetryInfo, Help]}}` | `application/json` |
//! | [`JsonApi`] | JSON:API: `{errors: [{id, status, code, title, detail, links, meta}]}` | `application/vnd.api+json` |

mod code_message;
mod error_string;
mod google_rpc;
mod json_api;
mod problem;
mod success_flag;

use core::fmt;

use serde_json::{Value, json};

pub use code_message::CodeMessage;
pub use error_string::ErrorString;
pub use google_rpc::GoogleRpc;
pub use json_api::JsonApi;
pub use problem::{Problem, ReservedMember};
pub use success_flag::SuccessFlag;

use crate::fields::{FieldWriter, Position};
use crate::{ApiError, Context, Entry};

/// A JSON shape for error bodies. Implement it for a shape of your own; the built-in ones are
/// listed in the [module documentation](self).
///
/// A renderer writes through [`Output`], which has the entry's static text already escaped
/// (copied, never escaped again per response), the shared writers for the detail, message,
/// `resolve` and fields, and the escaping helpers for anything else.
///
/// ```
/// use apierror::envelope::{Envelope, Output, RenderError};
/// use apierror::{ApiError, ApiErrorExt, Context};
///
/// /// `{"error_code": ..., "http_status": ..., "details": {...}}`
/// struct Minimal;
///
/// impl Envelope for Minimal {
///     fn content_type(&self) -> &'static str {
///         "application/json"
///     }
///     fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
///         out.raw(b"{\"error_code\":");
///         out.code(error.entry());
///         out.raw(b",\"http_status\":");
///         out.number(u64::from(error.status().as_u16()));
///         out.fields_object(b",\"details\":", error)?;
///         out.raw(b"}");
///         Ok(())
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404)]
/// struct NotFound {
///     id: u32,
/// }
///
/// let mut body = Vec::new();
/// Minimal.render(&NotFound { id: 7 }, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// assert_eq!(body, br#"{"error_code":"NOT_FOUND","http_status":404,"details":{"id":7}}"#);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an envelope",
    label = "not an `apierror::envelope::Envelope`",
    note = "`envelope = ...` takes a constant of a type that implements `apierror::envelope::Envelope`, such as `apierror::envelope::CodeMessage` or `apierror::Problem::new().code_member(\"error_code\")`"
)]
pub trait Envelope {
    /// The `Content-Type` of bodies in this shape.
    fn content_type(&self) -> &'static str;

    /// Appends the body of `error` to `out`.
    ///
    /// # Errors
    /// When an exposed field fails to serialize, or the envelope reports a failure of its own
    /// ([`RenderError::custom`]); `out` may then hold a partial body, which
    /// [`ErrorResponder`](crate::ErrorResponder) discards.
    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Output<'_>)
    -> Result<(), RenderError>;

    /// Whether bodies in this shape have a top-level member `name` of their own, next to the
    /// exposed fields, so that a field exposed under that name would collide with it.
    ///
    /// No body ever has a member twice: an envelope leaves such a field out (its own member
    /// wins), and [`ServiceCatalog::collisions`](crate::docs::ServiceCatalog::collisions), checked
    /// with the lock, lists every field a service's envelope would leave out. The default,
    /// `false`, suits envelopes that put the fields in an object of their own (`details`,
    /// `meta`).
    ///
    /// ```
    /// use apierror::envelope::{CodeMessage, Envelope};
    /// use apierror::Problem;
    ///
    /// assert!(Problem::new().writes_member("title"));
    /// assert!(Problem::new().code_member("error_code").writes_member("error_code"));
    /// assert!(!CodeMessage.writes_member("code"));
    /// ```
    fn writes_member(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of bodies in this shape. `code` is the
    /// schema of the code member: a string enum of every code in the catalog, or a `$ref` to
    /// one. The default describes any JSON object.
    fn schema(&self, code: Value) -> Value {
        let _ = code;
        json!({"type": "object"})
    }

    /// The schema of one code's bodies: [`Envelope::schema`] with the exposed members described
    /// where this shape puts them. `members` is an object schema (`properties`, `required`) of
    /// the code's fields. The default ignores them.
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        let _ = members;
        self.schema(code)
    }
}

/// References and boxes of envelopes are envelopes, so a service can choose one at run time
/// (`Box<dyn Envelope>`) or lend one out (`&dyn Envelope`).
macro_rules! forward_envelope {
    ($($ptr:ty),*) => {$(
        impl<E: Envelope + ?Sized> Envelope for $ptr {
            fn content_type(&self) -> &'static str {
                (**self).content_type()
            }
            fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Output<'_>) -> Result<(), RenderError> {
                (**self).render(error, cx, out)
            }
            fn writes_member(&self, name: &str) -> bool {
                (**self).writes_member(name)
            }
            fn schema(&self, code: Value) -> Value {
                (**self).schema(code)
            }
            fn schema_with_members(&self, code: Value, members: Value) -> Value {
                (**self).schema_with_members(code, members)
            }
        }
    )*};
}
forward_envelope!(&E, Box<E>, std::sync::Arc<E>);

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

/// Rendering failed: an exposed field's `Serialize` implementation returned an error, or the
/// envelope reported a failure of its own.
#[derive(Debug)]
pub struct RenderError {
    field: Option<&'static str>,
    cause: Cause,
}

#[derive(Debug)]
enum Cause {
    Serialize(serde_json::Error),
    Custom(String),
}

impl RenderError {
    /// A failure of a custom envelope, described by `message` (for logs).
    ///
    /// ```
    /// let error = apierror::envelope::RenderError::custom("no doc_url for this entry");
    /// assert_eq!(error.to_string(), "the error body could not be rendered: no doc_url for this entry");
    /// ```
    pub fn custom(message: impl fmt::Display) -> Self {
        RenderError {
            field: None,
            cause: Cause::Custom(message.to_string()),
        }
    }

    /// The same failure, attributed to the exposed field `name`.
    #[must_use]
    pub fn in_field(mut self, name: &'static str) -> Self {
        self.field = Some(name);
        self
    }

    /// The exposed field whose value could not be written, when one is to blame.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    pub(crate) fn serialize(field: &'static str, error: serde_json::Error) -> Self {
        RenderError {
            field: Some(field),
            cause: Cause::Serialize(error),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.cause, self.field) {
            (Cause::Serialize(e), Some(field)) => {
                write!(f, "the exposed field `{field}` could not be serialized: {e}")
            }
            (Cause::Serialize(e), None) => write!(f, "an exposed field could not be serialized: {e}"),
            (Cause::Custom(message), Some(field)) => {
                write!(
                    f,
                    "the error body could not be rendered (field `{field}`): {message}"
                )
            }
            (Cause::Custom(message), None) => write!(f, "the error body could not be rendered: {message}"),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.cause {
            Cause::Serialize(e) => Some(e),
            Cause::Custom(_) => None,
        }
    }
}

/// The schema of the `resolve` object.
pub(crate) fn resolve_schema() -> Value {
    json!({
        "type": "object",
        "description": "Actionable resolution guidance.",
        "additionalProperties": false,
        "properties": {
            "message": {"type": "string"},
            "url": {"type": "string"},
            "action": {"type": "string"},
            "method": {"type": "string"},
            "endpoint": {"type": "string"},
        },
    })
}

/// Puts `members` (an object schema) at `at` (a JSON Pointer to an object schema inside
/// `schema`), closing that object: the members are all it holds.
pub(crate) fn place_members(mut schema: Value, at: &str, members: &Value) -> Value {
    if let Some(object) = schema.pointer_mut(at) {
        object["properties"] = members["properties"].clone();
        object["required"] = members["required"].clone();
        object["additionalProperties"] = Value::Bool(false);
    }
    schema
}

/// `members` with every property schema replaced by a string (AIP-193 metadata is a string map)
/// and those of violations left out.
pub(crate) fn without_violations(members: &Value) -> Value {
    let mut members = members.clone();
    let dropped: Vec<String> = members["properties"]
        .as_object()
        .map(|p| {
            p.iter()
                .filter(|(_, s)| is_violations(s))
                .map(|(k, _)| k.clone())
                .collect()
        })
        .unwrap_or_default();
    if let Some(properties) = members["properties"].as_object_mut() {
        for name in &dropped {
            properties.remove(name);
        }
    }
    if let Some(required) = members["required"].as_array_mut() {
        required.retain(|r| r.as_str().is_none_or(|r| !dropped.iter().any(|d| d == r)));
    }
    members
}

/// Whether a member schema is that of [`Violations`](crate::Violations).
pub(crate) fn is_violations(schema: &Value) -> bool {
    schema.get("title").and_then(Value::as_str) == Some("Violations")
}
