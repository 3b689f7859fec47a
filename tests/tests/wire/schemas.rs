//! Every OpenAPI document the crate writes describes its own examples: each example validates
//! against its response's schema under a strict JSON Schema 2020-12 validator (formats asserted,
//! `additionalProperties`/`unevaluatedProperties` honoured), for every built-in envelope.

use apierror::Problem;
use apierror::docs::ServiceCatalog;

#[path = "../../../runtime/examples/service/mod.rs"]
mod service;
use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, SuccessFlag};
use apierror_tests::http_service::{HttpApiError, LegacyError};
use apierror_tests::seeds::{Seed000, Seed001, Seed002, Seed003, Seed004};
use serde_json::{Value, json};

fn envelopes() -> Vec<(&'static str, Box<dyn Envelope>)> {
    vec![
        ("Problem", Box::new(Problem::new())),
        (
            "Problem error_code",
            Box::new(Problem::new().with_code_member("error_code")),
        ),
        ("CodeMessage", Box::new(CodeMessage)),
        ("ErrorString", Box::new(ErrorString)),
        ("SuccessFlag", Box::new(SuccessFlag)),
        ("GoogleRpc", Box::new(GoogleRpc::new("example.com"))),
        ("JsonApi", Box::new(JsonApi)),
    ]
}

fn services() -> Vec<ServiceCatalog> {
    vec![
        ServiceCatalog::new("seed 000").with::<Seed000>(),
        ServiceCatalog::new("seed 001").with::<Seed001>(),
        ServiceCatalog::new("seed 002").with::<Seed002>(),
        ServiceCatalog::new("seed 003").with::<Seed003>(),
        ServiceCatalog::new("seed 004").with::<Seed004>(),
        ServiceCatalog::new("http")
            .with::<HttpApiError>()
            .with::<LegacyError>(),
    ]
}

/// A validator for the schema at `pointer` inside `document`, with `$ref`s resolved against the
/// document itself.
fn validator(document: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = document.clone();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    // The schema under test, as the root's own keywords; `$ref`s point into the document.
    if let (Some(root), Some(schema)) = (root.as_object_mut(), schema.as_object()) {
        for (key, value) in schema {
            root.insert(key.clone(), value.clone());
        }
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .expect("a valid JSON Schema")
}

/// `value`, or what its `$ref` points at in `document` (examples are shared components).
fn resolved<'a>(document: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(target) => document
            .pointer(target.trim_start_matches('#'))
            .expect("a $ref into the document"),
        None => value,
    }
}

/// Validates every example of every response in `responses` (`{name: response}`).
fn check_examples(document: &Value, responses: &serde_json::Map<String, Value>, what: &str) -> usize {
    let mut checked = 0;
    for (status, response) in responses {
        for (content_type, media) in response["content"].as_object().expect("content") {
            let validator = validator(document, &media["schema"]);
            // The generic `Error` response has no examples: it is for codes the document lists nowhere.
            let Some(examples) = media["examples"].as_object() else {
                continue;
            };
            for (code, example) in examples {
                let value = &resolved(document, example)["value"];
                let errors: Vec<String> = validator
                    .iter_errors(value)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{what}: {status} {content_type} example {code} does not validate:\n{}\n{value:#}",
                    errors.join("\n")
                );
                checked += 1;
            }
        }
    }
    checked
}

/// A status's schema admits its own codes only: no example of one status validates against
/// another status's schema of the same content type.
fn exclusive(document: &Value, responses: &serde_json::Map<String, Value>, what: &str) {
    for (status, response) in responses {
        for (content_type, media) in response["content"].as_object().expect("content") {
            for (other, other_response) in responses {
                let Some(other_media) = other_response["content"].get(content_type) else {
                    continue;
                };
                if other == status || other == "Error" || status == "Error" {
                    continue;
                }
                let validator = validator(document, &other_media["schema"]);
                for (code, example) in media["examples"].as_object().into_iter().flatten() {
                    assert!(
                        !validator.is_valid(&resolved(document, example)["value"]),
                        "{what}: {code} of {status} is admitted by {other}'s schema"
                    );
                }
            }
        }
    }
}

/// A code added after the document was written still validates at every status (as the
/// generic `UnknownError`), so a client generated today reads it. (AIP-193 bodies carry the
/// code as `reason` in `details`; they have no such member.)
fn added_later(document: &Value, responses: &serde_json::Map<String, Value>, what: &str) {
    fn renamed(value: &mut Value, code: &str) {
        match value {
            Value::String(text) if text == code => *text = "ADDED_LATER".to_owned(),
            Value::Object(object) => object.values_mut().for_each(|v| renamed(v, code)),
            Value::Array(items) => items.iter_mut().for_each(|v| renamed(v, code)),
            _ => {}
        }
    }
    for (status, response) in responses {
        for (content_type, media) in response["content"].as_object().expect("content") {
            let Some((code, example)) = media["examples"].as_object().and_then(|e| e.iter().next()) else {
                continue;
            };
            let mut body = resolved(document, example)["value"].clone();
            renamed(&mut body, code);
            let validator = validator(document, &media["schema"]);
            assert!(
                validator.is_valid(&body),
                "{what}: {status} {content_type} does not admit a code added later:\n{body:#}"
            );
        }
    }
}

