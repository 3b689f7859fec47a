//! The errors a web framework produces on its own (no route, wrong method, a body it cannot
//! parse, a panic), as catalog entries: codes in the service's style, bodies in its envelope.

use std::sync::{Mutex, PoisonError};

use http::StatusCode;

use crate::{ApiError, Detail, Entry, Location};

/// An error the framework produces before or instead of a handler.
///
/// ```
/// use apierror::{FrameworkErrors, FrameworkKind};
///
/// let framework = FrameworkErrors::new();
/// let codes: Vec<&str> = FrameworkKind::ALL.iter().map(|k| framework.entry(*k).code()).collect();
/// assert_eq!(codes[0], "ROUTE_NOT_FOUND");
/// assert_eq!(framework.entry(FrameworkKind::Internal).status(), 500);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FrameworkKind {
    /// No route matches the path (404 `ROUTE_NOT_FOUND`).
    RouteNotFound,
    /// The path exists, the method does not (405 `METHOD_NOT_ALLOWED`, with `Allow`).
    MethodNotAllowed,
    /// The body is not `application/json` (415 `UNSUPPORTED_MEDIA_TYPE`).
    UnsupportedMediaType,
    /// The body is not JSON (400 `MALFORMED_JSON`); the detail is the parser's message.
    MalformedJson,
    /// The body is JSON of the wrong shape (422 `INVALID_JSON`); the detail is the parser's
    /// message, the location the member, where the framework gives it.
    InvalidJson,
    /// A path parameter does not parse (400 `INVALID_PATH_PARAMETER`).
    InvalidPathParameter,
    /// The query string does not parse (400 `INVALID_QUERY`).
    InvalidQuery,
    /// The body is over the limit (413 `BODY_TOO_LARGE`).
    BodyTooLarge,
    /// The request took too long (408 `REQUEST_TIMEOUT`).
    Timeout,
    /// A handler panicked, or the framework failed on the server's side (500 `INTERNAL_ERROR`);
    /// nothing of the panic or the failure reaches the body.
    Internal,
}

/// What the catalog says about each kind by default: code words, status, title, description.
struct Spec {
    kind: FrameworkKind,
    words: &'static [&'static str],
    status: StatusCode,
    title: &'static str,
    description: &'static str,
}

const SPECS: [Spec; FrameworkKind::ALL.len()] = [
    Spec {
        kind: FrameworkKind::RouteNotFound,
        words: &["route", "not", "found"],
        status: StatusCode::NOT_FOUND,
        title: "Route not found",
        description: "No route matches the request's path.",
    },
    Spec {
        kind: FrameworkKind::MethodNotAllowed,
        words: &["method", "not", "allowed"],
        status: StatusCode::METHOD_NOT_ALLOWED,
        title: "Method not allowed",
        description: "The path exists but does not accept this method; the Allow header lists those it does.",
    },
    Spec {
        kind: FrameworkKind::UnsupportedMediaType,
        words: &["unsupported", "media", "type"],
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        title: "Unsupported media type",
        description: "The request body must be sent as application/json.",
    },
    Spec {
        kind: FrameworkKind::MalformedJson,
        words: &["malformed", "json"],
        status: StatusCode::BAD_REQUEST,
        title: "Malformed JSON",
        description: "The request body is not valid JSON; the detail is the parser's message.",
    },
    Spec {
        kind: FrameworkKind::InvalidJson,
        words: &["invalid", "json"],
        status: StatusCode::UNPROCESSABLE_ENTITY,
        title: "Invalid JSON body",
        description: "The request body is JSON of the wrong shape or type; the detail is the \
                      parser's message.",
    },
    Spec {
        kind: FrameworkKind::InvalidPathParameter,
        words: &["invalid", "path", "parameter"],
        status: StatusCode::BAD_REQUEST,
        title: "Invalid path parameter",
        description: "A path parameter does not parse as the route expects.",
    },
    Spec {
        kind: FrameworkKind::InvalidQuery,
        words: &["invalid", "query"],
        status: StatusCode::BAD_REQUEST,
        title: "Invalid query string",
        description: "The query string does not parse as the route expects.",
    },
    Spec {
        kind: FrameworkKind::BodyTooLarge,
        words: &["body", "too", "large"],
        status: StatusCode::PAYLOAD_TOO_LARGE,
        title: "Request body too large",
        description: "The request body is over the service's limit.",
    },
    Spec {
        kind: FrameworkKind::Timeout,
        words: &["request", "timeout"],
        status: StatusCode::REQUEST_TIMEOUT,
        title: "Request timeout",
        description: "The request took longer than the service allows.",
    },
    Spec {
        kind: FrameworkKind::Internal,
        words: &["internal", "error"],
        status: StatusCode::INTERNAL_SERVER_ERROR,
        title: "Internal error",
        description: "The service failed while handling the request.",
    },
];

