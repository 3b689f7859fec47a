use core::time::Duration;

use http::StatusCode;
use serde::ser::{Serialize, SerializeMap as _, Serializer};

use crate::__private::non_empty;
use crate::Retry;

/// The problem type URI used when a variant has neither `type` nor a container `type_base`
/// (RFC 9457, section 4.2.1).
pub const ABOUT_BLANK: &str = "about:blank";

/// One row of an error catalog: everything declared about one variant, as static data.
///
/// Produced by `#[derive(ApiError)]`; read it through [`ApiError::entry`](crate::ApiError::entry)
/// or list all of a type's entries with [`Catalog::entries`](crate::Catalog::entries).
///
/// ```
/// use apierror::{ApiError, Catalog, Retry};
///
/// #[derive(Debug, ApiError)]
/// pub enum AuthError {
///     /// The API key was revoked by its owner.
///     #[api(status = 403, resolve(message = "Create a new API key."))]
///     KeyRevoked,
/// }
///
/// let entry = AuthError::KeyRevoked.entry();
/// assert_eq!(entry.code(), "KEY_REVOKED");
/// assert_eq!(entry.status(), http::StatusCode::FORBIDDEN);
/// assert_eq!(entry.title(), "Forbidden");
/// assert_eq!(entry.description(), Some("The API key was revoked by its owner."));
/// assert_eq!(entry.retry(), Retry::No);
/// assert_eq!(AuthError::entries().len(), 1);
/// ```
///
/// An entry can also be built by hand, for a hand-written [`ApiError`](crate::ApiError) impl:
/// [`Entry::new`] and the `with_*` methods are `const`, so it goes in a `static`. Its text is
/// JSON-escaped when rendered (the derive escapes at compile time instead).
///
/// ```
/// use apierror::{Entry, Field, Resolve, Retry, StatusCode};
///
/// static FIELDS: [Field; 1] = [Field::new("limit", "u32").with_description("Calls per minute.")];
/// static RESOLVE: Resolve = Resolve::new().with_message("Upgrade your plan.").with_url("/billing");
/// static QUOTA: Entry = Entry::new("QUOTA_EXCEEDED", StatusCode::TOO_MANY_REQUESTS, "Too Many Requests")
///     .with_detail_template("{limit} calls per minute")
///     .with_retry(Retry::AfterDelay)
///     .with_retry_after_secs(60)
///     .with_resolve(&RESOLVE)
///     .with_fields(&FIELDS);
///
/// assert_eq!(QUOTA.title(), "Too Many Requests");
/// assert_eq!(QUOTA.retry_after(), Some(std::time::Duration::from_secs(60)));
/// assert_eq!(QUOTA.fields()[0].json_type(), "integer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    parts: crate::__private::EntryParts,
}

impl Entry {
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_parts(parts: crate::__private::EntryParts) -> Self {
        Entry { parts }
    }

    /// An entry with a code, a status and a title (the short static summary: the status's
    /// reason phrase, or your own); everything else absent, and the retry guidance the status
    /// implies (see [`Retry::for_status`]).
    #[must_use]
    pub const fn new(code: &'static str, status: StatusCode, title: &'static str) -> Self {
        let mut parts = crate::__private::FALLBACK_ENTRY.parts;
        parts.variant = code;
        parts.code = code;
        parts.status = status;
        parts.reason = "";
        parts.title = title;
        parts.code_json = "";
        parts.title_json = "";
        parts.type_json = "";
        parts.retry = Retry::for_status(status.as_u16());
        Entry { parts }
    }

    /// A title and its JSON literal.
    #[doc(hidden)]
    #[must_use]
    pub const fn __title(mut self, title: &'static str, json: &'static str) -> Self {
        self.parts.title = title;
        self.parts.title_json = json;
        self
    }

    /// A static detail: its template (`{{` kept), its text and the text's JSON literal.
    #[doc(hidden)]
    #[must_use]
    pub const fn __detail(mut self, template: &'static str, text: &'static str, json: &'static str) -> Self {
        self.parts.detail = template;
        self.parts.detail_text = text;
        self.parts.detail_json = json;
        self
    }

