//! RFC 9457 problem details.

use serde_json::{Value, json};

use super::{Envelope, Output, RenderError, resolve_schema};
use crate::fields::Position;
use crate::{ApiError, Context};

/// RFC 9457 problem details (`application/problem+json`).
///
/// `type`, `title`, `status`, `detail` (when there is one), `instance` (from the context), the code
/// as an extension member (`code` unless renamed, e.g. `error_code`), `resolve` (absent parts
/// omitted) and each exposed field as an extension member. A field whose name the body already
/// has is left out (see [`Envelope::writes_member`]); [`Problem::without_code`] leaves the code
/// out, for bodies exactly as the RFC's examples.
///
/// ```
/// use apierror::envelope::{Envelope, Output};
/// use apierror::{ApiError, Context, Problem};
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
/// let envelope = Problem::new().with_code_member("error_code");
/// envelope.render(&BillingError::NoActivePlan, &Context::new(), &mut Output::new(&mut body)).unwrap();
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The code's member name; empty for no code member.
    code_member: &'static str,
    /// Whether bodies carry the retry strategy as a `retry` extension member.
    retry_member: bool,
    /// Whether bodies carry the `status` member (RFC 9457 makes it advisory).
    with_status: bool,
}

impl Problem {
    /// Problem details with the code in a `code` member.
    #[must_use]
    pub const fn new() -> Self {
        Problem {
            code_member: "code",
            retry_member: false,
            with_status: true,
        }
    }

