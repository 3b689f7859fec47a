//! A service whose errors are all `{code, message, details}` (`application/json`), for the
//! generated Rust client (progenitor reads OpenAPI 3.0, types only `application/json` bodies,
//! and one error type per operation): its catalog, operations and 3.0 document.

use apierror::ApiError;
use apierror::docs::{Operation, ServiceCatalog};

/// The orders API's errors.
#[derive(Debug, ApiError)]
#[api(axum, rename_all = "snake_case")]
pub enum OrderError {
    /// No order has this id.
    #[api(status = 404, detail = "Order {id} not found")]
    OrderNotFound {
        /// The id asked for.
        id: u64,
    },
    /// Another request is changing the order.
    #[api(status = 409, retry = "backoff")]
    OrderLocked,
}

/// How the service answers: `{code, message, details}` for its errors and the framework's.
#[must_use]
pub fn service_errors() -> apierror::ServiceErrors {
    apierror::ServiceErrors::new(apierror::envelope::CodeMessage)
        .with_framework(apierror::FrameworkErrors::new().with_case(apierror::CodeCase::Snake))
}

/// The catalog with its one operation, `GET /orders/{id}`.
#[must_use]
pub fn catalog() -> ServiceCatalog {
    ServiceCatalog::new("Orders API")
        .with_version("1.0.0")
        .with_service(&service_errors())
        .with_operation(
            Operation::get("/orders/{id}")
                .with_id("get_order")
                .with_path_parameter(
                    "id",
                    serde_json::json!({"type": "integer", "format": "uint64", "minimum": 0}),
                )
                .returns::<OrderError>(),
        )
}

/// Where the 3.0 document is checked in, for `progenitor::generate_api!`.
pub const DOCUMENT_3_0: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/progenitor/orders-3.0.json");
