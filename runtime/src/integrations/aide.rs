//! aide 0.15 (the release line for axum 0.8): derived errors implement `OperationOutput`, so an
//! `ApiRouter` handler that returns `Result<T, MyError>` documents every status of the type's
//! catalog, each a union of exactly its codes' schemas with one example per code and the headers
//! the service sends, in the type's own envelope (RFC 9457 unless it declares one).
//!
//! ```
//! use apierror::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(aide)]
//! enum OrderError {
//!     #[api(status = 404)]
//!     OrderNotFound,
//!     #[api(status = 409)]
//!     OrderLocked,
//! }
//!
//! // What `OperationOutput::inferred_responses` gives aide for a handler returning the type:
//! let responses = apierror::aide::responses::<OrderError>(&apierror::Problem::new());
//! let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
//! assert_eq!(statuses, [Some(404), Some(409)]);
//! ```
//!
//! In a service (aide's `axum` feature): `ApiRouter::new().api_route("/orders/{id}",
//! get_with(order, |op| op))` with `async fn order() -> Result<Json<Order>, OrderError>`, and the
//! type's `404` and `409` are in the operation's responses.

use aide::openapi::Response;

use crate::Catalog;
use crate::docs::ServiceCatalog;
use crate::envelope::Envelope;

/// The responses of `C`'s catalog in `envelope`, by status, with schemas, examples and headers
/// written out (an operation's responses cannot rely on components the document may not have):
/// what the derived `OperationOutput::inferred_responses` returns.
#[must_use]
pub fn responses<C: Catalog>(envelope: &dyn Envelope) -> Vec<(Option<u16>, Response)> {
    let service = ServiceCatalog::new(core::any::type_name::<C>()).with::<C>();
    crate::docs::inline_responses(&service, envelope)
        .into_iter()
        .filter_map(|(status, value)| {
            // Our responses use only what aide's model holds (the tests check every status
            // arrives); a failure would drop that status rather than the document.
            let response: Response = serde_json::from_value(value).ok()?;
            Some((Some(status), response))
        })
        .collect()
}

/// The error responses of one [`Operation`](crate::docs::Operation), as
/// [`utoipa::operation_responses`](https://docs.rs/apierror/latest/apierror/utoipa/fn.operation_responses.html)
/// gives them: what a type declared with [`operation_errors!`](crate::operation_errors) returns
/// from `OperationOutput::inferred_responses`.
#[must_use]
pub fn operation_responses(
    operation: &crate::docs::Operation,
    framework: &crate::FrameworkErrors,
    envelope: &dyn Envelope,
) -> Vec<(Option<u16>, Response)> {
    let service = ServiceCatalog::new("operation")
        .with_framework(framework)
        .with_operation(operation.clone());
    crate::docs::inline_operation_responses(&service, envelope)
        .into_iter()
        .flat_map(|(_, _, responses)| responses)
        .filter_map(|(status, value)| {
            let response: Response = serde_json::from_value(value).ok()?;
            Some((Some(status), response))
        })
        .collect()
}