impl FrameworkKind {
    /// Every kind, in catalog order.
    pub const ALL: [FrameworkKind; 10] = [
        FrameworkKind::RouteNotFound,
        FrameworkKind::MethodNotAllowed,
        FrameworkKind::UnsupportedMediaType,
        FrameworkKind::MalformedJson,
        FrameworkKind::InvalidJson,
        FrameworkKind::InvalidPathParameter,
        FrameworkKind::InvalidQuery,
        FrameworkKind::BodyTooLarge,
        FrameworkKind::Timeout,
        FrameworkKind::Internal,
    ];

    const fn index(self) -> usize {
        self as usize
    }

    /// The kind's name (`RouteNotFound`), as the catalog docs and the lock name its declaration.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FrameworkKind::RouteNotFound => "RouteNotFound",
            FrameworkKind::MethodNotAllowed => "MethodNotAllowed",
            FrameworkKind::UnsupportedMediaType => "UnsupportedMediaType",
            FrameworkKind::MalformedJson => "MalformedJson",
            FrameworkKind::InvalidJson => "InvalidJson",
            FrameworkKind::InvalidPathParameter => "InvalidPathParameter",
            FrameworkKind::InvalidQuery => "InvalidQuery",
            FrameworkKind::BodyTooLarge => "BodyTooLarge",
            FrameworkKind::Timeout => "Timeout",
            FrameworkKind::Internal => "Internal",
        }
    }
}

/// How codes are written: the derive's `rename_all` styles, for the framework's entries.
///
/// ```
/// use apierror::{CodeCase, FrameworkErrors, FrameworkKind};
///
/// let case = CodeCase::from_rename_all("kebab-case").unwrap();
/// let framework = FrameworkErrors::new().with_case(case);
/// assert_eq!(framework.entry(FrameworkKind::BodyTooLarge).code(), "body-too-large");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeCase {
    /// `ROUTE_NOT_FOUND` (the derive's default).
    #[default]
    ScreamingSnake,
    /// `route_not_found`.
    Snake,
    /// `route-not-found`.
    Kebab,
    /// `routeNotFound`.
    Camel,
    /// `RouteNotFound`.
    Pascal,
    /// `routenotfound`.
    Lower,
    /// `ROUTENOTFOUND`.
    Upper,
}

impl CodeCase {
    /// The case `rename_all` names `name` (`"snake_case"`, `"kebab-case"`, ...).
    #[must_use]
    pub fn from_rename_all(name: &str) -> Option<CodeCase> {
        Some(match name {
            "SCREAMING_SNAKE_CASE" => CodeCase::ScreamingSnake,
            "snake_case" => CodeCase::Snake,
            "kebab-case" => CodeCase::Kebab,
            "camelCase" => CodeCase::Camel,
            "PascalCase" => CodeCase::Pascal,
            "lowercase" => CodeCase::Lower,
            "UPPERCASE" => CodeCase::Upper,
            _ => return None,
        })
    }

    /// `words` (lower-case) written in this case.
    fn write(self, words: &[&str]) -> String {
        let separator = match self {
            CodeCase::ScreamingSnake | CodeCase::Snake => "_",
            CodeCase::Kebab => "-",
            _ => "",
        };
        let mut code = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                code.push_str(separator);
            }
            let capital = matches!(self, CodeCase::Pascal) || (i > 0 && self == CodeCase::Camel);
            for (j, c) in word.chars().enumerate() {
                match self {
                    CodeCase::ScreamingSnake | CodeCase::Upper => code.push(c.to_ascii_uppercase()),
                    _ if capital && j == 0 => code.push(c.to_ascii_uppercase()),
                    _ => code.push(c),
                }
            }
        }
        code
    }
}

/// The framework's entries of one service: codes in its case, with its overrides. Build it
/// once, at start-up, and hand the same value to the router ([`ServiceErrors`]) and to the
/// catalog docs ([`ServiceCatalog::with_framework`](crate::docs::ServiceCatalog::with_framework)).
///
/// Entries are `&'static` like the derive's: each distinct configuration is allocated once for
/// the life of the process (building the same one again reuses it).
///
/// ```
/// use apierror::{CodeCase, FrameworkErrors, FrameworkKind, StatusCode};
///
/// let framework = FrameworkErrors::new()
///     .with_case(CodeCase::Snake)
///     .with_code(FrameworkKind::RouteNotFound, "no_such_endpoint")
///     .with_status(FrameworkKind::Timeout, StatusCode::SERVICE_UNAVAILABLE)
///     .with_title(FrameworkKind::Internal, "Something went wrong");
/// let entry = framework.entry(FrameworkKind::RouteNotFound);
/// assert_eq!(entry.code(), "no_such_endpoint");
/// assert_eq!(framework.entry(FrameworkKind::MalformedJson).code(), "malformed_json");
/// assert_eq!(framework.entry(FrameworkKind::Timeout).status(), 503);
/// ```
///
/// [`ServiceErrors`]: crate::ServiceErrors
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameworkErrors {
    case: CodeCase,
    overrides: &'static [Override],
    entries: &'static [Entry; 10],
}

