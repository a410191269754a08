//! Compile tests: what `#[desugar]` rejects, what rustc must keep rejecting
//! through the twin, and (`tests/ui_pass/`) what must build. Each `tests/ui/<case>.rs` must fail to build
//! with exactly the message in `tests/ui/<case>.stderr`; regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    cases.pass("tests/ui_pass/*.rs");
}
