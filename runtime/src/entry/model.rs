//! [`Entry`]: one error of the catalog, all static data, and its place in the JSON catalog.

use core::time::Duration;

use http::StatusCode;

use super::absent::non_empty;
use super::parts::{EntryParts, EnvelopeRef};
use super::{Field, Resolve};
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
///
/// `PartialEq` and `Hash` compare every part, pre-escaped text included (entries that render
/// alike); the same error is the same code (`a.code() == b.code()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    parts: EntryParts,
}

impl Entry {
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_parts(parts: EntryParts) -> Self {
        Entry { parts }
    }

    /// An entry with a code, a status and a title (the short static summary: the status's
    /// reason phrase, or your own); everything else absent, and the retry guidance the status
    /// implies (see [`Retry::for_status`]).
    #[must_use]
    pub const fn new(code: &'static str, status: StatusCode, title: &'static str) -> Self {
        let mut parts = EntryParts::EMPTY;
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
        self.parts.envelope = EnvelopeRef(Some(envelope));
        self
    }

    /// The envelope the declaring type names (`#[api(envelope = ...)]`), which every response
    /// and document of this entry uses; `None` for the service's envelope (RFC 9457 when the
    /// service names none).
    #[must_use]
    pub const fn envelope(&self) -> Option<&'static (dyn crate::envelope::Envelope + Sync)> {
        self.parts.envelope.0
    }

    /// Sets the gRPC code (`#[api(grpc = "...")]`), in place of the one the status maps to
    /// ([`GrpcCode::for_status`](crate::GrpcCode::for_status)); `GrpcCode::Ok`, never an
    /// error's code, restores the status's.
    ///
    /// ```
    /// use apierror::{Entry, GrpcCode, StatusCode};
    ///
    /// static TAKEN: Entry = Entry::new("NAME_TAKEN", StatusCode::CONFLICT, "Conflict")
    ///     .with_grpc_code(GrpcCode::AlreadyExists);
    /// assert_eq!(TAKEN.grpc_code(), GrpcCode::AlreadyExists);
    /// assert_eq!(Entry::new("LOCKED", StatusCode::CONFLICT, "Conflict").grpc_code(), GrpcCode::Aborted);
    /// ```
    #[must_use]
    pub const fn with_grpc_code(mut self, code: crate::GrpcCode) -> Self {
        self.parts.grpc = code;
        self
    }

    /// The gRPC code of every gRPC status for this entry, and AIP-193's `status` member: the
    /// declared one, else the one the HTTP status maps to.
    #[must_use]
    pub const fn grpc_code(&self) -> crate::GrpcCode {
        match self.parts.grpc {
            crate::GrpcCode::Ok => crate::GrpcCode::for_status(self.parts.status.as_u16()),
            code => code,
        }
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

    /// Sets the `Upgrade` header value (a 426 needs one); surrounding spaces are trimmed.
    #[must_use]
    pub const fn with_upgrade(mut self, protocols: &'static str) -> Self {
        self.parts.upgrade = protocols.trim_ascii();
        self
    }

    /// Sets the authentication challenge (a 401 needs one for `WWW-Authenticate`, a 407 for
    /// `Proxy-Authenticate`), trimmed: a header value cannot carry surrounding spaces (RFC 9110,
    /// section 5.5), and the derive refuses them with the trimmed text as the fix.
    ///
    /// ```
    /// use apierror::{Entry, http::StatusCode};
    ///
    /// let entry = Entry::new("TOKEN_EXPIRED", StatusCode::UNAUTHORIZED, "Unauthorized")
    ///     .with_challenge(" Bearer ");
    /// assert_eq!(entry.challenge(), Some("Bearer"));
    /// ```
    #[must_use]
    pub const fn with_challenge(mut self, challenge: &'static str) -> Self {
        self.parts.challenge = challenge.trim_ascii();
        self
    }

    /// Sets the `Allow` header value (a 405 needs one); surrounding spaces are trimmed.
    #[must_use]
    pub const fn with_allow(mut self, allow: &'static str) -> Self {
        self.parts.allow = allow.trim_ascii();
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
    /// Content"), whatever the title, from one table for derived, framework and hand-built
    /// entries alike (`http`'s phrase for a status outside the 4xx/5xx registry).
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
        let status = self.parts.status;
        crate::status::reason_phrase(status.as_u16())
            .or_else(|| status.canonical_reason())
            .unwrap_or("")
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
    pub(crate) const fn parts(&self) -> &EntryParts {
        &self.parts
    }

    /// The Rust name of the variant (or struct) this entry was derived from.
    #[must_use]
    pub const fn variant(&self) -> &'static str {
        self.parts.variant
    }
}
