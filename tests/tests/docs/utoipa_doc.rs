//! utoipa: a derived error listed in a path's responses puts every status of its catalog, with
//! one example per code and the headers it may carry, into the generated OpenAPI document.

use apierror_tests::http_service::HttpApiError;
use serde_json::{Value, json};
use utoipa::OpenApi;

/// Scores a page.
#[utoipa::path(get, path = "/score", responses((status = 200, description = "The score"), HttpApiError))]
#[allow(dead_code, reason = "documented only")]
async fn score() {}

#[derive(OpenApi)]
#[openapi(paths(score))]
struct ApiDoc;

#[test]
fn openapi_lists_every_status_with_an_example_per_code() {
    let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
    let responses = &document["paths"]["/score"]["get"]["responses"];
    let mut statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    statuses.sort();
    assert_eq!(statuses, ["200", "401", "402", "429", "500"]);

    let problem = |status: &str| &responses[status]["content"]["application/problem+json"];
    let examples = |status: &str| -> Vec<String> {
        problem(status)["examples"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(examples("402"), ["USAGE_LIMIT_EXCEEDED"]);
    assert_eq!(examples("401"), ["AUTH_REQUIRED"]);
    assert_eq!(examples("429"), ["RATE_LIMITED"]);
    assert_eq!(
        problem("402")["examples"]["USAGE_LIMIT_EXCEEDED"]["value"],
        json!({
            "type": "https://docs.example.com/errors/USAGE_LIMIT_EXCEEDED",
            "title": "Payment Required",
            "status": 402,
            "detail": "<usage_type> limit reached for your plan.",
            "instance": "/v1/example",
            "code": "USAGE_LIMIT_EXCEEDED",
            "usage_type": "string",
            "current": 0,
            "limit": 0,
        })
    );
    assert_eq!(responses["402"]["description"], "Payment Required");
    // The status's schema admits its own code only (a one-value enum: utoipa's schema model has
    // no `const`).
    assert_eq!(
        problem("402")["schema"]["properties"]["code"],
        json!({"type": "string", "enum": ["USAGE_LIMIT_EXCEEDED"]})
    );
    let header_names = |status: &str| -> Vec<String> {
        responses[status]["headers"]
            .as_object()
            .map(|h| h.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(header_names("401"), ["WWW-Authenticate", "X-Request-Id"]);
    assert_eq!(
        header_names("429"),
        [
            "Cache-Control",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-Request-Id"
        ]
    );
    assert_eq!(header_names("402"), ["X-Request-Id"]);
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"],
        json!({"type": "integer", "minimum": 0})
    );
}

/// Two error types at one status: every code of both stays.
mod merged {
    use apierror::ApiError;
    use apierror::utoipa::Merged;
    use serde_json::Value;
    use utoipa::OpenApi;

    #[allow(dead_code, reason = "documented only")]
    #[derive(Debug, ApiError)]
    #[api(utoipa)]
    pub enum AccessError {
        #[api(status = 404)]
        UserNotFound,
        #[api(status = 403)]
        Forbidden,
    }

    #[allow(dead_code, reason = "documented only")]
    #[derive(Debug, ApiError)]
    #[api(utoipa)]
    pub enum ProjectError {
        #[api(status = 404)]
        ProjectNotFound,
        #[api(status = 409)]
        ProjectArchived,
    }

    /// A type with its own envelope: `Merged` keeps it.
    #[allow(dead_code, reason = "documented only")]
    #[derive(Debug, ApiError)]
    #[api(utoipa, rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
    pub enum LegacyError {
        #[api(status = 404)]
        InvoiceNotFound,
    }

    #[utoipa::path(get, path = "/mixed", responses(Merged<(AccessError, LegacyError)>))]
    #[allow(dead_code, reason = "documented only")]
    async fn mixed() {}

    #[utoipa::path(get, path = "/separate", responses(AccessError, ProjectError))]
    #[allow(dead_code, reason = "documented only")]
    async fn separate() {}

    #[utoipa::path(get, path = "/merged", responses(Merged<(AccessError, ProjectError)>))]
    #[allow(dead_code, reason = "documented only")]
    async fn merged() {}

    #[derive(OpenApi)]
    #[openapi(paths(separate, merged, mixed))]
    struct ApiDoc;

    fn codes(document: &Value, path: &str, status: &str) -> Vec<String> {
        document["paths"][path]["get"]["responses"][status]["content"]["application/problem+json"]["examples"]
            .as_object()
            .map(|e| e.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn several_error_types_on_one_path_keep_every_code() {
        let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
        // What utoipa does with the types listed one by one: the last one's 404 wins.
        assert_eq!(codes(&document, "/separate", "404"), ["PROJECT_NOT_FOUND"]);
        // Merged keeps both, and every other status of both.
        // (utoipa keeps examples in a sorted map.)
        assert_eq!(
            codes(&document, "/merged", "404"),
            ["PROJECT_NOT_FOUND", "USER_NOT_FOUND"]
        );
        assert_eq!(codes(&document, "/merged", "403"), ["FORBIDDEN"]);
        assert_eq!(codes(&document, "/merged", "409"), ["PROJECT_ARCHIVED"]);
    }

    /// Each type in its own envelope: at a status both have, one body per content type.
    #[test]
    fn merged_types_keep_their_own_envelopes() {
        let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
        let content = &document["paths"]["/mixed"]["get"]["responses"]["404"]["content"];
        let types: Vec<&String> = content.as_object().unwrap().keys().collect();
        assert_eq!(types, ["application/json", "application/problem+json"]);
        assert_eq!(
            content["application/json"]["examples"]["invoice_not_found"]["value"]["success"],
            false
        );
        assert_eq!(codes(&document, "/mixed", "404"), ["USER_NOT_FOUND"]);
    }
}

/// With member schemas, utoipa's document describes every field too.
mod described {
    use apierror::utoipa::Described;
    use apierror_tests::schemas::BillingError;
    use serde_json::{Value, json};
    use utoipa::OpenApi;

    #[utoipa::path(get, path = "/billing", responses(Described<BillingError>))]
    #[allow(dead_code, reason = "documented only")]
    async fn billing() {}

    #[derive(OpenApi)]
    #[openapi(paths(billing))]
    struct ApiDoc;

    #[test]
    fn utoipa_gets_the_member_schemas() {
        let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
        let schema = &document["paths"]["/billing"]["get"]["responses"]["402"]["content"]["application/problem+json"]
            ["schema"];
        assert_eq!(
            schema["properties"]["quotas"]["items"]["required"],
            json!(["meter", "limit"])
        );
    }
}

/// Issue 22: a utoipa document gets each `Operation`'s exact errors (a subset of a type, and the
/// framework's errors that apply), through `apply_operations` from a `Modify`.
pub(crate) mod operations {
    use apierror::ApiError;
    use apierror::docs::{Operation, ServiceCatalog};
    use serde_json::{Value, json};
    use utoipa::OpenApi;

    #[allow(dead_code, reason = "documented only")]
    #[derive(Debug, ApiError)]
    #[api(utoipa)]
    pub enum OrderError {
        #[api(status = 404)]
        OrderNotFound,
        #[api(status = 404)]
        CustomerNotFound,
        #[api(status = 409)]
        OrderLocked,
    }

    #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), OrderError))]
    #[allow(dead_code, reason = "documented only")]
    async fn order() {}

    fn service() -> ServiceCatalog {
        ServiceCatalog::new("Orders API")
            .with_framework(&apierror::FrameworkErrors::new())
            .with_operation(Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]))
    }

    struct Errors;

    impl utoipa::Modify for Errors {
        fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
            apierror::utoipa::apply_operations(&service(), &apierror::Problem::new(), openapi)
                .expect("every operation is in the document");
        }
    }

    #[derive(OpenApi)]
    #[openapi(paths(order), modifiers(&Errors))]
    struct ApiDoc;

    #[test]
    fn the_operations_errors_replace_the_types() {
        let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
        let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
        let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
        // The type's 409 stays as `responses(OrderError)` listed it; 404 is the operation's one
        // code; 400, 405 and 500 are the framework's.
        assert_eq!(statuses, ["200", "400", "404", "405", "409", "500"]);
        let not_found = &responses["404"]["content"]["application/problem+json"];
        assert_eq!(
            not_found["schema"]["properties"]["code"],
            json!({"type": "string", "enum": ["ORDER_NOT_FOUND"]})
        );
        let examples: Vec<&String> = not_found["examples"].as_object().unwrap().keys().collect();
        assert_eq!(examples, ["ORDER_NOT_FOUND"]);
        assert_eq!(
            responses["400"]["content"]["application/problem+json"]["schema"]["properties"]["code"]["enum"],
            json!(["INVALID_PATH_PARAMETER"])
        );
    }

    #[test]
    fn an_operation_the_document_lacks_is_reported() {
        let service = service().with_operation(Operation::delete("/orders/{id}").returns::<OrderError>());
        let mut openapi = ApiDoc::openapi();
        let missing = apierror::utoipa::apply_operations(&service, &apierror::Problem::new(), &mut openapi)
            .expect_err("DELETE is not documented");
        assert_eq!(missing, ["DELETE /orders/{id}"]);
    }
}

/// Issue 22: `responses(...)` takes one operation's exact errors directly, as a type declared with
/// `operation_errors!` (a subset of a type's codes, and the framework's errors).
mod subset {
    use apierror::docs::Operation;
    use serde_json::{Value, json};
    use utoipa::OpenApi;

    use super::operations::OrderError;

    apierror::operation_errors! {
        /// `GET /orders/{id}`'s errors.
        pub struct GetOrderErrors = Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]);
    }

    apierror::operation_errors! {
        /// `POST /orders`'s errors, in `{code, message, details}`.
        pub struct CreateOrderErrors = Operation::post("/orders").reads_json().returns_only::<OrderError>(&["ORDER_LOCKED"]),
            envelope = apierror::envelope::CodeMessage;
    }

    #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), GetOrderErrors))]
    #[allow(dead_code, reason = "documented only")]
    async fn read() {}

    #[utoipa::path(post, path = "/orders", responses((status = 200, description = "Created"), CreateOrderErrors))]
    #[allow(dead_code, reason = "documented only")]
    async fn create() {}

    #[derive(OpenApi)]
    #[openapi(paths(read, create))]
    struct ApiDoc;

    #[test]
    fn responses_take_an_operations_errors() {
        let document: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
        let read = &document["paths"]["/orders/{id}"]["get"]["responses"];
        let statuses: Vec<&String> = read.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["200", "400", "404", "405", "500"]);
        assert_eq!(
            read["404"]["content"]["application/problem+json"]["schema"]["properties"]["code"],
            json!({"type": "string", "enum": ["ORDER_NOT_FOUND"]})
        );
        let create = &document["paths"]["/orders"]["post"]["responses"];
        let statuses: Vec<&String> = create.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["200", "400", "405", "409", "413", "415", "422", "500"]);
        assert_eq!(
            create["409"]["content"]["application/json"]["schema"]["properties"]["code"],
            json!({"type": "string", "enum": ["ORDER_LOCKED"]})
        );
    }
}
