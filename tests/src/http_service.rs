//! The errors of a small HTTP service, and the checks that the axum and actix-web servers in
//! the tests must both pass, through a real HTTP client.

use std::time::Duration;

use apierror::ApiError;
use serde_json::{Value, json};

/// The secret inside the 500's source error, which must never reach a client.
pub const SECRET: &str = "postgres://admin:hunter2@db";

/// The service's errors, rendered as RFC 9457 problem details (the default envelope).
#[derive(Debug, ApiError)]
#[api(
    axum,
    actix_web,
    utoipa,
    type_base = "https://docs.example.com/errors/",
    challenge = "Bearer realm=\"api\""
)]
pub enum HttpApiError {
    /// Usage limit reached for the current plan.
    #[api(status = 402, detail = "{usage_type} limit reached for your plan.")]
    UsageLimitExceeded {
        /// The meter.
        usage_type: String,
        /// Units used.
        current: u32,
        /// Units included.
        limit: u32,
    },
    /// No credentials.
    #[api(status = 401)]
    AuthRequired,
    /// Too many requests.
    #[api(status = 429, retry_after = 30)]
    RateLimited,
    /// Something broke.
    #[api(status = 500, detail = "Internal error.")]
    Internal {
        /// What broke; logged only.
        source: std::io::Error,
    },
}

impl HttpApiError {
    /// The 402 the `/quota` endpoint returns.
    #[must_use]
    pub fn quota() -> Self {
        HttpApiError::UsageLimitExceeded {
            usage_type: "Scoring".into(),
            current: 5,
            limit: 5,
        }
    }

    /// The 500 the `/boom` endpoint returns.
    #[must_use]
    pub fn boom() -> Self {
        HttpApiError::Internal {
            source: std::io::Error::other(format!("cannot reach {SECRET}")),
        }
    }
}

impl HttpApiError {
    /// What the search endpoint returns (issue 21.9): the same 429, with the endpoint's own
    /// limit of 10 a minute and its delay, which the response shows in place of the outer
    /// layer's.
    #[must_use]
    pub fn search_limited() -> apierror::RateLimited<HttpApiError> {
        use apierror::ApiErrorExt as _;
        HttpApiError::RateLimited
            .with_rate_limit(
                apierror::RateLimit::new(10, 0)
                    .with_reset_at(std::time::UNIX_EPOCH + Duration::from_secs(1_706_054_442)),
            )
            .with_retry_after(Duration::from_secs(42))
    }
}

/// Errors of an older API version, in seed 004's envelope.
#[derive(Debug, ApiError)]
#[api(axum, actix_web, rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
pub enum LegacyError {
    /// No such order.
    #[api(status = 404, detail = "Order {0} not found")]
    OrderNotFound(u64),
}

/// The rate-limit state the test services' outer layer attaches to every request.
#[must_use]
pub fn rate_limit() -> apierror::RateLimit {
    apierror::RateLimit::new(100, 0).with_reset_at(std::time::UNIX_EPOCH + Duration::from_secs(1_706_054_400))
}

/// A response as the checks compare it: status, the headers they name, and the body.
struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().expect("ASCII header"))
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }
}

async fn send(request: reqwest::RequestBuilder) -> Reply {
    let response = request
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .expect("server answers");
    Reply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.expect("body"),
    }
}

/// One request over a raw connection (`Connection: close`), read to the end: the response head
/// as lines and every byte after it. A client library hides both what a HEAD response's headers
/// say about the body and whether a body was sent anyway.
async fn raw(base: &str, method: &str, path: &str) -> (Vec<String>, Vec<u8>) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("server accepts");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nX-Request-Id: req-raw\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.expect("request sent");
    let mut bytes = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut bytes))
        .await
        .expect("the server closes the connection in time")
        .expect("response read");
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&bytes[..end])
        .lines()
        .map(str::to_owned)
        .collect();
    (head, bytes[end + 4..].to_vec())
}

fn content_length(head: &[String]) -> Option<String> {
    head.iter().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().to_owned())
    })
}

/// RFC 9110, section 8.6: a HEAD response's `Content-Length` is the one GET would send, and no
/// body follows it.
async fn head_has_the_content_length_of_get(base: &str) {
    let (get_head, get_body) = raw(base, "GET", "/quota").await;
    let (head_head, head_body) = raw(base, "HEAD", "/quota").await;
    assert_eq!(get_head[0], "HTTP/1.1 402 Payment Required");
    assert_eq!(head_head[0], "HTTP/1.1 402 Payment Required");
    let length = content_length(&get_head).expect("GET sends Content-Length");
    assert_eq!(length, get_body.len().to_string());
    assert_ne!(length, "0");
    assert_eq!(content_length(&head_head), Some(length), "{head_head:?}");
    assert!(head_body.is_empty(), "HEAD sent a body: {head_body:?}");
}

