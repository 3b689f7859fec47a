//! The example service: its errors and its axum router. Shared by the `axum_service` example,
//! which serves it, and the `client` example, which calls it.

use std::sync::atomic::{AtomicU32, Ordering};

use apierror::ApiError;
use apierror::axum::{Json, Path};
use axum::Router;
use axum::extract::Request;
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use axum::routing::get;

/// The scoring API's errors.
pub mod scoring {
    use apierror::ApiError;

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
}

/// The orders API's errors.
pub mod orders {
    use apierror::ApiError;

    /// The orders API keeps its older envelope (a type that names one keeps it).
    #[derive(Debug, ApiError)]
    #[api(axum, rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
    pub enum OrderError {
        /// No order has this id.
        #[api(status = 404, detail = "Order {0} not found")]
        OrderNotFound(u64),
    }
}

pub use orders::OrderError;
pub use scoring::ScoringError;

/// Everything the service's handlers return: its modules' errors, composed. The catalog of
/// this type is the whole service's (plus the framework's entries, see [`service_errors`]).
#[derive(Debug, ApiError)]
#[api(axum)]
pub enum ServiceError {
    /// A scoring error.
    #[api(transparent)]
    Scoring(ScoringError),
    /// An order error.
    #[api(transparent)]
    Orders(OrderError),
}

/// How the service answers errors, declared once: RFC 9457 for every type that names no
/// envelope, and the framework's own errors (unknown route, malformed JSON, ...) as entries.
pub fn service_errors() -> apierror::ServiceErrors {
    apierror::ServiceErrors::new(apierror::Problem::new())
}

/// The service's whole catalog, for its docs: the composed tree and the framework's entries.
pub fn catalog() -> apierror::docs::ServiceCatalog {
    apierror::docs::ServiceCatalog::new("Scoring service")
        .with::<ServiceError>()
        .with_framework(service_errors().framework())
}

/// The service's OpenAPI document: every operation with exactly the errors it returns (its
/// handler's codes and the framework's that apply to it), served at `/openapi.json`.
pub fn openapi() -> serde_json::Value {
    use apierror::docs::Operation;
    apierror::docs::ServiceCatalog::new("Scoring service")
        .with::<ServiceError>()
        .with_service(&service_errors())
        .with_description(
            "Scores texts within the caller's plan, and reads orders. Every error is in the catalog.",
        )
        .with_contact("Scoring team", "https://docs.example.com/errors/")
        .with_server("http://localhost:3000")
        .with_operation(
            Operation::get("/v1/score")
                .with_summary("Score with the caller's plan")
                .with_description(
                    "Needs an `Authorization` header; fails once the plan's scoring limit is reached.",
                )
                .with_tag("scoring")
                .returns_only::<ScoringError>(&["AUTH_REQUIRED", "USAGE_LIMIT_EXCEEDED"]),
        )
        .with_operation(
            Operation::post("/v1/score")
                .with_summary("Score a text")
                .with_description("Scores the JSON body's `text`; an empty text counts as a burst.")
                .with_tag("scoring")
                .with_body_schema(serde_json::json!({
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}},
                }))
                .returns_only::<ScoringError>(&["SCORING_RATE_LIMITED"]),
        )
        .with_operation(
            Operation::get("/v1/score/burst")
                .with_summary("Score in a burst")
                .with_description("Always over the per-minute rate.")
                .with_tag("scoring")
                .returns_only::<ScoringError>(&["SCORING_RATE_LIMITED"]),
        )
        .with_operation(
            Operation::get("/v1/score/warm")
                .with_summary("Score once the engine is warm")
                .with_description("Fails twice with 503 while the engine warms up, then answers.")
                .with_tag("scoring")
                .returns_only::<ScoringError>(&["WARMING_UP"]),
        )
        .with_operation(
            Operation::get("/v1/crash")
                .with_summary("Fail on the server's side")
                .with_description("Always a 500 whose cause the body never shows.")
                .with_tag("scoring")
                .returns_only::<ScoringError>(&["INTERNAL"]),
        )
        .with_operation(
            Operation::get("/v1/orders/{id}")
                .with_path_parameter(
                    "id",
                    serde_json::json!({"type": "integer", "format": "int64", "minimum": 0}),
                )
                .with_summary("Read an order")
                .with_description("Orders answer in the older `{success, error}` envelope.")
                .with_tag("orders")
                .returns::<OrderError>(),
        )
        .openapi(service_errors().envelope())
}

/// The `POST /v1/score` body.
#[derive(Debug, serde::Deserialize)]
pub struct ScoreRequest {
    /// What to score.
    pub text: String,
}

async fn score(request: Request) -> Result<&'static str, ServiceError> {
    if !request.headers().contains_key("authorization") {
        return Err(ServiceError::Scoring(ScoringError::AuthRequired));
    }
    Err(ServiceError::Scoring(ScoringError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
    }))
}

async fn order(Path(id): Path<u64>) -> Result<&'static str, ServiceError> {
    Err(ServiceError::Orders(OrderError::OrderNotFound(id)))
}

/// Scores a JSON body: the extractor's rejections are the framework's entries.
async fn score_text(Json(request): Json<ScoreRequest>) -> Result<String, ScoringError> {
    if request.text.is_empty() {
        return Err(ScoringError::ScoringRateLimited);
    }
    Ok(format!("scored: {}", request.text.len()))
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

/// The service's router: the fallbacks and the panic layer answer axum's own errors with the
/// framework's entries; the request-context middleware reads the service's settings from the
/// extension outside it.
pub fn app() -> Router {
    Router::new()
        .route("/v1/score", get(score).post(score_text))
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
        .route("/openapi.json", get(|| async { axum::Json(openapi()) }))
        .fallback(apierror::axum::not_found)
        .method_not_allowed_fallback(apierror::axum::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            apierror::axum::panic_response,
        ))
        .layer(from_fn(apierror::axum::request_context))
        .layer(axum::Extension(service_errors()))
        .layer(from_fn(rate_limiter))
}
