//! Validation errors in every envelope, as each standard shapes them: RFC 9457's own example byte
//! for byte, AIP-193's BadRequest, JSON:API's error per violation, and the `details` of the
//! others; from hand-built lists and from `validator` and `garde` reports.

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, Output, SuccessFlag};
use apierror::{ApiError, Context, Problem, Violation, Violations};
use apierror_tests::validation::RequestError;
use serde_json::{Value, json};
// validator's derive calls `validate()` on nested structs by method syntax: the trait must be
// in scope where it is derived.
use validator::Validate as _;

fn rfc_violations() -> Violations {
    [
        Violation::new("/age", "must be a positive integer"),
        Violation::new("/profile/color", "must be 'green', 'red' or 'blue'"),
    ]
    .into_iter()
    .collect()
}

fn render(envelope: &dyn Envelope, error: &dyn ApiError) -> String {
    let mut body = Vec::new();
    envelope
        .render(error, &Context::new(), &mut Output::new(&mut body))
        .unwrap();
    String::from_utf8(body).unwrap()
}

fn value(envelope: &dyn Envelope, error: &dyn ApiError) -> Value {
    serde_json::from_str(&render(envelope, error)).unwrap()
}

#[test]
fn rfc_9457_validation_example_byte_for_byte() {
    let err = RequestError::Invalid {
        errors: rfc_violations(),
    };
    assert_eq!(
        render(&Problem::new().without_code().without_status(), &err),
        r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##
    );
}

#[test]
fn every_envelope_shapes_violations_its_own_way() {
    let err = RequestError::BadForm {
        count: 2,
        problems: [
            Violation::new("/age", "must be a positive integer").with_code("range"),
            Violation::new("/items/0/name", "is required").with_code("required"),
        ]
        .into_iter()
        .collect(),
    };
    assert_eq!(
        value(&Problem::new(), &err),
        json!({"type": "https://example.net/BAD_FORM", "title": "Bad Request", "status": 400,
        "detail": "The form has 2 problems.", "code": "BAD_FORM", "count": 2,
        "problems": [
            {"detail": "must be a positive integer", "pointer": "#/age", "code": "range"},
            {"detail": "is required", "pointer": "#/items/0/name", "code": "required"},
        ]})
    );
    let details = json!({"count": 2, "problems": [
        {"pointer": "/age", "code": "range", "message": "must be a positive integer"},
        {"pointer": "/items/0/name", "code": "required", "message": "is required"},
    ]});
    assert_eq!(
        value(&CodeMessage, &err),
        json!({"code": "BAD_FORM", "message": "The form has 2 problems.", "details": details})
    );
    assert_eq!(value(&ErrorString, &err)["details"], details);
    assert_eq!(value(&SuccessFlag, &err)["error"]["details"], details);
    assert_eq!(
        value(&GoogleRpc::new("example.com"), &err)["error"]["details"],
        json!([
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "BAD_FORM", "domain": "example.com",
             "metadata": {"count": "2"}},
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
                {"field": "age", "description": "must be a positive integer", "reason": "RANGE"},
                {"field": "items[0].name", "description": "is required", "reason": "REQUIRED"},
            ]},
        ])
    );
    assert_eq!(
        value(&JsonApi, &err),
        json!({"errors": [
            {"status": "400", "code": "BAD_FORM", "title": "Bad Request", "detail": "must be a positive integer",
             "source": {"pointer": "/age"}, "links": {"type": "https://example.net/BAD_FORM"}, "meta": {"count": 2}},
            {"status": "400", "code": "BAD_FORM", "title": "Bad Request", "detail": "is required",
             "source": {"pointer": "/items/0/name"}, "links": {"type": "https://example.net/BAD_FORM"}, "meta": {"count": 2}},
        ]})
    );
}

#[derive(Debug, validator::Validate)]
struct SignUp {
    #[validate(range(min = 1, message = "must be a positive integer"))]
    age: i32,
    #[validate(length(min = 1))]
    name: String,
    #[validate(nested)]
    profile: Profile,
}

#[derive(Debug, validator::Validate)]
struct Profile {
    #[validate(length(min = 3, message = "must be 'green', 'red' or 'blue'"))]
    color: String,
}

#[derive(Debug, garde::Validate)]
struct GardeSignUp {
    #[garde(range(min = 1))]
    age: i32,
    #[garde(dive)]
    profile: GardeProfile,
}

#[derive(Debug, garde::Validate)]
struct GardeProfile {
    #[garde(length(min = 3))]
    color: String,
}

