//! Reading a whole response: the headers, then the body (within [`BODY_LIMIT`]) in the
//! envelope given or detected.

use http::{HeaderMap, StatusCode};
use serde_json::Value;

use super::detect::detect;
use super::headers;
use crate::envelope::Decode;
use crate::remote::RemoteError;

/// The most body a decoder reads: larger bodies are not parsed (the status and headers still
/// are). Error bodies are small; this keeps a hostile or broken server from making a client
/// allocate without bound.
pub const BODY_LIMIT: usize = 64 * 1024;

impl RemoteError {
    /// Decodes a response, detecting the envelope from the content type and the body's shape
    /// (see [`detect`]).
    #[must_use]
    pub fn from_response(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mut error = RemoteError::from_headers(status, headers);
        if let Some(value) = parse_body(body)
            && let Some(decoder) = detect(content_type, &value)
        {
            decoder.decode(&value, &mut error);
        }
        error
    }

    /// Decodes a response in the envelope `decoder` (a built-in envelope, or your own).
    #[must_use]
    pub fn from_response_with(
        decoder: &dyn Decode,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Self {
        let mut error = RemoteError::from_headers(status, headers);
        if let Some(value) = parse_body(body) {
            decoder.decode(&value, &mut error);
        }
        error
    }

    fn from_headers(status: StatusCode, headers: &HeaderMap) -> Self {
        let mut error = RemoteError::new(status);
        headers::read(headers, &mut error);
        error
    }
}

/// The body as JSON, when it is within [`BODY_LIMIT`] and parses.
fn parse_body(body: &[u8]) -> Option<Value> {
    if body.is_empty() || body.len() > BODY_LIMIT {
        return None;
    }
    // serde_json refuses nesting deeper than 128 levels with an error, never a stack overflow.
    serde_json::from_slice(body).ok()
}
