//! The catalog's static data: an [`Entry`] per error, its [`Resolve`] guidance and its
//! exposed [`Field`]s.

pub(crate) mod absent;
pub(crate) mod derived;
mod field;
pub(crate) mod model;
pub(crate) mod parts;
mod resolve;
mod serialize;

pub use field::Field;
pub use model::{ABOUT_BLANK, Entry};
pub use resolve::Resolve;
