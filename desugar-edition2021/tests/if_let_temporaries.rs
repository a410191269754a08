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

/// A value whose field the scrutinee reads, as a cache's snapshot.
pub struct Snapshot {
    _p: Probe,
    value: Option<String>,
}

impl Snapshot {
    fn get(&self) -> Option<&String> {
        self.value.as_ref()
    }
}

fn snapshot(hit: bool) -> Snapshot {
    Snapshot {
        _p: Probe::new("snapshot"),
        value: hit.then(|| "cached".to_string()),
    }
}

/// The scrutinee's temporary, kept with a flag: in Rust 2021 the `else`'s
/// state keeps it, and it drops after the `else`'s await (in Rust 2024 the
/// state keeps its type alone: `tests/dogfood_round_o1.rs`).
#[desugar]
async fn read(hit: bool) -> String {
    let value;
    if let Some(v) = snapshot(hit).get() {
        value = v.clone();
    } else {
        value = Leaf::new("load")
            .pending(1)
            .ready(String::from("loaded"))
            .await;
    }
    value
}

#[test]
fn a_flagged_temporary_is_kept_through_an_awaiting_else() {
    for hit in [true, false] {
        let report = assert_same(|| read(hit), || read_rustc(hit));
        assert!(report.left_size <= report.right_size, "{report}");
    }
    let trace = assert_same(|| read(false), || read_rustc(false))
        .trace
        .to_string();
    let loaded = trace.find("leaf load: Ready").expect("the else awaits");
    let dropped = trace
        .find("drop probe \"snapshot\"")
        .expect("the temporary drops");
    assert!(loaded < dropped, "kept through the `else`:\n{trace}");
}
