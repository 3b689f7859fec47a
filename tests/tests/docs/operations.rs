//! Issue 22: the OpenAPI document's paths, each operation with exactly its errors.

use apierror::docs::{LockError, LockOptions, Operation, ServiceCatalog};
use apierror::envelope::SuccessFlag;
use apierror::{ApiError, FrameworkErrors, Problem};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[allow(dead_code, reason = "documented only")]
enum OrderError {
    #[api(status = 404)]
    OrderNotFound,
    #[api(status = 404)]
    CustomerNotFound,
    #[api(status = 409)]
    OrderLocked,
}

/// A type with its own envelope: its schema is in that envelope, nested where the code is.
#[derive(Debug, ApiError)]
#[allow(dead_code, reason = "documented only")]
#[api(rename_all = "snake_case", envelope = apierror::envelope::SuccessFlag)]
enum LegacyError {
    #[api(status = 404)]
    InvoiceNotFound,
}

fn service() -> ServiceCatalog {
    ServiceCatalog::new("Orders API")
        .with_framework(&FrameworkErrors::new())
        .with_operation(Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]))
        .with_operation(Operation::delete("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FOUND"]))
        .with_operation(Operation::post("/orders").reads_json().returns::<OrderError>())
        .with_operation(Operation::get("/invoices/{id}").returns::<LegacyError>())
}

fn statuses(operation: &Value) -> Vec<(String, String)> {
    operation["responses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(status, r)| (status.clone(), r["$ref"].as_str().unwrap_or("inline").to_owned()))
        .collect()
}

#[test]
fn each_operation_lists_exactly_its_errors() {
    let document = service().openapi(&Problem::new());
    let get = &document["paths"]["/orders/{id}"]["get"];
    assert_eq!(get["operationId"], "getOrdersId");
    assert_eq!(
        get["parameters"],
        json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}])
    );
    assert_eq!(
        statuses(get),
        [
            ("200".into(), "inline".into()),
            // The path parameter's rejection only, not the status's JSON and query ones.
            ("400".into(), "#/components/responses/GetOrdersIdError400".into()),
            ("404".into(), "#/components/responses/GetOrdersIdError404".into()),
            ("405".into(), "#/components/responses/Error405".into()),
            ("500".into(), "#/components/responses/Error500".into()),
            ("default".into(), "#/components/responses/Error".into()),
        ]
    );
    // Two operations with the same codes at a status share one response, named by the first.
    assert_eq!(
        document["paths"]["/orders/{id}"]["delete"]["responses"]["404"]["$ref"],
        "#/components/responses/GetOrdersIdError404"
    );
    // The operation's own 404: its one code, not the status's three.
    assert_eq!(
        document["components"]["responses"]["GetOrdersIdError404"]["content"]["application/problem+json"]["schema"]
            ["oneOf"],
        json!([{"$ref": "#/components/schemas/OrderNotFound"}, {"$ref": "#/components/schemas/UnknownError"}])
    );
    // A JSON body: the request body and the rejections of reading it.
    let post = &document["paths"]["/orders"]["post"];
    let listed: Vec<String> = statuses(post).into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        listed,
        [
            "200", "400", "404", "405", "409", "413", "415", "422", "500", "default"
        ]
    );
    assert_eq!(
        post["requestBody"]["content"]["application/json"]["schema"],
        json!({"type": "object"})
    );
    // Only what the paths use is in the components: no route-not-found response (a matched path
    // never answers it), and so no schema for its code either.
    assert!(document["components"]["schemas"].get("RouteNotFound").is_none());
    assert!(document["components"]["schemas"].get("OrderNotFound").is_some());
}

#[test]
fn a_type_with_its_own_envelope_keeps_it_in_the_document() {
    let document = ServiceCatalog::new("Orders API")
        .with::<OrderError>()
        .with::<LegacyError>()
        .openapi(&Problem::new());
    let response = &document["components"]["responses"]["Error404"]["content"];
    // 404 has bodies in two envelopes: one union per content type.
    let problem = &response["application/problem+json"]["schema"];
    assert_eq!(problem["discriminator"]["propertyName"], "code");
    let legacy = &response["application/json"]["schema"];
    assert_eq!(legacy["properties"]["success"], json!({"const": false}));
    assert_eq!(
        legacy["properties"]["error"]["oneOf"],
        json!([{"$ref": "#/components/schemas/InvoiceNotFound"}, {"$ref": "#/components/schemas/UnknownError2"}])
    );
    assert_eq!(
        document["components"]["schemas"]["InvoiceNotFound"]["properties"]["code"],
        json!({"type": "string", "const": "invoice_not_found"})
    );
    // Nested codes are discriminated where they are: on `error`.
    let service = ServiceCatalog::new("legacy").with::<OrderError>();
    let document = service.openapi(&SuccessFlag);
    let error = &document["components"]["responses"]["Error404"]["content"]["application/json"]["schema"]["properties"]
        ["error"];
    assert_eq!(error["discriminator"]["propertyName"], "code");
    assert_eq!(
        error["discriminator"]["mapping"],
        json!({"ORDER_NOT_FOUND": "#/components/schemas/OrderNotFound",
               "CUSTOMER_NOT_FOUND": "#/components/schemas/CustomerNotFound"})
    );
}

#[test]
fn a_code_the_type_does_not_have_fails_the_lock() {
    let service = ServiceCatalog::new("Orders API")
        .with_operation(Operation::get("/orders/{id}").returns_only::<OrderError>(&["ORDER_NOT_FUOND"]));
    assert_eq!(service.operations()[0].unknown_codes(), ["ORDER_NOT_FUOND"]);
    let dir = std::env::temp_dir().join(format!("apierror-operations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let error = apierror::docs::Lock::check_file_with(
        &service,
        &dir.join("errors.lock.json"),
        LockOptions::new().with_update(true),
    )
    .unwrap_err();
    assert!(matches!(error, LockError::UnknownCodes(_)));
    assert_eq!(
        error.to_string(),
        "operations name codes their types do not have (a typo, or a code removed):\n  - getOrdersId: ORDER_NOT_FUOND\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The 3.0 document progenitor's client is generated from is the one the code writes
/// (regenerate with `APIERROR_UPDATE_OPENAPI=1 cargo test -p apierror-tests --all-features --test docs`).
#[test]
fn the_progenitor_document_is_checked_in() {
    use apierror_tests::orders_service::{DOCUMENT_3_0, catalog};
    let generated = serde_json::to_string_pretty(&catalog().openapi_3_0(&apierror::envelope::CodeMessage))
        .unwrap()
        + "\n";
    if std::env::var_os("APIERROR_UPDATE_OPENAPI").is_some() {
        std::fs::write(DOCUMENT_3_0, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(DOCUMENT_3_0).expect("the checked-in 3.0 document");
    assert!(
        checked_in == generated,
        "tests/progenitor/orders-3.0.json differs from the code's; regenerate with APIERROR_UPDATE_OPENAPI=1"
    );
    let document: Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(document["openapi"], "3.0.3");
    let responses = &document["paths"]["/orders/{id}"]["get"]["responses"];
    for status in ["400", "404", "405", "409", "500"] {
        assert_eq!(
            responses[status]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/GetOrderErrors"}),
            "{status}"
        );
    }
    assert!(responses.get("default").is_none());
}
