//! Boxes (and values behind a deref) bound by a pattern and taken apart,
//! an await after: the plain `async fn`s built, the machines did not.
//!
//! - `let l = *l;` on a `Box` bound by a variant's pattern, its type not
//!   written (E0382): moved out of by name, as a whole destructuring is,
//!   the box goes into the `let` (`rewrite::unboxed`).
//! - `let (n, p) = *b;` on a `Box` bound by a `let … else` or a tuple
//!   `let` (E0382): those patterns' names are as untyped as an arm's.
//! - `let (ref p, n) = *b;` on a `Box` parameter, `p` used after the await
//!   (E0505, E0597): `p` borrows inside the box, which the machine moved
//!   into the state beside it; it keeps the box in place.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger, and `Send` as the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

#[derive(Debug)]
pub enum Tree {
    Leaf(u32, Probe),
    Node(Box<Tree>),
}

fn tree(depth: u32) -> Tree {
    (0..depth).fold(Tree::Leaf(3, Probe::new("leaf")), |t, _| {
        Tree::Node(Box::new(t))
    })
}

/// The box shadowed by what it holds, read after the await.
#[desugar]
async fn left(t: Tree) -> u32 {
    match t {
        Tree::Node(l) => {
            let l = *l;
            Leaf::new("a").pending(1).ready(()).await;
            match l {
                Tree::Leaf(n, p) => {
                    p.touch();
                    n
                }
                Tree::Node(_) => 0,
            }
        }
        Tree::Leaf(n, _) => n,
    }
}

/// The same under another name, from an `if let`.
#[desugar]
async fn inner(t: Tree) -> u32 {
    if let Tree::Node(b) = t {
        let v = *b;
        Leaf::new("a").pending(1).ready(()).await;
        if let Tree::Leaf(n, _) = v { n } else { 1 }
    } else {
        0
    }
}

#[test]
fn moved_out_by_name() {
    for depth in [0, 1, 2] {
        let outcome = same_and_no_larger(assert_same(
            || left(tree(depth)),
            || left_rustc(tree(depth)),
        ));
        assert!(outcome.starts_with("Ready"), "{outcome}");
        both_send(&left(tree(depth)), &left_rustc(tree(depth)));
        same_and_no_larger(assert_same(
            || inner(tree(depth)),
            || inner_rustc(tree(depth)),
        ));
        both_send(&inner(tree(depth)), &inner_rustc(tree(depth)));
    }
}

/// A box bound by a `let … else`, taken apart.
#[desugar]
async fn unbox(item: Option<Box<(u32, Probe)>>) -> u32 {
    let Some(b) = item else { return 0 };
    let (n, p) = *b;
    let r = Leaf::new("n").pending(1).ready(n).await;
    p.touch();
    r
}

/// A box bound by a tuple `let` out of a box, taken apart in turn.
#[desugar]
async fn twice(b: Box<(Box<(u32, Probe)>, Probe)>) -> u32 {
    let (inner, outer) = *b;
    let (n, p) = *inner;
    let r = Leaf::new("n").pending(1).ready(n).await;
    p.touch();
    outer.touch();
    r
}

#[test]
fn bound_by_let_else_and_tuple_let() {
    for some in [false, true] {
        let mk = move || some.then(|| Box::new((2, Probe::new("p"))));
        same_and_no_larger(assert_same(|| unbox(mk()), || unbox_rustc(mk())));
        both_send(&unbox(mk()), &unbox_rustc(mk()));
    }
    let mk = || Box::new((Box::new((2, Probe::new("p"))), Probe::new("outer")));
    let outcome = same_and_no_larger(assert_same(|| twice(mk()), || twice_rustc(mk())));
    assert!(outcome.starts_with("Ready"), "{outcome}");
    both_send(&twice(mk()), &twice_rustc(mk()));
}

/// A part borrowed inside a box parameter, held across the await, beside
/// a part copied out.
#[desugar]
async fn boxed(b: Box<(Probe, u32)>) -> u32 {
    let (ref p, n) = *b;
    Leaf::new("a").pending(1).ready(()).await;
    p.touch();
    n
}

/// Every part borrowed; the box made in the body.
#[desugar]
async fn made(k: u32) -> u32 {
    let b = Box::new((Probe::new("p"), k));
    let (ref p, ref n) = *b;
    Leaf::new("a").pending(1).ready(()).await;
    p.touch();
    *n
}

#[test]
fn borrowed_inside_a_box() {
    let mk = || Box::new((Probe::new("p"), 3));
    let outcome = same_and_no_larger(assert_same(|| boxed(mk()), || boxed_rustc(mk())));
    assert!(outcome.starts_with("Ready"), "{outcome}");
    both_send(&boxed(mk()), &boxed_rustc(mk()));
    same_and_no_larger(assert_same(|| made(4), || made_rustc(4)));
    both_send(&made(4), &made_rustc(4));
}

/// A guard bound by a plain `let` and copied out of by name stays whole to
/// the end of its scope, as in rustc: the rewrite of a box moved out of by
/// name leaves a local a plain `let` bound alone, so this builds.
#[allow(clippy::await_holding_refcell_ref)] // the borrow held across the await is under test
#[desugar]
async fn copied_out_of_a_guard(cell: &std::cell::RefCell<u32>, p: Probe) -> u32 {
    let g = cell.borrow();
    let v = *g;
    Leaf::new("held").pending(1).ready(()).await;
    p.touch();
    v + u32::from(cell.try_borrow_mut().is_err())
}

#[test]
fn a_guard_copied_out_of_by_name_stays_whole() {
    for n in [1, 7] {
        let report = assert_same(
            move || async move {
                let cell = std::cell::RefCell::new(n);
                copied_out_of_a_guard(&cell, Probe::new("p")).await
            },
            move || async move {
                let cell = std::cell::RefCell::new(n);
                copied_out_of_a_guard_rustc(&cell, Probe::new("p")).await
            },
        );
        same_and_no_larger(report);
    }
}
