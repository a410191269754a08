//! Stepping one future by hand, and reading a desugared future's state.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

mod harness_support;

use core::task::Poll;

use desugar_runtime::harness::{Leaf, Probe, Stepper, assert_pending, assert_ready};
use harness_support::{TwoSteps, panic_of};

fn fetch() -> desugar_runtime::harness::LeafFuture<u32> {
    Leaf::new("fetch").pending(1).ready(2)
}

#[test]
fn assert_macros_step_a_future() {
    let mut s = Stepper::new(TwoSteps::new(Probe::new("tag"), fetch));
    assert_pending!(s);
    assert_eq!(s.polls(), 1);
    assert_ready!(s, 3);
    let mut again = Stepper::new(TwoSteps::new(Probe::new("tag"), fetch));
    assert_pending!(&mut again);
    assert_eq!(assert_ready!(again), 3);
}

#[test]
fn failed_assertions_show_the_trace() {
    let msg = panic_of(|| {
        let mut s = Stepper::new(Leaf::new("x").ready(1));
        assert_pending!(s);
    });
    assert!(
        msg.starts_with("expected Pending from poll 1, got Ready(1); trace so far:\npoll 1\n"),
        "{msg}"
    );

    let msg = panic_of(|| {
        let mut s = Stepper::new(Leaf::new("x").pending(1).ready(1));
        assert_ready!(s, 1);
    });
    assert!(
        msg.starts_with("expected Ready from poll 1, got Pending"),
        "{msg}"
    );

    let msg = panic_of(|| {
        let mut s = Stepper::new(Leaf::new("x").ready(1));
        assert_ready!(s, 2);
    });
    assert!(
        msg.starts_with("poll 1 returned Ready(1), expected Ready(2)"),
        "{msg}"
    );
}

#[test]
fn poll_traced_names_the_states() {
    let mut s = Stepper::new(TwoSteps::new(Probe::new("tag"), fetch));
    assert_eq!(s.state_name(), "Unresumed");
    let first = s.poll_traced();
    assert_eq!(first.to_string(), "poll 1: Unresumed -> Suspend0, Pending");
    let second = s.poll_traced();
    assert_eq!(second.poll, Poll::Ready(3));
    assert_eq!(second.to_string(), "poll 2: Suspend0 -> Returned, Ready(3)");
}

#[test]
fn try_poll_reports_the_poison() {
    let mut s = Stepper::new(TwoSteps::new(Probe::new("tag"), || {
        Leaf::new("x").panics("boom")
    }));
    assert_eq!(s.try_poll(), Err("boom".to_string()));
    assert_eq!(s.state_name(), "Panicked");
    assert_eq!(
        s.try_poll(),
        Err("`async fn` resumed after panicking".to_string())
    );
}

#[test]
fn finish_records_the_drops() {
    let mut s = Stepper::new(TwoSteps::new(Probe::new("tag"), fetch));
    assert_pending!(s);
    let trace = s.finish();
    assert_eq!(trace.probe_drops(), ["tag"]);
    assert_eq!(
        trace.lines()[5..],
        ["drop future", "drop leaf fetch", r#"drop probe "tag""#]
    );
}
