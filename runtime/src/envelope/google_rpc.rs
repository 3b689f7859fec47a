//! Google's AIP-193 error model (`google.rpc.Status` as JSON).

use core::time::Duration;

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError};
use crate::fields::Position;
use crate::{ApiError, Context};

/// Google's AIP-193 error model (`google.rpc.Status` as JSON):
/// `{"error": {"code": <status>, "message", "status": <canonical code>, "details": [...]}}` with an
/// `ErrorInfo` (reason = the code in `UPPER_SNAKE_CASE`, the configured domain, metadata = exposed
/// fields as strings under lowerCamelCase keys), a `BadRequest` for validation errors, a `LocalizedMessage` when the
/// [`Context`] has one, a `RetryInfo` when a retry delay is known, and a `Help` link when
/// `resolve` has a url.
///
/// ```
/// use apierror::envelope::{Envelope, GoogleRpc, Output};
/// use apierror::{ApiError, Context};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, retry_after = 60)]
/// struct QuotaExceeded;
///
/// let mut body = Vec::new();
/// GoogleRpc::new("example.com").render(&QuotaExceeded, &Context::new(), &mut Output::new(&mut body)).unwrap();
/// let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
/// assert_eq!(body["error"]["details"][1]["retryDelay"], "60s");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GoogleRpc {
    domain: &'static str,
}

impl GoogleRpc {
    /// The envelope for a service whose `ErrorInfo.domain` is `domain` (e.g. `"example.com"`).
    #[must_use]
    pub const fn new(domain: &'static str) -> Self {
        GoogleRpc { domain }
    }

    /// The canonical code (`google.rpc.Code` name) that corresponds to an HTTP status, after
    /// the mapping documented in `google/rpc/code.proto`; statuses it does not list map to
    /// `FAILED_PRECONDITION` (4xx) or `INTERNAL` / `UNAVAILABLE` (5xx).
    ///
    /// ```
    /// assert_eq!(apierror::envelope::GoogleRpc::canonical_code(404), "NOT_FOUND");
    /// assert_eq!(apierror::envelope::GoogleRpc::canonical_code(402), "FAILED_PRECONDITION");
    /// ```
    #[must_use]
    pub const fn canonical_code(status: u16) -> &'static str {
        crate::GrpcCode::for_status(status).as_str()
    }
}

impl GoogleRpc {
    /// The `ErrorInfo.reason` of a code: `UPPER_SNAKE_CASE`, as AIP-193 requires
    /// (`[A-Z][A-Z0-9_]+[A-Z0-9]`). Word breaks are `_`, `-`, `.`, spaces and a lower-case letter
    /// or digit followed by an upper-case one; anything else that is not a letter or digit is
    /// dropped.
    ///
    /// ```
    /// use apierror::envelope::GoogleRpc;
    ///
    /// assert_eq!(GoogleRpc::reason("rate_limit_exceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("rate-limit-exceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("rateLimitExceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("BadArgument"), "BAD_ARGUMENT");
    /// assert_eq!(GoogleRpc::reason("CREDIT_EXHAUSTED"), "CREDIT_EXHAUSTED");
    /// ```
    #[must_use]
    pub fn reason(code: &str) -> String {
        crate::codes::reason(code)
    }
}