    /// A detail the type's `FormatDetail` writes from this template.
    #[doc(hidden)]
    #[must_use]
    pub const fn __formatted(mut self, template: &'static str) -> Self {
        self.parts.detail = template;
        self.parts.detail_formatted = true;
        self
    }

    /// A resolve and its JSON object.
    #[doc(hidden)]
    #[must_use]
    pub const fn __resolve(mut self, resolve: &'static Resolve, json: &'static str) -> Self {
        self.parts.resolve = resolve;
        self.parts.resolve_json = json;
        self
    }

    /// A problem type URI and its JSON literal.
    #[doc(hidden)]
    #[must_use]
    pub const fn __type(mut self, uri: &'static str, json: &'static str) -> Self {
        self.parts.type_uri = uri;
        self.parts.type_json = json;
        self
    }

    /// Sets the envelope this entry's bodies are rendered in, whatever envelope the service
    /// answers in otherwise (what `#[api(envelope = ...)]` sets for every entry of a type).
    ///
    /// ```
    /// use apierror::envelope::CodeMessage;
    /// use apierror::{Entry, StatusCode};
    ///
    /// static GONE: Entry = Entry::new("GONE", StatusCode::GONE, "Gone").with_envelope(&CodeMessage);
    /// assert_eq!(GONE.envelope().map(|e| e.content_type()), Some("application/json"));
    /// ```
    #[must_use]
    pub const fn with_envelope(mut self, envelope: &'static (dyn crate::envelope::Envelope + Sync)) -> Self {
        self.parts.envelope = crate::__private::EnvelopeRef(Some(envelope));
        self
    }

