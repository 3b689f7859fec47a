//! The decoder on untrusted input: valid bodies of every envelope, then truncated, byte-flipped,
//! retyped, deeply nested, huge-numbered and non-UTF-8 versions of them, with hostile header
//! sets, decoded as a client would (detection, typed decoding, a retry decision). It must never
//! panic and must keep no more than the input it was given.
//!
//! The default run decodes a fixed 100,000 cases (the same ones every run, about 2 s);
//! `APIERROR_FUZZ_CASES` sets the count for a long run (`APIERROR_FUZZ_CASES=10000000 cargo test
//! -p apierror-tests --all-features --test client fuzz`). The count run is printed.

use std::time::SystemTime;

use apierror::client::{Decoded, RemoteError, RetryPolicy};
use apierror::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use apierror_tests::client_service::{ENVELOPES, ServiceError, response, served_errors};

/// xorshift64*: a small deterministic generator, so a failure is reproducible from its case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

const HOSTILE_VALUES: &[&str] = &[
    "",
    "null",
    "-1",
    "1e309",
    "99999999999999999999999999999999",
    "18446744073709551616",
    "\"\\ud800\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}",
    "true",
    "\"x\"",
    "{}",
    "[]",
    "0.5",
];

const RETRY_AFTERS: &[&str] = &[
    "0",
    "30",
    "-5",
    "1.5",
    "18446744073709551616",
    "999999999999999999999999999999999999",
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "Mon, 32 Foo 2024 99:99:99 GMT",
    "soon",
    " 7 ",
];

const RATE_LIMITS: &[(&str, &str)] = &[
    ("x-ratelimit-reset", "18446744073709551615"),
    ("x-ratelimit-reset", "1000000000"),
    ("x-ratelimit-remaining", "-1"),
    ("ratelimit", "\"default\";r=0;t=18446744073709551616"),
    ("ratelimit", ";;;==;t"),
    ("ratelimit-policy", "\"default\";q=100;w=60"),
    ("ratelimit-policy", "\"a\";w=;q=x, \"b\";q=1"),
];

const CONTENT_TYPES: &[&str] = &[
    "application/problem+json",
    "application/json",
    "application/vnd.api+json",
    "text/html",
    "",
];

/// Valid bodies and headers of every envelope: the servers' own responses.
fn seeds() -> Vec<(StatusCode, HeaderMap, Vec<u8>)> {
    let mut seeds = Vec::new();
    for name in ENVELOPES {
        for index in 0..served_errors().len() {
            let response = response(name, index);
            seeds.push((
                response.status(),
                response.headers().clone(),
                response.body().clone(),
            ));
        }
    }
    seeds
}

/// One mutation of a body.
fn mutate(rng: &mut Rng, body: &[u8]) -> Vec<u8> {
    let mut body = body.to_vec();
    match rng.below(8) {
        0 => body.truncate(rng.below(body.len() + 1)),
        1 => {
            for _ in 0..=rng.below(4) {
                if !body.is_empty() {
                    let at = rng.below(body.len());
                    body[at] = u8::try_from(rng.next() & 0xff).unwrap_or(0);
                }
            }
        }
        2 => {
            // Replace a value after a colon with a hostile one (wrong type, huge, deep, ...).
            let colons: Vec<usize> = body
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b':')
                .map(|(i, _)| i)
                .collect();
            if !colons.is_empty() {
                let at = *rng.pick(&colons) + 1;
                let end = body[at..]
                    .iter()
                    .position(|b| *b == b',' || *b == b'}')
                    .map_or(body.len(), |p| at + p);
                let value = rng.pick_str(HOSTILE_VALUES).as_bytes();
                body.splice(at..end, value.iter().copied());
            }
        }
        3 => body.extend_from_slice(&[0xff, 0xfe, 0x80]),
        4 => {
            let depth = 100 + rng.below(200);
            body = b"[".repeat(depth);
            body.extend(b"]".repeat(depth));
        }
        5 => body = rng.pick_str(HOSTILE_VALUES).as_bytes().to_vec(),
        6 => {
            // Members duplicated: parsers keep one; ours must not care which.
            let copy = body.clone();
            body.truncate(body.len().saturating_sub(1));
            body.push(b',');
            body.extend_from_slice(copy.get(1..).unwrap_or(&[]));
        }
        _ => {}
    }
    body
}

fn mutate_headers(rng: &mut Rng, headers: &HeaderMap) -> HeaderMap {
    let mut headers = headers.clone();
    if rng.below(2) == 0 {
        headers.insert(
            "retry-after",
            HeaderValue::from_static(rng.pick_str(RETRY_AFTERS)),
        );
    }
    if rng.below(3) == 0 {
        let (name, value) = rng.pick(RATE_LIMITS);
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    }
    if rng.below(3) == 0 {
        headers.insert(
            "content-type",
            HeaderValue::from_static(rng.pick_str(CONTENT_TYPES)),
        );
    }
    if rng.below(5) == 0 {
        headers.insert(
            "x-request-id",
            HeaderValue::from_bytes(b"abc\xffdef").unwrap_or(HeaderValue::from_static("x")),
        );
    }
    headers
}

/// The text a decoded error keeps.
fn kept(remote: &RemoteError) -> usize {
    let strings = [
        remote.code(),
        remote.title(),
        remote.detail(),
        remote.type_uri(),
        remote.instance(),
    ];
    let members: usize = remote
        .members()
        .iter()
        .map(|(k, v)| k.len() + v.to_string().len())
        .sum();
    strings.iter().flatten().map(|s| s.len()).sum::<usize>() + members
}

#[test]
fn the_decoder_never_panics_and_keeps_no_more_than_its_input() {
    let cases: u64 = std::env::var("APIERROR_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seeds = seeds();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let policy = RetryPolicy::new();
    let now = SystemTime::now();
    let mut known = 0_u64;
    for case in 0..cases {
        let (status, headers, body) = rng.pick(&seeds);
        let body = if case % 8 == 0 {
            body.clone()
        } else {
            mutate(&mut rng, body)
        };
        let headers = mutate_headers(&mut rng, headers);
        let remote = RemoteError::from_response(*status, &headers, &body);
        assert!(
            kept(&remote) <= body.len() * 2 + 64,
            "case {case}: kept more than the input: {remote:?}"
        );
        let _ = policy.decide_at(&remote, None, 1 + u32::try_from(case % 5).unwrap_or(0), now);
        if let Some(resolve) = remote.resolve() {
            let _ = resolve.action_call();
        }
        if let Decoded::Known(_) = remote.decode::<ServiceError>() {
            known += 1;
        }
    }
    // Unmutated bodies (one case in eight, those of decodable errors) decode back.
    assert!(known >= cases / 16, "{known} of {cases}");
    println!(
        "decoded {cases} generated and mutated responses without a panic ({known} into a known variant)"
    );
}
