//! Equivalent futures pass the comparison, in every phase and schedule.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

mod harness_support;

use desugar_runtime::harness::{Comparison, Leaf, Probe, assert_same, compare};
use harness_support::{TwoSteps, two_steps};

fn fetch() -> desugar_runtime::harness::LeafFuture<u32> {
    Leaf::new("fetch").pending(1).ready(2)
}

fn fetch_panics() -> desugar_runtime::harness::LeafFuture<u32> {
    Leaf::new("fetch").pending(1).panics("boom")
}

#[test]
fn hand_written_machine_matches_the_async_fn() {
    let report = assert_same(
        || TwoSteps::new(Probe::new("tag"), fetch),
        || two_steps(Probe::new("tag"), fetch),
    );
    assert_eq!(report.outcome, "Ready(3)");
    assert_eq!(report.polls, 2);
    // Plain: completion, cancelled after 0 and 1 polls, poll after
    // completion. Interleaved (4 polls): completion, 4 cancellations, poll
    // after completion.
    assert_eq!(report.runs, 4 + 6);
}

#[test]
fn the_macro_form_compares_two_expressions() {
    let report = desugar_runtime::harness::assert_same!(
        TwoSteps::new(Probe::new("tag"), fetch),
        two_steps(Probe::new("tag"), fetch),
    );
    assert!(
        report
            .to_string()
            .starts_with("same behaviour in 10 pairs of runs; Ready(3) after 2 polls")
    );
}

#[test]
fn panicking_bodies_unwind_and_poison_alike() {
    let report = compare(
        || TwoSteps::new(Probe::new("tag"), fetch_panics),
        || two_steps(Probe::new("tag"), fetch_panics),
    )
    .unwrap();
    assert_eq!(report.outcome, "panic: boom");
    // The unwinding drops are part of the compared trace.
    let lines = report.trace.lines();
    let panic_at = lines.iter().position(|l| l == "=> panic: boom").unwrap();
    assert_eq!(
        lines[panic_at - 2..panic_at],
        ["drop leaf fetch", "drop probe \"tag\""]
    );
}

#[test]
fn every_cancellation_point_is_compared() {
    async fn three_awaits(p: Probe) -> u32 {
        let a = Leaf::new("a").pending(2).ready(1).await;
        let q = Probe::new("q");
        let b = Leaf::new("b").pending(1).ready(2).await;
        q.touch();
        p.touch();
        a + b
    }
    let report = compare(
        || three_awaits(Probe::new("p")),
        || three_awaits(Probe::new("p")),
    )
    .unwrap();
    assert_eq!(report.polls, 4);
    // Completion, cancelled after 0..=3 polls, poll after completion.
    assert_eq!(report.runs, 1 + 4 + 1);
}

#[test]
fn an_unpin_future_may_be_moved_between_polls() {
    let report = Comparison::new()
        .interleave_pending()
        .run_moving(
            || TwoSteps::new(Probe::new("tag"), fetch),
            || two_steps(Probe::new("tag"), fetch),
        )
        .unwrap();
    assert_eq!(report.outcome, "Ready(3)");
}

#[test]
fn stalls_compare_like_any_other_ending() {
    fn stuck() -> desugar_runtime::harness::LeafFuture<u32> {
        Leaf::new("stuck").pending(1).never_wake().ready(0)
    }
    let report = compare(
        || TwoSteps::new(Probe::new("tag"), stuck),
        || two_steps(Probe::new("tag"), stuck),
    )
    .unwrap();
    assert_eq!(report.outcome, "stall");
    // No poll after completion for a future that never completed.
    assert_eq!(report.runs, 1 + 1);
}

#[test]
fn leaves_that_wake_from_threads_give_the_same_trace_every_time() {
    fn threaded() -> desugar_runtime::harness::LeafFuture<u32> {
        Leaf::new("t").pending(3).wake_from_thread().ready(5)
    }
    for _ in 0..20 {
        let _ = compare(
            || TwoSteps::new(Probe::new("tag"), threaded),
            || two_steps(Probe::new("tag"), threaded),
        )
        .unwrap();
    }
}

#[test]
fn size_check_passes_when_the_left_is_not_larger() {
    let report = Comparison::new()
        .check_size()
        .run(
            || TwoSteps::new(Probe::new("tag"), fetch),
            || two_steps(Probe::new("tag"), fetch),
        )
        .unwrap();
    assert!(report.left_size <= report.right_size, "{report}");
}
