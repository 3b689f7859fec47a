//! Envelopes: the JSON shapes an error body can take, and the request context they read.

use core::fmt;
use core::time::Duration;

use serde_json::{Value, json};

use crate::json::{write_display, write_str, write_u64};
use crate::{ApiError, FieldWriter};

/// What the error itself cannot know about the request: all optional.
///
/// ```
/// use apierror::{Context, RateLimit};
///
/// let cx = Context::new()
///     .request_id("req_123")
///     .instance("/billing/checkout")
///     .version("v1")
///     .rate_limit(RateLimit::new(100, 0).reset_at(1_706_054_400).reset_after(12));
/// assert_eq!(cx.request_id, Some("req_123"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context<'a> {
    /// The request id, echoed in a header and in envelopes that carry it.
    pub request_id: Option<&'a str>,
    /// The problem `instance` (RFC 9457): a URI reference for this occurrence, such as the path.
    pub instance: Option<&'a str>,
    /// The API version (seed 004's `meta.version`).
    pub version: Option<&'a str>,
    /// The caller's rate-limit state, sent as headers.
    pub rate_limit: Option<RateLimit>,
}

impl<'a> Context<'a> {
    /// An empty context.
    #[must_use]
    pub const fn new() -> Self {
        Context {
            request_id: None,
            instance: None,
            version: None,
            rate_limit: None,
        }
    }

    /// Sets the request id.
    #[must_use]
    pub const fn request_id(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }

    /// Sets the problem instance.
    #[must_use]
    pub const fn instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// Sets the API version.
    #[must_use]
    pub const fn version(mut self, version: &'a str) -> Self {
        self.version = Some(version);
        self
    }

    /// Sets the rate-limit state.
    #[must_use]
    pub const fn rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.rate_limit = Some(rate_limit);
        self
    }
}

/// A caller's rate-limit state.
///
/// Sent as `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (the reset as Unix
/// time, seed 003's convention), and optionally as the IETF `RateLimit-Policy` / `RateLimit`
/// fields (which use the seconds until reset and the window length).
///
/// ```
/// let rl = apierror::RateLimit::new(100, 95).reset_at(1_706_054_400).reset_after(30).window(60);
/// assert_eq!((rl.limit, rl.remaining, rl.reset_at, rl.reset_after, rl.window), (100, 95, Some(1_706_054_400), Some(30), Some(60)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: u64,
    /// Requests left in the window.
    pub remaining: u64,
    /// When the window resets, as Unix time in seconds.
    pub reset_at: Option<u64>,
    /// Seconds until the window resets.
    pub reset_after: Option<u64>,
    /// The window length in seconds.
    pub window: Option<u64>,
}

impl RateLimit {
    /// A limit and what remains of it.
    #[must_use]
    pub const fn new(limit: u64, remaining: u64) -> Self {
        RateLimit {
            limit,
            remaining,
            reset_at: None,
            reset_after: None,
            window: None,
        }
    }

    /// Sets the reset time (Unix seconds).
    #[must_use]
    pub const fn reset_at(mut self, unix_seconds: u64) -> Self {
        self.reset_at = Some(unix_seconds);
        self
    }

    /// Sets the seconds until reset.
    #[must_use]
    pub const fn reset_after(mut self, seconds: u64) -> Self {
        self.reset_after = Some(seconds);
        self
    }

    /// Sets the window length in seconds.
    #[must_use]
    pub const fn window(mut self, seconds: u64) -> Self {
        self.window = Some(seconds);
        self
    }
}

/// Rendering failed: an exposed field's `Serialize` implementation returned an error.
#[derive(Debug)]
pub struct RenderError(serde_json::Error);

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an exposed field could not be serialized: {}", self.0)
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        RenderError(error)
    }
}

/// A JSON shape for error bodies. Implement it for a shape of your own; the built-in ones are
/// [`Problem`], [`CodeMessage`], [`ErrorCode`], [`SuccessFlag`], [`GoogleRpc`] and [`JsonApi`].
///
/// ```
/// use apierror::{ApiError, Context, Envelope, RenderError, json};
///
/// /// `{"error_code": ..., "http_status": ...}`
/// struct Minimal;
///
/// impl Envelope for Minimal {
///     fn content_type(&self) -> &'static str {
///         "application/json"
///     }
///     fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
///         out.extend_from_slice(b"{\"error_code\":");
///         json::write_str(out, error.code());
///         out.extend_from_slice(b",\"http_status\":");
///         out.extend_from_slice(error.status().as_str().as_bytes());
///         out.push(b'}');
///         Ok(())
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404)]
/// struct NotFound;
///
/// let mut out = Vec::new();
/// Minimal.render(&NotFound, &Context::new(), &mut out).unwrap();
/// assert_eq!(out, br#"{"error_code":"NOT_FOUND","http_status":404}"#);
/// ```
pub trait Envelope {
    /// The `Content-Type` of bodies in this shape.
    fn content_type(&self) -> &'static str;

