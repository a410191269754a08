//! The awaited future of a state is held in a wrapper that hides its
//! niches (`__private::Awaited`), so that the state enum keeps a tag of its
//! own beside it, as rustc's coroutine does, instead of storing its
//! discriminant in a `bool` or a pointer of the future and decoding it on
//! every poll (BENCHMARKS.md, "Poll cost"). The wrapper is an
//! `UnsafeCell`, which alone would make every machine `!Sync`: the machine
//! must stay `Sync`, `Send` and unwind-safe wherever its twin is, and not
//! where it is not.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger.

use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};

use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the report.
fn same_and_no_larger(report: Report) -> Report {
    assert!(report.left_size <= report.right_size, "{report}");
    report
}

struct Probe<T>(PhantomData<T>);

fn probe<T>(_: &T) -> Probe<T> {
    Probe(PhantomData)
}

/// Chosen first when `T: Sync`: its method takes `&Probe<T>`, the receiver
/// as written; otherwise method lookup goes on to `&&Probe<T>`.
trait IsSync {
    fn sync(&self) -> bool {
        true
    }
}
impl<T: Sync> IsSync for Probe<T> {}
trait NotSync {
    fn sync(&self) -> bool {
        false
    }
}
impl<T> NotSync for &Probe<T> {}

/// The same for `RefUnwindSafe`.
trait IsRefUnwindSafe {
    fn ref_unwind_safe(&self) -> bool {
        true
    }
}
impl<T: RefUnwindSafe> IsRefUnwindSafe for Probe<T> {}
trait NotRefUnwindSafe {
    fn ref_unwind_safe(&self) -> bool {
        false
    }
}
impl<T> NotRefUnwindSafe for &Probe<T> {}

/// Whether the value's (possibly opaque) type is `Sync`, decided where the
/// type is concrete.
macro_rules! is_sync {
    ($value:expr) => {
        (&probe(&$value)).sync()
    };
}

/// Whether it is `RefUnwindSafe`, likewise.
macro_rules! is_ref_unwind_safe {
    ($value:expr) => {
        (&probe(&$value)).ref_unwind_safe()
    };
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// Builds only where both are `UnwindSafe`.
fn both_unwind_safe<A: UnwindSafe, B: UnwindSafe>(_: &A, _: &B) {}

/// Keeps only the awaited leaf, whose `String` and `bool`s offer niches.
#[desugar]
async fn wait_for(n: u64) -> u64 {
    Leaf::new("wait").pending(1).ready(n).await + 1
}

/// `Pending` once, then ready; it holds a `Cell`, so it is `Send` but not
/// `Sync`, and not `RefUnwindSafe`; its `bool` offers a niche.
struct Unshared {
    value: Cell<u64>,
    polled: bool,
}

impl Future for Unshared {
    type Output = u64;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.polled {
            Poll::Ready(self.value.get())
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[desugar]
async fn wait_unshared(n: u64) -> u64 {
    let first = Unshared {
        value: Cell::new(n),
        polled: false,
    }
    .await;
    first + Leaf::new("after").pending(1).ready(2).await
}

#[test]
fn the_state_keeps_a_tag_of_its_own_beside_the_awaited_future() {
    let report = same_and_no_larger(assert_same(|| wait_for(4), || wait_for_rustc(4)));
    assert_eq!(report.outcome, "Ready(5)");
    // The machine keeps the leaf and a tag beside it, as the twin does; a
    // tag in a niche of the leaf would take no byte, and every poll would
    // decode it.
    let leaf = std::mem::size_of_val(&Leaf::new("wait").pending(1).ready(4u64));
    assert!(
        report.left_size > leaf,
        "{report}: the leaf alone is {leaf} bytes"
    );
    let report = same_and_no_larger(assert_same(|| wait_unshared(4), || wait_unshared_rustc(4)));
    assert_eq!(report.outcome, "Ready(6)");
}

#[test]
fn the_machine_is_sync_and_unwind_safe_where_its_twin_is() {
    let (machine, twin) = (wait_for(1), wait_for_rustc(1));
    both_send(&machine, &twin);
    both_unwind_safe(&machine, &twin);
    assert!(is_sync!(twin));
    assert!(is_sync!(machine));
    assert!(is_ref_unwind_safe!(twin));
    assert!(is_ref_unwind_safe!(machine));

    let (machine, twin) = (wait_unshared(1), wait_unshared_rustc(1));
    both_send(&machine, &twin);
    assert!(!is_sync!(twin));
    assert!(!is_sync!(machine));
    assert!(!is_ref_unwind_safe!(twin));
    assert!(!is_ref_unwind_safe!(machine));
}
