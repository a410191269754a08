//! Shapes a dogfood hunt of iterator code found (dogK6), each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - A local read by a formatting macro ahead of an await in its own
//!   arguments, which the awaited expression formats too (`format!("{}{}",
//!   i, leaf(format!("c{}", i)).await)`, `write!(out, "{}{}", i,
//!   io(format!("c{i}")).await)`): rejected as a read the awaited
//!   expression may change, as any name in a macro's tokens counted as
//!   changed. A formatting macro borrows its arguments shared, and only
//!   what running them does counts now. rustc borrows `i` before the
//!   await and formats it after; the machine leaves `i` in place and
//!   borrows it after: the same value, even where the awaited expression
//!   changes it through a cell (`c: &Cell<u32>`, formatted as `{:?}` after
//!   the await in both). Where it changes it through `&mut`, or a
//!   `write!` to it, the build still stops
//!   (`tests/ui/format_argument_changed_by_await.rs`).
//! - A `for` pattern binding one part by `ref` beside one it moves
//!   (`for (ref a, _b) in v`) stops the build at the moved part, saying
//!   what to write (`tests/ui/moved_beside_ref_binding_in_for.rs`); a
//!   `Copy` part copies and builds, and so does what the message says to
//!   write.

mod common;
use std::cell::Cell;
use std::fmt::Write;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn io(label: String) -> LeafFuture<String> {
    Leaf::new("io").pending(1).ready(label)
}

#[desugar]
async fn tag(i: usize) -> String {
    format!("{}{}", i, Leaf::new(format!("c{}", i)).ready(1).await)
}

#[desugar]
async fn annotate(i: usize, mut out: String) -> String {
    write!(out, "{}{}", i, io(format!("c{i}")).await).unwrap();
    out
}

/// The same in a tuple, where `i` is moved (copied) rather than borrowed.
#[desugar]
async fn tagged_pair(i: usize, p: Probe) -> (usize, String) {
    let pair = (i, io(format!("c{i}")).await);
    p.touch();
    pair
}

/// Changes the cell before it is awaited.
fn bump(c: &Cell<u32>, label: String) -> LeafFuture<String> {
    c.set(c.get() + 10);
    io(label)
}

/// The cell formatted ahead of the await, and changed by the awaited
/// expression: rustc borrows it there and formats it after the await, as
/// the machine does; `c.get()` is read before, in both.
#[desugar]
async fn cell_shown(c: &Cell<u32>) -> String {
    format!("{:?} {} {}", c, c.get(), bump(c, format!("{:?}", c)).await)
}

#[test]
fn formatted_locals_read_before_an_await() {
    for i in [0, 3] {
        same_and_no_larger(|| tag(i), || tag_rustc(i));
        same_and_no_larger(
            || annotate(i, String::from("a")),
            || annotate_rustc(i, String::from("a")),
        );
        same_and_no_larger(
            || tagged_pair(i, Probe::new("p")),
            || tagged_pair_rustc(i, Probe::new("p")),
        );
    }
    let outcome = same_and_no_larger(
        || async {
            let c = Cell::new(1);
            (cell_shown(&c).await, c.get())
        },
        || async {
            let c = Cell::new(1);
            (cell_shown_rustc(&c).await, c.get())
        },
    );
    assert!(outcome.contains("11"), "{outcome}");
    both_send(&tag(3), &tag_rustc(3));
    both_send(
        &annotate(3, String::new()),
        &annotate_rustc(3, String::new()),
    );
    both_send(
        &tagged_pair(3, Probe::new("p")),
        &tagged_pair_rustc(3, Probe::new("p")),
    );
}

/// A `Copy` part beside the `ref` one: copied, the element left whole.
#[desugar]
async fn counted(v: Vec<(Probe, u32)>) -> u32 {
    let mut total = 0;
    for (ref a, n) in v {
        Leaf::new("x").pending(1).ready(()).await;
        a.touch();
        total += n;
    }
    total
}

/// What the message says to write for `for (ref a, _b) in v`.
#[desugar]
async fn firsts(v: Vec<(Probe, Probe)>) {
    for (a, _b) in v {
        let a = &a;
        Leaf::new("x").pending(1).ready(()).await;
        a.touch();
    }
}

#[test]
fn for_patterns_binding_by_ref() {
    let pairs = || vec![(Probe::new("a"), 1), (Probe::new("b"), 2)];
    same_and_no_larger(|| counted(pairs()), || counted_rustc(pairs()));
    let probes = || {
        vec![
            (Probe::new("a"), Probe::new("b")),
            (Probe::new("c"), Probe::new("d")),
        ]
    };
    same_and_no_larger(|| firsts(probes()), || firsts_rustc(probes()));
    both_send(&counted(pairs()), &counted_rustc(pairs()));
    both_send(&firsts(probes()), &firsts_rustc(probes()));
}

async fn bump_by_ten(x: &mut u32) -> u32 {
    Leaf::new("bump").pending(1).ready(()).await;
    *x += 10;
    2
}

/// `n.pow(bump(&mut n).await)` is rejected (the receiver is read before
/// the await that changes it: `tests/ui/await_reads_changed_local.rs`);
/// the message's way out, a copy made first, reads `n` as rustc does
/// (dogK7 msg 1: binding only the awaited value read `n` after the change).
#[desugar]
async fn copied_first(mut n: u32) -> u32 {
    let before = n;
    let r = before.pow(bump_by_ten(&mut n).await);
    r + n
}

#[test]
fn a_receiver_copied_before_the_await_that_changes_it() {
    for n in [3, 0] {
        same_and_no_larger(|| copied_first(n), || copied_first_rustc(n));
    }
}
