//! Finds the seed catalogs in `../shared/seeds/` beside the repository. When they are there, the
//! tests that compare against them are compiled with `cfg(seeds)` and run; when they are not, those
//! tests are ignored with a reason (`cargo test` lists them as `ignored, needs ../shared/seeds`) and
//! the build says so once. In CI (`CI` set) a missing folder fails the build: there the seed
//! comparisons are mandatory.

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    println!("cargo:rustc-check-cfg=cfg(seeds)");
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-changed={}", dir.display());
    if dir.is_dir() {
        println!("cargo:rustc-cfg=seeds");
    } else if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!(
            "CI is set but the seed catalogs are missing from {}: the seed comparisons are mandatory in CI",
            dir.display()
        );
    } else {
        println!(
            "cargo:warning=seed catalogs not found at {}: the seed comparison tests are skipped (ignored)",
            dir.display()
        );
    }
}
