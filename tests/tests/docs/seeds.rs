//! Each seed catalog, declared as a derived enum (`apierror_tests::seeds`), reproduces what the
//! provider documents: bodies compared as JSON values with the seed's own examples, headers,
//! statuses, codes, categories, descriptions, retry guidance and resolutions.

use std::collections::BTreeSet;
use std::time::Duration;

use apierror::envelope::{CodeMessage, ErrorString, SuccessFlag};
use apierror::{ApiError, ApiErrorExt, Catalog, Context, ErrorResponder, Problem, RateLimit, Retry};
use apierror_tests::seeds::{Seed000, Seed001, Seed002, Seed003, Seed004};
use apierror_tests::{json_blocks, seed, seed_004_rows};
use serde_json::{Value, json};

fn body(response: &http::Response<Vec<u8>>) -> Value {
    serde_json::from_slice(response.body()).expect("body is JSON")
}

fn header<'a>(response: &'a http::Response<Vec<u8>>, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

/// Seed 000: every row of the table, in order: code, status, Yes/No, description, resolution.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_000_catalog_table() {
    let text = seed("000");
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|line| line.split('|').map(|cell| cell.trim().to_owned()).collect())
        .collect();
    assert_eq!(rows.len(), 19);
    let ours: Vec<Vec<String>> = Seed000::entries()
        .iter()
        .map(|e| {
            vec![
                e.code().to_owned(),
                e.status().as_str().to_owned(),
                if e.retry().is_retryable() { "Yes" } else { "No" }.to_owned(),
                e.description().unwrap().to_owned(),
                e.resolve()
                    .and_then(apierror::Resolve::message)
                    .unwrap()
                    .to_owned(),
                String::new(),
            ]
        })
        .collect();
    assert_eq!(ours, rows);
    assert_eq!(
        Seed000::ScoringRateLimited.retry_after(),
        Some(Duration::from_secs(60))
    );
}

