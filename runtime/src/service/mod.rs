//! What is per service rather than per enum: the envelope every error answers in, and the
//! entries of the errors the framework produces on its own.

mod errors;
mod framework;
mod framework_error;
mod kinds;

pub use errors::ServiceErrors;
pub use framework::FrameworkErrors;
pub use framework_error::FrameworkError;
pub use kinds::{CodeCase, FrameworkKind};
