//! A real actix-web server on 127.0.0.1 with an ephemeral port, called with a real HTTP client.

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpMessage as _, HttpServer, guard, web};
use apierror_tests::client_service;
use apierror_tests::http_service::{self, HttpApiError, LegacyError};

/// The outer layer a service's rate limiter would be: it attaches the caller's state.
async fn rate_limiter(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    request.extensions_mut().insert(http_service::rate_limit());
    next.call(request).await
}

async fn quota() -> Result<&'static str, HttpApiError> {
    Err(HttpApiError::quota())
}

async fn private() -> Result<&'static str, HttpApiError> {
    Err(HttpApiError::AuthRequired)
}

async fn limited() -> Result<&'static str, HttpApiError> {
    Err(HttpApiError::RateLimited)
}

async fn search() -> Result<&'static str, apierror::RateLimited<HttpApiError>> {
    Err(HttpApiError::search_limited())
}

async fn boom() -> Result<&'static str, HttpApiError> {
    Err(HttpApiError::boom())
}

async fn order(id: web::Path<u64>) -> Result<&'static str, LegacyError> {
    Err(LegacyError::OrderNotFound(id.into_inner()))
}

/// `GET /errors/{envelope}/{index}`: one error of the client catalog in one envelope.
async fn catalog_error(path: web::Path<(String, usize)>) -> actix_web::HttpResponse {
    let (envelope, index) = path.into_inner();
    let response = client_service::response(&envelope, index);
    let mut builder = actix_web::HttpResponse::build(
        actix_web::http::StatusCode::from_u16(response.status().as_u16()).expect("a valid status"),
    );
    for (name, value) in response.headers() {
        builder.append_header((name.as_str(), value.as_bytes()));
    }
    builder.body(response.into_body())
}

/// Runs a bound `server` while `checks` run, then stops it gracefully, bounded in time.
async fn serving(server: actix_web::dev::Server, checks: impl Future<Output = ()>) {
    let handle = server.handle();
    let running = actix_web::rt::spawn(server);
    checks.await;
    tokio::time::timeout(Duration::from_secs(10), handle.stop(true))
        .await
        .expect("the server stops in time");
    let _ = running.await;
}

#[actix_web::test]
async fn actix_server_sends_the_documented_errors() {
    let get_or_head = || web::route().guard(guard::Any(guard::Get()).or(guard::Head()));
    let server = HttpServer::new(move || {
        App::new()
            .route("/quota", get_or_head().to(quota))
            .route("/private", web::get().to(private))
            .route("/limited", web::get().to(limited))
            .route("/boom", web::get().to(boom))
            .route("/search", web::get().to(search))
            .route("/orders/{id}", web::get().to(order))
            .route("/ok", web::get().to(|| async { "ok" }))
            .route("/errors/{envelope}/{index}", web::get().to(catalog_error))
            .wrap(from_fn(apierror::actix::request_context))
            .wrap(from_fn(rate_limiter))
    })
    .workers(1)
    .disable_signals()
    .bind(("127.0.0.1", 0))
    .expect("an ephemeral port");
    let base = format!("http://{}", server.addrs()[0]);
    serving(server.run(), async {
        tokio::time::timeout(Duration::from_secs(30), http_service::check(&base))
            .await
            .expect("the checks finish in time");
        tokio::time::timeout(Duration::from_secs(60), client_service::check_round_trips(&base))
            .await
            .expect("the round trips finish in time");
    })
    .await;
}

#[actix_web::test]
async fn actix_service_envelope_declared_once() {
    let server = HttpServer::new(move || {
        App::new()
            .app_data(apierror::ServiceErrors::new(apierror::envelope::CodeMessage))
            .route("/quota", web::get().to(quota))
            .route("/orders/{id}", web::get().to(order))
            .wrap(from_fn(apierror::actix::request_context))
    })
    .workers(1)
    .disable_signals()
    .bind(("127.0.0.1", 0))
    .expect("an ephemeral port");
    let base = format!("http://{}", server.addrs()[0]);
    serving(server.run(), async {
        tokio::time::timeout(
            Duration::from_secs(30),
            http_service::check_service_envelope(&base),
        )
        .await
        .expect("the checks finish in time");
    })
    .await;
}

/// The composed service: handlers return each level of the tree, and actix-web's own errors go
/// through the extractor configs' error handlers, the default service and the middleware.
#[actix_web::test]
async fn actix_composed_service_answers_everything_in_its_envelope() {
    use apierror_tests::composed_service::{
        self, AppError, BODY_LIMIT, Invoices, PANIC_SECRET, Payment,
        accounts::AccountError,
        billing::{BillingError, PaymentError},
    };

    // This crate's extractors: they name the parameter or member that failed.
    async fn account(
        apierror::actix::Path(id): apierror::actix::Path<u64>,
    ) -> Result<&'static str, AccountError> {
        Err(AccountError::AccountNotFound { id })
    }
    async fn invoices(_: apierror::actix::Query<Invoices>) -> Result<&'static str, BillingError> {
        Err(BillingError::InvoiceLocked)
    }
    async fn pay(_: apierror::actix::Json<Payment>) -> Result<&'static str, AppError> {
        Err(AppError::Billing(BillingError::Payment(
            PaymentError::CardDeclined,
        )))
    }
    async fn me() -> Result<&'static str, AppError> {
        Err(AppError::Unauthorized)
    }
    async fn panics() -> &'static str {
        panic!("{PANIC_SECRET}")
    }

    let service = composed_service::service_errors();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(service.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(BODY_LIMIT)
                    .error_handler(apierror::actix::json_error),
            )
            .app_data(web::PathConfig::default().error_handler(apierror::actix::path_error))
            .app_data(web::QueryConfig::default().error_handler(apierror::actix::query_error))
            .route("/accounts/{id}", web::get().to(account))
            .route("/invoices", web::get().to(invoices))
            // A resource, not `App::route`: its guard would make a wrong method a 404.
            .service(web::resource("/payments").route(web::post().to(pay)))
            .route("/me", web::get().to(me))
            .route("/panic", web::get().to(panics))
            .default_service(web::to(apierror::actix::not_found))
            .wrap(from_fn(apierror::actix::request_context))
    })
    .workers(1)
    .disable_signals()
    .bind(("127.0.0.1", 0))
    .expect("an ephemeral port");
    let base = format!("http://{}", server.addrs()[0]);
    serving(server.run(), async {
        tokio::time::timeout(Duration::from_secs(30), composed_service::check(&base))
            .await
            .expect("the checks finish in time");
    })
    .await;
}