    /// The envelope the declaring type names (`#[api(envelope = ...)]`), which every response
    /// and document of this entry uses; `None` for the service's envelope (RFC 9457 when the
    /// service names none).
    #[must_use]
    pub const fn envelope(&self) -> Option<&'static (dyn crate::envelope::Envelope + Sync)> {
        self.parts.envelope.0
    }

    /// Names the declaration (the derive's variant) in the docs and the lock.
    pub(crate) const fn with_variant(mut self, variant: &'static str) -> Self {
        self.parts.variant = variant;
        self
    }

    /// Sets the description (the catalog's text for the error).
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.parts.description = description;
        self
    }

    /// Sets the detail template shown in the catalog docs (the detail itself comes from
    /// [`ApiError::detail`](crate::ApiError::detail)).
    #[must_use]
    pub const fn with_detail_template(mut self, template: &'static str) -> Self {
        self.parts.detail = template;
        self
    }

    /// Sets the retry guidance.
    #[must_use]
    pub const fn with_retry(mut self, retry: Retry) -> Self {
        self.parts.retry = retry;
        self
    }

    /// Sets a static Retry-After delay in seconds (0 for none).
    #[must_use]
    pub const fn with_retry_after_secs(mut self, seconds: u64) -> Self {
        self.parts.retry_after = seconds;
        self
    }

    /// Says that the Retry-After delay comes from the error at run time
    /// ([`ApiError::retry_after`](crate::ApiError::retry_after)).
    #[must_use]
    pub const fn with_retry_after_from_field(mut self) -> Self {
        self.parts.retry_after_field = true;
        self
    }

    /// Sets the resolution guidance.
    #[must_use]
    pub const fn with_resolve(mut self, resolve: &'static Resolve) -> Self {
        self.parts.resolve = resolve;
        self.parts.resolve_json = "";
        self
    }

    /// Sets the docs grouping.
    #[must_use]
    pub const fn with_category(mut self, category: &'static str) -> Self {
        self.parts.category = category;
        self
    }

    /// Sets the problem type URI (an absolute URI; `about:blank` otherwise).
    #[must_use]
    pub const fn with_type_uri(mut self, uri: &'static str) -> Self {
        self.parts.type_uri = uri;
        self.parts.type_json = "";
        self
    }

    /// Sets the `Upgrade` header value (a 426 needs one).
    #[must_use]
    pub const fn with_upgrade(mut self, protocols: &'static str) -> Self {
        self.parts.upgrade = protocols;
        self
    }

    /// Sets the authentication challenge (a 401 needs one for `WWW-Authenticate`, a 407 for
    /// `Proxy-Authenticate`).
    #[must_use]
    pub const fn with_challenge(mut self, challenge: &'static str) -> Self {
        self.parts.challenge = challenge;
        self
    }

    /// Sets the `Allow` header value (a 405 needs one).
    #[must_use]
    pub const fn with_allow(mut self, allow: &'static str) -> Self {
        self.parts.allow = allow;
        self
    }

    /// Sets the fields a client sees, in the order they are written.
    #[must_use]
    pub const fn with_fields(mut self, fields: &'static [Field]) -> Self {
        self.parts.fields = fields;
        #[allow(
            clippy::cast_possible_truncation,
            reason = "an entry has far fewer than 65,536 fields"
        )]
        let len = fields.len() as u16;
        self.parts.fields_at = (0, len);
        self
    }

    /// The stable machine-readable code, such as `"CREDIT_EXHAUSTED"`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.parts.code
    }

    /// The HTTP status of every response for this entry.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.parts.status
    }

    /// The RFC 9110 reason phrase of the status (413 "Content Too Large", 422 "Unprocessable
    /// Content"), whatever the title. (An entry built by hand has `http`'s phrase.)
    #[must_use]
    #[inline]
    pub fn reason(&self) -> &'static str {
        if self.parts.reason.is_empty() {
            self.hand_built_reason()
        } else {
            self.parts.reason
        }
    }

    /// The reason phrase of an entry built with [`Entry::new`] (the derive fills it in).
    #[cold]
    fn hand_built_reason(&self) -> &'static str {
        self.parts.status.canonical_reason().unwrap_or("")
    }

    /// The short static summary: `#[api(title)]` (the title given to [`Entry::new`]), or the
    /// RFC 9110 reason phrase of the status.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.parts.title
    }

    /// The variant's doc comment, the catalog's description of the error.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        non_empty(self.parts.description)
    }

    /// The `detail` format string as declared, placeholders included (for documentation).
    #[must_use]
    pub const fn detail_template(&self) -> Option<&'static str> {
        non_empty(self.parts.detail)
    }

    /// The declared or status-derived retry guidance.
    #[must_use]
    pub const fn retry(&self) -> Retry {
        self.parts.retry
    }

    /// The static Retry-After delay (`#[api(retry_after = N)]`), if declared.
    ///
    /// A variant whose delay comes from a field reports it through
    /// [`ApiError::retry_after`](crate::ApiError::retry_after) instead.
    #[must_use]
    pub const fn retry_after(&self) -> Option<Duration> {
        match self.parts.retry_after {
            0 => None,
            secs => Some(Duration::from_secs(secs)),
        }
    }

    /// Whether the Retry-After delay comes from a field at run time.
    #[must_use]
    pub const fn retry_after_from_field(&self) -> bool {
        self.parts.retry_after_field
    }

    /// Resolution guidance, if declared with `#[api(resolve(...))]`.
    #[must_use]
    pub const fn resolve(&self) -> Option<&'static Resolve> {
        if self.parts.resolve.is_empty() {
            None
        } else {
            Some(self.parts.resolve)
        }
    }

    /// The docs grouping of this entry (`#[api(category)]` on the variant or the container).
    #[must_use]
    pub const fn category(&self) -> Option<&'static str> {
        non_empty(self.parts.category)
    }

    /// The problem type URI: `type`, or `type_base` followed by the code, or `about:blank`.
    #[must_use]
    pub const fn type_uri(&self) -> &'static str {
        match non_empty(self.parts.type_uri) {
            Some(uri) => uri,
            None => ABOUT_BLANK,
        }
    }

    /// The authentication challenge: `WWW-Authenticate` of a 401 entry, `Proxy-Authenticate`
    /// of a 407.
    #[must_use]
    pub const fn challenge(&self) -> Option<&'static str> {
        non_empty(self.parts.challenge)
    }

    /// The `Upgrade` header value of a 426 entry: the protocols to switch to.
    #[must_use]
    pub const fn upgrade(&self) -> Option<&'static str> {
        non_empty(self.parts.upgrade)
    }

    /// The `Allow` header value of a 405 entry.
    #[must_use]
    pub const fn allow(&self) -> Option<&'static str> {
        non_empty(self.parts.allow)
    }

    /// The fields a client sees, in declaration order.
    #[must_use]
    pub fn fields(&self) -> &'static [Field] {
        let (start, len) = self.parts.fields_at;
        let start = usize::from(start);
        self.parts
            .fields
            .get(start..start + usize::from(len))
            .unwrap_or(&[])
    }

    /// Every static part, for the renderers in this crate.
    pub(crate) const fn parts(&self) -> &crate::__private::EntryParts {
        &self.parts
    }

    /// The Rust name of the variant (or struct) this entry was derived from.
    #[must_use]
    pub const fn variant(&self) -> &'static str {
        self.parts.variant
    }
}

