//! Branches: `if` with awaits in the condition (its temporaries dropped
//! before the branch runs) and in either branch, `else if` chains (later
//! conditions awaited only when reached), `if` and `match` as values,
//! `if let` on an awaited scrutinee, `else if let`, `if let` chains
//! (edition 2024) awaiting in their first `let` or in their bodies, and
//! `match` with an awaited scrutinee, guards, awaits in arms, bindings that
//! move out of the scrutinee or borrow it, and a `match` on `&mut` of a
//! local. Scrutinee temporaries that live across the arms' awaits are
//! `tests/temporaries.rs`'s; `ref` bindings of a local's parts are
//! `tests/regressions.rs`'s.

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[desugar]
async fn if_else(first: bool, second: bool, p: Probe) -> u32 {
    let q = Probe::new("q");
    let r = if leaf("cond", 1, first).await {
        let a = Probe::new("then");
        let v = leaf("then", 2, 1u32).await;
        a.touch();
        v
    } else if leaf("else_if", 1, second).await {
        leaf("else_if_body", 1, 2u32).await
    } else {
        let b = Probe::new("else");
        let v = leaf("else", 1, 3u32).await;
        b.touch();
        v
    };
    if r > 1 {
        leaf("statement_if", 1, ()).await;
    }
    if leaf("cond_temp", 1, Probe::new("cond_temp")).await.label() == "cond_temp" {
        leaf("after_cond_temp", 1, ()).await;
    }
    q.touch();
    p.touch();
    r
}

