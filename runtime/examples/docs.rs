//! Writes the example service's catalog documentation: the table (`errors.md`), a page per code
//! (`errors/<CODE>.md`), the JSON catalog (`catalog.json`) and the stability lock
//! (`errors.lock.json`). `docs/openapi.json` is the axum example service's served document (with
//! its operations), checked by that service's test.
//!
//! Run with `cargo run --example docs -- <dir>` (default `docs`).

mod service;

use std::path::PathBuf;
use std::process::ExitCode;

use apierror::Problem;
use apierror::docs::Lock;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "docs".to_owned()));
    let service = service::service();
    let duplicates = service.duplicates();
    if !duplicates.is_empty() {
        eprintln!("codes declared more than once: {duplicates:?}");
        return ExitCode::FAILURE;
    }
    // `docs/openapi.json` is the axum example service's document, with its operations' paths
    // (written by its test, `APIERROR_UPDATE_OPENAPI=1`); every other file is this catalog's.
    let mut written = Vec::new();
    for (path, contents) in service.files(&Problem::new()) {
        if path.as_os_str() == "openapi.json" {
            continue;
        }
        let path = dir.join(path);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, contents));
        if let Err(e) = result {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        written.push(path);
    }
    let lock = dir.join("errors.lock.json");
    if let Err(e) = std::fs::write(&lock, Lock::of(&service).to_json()) {
        eprintln!("cannot write {}: {e}", lock.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} files and {} under {}",
        written.len(),
        lock.display(),
        dir.display()
    );
    ExitCode::SUCCESS
}
