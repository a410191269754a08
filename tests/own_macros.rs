//! Macros of your own, whose tokens the expansion cannot read, naming
//! locals: their values kept across awaits or given to an awaited future.
//! rustc expands them inside the fn, where their value may hold what the
//! locals they name lend; the machine leaves those locals where they are
//! (a reference to a home could not be given to the macro's tokens), which
//! builds and behaves the same for a value that owns what it holds, and
//! keeps in place what a reference bound before the macro points to.

// The loops under test are left by the macros' jumps, which clippy reads
// in the twins: it would have them written without the macros.
#![allow(clippy::never_loop, clippy::while_let_loop)]

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

macro_rules! cache_key {
    ($user:expr) => {
        format!("user:{}", $user)
    };
}

/// Expands to a borrow of its argument's first element.
macro_rules! first {
    ($v:expr) => {
        &$v[0]
    };
}

macro_rules! length {
    ($s:expr) => {
        $s.len()
    };
}

async fn get(key: &str) -> usize {
    Leaf::new("get").pending(1).ready(key.len()).await
}

async fn double(n: usize) -> usize {
    Leaf::new("double").pending(1).ready(n * 2).await
}

/// `key` lives across the await, made by a macro that names `id` (`Copy`)
/// and `name` (dropped at the end of the body, after `other`).
#[desugar]
async fn value_of_own_macro_kept(id: u32, name: Probe) -> usize {
    let key = cache_key!(id);
    let other = cache_key!(name.label());
    let n = get(&key).await;
    n + get(&cache_key!(name.label())).await + other.len()
}

#[test]
fn a_macro_s_value_kept_across_an_await() {
    let report = assert_same(
        || value_of_own_macro_kept(3, Probe::new("name")),
        || value_of_own_macro_kept_rustc(3, Probe::new("name")),
    );
    assert_eq!(report.outcome, "Ready(24)");
}

/// A macro's value given to the awaited future, the local it names used
/// after the await.
#[desugar]
async fn own_macro_in_awaited_expression(p: Probe) -> usize {
    let data = String::from("text");
    let n = double(length!(data)).await + data.len();
    p.touch();
    n
}

