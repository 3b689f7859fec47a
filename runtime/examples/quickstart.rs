//! An example service's error catalog (see `service/mod.rs`), printed as the catalog table,
//! and one error rendered as a response.
//!
//! Run with `cargo run --example quickstart`.

mod service;

use std::fmt::Write as _;

use apierror::docs::Table;
use apierror::{ApiErrorExt, Context, ErrorResponder};

use service::ServiceError;

fn main() {
    let service = service::service();
    println!("{}", Table::new(&service).with_grouping(true));

    // Everything else each entry declares: title, retry strategy and delay, full resolve.
    for entry in service.entries() {
        let mut line = format!(
            "{:<24} {} {:<22} retry={}",
            entry.code(),
            entry.status().as_u16(),
            entry.title(),
            entry.retry()
        );
        if let Some(delay) = entry.retry_after() {
            let _ = write!(line, " after={}s", delay.as_secs());
        } else if entry.retry_after_from_field() {
            line.push_str(" after=<field>");
        }
        if let Some(r) = entry.resolve() {
            let parts = [r.message(), r.url(), r.action(), r.method(), r.endpoint()];
            let parts: Vec<&str> = parts.iter().flatten().copied().collect();
            let _ = write!(line, " resolve=[{}]", parts.join(" | "));
        }
        println!("{line}");
    }
    println!();

    let err = ServiceError::UsageLimitExceeded {
        usage_type: "Scoring".into(),
        current: 5,
        limit: 5,
        plan: "free".into(),
    };
    let cx = Context::new()
        .with_request_id("req_7Hq")
        .with_instance("/v1/score");
    let response = ErrorResponder::default().response(&err, &cx);
    println!("HTTP {} ({})", response.status().as_u16(), err.code());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("?"));
    }
    println!("\n{}", String::from_utf8_lossy(response.body()));
}
