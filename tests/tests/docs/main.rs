//! The catalog docs: tables, pages, OpenAPI, the lock, the checked-in docs, the provider seeds and the README.
//!
//! One test binary per concern (the integration tests link once per binary).

pub mod aide_doc;
pub mod docs;
pub mod docs_drift;
pub mod operations;
pub mod readme;
pub mod seeds;
pub mod utoipa_doc;
