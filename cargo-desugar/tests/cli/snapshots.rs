//! The whole report (state table, diagram, expansion) for two seed
//! functions, against checked-in snapshots: seed 001's `fetch_two`, which
//! carries `#[desugar]`, and seed 002's `process`, named on the command line.
//! Regenerate with `DESUGAR_BLESS=1 cargo test -p cargo-desugar`.

use crate::support::{assert_snapshot, run};

#[test]
fn fetch_two() {
    let run = run(&["tests/fixtures/fetch_two.rs"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 0);
    assert_snapshot("fetch_two", &run.stdout);
}

#[test]
fn process() {
    let run = run(&["tests/fixtures/process.rs", "process"]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, 0);
    assert_snapshot("process", &run.stdout);
}

/// Every place a fn can be, in a file where two are rejected: only the
/// state tables, so this snapshot follows the analysis, not the printing.
#[test]
fn mixed_states() {
    let run = run(&["tests/fixtures/mixed.rs", "--all", "--states"]);
    assert_eq!(run.code, 1);
    assert_snapshot("mixed_states", &run.stdout);
}
