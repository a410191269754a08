//! An `if let … else` statement whose scrutinee borrows a temporary: Rust
//! 2021 keeps it to the end of the `if let`, through the `else` branch (Rust
//! 2024 drops it before; `tests/temporaries.rs` checks that side). The
//! machine asks the compiler which edition the code is in, so both match
//! their twin. (As a block's tail, an `if let` whose scrutinee makes a
//! temporary stops the build in Rust 2021: see `tests/tails.rs`.)

use std::sync::Mutex;

use desugar::desugar;
use desugar::harness::{assert_same, Leaf, LeafFuture, Probe};

fn label(probe: &Probe) -> LeafFuture<usize> {
    Leaf::new("label").pending(1).ready(probe.label().len())
}

#[desugar]
async fn else_branch_sees_the_temporary(seen: Probe) -> usize {
    let value;
    if let 5 = label(&Probe::new("temporary")).await {
        value = 1;
    } else {
        seen.touch();
        value = Leaf::new("else").pending(1).ready(2).await;
    }
    value
}

#[test]
fn the_temporary_drops_after_the_else_branch() {
    let report = assert_same(
        || else_branch_sees_the_temporary(Probe::new("seen")),
        || else_branch_sees_the_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
    let trace = report.trace.to_string();
    let used = trace
        .find("use probe \"seen\"")
        .expect("the else branch runs");
    let dropped = trace
        .find("drop probe \"temporary\"")
        .expect("the temporary drops");
    assert!(
        used < dropped,
        "Rust 2021 keeps the temporary through `else`:\n{trace}"
    );
}

fn sum(values: &[usize]) -> usize {
    values.iter().sum()
}

/// The same when the temporary belongs to an await inside a value the
/// scrutinee borrows (seed 400, case 6526, in Rust 2021).
// `vec!`, not a slice: its arguments' temporaries live to the end of
// the enclosing `if let`, which is what is under test.
#[allow(clippy::useless_vec)]
#[desugar]
async fn nested_temporary(seen: Probe) -> usize {
    let value;
    if let 1 = sum(&vec![label(&Probe::new("nested")).await, 0]) {
        value = 1;
    } else {
        seen.touch();
        value = 2;
    }
    value
}

#[test]
fn a_nested_temporary_drops_after_the_else_branch() {
    let report = assert_same(
        || nested_temporary(Probe::new("seen")),
        || nested_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

async fn count(values: Vec<usize>) -> usize {
    values.len()
}

/// The same on an awaited scrutinee that owns the awaited temporary's
/// result, in Rust 2021.
#[desugar]
async fn awaited_scrutinee(seen: Probe) -> usize {
    let value;
    if let 3 = count(vec![label(&Probe::new("owned")).await]).await {
        value = 1;
    } else {
        seen.touch();
        value = 2;
    }
    value
}

#[test]
fn an_awaited_scrutinee_temporary_drops_after_the_else_branch() {
    let report = assert_same(
        || awaited_scrutinee(Probe::new("seen")),
        || awaited_scrutinee_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

#[path = "../../tests/common/copied_out.rs"]
mod copied_out;

/// See `tests/common/copied_out.rs`: Rust 2021 holds the guard while the
/// `else` awaits.
#[test]
fn a_value_copied_out_of_a_borrowed_temporary_drops_after_the_else() {
    let ids = Mutex::new(vec![]);
    let report = assert_same(
        || copied_out::from_a_guard(&ids),
        || copied_out::from_a_guard_rustc(&ids),
    );
    let trace = report.trace.to_string();
    assert!(trace.contains("locked while polled: true"), "{trace}");
    let ids = Mutex::new(vec![5]);
    let report = assert_same(
        || copied_out::from_a_guard(&ids),
        || copied_out::from_a_guard_rustc(&ids),
    );
    assert_eq!(report.outcome, "Ready(5)");
    for n in [0, 2] {
        let report = assert_same(
            || copied_out::from_a_temporary(n, Probe::new("seen")),
            || copied_out::from_a_temporary_rustc(n, Probe::new("seen")),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
}
