//! The project's own catalog docs are generated from the example service and checked in under
//! `docs/`; they must match the code. Regenerate with `cargo run --example docs --features schemars-1 -- docs`.

#[path = "../../../runtime/examples/service/mod.rs"]
mod service;

use std::path::{Path, PathBuf};

use apierror::Problem;
use apierror::docs::{Checked, Lock, LockOptions};

const REGENERATE: &str =
    "regenerate with `cargo run --example docs --features schemars-1 -- docs` and commit";

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

#[test]
fn checked_in_docs_match_the_code() {
    let service = service::service();
    let files = service.files(&Problem::new());
    // `openapi.json` is the axum example service's document (checked by its own test).
    for (path, generated) in files.iter().filter(|(p, _)| p.as_os_str() != "openapi.json") {
        let checked_in = std::fs::read_to_string(docs_dir().join(path))
            .unwrap_or_else(|e| panic!("docs/{} is missing ({e}); {REGENERATE}", path.display()));
        assert!(
            checked_in == *generated,
            "docs/{} differs from what the code generates; {REGENERATE}",
            path.display()
        );
    }
    // No page is left behind for a code that no longer exists.
    let mut pages: Vec<PathBuf> = std::fs::read_dir(docs_dir().join("errors"))
        .unwrap()
        .map(|e| PathBuf::from("errors").join(e.unwrap().file_name()))
        .collect();
    pages.sort();
    let mut expected: Vec<PathBuf> = files
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| p.starts_with("errors"))
        .collect();
    expected.sort();
    assert_eq!(
        pages, expected,
        "stale or missing pages under docs/errors; {REGENERATE}"
    );
}

#[test]
fn catalog_keeps_the_checked_in_lock() {
    let service = service::service();
    let path = docs_dir().join("errors.lock.json");
    let strict = LockOptions::new().with_update(false).with_require_existing(true);
    match Lock::check_file_with(&service, &path, strict) {
        Ok(Checked::Compatible { additions }) => {
            assert!(
                additions.is_empty(),
                "the lock is behind the code ({additions:?}); {REGENERATE}"
            );
        }
        Ok(other) => panic!("a strict check only compares, but it answered {other:?}"),
        Err(error) => panic!("{error}"),
    }
}

/// The example service's docs and lock list the framework's own errors beside its enums'.
#[test]
fn the_docs_include_the_framework_entries() {
    let service = service::service();
    let lock = apierror::docs::Lock::of(&service).to_json();
    for &kind in apierror::FrameworkKind::ALL {
        let code = apierror::FrameworkErrors::new()
            .with_code(
                apierror::FrameworkKind::MethodNotAllowed,
                "ROUTE_METHOD_NOT_ALLOWED",
            )
            .entry(kind)
            .code();
        assert!(service.entries().any(|e| e.code() == code), "{code}");
        assert!(lock.contains(&format!("\"{code}\"")), "{code}");
    }
}
