//! Validation errors: which parts of the request are wrong, and why.

mod list;
pub(crate) mod pointer;
mod violation;

pub use list::Violations;
pub use violation::Violation;

pub(crate) use pointer::write_fragment;