    /// The members problem details write themselves, which no code member may take:
    /// RFC 9457's five, `errors` (violations, as in RFC 9457's example), and apierror's
    /// `resolve` and `retry`.
    ///
    /// ```
    /// assert!(apierror::Problem::MEMBERS.contains(&"instance"));
    /// ```
    pub const MEMBERS: &'static [&'static str] = &[
        "type", "title", "status", "detail", "instance", "errors", "resolve", "retry",
    ];

    /// Puts the code in another extension member, such as `error_code`.
    ///
    /// # Panics
    /// When `name` is empty or one of [`Problem::MEMBERS`] (the body would have the member
    /// twice): in a constant, such as `#[api(envelope = ...)]`, that is a compile error. Use
    /// [`Problem::try_code_member`] for a name known only at run time, and
    /// [`Problem::without_code`] for no code member.
    ///
    /// ```
    /// let envelope = apierror::Problem::new().with_code_member("error_code");
    /// # let _ = envelope;
    /// ```
    #[must_use]
    pub const fn with_code_member(self, name: &'static str) -> Self {
        match self.try_with_code_member(name) {
            Ok(problem) => problem,
            Err(_) => panic!(
                "the code member cannot be empty or a member problem details already have (type, title, status, detail, instance, errors, resolve, retry): choose another name, such as \"error_code\""
            ),
        }
    }

    /// Puts the code in the member `name`, unless problem details already have it.
    ///
    /// # Errors
    /// [`ReservedMember`] when `name` is empty or one of [`Problem::MEMBERS`].
    ///
    /// ```
    /// use apierror::Problem;
    ///
    /// assert!(Problem::new().try_with_code_member("error_code").is_ok());
    /// let err = Problem::new().try_with_code_member("type").unwrap_err();
    /// assert_eq!(err.to_string(), "`type` is a member problem details already have (type, title, status, detail, instance, errors, resolve, retry): choose another name for the code, such as `error_code`");
    /// ```
    pub const fn try_with_code_member(mut self, name: &'static str) -> Result<Self, ReservedMember> {
        if name.is_empty() {
            return Err(ReservedMember(name));
        }
        let mut i = 0;
        while i < Self::MEMBERS.len() {
            if crate::tree::same(Self::MEMBERS[i], name) {
                return Err(ReservedMember(name));
            }
            i += 1;
        }
        self.code_member = name;
        Ok(self)
    }

    /// Leaves the code out of the body: RFC 9457 defines no code member, and its examples
    /// have none (the problem `type` identifies the problem).
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// struct NotFound;
    ///
    /// let mut body = Vec::new();
    /// Problem::new().without_code().render(&NotFound, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert_eq!(body, br#"{"type":"about:blank","title":"Not Found","status":404}"#);
    /// ```
    #[must_use]
    pub const fn without_code(mut self) -> Self {
        self.code_member = "";
        self
    }

    /// Puts the retry strategy on the wire as a `retry` extension member (`"after_delay"`, see
    /// [`Retry::as_str`](crate::Retry::as_str)), so that clients without the service's error
    /// type learn it; the client side's retry policy reads it.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409, retry = "new_key")]
    /// struct IdempotencyConflict;
    ///
    /// let mut body = Vec::new();
    /// Problem::new().with_retry_member().render(&IdempotencyConflict, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert!(String::from_utf8(body).unwrap().ends_with(r#""code":"IDEMPOTENCY_CONFLICT","retry":"new_key"}"#));
    /// ```
    #[must_use]
    pub const fn with_retry_member(mut self) -> Self {
        self.retry_member = true;
        self
    }

    /// The 0.2 name of [`Problem::with_code_member`].
    #[deprecated(note = "renamed `with_code_member`")]
    #[doc(hidden)]
    #[must_use]
    pub const fn code_member(self, name: &'static str) -> Self {
        self.with_code_member(name)
    }

    /// The 0.2 name of [`Problem::try_with_code_member`].
    ///
    /// # Errors
    /// As [`Problem::try_with_code_member`].
    #[deprecated(note = "renamed `try_with_code_member`")]
    #[doc(hidden)]
    pub const fn try_code_member(self, name: &'static str) -> Result<Self, ReservedMember> {
        self.try_with_code_member(name)
    }

    /// The 0.2 name of [`Problem::with_retry_member`].
    #[deprecated(note = "renamed `with_retry_member`")]
    #[doc(hidden)]
    #[must_use]
    pub const fn retry_member(self) -> Self {
        self.with_retry_member()
    }

    /// Leaves the `status` member out: RFC 9457 makes it advisory (the response's status is the
    /// one that counts), and its examples have none. With [`Problem::without_code`], bodies are
    /// exactly as the RFC's examples.
    ///
    /// ```
    /// use apierror::envelope::{Envelope, Output};
    /// use apierror::{ApiError, Context, Problem};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, title = "Not here.")]
    /// struct NotFound;
    ///
    /// let mut body = Vec::new();
    /// let envelope = Problem::new().without_code().without_status();
    /// envelope.render(&NotFound, &Context::new(), &mut Output::new(&mut body)).unwrap();
    /// assert_eq!(body, br#"{"type":"about:blank","title":"Not here."}"#);
    /// ```
    #[must_use]
    pub const fn without_status(mut self) -> Self {
        self.with_status = false;
        self
    }

    /// The members a problem body writes itself: the ones chosen at run time first (the only
    /// ones a derived field can still collide with), then RFC 9457's and `resolve`.
    const fn own_members(&self) -> [&'static str; 8] {
        let retry = if self.retry_member { "retry" } else { "" };
        let [ty, title, status, detail, instance, _errors, resolve, _retry] = *Self::MEMBERS else {
            unreachable!()
        };
        [
            self.code_member,
            retry,
            ty,
            title,
            status,
            detail,
            instance,
            resolve,
        ]
    }
}

/// A code member name that [`Problem`] bodies already have (or an empty one), from
/// [`Problem::try_code_member`].
///
/// ```
/// let err = apierror::Problem::new().try_with_code_member("status").unwrap_err();
/// assert_eq!(err.name(), "status");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReservedMember(&'static str);

impl ReservedMember {
    /// The name that was refused.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.0
    }
}

impl core::fmt::Display for ReservedMember {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0.is_empty() {
            f.write_str("the code member cannot be empty: use `Problem::without_code` for no code member")
        } else {
            write!(
                f,
                "`{}` is a member problem details already have ({}): choose another name for the code, such as `error_code`",
                self.0,
                Problem::MEMBERS.join(", ")
            )
        }
    }
}

