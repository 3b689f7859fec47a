//! A real axum server on 127.0.0.1 with an ephemeral port, called with a real HTTP client.

use std::time::Duration;

use apierror_tests::client_service;
use apierror_tests::http_service::{self, HttpApiError, LegacyError};
use axum::Router;
use axum::extract::{Path, Request};
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use axum::routing::get;

/// The outer layer a service's rate limiter would be: it attaches the caller's state.
async fn rate_limiter(mut request: Request, next: Next) -> Response {
    request.extensions_mut().insert(http_service::rate_limit());
    next.run(request).await
}

fn app() -> Router {
    Router::new()
        .route("/quota", get(|| async { Err::<(), _>(HttpApiError::quota()) }))
        .route(
            "/private",
            get(|| async { Err::<(), _>(HttpApiError::AuthRequired) }),
        )
        .route(
            "/limited",
            get(|| async { Err::<(), _>(HttpApiError::RateLimited) }),
        )
        .route("/boom", get(|| async { Err::<(), _>(HttpApiError::boom()) }))
        .route(
            "/search",
            get(|| async { Err::<(), _>(HttpApiError::search_limited()) }),
        )
        .route(
            "/orders/{id}",
            get(|Path(id): Path<u64>| async move { Err::<(), _>(LegacyError::OrderNotFound(id)) }),
        )
        .route("/ok", get(|| async { "ok" }))
        .route(
            "/errors/{envelope}/{index}",
            get(|Path((envelope, index)): Path<(String, usize)>| async move {
                client_service::response(&envelope, index).map(axum::body::Body::from)
            }),
        )
        .route(
            "/spawned",
            get(|| async {
                // The error is rendered inside a spawned task, which carries the context along.
                tokio::spawn(apierror::RequestContext::propagate(async {
                    axum::response::IntoResponse::into_response(HttpApiError::quota())
                }))
                .await
                .expect("task")
            }),
        )
        .layer(from_fn(apierror::axum::request_context))
        .layer(from_fn(rate_limiter))
}