/// Resolution guidance: what a person or an agent can do to resolve the error.
///
/// Every part is optional; a declared `resolve(...)` has at least one.
///
/// ```
/// use apierror::{ApiError, ApiErrorExt};
///
/// #[derive(Debug, ApiError)]
/// #[api(rename_all = "snake_case")]
/// pub enum BillingError {
///     #[api(status = 402, resolve(action = "select_plan", method = "POST", endpoint = "/billing/checkout"))]
///     CreditExhausted,
/// }
///
/// let resolve = BillingError::CreditExhausted.resolve().unwrap();
/// assert_eq!(resolve.action(), Some("select_plan"));
/// assert_eq!(resolve.method(), Some("POST"));
/// assert_eq!(resolve.endpoint(), Some("/billing/checkout"));
/// assert_eq!(resolve.message(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Resolve {
    message: &'static str,
    url: &'static str,
    action: &'static str,
    method: &'static str,
    endpoint: &'static str,
}

impl Resolve {
    /// Guidance with no part yet; add at least one with the `with_*` methods.
    #[must_use]
    pub const fn new() -> Self {
        Resolve {
            message: "",
            url: "",
            action: "",
            method: "",
            endpoint: "",
        }
    }

    /// Sets the text for a person.
    #[must_use]
    pub const fn with_message(mut self, message: &'static str) -> Self {
        self.message = message;
        self
    }

    /// Sets the page where a person can resolve it (an absolute http(s) URL or a `/path`).
    #[must_use]
    pub const fn with_url(mut self, url: &'static str) -> Self {
        self.url = url;
        self
    }

    /// Sets the `snake_case` intent (`select_plan`).
    #[must_use]
    pub const fn with_action(mut self, action: &'static str) -> Self {
        self.action = action;
        self
    }

    /// Sets the HTTP method of the API call that resolves it.
    #[must_use]
    pub const fn with_method(mut self, method: &'static str) -> Self {
        self.method = method;
        self
    }

    /// Sets the API path of that call.
    #[must_use]
    pub const fn with_endpoint(mut self, endpoint: &'static str) -> Self {
        self.endpoint = endpoint;
        self
    }

    /// Each part with its member name, in the order bodies write them.
    pub(crate) fn parts(&self) -> [(&'static str, Option<&'static str>); 5] {
        [
            ("message", self.message()),
            ("url", self.url()),
            ("action", self.action()),
            ("method", self.method()),
            ("endpoint", self.endpoint()),
        ]
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        message: &'static str,
        url: &'static str,
        action: &'static str,
        method: &'static str,
        endpoint: &'static str,
    ) -> Self {
        Resolve {
            message,
            url,
            action,
            method,
            endpoint,
        }
    }

    const fn is_empty(&self) -> bool {
        self.message.is_empty()
            && self.url.is_empty()
            && self.action.is_empty()
            && self.method.is_empty()
            && self.endpoint.is_empty()
    }

