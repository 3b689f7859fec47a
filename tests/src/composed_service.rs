//! A service whose catalog is a tree of enums over two modules, answered in one envelope
//! declared once, with the framework's own errors as catalog entries; and the client checks
//! that its axum and actix-web servers must both pass.
//!
//! Routes both servers serve:
//! - `GET /accounts/{id}` (`id: u64`): `AccountError` straight from the handler.
//! - `GET /invoices?limit=N` (`limit: u32`): `BillingError::InvoiceLocked` straight from the
//!   handler.
//! - `POST /payments` (JSON `{"amount": u32}`, body limit 1 KiB): `AppError` wrapping
//!   `BillingError` wrapping `PaymentError`.
//! - `GET /me`: `AppError::Unauthorized`, the outer type's own.
//! - `GET /panic`: panics.

use std::time::Duration;

use apierror::envelope::CodeMessage;
use apierror::{ApiError, CodeCase, FrameworkErrors, FrameworkKind, ServiceErrors};
use serde_json::{Value, json};

/// The body limit both servers set.
pub const BODY_LIMIT: usize = 1024;

/// Text in the panic's message, which must not reach the client.
pub const PANIC_SECRET: &str = "invariant broken at ledger row 7";

/// The accounts module.
pub mod accounts {
    use apierror::ApiError;

    /// Account errors.
    #[derive(Debug, ApiError)]
    #[api(axum, actix_web, rename_all = "snake_case")]
    pub enum AccountError {
        /// No account has this id.
        #[api(status = 404, detail = "Account {id} not found.")]
        AccountNotFound {
            /// The id asked for.
            id: u64,
        },
    }
}

/// The billing module: an enum wrapping another.
pub mod billing {
    use apierror::ApiError;

    /// Payment errors, the innermost level.
    #[derive(Debug, ApiError)]
    #[api(axum, actix_web, rename_all = "snake_case")]
    pub enum PaymentError {
        /// The card issuer declined the charge.
        #[api(status = 402, retry = false, detail = "The card was declined.")]
        CardDeclined,
    }

    /// Billing errors.
    #[derive(Debug, ApiError)]
    #[api(axum, actix_web, rename_all = "snake_case")]
    pub enum BillingError {
        /// The invoice is being finalized.
        #[api(status = 409)]
        InvoiceLocked,
        /// A payment failed.
        #[api(transparent)]
        Payment(PaymentError),
    }
}

/// The service's top-level error: its own codes and the modules' trees.
#[derive(Debug, ApiError)]
#[api(axum, actix_web, rename_all = "snake_case", challenge = "Bearer")]
pub enum AppError {
    /// No credentials.
    #[api(status = 401)]
    Unauthorized,
    /// An account error.
    #[api(transparent)]
    Accounts(accounts::AccountError),
    /// A billing error.
    #[api(transparent)]
    Billing(billing::BillingError),
}

/// The service's framework entries: snake_case like its own codes, and a code of its choosing
/// for unknown routes.
#[must_use]
pub fn framework() -> FrameworkErrors {
    FrameworkErrors::new()
        .with_case(CodeCase::Snake)
        .with_code(FrameworkKind::RouteNotFound, "no_such_route")
}

/// The service's request-id header.
pub const REQUEST_ID: &str = "x-correlation-id";

/// How the service answers errors: `{code, message, details}`, its framework entries and its
/// request-id header.
#[must_use]
pub fn service_errors() -> ServiceErrors {
    ServiceErrors::new(CodeMessage)
        .with_framework(framework())
        .with_request_id_header(apierror::http::HeaderName::from_static(REQUEST_ID))
}

/// The `POST /payments` body.
#[derive(Debug, serde::Deserialize)]
pub struct Payment {
    /// In cents.
    pub amount: u32,
}

/// The `GET /invoices` query.
#[derive(Debug, serde::Deserialize)]
pub struct Invoices {
    /// Page size.
    pub limit: u32,
}

struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(request: reqwest::RequestBuilder) -> Reply {
    let response = tokio::time::timeout(Duration::from_secs(10), request.send())
        .await
        .expect("answered in time")
        .expect("answered");
    Reply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.expect("a body"),
    }
}

fn post_json(client: &reqwest::Client, url: &str, body: &Value) -> reqwest::RequestBuilder {
    client
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
}

