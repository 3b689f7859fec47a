//! Writes the example service's catalog documentation: the table (`errors.md`), a page per code
//! (`errors/<CODE>.md`), the JSON catalog (`catalog.json`), the OpenAPI document
//! (`openapi.json`) and the stability lock (`errors.lock.json`).
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
    let written = match service.write_files(&Problem::new(), &dir) {
        Ok(written) => written,
        Err(e) => {
            eprintln!("cannot write {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
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
