//! Moves out of a `Box` with `*b` around awaits.
//!
//! `*b` read by value moves the value out of the box, and the box with it:
//! rustc frees the emptied box at the end of its scope, and nothing else
//! of it is left to drop. The machine kept `b` across the await, read
//! `*b` as a place, and did not build: where the box's type shows in a
//! tuple's written type (`let (b, m): (Box<T>, u32) = ..;`, a parameter
//! `(a, n): (Box<T>, u32)`), it is now known for a box; and where a branch
//! may move out of a box kept with a drop flag (`if flag { *b } else {
//! .. }`), the box leaves its flag with its value (`__private::UnboxMove`),
//! or the value is copied and the box stays (`__private::UnboxCopy`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s, Probe payloads
//! showing what drops when), and must be no larger, and `Send` as the
//! twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// Waits, then uses the probe it was given, and drops it.
async fn consume(p: Probe) -> u32 {
    Leaf::new("consume").pending(1).ready(()).await;
    p.touch();
    1
}

fn boxed(label: &str) -> Box<Probe> {
    Box::new(Probe::new(label))
}

/// A box bound by a tuple pattern whose type is written (E0382 at `b`).
#[desugar]
async fn typed_tuple(e: (Box<Probe>, u32)) -> u32 {
    let (b, m): (Box<Probe>, u32) = e;
    consume(*b).await + m
}

/// The same bound by a parameter's tuple pattern (E0382 at `a`).
#[desugar]
async fn param_tuple((a, n): (Box<Probe>, u32)) -> u32 {
    consume(*a).await + n
}

/// A box parameter moved out of on one path only: rustc gives `b` a drop
/// flag (E0507 "cannot move out of a shared reference" at `*b`).
#[desugar]
async fn maybe_unbox(b: Box<Probe>, flag: bool) -> u32 {
    let p = if flag { *b } else { Probe::new("fresh") };
    let n = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n
}

/// The same through a block that binds the value (E0507 at `*b`).
#[allow(clippy::let_and_return)] // the shape under test
#[desugar]
async fn maybe_unbox_block(b: Box<Probe>, flag: bool) -> u32 {
    let p = if flag {
        let v = *b;
        v
    } else {
        Probe::new("fresh")
    };
    let n = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n
}

/// A box of a `Copy` value kept with a flag: `*b` copies, and the box
/// stays, read again after the await.
#[desugar]
async fn maybe_copied(b: Box<u32>, flag: bool, p: Probe) -> u32 {
    let n = if flag { *b } else { 7 };
    let m = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n + m + *b
}

#[test]
fn moved_out_of_a_box_bound_by_a_typed_tuple() {
    let outcome = same_and_no_larger(assert_same(
        || typed_tuple((boxed("b"), 4)),
        || typed_tuple_rustc((boxed("b"), 4)),
    ));
    assert_eq!(outcome, "Ready(5)");
    both_send(
        &typed_tuple((boxed("b"), 4)),
        &typed_tuple_rustc((boxed("b"), 4)),
    );
}

#[test]
fn moved_out_of_a_box_bound_by_a_parameter_pattern() {
    let outcome = same_and_no_larger(assert_same(
        || param_tuple((boxed("a"), 2)),
        || param_tuple_rustc((boxed("a"), 2)),
    ));
    assert_eq!(outcome, "Ready(3)");
    both_send(
        &param_tuple((boxed("a"), 2)),
        &param_tuple_rustc((boxed("a"), 2)),
    );
}

#[test]
fn a_box_moved_out_of_on_one_path() {
    for flag in [true, false] {
        same_and_no_larger(assert_same(
            || maybe_unbox(boxed("boxed"), flag),
            || maybe_unbox_rustc(boxed("boxed"), flag),
        ));
        same_and_no_larger(assert_same(
            || maybe_unbox_block(boxed("boxed"), flag),
            || maybe_unbox_block_rustc(boxed("boxed"), flag),
        ));
        same_and_no_larger(assert_same(
            || maybe_copied(Box::new(3), flag, Probe::new("p")),
            || maybe_copied_rustc(Box::new(3), flag, Probe::new("p")),
        ));
    }
    both_send(
        &maybe_unbox(boxed("b"), true),
        &maybe_unbox_rustc(boxed("b"), true),
    );
    both_send(
        &maybe_unbox_block(boxed("b"), true),
        &maybe_unbox_block_rustc(boxed("b"), true),
    );
    both_send(
        &maybe_copied(Box::new(3), true, Probe::new("p")),
        &maybe_copied_rustc(Box::new(3), true, Probe::new("p")),
    );
}
