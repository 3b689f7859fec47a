//! One error rendered in every built-in envelope, whole bodies compared as JSON values.

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, Output, SuccessFlag};
use apierror::{ApiError, Context, ErrorResponder, Problem};
use serde_json::{Value, json};

#[derive(Debug, ApiError)]
#[api(type_base = "https://docs.example.com/errors/")]
pub enum QuotaError {
    /// Usage limit reached for the current plan.
    #[api(
        status = 429,
        retry_after = 60,
        detail = "{usage_type} limit reached for your plan.",
        resolve(
            message = "Upgrade your plan.",
            url = "https://app.example.com/billing",
            action = "select_plan"
        )
    )]
    UsageLimitExceeded {
        usage_type: String,
        current: u32,
        limit: u32,
    },

    #[api(status = 404)]
    NotFound,
}

fn error() -> QuotaError {
    QuotaError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
    }
}

fn cx() -> Context<'static> {
    Context::new()
        .with_request_id("req_7Hq")
        .with_instance("/v1/score")
        .with_version("v1")
}

fn render(envelope: &dyn Envelope, error: &dyn ApiError) -> Value {
    let mut out = Vec::new();
    envelope.render(error, &cx(), &mut Output::new(&mut out)).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn problem_details() {
    assert_eq!(
        render(&Problem::new(), &error()),
        json!({
            "type": "https://docs.example.com/errors/USAGE_LIMIT_EXCEEDED",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Scoring limit reached for your plan.",
            "instance": "/v1/score",
            "code": "USAGE_LIMIT_EXCEEDED",
            "resolve": {"message": "Upgrade your plan.", "url": "https://app.example.com/billing", "action": "select_plan"},
            "usage_type": "Scoring",
            "current": 5,
            "limit": 5,
        })
    );
    assert_eq!(
        render(&Problem::new(), &QuotaError::NotFound),
        json!({
            "type": "https://docs.example.com/errors/NOT_FOUND",
            "title": "Not Found",
            "status": 404,
            "instance": "/v1/score",
            "code": "NOT_FOUND",
        })
    );
}

#[test]
fn code_message() {
    assert_eq!(
        render(&CodeMessage, &error()),
        json!({
            "code": "USAGE_LIMIT_EXCEEDED",
            "message": "Scoring limit reached for your plan.",
            "details": {"usage_type": "Scoring", "current": 5, "limit": 5},
        })
    );
    assert_eq!(
        render(&CodeMessage, &QuotaError::NotFound),
        json!({"code": "NOT_FOUND", "message": "Not Found"})
    );
}

#[test]
fn error_code() {
    assert_eq!(
        render(&ErrorString, &error()),
        json!({
            "error": "Scoring limit reached for your plan.",
            "code": "USAGE_LIMIT_EXCEEDED",
            "details": {"usage_type": "Scoring", "current": 5, "limit": 5},
        })
    );
}

#[test]
fn success_flag() {
    assert_eq!(
        render(&SuccessFlag, &error()),
        json!({
            "success": false,
            "error": {
                "code": "USAGE_LIMIT_EXCEEDED",
                "message": "Scoring limit reached for your plan.",
                "details": {"usage_type": "Scoring", "current": 5, "limit": 5},
            },
            "meta": {"request_id": "req_7Hq", "version": "v1"},
        })
    );
    let mut out = Vec::new();
    SuccessFlag
        .render(&QuotaError::NotFound, &Context::new(), &mut Output::new(&mut out))
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&out).unwrap(),
        json!({"success": false, "error": {"code": "NOT_FOUND", "message": "Not Found"}, "meta": {}})
    );
}

#[test]
fn google_aip_193() {
    assert_eq!(
        render(&GoogleRpc::new("example.com"), &error()),
        json!({
            "error": {
                "code": 429,
                "message": "Scoring limit reached for your plan.",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "USAGE_LIMIT_EXCEEDED",
                        "domain": "example.com",
                        "metadata": {"usageType": "Scoring", "current": "5", "limit": "5"},
                    },
                    {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "60s"},
                    {
                        "@type": "type.googleapis.com/google.rpc.Help",
                        "links": [{"description": "Upgrade your plan.", "url": "https://app.example.com/billing"}],
                    },
                ],
            }
        })
    );
    assert_eq!(
        render(&GoogleRpc::new("example.com"), &QuotaError::NotFound),
        json!({"error": {"code": 404, "message": "Not Found", "status": "NOT_FOUND", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "NOT_FOUND", "domain": "example.com"},
        ]}})
    );
}

#[test]
fn json_api() {
    assert_eq!(
        render(&JsonApi, &error()),
        json!({
            "errors": [{
                "id": "req_7Hq",
                "status": "429",
                "code": "USAGE_LIMIT_EXCEEDED",
                "title": "Too Many Requests",
                "detail": "Scoring limit reached for your plan.",
                "links": {"type": "https://docs.example.com/errors/USAGE_LIMIT_EXCEEDED"},
                "meta": {"usage_type": "Scoring", "current": 5, "limit": 5},
            }]
        })
    );
}

