//! Parts skipped with `_` (or bound beside a `ref`) in a pattern on a value
//! the `match` makes itself, or reached through `iter_mut()` and
//! `as_mut()`: there `_` may stand for a `&mut` the pattern binds nothing
//! to, with nothing to drop, or for a part that stays in the temporary and
//! drops at the end of the statement, after the temporaries made before it.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

/// An awaited scrutinee whose guarded arm moves all of it and awaits,
/// beside an arm that skips a part with `_`: the machine kept the value,
/// partly moved, to drop it (E0382, dogS build_6).
#[desugar]
async fn got(k: u32) -> u32 {
    match Leaf::new("get")
        .ready(if k > 0 {
            Some((Probe::new("got"), k))
        } else {
            None
        })
        .await
    {
        Some((p, n)) if n > 2 => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            n
        }
        Some((_, n)) => n,
        None => 0,
    }
}

/// The same on a local.
#[desugar]
async fn got_local(k: u32) -> u32 {
    let v = if k > 0 {
        Some((Probe::new("got"), k))
    } else {
        None
    };
    Leaf::new("get").pending(1).ready(()).await;
    match v {
        Some((p, n)) if n > 2 => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            n
        }
        Some((_, n)) => n,
        None => 0,
    }
}

#[test]
fn an_arm_taking_all_of_an_awaited_value_beside_one_that_skips_a_part() {
    for k in [0, 1, 5] {
        same_and_no_larger(move || got(k), move || got_rustc(k));
        same_and_no_larger(move || got_local(k), move || got_local_rustc(k));
    }
    both_send(&got(1), &got_rustc(1));
    both_send(&got_local(1), &got_local_rustc(1));
}

/// A guarded arm binding `ref p` and awaiting, beside one that skips that
/// part with `_`: the `_` was bound by value, a move out of the parameter
/// kept in place (E0507 naming the hidden `__part1`, dogS build_7).
#[desugar]
async fn graded(v: Option<(Probe, u32)>) -> u32 {
    match v {
        Some((ref p, n)) if p.label() == "x" => Leaf::new("x").pending(1).ready(n).await,
        Some((_, n)) if n > 1 => Leaf::new("mid").pending(1).ready(n).await,
        _ => 0,
    }
}

fn pair(label: &str) -> Option<(Probe, u32)> {
    Some((Probe::new(label), 3))
}

/// The same on a value the `match` makes.
#[desugar]
async fn graded_made(label: &'static str) -> u32 {
    match pair(label) {
        Some((ref p, n)) if p.label() == "x" => Leaf::new("x").pending(1).ready(n).await,
        Some((_, n)) if n > 1 => Leaf::new("mid").pending(1).ready(n).await,
        _ => 0,
    }
}

#[test]
fn a_skipped_part_beside_a_ref_binding_across_an_await() {
    for label in ["x", "y"] {
        same_and_no_larger(
            move || graded(Some((Probe::new(label), 3))),
            move || graded_rustc(Some((Probe::new(label), 3))),
        );
        same_and_no_larger(move || graded_made(label), move || graded_made_rustc(label));
    }
    same_and_no_larger(|| graded(None), || graded_rustc(None));
    both_send(&graded(None), &graded_rustc(None));
    both_send(&graded_made("x"), &graded_made_rustc("x"));
}

/// A tuple pattern through `as_mut()` that skips a `&mut` part: the
/// machine kept that `&mut`, 8 bytes the twin does not keep (dogS size_1).
#[desugar]
async fn first(slot: &mut Option<(u32, u32)>) -> u32 {
    match slot.as_mut() {
        Some((n, _)) => {
            Leaf::new("a").pending(1).ready(()).await;
            *n
        }
        None => 0,
    }
}

#[test]
fn a_borrowed_part_skipped_keeps_nothing() {
    let (mut a, mut b) = (Some((1, 2)), Some((1, 2)));
    let (left, right) = (first(&mut a), first_rustc(&mut b));
    assert!(
        size_of_val(&left) <= size_of_val(&right),
        "{} > {}",
        size_of_val(&left),
        size_of_val(&right)
    );
    both_send(&left, &right);
    for start in [None, Some((1, 2))] {
        same_and_no_larger(
            move || {
                let mut s = start;
                async move { first(&mut s).await }
            },
            move || {
                let mut s = start;
                async move { first_rustc(&mut s).await }
            },
        );
    }
}
