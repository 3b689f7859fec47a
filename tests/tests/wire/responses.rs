//! The headers HTTP requires, checked on real `http::Response`s, and untrusted context values.

use std::time::Duration;

use apierror::envelope::CodeMessage;
use apierror::{ApiError, ApiErrorExt, Context, ErrorResponder, RateLimit, RateLimitHeaders};
use http::HeaderName;

#[derive(Debug, ApiError)]
#[api(challenge = "Bearer realm=\"api\"")]
enum HttpError {
    #[api(status = 401)]
    AuthRequired,
    #[api(status = 405, allow = "GET, HEAD")]
    MethodNotAllowed,
    #[api(status = 428)]
    PreconditionRequired,
    #[api(status = 429, retry_after = 60)]
    RateLimited,
    #[api(status = 431)]
    HeadersTooLarge,
    #[api(status = 503)]
    Busy {
        #[api(retry_after)]
        wait: Duration,
    },
    #[api(status = 400)]
    Invalid,
}

/// Every header of a response as `(name, value)`, sorted, so tests compare them whole.
fn headers(response: &http::Response<Vec<u8>>) -> Vec<(String, String)> {
    let mut all: Vec<_> = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    all.sort();
    all
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all: Vec<_> = expected
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    all.sort();
    all
}

#[test]
fn required_headers_by_status() {
    let responder = ErrorResponder::default();
    let cx = Context::new();
    let problem = ("content-type", "application/problem+json");

    let r = responder.response(&HttpError::AuthRequired, &cx);
    assert_eq!(r.status(), 401);
    assert_eq!(
        headers(&r),
        pairs(&[problem, ("www-authenticate", "Bearer realm=\"api\"")])
    );

    let r = responder.response(&HttpError::MethodNotAllowed, &cx);
    assert_eq!(headers(&r), pairs(&[problem, ("allow", "GET, HEAD")]));

    for err in [HttpError::PreconditionRequired, HttpError::HeadersTooLarge] {
        let r = responder.response(&err, &cx);
        assert_eq!(
            headers(&r),
            pairs(&[problem, ("cache-control", "no-store")]),
            "{}",
            err.code()
        );
    }

    let r = responder.response(&HttpError::RateLimited, &cx);
    assert_eq!(
        headers(&r),
        pairs(&[problem, ("cache-control", "no-store"), ("retry-after", "60")])
    );

    let r = responder.response(&HttpError::Invalid, &cx);
    assert_eq!(headers(&r), pairs(&[problem]));
}

#[test]
fn retry_after_from_a_field_rounds_up_to_whole_seconds() {
    let responder = ErrorResponder::default();
    let r = responder.response(
        &HttpError::Busy {
            wait: Duration::from_millis(2_001),
        },
        &Context::new(),
    );
    assert_eq!(r.headers()["retry-after"], "3");
    let r = responder.response(
        &HttpError::Busy {
            wait: Duration::from_secs(30),
        },
        &Context::new(),
    );
    assert_eq!(r.headers()["retry-after"], "30");
}

#[test]
fn request_id_is_echoed_under_the_configured_name() {
    let cx = Context::new().with_request_id("req-42");
    let r = ErrorResponder::default().response(&HttpError::Invalid, &cx);
    assert_eq!(r.headers()["x-request-id"], "req-42");

    let responder =
        ErrorResponder::new(CodeMessage).with_request_id_header(HeaderName::from_static("x-correlation-id"));
    let r = responder.response(&HttpError::Invalid, &cx);
    assert_eq!(
        headers(&r),
        pairs(&[
            ("content-type", "application/json"),
            ("x-correlation-id", "req-42")
        ])
    );
}

