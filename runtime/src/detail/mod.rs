//! An occurrence's `detail`: the [`Detail`] text, and how a derived template is formatted.

pub(crate) mod format;
mod text;

pub use text::Detail;
