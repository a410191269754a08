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
//!
//! Also a box bound by an arm (`Some(b)`), whose type does not show,
//! destructured by moving out of it (`let (n, p) = *b;`).

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

/// A guarded arm borrows the popped value across its await; a later arm
/// moves it out. The machine matched the value in place, where the later
/// arm could not move out of it (E0507).
#[desugar]
async fn picked(pool: &mut Vec<Probe>) -> u32 {
    match pool.pop() {
        Some(ref p) if p.label() == "x" => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            1
        }
        Some(p) => {
            p.touch();
            Leaf::new("b").pending(1).ready(()).await;
            2
        }
        None => 0,
    }
}

#[test]
fn a_borrowing_arm_beside_a_moving_one() {
    for label in ["x", "y", ""] {
        let pool = move || {
            if label.is_empty() {
                Vec::new()
            } else {
                vec![Probe::new("under"), Probe::new(label)]
            }
        };
        same_and_no_larger(assert_same(
            move || async move { picked(&mut pool()).await },
            move || async move { picked_rustc(&mut pool()).await },
        ));
    }
    let mut a = vec![Probe::new("x")];
    let mut b = vec![Probe::new("x")];
    both_send(&picked(&mut a), &picked_rustc(&mut b));
}

/// One part borrowed, one moved, out of the `if let`'s own value; the
/// borrowed part drops after the moved one, at the end of the `if let`.
/// The machine kept the value in place, where `p` could not move out of
/// it (E0507).
#[desugar]
async fn popped(mut v: Vec<(Probe, Probe)>) -> usize {
    if let Some((ref n, p)) = v.pop() {
        let id = n.label().len();
        Leaf::new("a").pending(1).ready(()).await;
        p.touch();
        n.touch();
        id
    } else {
        Leaf::new("e").pending(1).ready(()).await;
        0
    }
}

/// The same in a `match` whose moving pattern borrows a part of a
/// variant beside a part it skips, in the order the variant lists them.
pub enum Msg {
    Three(Probe, Probe, Probe),
    Close,
}

#[desugar]
async fn three(mut q: Vec<Msg>) -> usize {
    let n = match q.pop() {
        Some(Msg::Three(ref a, _, c)) => {
            Leaf::new("a").pending(1).ready(()).await;
            c.touch();
            a.label().len()
        }
        Some(Msg::Close) | None => 0,
    };
    Leaf::new("after").pending(1).ready(()).await;
    n
}

#[test]
fn a_part_borrowed_beside_a_part_moved() {
    let pairs = move |some: bool| {
        let mut v = vec![(Probe::new("n0"), Probe::new("p0"))];
        if some {
            v.push((Probe::new("n"), Probe::new("p")));
        } else {
            v.clear();
        }
        v
    };
    for some in [true, false] {
        same_and_no_larger(assert_same(
            move || popped(pairs(some)),
            move || popped_rustc(pairs(some)),
        ));
    }
    both_send(&popped(pairs(true)), &popped_rustc(pairs(true)));
    let msgs = || {
        vec![Msg::Three(
            Probe::new("a"),
            Probe::new("b"),
            Probe::new("c"),
        )]
    };
    same_and_no_larger(assert_same(|| three(msgs()), || three_rustc(msgs())));
    same_and_no_larger(assert_same(
        || three(vec![Msg::Close]),
        || three_rustc(vec![Msg::Close]),
    ));
    both_send(&three(msgs()), &three_rustc(msgs()));
}

/// A box bound by an arm, destructured by moving out of it: the parts
/// move, and the box goes with them. The machine kept the box across the
/// await, as a value whose type it cannot see, after the parts had moved
/// out of it (E0382 "use of partially moved value: `b`").
#[desugar]
async fn unboxed(slot: &mut Option<Box<(u32, Probe)>>) -> u32 {
    match slot.take() {
        Some(b) => {
            let (n, p) = *b;
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            n
        }
        None => 0,
    }
}

/// The same for a box bound by `let`, and a reference bound by a loop,
/// which the pattern copies out of.
#[desugar]
async fn unboxed_by_let(make: bool, pairs: Vec<(u32, u32)>) -> u32 {
    let mut sum = 0;
    if make {
        let b = Box::new((Probe::new("a"), Probe::new("b")));
        let (a, c) = *b;
        Leaf::new("a").pending(1).ready(()).await;
        c.touch();
        a.touch();
    }
    for r in pairs.iter() {
        let (x, y) = *r;
        Leaf::new("r").pending(1).ready(()).await;
        sum += x * y;
    }
    sum
}

#[test]
fn a_box_bound_by_a_pattern_moved_out_of() {
    for full in [true, false] {
        let slot = move || full.then(|| Box::new((3, Probe::new("b"))));
        same_and_no_larger(assert_same(
            move || async move { unboxed(&mut slot()).await },
            move || async move { unboxed_rustc(&mut slot()).await },
        ));
        let pairs = || vec![(1, 2), (3, 4)];
        same_and_no_larger(assert_same(
            move || unboxed_by_let(full, pairs()),
            move || unboxed_by_let_rustc(full, pairs()),
        ));
    }
    let (mut a, mut b) = (None, None);
    both_send(&unboxed(&mut a), &unboxed_rustc(&mut b));
    both_send(
        &unboxed_by_let(true, vec![]),
        &unboxed_by_let_rustc(true, vec![]),
    );
}
