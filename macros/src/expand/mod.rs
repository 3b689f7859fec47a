//! Code generation, a file per generated piece: the static entries, the methods that read
//! fields, the catalog, the opt-in impls, `From` for `#[from]` fields and `#[api(decode)]`; the bounds and shared helpers.

mod bounds;
mod catalog;
mod decode;
mod derive;
mod entries;
mod from;
mod methods;
mod support;

pub(crate) use derive::{Integrations, expand};
pub(crate) use from::from_impls;