    /// Appends the body of `error` to `out`.
    ///
    /// # Errors
    /// When an exposed field fails to serialize; `out` may then hold a partial body.
    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError>;

    /// Whether bodies in this shape have a top-level member `name` of their own, next to the
    /// exposed fields, so that a field exposed under that name would collide with it.
    ///
    /// No body ever has a member twice: an envelope leaves such a field out (its own member
    /// wins), and [`Service::collisions`](crate::docs::Service::collisions), checked with the
    /// lock, lists every field a service's envelope would leave out. The default, `false`, suits
    /// envelopes that put the fields in an object of their own (`details`, `meta`).
    ///
    /// ```
    /// use apierror::{Envelope, Problem};
    ///
    /// assert!(Problem::new().writes_member("title"));
    /// assert!(Problem::new().code_member("error_code").writes_member("error_code"));
    /// assert!(!apierror::CodeMessage.writes_member("code"));
    /// ```
    fn writes_member(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of bodies in this shape. `code` is the
    /// schema of the code member: a string enum of every code in the catalog. The default
    /// describes any JSON object.
    fn schema(&self, code: Value) -> Value {
        let _ = code;
        json!({"type": "object"})
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
            fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
                (**self).render(error, cx, out)
            }
            fn schema(&self, code: Value) -> Value {
                (**self).schema(code)
            }
            fn writes_member(&self, name: &str) -> bool {
                (**self).writes_member(name)
            }
        }
    )*};
}
forward_envelope!(&E, Box<E>);

/// The schema of seed 001's `resolve` object.
fn resolve_schema() -> Value {
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

/// `"detail"`: the pre-escaped static text, or the formatted text escaped as it is written.
fn write_detail(out: &mut Vec<u8>, error: &dyn ApiError) -> bool {
    let Some(detail) = error.detail() else {
        return false;
    };
    match detail.static_json() {
        Some(json) => out.extend_from_slice(json.as_bytes()),
        None => write_display(out, &detail),
    }
    true
}

/// The detail, or the title when there is none (the `message` of most envelopes).
fn write_message(out: &mut Vec<u8>, error: &dyn ApiError) {
    if !write_detail(out, error) {
        out.extend_from_slice(error.entry().parts().title_json.as_bytes());
    }
}

/// `,"<name>":{fields}`, or nothing at all when the error exposes no field.
fn write_fields_object(out: &mut Vec<u8>, name: &[u8], error: &dyn ApiError) -> Result<(), RenderError> {
    let start = out.len();
    out.extend_from_slice(name);
    out.push(b'{');
    let mut writer = FieldWriter::json(out, false);
    error.write_fields(&mut writer);
    if writer.finish()? == 0 {
        out.truncate(start);
    } else {
        out.push(b'}');
    }
    Ok(())
}

fn write_opt_str(out: &mut Vec<u8>, member: &[u8], value: Option<&str>) {
    if let Some(value) = value {
        out.extend_from_slice(member);
        write_str(out, value);
    }
}

/// RFC 9457 problem details (`application/problem+json`).
///
/// `type`, `title`, `status`, `detail` (when there is one), `instance` (from the context), the code
/// as an extension member (`code` unless renamed, e.g. `error_code` as seed 001 does), `resolve`
/// (absent parts omitted) and each exposed field as an extension member.
///
/// ```
/// use apierror::{ApiError, Context, Envelope, Problem};
///
/// #[derive(Debug, ApiError)]
/// #[api(type_base = "https://docs.example.com/errors/", rename_all = "snake_case")]
/// enum BillingError {
///     #[api(status = 402, detail = "No billing plan selected.",
///           resolve(message = "Select a billing plan to continue.", action = "select_plan"))]
///     NoActivePlan,
/// }
///
/// let mut body = Vec::new();
/// Problem::new().code_member("error_code").render(&BillingError::NoActivePlan, &Context::new(), &mut body).unwrap();
/// let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(body, serde_json::json!({
///     "type": "https://docs.example.com/errors/no_active_plan",
///     "title": "Payment Required",
///     "status": 402,
///     "detail": "No billing plan selected.",
///     "error_code": "no_active_plan",
///     "resolve": {"message": "Select a billing plan to continue.", "action": "select_plan"},
/// }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    code_member: &'static str,
}

