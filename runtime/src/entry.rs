use core::time::Duration;

use http::StatusCode;

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
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    parts: crate::__private::EntryParts,
}

impl Entry {
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_parts(parts: crate::__private::EntryParts) -> Self {
        Entry { parts }
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
    /// Content"), whatever the title.
    #[must_use]
    pub const fn reason(&self) -> &'static str {
        self.parts.reason
    }

    /// The short static summary: `#[api(title)]`, or the RFC 9110 reason phrase of the status.
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

    /// The `WWW-Authenticate` challenge of a 401 entry.
    #[must_use]
    pub const fn challenge(&self) -> Option<&'static str> {
        non_empty(self.parts.challenge)
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
/// use apierror::ApiError;
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
#[derive(Debug, PartialEq, Eq)]
pub struct Resolve {
    message: &'static str,
    url: &'static str,
    action: &'static str,
    method: &'static str,
    endpoint: &'static str,
}

impl Resolve {
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
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    name: &'static str,
    ty: &'static str,
    description: &'static str,
}

impl Field {
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(name: &'static str, ty: &'static str, description: &'static str) -> Self {
        Field {
            name,
            ty,
            description,
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

    /// Whether the member can be `null` (an `Option`).
    #[must_use]
    pub fn nullable(&self) -> bool {
        json_type(self.ty).1
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
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" => ("array", false),
        "HashMap" | "BTreeMap" | "IndexMap" | "Map" | "Duration" => ("object", false),
        "()" => ("any", true),
        _ => ("any", false),
    }
}
