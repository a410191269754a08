//! The comparison fails, with a readable diff naming the phase and the first
//! differing event, when two futures differ on purpose.

// The harness needs `std` (the default feature).
#![cfg(feature = "std")]

mod harness_support;

use desugar_runtime::harness::{Comparison, Leaf, Phase, Probe, Schedule, assert_same, compare};
use harness_support::panic_of;

/// The failure message of `assert_same(left, right)`.
macro_rules! failure {
    ($left:expr, $right:expr $(,)?) => {
        panic_of(|| {
            let _ = assert_same(|| $left, || $right);
        })
    };
}

#[test]
fn different_outputs() {
    let msg = failure!(
        async { Leaf::new("x").pending(1).ready(1).await + 1 },
        async { Leaf::new("x").pending(1).ready(1).await + 2 },
    );
    assert!(msg.contains("phase:    completion"), "{msg}");
    assert!(
        msg.contains("first difference at event #9: left `=> Ready(2)`, right `=> Ready(3)`"),
        "{msg}"
    );
    // The side-by-side table marks the line.
    assert!(msg.contains(">    9  => Ready(2)"), "{msg}");
}

#[test]
fn outputs_that_print_alike_but_are_not_equal() {
    #[derive(Debug)]
    struct Nan(f64);
    impl PartialEq for Nan {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }
    let mismatch = compare(|| async { Nan(f64::NAN) }, || async { Nan(f64::NAN) }).unwrap_err();
    assert_eq!(mismatch.phase, Phase::Completion);
    assert!(mismatch.diff.is_none());
    assert!(
        mismatch.detail.contains("print the same but are not equal"),
        "{mismatch}"
    );
}

#[test]
fn different_leaf_poll_order() {
    let msg = failure!(
        async {
            let a = Leaf::new("a").ready(1).await;
            a + Leaf::new("b").ready(2).await
        },
        async {
            let b = Leaf::new("b").ready(2).await;
            Leaf::new("a").ready(1).await + b
        },
    );
    assert!(
        msg.contains("first difference at event #1: left `leaf a: polled`, right `leaf b: polled`"),
        "{msg}"
    );
}

