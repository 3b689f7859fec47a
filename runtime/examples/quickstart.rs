//! A small service's error catalog, declared once with every attribute, and printed.
//!
//! Run with `cargo run --example quickstart`.

use std::time::Duration;

use apierror::{ApiError, Catalog, Entry};

/// Errors of an example scoring service.
#[derive(Debug, ApiError)]
#[api(
    type_base = "https://docs.example.com/errors/",
    challenge = "Bearer",
    category = "General"
)]
pub enum ServiceError {
    /// The request has no valid session or API key.
    #[api(
        status = 401,
        category = "Authentication",
        resolve(
            message = "Sign in or attach an API key.",
            url = "https://app.example.com/login"
        )
    )]
    AuthRequired,

    /// The API key was rotated; the old one no longer works.
    #[api(
        status = 401,
        category = "Authentication",
        retry = "after_reauth",
        challenge = "Bearer error=\"invalid_token\""
    )]
    KeyRotated,

    /// The monthly credit pool is empty for this billing cycle.
    #[api(
        code = "CREDIT_EXHAUSTED",
        status = 402,
        retry = false,
        category = "Billing",
        resolve(action = "select_plan", method = "POST", endpoint = "/billing/checkout")
    )]
    CreditExhausted,

    /// Usage limit reached for the current plan.
    #[api(
        status = "PAYMENT_REQUIRED",
        category = "Billing",
        detail = "{usage_type} limit reached for your plan."
    )]
    UsageLimitExceeded {
        /// Which meter ran out.
        usage_type: String,
        /// Units used this cycle.
        current: u32,
        /// Units the plan includes.
        limit: u32,
        /// The plan's name.
        plan: String,
    },

    /// The endpoint only accepts GET and HEAD.
    #[api(status = 405, allow = "GET, HEAD", title = "Method not supported")]
    MethodNotAllowed,

    /// The same Idempotency-Key was sent with a different body.
    #[api(
        status = 422,
        retry = "new_key",
        type = "https://docs.example.com/errors/idempotency"
    )]
    IdempotencyKeyReused,

    /// More than 5 score calls in the trailing 60-second window.
    #[api(
        status = 429,
        category = "Usage limits",
        retry = "after_delay",
        retry_after = 60
    )]
    ScoringRateLimited,

    /// Too many concurrent jobs; the delay depends on the queue.
    #[api(status = 429, category = "Usage limits")]
    QueueFull {
        /// Seconds until a slot frees up.
        #[api(retry_after)]
        wait_seconds: u64,
    },

    /// Scoring is switched off during maintenance.
    #[api(status = 503, retry = "later", detail = "Scoring is paused until {until}.")]
    ScoringPaused {
        /// When scoring resumes (RFC 3339).
        #[api(expose)]
        until: String,
    },

    /// Unhandled exception inside the API.
    #[api(
        status = 500,
        retry = "backoff",
        detail = "Internal error.",
        category = "Internal"
    )]
    Internal {
        /// What failed; logged, never sent to clients.
        source: std::io::Error,
    },
}

fn resolution(entry: &Entry) -> String {
    let Some(r) = entry.resolve() else {
        return String::new();
    };
    let mut parts = Vec::new();
    parts.extend(r.message().map(str::to_owned));
    parts.extend(r.url().map(|u| format!("see {u}")));
    parts.extend(r.action().map(|a| format!("action `{a}`")));
    if let Some(endpoint) = r.endpoint() {
        parts.push(format!("{} {endpoint}", r.method().unwrap_or("call")));
    }
    parts.join("; ")
}

fn retry(entry: &Entry) -> String {
    match (entry.retry_after(), entry.retry_after_from_field()) {
        (Some(delay), _) => format!("{} ({}s)", entry.retry(), delay.as_secs()),
        (None, true) => format!("{} (from field)", entry.retry()),
        (None, false) => entry.retry().to_string(),
    }
}

fn main() {
    println!(
        "{:<24} {:>4}  {:<22} {:<26} {:<15} resolve",
        "code", "http", "title", "retry", "category"
    );
    for entry in ServiceError::entries() {
        println!(
            "{:<24} {:>4}  {:<22} {:<26} {:<15} {}",
            entry.code(),
            entry.status().as_u16(),
            entry.title(),
            retry(entry),
            entry.category().unwrap_or("-"),
            resolution(entry),
        );
    }

    let err = ServiceError::QueueFull { wait_seconds: 12 };
    assert_eq!(err.retry_after(), Some(Duration::from_secs(12)));
    let err = ServiceError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
        plan: "free".into(),
    };
    println!();
    println!(
        "{} {}: {}",
        err.status().as_u16(),
        err.code(),
        err.detail().map(|d| d.to_string()).unwrap_or_default()
    );
    println!(
        "fields: {}",
        serde_json::Value::Object(err.field_values().unwrap_or_default())
    );
}