#[test]
fn rate_limit_headers_legacy_ietf_both_off() {
    let cx = Context::new().with_rate_limit(
        RateLimit::new(100, 0)
            .with_reset_at(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_706_054_400))
            .with_reset_after(std::time::Duration::from_secs(12))
            .with_window(std::time::Duration::from_secs(60)),
    );
    let legacy = [
        ("x-ratelimit-limit", "100"),
        ("x-ratelimit-remaining", "0"),
        ("x-ratelimit-reset", "1706054400"),
    ];
    let ietf = [
        ("ratelimit-policy", "\"default\";q=100;w=60"),
        ("ratelimit", "\"default\";r=0;t=12"),
    ];
    let base = [
        ("content-type", "application/problem+json"),
        ("cache-control", "no-store"),
        ("retry-after", "60"),
    ];
    let case = |style, extra: &[(&str, &str)]| {
        let r = ErrorResponder::default()
            .with_rate_limit_headers(style)
            .response(&HttpError::RateLimited, &cx);
        let mut expected: Vec<(&str, &str)> = base.to_vec();
        expected.extend_from_slice(extra);
        assert_eq!(headers(&r), pairs(&expected), "{style:?}");
    };
    case(RateLimitHeaders::Legacy, &legacy);
    case(RateLimitHeaders::Ietf, &ietf);
    case(RateLimitHeaders::Both, &[&legacy[..], &ietf[..]].concat());
    case(RateLimitHeaders::Off, &[]);

    // Parts that are not known are left out.
    let cx = Context::new().with_rate_limit(RateLimit::new(10, 9));
    let r = ErrorResponder::default()
        .with_rate_limit_headers(RateLimitHeaders::Both)
        .response(&HttpError::Invalid, &cx);
    assert_eq!(
        headers(&r),
        pairs(&[
            ("content-type", "application/problem+json"),
            ("x-ratelimit-limit", "10"),
            ("x-ratelimit-remaining", "9"),
            ("ratelimit-policy", "\"default\";q=10"),
            ("ratelimit", "\"default\";r=9"),
        ])
    );
}

/// Request data that is not a safe header value is never written into a header: the header is
/// dropped, the response is otherwise unchanged, and the body still carries the value, escaped.
#[test]
fn untrusted_request_ids_are_dropped_from_headers() {
    let hostile = [
        "abc\r\nSet-Cookie: session=evil",
        "abc\nX-Injected: 1",
        "tab\there",
        "nul\0byte",
        "del\x7f",
        "ünïcödé",
        "",
        " padded ",
    ];
    for id in hostile {
        let cx = Context::new().with_request_id(id);
        let r = ErrorResponder::new(apierror::envelope::SuccessFlag).response(&HttpError::Invalid, &cx);
        assert_eq!(
            headers(&r),
            pairs(&[("content-type", "application/json")]),
            "{id:?}"
        );
        let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(body["meta"]["request_id"], id, "{id:?}");
    }
}

/// A hand-built entry whose header values carry surrounding spaces still sends the headers,
/// trimmed (issue 21.1: a required header is never silently dropped; the derive refuses the
/// spaces instead, `ui/headers/challenge_surrounding_spaces`).
#[test]
fn spaced_header_values_of_a_hand_built_entry_are_trimmed_and_sent() {
    use apierror::Entry;
    use http::StatusCode;

    static SPACED_401: Entry =
        Entry::new("TOKEN_EXPIRED", StatusCode::UNAUTHORIZED, "Unauthorized").with_challenge(" Bearer \t");
    static SPACED_405: Entry = Entry::new("NO_METHOD", StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        .with_allow("GET, HEAD ");
    static SPACED_426: Entry =
        Entry::new("UPGRADE", StatusCode::UPGRADE_REQUIRED, "Upgrade Required").with_upgrade(" websocket");

    #[derive(Debug)]
    struct Hand(&'static Entry);
    impl core::fmt::Display for Hand {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.0.title())
        }
    }
    impl std::error::Error for Hand {}
    impl ApiError for Hand {
        fn entry(&self) -> &'static Entry {
            self.0
        }
    }

    let responder = ErrorResponder::default();
    let cx = Context::new();
    let problem = ("content-type", "application/problem+json");
    let r = responder.response(&Hand(&SPACED_401), &cx);
    assert_eq!(headers(&r), pairs(&[problem, ("www-authenticate", "Bearer")]));
    let r = responder.response(&Hand(&SPACED_405), &cx);
    assert_eq!(headers(&r), pairs(&[problem, ("allow", "GET, HEAD")]));
    let r = responder.response(&Hand(&SPACED_426), &cx);
    assert_eq!(headers(&r), pairs(&[problem, ("upgrade", "websocket")]));
}