    /// Text for a person: what to do.
    #[must_use]
    pub const fn message(&self) -> Option<&'static str> {
        non_empty(self.message)
    }

    /// A page where the person can do it: an absolute http(s) URL or a `/path`.
    #[must_use]
    pub const fn url(&self) -> Option<&'static str> {
        non_empty(self.url)
    }

    /// A `snake_case` intent an agent or front end can switch on, such as `select_plan`.
    #[must_use]
    pub const fn action(&self) -> Option<&'static str> {
        non_empty(self.action)
    }

    /// The HTTP method of the API call that resolves the error.
    #[must_use]
    pub const fn method(&self) -> Option<&'static str> {
        non_empty(self.method)
    }

    /// The API path of that call, starting with `/`.
    #[must_use]
    pub const fn endpoint(&self) -> Option<&'static str> {
        non_empty(self.endpoint)
    }
}

/// A field a client sees: the member name it is exposed under and its Rust type as written.
///
/// ```
/// use apierror::ApiError;
///
/// #[derive(Debug, ApiError)]
/// pub enum QuotaError {
///     #[api(status = 429, detail = "{usage_type} limit reached")]
///     UsageLimitExceeded {
///         usage_type: String,
///         #[api(rename = "limit")]
///         max: u32,
///     },
/// }
///
/// let fields = QuotaError::UsageLimitExceeded { usage_type: "api".into(), max: 5 }.entry().fields();
/// let names: Vec<_> = fields.iter().map(|f| (f.name(), f.ty())).collect();
/// assert_eq!(names, [("usage_type", "String"), ("limit", "u32")]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    name: &'static str,
    ty: &'static str,
    description: &'static str,
    /// Left out of the body when it is `None` (`#[api(skip_none)]`), rather than `null`.
    skip_none: bool,
}

impl Field {
    /// A field exposed as `name`, of the Rust type `ty` as written (`"Option<u32>"`), from which
    /// [`Field::json_type`] reads the JSON type.
    #[must_use]
    pub const fn new(name: &'static str, ty: &'static str) -> Self {
        Field {
            name,
            ty,
            description: "",
            skip_none: false,
        }
    }

    /// Says that the member is left out when it is `None`, rather than written as `null`.
    #[must_use]
    pub const fn with_skip_none(mut self) -> Self {
        self.skip_none = true;
        self
    }

    /// Whether the member is left out of the body when absent (an `Option` field marked
    /// `#[api(skip_none)]`); otherwise an absent value is `null` ([`Field::nullable`]).
    #[must_use]
    pub const fn optional(&self) -> bool {
        self.skip_none
    }

    /// Sets the description.
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }

    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        name: &'static str,
        ty: &'static str,
        description: &'static str,
        skip_none: bool,
    ) -> Self {
        Field {
            name,
            ty,
            description,
            skip_none,
        }
    }

    /// The member name in the body.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The field's Rust type, as written in the declaration.
    #[must_use]
    pub const fn ty(&self) -> &'static str {
        self.ty
    }

    /// The field's doc comment.
    #[must_use]
    pub const fn description(&self) -> Option<&'static str> {
        non_empty(self.description)
    }

    /// The JSON type of the member, read from the Rust type as written: `"string"`,
    /// `"integer"`, `"number"`, `"boolean"`, `"array"`, `"object"` (maps), or `"any"` for a
    /// type whose serialization the declaration does not show (your own structs and enums).
    ///
    /// ```
    /// use apierror::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 400)]
    ///     Invalid { names: Vec<String>, limit: Option<u32> },
    /// }
    ///
    /// let [names, limit] = E::Invalid { names: vec![], limit: None }.entry().fields() else { panic!() };
    /// assert_eq!((names.json_type(), names.nullable()), ("array", false));
    /// assert_eq!((limit.json_type(), limit.nullable()), ("integer", true));
    /// ```
    #[must_use]
    pub fn json_type(&self) -> &'static str {
        json_type(self.ty).0
    }

    /// Whether the member can be `null`: an `Option` that is not left out when absent.
    #[must_use]
    pub fn nullable(&self) -> bool {
        json_type(self.ty).1 && !self.skip_none
    }
}

