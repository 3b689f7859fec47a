//! The client side without a server: unknown codes, retry decisions for every strategy and
//! header combination, the `{success, error, meta}` provider's retry table read as a client, and
//! agents' action calls.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use apierror::client::{Decoded, RemoteError, RetryDecision, RetryPolicy, StopReason};
use apierror::envelope::{Envelope, Output};
use apierror::http::{HeaderMap, HeaderValue, StatusCode};
use apierror::{ApiError, ApiErrorExt, Context, Problem, Retry};
use apierror_tests::client_service::{ServiceError, ShopError};
use serde_json::json;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

fn remote(status: u16, pairs: &[(&'static str, &str)], body: &str) -> RemoteError {
    RemoteError::from_response(
        StatusCode::from_u16(status).unwrap(),
        &headers(pairs),
        body.as_bytes(),
    )
}

#[test]
fn an_unknown_code_from_a_newer_server_keeps_everything() {
    let body = json!({
        "type": "https://docs.example.com/errors/SEAT_LIMIT", "title": "Payment Required", "status": 402,
        "detail": "All 5 seats are taken.", "instance": "/v2/seats", "code": "SEAT_LIMIT",
        "resolve": {"message": "Buy seats.", "action": "buy_seats", "method": "POST", "endpoint": "/billing/seats"},
        "seats": 5, "retry": "no",
    });
    let remote = remote(
        402,
        &[
            ("content-type", "application/problem+json"),
            ("x-request-id", "req-9"),
        ],
        &body.to_string(),
    );
    let Decoded::Unknown(remote) = remote.decode::<ServiceError>() else {
        panic!("SEAT_LIMIT is not in the client's catalog");
    };
    assert_eq!(remote.code(), Some("SEAT_LIMIT"));
    assert_eq!(remote.detail(), Some("All 5 seats are taken."));
    assert_eq!(remote.instance(), Some("/v2/seats"));
    assert_eq!(remote.request_id(), Some("req-9"));
    assert_eq!(remote.member::<u32>("seats"), Some(5));
    assert_eq!(remote.retry(), Some(Retry::No));
    let call = remote.resolve().unwrap().action_call().unwrap();
    assert_eq!(
        (
            call.action.as_deref(),
            call.method.as_str(),
            call.endpoint.as_str()
        ),
        (Some("buy_seats"), "POST", "/billing/seats")
    );
    assert_eq!(
        RetryPolicy::new().decide(&remote, None, 1),
        RetryDecision::Stop(StopReason::NotRetryable)
    );
}

#[test]
fn the_wire_retry_member_reaches_a_client_without_the_enum() {
    #[derive(Debug, ApiError)]
    enum Payments {
        #[api(status = 409, retry = "new_key")]
        IdempotencyConflict,
    }
    let mut body = Vec::new();
    Problem::new()
        .with_retry_member()
        .render(
            &Payments::IdempotencyConflict,
            &Context::new(),
            &mut Output::new(&mut body),
        )
        .unwrap();
    let remote = RemoteError::from_response(
        StatusCode::CONFLICT,
        &headers(&[("content-type", "application/problem+json")]),
        &body,
    );
    assert_eq!(remote.retry(), Some(Retry::NewKey));
    assert!(matches!(
        RetryPolicy::new().decide(&remote, None, 1),
        RetryDecision::RetryWithNewKey { .. }
    ));
}

fn decide(
    status: u16,
    pairs: &[(&'static str, &str)],
    known: Option<Retry>,
    attempt: u32,
    now: SystemTime,
) -> RetryDecision {
    let remote = remote(status, pairs, "");
    RetryPolicy::new().decide_at(&remote, known, attempt, now)
}

#[test]
fn retry_decisions_for_each_strategy_and_header() {
    let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let retry_after = |after| RetryDecision::Retry { after };
    // Retry-After as seconds, as an HTTP-date ahead, as one already past, and zero.
    assert_eq!(
        decide(503, &[("retry-after", "30")], None, 1, now),
        retry_after(Duration::from_secs(30))
    );
    let ahead = httpdate::fmt_http_date(now + Duration::from_secs(45));
    assert_eq!(
        decide(429, &[("retry-after", &ahead)], None, 1, now),
        retry_after(Duration::from_secs(45))
    );
    let past = httpdate::fmt_http_date(now - Duration::from_secs(45));
    assert_eq!(
        decide(429, &[("retry-after", &past)], None, 1, now),
        retry_after(Duration::ZERO)
    );
    assert_eq!(
        decide(429, &[("retry-after", "0")], None, 1, now),
        retry_after(Duration::ZERO)
    );
    // The rate limit's reset when there is no Retry-After: in seconds, and one already passed.
    assert_eq!(
        decide(429, &[("ratelimit", "\"default\";r=0;t=12")], None, 1, now),
        retry_after(Duration::from_secs(12))
    );
    assert_eq!(
        decide(429, &[("x-ratelimit-reset", "7")], None, 1, now),
        retry_after(Duration::from_secs(7))
    );
    assert_eq!(
        decide(429, &[("x-ratelimit-reset", "1000000000")], None, 1, now),
        retry_after(Duration::ZERO)
    );
    // A wait longer than the policy allows stops.
    assert_eq!(
        decide(503, &[("retry-after", "86400")], None, 1, now),
        RetryDecision::Stop(StopReason::WaitTooLong(Duration::from_secs(86_400)))
    );
    // No delay given: backoff with full jitter, within its ceiling (200 ms * 2^(attempt-1)).
    for attempt in 1..4 {
        let RetryDecision::Retry { after } = decide(500, &[], None, attempt, now) else {
            panic!("500 backs off")
        };
        assert!(
            after <= Duration::from_millis(200) * (1 << (attempt - 1)),
            "{after:?}"
        );
    }
    // Attempts are bounded.
    assert_eq!(
        decide(500, &[], None, 4, now),
        RetryDecision::Stop(StopReason::AttemptsExhausted)
    );
    // Strategies the client knows from its catalog win over the status.
    assert_eq!(
        decide(401, &[], Some(Retry::AfterReauth), 1, now),
        RetryDecision::Reauthenticate
    );
    assert_eq!(
        decide(400, &[], None, 1, now),
        RetryDecision::Stop(StopReason::NotRetryable)
    );
    assert_eq!(
        decide(503, &[("retry-after", "5")], Some(Retry::No), 1, now),
        RetryDecision::Stop(StopReason::NotRetryable)
    );
    assert!(matches!(
        decide(409, &[], Some(Retry::NewKey), 1, now),
        RetryDecision::RetryWithNewKey { .. }
    ));
    assert_eq!(
        decide(502, &[], Some(Retry::Yes), 1, now),
        retry_after(Duration::ZERO)
    );
    assert_eq!(
        decide(503, &[], Some(Retry::Later), 1, now),
        retry_after(Duration::from_secs(60))
    );
    assert!(matches!(
        decide(429, &[], Some(Retry::AfterDelay), 1, now),
        RetryDecision::Retry { .. }
    ));
}

#[test]
fn a_typed_decode_feeds_the_policy() {
    let sent = ServiceError::Shop(ShopError::QuotaReached {
        quotas: vec![],
        plan: None,
    });
    let response = apierror::ErrorResponder::default().response(&sent, &Context::new());
    let remote = RemoteError::from_response(response.status(), response.headers(), response.body());
    let known = match remote.clone().decode::<ServiceError>() {
        Decoded::Known(error) => error.retry(),
        Decoded::Unknown(_) => panic!("decodable"),
    };
    assert_eq!(known, Retry::AfterDelay);
    assert_eq!(
        RetryPolicy::new().decide(&remote, Some(known), 1),
        RetryDecision::Retry {
            after: Duration::from_secs(30)
        }
    );
}

#[test]
fn agents_get_only_paths_on_the_same_service() {
    let with = |method: Option<&str>, endpoint: &str| {
        let body = json!({"type": "about:blank", "title": "x", "status": 402, "code": "X",
            "resolve": {"method": method, "endpoint": endpoint}});
        let remote = remote(402, &[], &body.to_string());
        remote
            .resolve()
            .and_then(apierror::client::RemoteResolve::action_call)
    };
    assert_eq!(with(Some("POST"), "/billing/checkout").unwrap().method, "POST");
    assert_eq!(with(None, "/billing").unwrap().method, "GET");
    for bad in [
        "https://evil.example/x",
        "//evil.example/x",
        "billing",
        "/has space",
        "/javascript://x",
    ] {
        assert!(with(Some("POST"), bad).is_none(), "{bad}");
    }
    assert!(with(Some("NOT A METHOD"), "/billing").is_none());
}

/// The `{success, error, meta}` provider's retry-guidance table, read as a client reads it: for
/// each row, a response of that kind (every code of the catalog whose status the row covers), and
/// the decision a client that knows the catalog makes from it.
#[test]
#[cfg_attr(not(seeds), ignore = "needs ../shared/seeds beside the repository")]
fn the_providers_retry_table_as_a_client_reads_it() {
    use apierror::Entry;
    use apierror::envelope::SuccessFlag;
    use apierror_tests::seeds::Seed004;
    use apierror_tests::{seed, seed_004_retry_rows, seed_004_row_for};

    /// A response of an entry's kind, its fields aside.
    struct Of(&'static Entry);
    impl ApiError for Of {
        fn entry(&self) -> &'static Entry {
            self.0
        }
    }

    let rows = seed_004_retry_rows(&seed("004"));
    let mut exercised = std::collections::BTreeSet::new();
    for entry in <Seed004 as apierror::Catalog>::entries() {
        let Some((row, guidance)) = seed_004_row_for(&rows, entry.code(), entry.status().as_u16()) else {
            continue;
        };
        exercised.insert(row.clone());
        let mut body = Vec::new();
        SuccessFlag
            .render(&Of(entry), &Context::new(), &mut Output::new(&mut body))
            .unwrap();
        // A rate-limited response says when the window resets, as the provider's table asks.
        let remote = remote(
            entry.status().as_u16(),
            &[("content-type", "application/json"), ("x-ratelimit-reset", "30")],
            std::str::from_utf8(&body).unwrap(),
        );
        let known = <Seed004 as apierror::Catalog>::entries()
            .iter()
            .find(|e| remote.is_code(e.code()))
            .map(Entry::retry);
        let decision = RetryPolicy::new().decide(&remote, known, 1);
        let expected = match guidance {
            Retry::No => matches!(decision, RetryDecision::Stop(StopReason::NotRetryable)),
            Retry::AfterReauth => decision == RetryDecision::Reauthenticate,
            Retry::NewKey => matches!(decision, RetryDecision::RetryWithNewKey { .. }),
            Retry::AfterDelay => {
                decision
                    == RetryDecision::Retry {
                        after: Duration::from_secs(30),
                    }
            }
            Retry::Backoff | Retry::Later => matches!(decision, RetryDecision::Retry { .. }),
            _ => false,
        };
        assert!(
            expected,
            "{} under row {row:?} ({guidance}): the client decided {decision:?}",
            entry.code()
        );
    }
    assert_eq!(
        exercised.len(),
        rows.len(),
        "every row has a response of its kind"
    );
}

#[test]
fn which_codes_a_client_can_rebuild_is_checkable() {
    use apierror::client::FromRemote;

    assert!(ServiceError::decodable("product_not_found"));
    assert!(ServiceError::decodable("locked"));
    // The internal error's source never reaches the wire.
    assert!(!ServiceError::decodable("INTERNAL"));
    assert!(!ServiceError::decodable("SEAT_LIMIT"));
}

/// Issue 21.3: the rate limit's reset is a reason to wait only when the limit is spent.
#[test]
fn the_rate_limit_reset_waits_only_when_the_limit_is_spent() {
    let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let far = "\"default\";r=5;t=3600";
    // Requests left and not a 429: the reset an hour away is no reason to wait (or to stop).
    assert!(matches!(
        decide(409, &[("ratelimit", far)], Some(Retry::Backoff), 1, now),
        RetryDecision::Retry { after } if after <= Duration::from_millis(200)
    ));
    assert!(matches!(
        decide(503, &[("x-ratelimit-remaining", "5"), ("x-ratelimit-reset", "3600")], None, 1, now),
        RetryDecision::Retry { after } if after <= Duration::from_millis(200)
    ));
    // Nothing remaining: the reset is the wait, whatever the status.
    assert_eq!(
        decide(503, &[("ratelimit", "\"default\";r=0;t=9")], None, 1, now),
        RetryDecision::Retry {
            after: Duration::from_secs(9)
        }
    );
    // A 429 says the limit is spent even when `remaining` says otherwise.
    assert_eq!(
        decide(429, &[("ratelimit", "\"default\";r=5;t=9")], None, 1, now),
        RetryDecision::Retry {
            after: Duration::from_secs(9)
        }
    );
    assert_eq!(
        decide(429, &[("ratelimit", far)], None, 1, now),
        RetryDecision::Stop(StopReason::WaitTooLong(Duration::from_secs(3600)))
    );
}

/// Issue 21.16: a client's tests get the same waits on every run.
#[test]
fn jitter_can_be_seeded_or_turned_off() {
    use apierror::client::Jitter;
    let busy = remote(500, &[], "");
    let waits = |policy: RetryPolicy| -> Vec<RetryDecision> {
        (1..4)
            .map(|attempt| policy.decide(&busy, None, attempt))
            .collect()
    };
    let off = RetryPolicy::new().with_jitter(Jitter::Off);
    assert_eq!(
        waits(off),
        [200, 400, 800].map(|ms| RetryDecision::Retry {
            after: Duration::from_millis(ms)
        })
    );
    let seeded = RetryPolicy::new().with_jitter(Jitter::Seeded(42));
    let first = waits(seeded);
    assert_eq!(first, waits(seeded));
    // The sequence is fixed across platforms and releases (SplitMix64), so it can be written down.
    let nanos: Vec<u128> = first
        .iter()
        .map(|d| match d {
            RetryDecision::Retry { after } => after.as_nanos(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(nanos, [176_545_160, 48_180_498, 158_224_713], "seeded waits");
    assert_ne!(waits(RetryPolicy::new().with_jitter(Jitter::Seeded(43))), first);
}