/// Seed 001: codes and descriptions by category, in the seed's order.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_001_codes_by_category() {
    let text = seed("001");
    let listing = text.split("Error codes by category\n").nth(1).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    let mut expected = Vec::new();
    let mut category = "";
    let mut i = 0;
    while i < lines.len() {
        let is_code = !lines[i].is_empty() && lines[i].chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if is_code {
            expected.push((category.to_owned(), lines[i].to_owned(), lines[i + 1].to_owned()));
            i += 2;
        } else {
            category = lines[i];
            i += 1;
        }
    }
    let ours: Vec<_> = Seed001::entries()
        .iter()
        .map(|e| {
            (
                e.category().unwrap().to_owned(),
                e.code().to_owned(),
                e.description().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(ours, expected);
}

/// Seed 001: problem details with `error_code` and `resolve`, members exactly as documented.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_001_problem_details() {
    let responder = ErrorResponder::new(Problem::new().with_code_member("error_code"));
    let response = responder.response(&Seed001::NoActivePlan, &Context::new());
    assert_eq!(response.status(), 402);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    let problem = body(&response);
    assert_eq!(
        problem,
        json!({
            "type": "https://docs.example.com/errors/no_active_plan",
            "title": "Payment Required",
            "status": 402,
            "detail": "Select a billing plan to continue.",
            "error_code": "no_active_plan",
            "resolve": {
                "message": "Select a billing plan to continue.",
                "url": "https://app.example.com/billing",
                "action": "select_plan",
                "method": "POST",
                "endpoint": "/billing/checkout",
            },
        })
    );

    // The member names are the ones the seed's field tables document, no more, no fewer.
    let text = seed("001");
    let documented = |section: &str, end: &str| -> BTreeSet<String> {
        let part = text.split(section).nth(1).unwrap().split(end).next().unwrap();
        part.lines()
            .filter_map(|l| l.split_once(" | ").map(|(name, _)| name.trim().to_owned()))
            .filter(|name| name != "| Field")
            .collect()
    };
    let mut members = documented("Standard fields (RFC 9457)", "Extension fields");
    members.extend(documented("Extension fields", "Resolve object"));
    let keys: BTreeSet<String> = problem.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, members);
    let resolve_members = documented("Resolve object", "Handling errors");
    let resolve_keys: BTreeSet<String> = problem["resolve"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(resolve_keys, resolve_members);

    // Absent resolve parts are omitted, and a field becomes an extension member.
    let response = responder.response(&Seed001::SpendLimitExceeded { cap_usd: 500 }, &Context::new());
    assert_eq!(
        body(&response),
        json!({
            "type": "https://docs.example.com/errors/spend_limit_exceeded",
            "title": "Payment Required",
            "status": 402,
            "detail": "Monthly budget cap of 500 USD reached.",
            "error_code": "spend_limit_exceeded",
            "resolve": {"message": "Raise the spend limit.", "action": "raise_spend_limit",
                        "method": "PUT", "endpoint": "/billing/spend-limit"},
            "cap_usd": 500,
        })
    );
}

/// Seed 002: every example body (13 statuses), compared as JSON values with the seed's own.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_002_every_example_body() {
    let text = seed("002");
    let blocks = json_blocks(&text);
    // The first block is the format description; the rest are one example per status.
    let examples: Vec<(u16, Value)> = blocks[1..]
        .iter()
        .map(|(at, value)| {
            let heading = text[..*at]
                .lines()
                .rev()
                .find(|l| l.len() > 4 && l[..3].parse::<u16>().is_ok())
                .unwrap();
            (heading[..3].parse().unwrap(), value.clone())
        })
        .collect();
    let statuses: Vec<u16> = examples.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        statuses,
        [400, 401, 402, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503]
    );

    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(Seed002::InvalidStatusTransition {
            from: "suggested".into(),
            to: "implemented".into(),
            valid: "accepted, rejected".into(),
        }),
        Box::new(Seed002::Unauthorized),
        Box::new(Seed002::UsageLimitExceeded {
            usage_label: "Synthesis".into(),
            usage_type: "synthesis".into(),
            current: 3,
            limit: 3,
            plan: "trial".into(),
            upgrade_required: true,
        }),
        Box::new(Seed002::Forbidden),
        Box::new(Seed002::NotFound {
            workspace_id: "550e8400-e29b-41d4-a716-446655440000".into(),
        }),
        Box::new(Seed002::SynthesisInProgress),
        Box::new(Seed002::FileTooLarge(150)),
        Box::new(Seed002::UnsupportedFileType),
        Box::new(Seed002::SourcesNotReady(
            2,
            "User Interviews, Support Logs".into(),
        )),
        Box::new(Seed002::RateLimitExceeded { retry_after: 12 }),
        Box::new(Seed002::SynthesisFailed {
            reason: "Agent timed out after 300 seconds".into(),
            cause: std::io::Error::other("worker 7 panicked: db password=hunter2"),
        }),
        Box::new(Seed002::BadGateway {
            provider: "Stripe",
            upstream_body: "{\"error\":\"sk_live_51H secret\"}".into(),
        }),
        Box::new(Seed002::AgentNotConfigured),
    ];
    let responder = ErrorResponder::new(CodeMessage);
    for (error, (status, expected)) in errors.iter().zip(&examples) {
        let response = responder.response(error.as_ref(), &Context::new());
        assert_eq!(response.status().as_u16(), *status, "{}", error.code());
        assert_eq!(header(&response, "content-type"), Some("application/json"));
        assert_eq!(&body(&response), expected, "{}", error.code());
    }

    let limited = responder.response(&Seed002::RateLimitExceeded { retry_after: 12 }, &Context::new());
    assert_eq!(header(&limited, "retry-after"), Some("12"));
    assert_eq!(header(&limited, "cache-control"), Some("no-store"));
    let unauthorized = responder.response(&Seed002::Unauthorized, &Context::new());
    assert_eq!(header(&unauthorized, "www-authenticate"), Some("Bearer"));
}

