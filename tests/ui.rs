//! Compile-fail tests: what `#[desugar]` rejects, and what rustc must keep
//! rejecting through the twin. Each `tests/ui/<case>.rs` must fail to build
//! with exactly the message in `tests/ui/<case>.stderr`; regenerate them with
//! `TRYBUILD=overwrite cargo test --test ui` and review the diff.

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
