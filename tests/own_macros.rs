//! Macros of your own, whose tokens the expansion cannot read, naming
//! locals: their values kept across awaits or given to an awaited future.
//! rustc expands them inside the fn, where their value may hold what the
//! locals they name lend; the machine leaves those locals where they are
//! (a reference to a home could not be given to the macro's tokens), which
//! builds and behaves the same for a value that owns what it holds, and
//! keeps in place what a reference bound before the macro points to.

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
