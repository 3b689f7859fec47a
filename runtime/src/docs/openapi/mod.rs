//! The OpenAPI 3.1 document of a catalog: one schema per code (`codes.rs`), one response per
//! status or per operation's codes (`responses.rs`, with `headers.rs`), the paths of the
//! operations (`paths.rs`), and the whole (`document.rs`).

mod codes;
mod document;
mod headers;
mod paths;
mod responses;
mod v3_0;

#[cfg_attr(not(any(feature = "utoipa-6", feature = "aide-0_15")), allow(unused_imports))]
pub(crate) use document::inline_operation_responses;
#[cfg_attr(not(any(feature = "utoipa-6", feature = "aide-0_15")), allow(unused_imports))]
pub(crate) use document::inline_responses;