impl std::error::Error for ReservedMember {}

impl Default for Problem {
    fn default() -> Self {
        Problem::new()
    }
}

impl Envelope for Problem {
    fn schema_with_members(&self, code: Value, members: Value) -> Value {
        let mut schema = self.schema(code);
        if let Some(properties) = members["properties"].as_object() {
            for (name, member) in properties {
                // Problem details render violations in RFC 9457's own shape.
                schema["properties"][name] = if super::is_violations(member) {
                    json!({"type": "array", "items": {
                        "type": "object",
                        "required": ["detail", "pointer"],
                        "properties": {
                            "detail": {"type": "string"},
                            "pointer": {"type": "string"},
                            "code": {"type": "string"},
                        },
                    }})
                } else {
                    member.clone()
                };
            }
        }
        if let (Some(required), Some(more)) =
            (schema["required"].as_array_mut(), members["required"].as_array())
        {
            required.extend(more.iter().cloned());
        }
        schema
    }

    fn content_type(&self) -> &'static str {
        "application/problem+json"
    }

    fn writes_member(&self, name: &str) -> bool {
        !name.is_empty() && self.own_members().contains(&name)
    }

    fn schema(&self, code: Value) -> Value {
        let mut properties = json!({
            "type": {"type": "string", "format": "uri-reference", "description": "The problem type URI."},
            "title": {"type": "string", "description": "Short, static summary of the problem type."},
            "status": {"type": "integer", "description": "The HTTP status code."},
            "detail": {"type": "string", "description": "Explanation of this occurrence."},
            "instance": {"type": "string", "format": "uri-reference", "description": "This occurrence."},
            "resolve": resolve_schema(),
            "errors": {
                "type": "array",
                "description": "Where in the request the problem is (RFC 9457's `errors`).",
                "items": {
                    "type": "object",
                    "required": ["detail"],
                    "properties": {
                        "detail": {"type": "string"},
                        "pointer": {"type": "string", "description": "A JSON Pointer into the body, as a URI fragment."},
                        "parameter": {"type": "string", "description": "A path or query parameter."},
                        "header": {"type": "string", "description": "A request header."},
                        "code": {"type": "string"},
                    },
                },
            },
        });
        let mut required = vec!["type", "title"];
        if self.with_status {
            required.push("status");
        }
        if !self.code_member.is_empty() {
            properties[self.code_member] = code;
            required.push(self.code_member);
        }
        if self.retry_member {
            properties["retry"] = json!({
                "type": "string",
                "enum": ["no", "yes", "backoff", "after_delay", "after_reauth", "later", "new_key"],
                "description": "What a client should do before sending the request again.",
            });
        }
        json!({
            "type": "object",
            "required": required,
            "properties": properties,
            "additionalProperties": true,
        })
    }

    fn render(
        &self,
        error: &dyn ApiError,
        cx: &Context<'_>,
        out: &mut Output<'_>,
    ) -> Result<(), RenderError> {
        let entry = error.entry();
        out.raw(b"{\"type\":");
        out.type_uri(entry);
        out.raw(b",\"title\":");
        out.title(entry);
        if self.with_status {
            out.raw(b",\"status\":");
            out.status(entry);
        }
        out.detail(b",\"detail\":", error);
        out.opt_member(b",\"instance\":", cx.instance());
        if !self.code_member.is_empty() {
            out.raw(b",");
            out.string(self.code_member);
            out.raw(b":");
            out.code(entry);
        }
        out.resolve(b",\"resolve\":", entry);
        if self.retry_member {
            out.raw(b",\"retry\":\"");
            out.raw(entry.retry().as_str().as_bytes());
            out.raw(b"\"");
        }
        let violations = error.violations();
        // Without violations, the location is an `errors` entry of its own.
        let location = if violations.is_none() {
            error.location()
        } else {
            None
        };
        let [code, retry, rest @ ..] = self.own_members();
        let own = [
            code,
            retry,
            match (violations, location) {
                (Some((name, _)), _) => name,
                (None, Some(_)) => "errors",
                (None, None) => "",
            },
            rest[0],
            rest[1],
            rest[2],
            rest[3],
            rest[4],
            rest[5],
        ];
        // A derived field can only collide with the first three, chosen at run time: the
        // derive rejects the reserved names as field names. Hand-written fields are checked
        // against all of them.
        let mut writer = out.fields(Position::AfterOthers).skipping_after(&own, 3);
        error.write_fields(&mut writer);
        writer.finish()?;
        if let Some((name, violations)) = violations {
            out.raw(b",");
            out.string(name);
            out.raw(b":");
            write_violations(violations, out);
        }
        if let Some(location) = location {
            write_location(error, location, out);
        }
        out.raw(b"}");
        Ok(())
    }
}

