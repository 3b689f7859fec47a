//! Writes `catalog500.rs` into `OUT_DIR`: a derived enum of 500 unit variants and its
//! hand-written twin (a `match` per method over static data), for the lookup benchmark.
//! Generated rather than checked in, so the repository holds the generator, not 7,000 lines.

use std::fmt::Write as _;

/// Registered error statuses that need no extra attribute (401 needs a challenge, 405 an Allow).
const STATUSES: [(u16, &str); 16] = [
    (400, "BAD_REQUEST"),
    (402, "PAYMENT_REQUIRED"),
    (403, "FORBIDDEN"),
    (404, "NOT_FOUND"),
    (409, "CONFLICT"),
    (410, "GONE"),
    (412, "PRECONDITION_FAILED"),
    (413, "PAYLOAD_TOO_LARGE"),
    (415, "UNSUPPORTED_MEDIA_TYPE"),
    (422, "UNPROCESSABLE_ENTITY"),
    (423, "LOCKED"),
    (429, "TOO_MANY_REQUESTS"),
    (500, "INTERNAL_SERVER_ERROR"),
    (502, "BAD_GATEWAY"),
    (503, "SERVICE_UNAVAILABLE"),
    (504, "GATEWAY_TIMEOUT"),
];

const N: usize = 500;

/// A method of the hand-written twin: its name, return type and the arm for variant `i`.
type Method<'a> = (&'a str, &'a str, &'a dyn Fn(usize) -> String);

fn main() {
    let mut out = String::new();
    out.push_str("/// A derived catalog of 500 errors.\n#[derive(Debug, Clone, Copy, apierror::ApiError)]\npub enum Derived {\n");
    for i in 0..N {
        let (code, _) = STATUSES[i % STATUSES.len()];
        let _ = writeln!(
            out,
            "    /// Error {i}.\n    #[api(status = {code})]\n    Error{i:04},"
        );
    }
    out.push_str("}\n\n/// The same catalog, hand-written: one `match` per method over static data.\n");
    out.push_str("#[derive(Debug, Clone, Copy)]\npub enum Hand {\n");
    for i in 0..N {
        let _ = writeln!(out, "    Error{i:04},");
    }
    out.push_str("}\n\n/// A hand-written catalog row.\n#[allow(dead_code)]\npub struct HandEntry {\n");
    out.push_str(
        "    pub code: &'static str,\n    pub status: http::StatusCode,\n    pub title: &'static str,\n}\n\n",
    );
    let _ = writeln!(out, "pub static HAND: [HandEntry; {N}] = [");
    for i in 0..N {
        let (_, name) = STATUSES[i % STATUSES.len()];
        let _ = writeln!(
            out,
            "    HandEntry {{ code: \"ERROR{i:04}\", status: http::StatusCode::{name}, title: \"Error\" }},"
        );
    }
    out.push_str("];\n\nimpl Hand {\n");
    let methods: [Method; 3] = [
        ("code", "&'static str", &|i| format!("\"ERROR{i:04}\"")),
        ("status", "http::StatusCode", &|i| {
            format!("http::StatusCode::{}", STATUSES[i % STATUSES.len()].1)
        }),
        ("entry", "&'static HandEntry", &|i| format!("&HAND[{i}]")),
    ];
    for (method, ret, arm) in methods {
        let _ = writeln!(
            out,
            "    #[inline]\n    pub fn {method}(&self) -> {ret} {{\n        match self {{"
        );
        for i in 0..N {
            let _ = writeln!(out, "            Hand::Error{i:04} => {},", arm(i));
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n\n/// Every variant of both enums, in order.\n");
    let list = |prefix: &str| {
        (0..N)
            .map(|i| format!("{prefix}::Error{i:04}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(out, "pub const DERIVED: [Derived; {N}] = [{}];", list("Derived"));
    let _ = writeln!(out, "pub const HANDS: [Hand; {N}] = [{}];", list("Hand"));

    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(std::path::Path::new(&dir).join("catalog500.rs"), out).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
}