/// One override, kept so that changing the case later keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Override {
    Code(FrameworkKind, &'static str),
    Status(FrameworkKind, StatusCode),
    Title(FrameworkKind, &'static str),
    Detail(FrameworkKind, &'static str),
}

impl Default for FrameworkErrors {
    fn default() -> Self {
        FrameworkErrors::new()
    }
}

impl FrameworkErrors {
    /// The default entries: `SCREAMING_SNAKE_CASE` codes, the statuses of [`FrameworkKind`].
    #[must_use]
    pub fn new() -> Self {
        FrameworkErrors::build(CodeCase::ScreamingSnake, &[])
    }

    /// Codes written in `case` (overridden codes are kept as written).
    #[must_use]
    pub fn with_case(self, case: CodeCase) -> Self {
        FrameworkErrors::build(case, self.overrides)
    }

    /// `kind`'s code. The docs' lock and duplicate check see it like any other code.
    #[must_use]
    pub fn with_code(self, kind: FrameworkKind, code: &'static str) -> Self {
        self.with(Override::Code(kind, code))
    }

    /// `kind`'s status.
    #[must_use]
    pub fn with_status(self, kind: FrameworkKind, status: StatusCode) -> Self {
        self.with(Override::Status(kind, status))
    }

    /// `kind`'s title (the short summary every body carries).
    #[must_use]
    pub fn with_title(self, kind: FrameworkKind, title: &'static str) -> Self {
        self.with(Override::Title(kind, title))
    }

    /// `kind`'s detail, static. For the kinds whose detail is the parser's message, this
    /// replaces the message.
    #[must_use]
    pub fn with_detail(self, kind: FrameworkKind, detail: &'static str) -> Self {
        self.with(Override::Detail(kind, detail))
    }

    /// The entry of `kind`.
    #[must_use]
    pub fn entry(&self, kind: FrameworkKind) -> &'static Entry {
        &self.entries[kind.index()]
    }

    /// Every entry, in [`FrameworkKind::ALL`] order.
    #[must_use]
    pub fn entries(&self) -> &'static [Entry] {
        self.entries
    }

    /// The kind of an empty-bodied error a framework or a layer answers with on its own, which
    /// the middlewares fill in: a 405 is a wrong method; a 408, or the status the service gave
    /// [`FrameworkKind::Timeout`] (tower-http's `TimeoutLayer::with_status_code`), a timeout.
    #[cfg(any(feature = "axum-0_8", feature = "actix-web-4"))]
    pub(crate) fn filled_in(&self, status: StatusCode) -> Option<FrameworkKind> {
        if status == StatusCode::METHOD_NOT_ALLOWED {
            Some(FrameworkKind::MethodNotAllowed)
        } else if status == StatusCode::REQUEST_TIMEOUT
            || status == self.entry(FrameworkKind::Timeout).status()
        {
            Some(FrameworkKind::Timeout)
        } else {
            None
        }
    }

    fn with(self, change: Override) -> Self {
        let mut overrides = self.overrides.to_vec();
        overrides.retain(|o| {
            std::mem::discriminant(o) != std::mem::discriminant(&change) || o.kind() != change.kind()
        });
        overrides.push(change);
        FrameworkErrors::build(self.case, &overrides)
    }

    fn build(case: CodeCase, overrides: &[Override]) -> Self {
        let entries = SPECS.map(|spec| {
            let kind = spec.kind;
            let find = |pick: fn(&Override) -> Option<&'static str>| {
                overrides.iter().filter(|o| o.kind() == kind).find_map(pick)
            };
            let code = find(|o| match o {
                Override::Code(_, code) => Some(code),
                _ => None,
            })
            .unwrap_or_else(|| intern_str(case.write(spec.words)));
            let title = find(|o| match o {
                Override::Title(_, title) => Some(title),
                _ => None,
            })
            .unwrap_or(spec.title);
            let status = overrides
                .iter()
                .find_map(|o| match *o {
                    Override::Status(k, status) if k == kind => Some(status),
                    _ => None,
                })
                .unwrap_or(spec.status);
            let mut entry = Entry::new(code, status, title)
                .with_description(spec.description)
                .with_variant(kind.name());
            if let Some(detail) = find(|o| match o {
                Override::Detail(_, detail) => Some(detail),
                _ => None,
            }) {
                entry = entry.with_detail_template(detail);
            }
            entry
        });
        FrameworkErrors {
            case,
            overrides: intern(&OVERRIDES, overrides.to_vec()),
            entries: intern(&ENTRIES, entries),
        }
    }
}