impl Envelope for GoogleRpc {
    fn schema(&self, code: Value) -> Value {
        // `reason` is the code in UPPER_SNAKE_CASE (see `GoogleRpc::reason`), so the code enum
        // (or the one code) is mapped when it is given inline and replaced by AIP-193's pattern
        // otherwise.
        let reason = match code.get("enum").and_then(Value::as_array) {
            None if code.get("const").is_some_and(Value::is_string) => {
                let reason = Self::reason(code["const"].as_str().unwrap_or_default());
                json!({"type": "string", "const": reason, "description": "The error code in UPPER_SNAKE_CASE."})
            }
            Some(codes) => {
                let reasons: Vec<String> = codes.iter().filter_map(Value::as_str).map(Self::reason).collect();
                json!({"type": "string", "enum": reasons, "description": "The error code in UPPER_SNAKE_CASE."})
            }
            None => json!({
                "type": "string",
                "pattern": "^[A-Z][A-Z0-9_]+[A-Z0-9]$",
                "description": "The error code in UPPER_SNAKE_CASE.",
            }),
        };
        let detail = |type_url: &str, required: &[&str], properties: Value| {
            let mut properties = properties;
            properties["@type"] = json!({"const": type_url});
            let mut required: Vec<&str> = required.to_vec();
            required.insert(0, "@type");
            json!({"type": "object", "required": required, "properties": properties, "additionalProperties": false})
        };
        json!({
            "type": "object",
            "required": ["error"],
            "additionalProperties": false,
            "properties": {"error": {
                "type": "object",
                "required": ["code", "message", "status"],
                "additionalProperties": false,
                "properties": {
                    "code": {"type": "integer", "description": "The HTTP status code."},
                    "message": {"type": "string"},
                    "status": {"type": "string", "description": "The `google.rpc.Code` name."},
                    "details": {"type": "array", "items": {"oneOf": [
                        detail("type.googleapis.com/google.rpc.ErrorInfo", &["reason", "domain"], json!({
                            "reason": reason,
                            "domain": {"type": "string"},
                            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                        })),
                        detail("type.googleapis.com/google.rpc.LocalizedMessage", &["locale", "message"], json!({
                            "locale": {"type": "string"},
                            "message": {"type": "string"},
                        })),
                        detail("type.googleapis.com/google.rpc.BadRequest", &["fieldViolations"], json!({
                            "fieldViolations": {"type": "array", "items": {
                                "type": "object",
                                "required": ["field", "description"],
                                "additionalProperties": false,
                                "properties": {
                                    "field": {"type": "string"},
                                    "description": {"type": "string"},
                                    "reason": {"type": "string"},
                                },
                            }},
                        })),
                        detail("type.googleapis.com/google.rpc.RetryInfo", &["retryDelay"], json!({
                            "retryDelay": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]{3}|\\.[0-9]{6}|\\.[0-9]{9})?s$"},
                        })),
                        detail("type.googleapis.com/google.rpc.Help", &["links"], json!({
                            "links": {"type": "array", "items": {
                                "type": "object",
                                "required": ["description", "url"],
                                "additionalProperties": false,
                                "properties": {"description": {"type": "string"}, "url": {"type": "string"}},
                            }},
                        })),
                    ]}},
                },
            }},
        })
    }

    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        // Metadata values are strings (AIP-193); violations go in a BadRequest detail instead.
        let mut members = super::without_violations(&members);
        if let Some(properties) = members["properties"].as_object_mut() {
            // Keys in lowerCamelCase, values strings, as the body has them.
            *properties = properties
                .keys()
                .map(|name| {
                    (
                        crate::codes::metadata_key(name).into_owned(),
                        json!({"type": "string"}),
                    )
                })
                .collect();
        }
        // An absent value is left out of the string map, so no member is required there.
        members["required"] = json!([]);
        // The ErrorInfo detail is the first of `oneOf`.
        super::place_members(
            self.schema(code),
            "/properties/error/properties/details/items/oneOf/0/properties/metadata",
            &members,
        )
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn domain(&self) -> Option<&'static str> {
        Some(self.domain)
    }

    fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        let entry = error.entry();
        out.raw(b"{\"error\":{\"code\":");
        out.status(entry);
        out.raw(b",\"message\":");
        out.message(error);
        out.raw(b",\"status\":\"");
        out.raw(entry.grpc_code().as_str().as_bytes());
        out.raw(b"\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":");
        write_reason(out, entry);
        out.raw(b",\"domain\":");
        out.string(self.domain);
        let start = out.len();
        out.raw(b",\"metadata\":{");
        let violations = error.violations();
        let skip = [violations.map_or("", |(name, _)| name)];
        let mut writer = out.fields(Position::First).as_metadata().skipping(&skip);
        error.write_fields(&mut writer);
        if writer.finish()? == 0 {
            out.truncate(start);
        } else {
            out.raw(b"}");
        }
        out.raw(b"}");
        if let Some((_, violations)) = violations {
            // `google.rpc.BadRequest`: each violation at its field path.
            out.raw(b",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[");
            for (i, violation) in violations.iter().enumerate() {
                if i > 0 {
                    out.raw(b",");
                }
                out.raw(b"{\"field\":");
                out.string(&violation.field_path());
                out.raw(b",\"description\":");
                out.string(violation.message());
                if let Some(code) = violation.code() {
                    out.raw(b",\"reason\":");
                    out.string(&Self::reason(code));
                }
                out.raw(b"}");
            }
            out.raw(b"]}");
        } else if let Some(location) = error.location() {
            // The location as the one field violation: a body pointer as a field path, a
            // parameter or header by its name.
            out.raw(
                b",{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[{\"field\":",
            );
            match location {
                crate::Location::Pointer(pointer) => {
                    out.string(&crate::Violation::new(pointer, "").field_path());
                }
                _ => out.string(location.value()),
            }
            out.raw(b",\"description\":");
            out.message(error);
            out.raw(b"}]}");
        }
        if let Some((locale, message)) = cx.localized_message() {
            out.raw(b",{\"@type\":\"type.googleapis.com/google.rpc.LocalizedMessage\",\"locale\":");
            out.string(locale);
            out.raw(b",\"message\":");
            out.string(message);
            out.raw(b"}");
        }
        if let Some(delay) = error.retry_after() {
            out.raw(b",{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"");
            write_duration(out.buffer(), delay);
            out.raw(b"\"}");
        }
        if let Some(url) = entry.resolve().and_then(crate::Resolve::url) {
            let description = entry
                .resolve()
                .and_then(crate::Resolve::message)
                .unwrap_or(entry.title());
            out.raw(b",{\"@type\":\"type.googleapis.com/google.rpc.Help\",\"links\":[{\"description\":");
            out.string(description);
            out.raw(b",\"url\":");
            out.string(url);
            out.raw(b"}]}");
        }
        out.raw(b"]}}");
        Ok(())
    }
}

