//! The example enum from the attribute reference, checked method by method and entry by entry.

use std::time::Duration;

use apierror::{ApiError, ApiErrorExt, Catalog, Retry, StatusCode};
use apierror_tests::describe;
use serde_json::json;

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
        resolve(
            message = "Sign in or attach an API key.",
            url = "https://app.example.com/login"
        )
    )]
    AuthRequired,

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
        detail = "{usage_type} limit reached for your plan."
    )]
    UsageLimitExceeded {
        usage_type: String,
        current: u32,
        limit: u32,
        plan: String,
    },

    /// More than 5 score calls in the trailing 60-second window.
    #[api(status = 429, retry = "after_delay", retry_after = 60)]
    ScoringRateLimited,

    /// Unhandled exception inside the API.
    #[api(status = 500, retry = "backoff", detail = "Internal error.")]
    Internal { source: std::io::Error },

    /// Only GET and HEAD are supported here.
    #[api(
        status = 405,
        allow = "GET, HEAD",
        title = "Method not supported",
        type = "https://errors.example.net/method"
    )]
    MethodNotAllowed,
}

#[test]
fn methods_of_each_variant() {
    let err = ServiceError::AuthRequired;
    assert_eq!(err.code(), "AUTH_REQUIRED");
    assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(err.title(), "Unauthorized");
    // A 401's default: answer the challenge, then repeat the request.
    assert_eq!(err.retry(), Retry::AfterReauth);
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), None);
    assert_eq!(err.type_uri(), "https://docs.example.com/errors/AUTH_REQUIRED");
    assert!(err.detail().is_none());
    assert_eq!(
        err.resolve().unwrap().url(),
        Some("https://app.example.com/login")
    );

    let err = ServiceError::ScoringRateLimited;
    assert_eq!(err.retry(), Retry::AfterDelay);
    assert!(err.is_retryable());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));

    let err = ServiceError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
        plan: "free".into(),
    };
    assert_eq!(err.code(), "USAGE_LIMIT_EXCEEDED");
    assert_eq!(err.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(
        err.detail().unwrap().to_string(),
        "Scoring limit reached for your plan."
    );
    assert_eq!(
        serde_json::Value::Object(apierror::field_values(&err).unwrap()),
        json!({"usage_type": "Scoring", "current": 5, "limit": 5, "plan": "free"})
    );
}

#[test]
fn server_errors_hide_fields_and_keep_the_source_for_logs() {
    let err = ServiceError::Internal {
        source: std::io::Error::other("db password=hunter2"),
    };
    assert_eq!(err.retry(), Retry::Backoff);
    assert_eq!(err.detail().unwrap().to_string(), "Internal error.");
    assert!(apierror::field_values(&err).unwrap().is_empty());
    assert_eq!(err.source_error().unwrap().to_string(), "db password=hunter2");
}

#[test]
fn catalog_lists_every_variant_in_order() {
    let entries: Vec<_> = ServiceError::entries().iter().map(describe).collect();
    let base = json!({
        "description": null, "detail": null, "retry": "no", "retry_after": null,
        "retry_after_from_field": false, "resolve": null, "category": "General",
        "challenge": null, "allow": null, "fields": [],
    });
    let with = |overrides: serde_json::Value| {
        let mut value = base.clone();
        for (k, v) in overrides.as_object().unwrap() {
            value[k] = v.clone();
        }
        value
    };
    let expected = vec![
        with(json!({
            "variant": "AuthRequired", "code": "AUTH_REQUIRED", "status": 401, "title": "Unauthorized",
            "description": "The request has no valid session or API key.",
            "resolve": {"message": "Sign in or attach an API key.", "url": "https://app.example.com/login",
                        "action": null, "method": null, "endpoint": null},
            "type": "https://docs.example.com/errors/AUTH_REQUIRED", "challenge": "Bearer",
            "retry": "after_reauth",
        })),
        with(json!({
            "variant": "CreditExhausted", "code": "CREDIT_EXHAUSTED", "status": 402, "title": "Payment Required",
            "description": "The monthly credit pool is empty for this billing cycle.",
            "resolve": {"message": null, "url": null, "action": "select_plan", "method": "POST",
                        "endpoint": "/billing/checkout"},
            "category": "Billing", "type": "https://docs.example.com/errors/CREDIT_EXHAUSTED",
        })),
        with(json!({
            "variant": "UsageLimitExceeded", "code": "USAGE_LIMIT_EXCEEDED", "status": 402,
            "title": "Payment Required", "description": "Usage limit reached for the current plan.",
            "detail": "{usage_type} limit reached for your plan.",
            "type": "https://docs.example.com/errors/USAGE_LIMIT_EXCEEDED",
            "fields": [
                {"name": "usage_type", "type": "String", "description": null},
                {"name": "current", "type": "u32", "description": null},
                {"name": "limit", "type": "u32", "description": null},
                {"name": "plan", "type": "String", "description": null},
            ],
        })),
        with(json!({
            "variant": "ScoringRateLimited", "code": "SCORING_RATE_LIMITED", "status": 429,
            "title": "Too Many Requests",
            "description": "More than 5 score calls in the trailing 60-second window.",
            "retry": "after_delay", "retry_after": 60,
            "type": "https://docs.example.com/errors/SCORING_RATE_LIMITED",
        })),
        with(json!({
            "variant": "Internal", "code": "INTERNAL", "status": 500, "title": "Internal Server Error",
            "description": "Unhandled exception inside the API.", "detail": "Internal error.",
            "retry": "backoff", "type": "https://docs.example.com/errors/INTERNAL",
        })),
        with(json!({
            "variant": "MethodNotAllowed", "code": "METHOD_NOT_ALLOWED", "status": 405,
            "title": "Method not supported", "description": "Only GET and HEAD are supported here.",
            "type": "https://errors.example.net/method", "allow": "GET, HEAD",
        })),
    ];
    assert_eq!(entries, expected);
}

#[test]
fn usable_as_a_trait_object() {
    let errors: Vec<Box<dyn ApiError + Send + Sync>> = vec![
        Box::new(ServiceError::CreditExhausted),
        Box::new(ServiceError::ScoringRateLimited),
    ];
    let codes: Vec<_> = errors.iter().map(|e| (e.code(), e.status().as_u16())).collect();
    assert_eq!(codes, [("CREDIT_EXHAUSTED", 402), ("SCORING_RATE_LIMITED", 429)]);
}
