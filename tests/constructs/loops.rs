//! Loops: `loop` with `break value` (also to its own label), `while` with an
//! awaited condition (also on the left of `&&`), `while let` on an awaited
//! scrutinee, `for` over ranges, over owned probes (the iterator holds the
//! rest across each await) and over an awaited collection, labels with
//! `break`/`continue` across nested loops, labelled blocks, and `continue`
//! in every kind of loop (also from a `match` arm and a `let … else`).
//! Probes made in each iteration show what every cancellation point drops.
//! A `for` loop as the tail of a unit body, or of a branch that ends it.
//! A `break 'outer value` from an inner loop is `tests/regressions.rs`'s.

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

#[desugar]
async fn loop_break_value(p: Probe) -> u32 {
    let mut i = 0;
    let found = loop {
        let step = Probe::new("step");
        let v = leaf("step", 1, i).await;
        step.touch();
        if v == 2 {
            break v * 10;
        }
        i += 1;
    };
    let mut round = 0u32;
    let labelled = 'outer: loop {
        let held = Probe::new("labelled");
        round += 1;
        let v = leaf("labelled", 1, round).await;
        held.touch();
        if v == 3 {
            break 'outer v + found;
        }
    };
    p.touch();
    found + labelled
}

#[test]
fn loop_with_break_value() {
    assert_send(&loop_break_value(Probe::new("p")));
    let report = assert_same(
        || loop_break_value(Probe::new("p")),
        || loop_break_value_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(43)");
}

#[desugar]
async fn while_loops(n: u32, p: Probe) -> u32 {
    let mut i = 0;
    let mut sum = 0;
    while leaf("cond", 1, i < n).await {
        let body = Probe::new("body");
        i += 1;
        if i == 2 {
            body.touch();
            continue;
        }
        sum += leaf("body", 1, i).await;
        body.touch();
    }
    let mut stack = vec![1u32, 2, 3];
    while let Some(top) = leaf("pop", 1, stack.pop()).await {
        let held = Probe::new("held");
        if top == 2 {
            held.touch();
            continue;
        }
        sum += leaf("while_let_body", 2, top * 100).await;
        held.touch();
    }
    p.touch();
    sum
}

#[test]
fn while_and_while_let_with_continue() {
    assert_send(&while_loops(3, Probe::new("p")));
    let report = assert_same(
        || while_loops(3, Probe::new("p")),
        || while_loops_rustc(3, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(404)");
}

#[desugar]
async fn for_loops(p: Probe) -> u32 {
    let mut sum = 0;
    for j in 0..4u32 {
        if j == 1 {
            continue;
        }
        sum += leaf("range", 1, j).await;
    }
    let owned = vec![Probe::new("a"), Probe::new("b"), Probe::new("c")];
    for item in owned {
        sum += leaf("owned", 1, 10u32).await;
        item.touch();
    }
    for x in leaf("collection", 2, vec![100u32, 200]).await {
        let guard = Probe::new("iteration");
        sum += leaf("element", 1, x).await;
        guard.touch();
    }
    p.touch();
    sum
}

#[test]
fn for_over_ranges_owned_values_and_awaited_collections() {
    assert_send(&for_loops(Probe::new("p")));
    let report = assert_same(
        || for_loops(Probe::new("p")),
        || for_loops_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(335)");
}

#[desugar]
async fn labels(p: Probe) -> u32 {
    let mut hits = 0;
    'outer: for i in 0..3u32 {
        let outer = Probe::new("outer");
        let mut j = 0;
        'inner: loop {
            let inner = Probe::new("inner");
            j += 1;
            let v = leaf("inner", 1, i * 10 + j).await;
            inner.touch();
            outer.touch();
            if v == 2 {
                continue 'outer;
            }
            if v == 12 {
                break 'outer;
            }
            if j == 2 {
                break 'inner;
            }
            hits += v;
        }
        hits += 1000;
    }
    let block = 'block: {
        let held = Probe::new("block");
        if leaf("block_cond", 1, hits > 0).await {
            held.touch();
            break 'block hits;
        }
        held.touch();
        0
    };
    p.touch();
    block
}

#[test]
fn labels_with_break_and_continue() {
    assert_send(&labels(Probe::new("p")));
    let report = assert_same(|| labels(Probe::new("p")), || labels_rustc(Probe::new("p")));
    assert_eq!(report.outcome, "Ready(12)");
}

#[desugar]
async fn continue_from_arms_and_let_else(p: Probe) -> u32 {
    let mut sum = 0;
    let mut i = 0;
    while leaf("cond", 1, i < 4).await && i != 9 {
        let held = Probe::new("while");
        i += 1;
        match leaf("parity", 1, i % 2).await {
            0 => continue,
            _ => sum += leaf("odd", 1, i).await,
        }
        held.touch();
    }
    for j in 0..3u32 {
        let held = Probe::new("for");
        let Some(v) = leaf("opt", 1, (j != 1).then_some(j)).await else {
            continue;
        };
        held.touch();
        sum += v * 10;
    }
    p.touch();
    sum
}

#[test]
fn continue_from_match_arms_and_let_else() {
    assert_send(&continue_from_arms_and_let_else(Probe::new("p")));
    let report = assert_same(
        || continue_from_arms_and_let_else(Probe::new("p")),
        || continue_from_arms_and_let_else_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(24)");
}

/// A `for` loop that awaits as the body's tail: the fn returns `()` once
/// the loop ends. The machine ran off the end of its arm instead and
/// panicked, "resumed after panicking", on the poll that ended the loop.
#[desugar]
async fn for_loop_as_the_tail(probes: Vec<Probe>) {
    for p in probes {
        let _ = leaf("each", 1, 0).await;
        p.touch();
    }
}

/// The same in the branches of an `if` and the arms of a `match` that end
/// the body.
#[desugar]
async fn for_loops_in_tail_branches(n: u32) {
    let held = Probe::new("held");
    if n > 1 {
        for i in 0..n {
            let _ = leaf("then", 1, i).await;
        }
    } else {
        held.touch();
    }
    match n {
        0 => {}
        _ => {
            for i in 0..n {
                let _ = leaf("arm", 1, i).await;
            }
        }
    }
}

#[test]
fn a_for_loop_ends_a_unit_body() {
    for count in [0, 1, 2] {
        let probes = move || {
            (0..count)
                .map(|i| Probe::new(format!("p{i}")))
                .collect::<Vec<_>>()
        };
        assert_send(&for_loop_as_the_tail(probes()));
        let report = assert_same(
            || for_loop_as_the_tail(probes()),
            || for_loop_as_the_tail_rustc(probes()),
        );
        assert_eq!(report.outcome, "Ready(())");
        let report = assert_same(
            || for_loops_in_tail_branches(count),
            || for_loops_in_tail_branches_rustc(count),
        );
        assert_eq!(report.outcome, "Ready(())");
    }
}