#[test]
fn validator_reports_in_every_envelope() {
    let report = SignUp {
        age: 0,
        name: String::new(),
        profile: Profile { color: "x".into() },
    }
    .validate()
    .unwrap_err();
    let violations = Violations::from(&report);
    let listed: Vec<(String, Option<String>, String)> = violations
        .iter()
        .map(|v| {
            (
                v.pointer().to_owned(),
                v.code().map(str::to_owned),
                v.message().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "/age".to_owned(),
                Some("range".to_owned()),
                "must be a positive integer".to_owned()
            ),
            (
                "/name".to_owned(),
                Some("length".to_owned()),
                "must be at least 1 character long".to_owned()
            ),
            (
                "/profile/color".to_owned(),
                Some("length".to_owned()),
                "must be 'green', 'red' or 'blue'".to_owned()
            ),
        ]
    );
    let err = RequestError::Invalid { errors: violations };
    assert_eq!(
        value(&Problem::new(), &err)["errors"],
        json!([
            {"detail": "must be a positive integer", "pointer": "#/age", "code": "range"},
            {"detail": "must be at least 1 character long", "pointer": "#/name", "code": "length"},
            {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color", "code": "length"},
        ])
    );
    assert_eq!(value(&JsonApi, &err)["errors"].as_array().unwrap().len(), 3);
    assert_eq!(
        value(&GoogleRpc::new("x"), &err)["error"]["details"][1]["fieldViolations"][2]["field"],
        "profile.color"
    );
    assert_eq!(
        value(&CodeMessage, &err)["details"]["errors"][0]["pointer"],
        "/age"
    );
}

#[test]
fn garde_reports_in_every_envelope() {
    use garde::Validate as _;

    let report = GardeSignUp {
        age: 0,
        profile: GardeProfile { color: "x".into() },
    }
    .validate()
    .unwrap_err();
    let violations = Violations::from(&report);
    let pointers: Vec<&str> = violations.iter().map(Violation::pointer).collect();
    assert_eq!(pointers, ["/age", "/profile/color"]);
    let err = RequestError::Invalid { errors: violations };
    let problem = value(&Problem::new(), &err);
    assert_eq!(problem["errors"][1]["pointer"], "#/profile/color");
    assert!(
        problem["errors"][0]["detail"].as_str().unwrap().contains('1'),
        "{problem}"
    );
    assert_eq!(
        value(&JsonApi, &err)["errors"][1]["source"]["pointer"],
        "/profile/color"
    );
    assert_eq!(
        value(&SuccessFlag, &err)["error"]["details"]["errors"][0]["pointer"],
        "/age"
    );
}

#[derive(Debug, ApiError)]
enum QueryError {
    #[api(status = 400, detail = "Unknown sort field.")]
    BadSort {
        #[api(location = "parameter")]
        parameter: String,
    },
    #[api(status = 400, detail = "Malformed header.")]
    BadHeader {
        #[api(location = "header")]
        header: &'static str,
    },
}

#[test]
fn json_api_source_from_the_field_that_caused_the_error() {
    let err = QueryError::BadSort {
        parameter: "sort".into(),
    };
    let body = value(&JsonApi, &err);
    assert_eq!(body["errors"][0]["source"], json!({"parameter": "sort"}));
    assert_eq!(body["errors"][0]["meta"], json!({"parameter": "sort"}));
    let body = value(&JsonApi, &QueryError::BadHeader { header: "If-Match" });
    assert_eq!(body["errors"][0]["source"], json!({"header": "If-Match"}));
}

#[test]
fn aip_193_localized_message_when_the_service_supplies_one() {
    let err = QueryError::BadSort {
        parameter: "sort".into(),
    };
    let mut body = Vec::new();
    let cx = Context::new().with_localized_message("de-DE", "Unbekanntes Sortierfeld.");
    GoogleRpc::new("example.com")
        .render(&err, &cx, &mut Output::new(&mut body))
        .unwrap();
    let body: Value = serde_json::from_slice(&body).unwrap();
    // The location is the one field violation (issue 21.4), then the localized message.
    assert_eq!(
        body["error"]["details"][1],
        json!({"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [{"field": "sort", "description": "Unknown sort field."}]})
    );
    assert_eq!(
        body["error"]["details"][2],
        json!({"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "de-DE", "message": "Unbekanntes Sortierfeld."})
    );
}

/// A `validator` report through every envelope, each body compared whole.
#[test]
fn validator_report_in_every_envelope_as_values() {
    let report = SignUp {
        age: 0,
        name: "ok".into(),
        profile: Profile { color: "x".into() },
    }
    .validate()
    .unwrap_err();
    let err = RequestError::Invalid {
        errors: Violations::from(&report),
    };
    let problem_errors = json!([
        {"detail": "must be a positive integer", "pointer": "#/age", "code": "range"},
        {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color", "code": "length"},
    ]);
    let details = json!({"errors": [
        {"pointer": "/age", "code": "range", "message": "must be a positive integer"},
        {"pointer": "/profile/color", "code": "length", "message": "must be 'green', 'red' or 'blue'"},
    ]});
    let (code, title) = ("VALIDATION_ERROR", "Your request is not valid.");
    assert_eq!(
        value(&Problem::new(), &err),
        json!({"type": "https://example.net/validation-error", "title": title, "status": 422,
            "code": code, "errors": problem_errors})
    );
    assert_eq!(
        value(&CodeMessage, &err),
        json!({"code": code, "message": title, "details": details})
    );
    assert_eq!(
        value(&ErrorString, &err),
        json!({"error": title, "code": code, "details": details})
    );
    assert_eq!(
        value(&SuccessFlag, &err),
        json!({"success": false, "error": {"code": code, "message": title, "details": details}, "meta": {}})
    );
    assert_eq!(
        value(&GoogleRpc::new("example.com"), &err),
        json!({"error": {"code": 422, "message": title, "status": "FAILED_PRECONDITION", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": code, "domain": "example.com"},
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [
                {"field": "age", "description": "must be a positive integer", "reason": "RANGE"},
                {"field": "profile.color", "description": "must be 'green', 'red' or 'blue'", "reason": "LENGTH"},
            ]},
        ]}})
    );
    let object = |detail: &str, pointer: &str| {
        json!({"status": "422", "code": code, "title": title, "detail": detail, "source": {"pointer": pointer},
            "links": {"type": "https://example.net/validation-error"}})
    };
    assert_eq!(
        value(&JsonApi, &err),
        json!({"errors": [
            object("must be a positive integer", "/age"),
            object("must be 'green', 'red' or 'blue'", "/profile/color"),
        ]})
    );
}
