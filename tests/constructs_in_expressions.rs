//! An `if`, `match`, block or `loop` whose body awaits, inside a larger
//! expression (`1 + if c { f().await } else { 0 }`, `Ok(match k { .. })`):
//! the machine runs it as a `let` of its own, after the parts of the
//! statement that run before it, and the statement reads its value.
//! `assert_same` drops every case at each suspension and compares the drop
//! order with the twin's.

// The statements under test are `let`s: returned directly, their values
// would be a block's tail, which drops them in another order.
#![allow(clippy::let_and_return)]

mod common;

use common::{Counter, number, take};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn probes(label: &'static str) -> LeafFuture<Vec<Probe>> {
    Leaf::new(label).pending(1).ready(vec![Probe::new(label)])
}

fn parse(text: &str) -> LeafFuture<Result<u32, String>> {
    let parsed = text.parse().map_err(|_| format!("not a number: {text}"));
    Leaf::new("parse").pending(1).ready(parsed)
}

#[desugar]
async fn if_in_an_operand(flag: bool) -> u32 {
    let n = 1 + if flag { number(3).await } else { 0 };
    n
}

#[test]
fn an_if_that_awaits_inside_an_operand() {
    for flag in [false, true] {
        let report = assert_same(|| if_in_an_operand(flag), || if_in_an_operand_rustc(flag));
        assert_eq!(
            report.outcome,
            format!("Ready({})", if flag { 4 } else { 1 })
        );
    }
}

#[desugar]
async fn match_in_a_tail(kind: u32, text: &str) -> Result<u32, String> {
    Ok(match kind {
        0 => parse(text).await?,
        n => n,
    })
}

#[test]
fn a_match_that_awaits_inside_a_tail() {
    let report = assert_same(|| match_in_a_tail(0, "7"), || match_in_a_tail_rustc(0, "7"));
    assert_eq!(report.outcome, "Ready(Ok(7))");
    let report = assert_same(|| match_in_a_tail(0, "x"), || match_in_a_tail_rustc(0, "x"));
    assert_eq!(report.outcome, r#"Ready(Err("not a number: x"))"#);
    let report = assert_same(|| match_in_a_tail(5, "x"), || match_in_a_tail_rustc(5, "x"));
    assert_eq!(report.outcome, "Ready(Ok(5))");
}

/// The operand before the `match` is made first, and dropped with the
/// future if it is dropped while the arm is suspended.
#[desugar]
async fn after_an_operand(k: u32) -> u32 {
    let n = take(
        Counter::new("before"),
        match k {
            0 => number(1).await,
            n => n,
        },
    );
    n
}

#[test]
fn a_match_that_awaits_runs_after_the_operands_before_it() {
    let report = assert_same(|| after_an_operand(0), || after_an_operand_rustc(0));
    assert_eq!(report.outcome, "Ready(3)");
}

/// A block in `format!`'s arguments, a `loop` in `vec!`'s, an `if let` on
/// a local, and a value borrowed by `len` (a temporary to the end of the
/// statement).
#[desugar]
async fn other_constructs(maybe: Option<u32>, flag: bool) -> usize {
    let text = format!("{}", {
        let x = number(2).await;
        x + 1
    });
    let mut tries = 0;
    let v = vec![
        loop {
            tries += 1;
            if tries == 2 {
                break number(4).await;
            }
        },
        1,
    ];
    let m = 1 + if let Some(x) = maybe {
        number(x).await
    } else {
        0
    };
    let borrowed = (if flag {
        probes("kept").await
    } else {
        Vec::<Probe>::new()
    })
    .len()
        + m as usize;
    text.len() + v.len() + borrowed
}

#[test]
fn blocks_loops_and_if_lets_that_await_inside_expressions() {
    let report = assert_same(
        || other_constructs(Some(5), true),
        || other_constructs_rustc(Some(5), true),
    );
    assert_eq!(report.outcome, "Ready(10)");
}
