//! Methods given a closure, whose receiver rustc keeps across an await.
//!
//! `Iterator`'s methods that take `&mut self` (`find`, `position`, `any`)
//! called on a temporary that is visibly an iterator (`v.into_iter()`,
//! `v.drain(..)`) borrow it: rustc keeps it, and the items left in it, to
//! the end of the `match`, `if let` or `while let`, or of the statement
//! that awaits. The machine keeps it as long. (An `if` condition is a
//! scope of its own: the temporary drops before the body, in both.)
//!
//! A method reached through a guard's `Deref` in a scrutinee
//! (`*cell.borrow_mut().get_or_insert_with(f)`) borrows the guard: kept to
//! the end of the `match`.
//!
//! An `Option` read through a local guard that does not show as one
//! (`g.map_or(0, f)` on a `MutexGuard<Option<u32>>` a fn of the user's
//! made) is a compile error saying to write the deref
//! (`tests/ui/closure_method_borrows_local_guard.rs`); written
//! `(*g).map_or(0, f)`, the guard is kept as rustc keeps it. Locals whose
//! type is visibly `Option`, and local iterators whose closure's type the
//! code after the call settles, build and behave as before.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

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

fn probes(labels: &[&str]) -> Vec<Probe> {
    labels.iter().map(|&l| Probe::new(l)).collect()
}

const INPUTS: [&[&str]; 4] = [&[], &["a"], &["b", "a", "c"], &["c", "b"]];

/// The `IntoIter` a `match` scrutinee's `find` borrows, with the probes
/// after the one found: dropped after the arm's await.
#[desugar]
async fn match_find(v: Vec<Probe>) -> bool {
    match v.into_iter().find(|p| p.label() == "a") {
        Some(_p) => {
            Leaf::new("arm").pending(1).ready(()).await;
            true
        }
        None => false,
    }
}

/// `position` on a temporary inside an awaited call's argument: kept to
/// the end of the statement.
#[desugar]
async fn awaited_position(v: Vec<Probe>) -> Option<usize> {
    Leaf::new("pos")
        .pending(1)
        .ready(v.into_iter().position(|p| p.label() == "a"))
        .await
}

/// A `Drain` that an `if let`'s `find` borrows: the items left in the
/// vector drop after the body's await.
#[desugar]
async fn if_let_drain_find(mut v: Vec<Probe>) -> bool {
    if let Some(_p) = v.drain(..).find(|p| p.label() == "a") {
        Leaf::new("body").pending(1).ready(()).await;
        return true;
    }
    v.is_empty()
}

/// A `while let` over a new `Drain` each time round.
#[desugar]
async fn while_let_drain_find(mut v: Vec<Probe>) -> usize {
    let mut rounds = 0;
    while let Some(_p) = v.drain(..).find(|p| p.label() != "z") {
        Leaf::new("round").pending(1).ready(()).await;
        rounds += 1;
    }
    rounds
}

/// `any` and `find_map` on an adapter of a `Drain`.
#[desugar]
async fn match_any_and_find_map(mut v: Vec<Probe>) -> (bool, Option<usize>) {
    let any = match v.drain(..).map(|p| p.label().len()).any(|n| n > 0) {
        true => {
            Leaf::new("any").pending(1).ready(()).await;
            true
        }
        false => false,
    };
    let w = probes(&["x", "a"]);
    let found = match w.into_iter().find_map(|p| (p.label() == "a").then_some(1)) {
        Some(n) => Leaf::new("fm").pending(1).ready(Some(n)).await,
        None => None,
    };
    (any, found)
}

/// An `if` condition is a scope of its own: the `IntoIter` drops before
/// the body, in rustc too.
#[desugar]
async fn if_cond_any(v: Vec<Probe>) -> bool {
    if v.into_iter().any(|p| p.label() == "a") {
        Leaf::new("body").pending(1).ready(()).await;
        return true;
    }
    false
}