#[test]
fn different_drop_order() {
    let msg = failure!(
        async {
            let (a, b) = (Probe::new("a"), Probe::new("b"));
            Leaf::new("x").pending(1).ready(()).await;
            drop(a);
            drop(b);
        },
        async {
            let (a, b) = (Probe::new("a"), Probe::new("b"));
            Leaf::new("x").pending(1).ready(()).await;
            drop(b);
            drop(a);
        },
    );
    assert!(
        msg.contains(r#"left `drop probe "a"`, right `drop probe "b"`"#),
        "{msg}"
    );
}

#[test]
fn drop_order_that_differs_only_when_cancelled() {
    struct Pair {
        a: Probe,
        b: Probe,
    }
    // On completion both drop `b` then `a`; dropped while suspended, locals
    // go in reverse declaration order (b, a) but a struct's fields in
    // declaration order (a, b).
    let msg = failure!(
        async {
            let a = Probe::new("a");
            let b = Probe::new("b");
            Leaf::new("x").pending(1).ready(()).await;
            drop(b);
            drop(a);
        },
        async {
            let pair = Pair {
                a: Probe::new("a"),
                b: Probe::new("b"),
            };
            Leaf::new("x").pending(1).ready(()).await;
            drop(pair.b);
            drop(pair.a);
        },
    );
    assert!(msg.contains("phase:    cancelled after 1 poll"), "{msg}");
    assert!(
        msg.contains(r#"left `drop probe "b"`, right `drop probe "a"`"#),
        "{msg}"
    );
}

#[test]
fn different_wake_behaviour() {
    let msg = failure!(
        Leaf::new("x").pending(1).ready(0),
        Leaf::new("x").pending(1).wake_from_thread().ready(0),
    );
    assert!(
        msg.contains("left `wake_by_ref`, right `waker clone`"),
        "{msg}"
    );
}

#[test]
fn a_waker_that_does_not_reach_the_leaf() {
    use core::future::Future;
    use core::pin::Pin;
    use core::task::{Context, Poll, Waker};

    /// Polls its inner future with a waker of its own, as a combinator
    /// that forgot to forward the `Context` would.
    struct SwapsWaker<F>(F);
    impl<F: Future + Unpin> Future for SwapsWaker<F> {
        type Output = F::Output;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            let poll = Pin::new(&mut self.0).poll(&mut Context::from_waker(Waker::noop()));
            if poll.is_pending() {
                cx.waker().wake_by_ref();
            }
            poll
        }
    }
    let msg = failure!(
        Leaf::new("x").pending(1).ready(0),
        SwapsWaker(Leaf::new("x").pending(1).ready(0)),
    );
    assert!(
        msg.contains("left `leaf x: polled`, right `leaf x: polled with a foreign waker`"),
        "{msg}"
    );
}

#[test]
fn different_panic_messages() {
    let msg = failure!(
        async {
            let _p = Probe::new("p");
            Leaf::new("x").pending(1).ready(()).await;
            panic!("boom")
        },
        async {
            let _p = Probe::new("p");
            Leaf::new("x").pending(1).ready(()).await;
            panic!("bang")
        },
    );
    assert!(
        msg.contains("left `=> panic: boom`, right `=> panic: bang`"),
        "{msg}"
    );
}

#[test]
fn different_poison_after_completion() {
    // A future that can be polled again after `Ready` where rustc's panics.
    let mismatch = compare(|| core::future::ready(1), || async { 1 }).unwrap_err();
    assert_eq!(mismatch.phase, Phase::AfterCompletion);
    assert!(
        mismatch
            .detail
            .contains("right `=> panic: `async fn` resumed after completion`"),
        "{mismatch}"
    );
}

#[test]
fn differences_only_an_extra_pending_reveals() {
    use core::future::Future;
    use core::pin::Pin;
    use core::task::{Context, Poll};

    use desugar_runtime::harness::LeafFuture;

    /// Polls the leaf once and gives up on `Pending` instead of waiting.
    struct Impatient(LeafFuture<u8>);
    impl Future for Impatient {
        type Output = Option<u8>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
            Poll::Ready(match Pin::new(&mut self.0).poll(cx) {
                Poll::Ready(v) => Some(v),
                Poll::Pending => None,
            })
        }
    }
    /// Waits for the leaf.
    struct Patient(LeafFuture<u8>);
    impl Future for Patient {
        type Output = Option<u8>;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
            Pin::new(&mut self.0).poll(cx).map(Some)
        }
    }
    // Indistinguishable while the leaf is ready at once…
    let report = compare(
        || Impatient(Leaf::new("x").ready(1)),
        || Patient(Leaf::new("x").ready(1)),
    );
    assert!(report.is_ok(), "{report:?}");
    // …but not when it is suspended first.
    let msg = failure!(
        Impatient(Leaf::new("x").ready(1)),
        Patient(Leaf::new("x").ready(1))
    );
    assert!(
        msg.contains("schedule: extra Pending before every leaf step"),
        "{msg}"
    );
    assert!(
        msg.contains("left `=> Ready(None)`, right `=> Pending`"),
        "{msg}"
    );
}

#[test]
fn size_check_fails_when_the_left_is_larger() {
    let mismatch = Comparison::new()
        .check_size()
        .run(
            || async {
                let big = [1u8; 256];
                Leaf::new("x").ready(()).await;
                big[0]
            },
            || async {
                Leaf::new("x").ready(()).await;
                1u8
            },
        )
        .unwrap_err();
    assert_eq!(mismatch.phase, Phase::Size);
    assert_eq!(mismatch.schedule, Schedule::default());
    assert!(
        mismatch.detail.starts_with("the left future is larger"),
        "{mismatch}"
    );
}