/// Checks one response: status, the service's envelope and content type, the request id.
fn expect(reply: &Reply, status: u16, body: &Value) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("application/json"),
        "{}",
        reply.body
    );
    assert!(reply.header(REQUEST_ID).is_some(), "{:?}", reply.headers);
    assert!(reply.header("x-request-id").is_none());
    assert_eq!(&reply.json(), body);
}

/// Every level of the tree and every framework error, in the service's envelope.
///
/// # Panics
/// On any response that differs.
pub async fn check(base: &str) {
    let client = reqwest::Client::new();
    let url = |path: &str| format!("{base}{path}");

    // Each level of the tree.
    let reply = send(client.get(url("/me"))).await;
    expect(
        &reply,
        401,
        &json!({"code": "unauthorized", "message": "Unauthorized"}),
    );
    assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    let reply = send(client.get(url("/accounts/7"))).await;
    expect(
        &reply,
        404,
        &json!({"code": "account_not_found", "message": "Account 7 not found.", "details": {"id": 7}}),
    );
    let reply = send(client.get(url("/invoices?limit=5"))).await;
    expect(
        &reply,
        409,
        &json!({"code": "invoice_locked", "message": "Conflict"}),
    );
    let reply = send(post_json(&client, &url("/payments"), &json!({"amount": 500}))).await;
    expect(
        &reply,
        402,
        &json!({"code": "card_declined", "message": "The card was declined."}),
    );

    // The framework's own errors.
    let reply = send(client.get(url("/nowhere"))).await;
    expect(
        &reply,
        404,
        &json!({"code": "no_such_route", "message": "Not Found"}),
    );
    let reply = send(client.delete(url("/payments"))).await;
    expect(
        &reply,
        405,
        &json!({"code": "method_not_allowed", "message": "Method Not Allowed"}),
    );
    assert_eq!(reply.header("allow"), Some("POST"));
    let reply = send(
        client
            .post(url("/payments"))
            .header("content-type", "application/json")
            .body("{\"amount\": 5"),
    )
    .await;
    assert_eq!(reply.json()["code"], "malformed_json", "{}", reply.body);
    assert_eq!(reply.status, 400);
    assert!(
        reply.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("EOF while parsing an object")),
        "{}",
        reply.body
    );
    let reply = send(post_json(&client, &url("/payments"), &json!({"amount": "five"}))).await;
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_json");
    let message = reply.json()["message"].as_str().unwrap_or_default().to_owned();
    assert!(
        message.starts_with("invalid type: string \"five\", expected u32"),
        "{message}"
    );
    // The member, in the envelope's own place for it (issue 21.4).
    assert_eq!(
        reply.json()["details"],
        json!({"pointer": "/amount"}),
        "{}",
        reply.body
    );
    let reply = send(
        client
            .post(url("/payments"))
            .header("content-type", "text/plain")
            .body("amount=5"),
    )
    .await;
    expect(
        &reply,
        415,
        &json!({"code": "unsupported_media_type",
            "message": "Expected a request with `Content-Type: application/json`."}),
    );
    let reply = send(client.get(url("/accounts/seven"))).await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_path_parameter");
    assert_eq!(
        reply.json()["details"],
        json!({"parameter": "id"}),
        "{}",
        reply.body
    );
    assert!(
        reply.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("seven")),
        "{}",
        reply.body
    );
    let reply = send(client.get(url("/invoices?limit=many"))).await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["code"], "invalid_query");
    assert_eq!(
        reply.json()["details"],
        json!({"parameter": "limit"}),
        "{}",
        reply.body
    );
    assert!(
        reply.json()["message"]
            .as_str()
            .is_some_and(|m| m.contains("invalid digit")),
        "{}",
        reply.body
    );
    let padding = "x".repeat(BODY_LIMIT);
    let reply = send(post_json(
        &client,
        &url("/payments"),
        &json!({"amount": 5, "memo": padding}),
    ))
    .await;
    expect(
        &reply,
        413,
        &json!({"code": "body_too_large", "message": "Content Too Large"}),
    );
    let reply = send(client.get(url("/panic"))).await;
    expect(
        &reply,
        500,
        &json!({"code": "internal_error", "message": "Internal Server Error"}),
    );
    assert!(!reply.body.contains(PANIC_SECRET));
    // The server survived the panic.
    let reply = send(client.get(url("/me"))).await;
    assert_eq!(reply.status, 401);
}

/// The docs of this service: its tree and the framework's entries.
#[must_use]
pub fn catalog() -> apierror::docs::ServiceCatalog {
    apierror::docs::ServiceCatalog::new("Composed service")
        .with::<AppError>()
        .with_framework(&framework())
}