#[test]
fn content_types() {
    let types: Vec<&str> = [
        &Problem::new() as &dyn Envelope,
        &CodeMessage,
        &ErrorString,
        &SuccessFlag,
        &GoogleRpc::new("example.com"),
        &JsonApi,
    ]
    .iter()
    .map(|e| e.content_type())
    .collect();
    assert_eq!(
        types,
        [
            "application/problem+json",
            "application/json",
            "application/json",
            "application/json",
            "application/json",
            "application/vnd.api+json"
        ]
    );
    let response = ErrorResponder::new(JsonApi).response(&error(), &cx());
    assert_eq!(response.headers()["content-type"], "application/vnd.api+json");
}

/// A field whose `Serialize` fails: the body is rendered without fields, never half-written.
#[derive(Debug, ApiError)]
#[api(status = 400, detail = "bad lookup")]
struct BadField {
    lookup: std::collections::BTreeMap<(u8, u8), u8>,
}

#[test]
fn failing_field_falls_back_to_a_body_without_fields() {
    let err = BadField {
        lookup: [((1, 2), 3)].into_iter().collect(),
    };
    let responder = ErrorResponder::new(CodeMessage);
    let mut out = Vec::new();
    assert!(responder.render(&err, &Context::new(), &mut out).is_err());
    assert_eq!(
        serde_json::from_slice::<Value>(&out).unwrap(),
        json!({"code": "BAD_FIELD", "message": "bad lookup"})
    );
    let response = responder.response(&err, &Context::new());
    assert_eq!(response.status(), 400);
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({"code": "BAD_FIELD", "message": "bad lookup"})
    );
}

/// Issue 21.4: a framework error's location reaches the client in every envelope, each in its
/// own idiom; bodies compared whole.
#[test]
fn framework_error_locations_in_every_envelope() {
    use apierror::{FrameworkError, FrameworkErrors, FrameworkKind};

    let framework = FrameworkErrors::new();
    let at_member = FrameworkError::new(FrameworkKind::InvalidJson, &framework)
        .with_detail("invalid type: string \"x\", expected u32")
        .with_pointer("/lines/1/count");
    let at_parameter = FrameworkError::new(FrameworkKind::InvalidQuery, &framework)
        .with_detail("invalid digit found in string")
        .with_parameter("limit");
    let bare = Context::new();
    let body = |envelope: &dyn Envelope, error: &FrameworkError| {
        let mut out = Vec::new();
        envelope.render(error, &bare, &mut Output::new(&mut out)).unwrap();
        serde_json::from_slice::<Value>(&out).unwrap()
    };
    let detail = "invalid type: string \"x\", expected u32";

    assert_eq!(
        body(&Problem::new(), &at_member),
        json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": detail,
               "code": "INVALID_JSON", "errors": [{"detail": detail, "pointer": "#/lines/1/count"}]})
    );
    assert_eq!(
        body(&Problem::new(), &at_parameter)["errors"],
        json!([{"detail": "invalid digit found in string", "parameter": "limit"}])
    );
    assert_eq!(
        body(&CodeMessage, &at_member),
        json!({"code": "INVALID_JSON", "message": detail, "details": {"pointer": "/lines/1/count"}})
    );
    assert_eq!(
        body(&ErrorString, &at_parameter),
        json!({"error": "invalid digit found in string", "code": "INVALID_QUERY", "details": {"parameter": "limit"}})
    );
    assert_eq!(
        body(&SuccessFlag, &at_parameter),
        json!({"success": false, "error": {"code": "INVALID_QUERY", "message": "invalid digit found in string",
               "details": {"parameter": "limit"}}, "meta": {}})
    );
    assert_eq!(
        body(&GoogleRpc::new("example.com"), &at_member),
        json!({"error": {"code": 422, "message": detail, "status": "FAILED_PRECONDITION", "details": [
            {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INVALID_JSON", "domain": "example.com"},
            {"@type": "type.googleapis.com/google.rpc.BadRequest",
             "fieldViolations": [{"field": "lines[1].count", "description": detail}]},
        ]}})
    );
    assert_eq!(
        body(&GoogleRpc::new("example.com"), &at_parameter)["error"]["details"][1]["fieldViolations"],
        json!([{"field": "limit", "description": "invalid digit found in string"}])
    );
    assert_eq!(
        body(&JsonApi, &at_member)["errors"][0]["source"],
        json!({"pointer": "/lines/1/count"})
    );
    // The order the members are written in, as text: the location last, after the fields.
    let mut out = Vec::new();
    Problem::new()
        .render(&at_parameter, &bare, &mut Output::new(&mut out))
        .unwrap();
    assert!(String::from_utf8(out).unwrap().ends_with(
        r#""code":"INVALID_QUERY","errors":[{"detail":"invalid digit found in string","parameter":"limit"}]}"#
    ));
}
