//! Bodies that panic — before the first await, between awaits, in a
//! nested block, in a loop iteration, in a `match` arm, in `assert_eq!` and
//! `assert!` on awaited values — with probes alive, so the unwinding drops
//! are compared, and so is the poison panic ("`async fn` resumed after
//! panicking") on the next poll. A panic inside an awaited future, and
//! `assert!(x.await)` without a message, are `tests/regressions.rs`'s.

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[desugar]
async fn panics_at(point: u8, p: Probe) -> u32 {
    let q = Probe::new("q");
    if point == 0 {
        panic!("before the first await");
    }
    let a = leaf("first", 1, 1u32).await;
    let r = Probe::new("r");
    if point == 1 {
        panic!("between awaits");
    }
    let b = leaf("second", 2, 2u32).await;
    {
        let inner = Probe::new("inner");
        let c = leaf("in_block", 1, 3u32).await;
        if point == 2 {
            panic!("in a nested block");
        }
        inner.touch();
        assert_eq!(c, 3);
    }
    q.touch();
    r.touch();
    p.touch();
    a + b
}

#[test]
fn panics_at_every_point_unwind_alike() {
    assert_send(&panics_at(0, Probe::new("p")));
    for (point, outcome) in [
        (0, "panic: before the first await"),
        (1, "panic: between awaits"),
        (2, "panic: in a nested block"),
        (3, "Ready(3)"),
    ] {
        let report = assert_same(
            || panics_at(point, Probe::new("p")),
            || panics_at_rustc(point, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn panics_in_control_flow(which: u8, p: Probe) -> u32 {
    let mut sum = 0;
    for i in 0..3u32 {
        let step = Probe::new("step");
        sum += leaf("step", 1, i).await;
        if which == 0 && i == 1 {
            panic!("in a loop iteration");
        }
        step.touch();
    }
    let held = Probe::new("held");
    match leaf("scrutinee", 1, which).await {
        1 => {
            let arm = Probe::new("arm");
            let v = leaf("arm", 1, 5u32).await;
            arm.touch();
            assert_eq!(v, 6, "in a match arm");
        }
        2 => assert_eq!(leaf("left", 1, 1u32).await, leaf("right", 1, 2u32).await),
        3 => assert!(
            leaf("assert", 1, false).await,
            "in an assert! of {}",
            held.label()
        ),
        _ => {}
    }
    held.touch();
    p.touch();
    sum
}

#[test]
fn panics_in_loops_arms_and_assertions_unwind_alike() {
    assert_send(&panics_in_control_flow(0, Probe::new("p")));
    for (which, outcome) in [
        (0, "panic: in a loop iteration"),
        (
            1,
            "panic: assertion `left == right` failed: in a match arm\n  left: 5\n right: 6",
        ),
        (
            2,
            "panic: assertion `left == right` failed\n  left: 1\n right: 2",
        ),
        (3, "panic: in an assert! of held"),
        (4, "Ready(3)"),
    ] {
        let report = assert_same(
            || panics_in_control_flow(which, Probe::new("p")),
            || panics_in_control_flow_rustc(which, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

/// A future that panics when dropped before it is done (a debug check
/// that a request is not abandoned in flight).
struct InFlight {
    inner: desugar::harness::LeafFuture<u32>,
    done: bool,
}

impl std::future::Future for InFlight {
    type Output = u32;
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<u32> {
        let polled = std::pin::Pin::new(&mut self.inner).poll(cx);
        self.done = polled.is_ready();
        polled
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            assert!(self.done, "dropped in flight");
        }
    }
}

async fn upload(body: &Probe) -> u32 {
    body.touch();
    InFlight {
        inner: leaf("upload", 1, 4),
        done: false,
    }
    .await
}

/// Dropped while suspended on a future whose destructor panics, with a
/// temporary kept in place for it: the values the state keeps beside it
/// still drop, while unwinding, as rustc drops them.
#[desugar]
async fn abandons_an_upload(conn: Probe) -> u32 {
    let n = upload(&Probe::new("body")).await;
    conn.touch();
    n
}

#[test]
fn a_panicking_awaited_future_still_lets_the_kept_values_drop() {
    let report = assert_same(
        || abandons_an_upload(Probe::new("conn")),
        || abandons_an_upload_rustc(Probe::new("conn")),
    );
    assert_eq!(report.outcome, "Ready(4)");
}
