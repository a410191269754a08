//! Scripted leaves and probes: scripts, waking modes, auto traits.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

use core::future::Future;
use core::task::Poll;

use desugar_runtime::harness::{Event, Leaf, LeafFuture, Probe, Stepper, run};

fn assert_send_sync_unpin<T: Send + Sync + Unpin>(_: &T) {}

#[test]
fn leaves_and_probes_are_send_sync_and_unpin() {
    assert_send_sync_unpin(&Leaf::new("x").ready(1u8));
    assert_send_sync_unpin(&Probe::new("p"));
    // So an async fn over them is `Send` (rustc's future is never `Unpin`).
    let fut = async {
        let p = Probe::new("p");
        Leaf::new("x").pending(1).ready(()).await;
        p.touch();
    };
    fn assert_send<T: Send>(_: &T) {}
    assert_send(&fut);
}

#[test]
fn a_leaf_is_unpin_even_when_its_value_is_not() {
    fn assert_unpin<T: Unpin>() {}
    assert_unpin::<LeafFuture<core::marker::PhantomPinned>>();
}

#[test]
fn the_script_is_followed() {
    let mut s = Stepper::new(Leaf::new("x").pending(2).ready("done"));
    assert_eq!(s.poll(), Poll::Pending);
    assert_eq!(s.poll(), Poll::Pending);
    assert_eq!(s.poll(), Poll::Ready("done"));
    assert_eq!(
        s.finish().lines(),
        [
            "poll 1",
            "leaf x: polled",
            "wake_by_ref",
            "leaf x: Pending",
            "=> Pending",
            "poll 2",
            "leaf x: polled",
            "wake_by_ref",
            "leaf x: Pending",
            "=> Pending",
            "poll 3",
            "leaf x: polled",
            r#"leaf x: Ready("done")"#,
            r#"=> Ready("done")"#,
            "drop future",
            "drop leaf x",
        ]
    );
}

#[test]
fn a_leaf_polled_after_ready_panics() {
    let mut s = Stepper::new(Leaf::new("x").ready(1));
    assert_eq!(s.try_poll(), Ok(Poll::Ready(1)));
    assert_eq!(
        s.try_poll(),
        Err("leaf `x` polled after it returned Ready".to_string())
    );
}

#[test]
fn a_leaf_can_panic_instead_of_returning() {
    let run = run(Leaf::new("x").pending(1).panics::<u8>("leaf blew up"));
    assert_eq!(run.panic_message(), Some("leaf blew up"));
}

#[test]
fn wake_at_once_wakes_by_ref_before_returning() {
    let mut s = Stepper::new(Leaf::new("x").pending(1).ready(()));
    assert!(s.poll().is_pending());
    assert!(s.is_woken());
    assert_eq!(s.wake_count(), 1);
}

#[test]
fn wake_from_thread_wakes_by_value_after_the_poll() {
    let mut s = Stepper::new(Leaf::new("x").pending(1).wake_from_thread().ready(()));
    assert!(s.poll().is_pending());
    // The stepper lets the thread run as the poll returns.
    assert!(s.is_woken());
    let lines = s.trace().lines();
    assert_eq!(
        lines[2..],
        ["waker clone", "leaf x: Pending", "=> Pending", "wake"]
    );
}

#[test]
fn wake_from_thread_works_without_the_harness() {
    // A plain thread-parking executor: the leaf spawns its thread at once.
    use std::sync::Arc;
    use std::task::{Context, Wake, Waker};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut leaf = std::pin::pin!(Leaf::new("x").pending(3).wake_from_thread().ready(9));
    let out = loop {
        match leaf.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => std::thread::park(),
        }
    };
    assert_eq!(out, 9);
}

#[test]
fn a_handle_wakes_when_the_test_says() {
    let (leaf, handle) = Leaf::new("x").pending(1).with_handle();
    assert!(!handle.wake(), "nothing to wake before the first poll");
    let mut s = Stepper::new(leaf.ready(()));
    assert!(s.poll().is_pending());
    assert!(handle.is_armed());
    assert!(!s.is_woken());
    assert!(handle.wake());
    assert!(s.is_woken());
    assert!(!handle.is_armed());
    assert!(s.poll().is_ready());
    let lines = s.finish().lines();
    assert_eq!(
        lines[2..6],
        ["waker clone", "leaf x: Pending", "=> Pending", "wake"]
    );
}

#[test]
fn a_dropped_leaf_releases_its_waker() {
    let (leaf, handle) = Leaf::new("x").pending(1).with_handle();
    let mut s = Stepper::new(leaf.ready(()));
    assert!(s.poll().is_pending());
    let trace = s.finish();
    assert!(!handle.is_armed());
    assert_eq!(
        trace.lines()[5..],
        ["drop future", "drop leaf x", "waker drop"]
    );
}

#[test]
fn never_wake_leaves_the_future_asleep() {
    let mut s = Stepper::new(Leaf::new("x").pending(1).never_wake().ready(()));
    assert!(s.poll().is_pending());
    assert!(!s.is_woken());
    assert!(!s.trace().contains(&Event::WakerCloned));
}

#[test]
fn probes_log_creation_use_and_drop() {
    let run = run(async {
        let p = Probe::new("p");
        p.touch();
        assert_eq!(p.label(), "p");
        assert_eq!(format!("{p:?}"), r#"Probe("p")"#);
    });
    assert_eq!(
        run.trace.lines(),
        [
            "poll 1",
            r#"new probe "p""#,
            r#"use probe "p""#,
            r#"drop probe "p""#,
            "=> Ready(())",
            "drop future"
        ]
    );
}
