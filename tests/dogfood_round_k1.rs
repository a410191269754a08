//! In-place mutation of options and fields across awaits, in shapes a
//! dogfood run (dogK1) found that the plain `async fn` builds and the
//! machine did not, each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - A `match`, `if let` or `while let` on a tuple literal (`match
//!   (x.take(), y.take())`, `match (taken, k)`), one arm moving a part out
//!   and skipping another with `_`, then awaiting: the tuple was kept in
//!   place, where the pattern could not move out of it (E0507 "cannot move
//!   out of a shared reference"). A tuple literal is a temporary as a
//!   call's value is, and its skipped parts are bound apart in the same way.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

#[desugar]
async fn tuple_of_taken_options(a: bool) -> usize {
    let mut x = a.then(|| Probe::new("x"));
    let mut y = Some(Probe::new("y"));
    match (x.take(), y.take()) {
        (Some(p), _) => look(&p).await,
        _ => 0,
    }
}

/// `_` skips only a number, which has nothing to drop.
#[desugar]
async fn tuple_skipping_a_number(k: u32) -> usize {
    let taken = (k > 0).then(|| Probe::new("t"));
    match (taken, k) {
        (Some(p), _) => look(&p).await,
        _ => 0,
    }
}

/// Two locals moved into the tuple, the one skipped with something to
/// drop, an arm that binds nothing, and an await after the `match`.
#[desugar]
async fn tuple_of_locals(k: u32) -> usize {
    let state = (k != 1).then(|| Probe::new("state"));
    let event = Probe::new("event");
    let n = match (state, event) {
        (Some(p), _) => {
            let n = look(&p).await;
            p.touch();
            n
        }
        (None, e) => e.label().len(),
    };
    Leaf::new("after").pending(1).ready(n).await
}

fn lock(q: &mut Vec<Probe>, why: &Probe) -> Option<Probe> {
    why.touch();
    q.pop()
}

/// An element made beside a temporary (`&Probe::new(..)`), which drops at
/// the end of the statement, after the skipped part.
#[desugar]
async fn tuple_beside_a_temporary(mut q: Vec<Probe>) -> usize {
    let mut y = Some(Probe::new("y"));
    match (y.take(), lock(&mut q, &Probe::new("why"))) {
        (_, Some(p)) => look(&p).await,
        (Some(y), None) => y.label().len(),
        (None, None) => 0,
    }
}

#[desugar]
async fn if_let_on_a_tuple(a: bool) -> usize {
    let mut x = a.then(|| Probe::new("x"));
    let mut y = Some(Probe::new("y"));
    if let (Some(p), _) = (x.take(), y.take()) {
        look(&p).await
    } else {
        Leaf::new("none").pending(1).ready(0).await
    }
}

#[desugar]
async fn while_let_on_a_tuple(mut q: Vec<Probe>) -> usize {
    let mut total = 0;
    let mut y = Some(Probe::new("y"));
    while let (Some(p), _) = (q.pop(), y.take()) {
        total += look(&p).await;
    }
    total
}

#[test]
fn tuple_literals_taken_apart_beside_skipped_parts() {
    for a in [true, false] {
        same_and_no_larger(
            || tuple_of_taken_options(a),
            || tuple_of_taken_options_rustc(a),
        );
        same_and_no_larger(|| if_let_on_a_tuple(a), || if_let_on_a_tuple_rustc(a));
    }
    for k in 0..3 {
        same_and_no_larger(
            || tuple_skipping_a_number(k),
            || tuple_skipping_a_number_rustc(k),
        );
        same_and_no_larger(|| tuple_of_locals(k), || tuple_of_locals_rustc(k));
    }
    let q = || vec![Probe::new("a"), Probe::new("b")];
    for q in [q, Vec::new] {
        same_and_no_larger(
            || tuple_beside_a_temporary(q()),
            || tuple_beside_a_temporary_rustc(q()),
        );
        same_and_no_larger(
            || while_let_on_a_tuple(q()),
            || while_let_on_a_tuple_rustc(q()),
        );
    }
    both_send(
        &tuple_of_taken_options(true),
        &tuple_of_taken_options_rustc(true),
    );
    both_send(
        &tuple_skipping_a_number(1),
        &tuple_skipping_a_number_rustc(1),
    );
    both_send(&tuple_of_locals(1), &tuple_of_locals_rustc(1));
    both_send(
        &tuple_beside_a_temporary(q()),
        &tuple_beside_a_temporary_rustc(q()),
    );
    both_send(&if_let_on_a_tuple(true), &if_let_on_a_tuple_rustc(true));
    both_send(&while_let_on_a_tuple(q()), &while_let_on_a_tuple_rustc(q()));
}
