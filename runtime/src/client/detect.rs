//! Which built-in envelope a body is in, from its content type and shape.

use serde_json::Value;

use crate::envelope::{CodeMessage, Decode, ErrorString, GoogleRpc, JsonApi, Problem, SuccessFlag};

/// The built-in envelope a body is in: by content type (`application/problem+json`,
/// `application/vnd.api+json`), else by shape (`{"errors": [...]}` without RFC 9457's members, `{"success": false, ...}`,
/// `{"error": {"status": "..."}}`, `{"error": "...", "code"}`, `{"code", "message"}`,
/// `{"type", "title", "status"}`). Problem details are read with any of the code members
/// `code`, `error_code` and `errorCode`.
#[must_use]
pub fn detect(content_type: &str, body: &Value) -> Option<&'static dyn Decode> {
    const PROBLEM: Problem = Problem::new();
    const GOOGLE_RPC: GoogleRpc = GoogleRpc::new("");
    let content_type = content_type.to_ascii_lowercase();
    if content_type.contains("problem+json") {
        return Some(&PROBLEM);
    }
    if content_type.contains("vnd.api+json") {
        return Some(&JsonApi);
    }
    let object = body.as_object()?;
    let error = object.get("error");
    // RFC 9457 bodies may carry an `errors` list too (violations): a JSON:API document has no
    // top-level `type`, `title` or `status`.
    let problem_member = ["type", "title", "status"]
        .iter()
        .any(|m| object.contains_key(*m));
    if object.get("errors").is_some_and(Value::is_array) && !problem_member {
        Some(&JsonApi)
    } else if object.get("success") == Some(&Value::Bool(false)) && error.is_some_and(Value::is_object) {
        Some(&SuccessFlag)
    } else if error.is_some_and(|e| e.get("status").is_some_and(Value::is_string)) {
        Some(&GOOGLE_RPC)
    } else if error.is_some_and(Value::is_string) && object.contains_key("code") {
        Some(&ErrorString)
    } else if object.contains_key("code") && object.contains_key("message") {
        Some(&CodeMessage)
    } else if object.contains_key("title") || object.contains_key("type") {
        Some(&PROBLEM)
    } else {
        None
    }
}
