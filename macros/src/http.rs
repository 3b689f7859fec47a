//! Static HTTP knowledge, in one place: the IANA status code registry (4xx and 5xx) with the
//! RFC 9110 reason phrases, the `http::StatusCode` constant names, default retry guidance, and
//! the request methods.

/// One registered error status.
pub struct Status {
    pub code: u16,
    /// The `http::StatusCode` associated constant.
    pub constant: &'static str,
    /// Other accepted names: the RFC 9110 spelling where `http` kept an older one.
    pub aliases: &'static [&'static str],
    /// The RFC 9110 (or defining RFC's) reason phrase.
    pub phrase: &'static str,
}

const fn status(code: u16, constant: &'static str, phrase: &'static str) -> Status {
    Status {
        code,
        constant,
        aliases: &[],
        phrase,
    }
}

/// Every 4xx and 5xx code in the IANA HTTP Status Code Registry, except 418 (unused).
pub static STATUSES: &[Status] = &[
    status(400, "BAD_REQUEST", "Bad Request"),
    status(401, "UNAUTHORIZED", "Unauthorized"),
    status(402, "PAYMENT_REQUIRED", "Payment Required"),
    status(403, "FORBIDDEN", "Forbidden"),
    status(404, "NOT_FOUND", "Not Found"),
    status(405, "METHOD_NOT_ALLOWED", "Method Not Allowed"),
    status(406, "NOT_ACCEPTABLE", "Not Acceptable"),
    status(
        407,
        "PROXY_AUTHENTICATION_REQUIRED",
        "Proxy Authentication Required",
    ),
    status(408, "REQUEST_TIMEOUT", "Request Timeout"),
    status(409, "CONFLICT", "Conflict"),
    status(410, "GONE", "Gone"),
    status(411, "LENGTH_REQUIRED", "Length Required"),
    status(412, "PRECONDITION_FAILED", "Precondition Failed"),
    Status {
        code: 413,
        constant: "PAYLOAD_TOO_LARGE",
        aliases: &["CONTENT_TOO_LARGE"],
        phrase: "Content Too Large",
    },
    status(414, "URI_TOO_LONG", "URI Too Long"),
    status(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"),
    status(416, "RANGE_NOT_SATISFIABLE", "Range Not Satisfiable"),
    status(417, "EXPECTATION_FAILED", "Expectation Failed"),
    status(421, "MISDIRECTED_REQUEST", "Misdirected Request"),
    Status {
        code: 422,
        constant: "UNPROCESSABLE_ENTITY",
        aliases: &["UNPROCESSABLE_CONTENT"],
        phrase: "Unprocessable Content",
    },
    status(423, "LOCKED", "Locked"),
    status(424, "FAILED_DEPENDENCY", "Failed Dependency"),
    status(425, "TOO_EARLY", "Too Early"),
    status(426, "UPGRADE_REQUIRED", "Upgrade Required"),
    status(428, "PRECONDITION_REQUIRED", "Precondition Required"),
    status(429, "TOO_MANY_REQUESTS", "Too Many Requests"),
    status(
        431,
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "Request Header Fields Too Large",
    ),
    status(
        451,
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        "Unavailable For Legal Reasons",
    ),
    status(500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
    status(501, "NOT_IMPLEMENTED", "Not Implemented"),
    status(502, "BAD_GATEWAY", "Bad Gateway"),
    status(503, "SERVICE_UNAVAILABLE", "Service Unavailable"),
    status(504, "GATEWAY_TIMEOUT", "Gateway Timeout"),
    status(505, "HTTP_VERSION_NOT_SUPPORTED", "HTTP Version Not Supported"),
    status(506, "VARIANT_ALSO_NEGOTIATES", "Variant Also Negotiates"),
    status(507, "INSUFFICIENT_STORAGE", "Insufficient Storage"),
    status(508, "LOOP_DETECTED", "Loop Detected"),
    status(510, "NOT_EXTENDED", "Not Extended"),
    status(
        511,
        "NETWORK_AUTHENTICATION_REQUIRED",
        "Network Authentication Required",
    ),
];

/// The registered error status with this code.
pub fn by_code(code: u16) -> Option<&'static Status> {
    STATUSES.iter().find(|s| s.code == code)
}

/// The registered error status with this `http::StatusCode` constant name (or RFC 9110 alias).
pub fn by_name(name: &str) -> Option<&'static Status> {
    STATUSES
        .iter()
        .find(|s| s.constant == name || s.aliases.contains(&name))
}

/// Every accepted status name, for did-you-mean suggestions.
pub fn names() -> impl Iterator<Item = &'static str> {
    STATUSES
        .iter()
        .flat_map(|s| std::iter::once(s.constant).chain(s.aliases.iter().copied()))
}

/// The registered error statuses closest below and above an unregistered code.
pub fn nearest(code: u16) -> (Option<&'static Status>, Option<&'static Status>) {
    let below = STATUSES.iter().rev().find(|s| s.code < code);
    let above = STATUSES.iter().find(|s| s.code > code);
    (below, above)
}

/// A status whose responses must carry a header (RFC 9110), and the key that gives it.
pub struct RequiredHeader {
    pub status: u16,
    /// The `#[api(...)]` key whose value the header carries.
    pub key: &'static str,
    pub header: &'static str,
    /// The error when the key is missing, after "status N requires ".
    pub missing: &'static str,
}

