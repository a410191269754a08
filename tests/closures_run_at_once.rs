//! A closure given to a method that runs it at once, on a value that is
//! visibly an `Option`, a `Result` or a `bool` (`v.pop().map(|p| p + 1)`,
//! `best.and_then(..)`, `n > 2).then(..)`, `s.parse::<u32>().map_err(..)`),
//! in a `let` kept across an await, after a branch or inside a loop that
//! awaits: the expansion writes that code more than once, and each copy of
//! the closure is a type of its own; the value the call gives holds none of
//! them, so every copy gives the local the same type. (`Iterator::map`'s
//! value holds its closure: `tests/ui/closure_written_twice.rs`.)
//!
//! Each machine is compared with rustc's twin (every cancellation point,
//! with and without extra `Pending`s), must be no larger, and is `Send`
//! where the twin is.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn weight(x: u32) -> LeafFuture<u32> {
    Leaf::new("weight").pending(1).ready(x % 7)
}

/// `Option::map` on a popped value, after an `if` that awaits.
#[desugar]
async fn last_plus_one(mut v: Vec<u32>, c: bool) -> Option<u32> {
    if c {
        weight(1).await;
    }
    let a = v.pop().map(|p| p + 1);
    weight(0).await;
    a
}

#[test]
fn option_map_after_an_awaiting_if() {
    for c in [false, true] {
        let out = same_and_no_larger(
            || last_plus_one(vec![1, 2], c),
            || last_plus_one_rustc(vec![1, 2], c),
        );
        assert_eq!(out, "Ready(Some(3))");
    }
    both_send(
        &last_plus_one(vec![], true),
        &last_plus_one_rustc(vec![], true),
    );
}

/// The best of a loop that awaits, a local made by `None`, mapped to a
/// label after it; the probe it names is dropped where rustc drops it.
#[desugar]
async fn best_label(items: Vec<(u32, Probe)>) -> Option<String> {
    let mut best = None;
    for (score, probe) in &items {
        let w = weight(*score).await;
        if best.is_none_or(|(b, _): (u32, &Probe)| w > b) {
            best = Some((w, probe));
        }
    }
    let name = best.map(|(_, p)| p.label().to_string());
    weight(3).await;
    name
}

#[test]
fn option_map_of_a_local_after_an_awaiting_loop() {
    let items = || {
        vec![
            (2, Probe::new("a")),
            (5, Probe::new("b")),
            (3, Probe::new("c")),
        ]
    };
    let out = same_and_no_larger(|| best_label(items()), || best_label_rustc(items()));
    assert_eq!(out, "Ready(Some(\"b\"))");
    both_send(&best_label(items()), &best_label_rustc(items()));
}

/// `and_then`, `filter`, `bool::then` and `Result::map_err` (without `?`),
/// each after a branch that awaits, each value kept across the await after.
#[desugar]
async fn run_at_once(
    mut v: Vec<u32>,
    text: String,
    c: bool,
) -> (Option<u32>, Option<u32>, Option<u32>, Result<u32, usize>) {
    if c {
        weight(1).await;
    } else {
        weight(2).await;
    }
    let a = v.first().copied().and_then(|x| x.checked_sub(1));
    let b = v.pop().filter(|x| *x > 1);
    let n = v.len();
    let t = (n > 0).then(|| n as u32 * 10);
    let r = text.parse::<u32>().map_err(|e| e.to_string().len());
    weight(0).await;
    (a, b, t, r)
}

#[test]
fn and_then_filter_then_and_map_err_after_an_awaiting_if() {
    for c in [false, true] {
        for text in ["12", "x"] {
            let out = same_and_no_larger(
                || run_at_once(vec![1, 2, 3], text.to_string(), c),
                || run_at_once_rustc(vec![1, 2, 3], text.to_string(), c),
            );
            assert!(
                out.starts_with("Ready((Some(0), Some(3), Some(20), "),
                "{out}"
            );
        }
    }
    both_send(
        &run_at_once(vec![], String::new(), true),
        &run_at_once_rustc(vec![], String::new(), true),
    );
}

/// In a loop whose body awaits: the `let` is written for the first pass
/// and again for those after a resume.
#[desugar]
async fn mapped_in_loop(probes: Vec<Probe>) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    for p in &probes {
        let len = Some(p.label()).map(|l| l.len()).filter(|n| *n > 1);
        weight(len.unwrap_or(0) as u32).await;
        out.push(len);
    }
    out
}

#[test]
fn option_map_in_an_awaiting_loop() {
    let probes = || vec![Probe::new("a"), Probe::new("bb")];
    let out = same_and_no_larger(
        || mapped_in_loop(probes()),
        || mapped_in_loop_rustc(probes()),
    );
    assert_eq!(out, "Ready([None, Some(2)])");
    both_send(&mapped_in_loop(probes()), &mapped_in_loop_rustc(probes()));
}

/// `bool::then` on an `Option`'s own `is_some()`, in an awaiting loop.
#[desugar]
async fn gates(items: Vec<Option<u32>>) -> usize {
    let mut n = 0;
    for v in items {
        let gate = v.is_some().then(|| Probe::new("gate"));
        weight(0).await;
        n += gate.map_or(0, |g| g.label().len());
    }
    n
}

#[test]
fn then_on_is_some_in_an_awaiting_loop() {
    same_and_no_larger(
        || gates(vec![Some(1), None, Some(3)]),
        || gates_rustc(vec![Some(1), None, Some(3)]),
    );
    both_send(&gates(vec![]), &gates_rustc(vec![]));
}
