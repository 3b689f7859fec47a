//! Envelopes: the JSON shapes an error body can take. One file per shape; the trait, the output
//! they write to and the writers they share are here.
//!
//! | envelope | body | content type |
//! |---|---|---|
//! | [`Problem`] | RFC 9457 problem details: `{type, title, status, detail, instance, code, ...fields}` | `application/problem+json` |
//! | [`CodeMessage`] | `{code, message, details}` | `application/json` |
//! | [`ErrorString`] | `{error: <message>, code, details}` | `application/json` |
//! | [`SuccessFlag`] | `{success: false, error: {code, message, details}, meta: {request_id, version}}` | `application/json` |
//! | [`GoogleRpc`] | AIP-193: `{error: {code, message, status, details: [ErrorInfo, RetryInfo, Help]}}` | `application/json` |
//! | [`JsonApi`] | JSON:API: `{errors: [{id, status, code, title, detail, links, meta}]}` | `application/vnd.api+json` |

mod code_message;
mod error_string;
mod google_rpc;
mod json_api;
mod problem;
mod success_flag;

mod contract;
#[cfg(feature = "client")]
mod decode;
mod output;
mod schema;

pub use code_message::CodeMessage;
pub use contract::Envelope;
#[cfg(feature = "client")]
pub use decode::Decode;
pub use error_string::ErrorString;
pub use google_rpc::GoogleRpc;
pub use json_api::JsonApi;
pub use output::Output;
pub use problem::{Problem, ReservedMember};
pub use success_flag::SuccessFlag;

pub use crate::render_error::RenderError;
pub(crate) use schema::{is_violations, place_members, resolve_schema, without_violations};