/// Seed 003: codes with their descriptions and resolutions as the seed prints them, the
/// `{error, code, details}` envelope, and the `X-RateLimit-*` headers with the seed's values.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_003_envelope_and_rate_limit_headers() {
    let text = seed("003");
    for entry in Seed003::entries() {
        // The seed's tables print each row's cells with nothing between them.
        let row = format!(
            "{}{}{}",
            entry.code(),
            entry.description().unwrap(),
            entry.resolve().and_then(apierror::Resolve::message).unwrap()
        );
        assert!(text.lines().any(|l| l == row), "row {row:?} is in the seed");
        let category = entry.category().unwrap();
        let heading = text[..text.find(&row).unwrap()]
            .lines()
            .rev()
            .find(|l| l.ends_with("Error Codes"))
            .unwrap();
        assert_eq!(heading, category, "{}", entry.code());
    }

    let header_value = |name: &str| -> u64 {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{name}: ")))
            .unwrap();
        line[name.len() + 2..].parse().unwrap()
    };
    let rate_limit = RateLimit::new(
        header_value("X-RateLimit-Limit"),
        header_value("X-RateLimit-Remaining"),
    )
    .with_reset_at(std::time::UNIX_EPOCH + std::time::Duration::from_secs(header_value("X-RateLimit-Reset")));
    let responder = ErrorResponder::new(ErrorString);
    let response = responder.response(
        &Seed003::RateLimitExceeded,
        &Context::new().with_rate_limit(rate_limit),
    );
    assert_eq!(response.status(), 429);
    assert_eq!(header(&response, "x-ratelimit-limit"), Some("100"));
    assert_eq!(header(&response, "x-ratelimit-remaining"), Some("95"));
    assert_eq!(header(&response, "x-ratelimit-reset"), Some("1706054400"));
    assert_eq!(
        body(&response),
        json!({"error": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED"})
    );

    let response = responder.response(
        &Seed003::InsufficientCredits {
            required: 40,
            available: 12,
        },
        &Context::new(),
    );
    assert_eq!(
        body(&response),
        json!({"error": "Payment Required", "code": "INSUFFICIENT_CREDITS", "details": {"required": 40, "available": 12}})
    );
    // The envelope's members are the seed's.
    let envelope_keys = ["error", "code", "details"];
    assert!(
        body(&response)
            .as_object()
            .unwrap()
            .keys()
            .all(|k| envelope_keys.contains(&k.as_str()))
    );
}

/// Seed 004: categories, codes, statuses and descriptions; the envelope with `meta` and the
/// `X-Request-Id` header.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_004_catalog_and_envelope() {
    let text = seed("004");
    let rows = seed_004_rows(&text);
    assert_eq!(rows.len(), 22);
    let ours: Vec<_> = Seed004::entries()
        .iter()
        .map(|e| {
            (
                e.category().unwrap().to_owned(),
                e.code().to_owned(),
                e.status().as_u16(),
                e.description().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(ours, rows);

    let cx = Context::new().with_request_id("a1b2c3d4e5f6").with_version("v1");
    let response = ErrorResponder::new(SuccessFlag).response(&Seed004::IdempotencyConflict, &cx);
    assert_eq!(response.status(), 409);
    assert_eq!(header(&response, "x-request-id"), Some("a1b2c3d4e5f6"));
    // The seed's own example envelope, with its placeholder code and message replaced by ours.
    let mut expected = json_blocks(&text)[0].1.clone();
    expected["error"]["code"] = json!("idempotency_conflict");
    expected["error"]["message"] = json!("Conflict");
    assert_eq!(body(&response), expected);

    let response = ErrorResponder::new(SuccessFlag).response(
        &Seed004::InvalidRequest {
            parameter: "grant_type".into(),
        },
        &cx,
    );
    assert_eq!(
        body(&response),
        json!({
            "success": false,
            "error": {"code": "invalid_request", "message": "Missing required parameter: grant_type."},
            "meta": {"request_id": "a1b2c3d4e5f6", "version": "v1"},
        })
    );
}

/// Seed 004: the retry guidance table, row by row, against each code's declared retry.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn seed_004_retry_guidance() {
    let text = seed("004");
    let guidance = apierror_tests::seed_004_retry_rows(&text);
    let row_for = |code: &str, status: u16| -> Retry {
        apierror_tests::seed_004_row_for(&guidance, code, status)
            .unwrap_or_else(|| panic!("a row for {code} ({status})"))
            .1
    };
    for entry in Seed004::entries() {
        assert_eq!(
            entry.retry(),
            row_for(entry.code(), entry.status().as_u16()),
            "{}",
            entry.code()
        );
    }
}
