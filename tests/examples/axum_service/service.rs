//! The example service: its errors and its axum router. Shared by the `axum_service` example,
//! which serves it, and the `client` example, which calls it.

use std::sync::atomic::{AtomicU32, Ordering};

use apierror::ApiError;
use axum::Router;
use axum::extract::{Path, Request};
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use axum::routing::get;

/// The scoring API's errors, as RFC 9457 problem details.
#[derive(Debug, ApiError)]
#[api(
    axum,
    decode,
    type_base = "https://docs.example.com/errors/",
    challenge = "Bearer realm=\"scoring\""
)]
pub enum ScoringError {
    /// The request has no valid session or API key.
    #[api(
        status = 401,
        resolve(
            message = "Sign in or attach an API key.",
            url = "https://app.example.com/login"
        )
    )]
    AuthRequired,

    /// Usage limit reached for the current plan.
    #[api(
        status = 402,
        detail = "{usage_type} limit reached for your plan.",
        resolve(action = "select_plan", method = "POST", endpoint = "/billing/checkout")
    )]
    UsageLimitExceeded {
        usage_type: String,
        current: u32,
        limit: u32,
    },

    /// More than 5 score calls in the trailing 60-second window.
    #[api(status = 429, retry_after = 60)]
    ScoringRateLimited,

    /// The scoring engine is warming up; it answers within seconds.
    #[api(status = 503, retry_after = 1, detail = "Scoring is warming up.")]
    WarmingUp,

    /// Unhandled exception inside the API.
    #[api(status = 500, detail = "Internal error.")]
    Internal { source: std::io::Error },
}

/// The orders API keeps its older envelope.
#[derive(Debug, ApiError)]
#[api(axum, rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
pub enum OrderError {
    /// No order has this id.
    #[api(status = 404, detail = "Order {0} not found")]
    OrderNotFound(u64),
}

async fn score(request: Request) -> Result<&'static str, ScoringError> {
    if !request.headers().contains_key("authorization") {
        return Err(ScoringError::AuthRequired);
    }
    Err(ScoringError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
    })
}

async fn order(Path(id): Path<u64>) -> Result<&'static str, OrderError> {
    Err(OrderError::OrderNotFound(id))
}

/// Stands in for a rate limiter: attaches the caller's state to every request.
async fn rate_limiter(mut request: Request, next: Next) -> Response {
    request.extensions_mut().insert(
        apierror::RateLimit::new(5, 0)
            .with_reset_at(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_706_054_400)),
    );
    next.run(request).await
}

/// Fails twice with 503 `WARMING_UP`, then answers: for the client example's retry loop.
async fn warm() -> Result<&'static str, ScoringError> {
    static CALLS: AtomicU32 = AtomicU32::new(0);
    if CALLS.fetch_add(1, Ordering::Relaxed) % 3 < 2 {
        Err(ScoringError::WarmingUp)
    } else {
        Ok("scored: 87")
    }
}

/// The service's router, with the request-context middleware and a stand-in rate limiter.
pub fn app() -> Router {
    Router::new()
        .route("/v1/score", get(score))
        .route(
            "/v1/score/burst",
            get(|| async { Err::<(), _>(ScoringError::ScoringRateLimited) }),
        )
        .route("/v1/score/warm", get(warm))
        .route(
            "/v1/crash",
            get(|| async {
                Err::<(), _>(ScoringError::Internal {
                    source: std::io::Error::other("db down"),
                })
            }),
        )
        .route("/v1/orders/{id}", get(order))
        .layer(from_fn(apierror::axum::request_context))
        .layer(from_fn(rate_limiter))
}
