//! A catalog with validation errors, for the tests that render and describe them.

use apierror::{ApiError, Violations};

/// Request errors.
#[derive(Debug, ApiError)]
#[api(type_base = "https://example.net/")]
pub enum RequestError {
    /// The request body has invalid fields (RFC 9457, section 3).
    #[api(
        status = 422,
        code = "VALIDATION_ERROR",
        type = "https://example.net/validation-error",
        title = "Your request is not valid."
    )]
    Invalid {
        /// What is wrong, field by field.
        errors: Violations,
    },
    /// A form with a note as well.
    #[api(status = 400, detail = "The form has {count} problems.")]
    BadForm {
        /// How many.
        count: u32,
        /// Which.
        problems: Violations,
    },
}
