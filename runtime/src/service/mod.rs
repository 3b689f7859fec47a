//! What is per service rather than per enum: the envelope every error answers in, and the
//! entries of the errors the framework produces on its own.

mod errors;
mod framework;

pub use errors::ServiceErrors;
pub use framework::{CodeCase, FrameworkError, FrameworkErrors, FrameworkKind};