impl Override {
    fn kind(&self) -> FrameworkKind {
        match *self {
            Override::Code(kind, _)
            | Override::Status(kind, _)
            | Override::Title(kind, _)
            | Override::Detail(kind, _) => kind,
        }
    }
}

static STRINGS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
static OVERRIDES: Mutex<Vec<&'static [Override]>> = Mutex::new(Vec::new());
static ENTRIES: Mutex<Vec<&'static [Entry; 10]>> = Mutex::new(Vec::new());

/// `value`, allocated for the process once per distinct value.
fn intern<T: ?Sized + PartialEq + 'static, B: core::borrow::Borrow<T> + Into<Box<T>>>(
    seen: &Mutex<Vec<&'static T>>,
    value: B,
) -> &'static T {
    let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = seen.iter().find(|known| **known == value.borrow()) {
        return known;
    }
    let leaked: &'static T = Box::leak(value.into());
    seen.push(leaked);
    leaked
}

fn intern_str(value: String) -> &'static str {
    intern::<str, String>(&STRINGS, value)
}

/// The longest parser message a body carries: a message can quote the client's input.
const DETAIL_LIMIT: usize = 256;

/// An error the framework produced, as an [`ApiError`]: the entry of its kind in the service's
/// [`FrameworkErrors`], the parser's message as the detail, and where the framework says the
/// problem is.
///
/// The integrations build these (`apierror::axum::Json`, `apierror::actix::json_error`, the
/// fallbacks, the panic handlers); build one yourself for a framework error they do not cover.
///
/// ```
/// use apierror::{ApiError, FrameworkError, FrameworkErrors, FrameworkKind, Location};
///
/// let error = FrameworkError::new(FrameworkKind::InvalidJson, &FrameworkErrors::new())
///     .with_detail("invalid type: string \"x\", expected u32")
///     .with_pointer("/items/0/count");
/// assert_eq!(error.entry().code(), "INVALID_JSON");
/// assert_eq!(error.location(), Some(Location::Pointer("/items/0/count")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkError {
    kind: FrameworkKind,
    entry: &'static Entry,
    detail: Option<Box<str>>,
    location: Option<(LocationKind, Box<str>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LocationKind {
    Pointer,
    Parameter,
}

impl FrameworkError {
    /// An error of `kind`, with the entry `framework` gives it.
    #[must_use]
    pub fn new(kind: FrameworkKind, framework: &FrameworkErrors) -> Self {
        FrameworkError {
            kind,
            entry: framework.entry(kind),
            detail: None,
            location: None,
        }
    }

    /// The parser's message (or any text the client may see), cut to 256 bytes: a message can
    /// quote the client's input. Kept out of a 5xx body, which shows nothing but the entry. A
    /// static detail the service set with [`FrameworkErrors::with_detail`] wins.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        if self.entry.detail_template().is_some() || self.entry.status().is_server_error() {
            return self;
        }
        let mut detail: String = detail.into();
        if detail.len() > DETAIL_LIMIT {
            let mut end = DETAIL_LIMIT;
            while !detail.is_char_boundary(end) {
                end -= 1;
            }
            detail.truncate(end);
            detail.push('…');
        }
        self.detail = Some(detail.into());
        self
    }

    /// The problem is at this JSON Pointer into the body (RFC 6901; text that is not one is
    /// repaired as [`Violation::new`](crate::Violation::new) says).
    #[must_use]
    pub fn with_pointer(mut self, pointer: impl Into<String>) -> Self {
        let pointer = crate::violations::json_pointer(pointer.into());
        self.location = Some((LocationKind::Pointer, pointer.into()));
        self
    }

    /// The problem is this (path or query) parameter.
    #[must_use]
    pub fn with_parameter(mut self, name: impl Into<String>) -> Self {
        self.location = Some((LocationKind::Parameter, name.into().into()));
        self
    }

    /// What the framework failed at.
    #[must_use]
    pub fn kind(&self) -> FrameworkKind {
        self.kind
    }
}

