//! [`FrameworkErrors`]: a service's entries for the errors its framework produces, in its code
//! case, with its overrides (interned once, so every configuration is `Copy` and `'static`).

use std::sync::{Mutex, PoisonError};

use http::StatusCode;

use super::kinds::CodeCase;
use super::kinds::FrameworkKind;
use super::kinds::SPECS;
use crate::Entry;

/// The framework's entries of one service: codes in its case, with its overrides. Build it
/// once, at start-up, and hand the same value to the router ([`ServiceErrors`]) and to the
/// catalog docs ([`ServiceCatalog::with_framework`]).
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
#[doc = service_catalog_link!("with_framework")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameworkErrors {
    case: CodeCase,
    overrides: &'static [Override],
    entries: &'static [Entry; 10],
}

/// One override, kept so that changing the case later keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Override {
    Code(FrameworkKind, &'static str),
    Status(FrameworkKind, StatusCode),
    Title(FrameworkKind, &'static str),
    Detail(FrameworkKind, &'static str),
    Type(FrameworkKind, &'static str),
    TypeBase(&'static str),
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

    /// Real problem types for every kind: `base` followed by the code
    /// (`https://docs.example.com/errors/ROUTE_NOT_FOUND`), as a derived type's `type_base`.
    /// Without one the type is `about:blank`, and the title the status's reason phrase, as
    /// RFC 9457 section 4.2.1 asks; with one, each kind keeps its own title ("Route not found").
    ///
    /// ```
    /// use apierror::{FrameworkErrors, FrameworkKind};
    ///
    /// let plain = FrameworkErrors::new();
    /// assert_eq!(plain.entry(FrameworkKind::RouteNotFound).type_uri(), "about:blank");
    /// assert_eq!(plain.entry(FrameworkKind::RouteNotFound).title(), "Not Found");
    ///
    /// let typed = FrameworkErrors::new().with_type_base("https://docs.example.com/errors/");
    /// let entry = typed.entry(FrameworkKind::RouteNotFound);
    /// assert_eq!(entry.type_uri(), "https://docs.example.com/errors/ROUTE_NOT_FOUND");
    /// assert_eq!(entry.title(), "Route not found");
    /// ```
    #[must_use]
    pub fn with_type_base(self, base: &'static str) -> Self {
        self.with(Override::TypeBase(base))
    }

    /// `kind`'s problem type URI (over [`FrameworkErrors::with_type_base`]).
    ///
    /// ```
    /// use apierror::{FrameworkErrors, FrameworkKind};
    ///
    /// let framework = FrameworkErrors::new().with_type(FrameworkKind::Internal, "https://example.com/problems/internal");
    /// assert_eq!(framework.entry(FrameworkKind::Internal).type_uri(), "https://example.com/problems/internal");
    /// ```
    #[must_use]
    pub fn with_type(self, kind: FrameworkKind, uri: &'static str) -> Self {
        self.with(Override::Type(kind, uri))
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
                overrides.iter().filter(|o| o.kind() == Some(kind)).find_map(pick)
            };
            let code = find(|o| match o {
                Override::Code(_, code) => Some(code),
                _ => None,
            })
            .unwrap_or_else(|| intern_str(case.write(spec.words)));
            let status = overrides
                .iter()
                .find_map(|o| match *o {
                    Override::Status(k, status) if k == kind => Some(status),
                    _ => None,
                })
                .unwrap_or(spec.status);
            let type_uri = find(|o| match o {
                Override::Type(_, uri) => Some(uri),
                _ => None,
            })
            .or_else(|| {
                overrides.iter().find_map(|o| match *o {
                    Override::TypeBase(base) => Some(intern_str(format!("{base}{code}"))),
                    _ => None,
                })
            });
            // With `about:blank` the title is the reason phrase (RFC 9457, section 4.2.1).
            let title = find(|o| match o {
                Override::Title(_, title) => Some(title),
                _ => None,
            })
            .unwrap_or(match type_uri {
                Some(_) => spec.title,
                None => crate::status::reason_phrase(status.as_u16())
                    .or_else(|| status.canonical_reason())
                    .unwrap_or(spec.title),
            });
            let mut entry = Entry::new(code, status, title)
                .with_description(spec.description)
                .with_variant(kind.name());
            if let Some(uri) = type_uri {
                entry = entry.with_type_uri(uri);
            }
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
    /// The kind it is for; `None` for one that is for every kind.
    fn kind(&self) -> Option<FrameworkKind> {
        match *self {
            Override::Code(kind, _)
            | Override::Status(kind, _)
            | Override::Title(kind, _)
            | Override::Detail(kind, _)
            | Override::Type(kind, _) => Some(kind),
            Override::TypeBase(_) => None,
        }
    }
}

pub(crate) static STRINGS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
pub(crate) static OVERRIDES: Mutex<Vec<&'static [Override]>> = Mutex::new(Vec::new());
pub(crate) static ENTRIES: Mutex<Vec<&'static [Entry; 10]>> = Mutex::new(Vec::new());

/// `value`, allocated for the process once per distinct value.
pub(crate) fn intern<T: ?Sized + PartialEq + 'static, B: core::borrow::Borrow<T> + Into<Box<T>>>(
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

pub(crate) fn intern_str(value: String) -> &'static str {
    intern::<str, String>(&STRINGS, value)
}

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
        let detail = |error: &crate::FrameworkError| error.detail().map(|d| d.to_string());
        let overridden = crate::FrameworkError::new(FrameworkKind::MalformedJson, &framework)
            .with_detail("expected value at line 1 column 1");
        assert_eq!(detail(&overridden).as_deref(), Some("Send JSON."));
        let long =
            crate::FrameworkError::new(FrameworkKind::InvalidJson, &framework).with_detail("é".repeat(200));
        let shown = detail(&long).unwrap_or_default();
        assert!(
            shown.len() <= 256 + '…'.len_utf8() && shown.ends_with('…'),
            "{shown}"
        );
        let internal =
            crate::FrameworkError::new(FrameworkKind::Internal, &framework).with_detail("db password");
        assert_eq!(detail(&internal), None);
    }
}