/// The JSON type a Rust type as written serializes to (with serde's standard impls), and
/// whether it can be `null`.
fn json_type(ty: &str) -> (&'static str, bool) {
    let ty = ty.trim();
    let ty = ty.strip_prefix('&').map_or(ty, str::trim_start);
    let ty = ty.strip_prefix("'static").map_or(ty, str::trim_start);
    let ty = ty.strip_prefix("mut ").unwrap_or(ty).trim();
    if ty.starts_with('[') || ty.starts_with('(') && ty != "()" {
        return ("array", false);
    }
    let (path, args) = match ty.split_once('<') {
        Some((path, rest)) => (path.trim(), rest.strip_suffix('>').unwrap_or(rest)),
        None => (ty, ""),
    };
    let head = path.rsplit("::").next().unwrap_or(path);
    match head {
        "Option" => (json_type(args).0, true),
        "Box" | "Arc" | "Rc" | "Cow" => {
            // `Cow<'a, str>`: the last argument is the type.
            let inner = args.rsplit(',').next().unwrap_or(args);
            json_type(inner)
        }
        "String" | "str" | "char" | "Uuid" | "Url" | "PathBuf" | "Path" | "IpAddr" | "Ipv4Addr"
        | "Ipv6Addr" | "SocketAddr" => ("string", false),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize"
        | "NonZeroU8" | "NonZeroU16" | "NonZeroU32" | "NonZeroU64" | "NonZeroUsize" => ("integer", false),
        "f32" | "f64" => ("number", false),
        "bool" => ("boolean", false),
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" | "Violations" => ("array", false),
        "HashMap" | "BTreeMap" | "IndexMap" | "Map" | "Duration" => ("object", false),
        "()" => ("any", true),
        _ => ("any", false),
    }
}

/// The JSON catalog's entry (`apierror.catalog/v2`, see
/// [`ServiceCatalog::catalog_json`](crate::docs::ServiceCatalog::catalog_json)): absent members
/// left out.
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("status", &self.status().as_u16())?;
        map.serialize_entry("title", self.title())?;
        if let Some(description) = self.description() {
            map.serialize_entry("description", description)?;
        }
        if let Some(detail) = self.detail_template() {
            map.serialize_entry("detail", detail)?;
        }
        map.serialize_entry("retry", &self.retry())?;
        map.serialize_entry("retryable", &self.retry().is_retryable())?;
        if let Some(delay) = self.retry_after() {
            map.serialize_entry("retry_after", &delay.as_secs())?;
        }
        map.serialize_entry("retry_after_from_field", &self.retry_after_from_field())?;
        if let Some(resolve) = self.resolve() {
            map.serialize_entry("resolve", resolve)?;
        }
        if let Some(category) = self.category() {
            map.serialize_entry("category", category)?;
        }
        map.serialize_entry("type", self.type_uri())?;
        if let Some(challenge) = self.challenge() {
            map.serialize_entry("challenge", challenge)?;
        }
        if let Some(allow) = self.allow() {
            map.serialize_entry("allow", allow)?;
        }
        if let Some(upgrade) = self.upgrade() {
            map.serialize_entry("upgrade", upgrade)?;
        }
        map.serialize_entry("fields", self.fields())?;
        map.end()
    }
}

/// `{"message", "url", "action", "method", "endpoint"}`, absent parts left out: the `resolve`
/// object of bodies.
impl Serialize for Resolve {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in self.parts() {
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

/// `{"name", "type" (JSON), "nullable", "optional", "rust_type", "description"?}`.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", self.name())?;
        map.serialize_entry("type", self.json_type())?;
        map.serialize_entry("nullable", &self.nullable())?;
        map.serialize_entry("optional", &self.optional())?;
        map.serialize_entry("rust_type", self.ty())?;
        if let Some(description) = self.description() {
            map.serialize_entry("description", description)?;
        }
        map.end()
    }
}