#[test]
fn if_else_if_else() {
    assert_send(&if_else(true, true, Probe::new("p")));
    for (first, second, outcome) in [
        (true, false, "Ready(1)"),
        (false, true, "Ready(2)"),
        (false, false, "Ready(3)"),
    ] {
        let report = assert_same(
            || if_else(first, second, Probe::new("p")),
            || if_else_rustc(first, second, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn if_let(input: Option<Probe>, p: Probe) -> usize {
    let mut n = 0;
    if let Some(got) = leaf("scrutinee", 1, input).await {
        let inner = leaf("then", 1, 10usize).await;
        got.touch();
        n += inner;
    } else {
        n += leaf("else", 2, 20usize).await;
    }
    let awaited_chain = if let Some(b) = leaf("chain_scrutinee", 1, Some(2usize)).await
        && b > 1
    {
        b * 100
    } else {
        0
    };
    let second = leaf("second", 1, Some(3usize)).await;
    if let Some(len) = second
        && len > 2
        && let Some(extra) = len.checked_mul(2)
    {
        let chained = Probe::new("chained");
        n += leaf("chain_body", 1, extra).await;
        chained.touch();
    }
    p.touch();
    n + awaited_chain
}

#[test]
fn if_let_and_let_chains() {
    assert_send(&if_let(None, Probe::new("p")));
    let report = assert_same(
        || if_let(Some(Probe::new("some")), Probe::new("p")),
        || if_let_rustc(Some(Probe::new("some")), Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(216)");
    let report = assert_same(
        || if_let(None, Probe::new("p")),
        || if_let_rustc(None, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(226)");
}

#[derive(Debug, PartialEq)]
enum Msg {
    Quit,
    Move { x: i32, tag: Probe },
    Write(Probe, u32),
}

#[desugar]
async fn matches(msg: Msg, p: Probe) -> i32 {
    let q = Probe::new("q");
    let r = match leaf("scrutinee", 1, msg).await {
        Msg::Quit => 0,
        Msg::Move { x, tag } if x > 0 => {
            let v = leaf("guarded_arm", 2, x).await;
            tag.touch();
            v
        }
        Msg::Move { x, tag } => {
            let v = leaf("unguarded_arm", 1, -x).await;
            tag.touch();
            v
        }
        Msg::Write(tag, n) => {
            let held = Probe::new("held");
            let v = leaf("write_arm", 1, n as i32).await;
            held.touch();
            tag.touch();
            v * 10
        }
    };
    match r {
        0 => {}
        n if n % 2 == 0 => leaf("even", 1, ()).await,
        _ => {
            leaf("odd", 1, ()).await;
        }
    }
    q.touch();
    p.touch();
    r
}

/// A message to match and the outcome it leads to.
type Case = (fn() -> Msg, &'static str);

#[test]
fn match_with_awaited_scrutinee_guards_and_arms() {
    assert_send(&matches(Msg::Quit, Probe::new("p")));
    let cases: [Case; 4] = [
        (|| Msg::Quit, "Ready(0)"),
        (
            || Msg::Move {
                x: 3,
                tag: Probe::new("tag"),
            },
            "Ready(3)",
        ),
        (
            || Msg::Move {
                x: -4,
                tag: Probe::new("tag"),
            },
            "Ready(4)",
        ),
        (|| Msg::Write(Probe::new("written"), 2), "Ready(20)"),
    ];
    for (msg, outcome) in cases {
        let report = assert_same(
            || matches(msg(), Probe::new("p")),
            || matches_rustc(msg(), Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn bindings_moved_out(p: Probe) -> usize {
    let q = Probe::new("q");
    let m = match Some(Probe::new("held")) {
        Some(held) => {
            let v = leaf("moved_arm", 1, 2usize).await;
            held.touch();
            v
        }
        None => 0,
    };
    let pair = (Probe::new("left"), Probe::new("right"));
    let n = match &pair {
        (left, right) if left.label() == "left" => {
            let v = leaf("pair_arm", 1, 1usize).await;
            left.touch();
            right.touch();
            v
        }
        _ => 0,
    };
    q.touch();
    p.touch();
    pair.0.touch();
    n + m
}

#[test]
fn match_bindings_move_out_of_the_scrutinee() {
    assert_send(&bindings_moved_out(Probe::new("p")));
    let report = assert_same(
        || bindings_moved_out(Probe::new("p")),
        || bindings_moved_out_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

#[desugar]
async fn branch_values(c: bool, p: Probe) -> u32 {
    let q = Probe::new("q");
    let a = if c { leaf("then", 1, 1u32).await } else { 2 };
    let b = match c {
        true => leaf("true_arm", 1, 10u32).await,
        false => 20,
    };
    let tail = if c {
        leaf("tail_then", 1, 100u32).await
    } else {
        leaf("tail_else", 2, 200u32).await
    };
    q.touch();
    p.touch();
    a + b + tail
}

#[test]
fn if_and_match_as_values() {
    assert_send(&branch_values(true, Probe::new("p")));
    for (c, outcome) in [(true, "Ready(111)"), (false, "Ready(222)")] {
        let report = assert_same(
            || branch_values(c, Probe::new("p")),
            || branch_values_rustc(c, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn else_if_let_and_mutable_scrutinee(a: Option<u32>, b: Option<u32>, p: Probe) -> u32 {
    let held = Probe::new("held");
    let r = if let Some(x) = a {
        leaf("a", 1, x).await
    } else if let Some(y) = leaf("b", 1, b).await {
        y * 10
    } else {
        0
    };
    let mut state = Some(r);
    match &mut state {
        Some(n) => {
            let add = leaf("mut_arm", 2, 1u32).await;
            *n += add;
            held.touch();
        }
        None => p.touch(),
    }
    p.touch();
    state.unwrap_or(0)
}

#[test]
fn else_if_let_and_a_mutably_borrowed_scrutinee() {
    assert_send(&else_if_let_and_mutable_scrutinee(
        None,
        None,
        Probe::new("p"),
    ));
    for (a, b, outcome) in [
        (Some(1), None, "Ready(2)"),
        (None, Some(2), "Ready(21)"),
        (None, None, "Ready(1)"),
    ] {
        let report = assert_same(
            || else_if_let_and_mutable_scrutinee(a, b, Probe::new("p")),
            || else_if_let_and_mutable_scrutinee_rustc(a, b, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}