#[test]
fn an_iterator_borrowed_by_find_is_kept_to_the_end_of_the_construct() {
    for input in INPUTS {
        same_and_no_larger(assert_same(
            || match_find(probes(input)),
            || match_find_rustc(probes(input)),
        ));
        same_and_no_larger(assert_same(
            || awaited_position(probes(input)),
            || awaited_position_rustc(probes(input)),
        ));
        same_and_no_larger(assert_same(
            || if_let_drain_find(probes(input)),
            || if_let_drain_find_rustc(probes(input)),
        ));
        same_and_no_larger(assert_same(
            || while_let_drain_find(probes(input)),
            || while_let_drain_find_rustc(probes(input)),
        ));
        same_and_no_larger(assert_same(
            || match_any_and_find_map(probes(input)),
            || match_any_and_find_map_rustc(probes(input)),
        ));
        same_and_no_larger(assert_same(
            || if_cond_any(probes(input)),
            || if_cond_any_rustc(probes(input)),
        ));
    }
    both_send(&match_find(vec![]), &match_find_rustc(vec![]));
    both_send(&awaited_position(vec![]), &awaited_position_rustc(vec![]));
    both_send(&if_let_drain_find(vec![]), &if_let_drain_find_rustc(vec![]));
    both_send(
        &match_any_and_find_map(vec![]),
        &match_any_and_find_map_rustc(vec![]),
    );
}

/// The `RefMut` `get_or_insert_with` is reached through, kept to the end
/// of the `match`: still borrowed in the arm.
#[allow(clippy::await_holding_refcell_ref)] // the borrow held across the await is under test
#[desugar]
async fn guard_get_or_insert_with(cell: Rc<RefCell<Option<u32>>>) -> (u32, bool) {
    match *cell.borrow_mut().get_or_insert_with(|| 7) {
        7 => {
            Leaf::new("arm").pending(1).ready(()).await;
            (7, cell.try_borrow().is_err())
        }
        n => (n, cell.try_borrow().is_err()),
    }
}

#[test]
fn a_guard_a_method_reads_through_is_kept_to_the_end_of_the_match() {
    for start in [None, Some(7), Some(3)] {
        let cell = || Rc::new(RefCell::new(start));
        same_and_no_larger(assert_same(
            || guard_get_or_insert_with(cell()),
            || guard_get_or_insert_with_rustc(cell()),
        ));
    }
}

/// The borrow of a local guard written out: the lock is held across the
/// await, as in rustc (neither future is `Send`, as the guard is not).
#[allow(clippy::await_holding_lock)] // the lock held across the await is under test
#[desugar]
async fn local_guard_deref(m: Arc<Mutex<Option<u32>>>) -> (u32, bool) {
    let g = m.lock().unwrap();
    let n = (*g).map_or(0, |x| x * 3);
    Leaf::new("t").pending(1).ready(()).await;
    (n, m.try_lock().is_err())
}

/// A local visibly an `Option`, and a local iterator whose closure's type
/// the `collect` after it settles: taken for moves, as before.
#[desugar]
async fn visible_option_and_iterator(o: Option<Probe>, line: String) -> (usize, Vec<u32>) {
    let n = o.map_or(0, |p| p.label().len());
    let parts = line.split(',');
    let v = parts.map(|p| p.parse().unwrap()).collect::<Vec<u32>>();
    Leaf::new("t").pending(1).ready(()).await;
    (n, v)
}

#[test]
fn a_local_guard_written_as_a_borrow_is_kept() {
    for start in [None, Some(1)] {
        let m = || Arc::new(Mutex::new(start));
        same_and_no_larger(assert_same(
            || local_guard_deref(m()),
            || local_guard_deref_rustc(m()),
        ));
    }
    for (o, line) in [(None, "1"), (Some("abc"), "1,2,3")] {
        same_and_no_larger(assert_same(
            || visible_option_and_iterator(o.map(Probe::new), line.to_string()),
            || visible_option_and_iterator_rustc(o.map(Probe::new), line.to_string()),
        ));
    }
}
