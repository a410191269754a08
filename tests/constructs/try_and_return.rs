//! Early exits: `?` on awaited `Option`s and `Result`s (with `From`
//! conversion, in the middle of expressions, after method calls), `return`
//! before, of and after an await, and `return` and `?` from inside nested
//! blocks and `for` loops (whose iterator still holds probes).
//! Each exit runs with probes alive, so what it drops, and in which order,
//! is compared.

use std::num::ParseIntError;

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[derive(Debug, PartialEq)]
enum Error {
    Parse(ParseIntError),
    TooBig(u32),
}

impl From<ParseIntError> for Error {
    fn from(e: ParseIntError) -> Self {
        Error::Parse(e)
    }
}

#[desugar]
async fn try_option(first: Option<u32>, second: Option<u32>, p: Probe) -> Option<u32> {
    let q = Probe::new("q");
    let a = leaf("first", 1, first).await?;
    let r = Probe::new("r");
    let b = leaf("second", 2, second).await?.checked_add(a)?;
    q.touch();
    r.touch();
    p.touch();
    Some(b)
}

#[test]
fn question_mark_on_awaited_options() {
    assert_send(&try_option(Some(1), Some(2), Probe::new("p")));
    for (first, second, outcome) in [
        (Some(1), Some(2), "Ready(Some(3))"),
        (None, Some(2), "Ready(None)"),
        (Some(1), None, "Ready(None)"),
        (Some(1), Some(u32::MAX), "Ready(None)"),
    ] {
        let report = assert_same(
            || try_option(first, second, Probe::new("p")),
            || try_option_rustc(first, second, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn try_result(text: &'static str, limit: u32, p: Probe) -> Result<u32, Error> {
    let q = Probe::new("q");
    let n: u32 = leaf("parse", 1, text.parse::<u32>()).await?;
    let checked = leaf(
        "check",
        1,
        if n > limit {
            Err(Error::TooBig(n))
        } else {
            Ok(n)
        },
    )
    .await?;
    let sum = checked + leaf("again", 1, text.parse::<u32>()).await? * 2;
    q.touch();
    p.touch();
    Ok(sum)
}

#[test]
fn question_mark_on_awaited_results_with_from() {
    assert_send(&try_result("4", 10, Probe::new("p")));
    for (text, limit, outcome) in [
        ("4", 10, "Ready(Ok(12))"),
        (
            "x",
            10,
            "Ready(Err(Parse(ParseIntError { kind: InvalidDigit })))",
        ),
        ("40", 10, "Ready(Err(TooBig(40)))"),
    ] {
        let report = assert_same(
            || try_result(text, limit, Probe::new("p")),
            || try_result_rustc(text, limit, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

fn pair(a: u32, b: u32) -> u32 {
    a * 10 + b
}

#[desugar]
async fn try_in_arguments(a: u32, b: Option<u32>, p: Probe) -> Option<u32> {
    let q = Probe::new("q");
    let v = pair(leaf("a", 1, a).await, leaf("b", 1, b).await?);
    q.touch();
    p.touch();
    Some(v)
}

#[test]
fn question_mark_inside_arguments() {
    assert_send(&try_in_arguments(1, Some(2), Probe::new("p")));
    for (a, b, outcome) in [(1, Some(2), "Ready(Some(12))"), (1, None, "Ready(None)")] {
        let report = assert_same(
            || try_in_arguments(a, b, Probe::new("p")),
            || try_in_arguments_rustc(a, b, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn returns(mode: u8, p: Probe) -> Probe {
    let q = Probe::new("q");
    if mode == 0 {
        return q;
    }
    let r = leaf("first", 1, Probe::new("r")).await;
    if mode == 1 {
        q.touch();
        return leaf("returned", 2, Probe::new("returned")).await;
    }
    {
        let inner = Probe::new("inner");
        let v = leaf("inner", 1, mode).await;
        if v == 2 {
            inner.touch();
            q.touch();
            p.touch();
            return r;
        }
        inner.touch();
    }
    q.touch();
    p.touch();
    r.touch();
    Probe::new("end")
}

/// `return` of an awaited value from an arm of a `match` whose value a
/// `let` takes: the arm gives no value.
#[desugar]
async fn return_from_a_value_arm(x: u32, p: Probe) -> u32 {
    let v = match x {
        0 => 1,
        _ => {
            p.touch();
            return leaf("returned", 1, 9u32).await;
        }
    };
    v + leaf("after", 1, 1u32).await
}

/// An arm of a `match` whose value a `let` takes, ending in a `panic!`
/// statement, after an await or not: the arm gives no value.
#[desugar]
async fn panic_from_a_value_arm(x: u32, p: Probe) -> u32 {
    let v = match x {
        0 => leaf("zero", 1, 1u32).await,
        1 => {
            leaf("before panic", 1, ()).await;
            p.touch();
            panic!("one");
        }
        _ => {
            unreachable!("two");
        }
    };
    v + 1
}

#[test]
fn return_before_of_and_after_awaits() {
    assert_send(&returns(0, Probe::new("p")));
    for (mode, outcome) in [
        (0, r#"Ready(Probe("q"))"#),
        (1, r#"Ready(Probe("returned"))"#),
        (2, r#"Ready(Probe("r"))"#),
        (3, r#"Ready(Probe("end"))"#),
    ] {
        let report = assert_same(
            || returns(mode, Probe::new("p")),
            || returns_rustc(mode, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn exits_from_loops(stop_at: u32, fail_at: u32, p: Probe) -> Option<u32> {
    let items = vec![Probe::new("a"), Probe::new("b"), Probe::new("c")];
    let mut sum = 0;
    for (i, item) in (0u32..).zip(items) {
        let held = Probe::new("held");
        let v = leaf("item", 1, i).await;
        if v == stop_at {
            item.touch();
            return Some(100 + v);
        }
        sum += leaf("checked", 1, (v != fail_at).then_some(v)).await?;
        held.touch();
    }
    p.touch();
    Some(sum)
}

#[test]
fn return_and_question_mark_inside_loops() {
    assert_send(&exits_from_loops(1, 9, Probe::new("p")));
    for (stop_at, fail_at, outcome) in [
        (1, 9, "Ready(Some(101))"),
        (9, 1, "Ready(None)"),
        (9, 9, "Ready(Some(3))"),
    ] {
        let report = assert_same(
            || exits_from_loops(stop_at, fail_at, Probe::new("p")),
            || exits_from_loops_rustc(stop_at, fail_at, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[test]
fn return_of_an_await_from_a_value_arm() {
    for (x, outcome) in [(0, "Ready(2)"), (1, "Ready(9)")] {
        let report = assert_same(
            || return_from_a_value_arm(x, Probe::new("p")),
            || return_from_a_value_arm_rustc(x, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[test]
fn panic_from_a_value_arm_ending_in_a_statement() {
    assert_send(&panic_from_a_value_arm(0, Probe::new("p")));
    for (x, outcome) in [(0, "Ready(2)"), (1, "one"), (2, "two")] {
        let report = assert_same(
            || panic_from_a_value_arm(x, Probe::new("p")),
            || panic_from_a_value_arm_rustc(x, Probe::new("p")),
        );
        assert!(report.outcome.contains(outcome), "{}", report.outcome);
    }
}