/// Checks the service at `base` (`http://127.0.0.1:PORT`): a 4xx with details, a 401 with its
/// challenge, a 429 with Retry-After and rate-limit headers, a 500 that hides its secret source,
/// request-id echo and generation, another envelope, HEAD, and a success response.
///
/// # Panics
/// On the first response that differs from what the service must send.
pub async fn check(base: &str) {
    let client = reqwest::Client::new();
    let get = |path: &str| client.get(format!("{base}{path}"));

    // A 4xx with details, the request id echoed from the request.
    let reply = send(get("/quota").header("x-request-id", "req-abc-123")).await;
    assert_eq!(reply.status, 402);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    assert_eq!(reply.header("x-request-id"), Some("req-abc-123"));
    assert_eq!(
        reply.json(),
        json!({
            "type": "https://docs.example.com/errors/USAGE_LIMIT_EXCEEDED",
            "title": "Payment Required",
            "status": 402,
            "detail": "Scoring limit reached for your plan.",
            "instance": "/quota",
            "code": "USAGE_LIMIT_EXCEEDED",
            "usage_type": "Scoring",
            "current": 5,
            "limit": 5,
        })
    );

    // 401 with its challenge, and a generated request id.
    let reply = send(get("/private")).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.header("www-authenticate"), Some("Bearer realm=\"api\""));
    let generated = reply.header("x-request-id").expect("a request id").to_owned();
    assert!(
        generated.starts_with("req_") && generated.len() == 20,
        "{generated}"
    );
    assert_eq!(reply.json()["code"], "AUTH_REQUIRED");

    // 429 with Retry-After, no-store and the rate-limit state from the outer layer.
    let reply = send(get("/limited")).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("30"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("x-ratelimit-limit"), Some("100"));
    assert_eq!(reply.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(reply.header("x-ratelimit-reset"), Some("1706054400"));

    // The search endpoint's own limit and delay, attached to the error it returns, in place of
    // the outer layer's; the body is the same error's.
    let reply = send(get("/search")).await;
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), Some("42"));
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("x-ratelimit-limit"), Some("10"));
    assert_eq!(reply.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(reply.header("x-ratelimit-reset"), Some("1706054442"));
    assert_eq!(reply.json()["code"], "RATE_LIMITED");

    // A 500 whose secret source never reaches the client.
    let reply = send(get("/boom")).await;
    assert_eq!(reply.status, 500);
    assert!(
        !reply.body.contains("hunter2") && !reply.body.contains("postgres"),
        "{}",
        reply.body
    );
    assert_eq!(
        reply.json(),
        json!({
            "type": "https://docs.example.com/errors/INTERNAL",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "Internal error.",
            "instance": "/boom",
            "code": "INTERNAL",
        })
    );

    // An unsafe incoming request id is replaced, never echoed.
    let hostile = reqwest::header::HeaderValue::from_bytes(b"abc\xffdef").expect("obs-text is a valid value");
    let reply = send(get("/quota").header("x-request-id", hostile)).await;
    assert!(
        reply
            .header("x-request-id")
            .is_some_and(|id| id.starts_with("req_"))
    );

    // Another enum, another envelope: the request id reaches the body too.
    let reply = send(get("/orders/42").header("x-request-id", "req-7")).await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({
            "success": false,
            "error": {"code": "order_not_found", "message": "Order 42 not found"},
            "meta": {"request_id": "req-7"},
        })
    );

    // HEAD: the same status and headers, no body.
    let reply = send(
        client
            .head(format!("{base}/quota"))
            .header("x-request-id", "req-head"),
    )
    .await;
    assert_eq!(reply.status, 402);
    assert_eq!(reply.header("content-type"), Some("application/problem+json"));
    assert_eq!(reply.header("x-request-id"), Some("req-head"));
    assert_eq!(reply.body, "");
    head_has_the_content_length_of_get(base).await;

    // Success responses carry the request id too.
    let reply = send(get("/ok").header("x-request-id", "req-ok")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("x-request-id"), Some("req-ok"));
    assert_eq!(reply.body, "ok");
}

/// Checks a service whose envelope is `{code, message, details}` (set once, as a
/// `ServiceErrors`): a type that names no envelope answers in it, one that names its own keeps
/// it.
///
/// # Panics
/// On a body in the wrong envelope.
pub async fn check_service_envelope(base: &str) {
    let client = reqwest::Client::new();
    let reply = send(
        client
            .get(format!("{base}/quota"))
            .header("x-request-id", "req-svc"),
    )
    .await;
    assert_eq!(reply.status, 402);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({"code": "USAGE_LIMIT_EXCEEDED", "message": "Scoring limit reached for your plan.",
            "details": {"usage_type": "Scoring", "current": 5, "limit": 5}})
    );
    let reply = send(client.get(format!("{base}/orders/42"))).await;
    assert_eq!(reply.json()["success"], false);
}