#[test]
fn a_macro_in_an_awaited_expression() {
    let report = assert_same(
        || own_macro_in_awaited_expression(Probe::new("p")),
        || own_macro_in_awaited_expression_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(12)");
}

/// A macro whose value borrows what it is given, given a reference bound
/// before it: `v` is kept in place, as a borrow of it is held across the
/// await (by `f`), and the macro reads it through `r` as written.
#[desugar]
async fn borrowing_macro_value_kept(v: Vec<Probe>) -> usize {
    let r = &v;
    let f = first!(r);
    Leaf::new("wait").pending(1).ready(()).await;
    f.touch();
    v.len()
}

/// The same, the borrow given to the awaited future.
#[desugar]
async fn borrowing_macro_in_awaited_expression(v: Vec<Probe>) -> usize {
    let r = &v;
    get(first!(r).label()).await + v.len()
}

#[test]
fn a_borrowing_macro_given_a_reference() {
    let probes = || vec![Probe::new("a"), Probe::new("bc")];
    let report = assert_same(
        || borrowing_macro_value_kept(probes()),
        || borrowing_macro_value_kept_rustc(probes()),
    );
    assert_eq!(report.outcome, "Ready(2)");
    let report = assert_same(
        || borrowing_macro_in_awaited_expression(probes()),
        || borrowing_macro_in_awaited_expression_rustc(probes()),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// A `break` in a macro out of a loop the expansion saw no `break` of: the
/// code after the loop runs, as in the twin. (The machine took the loop
/// for one that never ends and wrote nothing after it: the `break` left
/// the step's own loop, dropped `p` and panicked, "`async fn` resumed after
/// panicking".)
#[desugar]
async fn loop_left_by_a_macro(p: Probe) -> u32 {
    let mut i = 0;
    loop {
        i += leaf("step", 1, 1u32).await;
        stop_if!(i >= 2);
    }
    p.touch();
    i
}

#[test]
fn a_macro_leaves_a_loop() {
    let report = assert_same(
        || loop_left_by_a_macro(Probe::new("p")),
        || loop_left_by_a_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// The same for a `let`'s loop whose only `break` is a macro's, and for a
/// macro in a `match` arm of the loop, beside an arm that awaits after a
/// macro that only logs.
#[desugar]
async fn loops_left_by_macros_in_lets_and_arms(p: Probe, k: u32) -> u32 {
    let mut i = 0;
    let v = loop {
        i += leaf("step", 1, 1u32).await;
        found!(i >= 3, i * 7);
    };
    let q = Probe::new("q");
    loop {
        match i % 3 {
            0 => {
                i += leaf("a", 1, 1u32).await;
                stop_if!(i > k);
            }
            1 => {
                i += 1;
                note!("one {}", i);
            }
            _ => i += leaf("b", 2, 1u32).await,
        }
        q.touch();
    }
    p.touch();
    v + i
}

/// Records a line in the harness's trace, as a logging macro would.
macro_rules! note {
    ($($t:tt)*) => {
        desugar::harness::note(format!($($t)*))
    };
}
use note;

#[test]
fn macros_leave_a_let_s_loop_and_a_loop_from_an_arm() {
    for (k, out) in [(3, "Ready(25)"), (6, "Ready(28)")] {
        let report = assert_same(
            || loops_left_by_macros_in_lets_and_arms(Probe::new("p"), k),
            || loops_left_by_macros_in_lets_and_arms_rustc(Probe::new("p"), k),
        );
        assert_eq!(report.outcome, out);
    }
}

/// `break 'label` and `continue 'label` where the macro is given the label
/// (a label written in a macro's own definition is its own: hygiene), and
/// `continue`/`break` given to a macro as an argument.
macro_rules! leave {
    ($label:lifetime, $cond:expr) => {
        if $cond {
            break $label;
        }
    };
}

macro_rules! again {
    ($label:lifetime, $cond:expr) => {
        if $cond {
            continue $label;
        }
    };
}

macro_rules! some_or {
    ($option:expr, $otherwise:expr) => {
        match $option {
            Some(v) => v,
            None => $otherwise,
        }
    };
}

#[desugar]
async fn labels_and_jumps_given_to_macros(p: Probe) -> u32 {
    let mut n = 0;
    let mut i = 0;
    'outer: while i < 4 {
        i += 1;
        loop {
            n += leaf("inner", 1, 1u32).await;
            again!('outer, n % 2 == 0);
            leave!('outer, n > 10);
        }
    }
    'found: loop {
        loop {
            n += leaf("search", 1, 1u32).await;
            leave!('found, n >= 12);
        }
    }
    for x in 0..3u32 {
        // The macro's value is kept across the await, and #[desugar]
        // cannot see that it does not borrow `x`: it names a copy.
        let v = {
            #[allow(clippy::redundant_locals)]
            let x = x;
            some_or!(if x == 1 { None } else { Some(7) }, continue)
        };
        n += leaf("some", 1, v).await;
    }
    loop {
        let v = some_or!(None::<u32>, break);
        n += leaf("none", 1, v).await;
    }
    p.touch();
    n
}

#[test]
fn labels_and_jumps_given_to_macros_reach_the_user_s_loops() {
    let report = assert_same(
        || labels_and_jumps_given_to_macros(Probe::new("p")),
        || labels_and_jumps_given_to_macros_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(26)");
}

/// A `?` or a `return` given to a macro as an argument (`log!("{}",
/// n.parse()?)`, `some_or!(x, return None)`): the macro puts it in the
/// step's code, where it finishes the future as in the twin. (Left as
/// written, a `return` was E0308, "expected `Poll<..>`", and an `Option`'s
/// `?` E0277, which `Poll<Option<T>>` does not take; a `Result`'s built,
/// through `Poll`'s own `?`.)
macro_rules! log {
    ($($t:tt)*) => {
        desugar::harness::note(format!($($t)*))
    };
}

#[desugar]
async fn exits_given_to_macros(text: String, fallback: Option<u32>) -> Option<u32> {
    let n = leaf("first", 1, 1u32).await;
    log!("parsed {}", text.parse::<u32>().ok()?);
    let got = leaf("second", 1, fallback).await;
    let v = {
        #[allow(clippy::redundant_locals)]
        let got = got;
        some_or!(got, return Some(n * 100))
    };
    Some(n + v)
}

#[test]
fn exits_given_to_macros_finish_the_future() {
    for (text, fallback, out) in [
        ("x", Some(2), "Ready(None)"),
        ("7", None, "Ready(Some(100))"),
        ("7", Some(2), "Ready(Some(3))"),
    ] {
        let report = assert_same(
            || exits_given_to_macros(text.into(), fallback),
            || exits_given_to_macros_rustc(text.into(), fallback),
        );
        assert_eq!(report.outcome, out);
    }
}