/// `ErrorInfo.reason`, which AIP-193 requires to match `[A-Z][A-Z0-9_]+[A-Z0-9]`: the code as it
/// is when it already does (a `SCREAMING_SNAKE_CASE` catalog), otherwise in `UPPER_SNAKE_CASE`.
fn write_reason(out: &mut Output<'_>, entry: &crate::Entry) {
    let code = entry.code();
    if code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        out.code(entry);
    } else {
        out.string(&GoogleRpc::reason(code));
    }
}

/// The longest `google.protobuf.Duration`: 10,000 years, in seconds (`duration.proto`).
const MAX_DURATION_SECONDS: u64 = 315_576_000_000;

/// A `google.protobuf.Duration` in its JSON form: seconds with 0, 3, 6 or 9 fractional digits,
/// capped at the type's range (10,000 years).
fn write_duration(out: &mut Vec<u8>, delay: Duration) {
    let delay = delay.min(Duration::from_secs(MAX_DURATION_SECONDS));
    out.extend_from_slice(itoa::Buffer::new().format(delay.as_secs()).as_bytes());
    let nanos = delay.subsec_nanos();
    if nanos != 0 {
        let (value, digits) = if nanos.is_multiple_of(1_000_000) {
            (nanos / 1_000_000, 3)
        } else if nanos.is_multiple_of(1_000) {
            (nanos / 1_000, 6)
        } else {
            (nanos, 9)
        };
        out.push(b'.');
        let mut buf = itoa::Buffer::new();
        let value = buf.format(value);
        out.resize(out.len() + digits - value.len(), b'0');
        out.extend_from_slice(value.as_bytes());
    }
    out.push(b's');
}