impl ApiError for FrameworkError {
    fn entry(&self) -> &'static Entry {
        self.entry
    }

    fn detail(&self) -> Option<Detail<'_>> {
        match (&self.detail, self.entry.detail_template()) {
            (_, Some(text)) => Some(Detail::from_static(text)),
            (Some(text), None) => Some(Detail::from_display(text)),
            (None, None) => None,
        }
    }

    fn location(&self) -> Option<Location<'_>> {
        self.location.as_ref().map(|(kind, at)| match kind {
            LocationKind::Pointer => Location::Pointer(at),
            LocationKind::Parameter => Location::Parameter(at),
        })
    }
}

/// The code and title, then the detail: what logs show.
impl core::fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.entry.code(), self.entry.title())?;
        match &self.detail {
            Some(detail) => write!(f, ": {detail}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for FrameworkError {}

#[cfg(test)]
mod tests {
    use super::{CodeCase, FrameworkErrors, FrameworkKind};

    #[test]
    fn codes_in_every_case() {
        let codes = |case| {
            let framework = FrameworkErrors::new().with_case(case);
            framework.entry(FrameworkKind::RouteNotFound).code()
        };
        assert_eq!(codes(CodeCase::ScreamingSnake), "ROUTE_NOT_FOUND");
        assert_eq!(codes(CodeCase::Snake), "route_not_found");
        assert_eq!(codes(CodeCase::Kebab), "route-not-found");
        assert_eq!(codes(CodeCase::Camel), "routeNotFound");
        assert_eq!(codes(CodeCase::Pascal), "RouteNotFound");
        assert_eq!(codes(CodeCase::Lower), "routenotfound");
        assert_eq!(codes(CodeCase::Upper), "ROUTENOTFOUND");
    }

    #[test]
    fn overrides_survive_a_later_case_and_configurations_are_shared() {
        let a = FrameworkErrors::new()
            .with_code(FrameworkKind::Internal, "oops")
            .with_case(CodeCase::Kebab);
        assert_eq!(a.entry(FrameworkKind::Internal).code(), "oops");
        assert_eq!(a.entry(FrameworkKind::Timeout).code(), "request-timeout");
        let b = FrameworkErrors::new()
            .with_code(FrameworkKind::Internal, "oops")
            .with_case(CodeCase::Kebab);
        assert!(core::ptr::eq(a.entries(), b.entries()));
        assert_eq!(a.entry(FrameworkKind::Internal).variant(), "Internal");
    }

    /// A bare error status is filled in only for what the framework answers on its own: an
    /// overridden status does not make every empty 404 a wrong method.
    #[cfg(any(feature = "axum-0_8", feature = "actix-web-4"))]
    #[test]
    fn filled_in_kinds() {
        use http::StatusCode;
        let framework = FrameworkErrors::new()
            .with_status(FrameworkKind::MethodNotAllowed, StatusCode::NOT_FOUND)
            .with_status(FrameworkKind::Timeout, StatusCode::SERVICE_UNAVAILABLE);
        let kind = |status| framework.filled_in(status);
        assert_eq!(
            kind(StatusCode::METHOD_NOT_ALLOWED),
            Some(FrameworkKind::MethodNotAllowed)
        );
        assert_eq!(kind(StatusCode::NOT_FOUND), None);
        assert_eq!(
            kind(StatusCode::SERVICE_UNAVAILABLE),
            Some(FrameworkKind::Timeout)
        );
        assert_eq!(kind(StatusCode::REQUEST_TIMEOUT), Some(FrameworkKind::Timeout));
        assert_eq!(kind(StatusCode::BAD_REQUEST), None);
    }

    /// A service's own detail replaces the parser's message; a 5xx shows no message at all.
    #[test]
    fn details_the_client_sees() {
        use crate::ApiError as _;
        let framework = FrameworkErrors::new().with_detail(FrameworkKind::MalformedJson, "Send JSON.");
        let detail = |error: &super::FrameworkError| error.detail().map(|d| d.to_string());
        let overridden = super::FrameworkError::new(FrameworkKind::MalformedJson, &framework)
            .with_detail("expected value at line 1 column 1");
        assert_eq!(detail(&overridden).as_deref(), Some("Send JSON."));
        let long =
            super::FrameworkError::new(FrameworkKind::InvalidJson, &framework).with_detail("é".repeat(200));
        let shown = detail(&long).unwrap_or_default();
        assert!(
            shown.len() <= 256 + '…'.len_utf8() && shown.ends_with('…'),
            "{shown}"
        );
        let internal =
            super::FrameworkError::new(FrameworkKind::Internal, &framework).with_detail("db password");
        assert_eq!(detail(&internal), None);
    }
}
