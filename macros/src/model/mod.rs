//! The resolved model of one derive input, built from the attributes and checked.

mod aip193;
mod build;
mod detail;
mod envelope;
mod fields;
mod items;

pub use build::{Source, build, parse_fields};
pub use envelope::{envelope_members, is_google_rpc_envelope, is_problem_envelope, reserved_code_member};
pub use items::{Defaults, EntryModel, FieldModel, Item, Kind, Path, RESERVED_MEMBERS, Visibility};
