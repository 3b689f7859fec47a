//! [`FrameworkError`]: one error the framework produced, as an [`ApiError`](crate::ApiError).

use super::framework::FrameworkErrors;
use super::kinds::FrameworkKind;
use crate::{ApiError, Detail, Entry, Location};

/// The longest parser message a body carries: a message can quote the client's input.
pub(crate) const DETAIL_LIMIT: usize = 256;

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
pub(crate) enum LocationKind {
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
        let pointer = crate::violations::pointer::json_pointer(pointer.into());
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
