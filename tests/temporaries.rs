//! Temporaries that the awaited future borrows live until the end of the
//! statement in rustc, across the suspension; the desugared machine keeps
//! them in place just as long.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn measure(text: &str) -> LeafFuture<usize> {
    Leaf::new("measure").pending(1).ready(text.len())
}

fn label(probe: &Probe) -> LeafFuture<usize> {
    Leaf::new("label").pending(2).ready(probe.label().len())
}

#[desugar]
async fn borrows_a_formatted_string(base: &str) -> usize {
    let before = Probe::new("before");
    let length = measure(&format!("{base}/path")).await;
    before.touch();
    length
}

#[test]
fn a_borrowed_temporary_lives_across_the_await() {
    let report = assert_same(
        || borrows_a_formatted_string("root"),
        || borrows_a_formatted_string_rustc("root"),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

#[desugar]
async fn borrows_a_probe_temporary() -> usize {
    let first = label(&Probe::new("temporary")).await;
    let second = Leaf::new("after").pending(1).ready(1).await;
    first + second
}

#[test]
fn the_temporary_drops_where_the_statement_ends() {
    let report = assert_same(borrows_a_probe_temporary, borrows_a_probe_temporary_rustc);
    assert_eq!(report.outcome, "Ready(10)");
}