/// Serves `app` on an ephemeral port of 127.0.0.1 while `checks` run against its base URL, then
/// stops it gracefully, each step bounded in time.
async fn serving<F: Future<Output = ()>>(app: Router, checks: impl FnOnce(String) -> F) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("an ephemeral port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    checks(base).await;
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops in time")
        .expect("server task")
        .expect("server ran");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_server_sends_the_documented_errors() {
    serving(app(), |base| async move {
        tokio::time::timeout(Duration::from_secs(30), http_service::check(&base))
            .await
            .expect("the checks finish in time");
        tokio::time::timeout(Duration::from_secs(60), client_service::check_round_trips(&base))
            .await
            .expect("the round trips finish in time");
        let spawned = tokio::time::timeout(
            Duration::from_secs(10),
            reqwest::Client::new()
                .get(format!("{base}/spawned"))
                .header("x-request-id", "req-spawned")
                .send(),
        )
        .await
        .expect("in time")
        .expect("answered");
        let body: serde_json::Value =
            serde_json::from_str(&spawned.text().await.expect("body")).expect("JSON");
        assert_eq!(body["instance"], "/spawned", "{body}");
    })
    .await;
}

/// The composed service: handlers return each level of the tree, and axum's own errors go
/// through the fallbacks, the extractors of `apierror::axum`, `DefaultBodyLimit` and
/// tower-http's panic and timeout layers.
fn composed_app() -> Router {
    use apierror_tests::composed_service::{
        AppError, BODY_LIMIT, Invoices, PANIC_SECRET, Payment,
        accounts::AccountError,
        billing::{BillingError, PaymentError},
    };
    use axum::routing::post;

    async fn account(apierror::axum::Path(id): apierror::axum::Path<u64>) -> Result<(), AccountError> {
        Err(AccountError::AccountNotFound { id })
    }
    async fn invoices(apierror::axum::Query(_): apierror::axum::Query<Invoices>) -> Result<(), BillingError> {
        Err(BillingError::InvoiceLocked)
    }
    async fn pay(apierror::axum::Json(_): apierror::axum::Json<Payment>) -> Result<(), AppError> {
        Err(AppError::Billing(BillingError::Payment(
            PaymentError::CardDeclined,
        )))
    }
    Router::new()
        .route("/accounts/{id}", get(account))
        .route("/invoices", get(invoices))
        .route("/payments", post(pay))
        .route("/me", get(|| async { Err::<(), _>(AppError::Unauthorized) }))
        .route(
            "/panic",
            get(|| async {
                if !PANIC_SECRET.is_empty() {
                    panic!("{PANIC_SECRET}");
                }
            }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
            }),
        )
        .fallback(apierror::axum::not_found)
        .method_not_allowed_fallback(apierror::axum::method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            apierror::axum::panic_response,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_millis(200),
        ))
        .layer(from_fn(apierror::axum::request_context))
        .layer(axum::Extension(apierror_tests::composed_service::service_errors()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_composed_service_answers_everything_in_its_envelope() {
    serving(composed_app(), |base| async move {
        tokio::time::timeout(
            Duration::from_secs(30),
            apierror_tests::composed_service::check(&base),
        )
        .await
        .expect("the checks finish in time");
        // tower-http's timeout, filled in by the middleware.
        let reply = tokio::time::timeout(
            Duration::from_secs(10),
            reqwest::Client::new().get(format!("{base}/slow")).send(),
        )
        .await
        .expect("in time")
        .expect("answered");
        assert_eq!(reply.status(), 408);
        let body: serde_json::Value = serde_json::from_str(&reply.text().await.expect("body")).expect("JSON");
        assert_eq!(
            body,
            serde_json::json!({"code": "request_timeout", "message": "Request Timeout"})
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_service_envelope_declared_once() {
    let app = app().layer(axum::Extension(apierror::ServiceErrors::new(
        apierror::envelope::CodeMessage,
    )));
    serving(app, |base| async move {
        tokio::time::timeout(
            Duration::from_secs(30),
            http_service::check_service_envelope(&base),
        )
        .await
        .expect("the checks finish in time");
    })
    .await;
}

#[path = "../../examples/axum_service/service.rs"]
#[allow(dead_code, reason = "the test serves the example's router only")]
mod example_service;

/// The README's `curl -i` transcripts of the example service are what it answers: the status
/// line, every header but `date`, and the body, as text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readme_transcripts_are_the_example_services_answers() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README.md");
    serving(example_service::app(), |base| async move {
        let client = reqwest::Client::new();
        let requests = [
            client
                .get(format!("{base}/v1/nowhere"))
                .header("x-request-id", "req-1"),
            client
                .post(format!("{base}/v1/score"))
                .header("content-type", "application/json")
                .header("x-request-id", "req-2")
                .body("{\"text\": \"hello\""),
        ];
        for request in requests {
            let response = tokio::time::timeout(Duration::from_secs(10), request.send())
                .await
                .expect("in time")
                .expect("answered");
            let mut transcript = format!(
                "HTTP/1.1 {} {}\n",
                response.status().as_u16(),
                response.status().canonical_reason().unwrap_or_default()
            );
            for (name, value) in response.headers() {
                if name != "date" {
                    transcript.push_str(&format!("{name}: {}\n", value.to_str().expect("text")));
                }
            }
            transcript.push('\n');
            transcript.push_str(&response.text().await.expect("body"));
            assert!(
                readme.contains(&transcript),
                "README.md's transcript differs from the service's answer:\n{transcript}"
            );
        }
    })
    .await;
}

/// The member of a wrongly typed body as a JSON Pointer, the parameter of a bad query string:
/// where axum records them, the error carries them (JSON:API puts them in `source`).
#[test]
fn axum_rejections_carry_their_location() {
    use apierror::{ApiError, FrameworkError, FrameworkKind, Location};

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "only parsed")]
    struct Line {
        count: u32,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "only parsed")]
    struct Order {
        lines: Vec<Line>,
    }
    let rejection = axum::Json::<Order>::from_bytes(br#"{"lines": [{"count": 1}, {"count": "x"}]}"#)
        .expect_err("wrong type");
    let error = FrameworkError::from(rejection);
    assert_eq!(error.kind(), FrameworkKind::InvalidJson);
    assert_eq!(error.location(), Some(Location::Pointer("/lines/1/count")));
    assert_eq!(
        error.detail().map(|d| d.to_string()).as_deref(),
        Some("invalid type: string \"x\", expected u32 at line 1 column 38")
    );

    let uri: http::Uri = "/orders?limit=many".parse().expect("a URI");
    let rejection = axum::extract::Query::<std::collections::HashMap<String, u32>>::try_from_uri(&uri)
        .expect_err("not a number");
    let error = FrameworkError::from(rejection);
    assert_eq!(error.kind(), FrameworkKind::InvalidQuery);
    assert_eq!(error.location(), Some(Location::Parameter("limit")));
}

/// Issue 21.5: a service sets its API version once, and `SuccessFlag`'s `meta.version` carries
/// it on the wire, beside the request id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn success_flag_meta_version_reaches_the_wire() {
    let app = app().layer(axum::Extension(
        apierror::ServiceErrors::new(apierror::envelope::SuccessFlag).with_api_version("2024-06-01"),
    ));
    serving(app, |base| async move {
        let response = tokio::time::timeout(
            Duration::from_secs(10),
            reqwest::Client::new()
                .get(format!("{base}/orders/7"))
                .header("x-request-id", "req-v")
                .send(),
        )
        .await
        .expect("in time")
        .expect("answered");
        let body: serde_json::Value =
            serde_json::from_str(&response.text().await.expect("body")).expect("JSON");
        assert_eq!(body["success"], false, "{body}");
        assert_eq!(
            body["meta"],
            serde_json::json!({"request_id": "req-v", "version": "2024-06-01"}),
            "{body}"
        );
    })
    .await;
}

/// Issue 22: the example service serves its OpenAPI document, with a path per operation and
/// exactly its errors; `docs/openapi.json` is that document (regenerate with
/// `APIERROR_UPDATE_OPENAPI=1 cargo test -p apierror-tests --all-features --test servers`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_service_serves_its_openapi_document() {
    let checked_in_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/openapi.json");
    let generated = serde_json::to_string_pretty(&example_service::openapi()).expect("JSON") + "\n";
    if std::env::var_os("APIERROR_UPDATE_OPENAPI").is_some() {
        std::fs::write(checked_in_path, &generated).expect("writable");
    }
    let checked_in = std::fs::read_to_string(checked_in_path).expect("the checked-in document");
    assert!(
        checked_in == generated,
        "docs/openapi.json differs from the example service's document; regenerate with APIERROR_UPDATE_OPENAPI=1"
    );
    serving(example_service::app(), |base| async move {
        let served = tokio::time::timeout(
            Duration::from_secs(10),
            reqwest::get(format!("{base}/openapi.json")),
        )
        .await
        .expect("in time")
        .expect("answered");
        assert_eq!(served.status(), 200);
        let served: serde_json::Value =
            serde_json::from_str(&served.text().await.expect("body")).expect("JSON");
        assert_eq!(served, example_service::openapi());
    })
    .await;
}
