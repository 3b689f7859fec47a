//! gRPC status codes as the derive knows them (`google/rpc/code.proto`): the names
//! `grpc = "..."` takes, the runtime's `GrpcCode` variant of each, and which HTTP class each
//! may stand for, so that an override cannot contradict the status. The default code of a
//! status is the runtime's (`GrpcCode::for_status`): the derive writes only overrides.

/// Which statuses a gRPC code may stand for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// The caller's fault: a 4xx status.
    Client,
    /// The service's fault: a 5xx status.
    Server,
    /// Either (`UNIMPLEMENTED` is 405 or 501, `DEADLINE_EXCEEDED` 408 or 504,
    /// `RESOURCE_EXHAUSTED` 429 or 507).
    Either,
    /// Not an error (`OK`).
    Never,
}

/// One code: its `code.proto` name, the runtime's variant, its class.
pub struct GrpcCode {
    pub name: &'static str,
    pub variant: &'static str,
    pub class: Class,
}

const fn code(name: &'static str, variant: &'static str, class: Class) -> GrpcCode {
    GrpcCode { name, variant, class }
}

/// Every code of `google/rpc/code.proto`, in its numeric order (0 to 16).
pub const CODES: [GrpcCode; 17] = [
    code("OK", "Ok", Class::Never),
    code("CANCELLED", "Cancelled", Class::Client),
    code("UNKNOWN", "Unknown", Class::Server),
    code("INVALID_ARGUMENT", "InvalidArgument", Class::Client),
    code("DEADLINE_EXCEEDED", "DeadlineExceeded", Class::Either),
    code("NOT_FOUND", "NotFound", Class::Client),
    code("ALREADY_EXISTS", "AlreadyExists", Class::Client),
    code("PERMISSION_DENIED", "PermissionDenied", Class::Client),
    code("RESOURCE_EXHAUSTED", "ResourceExhausted", Class::Either),
    code("FAILED_PRECONDITION", "FailedPrecondition", Class::Client),
    code("ABORTED", "Aborted", Class::Client),
    code("OUT_OF_RANGE", "OutOfRange", Class::Client),
    code("UNIMPLEMENTED", "Unimplemented", Class::Either),
    code("INTERNAL", "Internal", Class::Server),
    code("UNAVAILABLE", "Unavailable", Class::Server),
    code("DATA_LOSS", "DataLoss", Class::Server),
    code("UNAUTHENTICATED", "Unauthenticated", Class::Client),
];

/// The code named `name` (as `code.proto` spells it).
pub fn find(name: &str) -> Option<&'static GrpcCode> {
    CODES.iter().find(|c| c.name == name)
}

/// Why `code` cannot stand for `status`, as the compile error says it.
pub fn contradiction(code: &GrpcCode, status: u16) -> Option<String> {
    let name = code.name;
    match code.class {
        Class::Never => Some(format!(
            "`grpc = \"{name}\"` says the call succeeded; an error needs another code, or remove `grpc` for the status's ({})",
            default_name(status)
        )),
        Class::Client if status >= 500 => Some(format!(
            "`{name}` blames the caller, but status {status} is a server error; use a server code ({}) or a 4xx status",
            names(Class::Server)
        )),
        Class::Server if status < 500 => Some(format!(
            "`{name}` is a server failure, but status {status} is a client error; use a client code ({}) or a 5xx status",
            names(Class::Client)
        )),
        _ => None,
    }
}

/// The names of the codes of `class` and of those that stand for either class.
fn names(class: Class) -> String {
    CODES
        .iter()
        .filter(|c| c.class == class || c.class == Class::Either)
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every code but `OK`, for the message of an unknown name.
pub fn error_names() -> String {
    CODES[1..].iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
}

/// The name of the code a status maps to when `grpc` is not given: the runtime's table
/// (`GrpcCode::for_status`), repeated here only to name it in a message.
fn default_name(status: u16) -> &'static str {
    match status {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 | 501 => "UNIMPLEMENTED",
        408 | 504 => "DEADLINE_EXCEEDED",
        409 => "ABORTED",
        416 => "OUT_OF_RANGE",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        502 | 503 => "UNAVAILABLE",
        500..=599 => "INTERNAL",
        _ => "FAILED_PRECONDITION",
    }
}

/// AIP-193's `ErrorInfo.reason`: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters.
pub fn reason_problem(reason: &str) -> Option<String> {
    let bytes = reason.as_bytes();
    let shaped = bytes.len() >= 3
        && bytes[0].is_ascii_uppercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
        && bytes[bytes.len() - 1] != b'_';
    if !shaped {
        Some(format!(
            "the gRPC reason `{reason}` must be UPPER_SNAKE_CASE of at least three characters (AIP-193: `[A-Z][A-Z0-9_]+[A-Z0-9]`); give a `code = \"...\"` of that shape"
        ))
    } else if reason.len() > 63 {
        Some(format!(
            "the gRPC reason `{reason}` has {} characters, and AIP-193 allows at most 63; give a shorter `code = \"...\"`",
            reason.len()
        ))
    } else {
        None
    }
}

/// A member name as an AIP-193 metadata key: lowerCamelCase (`credit_limit` is `creditLimit`).
pub fn metadata_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else if out.is_empty() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Why a metadata key breaks AIP-193 (`[a-z][a-zA-Z0-9-_]+`, at most 64 characters).
pub fn key_problem(member: &str, key: &str) -> Option<String> {
    let bytes = key.as_bytes();
    let shaped = bytes.len() >= 2
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_');
    if !shaped {
        Some(format!(
            "member `{member}` becomes the gRPC metadata key `{key}`, which AIP-193 does not allow (`[a-z][a-zA-Z0-9-_]+`); give the field a name of two or more letters and digits, or `#[api(rename = \"...\")]`"
        ))
    } else if key.len() > 64 {
        Some(format!(
            "member `{member}` becomes a gRPC metadata key of {} characters, and AIP-193 allows at most 64; rename it with `#[api(rename = \"...\")]`",
            key.len()
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lower_camel_case() {
        assert_eq!(metadata_key("credit_limit"), "creditLimit");
        assert_eq!(metadata_key("retry-after"), "retryAfter");
        assert_eq!(metadata_key("planId"), "planId");
        assert_eq!(metadata_key("Plan"), "plan");
        assert_eq!(metadata_key("_x"), "x");
        assert!(key_problem("x", "x").is_some());
        assert!(key_problem("limit", "limit").is_none());
    }

    #[test]
    fn reasons_are_upper_snake_case() {
        assert!(reason_problem("CREDIT_EXHAUSTED").is_none());
        assert!(reason_problem("AB").is_some());
        assert!(reason_problem("A_").is_some());
        assert!(reason_problem(&"A".repeat(64)).is_some());
    }

    #[test]
    fn defaults_never_contradict_their_status() {
        for status in 400..600 {
            let code = find(default_name(status)).expect("a known name");
            assert!(contradiction(code, status).is_none(), "{status}");
        }
    }
}
