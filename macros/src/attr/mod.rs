//! Attribute syntax: the darling receivers for `#[api(...)]` on the container, each variant and
//! each field, and the value types whose checks need only the value itself (so each error is
//! spanned on its literal).

mod flag;
mod receivers;
mod resolve;
mod text;
mod values;

pub use flag::Flag;
pub use receivers::{Container, Field, Keys, Variant};
pub use resolve::ResolveKeys;
pub use text::MemberName;

pub use crate::retry::RetryKind;
