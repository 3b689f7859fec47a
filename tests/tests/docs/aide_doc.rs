//! aide (issue 22): a handler's error type documents its operation's responses through
//! `OperationOutput`, with each status's codes only, in the type's own envelope.

use aide::axum::ApiRouter;
use aide::axum::routing::get_with;
use apierror::ApiError;
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[allow(dead_code, reason = "documented only")]
#[api(axum, aide, type_base = "https://docs.example.com/errors/")]
enum OrderError {
    /// No order has this id.
    #[api(status = 404)]
    OrderNotFound { id: u64 },
    #[api(status = 404)]
    CustomerNotFound,
    /// The order is being changed by another request.
    #[api(status = 409, retry = "backoff")]
    OrderLocked,
}

#[derive(Debug, ApiError)]
#[api(axum, aide, rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
enum LegacyError {
    #[api(status = 404)]
    InvoiceNotFound,
}

async fn order() -> Result<String, OrderError> {
    Err(OrderError::OrderLocked)
}

async fn invoice() -> Result<String, LegacyError> {
    Err(LegacyError::InvoiceNotFound)
}

fn document() -> Value {
    let mut api = aide::openapi::OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/orders/{id}", get_with(order, |op| op))
        .api_route("/invoices/{id}", get_with(invoice, |op| op))
        .finish_api(&mut api);
    serde_json::to_value(&api).expect("serializable")
}

#[test]
fn an_aide_operation_lists_its_error_types_statuses() {
    let document = document();
    let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "404", "409"]);
    let not_found = &responses["404"]["content"]["application/problem+json"];
    // The status's two codes, each exact, one example each.
    let codes: Vec<&Value> = not_found["schema"]["oneOf"]
        .as_array()
        .expect("one schema per code")
        .iter()
        .map(|s| &s["properties"]["code"]["enum"])
        .collect();
    assert_eq!(
        codes,
        [&json!(["ORDER_NOT_FOUND"]), &json!(["CUSTOMER_NOT_FOUND"])]
    );
    assert_eq!(
        not_found["examples"]["ORDER_NOT_FOUND"]["value"],
        json!({"type": "https://docs.example.com/errors/ORDER_NOT_FOUND", "title": "Not Found", "status": 404,
               "instance": "/v1/example", "code": "ORDER_NOT_FOUND", "id": 0})
    );
    assert_eq!(responses["404"]["description"], "Not Found");
    assert_eq!(
        responses["409"]["content"]["application/problem+json"]["schema"]["properties"]["code"],
        json!({"type": "string", "enum": ["ORDER_LOCKED"]})
    );
    assert_eq!(
        responses["404"]["headers"]["X-Request-Id"]["schema"],
        json!({"type": "string"})
    );
}

#[test]
fn an_aide_operation_keeps_the_types_envelope() {
    let document = document();
    let not_found = &document["paths"]["/invoices/{id}"]["get"]["responses"]["404"]["content"];
    let schema = &not_found["application/json"]["schema"];
    // aide's schema model has no `const`: a one-value `enum`.
    assert_eq!(
        schema["properties"]["success"],
        json!({"type": "boolean", "enum": [false]})
    );
    assert_eq!(
        schema["properties"]["error"]["properties"]["code"],
        json!({"type": "string", "enum": ["invoice_not_found"]})
    );
}

apierror::operation_errors! {
    /// `GET /orders/{id}`'s errors: one code of `OrderError`, and the framework's.
    pub struct GetOrderErrors = apierror::docs::Operation::get("/orders/{id}")
        .returns_only::<OrderError>(&["ORDER_NOT_FOUND"]);
}

/// Issue 22: an aide operation documents exactly one operation's errors with a type declared
/// by `operation_errors!` (the handler's own error type lists all of its statuses).
#[test]
fn an_aide_operation_takes_an_operations_errors() {
    async fn read() -> Result<String, GetOrderErrorsResponse> {
        Ok(String::new())
    }
    /// The handler's error, documented as `GetOrderErrors`.
    struct GetOrderErrorsResponse;
    impl axum::response::IntoResponse for GetOrderErrorsResponse {
        fn into_response(self) -> axum::response::Response {
            axum::response::IntoResponse::into_response(OrderError::OrderLocked)
        }
    }
    impl aide::OperationOutput for GetOrderErrorsResponse {
        type Inner = Self;
        fn inferred_responses(
            ctx: &mut aide::generate::GenContext,
            operation: &mut aide::openapi::Operation,
        ) -> Vec<(Option<u16>, aide::openapi::Response)> {
            <GetOrderErrors as aide::OperationOutput>::inferred_responses(ctx, operation)
        }
    }

    let mut api = aide::openapi::OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/orders/{id}", get_with(read, |op| op))
        .finish_api(&mut api);
    let document = serde_json::to_value(&api).expect("serializable");
    let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["200", "400", "404", "405", "500"]);
    assert_eq!(
        responses["404"]["content"]["application/problem+json"]["schema"]["properties"]["code"],
        json!({"type": "string", "enum": ["ORDER_NOT_FOUND"]})
    );
}
