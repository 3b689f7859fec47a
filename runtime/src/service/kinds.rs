//! [`FrameworkKind`]: the errors a web framework produces on its own (no route, wrong method, a
//! body it cannot parse, a panic), each with its default entry; and [`CodeCase`], the style of
//! their codes.

use http::StatusCode;

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
pub(crate) struct Spec {
    pub(crate) kind: FrameworkKind,
    pub(crate) words: &'static [&'static str],
    pub(crate) status: StatusCode,
    pub(crate) title: &'static str,
    pub(crate) description: &'static str,
}

pub(crate) const SPECS: [Spec; FrameworkKind::ALL.len()] = [
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
    /// Every kind, in catalog order: a slice, so a kind added later (the enum is
    /// `#[non_exhaustive]`) does not change its type.
    pub const ALL: &'static [FrameworkKind] = &[
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

    pub(crate) const fn index(self) -> usize {
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
    pub(crate) fn write(self, words: &[&str]) -> String {
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
