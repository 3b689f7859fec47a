//! Validation errors: which parts of the request are wrong, and why.

mod list;
pub(crate) mod pointer;
#[cfg(feature = "validator-0_21")]
mod validator_text;
mod violation;

pub use list::Violations;
pub use violation::Violation;

pub(crate) use pointer::write_fragment;
