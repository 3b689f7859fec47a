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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_service_envelope_declared_once() {
    let app = app().layer(axum::Extension(apierror::ServiceEnvelope::new(
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