#[test]
fn every_example_validates_against_its_schema_in_every_envelope() {
    let mut checked = 0;
    for service in services() {
        for (name, envelope) in envelopes() {
            let document = service.openapi(&*envelope);
            assert_eq!(document["paths"], json!({}), "{name}");
            let responses = document["components"]["responses"]
                .as_object()
                .expect("responses");
            checked += check_examples(&document, responses, &format!("{} in {name}", service.title()));
            exclusive(&document, responses, &format!("{} in {name}", service.title()));
            if name != "GoogleRpc" {
                added_later(&document, responses, &format!("{} in {name}", service.title()));
            }
        }
    }
    // 5 seeds and the HTTP service, 7 envelopes: every code of each.
    assert!(checked > 500, "{checked}");
}

#[test]
fn a_wrong_example_is_caught() {
    // The check itself can fail: a body with a member the shape does not have, or a wrong type.
    let service = ServiceCatalog::new("http").with::<HttpApiError>();
    for (name, envelope) in envelopes() {
        let document = service.openapi(&*envelope);
        let schema = &document["components"]["schemas"]["Error"];
        let validator = validator(&document, schema);
        let wrong = match name {
            "Problem" | "Problem error_code" => json!({"type": "about:blank", "title": 5, "status": 402}),
            "CodeMessage" => json!({"code": "RATE_LIMITED", "message": "m", "extra": 1}),
            "ErrorString" => json!({"error": 5, "code": "NO_SUCH_CODE"}),
            "SuccessFlag" => {
                json!({"success": true, "error": {"code": "RATE_LIMITED", "message": "m"}, "meta": {}})
            }
            "GoogleRpc" => json!({"error": {"code": 429, "message": "m", "status": "RESOURCE_EXHAUSTED",
                "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "soon"}]}}),
            _ => json!({"errors": [{"status": "429", "unknown": true}]}),
        };
        assert!(!validator.is_valid(&wrong), "{name} accepted {wrong}");
    }
}

#[test]
fn utoipa_responses_validate_their_examples_too() {
    let mut checked = 0;
    for (name, envelope) in envelopes() {
        let responses = apierror::utoipa::responses::<Seed002>(&*envelope);
        // Every status arrives: a response utoipa's model could not hold would be left out.
        let statuses: std::collections::BTreeSet<u16> = <Seed002 as apierror::Catalog>::entries()
            .iter()
            .map(|e| e.status().as_u16())
            .collect();
        assert_eq!(responses.len(), statuses.len(), "utoipa in {name}");
        let responses: serde_json::Map<String, Value> = responses
            .into_iter()
            .map(|(status, response)| (status, serde_json::to_value(response).expect("serializable")))
            .collect();
        checked += check_examples(&json!({}), &responses, &format!("utoipa in {name}"));
    }
    assert!(checked > 50, "{checked}");
}

/// The member schemas, parsed back out of the document: a nested struct, a list of structs, an
/// `Option`, an enum, each where its envelope puts it.
#[test]
fn member_schemas_are_in_the_document() {
    use apierror_tests::schemas::BillingError;

    let service = ServiceCatalog::new("described").with_schemas::<BillingError>();
    let document = service.openapi(&Problem::new());
    // The one code at 402, and a code the document does not list.
    assert_eq!(
        document["components"]["responses"]["Error402"]["content"]["application/problem+json"]["schema"]["oneOf"],
        json!([{"$ref": "#/components/schemas/QuotaReached"}, {"$ref": "#/components/schemas/UnknownError"}])
    );
    let quota = &document["components"]["schemas"]["QuotaReached"];
    assert_eq!(
        quota["properties"]["code"],
        json!({"type": "string", "const": "quota_reached"})
    );
    let properties = &quota["properties"];
    assert_eq!(
        properties["usage"]["properties"]["quota"]["properties"]["limit"]["type"],
        "integer"
    );
    assert_eq!(properties["quotas"]["type"], "array");
    assert_eq!(
        properties["quotas"]["items"]["required"],
        json!(["meter", "limit"])
    );
    assert_eq!(properties["hint"]["type"], json!(["string", "null"]));
    // A documented enum: one `const` per variant, with its doc comment.
    let plans: Vec<&Value> = properties["plan"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| &v["const"])
        .collect();
    assert_eq!(plans, [&json!("free"), &json!("pro")]);
    let required: Vec<&str> = quota["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        required.contains(&"usage") && required.contains(&"hint"),
        "{required:?}"
    );
    // The example fills the struct in and shows one item of the list.
    let shared = &document["components"]["responses"]["Error402"]["content"]["application/problem+json"]["examples"]
        ["quota_reached"];
    assert_eq!(shared, &json!({"$ref": "#/components/examples/QuotaReached"}));
    let example = &document["components"]["examples"]["QuotaReached"]["value"];
    assert_eq!(example["usage"]["quota"], json!({"meter": "string", "limit": 0}));
    assert_eq!(example["quotas"], json!([{"meter": "string", "limit": 0}]));
    assert_eq!(example["plan"], "free");
    // In `{code, message, details}` the members are `details`, closed.
    let document = service.openapi(&CodeMessage);
    let details = &document["components"]["schemas"]["QuotaReached"]["properties"]["details"];
    assert_eq!(details["additionalProperties"], false);
    assert_eq!(
        details["properties"]["quotas"]["items"]["properties"]["meter"]["type"],
        "string"
    );
    // A member left out when absent is not required.
    let document = ServiceCatalog::new("a")
        .with_schemas::<apierror_tests::schemas::AccountError>()
        .openapi(&CodeMessage);
    let schema = &document["components"]["responses"]["Error423"]["content"]["application/json"]["schema"];
    let name = schema["$ref"]
        .as_str()
        .or(schema["oneOf"][0]["$ref"].as_str())
        .expect("a $ref");
    let locked = &document
        .pointer(name.trim_start_matches('#'))
        .expect("the code's schema")["properties"]["details"];
    assert_eq!(locked["required"], json!([]));
}
