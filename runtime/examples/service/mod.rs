//! The example service's error catalog, declared once with every attribute. Shared by the
//! `quickstart` and `docs` examples and by the docs drift test.

// A catalog lists every error the service can return; the examples construct only a few.
#![allow(dead_code)]

use apierror::ApiError;

/// Errors of an example scoring service. With the `schemars-1` feature (the `docs` example and
/// the drift test have it), every member is described in the OpenAPI document.
#[derive(Debug, ApiError)]
#[cfg_attr(feature = "schemars-1", api(schemas))]
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

/// The example service: its catalog, for documentation.
#[must_use]
pub fn service() -> apierror::docs::ServiceCatalog {
    let service = apierror::docs::ServiceCatalog::new("Example Scoring API");
    #[cfg(feature = "schemars-1")]
    let service = service.with_schemas::<ServiceError>();
    #[cfg(not(feature = "schemars-1"))]
    let service = service.with::<ServiceError>();
    // What the framework answers on its own (unknown route, malformed JSON, ...), with the same
    // entries the service's router uses. The service declares a 405 of its own, so the
    // framework's gets another code (the docs fail on a code declared twice).
    let framework = apierror::FrameworkErrors::new().with_code(
        apierror::FrameworkKind::MethodNotAllowed,
        "ROUTE_METHOD_NOT_ALLOWED",
    );
    service.with_framework(&framework)
}
