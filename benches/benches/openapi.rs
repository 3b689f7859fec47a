//! The OpenAPI document at scale (issue 22): a generated service of N codes over M operations,
//! each operation returning 10 to 50 of the codes. Per-code schemas are shared components, so
//! the document should grow with codes plus operations, not their product: the bench times
//! `ServiceCatalog::openapi` at three sizes and writes each document's size to
//! `target/criterion/openapi-size.json` (`python3 scripts/bench-table.py` prints both).
//!
//!     cargo bench -p apierror-benches --bench openapi

use std::sync::OnceLock;
use std::time::Duration;

use apierror::docs::{Operation, ServiceCatalog};
use apierror::{Catalog, Entry, Problem, StatusCode};
use criterion::{BenchmarkId, Criterion};

const STATUSES: [StatusCode; 8] = [
    StatusCode::BAD_REQUEST,
    StatusCode::PAYMENT_REQUIRED,
    StatusCode::FORBIDDEN,
    StatusCode::NOT_FOUND,
    StatusCode::CONFLICT,
    StatusCode::UNPROCESSABLE_ENTITY,
    StatusCode::TOO_MANY_REQUESTS,
    StatusCode::SERVICE_UNAVAILABLE,
];

/// A hand-built catalog of `N` codes (what a derive of N variants gives the docs).
struct Generated<const N: usize>;

impl<const N: usize> Catalog for Generated<N> {
    fn entries() -> &'static [Entry] {
        static ENTRIES: OnceLock<Vec<(usize, &'static [Entry])>> = OnceLock::new();
        // One leaked table per size, built once.
        let tables = ENTRIES.get_or_init(|| {
            [500, 1000, 2000]
                .into_iter()
                .map(|n| {
                    let entries: Vec<Entry> = (0..n)
                        .map(|i| {
                            let code: &'static str = Box::leak(format!("ERROR_{i:05}").into_boxed_str());
                            Entry::new(code, STATUSES[i % STATUSES.len()], "Generated")
                                .with_description("A generated error.")
                        })
                        .collect();
                    (n, &*Box::leak(entries.into_boxed_slice()))
                })
                .collect()
        });
        tables
            .iter()
            .find(|(n, _)| *n == N)
            .map_or(&[], |(_, entries)| entries)
    }
}

/// N codes over N / 10 operations, operation k returning 10 + (k % 41) consecutive codes.
fn service<const N: usize>() -> ServiceCatalog {
    let codes: Vec<&'static str> = Generated::<N>::entries().iter().map(Entry::code).collect();
    let mut service = ServiceCatalog::new("generated").with::<Generated<N>>();
    for k in 0..N / 10 {
        let start = (k * 37) % N;
        let picked: Vec<&str> = (0..10 + k % 41).map(|j| codes[(start + j) % N]).collect();
        service = service.with_operation(
            Operation::get(format!("/resources{k}/{{id}}")).returns_only::<Generated<N>>(&picked),
        );
    }
    service
}

fn sizes() -> Vec<(usize, usize, usize)> {
    let mut sizes = Vec::new();
    macro_rules! one {
        ($n:literal) => {{
            let document =
                serde_json::to_string(&service::<$n>().openapi(&Problem::new())).unwrap_or_default();
            sizes.push(($n, $n / 10, document.len()));
        }};
    }
    one!(500);
    one!(1000);
    one!(2000);
    sizes
}

fn main() {
    let sizes = sizes();
    for (codes, operations, bytes) in &sizes {
        println!("openapi: {codes} codes, {operations} operations: {bytes} bytes");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion");
    let _ = std::fs::create_dir_all(&dir);
    let json: Vec<serde_json::Value> = sizes
        .iter()
        .map(|(codes, operations, bytes)| serde_json::json!({"codes": codes, "operations": operations, "bytes": bytes}))
        .collect();
    let _ = std::fs::write(
        dir.join("openapi-size.json"),
        serde_json::to_string_pretty(&json).unwrap_or_default(),
    );

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .sample_size(10)
        .configure_from_args();
    let mut group = criterion.benchmark_group("openapi");
    macro_rules! bench {
        ($n:literal) => {{
            let service = service::<$n>();
            group.bench_function(
                BenchmarkId::new("write", format!("{} codes x {} operations", $n, $n / 10)),
                |b| {
                    b.iter(|| service.openapi(&Problem::new()));
                },
            );
        }};
    }
    bench!(500);
    bench!(1000);
    bench!(2000);
    group.finish();
    criterion.final_summary();
}
