//! A macro of the user's own that expands to a closure (`poll_fn(move
//! |cx| ..)`) or an `async` block, awaited in code the expansion writes
//! twice (a loop body that awaits again, resumed). Each copy of the macro's
//! closure is a type of its own, which `#[desugar]` cannot see in the
//! macro's tokens: the machine did not build (E0308 "expected closure,
//! found a different closure" at `#[desugar]`). An awaited call of such a
//! macro is now wrapped per copy, as an awaited `async` block is. Each
//! machine is compared with rustc's twin, must be no larger, and `Send`
//! where the twin is.

use core::task::Poll;

use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};

/// Compares the machine with its twin, and fails if it is larger.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// Pending once (waking itself), then ready: a closure in a `poll_fn`.
macro_rules! yield_now {
    () => {{
        let mut yielded = false;
        ::core::future::poll_fn(move |cx| {
            if yielded {
                Poll::Ready(())
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        })
    }};
}

/// An `async move` block.
macro_rules! tick {
    ($n:expr) => {
        async move { Leaf::new("tick").pending(1).ready($n).await }
    };
}

/// A future of one type wherever it is written.
macro_rules! plain {
    ($n:expr) => {
        Leaf::new("plain").pending(1).ready($n)
    };
}

#[desugar]
async fn yields_in_for(n: u32) -> u32 {
    let mut total = 0;
    for i in 0..n {
        yield_now!().await;
        total += Leaf::new("work").ready(i).await;
    }
    total
}

#[desugar]
async fn yields_in_while(n: u32) -> u32 {
    let mut total = 0;
    let mut i = 0;
    while i < n {
        yield_now!().await;
        if i % 2 == 0 {
            total += Leaf::new("even").ready(i).await;
        }
        i += 1;
    }
    total
}

#[desugar]
async fn ticks(n: u32) -> u32 {
    let mut t = 0;
    for i in 0..n {
        t += tick!(i).await;
        t += Leaf::new("work").ready(1u32).await;
    }
    t
}

#[desugar]
async fn plains(n: u32) -> u32 {
    let mut t = 0;
    for i in 0..n {
        t += plain!(i).await;
        t += Leaf::new("work").ready(1u32).await;
    }
    t
}

#[test]
fn closures_of_own_macros_match_rustc() {
    both_send(&yields_in_for(3), &yields_in_for_rustc(3));
    same_and_no_larger(assert_same(|| yields_in_for(3), || yields_in_for_rustc(3)));
    both_send(&yields_in_while(3), &yields_in_while_rustc(3));
    same_and_no_larger(assert_same(
        || yields_in_while(3),
        || yields_in_while_rustc(3),
    ));
}

#[test]
fn async_blocks_of_own_macros_match_rustc() {
    both_send(&ticks(3), &ticks_rustc(3));
    same_and_no_larger(assert_same(|| ticks(3), || ticks_rustc(3)));
}

#[test]
fn plain_futures_of_own_macros_match_rustc() {
    both_send(&plains(3), &plains_rustc(3));
    same_and_no_larger(assert_same(|| plains(3), || plains_rustc(3)));
}