impl Problem {
    /// Problem details with the code in a `code` member.
    #[must_use]
    pub const fn new() -> Self {
        Problem { code_member: "code" }
    }

    /// Puts the code in another extension member, such as `error_code`.
    #[must_use]
    pub const fn code_member(mut self, name: &'static str) -> Self {
        self.code_member = name;
        self
    }
}

impl Default for Problem {
    fn default() -> Self {
        Problem::new()
    }
}

impl Problem {
    /// The members a problem body writes itself: RFC 9457's, the code member and `resolve`.
    const fn own_members(&self) -> [&'static str; 7] {
        [
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "resolve",
            self.code_member,
        ]
    }
}

impl Envelope for Problem {
    fn writes_member(&self, name: &str) -> bool {
        self.own_members().contains(&name)
    }

    fn schema(&self, code: Value) -> Value {
        let mut properties = json!({
            "type": {"type": "string", "format": "uri-reference", "description": "The problem type URI."},
            "title": {"type": "string", "description": "Short, static summary of the problem type."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "Explanation of this occurrence."},
            "instance": {"type": "string", "format": "uri-reference", "description": "This occurrence."},
            "resolve": resolve_schema(),
        });
        properties[self.code_member] = code;
        json!({
            "type": "object",
            "required": ["type", "title", "status", self.code_member],
            "properties": properties,
            "additionalProperties": true,
        })
    }

    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let entry = error.entry();
        let parts = entry.parts();
        out.extend_from_slice(b"{\"type\":");
        out.extend_from_slice(parts.type_json.as_bytes());
        out.extend_from_slice(b",\"title\":");
        out.extend_from_slice(parts.title_json.as_bytes());
        out.extend_from_slice(b",\"status\":");
        out.extend_from_slice(entry.status().as_str().as_bytes());
        let before_detail = out.len();
        out.extend_from_slice(b",\"detail\":");
        if !write_detail(out, error) {
            out.truncate(before_detail);
        }
        write_opt_str(out, b",\"instance\":", cx.instance);
        out.push(b',');
        write_str(out, self.code_member);
        out.push(b':');
        out.extend_from_slice(parts.code_json.as_bytes());
        if !parts.resolve_json.is_empty() {
            out.extend_from_slice(b",\"resolve\":");
            out.extend_from_slice(parts.resolve_json.as_bytes());
        }
        let own = self.own_members();
        let mut writer = FieldWriter::json(out, true).skipping(&own);
        error.write_fields(&mut writer);
        writer.finish()?;
        out.push(b'}');
        Ok(())
    }
}

/// `{"code", "message", "details"}` (seed 002): `message` is the detail, or the title when there
/// is none; `details` holds the exposed fields and is omitted when there are none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeMessage;

impl Envelope for CodeMessage {
    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": false,
            "properties": {"code": code, "message": {"type": "string"}, "details": {"type": "object"}},
        })
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        out.extend_from_slice(b"{\"code\":");
        out.extend_from_slice(error.entry().parts().code_json.as_bytes());
        out.extend_from_slice(b",\"message\":");
        write_message(out, error);
        write_fields_object(out, b",\"details\":", error)?;
        out.push(b'}');
        Ok(())
    }
}

/// `{"error", "code", "details"}` (seed 003): `error` is the detail, or the title when there is
/// none; `details` holds the exposed fields and is omitted when there are none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ErrorCode;

impl Envelope for ErrorCode {
    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["error", "code"],
            "additionalProperties": false,
            "properties": {"error": {"type": "string"}, "code": code, "details": {"type": "object"}},
        })
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        out.extend_from_slice(b"{\"error\":");
        write_message(out, error);
        out.extend_from_slice(b",\"code\":");
        out.extend_from_slice(error.entry().parts().code_json.as_bytes());
        write_fields_object(out, b",\"details\":", error)?;
        out.push(b'}');
        Ok(())
    }
}

/// `{"success": false, "error": {"code", "message"}, "meta": {"request_id", "version"}}`
/// (seed 004). `meta` members come from the [`Context`] and are omitted when unknown; exposed
/// fields, if any, go in `error.details`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuccessFlag;