/// Every status that requires a header: the one table the derive checks and the runtime sends
/// (by the same keys).
pub const REQUIRED_HEADERS: &[RequiredHeader] = &[
    RequiredHeader {
        status: 401,
        key: "challenge",
        header: "WWW-Authenticate",
        missing: "a WWW-Authenticate challenge (RFC 9110, section 15.5.2); add `challenge = \"Bearer\"` to this variant or to the enum",
    },
    RequiredHeader {
        status: 405,
        key: "allow",
        header: "Allow",
        missing: "an Allow header (RFC 9110, section 15.5.6); add `allow = \"GET, POST\"` with the methods the resource supports",
    },
    RequiredHeader {
        status: 407,
        key: "challenge",
        header: "Proxy-Authenticate",
        missing: "a Proxy-Authenticate challenge (RFC 9110, section 15.5.8); add `challenge = \"Basic realm=\\\"proxy\\\"\"` to this variant",
    },
    RequiredHeader {
        status: 426,
        key: "upgrade",
        header: "Upgrade",
        missing: "an Upgrade header (RFC 9110, section 15.5.22); add `upgrade = \"HTTP/2.0\"` with the protocols to switch to",
    },
];

/// The request methods of RFC 9110 and RFC 5789 (PATCH).
pub const METHODS: &[&str] = &[
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];

#[cfg(test)]
mod tests {
    use super::{STATUSES, by_code, by_name, nearest};
    use crate::retry::{RetryKind, default_retry};

    /// Every registered 4xx/5xx with the phrase RFC 9110 (or its defining RFC) gives it.
    #[test]
    fn registry_with_rfc_9110_phrases() {
        let expected: &[(u16, &str)] = &[
            (400, "Bad Request"),
            (401, "Unauthorized"),
            (402, "Payment Required"),
            (403, "Forbidden"),
            (404, "Not Found"),
            (405, "Method Not Allowed"),
            (406, "Not Acceptable"),
            (407, "Proxy Authentication Required"),
            (408, "Request Timeout"),
            (409, "Conflict"),
            (410, "Gone"),
            (411, "Length Required"),
            (412, "Precondition Failed"),
            (413, "Content Too Large"),
            (414, "URI Too Long"),
            (415, "Unsupported Media Type"),
            (416, "Range Not Satisfiable"),
            (417, "Expectation Failed"),
            (421, "Misdirected Request"),
            (422, "Unprocessable Content"),
            (423, "Locked"),
            (424, "Failed Dependency"),
            (425, "Too Early"),
            (426, "Upgrade Required"),
            (428, "Precondition Required"),
            (429, "Too Many Requests"),
            (431, "Request Header Fields Too Large"),
            (451, "Unavailable For Legal Reasons"),
            (500, "Internal Server Error"),
            (501, "Not Implemented"),
            (502, "Bad Gateway"),
            (503, "Service Unavailable"),
            (504, "Gateway Timeout"),
            (505, "HTTP Version Not Supported"),
            (506, "Variant Also Negotiates"),
            (507, "Insufficient Storage"),
            (508, "Loop Detected"),
            (510, "Not Extended"),
            (511, "Network Authentication Required"),
        ];
        let actual: Vec<_> = STATUSES.iter().map(|s| (s.code, s.phrase)).collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn unregistered_and_unused_codes_are_absent() {
        for code in [418, 419, 420, 427, 430, 499, 509, 599] {
            assert!(by_code(code).is_none(), "{code}");
        }
    }

    #[test]
    fn names_and_aliases() {
        assert_eq!(by_name("PAYMENT_REQUIRED").unwrap().code, 402);
        assert_eq!(by_name("PAYLOAD_TOO_LARGE").unwrap().code, 413);
        assert_eq!(by_name("CONTENT_TOO_LARGE").unwrap().code, 413);
        assert_eq!(by_name("UNPROCESSABLE_CONTENT").unwrap().code, 422);
        assert!(by_name("PAYMENT_REQURED").is_none());
    }

    #[test]
    fn nearest_registered() {
        let pair = |c| {
            let (a, b) = nearest(c);
            (a.map(|s| s.code), b.map(|s| s.code))
        };
        assert_eq!(pair(419), (Some(417), Some(421)));
        assert_eq!(pair(499), (Some(451), Some(500)));
        assert_eq!(pair(509), (Some(508), Some(510)));
        assert_eq!(pair(599), (Some(511), None));
    }

    /// The contract from the attribute reference: 429 and 503 `after_delay`; 408, 425, 502, 504
    /// `true`; 500 `backoff`; 401 `after_reauth`; every other status `false`.
    #[test]
    fn default_retry_by_status() {
        let special = [
            (401, RetryKind::AfterReauth),
            (408, RetryKind::Yes),
            (425, RetryKind::Yes),
            (429, RetryKind::AfterDelay),
            (500, RetryKind::Backoff),
            (502, RetryKind::Yes),
            (503, RetryKind::AfterDelay),
            (504, RetryKind::Yes),
        ];
        for (code, expected) in special {
            assert_eq!(default_retry(code), expected, "{code}");
        }
        let others = STATUSES
            .iter()
            .filter(|s| !special.iter().any(|(c, _)| *c == s.code));
        for s in others {
            assert_eq!(default_retry(s.code), RetryKind::No, "{}", s.code);
        }
    }
}