#[cfg(feature = "client")]
impl super::Decode for GoogleRpc {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        use super::decode::{members, text};
        use crate::remote::RemoteResolve;
        let Some(inner) = body.get("error").and_then(Value::as_object) else {
            return false;
        };
        if let Some(message) = text(inner, "message") {
            error.set_detail(message);
        }
        let details = inner
            .get("details")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for detail in details.iter().filter_map(Value::as_object).take(32) {
            match detail.get("@type").and_then(Value::as_str) {
                Some("type.googleapis.com/google.rpc.ErrorInfo") => {
                    if let Some(reason) = text(detail, "reason") {
                        error.set_code(reason);
                    }
                    if let Some(metadata) = detail.get("metadata").and_then(Value::as_object) {
                        members(metadata, &[], error);
                    }
                }
                Some("type.googleapis.com/google.rpc.RetryInfo") => {
                    if let Some(delay) = detail
                        .get("retryDelay")
                        .and_then(Value::as_str)
                        .and_then(parse_duration)
                    {
                        error.set_body_retry_delay(delay);
                    }
                }
                Some("type.googleapis.com/google.rpc.BadRequest") => {
                    let list = detail
                        .get("fieldViolations")
                        .and_then(Value::as_array)
                        .map_or(&[][..], Vec::as_slice);
                    let violations = list
                        .iter()
                        .filter_map(Value::as_object)
                        .take(super::decode::MAX_VIOLATIONS)
                        .map(|v| {
                            let field = text(v, "field").unwrap_or_default();
                            let message = text(v, "description").unwrap_or_default();
                            // An AIP-161 path, or (from another server) any text: one token.
                            let violation = crate::Violation::from_field_path(&field, message.clone())
                                .unwrap_or_else(|| crate::Violation::from_tokens([field], message));
                            match text(v, "reason") {
                                Some(reason) => violation.with_code(reason),
                                None => violation,
                            }
                        })
                        .collect();
                    error.set_violations(violations);
                }
                Some("type.googleapis.com/google.rpc.Help") => {
                    let link = detail
                        .get("links")
                        .and_then(Value::as_array)
                        .and_then(|l| l.first());
                    if let Some(link) = link.and_then(Value::as_object) {
                        error.set_resolve(RemoteResolve {
                            message: text(link, "description"),
                            url: text(link, "url"),
                            ..RemoteResolve::default()
                        });
                    }
                }
                _ => {}
            }
        }
        error.set_shape("google.rpc");
        true
    }
}

/// A `google.protobuf.Duration` in its JSON form (`"1.500s"`), the inverse of `write_duration`.
#[cfg(feature = "client")]
fn parse_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (secs, fraction) = number.split_once('.').unwrap_or((number, ""));
    if secs.is_empty()
        || !secs.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 9
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let secs = secs.parse::<u64>().unwrap_or(u64::MAX);
    let nanos = if fraction.is_empty() {
        0
    } else {
        fraction.parse::<u32>().ok()? * 10_u32.pow(9 - u32::try_from(fraction.len()).ok()?)
    };
    Some(Duration::new(secs, nanos))
}

#[cfg(test)]
mod tests {
    use core::time::Duration;

    use super::write_duration;

    #[test]
    fn protobuf_durations() {
        let cases = [
            (Duration::from_secs(60), "60s"),
            (Duration::from_millis(1500), "1.500s"),
            (Duration::from_micros(2_000_001), "2.000001s"),
            (Duration::new(0, 7), "0.000000007s"),
            (Duration::from_secs(315_576_000_000), "315576000000s"),
            (Duration::new(315_576_000_000, 1), "315576000000s"),
            (Duration::MAX, "315576000000s"),
        ];
        for (delay, expected) in cases {
            let mut out = Vec::new();
            write_duration(&mut out, delay);
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
