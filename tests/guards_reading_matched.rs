//! A guard that reads the local its `match` is on by value (`Some(n) if
//! big(v)`): the `match` holds the local borrowed while its guards run, so
//! such a read can only be a copy. It reads the local where the arm
//! matched it, beside an arm that awaits (which keeps the local with a
//! drop flag), instead of asking the flag for it (E0502: dogfood
//! round E, `pick`).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn big(v: Option<u32>) -> bool {
    v.unwrap_or(0) > 5
}

#[desugar]
async fn pick(v: Option<u32>) -> u32 {
    match v {
        Some(n) if big(v) => n,
        _ => Leaf::new("fetch").pending(1).ready(1).await,
    }
}

/// The arm with the binding after the one that awaits, and a guard on
/// `_` that reads the local by value too.
#[desugar]
async fn pick_late(v: Option<u32>) -> u32 {
    match v {
        None => Leaf::new("fetch").pending(1).ready(1).await,
        _ if big(v) && v == Some(6) => 6,
        Some(n) if big(v) => n,
        _ => 0,
    }
}

/// A `Drop` value used in both arms, the awaiting one last.
#[desugar]
async fn pick_touched(v: Option<u32>, p: Probe) -> u32 {
    match v {
        Some(n) if big(v) => {
            p.touch();
            n
        }
        _ => {
            Leaf::new("fetch").pending(1).ready(()).await;
            p.touch();
            0
        }
    }
}

#[test]
fn a_guard_reads_the_matched_local() {
    for v in [None, Some(2), Some(6), Some(9)] {
        let report = assert_same(move || pick(v), move || pick_rustc(v));
        assert!(report.left_size <= report.right_size, "{report}");
        let report = assert_same(move || pick_late(v), move || pick_late_rustc(v));
        assert!(report.left_size <= report.right_size, "{report}");
    }
}

#[test]
fn a_guard_reads_the_matched_local_beside_a_drop_value() {
    for v in [None, Some(2), Some(9)] {
        let report = assert_same(
            move || pick_touched(v, Probe::new("p")),
            move || pick_touched_rustc(v, Probe::new("p")),
        );
        assert!(report.left_size <= report.right_size, "{report}");
    }
}
