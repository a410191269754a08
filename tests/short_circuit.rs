//! `&&` and `||` whose right awaits: rustc runs the right only when the
//! left does not decide, and keeps what the left makes to the end of the
//! statement (of the condition, in an `if`). `assert_same` drops every case
//! at each suspension and compares the drop order with the twin's.

// The statements under test are `let`s: returned directly, their values
// would be a block's tail, which drops them in another order.
#![allow(clippy::let_and_return)]

mod common;

use common::{Counter, number};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn check(label: &'static str, answer: bool) -> LeafFuture<bool> {
    Leaf::new(label).pending(1).ready(answer)
}

fn flag(probe: &Probe) -> bool {
    probe.touch();
    true
}

#[desugar]
async fn and_then_await(left: bool, right: bool) -> bool {
    let both = left && check("right", right).await;
    both
}

#[desugar]
async fn or_else_await(left: bool, right: bool) -> bool {
    let either = left || check("right", right).await;
    either
}

#[test]
fn the_right_runs_only_when_the_left_does_not_decide() {
    for left in [false, true] {
        for right in [false, true] {
            let report = assert_same(
                || and_then_await(left, right),
                || and_then_await_rustc(left, right),
            );
            assert_eq!(report.outcome, format!("Ready({})", left && right));
            let report = assert_same(
                || or_else_await(left, right),
                || or_else_await_rustc(left, right),
            );
            assert_eq!(report.outcome, format!("Ready({})", left || right));
        }
    }
}

/// In an `if` condition the left's temporary lives to the end of the
/// condition, across the right's await, and drops before the branch runs.
#[desugar]
async fn in_a_condition(right: bool) -> u32 {
    let mut n = 0;
    if flag(&Probe::new("left")) && check("right", right).await {
        n += number(1).await;
    }
    n
}

#[test]
fn the_lefts_temporary_lives_through_the_right() {
    for right in [false, true] {
        let report = assert_same(|| in_a_condition(right), || in_a_condition_rustc(right));
        assert_eq!(report.outcome, format!("Ready({})", u32::from(right)));
    }
}

/// A `let`'s: to the end of the statement.
#[desugar]
async fn in_a_let() -> bool {
    let ok = flag(&Probe::new("left")) && check("right", true).await;
    let after = Counter::new("after").add(0) > 0;
    ok && after
}

#[test]
fn in_a_let_the_lefts_temporary_lives_to_the_statements_end() {
    let report = assert_same(in_a_let, in_a_let_rustc);
    assert_eq!(report.outcome, "Ready(true)");
}

/// Awaits on both sides, a nested `||`, a `while` condition, a macro's
/// arguments and a `match` scrutinee whose arms await.
#[desugar]
async fn everywhere(limit: u32) -> u32 {
    let both =
        check("first", true).await && (check("second", false).await || check("third", true).await);
    let mut rounds = 0;
    while rounds < limit && check("again", true).await {
        rounds += 1;
    }
    let text = format!("{}", rounds > 1 && check("in format", true).await);
    let picked = match both && check("scrutinee", true).await {
        true => number(7).await,
        false => 0,
    };
    rounds + text.len() as u32 + picked
}

#[test]
fn short_circuits_that_await_work_everywhere() {
    let report = assert_same(|| everywhere(2), || everywhere_rustc(2));
    assert_eq!(report.outcome, "Ready(13)");
}

fn count(n: usize) -> LeafFuture<usize> {
    Leaf::new("count").pending(1).ready(n)
}

/// An await in the left keeps the temporaries its call borrows only to the
/// end of the left, a scope of its own: they drop before the right runs.
#[desugar]
async fn awaits_in_the_left(right: bool) -> bool {
    let both = count(vec![Probe::new("left")].len()).await > 0 && check("right", right).await;
    let either = count(vec![Probe::new("or")].len()).await > 5 || flag(&Probe::new("plain"));
    both && either
}

#[test]
fn the_lefts_awaited_temporaries_drop_before_the_right_runs() {
    for right in [false, true] {
        let report = assert_same(
            || awaits_in_the_left(right),
            || awaits_in_the_left_rustc(right),
        );
        assert_eq!(report.outcome, format!("Ready({right})"));
    }
}

/// A `match` whose arms await, on `&&` and `||` whose operands make
/// temporaries: each operand drops what it makes at its own end, before
/// the arms, and the right runs only where the left does not decide. The
/// machine named the right's temporaries ahead of the whole scrutinee, so
/// it made them where rustc does not run the right at all (`o.unwrap()`
/// panicked on `None`), and kept them across the arms' awaits (dogC6,
/// silent 1; desugar-fuzz/FINDINGS.md, entry 131).
#[desugar]
async fn match_on_and(o: Option<u32>) -> u32 {
    let n = match o.is_some() && flag(&Probe::new(format!("n{}", o.unwrap()))) {
        true => count(1).await as u32,
        false => 0,
    };
    let m = match o.is_none() || flag(&Probe::new("r")) {
        true => 2,
        false => count(3).await as u32,
    };
    n + m
}

#[test]
fn a_match_on_a_short_circuit_runs_the_right_only_where_rustc_does() {
    for o in [None, Some(4)] {
        let report = assert_same(|| match_on_and(o), || match_on_and_rustc(o));
        assert!(report.left_size <= report.right_size, "{report}");
    }
}