impl Envelope for SuccessFlag {
    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["success", "error", "meta"],
            "additionalProperties": false,
            "properties": {
                "success": {"const": false},
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "additionalProperties": false,
                    "properties": {"code": code, "message": {"type": "string"}, "details": {"type": "object"}},
                },
                "meta": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {"request_id": {"type": "string"}, "version": {"type": "string"}},
                },
            },
        })
    }

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        out.extend_from_slice(b"{\"success\":false,\"error\":{\"code\":");
        out.extend_from_slice(error.entry().parts().code_json.as_bytes());
        out.extend_from_slice(b",\"message\":");
        write_message(out, error);
        write_fields_object(out, b",\"details\":", error)?;
        out.extend_from_slice(b"},\"meta\":{");
        let start = out.len();
        write_opt_str(out, b",\"request_id\":", cx.request_id);
        write_opt_str(out, b",\"version\":", cx.version);
        if out.len() > start {
            // Drop the comma in front of the first member.
            out.remove(start);
        }
        out.extend_from_slice(b"}}");
        Ok(())
    }
}

/// Google's AIP-193 error model (`google.rpc.Status` as JSON):
/// `{"error": {"code": <status>, "message", "status": <canonical code>, "details": [...]}}` with an
/// `ErrorInfo` (reason = the code, the configured domain, metadata = exposed fields as strings),
/// a `RetryInfo` when a retry delay is known, and a `Help` link when `resolve` has a url.
///
/// ```
/// use apierror::{ApiError, Context, Envelope, GoogleRpc};
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, retry_after = 60)]
/// struct QuotaExceeded;
///
/// let mut body = Vec::new();
/// GoogleRpc::new("example.com").render(&QuotaExceeded, &Context::new(), &mut body).unwrap();
/// let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
/// assert_eq!(body["error"]["status"], "RESOURCE_EXHAUSTED");
/// assert_eq!(body["error"]["details"][1]["retryDelay"], "60s");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// assert_eq!(apierror::GoogleRpc::canonical_code(404), "NOT_FOUND");
    /// assert_eq!(apierror::GoogleRpc::canonical_code(402), "FAILED_PRECONDITION");
    /// ```
    #[must_use]
    pub const fn canonical_code(status: u16) -> &'static str {
        match status {
            400 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            403 => "PERMISSION_DENIED",
            404 => "NOT_FOUND",
            405 | 501 => "UNIMPLEMENTED",
            408 | 504 => "DEADLINE_EXCEEDED",
            409 => "ABORTED",
            416 => "OUT_OF_RANGE",
            429 => "RESOURCE_EXHAUSTED",
            499 => "CANCELLED",
            502 | 503 => "UNAVAILABLE",
            500..=599 => "INTERNAL",
            _ => "FAILED_PRECONDITION",
        }
    }
}

