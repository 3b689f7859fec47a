//! Arbitrary strings in exposed fields, detail arguments and the request context, through every
//! envelope: the body always parses as JSON and holds exactly the values that went in; the
//! response never panics and never carries an unsafe header value.

use apierror::envelope::{CodeMessage, Envelope, ErrorString, GoogleRpc, JsonApi, SuccessFlag};
use apierror::{ApiError, Context, ErrorResponder, Problem, RateLimit};
use proptest::prelude::*;
use serde_json::Value;

#[derive(Debug, ApiError)]
enum PropError {
    #[api(status = 422, detail = "{name} failed: {why:?} / {why}")]
    Invalid {
        name: String,
        #[api(detail_only)]
        why: String,
        tags: Vec<String>,
    },
}

/// Where each envelope puts the detail, the `name` field and the request id.
fn locate(envelope: usize, body: &Value) -> (&Value, &Value, Option<&Value>) {
    match envelope {
        0 => (&body["detail"], &body["name"], None),
        1 => (&body["message"], &body["details"]["name"], None),
        2 => (&body["error"], &body["details"]["name"], None),
        3 => (
            &body["error"]["message"],
            &body["error"]["details"]["name"],
            Some(&body["meta"]["request_id"]),
        ),
        4 => (
            &body["error"]["message"],
            &body["error"]["details"][0]["metadata"]["name"],
            None,
        ),
        _ => (
            &body["errors"][0]["detail"],
            &body["errors"][0]["meta"]["name"],
            Some(&body["errors"][0]["id"]),
        ),
    }
}

fn safe_header(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_envelope_round_trips_arbitrary_strings(
        name in any::<String>(),
        why in any::<String>(),
        tags in proptest::collection::vec(any::<String>(), 0..3),
        request_id in any::<String>(),
        instance in any::<String>(),
        version in any::<String>(),
        remaining in any::<u64>(),
    ) {
        let err = PropError::Invalid { name: name.clone(), why: why.clone(), tags: tags.clone() };
        let cx = Context::new()
            .with_request_id(&request_id)
            .with_instance(&instance)
            .with_version(&version)
            .with_rate_limit(RateLimit::new(u64::MAX, remaining));
        let envelopes: [&dyn Envelope; 6] = [
            &Problem::new(), &CodeMessage, &ErrorString, &SuccessFlag, &GoogleRpc::new("example.com"), &JsonApi,
        ];
        let detail = format!("{name} failed: {why:?} / {why}");
        for (i, envelope) in envelopes.iter().enumerate() {
            let response = ErrorResponder::new(envelope).response(&err, &cx);
            let body: Value = serde_json::from_slice(response.body()).expect("valid JSON");
            let (got_detail, got_name, got_id) = locate(i, &body);
            prop_assert_eq!(got_detail.as_str(), Some(detail.as_str()));
            prop_assert_eq!(got_name.as_str(), Some(name.as_str()));
            if let Some(id) = got_id {
                prop_assert_eq!(id.as_str(), Some(request_id.as_str()));
            }
            match i {
                0 => prop_assert_eq!(body["instance"].as_str(), Some(instance.as_str())),
                1 => prop_assert_eq!(&body["details"]["tags"], &serde_json::json!(tags)),
                3 => prop_assert_eq!(body["meta"]["version"].as_str(), Some(version.as_str())),
                4 => {
                    let tags_json = serde_json::to_string(&tags).unwrap();
                    prop_assert_eq!(
                        body["error"]["details"][0]["metadata"]["tags"].as_str(),
                        Some(tags_json.as_str())
                    );
                }
                _ => {}
            }
            let echoed = response.headers().get("x-request-id");
            prop_assert_eq!(echoed.is_some(), safe_header(&request_id));
            if let Some(value) = echoed {
                prop_assert_eq!(value.to_str().unwrap(), request_id.as_str());
            }
            prop_assert_eq!(response.headers()["x-ratelimit-remaining"].to_str().unwrap(), remaining.to_string());
        }
    }
}
