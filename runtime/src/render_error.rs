//! [`RenderError`]: why a body could not be rendered (a field's `Serialize` failed, or a custom
//! envelope reported a failure). Below the envelopes and the field writer, which both return it.

use core::fmt;

/// Rendering failed: an exposed field's `Serialize` implementation returned an error, or the
/// envelope reported a failure of its own.
#[derive(Debug)]
pub struct RenderError {
    field: Option<&'static str>,
    cause: Cause,
}

#[derive(Debug)]
enum Cause {
    Serialize(serde_json::Error),
    Custom(String),
}

impl RenderError {
    /// A failure of a custom envelope, described by `message` (for logs).
    ///
    /// ```
    /// let error = apierror::envelope::RenderError::custom("no doc_url for this entry");
    /// assert_eq!(error.to_string(), "the error body could not be rendered: no doc_url for this entry");
    /// ```
    pub fn custom(message: impl fmt::Display) -> Self {
        RenderError {
            field: None,
            cause: Cause::Custom(message.to_string()),
        }
    }

    /// The same failure, attributed to the exposed field `name`.
    #[must_use]
    pub fn with_field(mut self, name: &'static str) -> Self {
        self.field = Some(name);
        self
    }

    /// The 0.2 name of [`RenderError::with_field`].
    #[deprecated(note = "renamed `with_field`")]
    #[doc(hidden)]
    #[must_use]
    pub fn in_field(self, name: &'static str) -> Self {
        self.with_field(name)
    }

    /// The exposed field whose value could not be written, when one is to blame.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    pub(crate) fn serialize(field: &'static str, error: serde_json::Error) -> Self {
        RenderError {
            field: Some(field),
            cause: Cause::Serialize(error),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.cause, self.field) {
            (Cause::Serialize(e), Some(field)) => {
                write!(f, "the exposed field `{field}` could not be serialized: {e}")
            }
            (Cause::Serialize(e), None) => write!(f, "an exposed field could not be serialized: {e}"),
            (Cause::Custom(message), Some(field)) => {
                write!(
                    f,
                    "the error body could not be rendered (field `{field}`): {message}"
                )
            }
            (Cause::Custom(message), None) => write!(f, "the error body could not be rendered: {message}"),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.cause {
            Cause::Serialize(e) => Some(e),
            Cause::Custom(_) => None,
        }
    }
}
