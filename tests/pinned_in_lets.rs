//! `pin!` in an extending place of a `let`'s initializer other than the
//! whole of it: an `if` branch, a `match` arm, a tuple's or array's
//! element, a struct literal's field, a block's tail. rustc keeps the
//! pinned value to the end of the block, as it keeps `&make()` there; the
//! machine dropped it at the end of the `let` (E0716 "temporary value
//! dropped while borrowed" at the `pin!`, naming `__State`). Each machine is
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s, so the drop order of the pinned
//! values too), must be no larger, and `Send` where the twin is.

use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, Report, assert_same};

/// Compares the machine with its twin, and fails if it is larger.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// A leaf with a probe of its own, which shows when it is dropped; it
/// remembers where it was first polled, and panics if it is polled or
/// dropped anywhere else.
struct Stays {
    leaf: LeafFuture<u32>,
    _probe: Probe,
    at: Option<usize>,
    _pinned: PhantomPinned,
}

impl Stays {
    fn new(name: &str, pending: usize, value: u32) -> Stays {
        Stays {
            leaf: Leaf::new(name).pending(pending).ready(value),
            _probe: Probe::new(format!("{name}.stays")),
            at: None,
            _pinned: PhantomPinned,
        }
    }

    fn check(&mut self) {
        let here = self as *const Stays as usize;
        match self.at {
            Some(at) => assert_eq!(at, here, "a pinned value moved"),
            None => self.at = Some(here),
        }
    }
}

impl Future for Stays {
    type Output = u32;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // SAFETY: nothing is moved out of the pinned value; `check` only
        // records its address, and the leaf is `Unpin`.
        let this = unsafe { self.get_unchecked_mut() };
        this.check();
        Pin::new(&mut this.leaf).poll(cx)
    }
}

impl Drop for Stays {
    fn drop(&mut self) {
        if self.at.is_some() {
            self.check();
        }
    }
}

fn number(n: u32) -> u32 {
    Probe::new(format!("number {n}")).touch();
    n
}

#[desugar]
async fn in_if_branches(left: bool) -> u32 {
    let p = Probe::new("p");
    let f: Pin<&mut (dyn Future<Output = u32> + Send)> = if left {
        pin!(Stays::new("left", 1, 1))
    } else {
        pin!(Stays::new("right", 2, 2))
    };
    let pre = Leaf::new("pre").pending(1).ready(10u32).await;
    p.touch();
    pre + f.await
}

#[desugar]
async fn in_a_tuple(k: u32) -> u32 {
    let p = Probe::new("p");
    let (a, b) = (pin!(Stays::new("a", 1, k)), pin!(Stays::new("b", 1, 1)));
    let x = a.await;
    p.touch();
    x + b.await
}

#[desugar]
async fn in_match_arms(kind: u8) -> u32 {
    let p = Probe::new("p");
    let f = match kind {
        0 => pin!(Stays::new("m0", 1, 0)),
        _ => pin!(Stays::new("m1", 0, 5)),
    };
    let pre = Leaf::new("pre").ready(1u32).await;
    p.touch();
    pre + f.await
}

/// After a part with an effect, the value is made in place, after it.
#[desugar]
async fn after_an_effect(k: u32) -> u32 {
    let (n, f) = (number(k), pin!(Stays::new("after", 1, k)));
    let pre = Leaf::new("pre").pending(1).ready(1u32).await;
    n + pre + f.await
}

/// An array's elements, a struct literal's field, a block's tail, and a
/// pinned `async` block.
struct Pair<'a> {
    first: Pin<&'a mut Stays>,
    n: u32,
}

#[desugar]
async fn in_aggregates(k: u32) -> u32 {
    let [a, b] = [pin!(Stays::new("e0", 1, k)), pin!(Stays::new("e1", 0, 2))];
    let mut pair = Pair {
        first: pin!(Stays::new("field", 1, 3)),
        n: number(4),
    };
    let tail = {
        let base = number(k);
        pin!(async move { base + Leaf::new("inner").pending(1).ready(5u32).await })
    };
    let x = a.await + b.await;
    x + pair.first.as_mut().await + pair.n + tail.await
}

/// In a loop whose body awaits: each round pins into a fresh value.
#[desugar]
async fn in_a_loop(rounds: u32) -> u32 {
    let mut total = 0;
    for i in 0..rounds {
        let (a, b) = (pin!(Stays::new("la", 1, i)), pin!(Stays::new("lb", 0, 1)));
        total += a.await;
        total += b.await;
    }
    total
}

#[test]
fn if_branches_match_rustc() {
    for left in [true, false] {
        both_send(&in_if_branches(left), &in_if_branches_rustc(left));
        same_and_no_larger(assert_same(
            || in_if_branches(left),
            || in_if_branches_rustc(left),
        ));
    }
}

#[test]
fn tuple_elements_match_rustc() {
    both_send(&in_a_tuple(2), &in_a_tuple_rustc(2));
    same_and_no_larger(assert_same(|| in_a_tuple(2), || in_a_tuple_rustc(2)));
}

#[test]
fn match_arms_match_rustc() {
    for kind in [0, 1] {
        both_send(&in_match_arms(kind), &in_match_arms_rustc(kind));
        same_and_no_larger(assert_same(
            || in_match_arms(kind),
            || in_match_arms_rustc(kind),
        ));
    }
}

#[test]
fn values_made_after_an_effect_match_rustc() {
    both_send(&after_an_effect(3), &after_an_effect_rustc(3));
    same_and_no_larger(assert_same(
        || after_an_effect(3),
        || after_an_effect_rustc(3),
    ));
}

#[test]
fn aggregates_match_rustc() {
    both_send(&in_aggregates(1), &in_aggregates_rustc(1));
    same_and_no_larger(assert_same(|| in_aggregates(1), || in_aggregates_rustc(1)));
}

#[test]
fn loop_rounds_match_rustc() {
    both_send(&in_a_loop(3), &in_a_loop_rustc(3));
    same_and_no_larger(assert_same(|| in_a_loop(3), || in_a_loop_rustc(3)));
}
