//! Compile-fail cases: every rule the derive enforces, with the exact message and span.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*/*.rs");
}
