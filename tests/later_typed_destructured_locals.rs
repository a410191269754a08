//! A local whose type a later assignment gives (`let mut failed = None;
//! .. failed = Some(e);`, the retry loop's "remember the error"), matched
//! by a pattern that takes parts of it (`Some(DbError::Conflict(n))`)
//! beside an arm that awaits. The machine asks rustc whether the part's
//! type has a `Drop` impl (see `__private::destructured`); asked where the
//! local is declared, the type was still unknown and method resolution
//! took it for one with a `Drop` impl: a false error ("the type it
//! destructures here implements `Drop`", and "`DbError: Drop` is not
//! satisfied" beside it). The question is now asked after the arms, of
//! the type rustc inferred. Each is compared with rustc's twin on every
//! cancellation point, with and without extra `Pending`s, on size, and on
//! `Send`.

// The repro's shape: the `None` the local is declared with is never read
// (rustc warns about the user's code, in the twin).
#![allow(unused_assignments)]

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[derive(Debug, PartialEq, Clone)]
pub enum DbError {
    Conflict(u32),
    Closed,
}

// The repro of the report (dogfood round O1, finding E).
#[desugar]
async fn retry_decision(e: DbError) -> u32 {
    let mut failed = None;
    failed = Some(e);
    match failed {
        None => Leaf::new("commit").pending(1).ready(1).await,
        Some(DbError::Conflict(n)) => n,
        Some(_e) => 6,
    }
}

// As in `with_retry`: the error remembered in a loop, decided after it.
#[desugar]
async fn with_retry(attempts: u32) -> u32 {
    let mut failed = None;
    let mut tries = 0;
    while tries < attempts {
        tries += 1;
        let r: Result<u32, DbError> = Leaf::new("try")
            .pending(1)
            .ready(if tries < 2 {
                Err(DbError::Conflict(tries))
            } else {
                Ok(tries)
            })
            .await;
        match r {
            Ok(v) => return v,
            Err(e) => failed = Some(e),
        }
    }
    match failed {
        None => Leaf::new("none").pending(1).ready(0).await,
        Some(DbError::Conflict(n)) => n + 10,
        Some(DbError::Closed) => 99,
    }
}

/// A part with something to drop, taken by the pattern beside the arm
/// that awaits.
#[derive(Debug)]
pub enum Note {
    Text(Probe),
    Empty,
}

#[desugar]
async fn later_typed_text(note: Note) -> usize {
    let mut last = None;
    last = Some(note);
    match last {
        None => Leaf::new("none").pending(1).ready(0).await,
        Some(Note::Text(p)) => Leaf::new("text").pending(1).ready(p).await.label().len(),
        Some(Note::Empty) => 1,
    }
}

#[test]
fn retry_decision_matches_the_twin() {
    for e in [DbError::Conflict(4), DbError::Closed] {
        let a = e.clone();
        let b = e.clone();
        same_and_no_larger(
            move || retry_decision(a.clone()),
            move || retry_decision_rustc(b.clone()),
        );
    }
}

#[test]
fn with_retry_matches_the_twin() {
    for attempts in [0, 1, 3] {
        same_and_no_larger(|| with_retry(attempts), || with_retry_rustc(attempts));
    }
}

#[test]
fn later_typed_part_with_something_to_drop() {
    same_and_no_larger(
        || later_typed_text(Note::Text(Probe::new("t"))),
        || later_typed_text_rustc(Note::Text(Probe::new("t"))),
    );
    same_and_no_larger(
        || later_typed_text(Note::Empty),
        || later_typed_text_rustc(Note::Empty),
    );
}

#[test]
fn send_where_the_twin_is() {
    both_send(
        &retry_decision(DbError::Closed),
        &retry_decision_rustc(DbError::Closed),
    );
    both_send(&with_retry(1), &with_retry_rustc(1));
    both_send(
        &later_typed_text(Note::Empty),
        &later_typed_text_rustc(Note::Empty),
    );
}