/// Writes `,"errors":[{"detail", "pointer": "#..."}]` for a location (RFC 9457's shape, its
/// section 3 example), with `parameter` or `header` in place of `pointer` for those kinds.
fn write_location(error: &dyn ApiError, location: crate::Location<'_>, out: &mut Output<'_>) {
    out.raw(b",\"errors\":[{\"detail\":");
    out.message(error);
    out.raw(b",\"");
    out.raw(location.name().as_bytes());
    out.raw(b"\":");
    if let crate::Location::Pointer(pointer) = location {
        let mut fragment = String::with_capacity(pointer.len() + 1);
        crate::violations::write_fragment(&mut fragment, pointer);
        out.string(&fragment);
    } else {
        out.string(location.value());
    }
    out.raw(b"}]");
}

/// Writes `[{"detail", "pointer": "#..."}]`, RFC 9457's shape (its section 3 example).
fn write_violations(violations: &crate::Violations, out: &mut Output<'_>) {
    out.raw(b"[");
    for (i, violation) in violations.iter().enumerate() {
        if i > 0 {
            out.raw(b",");
        }
        out.raw(b"{\"detail\":");
        out.string(violation.message());
        out.raw(b",\"pointer\":");
        let mut fragment = String::with_capacity(violation.pointer().len() + 1);
        crate::violations::write_fragment(&mut fragment, violation.pointer());
        out.string(&fragment);
        if let Some(code) = violation.code() {
            out.raw(b",\"code\":");
            out.string(code);
        }
        out.raw(b"}");
    }
    out.raw(b"]");
}

#[cfg(feature = "client")]
impl super::Decode for Problem {
    fn decode(&self, body: &Value, error: &mut crate::remote::RemoteError) -> bool {
        use super::decode::{members, resolve, retry, text};
        let Some(object) = body.as_object() else {
            return false;
        };
        if !(object.contains_key("type") || object.contains_key("title") || object.contains_key("status")) {
            return false;
        }
        // The code member as configured; the default also reads the other common spellings.
        let candidates: &[&str] = match self.code_member {
            "" => &[],
            "code" => &["code", "error_code", "errorCode"],
            _ => core::slice::from_ref(&self.code_member),
        };
        let code_member = candidates
            .iter()
            .copied()
            .find(|m| object.get(*m).is_some_and(Value::is_string));
        if let Some(member) = code_member {
            error.set_code(text(object, member).unwrap_or_default());
        }
        if let Some(value) = text(object, "type") {
            error.set_type_uri(value);
        }
        if let Some(value) = text(object, "title") {
            error.set_title(value);
        }
        if let Some(value) = text(object, "detail") {
            error.set_detail(value);
        }
        if let Some(value) = text(object, "instance") {
            error.set_instance(value);
        }
        if let Some(value) = resolve(object.get("resolve")) {
            error.set_resolve(value);
        }
        retry(object, error);
        // Problem's own members are not extension members; `retry` is read whether or not this
        // envelope writes it.
        let mut own = self.own_members();
        own[0] = code_member.unwrap_or("");
        own[1] = "retry";
        members(object, &own, error);
        error.set_shape("problem");
        true
    }
}