impl GoogleRpc {
    /// The `ErrorInfo.reason` of a code: UPPER_SNAKE_CASE, as AIP-193 requires
    /// (`[A-Z][A-Z0-9_]+[A-Z0-9]`). Word breaks are `_`, `-`, `.`, spaces and a lower-case letter
    /// or digit followed by an upper-case one; anything else that is not a letter or digit is
    /// dropped.
    ///
    /// ```
    /// use apierror::GoogleRpc;
    ///
    /// assert_eq!(GoogleRpc::reason("rate_limit_exceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("rate-limit-exceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("rateLimitExceeded"), "RATE_LIMIT_EXCEEDED");
    /// assert_eq!(GoogleRpc::reason("BadArgument"), "BAD_ARGUMENT");
    /// assert_eq!(GoogleRpc::reason("CREDIT_EXHAUSTED"), "CREDIT_EXHAUSTED");
    /// ```
    #[must_use]
    pub fn reason(code: &str) -> String {
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
}

impl Envelope for GoogleRpc {
    fn schema(&self, code: Value) -> Value {
        // `reason` is the code in UPPER_SNAKE_CASE (see `GoogleRpc::reason`), so the code enum
        // is mapped when it is given inline and replaced by AIP-193's pattern otherwise.
        let reason = match code.get("enum").and_then(Value::as_array) {
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

    fn content_type(&self) -> &'static str {
        "application/json"
    }

    fn render(&self, error: &dyn ApiError, _: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let entry = error.entry();
        let status = entry.status();
        out.extend_from_slice(b"{\"error\":{\"code\":");
        out.extend_from_slice(status.as_str().as_bytes());
        out.extend_from_slice(b",\"message\":");
        write_message(out, error);
        out.extend_from_slice(b",\"status\":\"");
        out.extend_from_slice(Self::canonical_code(status.as_u16()).as_bytes());
        out.extend_from_slice(
            b"\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":",
        );
        write_reason(out, entry);
        out.extend_from_slice(b",\"domain\":");
        write_str(out, self.domain);
        let start = out.len();
        out.extend_from_slice(b",\"metadata\":{");
        let mut writer = FieldWriter::json_strings(out, false);
        error.write_fields(&mut writer);
        if writer.finish()? == 0 {
            out.truncate(start);
        } else {
            out.push(b'}');
        }
        out.push(b'}');
        if let Some(delay) = error.retry_after() {
            out.extend_from_slice(
                b",{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"",
            );
            write_duration(out, delay);
            out.extend_from_slice(b"\"}");
        }
        if let Some(url) = entry.resolve().and_then(crate::Resolve::url) {
            let description = entry
                .resolve()
                .and_then(crate::Resolve::message)
                .unwrap_or(entry.title());
            out.extend_from_slice(
                b",{\"@type\":\"type.googleapis.com/google.rpc.Help\",\"links\":[{\"description\":",
            );
            write_str(out, description);
            out.extend_from_slice(b",\"url\":");
            write_str(out, url);
            out.extend_from_slice(b"}]}");
        }
        out.extend_from_slice(b"]}}");
        Ok(())
    }
}

/// `ErrorInfo.reason`, which AIP-193 requires to match `[A-Z][A-Z0-9_]+[A-Z0-9]`: the code as it
/// is when it already does (a `SCREAMING_SNAKE_CASE` catalog), otherwise in UPPER_SNAKE_CASE.
fn write_reason(out: &mut Vec<u8>, entry: &crate::Entry) {
    let code = entry.code();
    if code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        out.extend_from_slice(entry.parts().code_json.as_bytes());
    } else {
        out.push(b'"');
        out.extend_from_slice(GoogleRpc::reason(code).as_bytes());
        out.push(b'"');
    }
}

/// A `google.protobuf.Duration` in its JSON form: seconds with 0, 3, 6 or 9 fractional digits.
fn write_duration(out: &mut Vec<u8>, delay: Duration) {
    write_u64(out, delay.as_secs());
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
        let mut buf = Vec::with_capacity(9);
        write_u64(&mut buf, u64::from(value));
        out.resize(out.len() + digits - buf.len(), b'0');
        out.extend_from_slice(&buf);
    }
    out.push(b's');
}

/// JSON:API (`application/vnd.api+json`):
/// `{"errors": [{"id", "status": "402", "code", "title", "detail", "links": {"type"}, "meta": {...}}]}`
/// with `id` the request id, `links.type` the problem type URI (omitted for `about:blank`) and
/// `meta` the exposed fields; absent members are omitted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JsonApi;

impl Envelope for JsonApi {
    fn schema(&self, code: Value) -> Value {
        json!({
            "type": "object",
            "required": ["errors"],
            "additionalProperties": false,
            "properties": {"errors": {"type": "array", "items": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "id": {"type": "string"},
                    "status": {"type": "string"},
                    "code": code,
                    "title": {"type": "string"},
                    "detail": {"type": "string"},
                    "links": {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {"type": {"type": "string", "format": "uri-reference"}},
                    },
                    "meta": {"type": "object"},
                },
            }}},
        })
    }

    fn content_type(&self) -> &'static str {
        "application/vnd.api+json"
    }

    fn render(&self, error: &dyn ApiError, cx: &Context<'_>, out: &mut Vec<u8>) -> Result<(), RenderError> {
        let entry = error.entry();
        let parts = entry.parts();
        out.extend_from_slice(b"{\"errors\":[{");
        if let Some(id) = cx.request_id {
            out.extend_from_slice(b"\"id\":");
            write_str(out, id);
            out.push(b',');
        }
        out.extend_from_slice(b"\"status\":\"");
        out.extend_from_slice(entry.status().as_str().as_bytes());
        out.extend_from_slice(b"\",\"code\":");
        out.extend_from_slice(parts.code_json.as_bytes());
        out.extend_from_slice(b",\"title\":");
        out.extend_from_slice(parts.title_json.as_bytes());
        let before_detail = out.len();
        out.extend_from_slice(b",\"detail\":");
        if !write_detail(out, error) {
            out.truncate(before_detail);
        }
        if entry.type_uri() != crate::ABOUT_BLANK {
            out.extend_from_slice(b",\"links\":{\"type\":");
            out.extend_from_slice(parts.type_json.as_bytes());
            out.push(b'}');
        }
        write_fields_object(out, b",\"meta\":", error)?;
        out.extend_from_slice(b"}]}");
        Ok(())
    }
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
        ];
        for (delay, expected) in cases {
            let mut out = Vec::new();
            write_duration(&mut out, delay);
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }
}
