//! `ref` and `ref mut` bindings into a value a `match` or `if let` makes
//! itself (`pool.pop()`, `make(go)`), with an await in the arm: rustc
//! keeps the temporary to the end of the construct, borrowed where it is.
//! The machine keeps it in place too; a `ref mut` binding reaches it
//! mutably, and where a pattern moves a part beside a borrowed one, or
//! another arm moves out of it, the borrowed parts are moved into a
//! hidden local of their own that drops where the temporary would.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger.
fn same_and_no_larger(report: Report) {
    assert!(report.left_size <= report.right_size, "{report}");
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

fn make(go: bool) -> Option<(u32, Probe)> {
    go.then(|| (1, Probe::new("t")))
}

/// `ref mut` into the `match`'s own value, used after the await. The
/// machine reached the value in place through a shared reference (E0596).
#[desugar]
async fn bumped(go: bool) -> u32 {
    match make(go) {
        Some(ref mut t) => {
            Leaf::new("a").pending(1).ready(()).await;
            t.0 += 1;
            t.0
        }
        None => 0,
    }
}

/// The same in an `if let`, beside a part skipped with `_`.
#[desugar]
async fn bumped_if_let(go: bool) -> u32 {
    if let Some((ref mut n, _)) = make(go) {
        Leaf::new("a").pending(1).ready(()).await;
        *n += 2;
        *n
    } else {
        0
    }
}

#[test]
fn ref_mut_into_a_temporary_reaches_it_mutably() {
    for go in [true, false] {
        same_and_no_larger(assert_same(move || bumped(go), move || bumped_rustc(go)));
        same_and_no_larger(assert_same(
            move || bumped_if_let(go),
            move || bumped_if_let_rustc(go),
        ));
    }
    both_send(&bumped(true), &bumped_rustc(true));
    both_send(&bumped_if_let(true), &bumped_if_let_rustc(true));
}
