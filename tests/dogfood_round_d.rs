//! Shapes dogfood runs found (desugar-fuzz/FINDINGS.md, entry 140), each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A path to a function given as a value in a statement that awaits
//!   (`.await.map_err(AppError::from)?`, `unwrap_or_else(Vec::new)`,
//!   `map_err(Into::<Wrapped>::into)`) was checked as a named constant
//!   of a type with a `Drop` impl, in code that could not type a generic
//!   function's path: E0283, E0282, E0790.
//! - A `for` loop's variable over `v.iter()`, `m.values()`, `m.keys()`, a
//!   shared reference, borrowed through by a method across an await
//!   (`fetch(s.label(), 1).await`): kept in place with a flag, and what it
//!   iterates homed, 8 bytes larger than rustc's.

mod common;

use std::collections::BTreeMap;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn fetch(name: &str, v: u32) -> LeafFuture<u32> {
    Leaf::new(name).pending(1).ready(v)
}

// ---- Paths to functions given as values ----

#[derive(Debug, PartialEq)]
pub struct IoErr(u32);

#[derive(Debug, PartialEq)]
pub enum AppError {
    Io(IoErr),
    Parse(String),
}

impl From<IoErr> for AppError {
    fn from(e: IoErr) -> Self {
        AppError::Io(e)
    }
}

impl From<std::num::ParseIntError> for AppError {
    fn from(e: std::num::ParseIntError) -> Self {
        AppError::Parse(e.to_string())
    }
}

#[desugar]
async fn mapped_by_from(x: Result<u32, u32>) -> Result<u32, AppError> {
    let v = Leaf::new("io")
        .pending(1)
        .ready(x.map_err(IoErr))
        .await
        .map_err(AppError::from)?;
    Ok(v)
}

#[desugar]
async fn defaulted_by_new(v: Option<Vec<Probe>>) -> usize {
    let list = Leaf::new("names")
        .pending(1)
        .ready(v)
        .await
        .unwrap_or_else(Vec::new);
    list.len()
}

#[desugar]
async fn mapped_by_into(s: &'static str) -> Result<u32, AppError> {
    let n = Leaf::new("text")
        .pending(1)
        .ready(s)
        .await
        .parse::<u32>()
        .map_err(Into::<AppError>::into)?;
    Ok(n)
}

/// A generic variant's constructor given as a function.
#[desugar]
async fn wrapped_by_variant(x: u32) -> Option<Option<u32>> {
    Leaf::new("x").pending(1).ready(Some(x)).await.map(Some)
}

/// The same, the method called by its path (dogD10, build 6: E0282).
#[desugar]
async fn wrapped_by_path(x: u32) -> Option<Option<u32>> {
    Option::map(Leaf::new("x").pending(1).ready(Some(x)).await, Some)
}

#[test]
fn paths_to_functions_given_as_values_build() {
    same_and_no_larger(|| wrapped_by_path(4), || wrapped_by_path_rustc(4));
    for x in [Ok(1), Err(2)] {
        same_and_no_larger(|| mapped_by_from(x), || mapped_by_from_rustc(x));
    }
    both_send(&mapped_by_from(Ok(1)), &mapped_by_from_rustc(Ok(1)));
    for some in [false, true] {
        let list = || some.then(|| vec![Probe::new("p")]);
        same_and_no_larger(
            || defaulted_by_new(list()),
            || defaulted_by_new_rustc(list()),
        );
    }
    both_send(&defaulted_by_new(None), &defaulted_by_new_rustc(None));
    for s in ["1", "x"] {
        same_and_no_larger(|| mapped_by_into(s), || mapped_by_into_rustc(s));
    }
    both_send(&mapped_by_into("1"), &mapped_by_into_rustc("1"));
    same_and_no_larger(|| wrapped_by_variant(3), || wrapped_by_variant_rustc(3));
    both_send(&wrapped_by_variant(3), &wrapped_by_variant_rustc(3));
}

// ---- A `for` loop's variable that is a shared reference ----

#[desugar]
#[allow(clippy::ptr_arg)] // the shape the dogfood run wrote
async fn over_iter(v: &Vec<Probe>) -> u32 {
    let mut n = 0;
    for s in v.iter() {
        n += fetch(s.label(), 1).await;
    }
    n
}

#[desugar]
async fn over_values(m: &BTreeMap<u32, Probe>) -> u32 {
    let mut n = 0;
    for s in m.values() {
        n += fetch(s.label(), 2).await;
    }
    n
}

#[desugar]
async fn over_keys(m: &BTreeMap<String, u32>) -> u32 {
    let mut n = 0;
    for k in m.keys() {
        n += fetch(k.trim(), 3).await;
    }
    n
}

#[desugar]
async fn over_a_slice(v: &[Probe]) -> u32 {
    let mut n = 0;
    for s in v {
        n += fetch(s.label(), 4).await;
    }
    n
}

#[desugar]
async fn over_a_borrow(v: Vec<Probe>) -> u32 {
    let mut n = 0;
    for s in &v {
        n += fetch(s.label(), 6).await;
    }
    n
}

async fn show(s: &&Probe) -> u32 {
    fetch(s.label(), 7).await
}

/// A borrow of the variable itself (`&s`, a `&&Probe`), which the awaited
/// future holds: the variable is kept in place as any local.
#[desugar]
async fn borrowing_the_variable(v: &[Probe]) -> u32 {
    let mut n = 0;
    for s in v.iter() {
        n += show(&s).await;
        s.touch();
    }
    n
}

/// Owned elements: what `s.label()` borrows is the loop's variable, which
/// lives across the await.
#[desugar]
async fn over_owned(v: Vec<Probe>) -> u32 {
    let mut n = 0;
    for s in v {
        n += fetch(s.label(), 5).await;
    }
    n
}

#[test]
fn a_loop_variable_that_is_a_shared_reference_is_not_kept() {
    let probes = || vec![Probe::new("p"), Probe::new("q")];
    let v = probes();
    same_and_no_larger(|| over_iter(&v), || over_iter_rustc(&v));
    both_send(&over_iter(&v), &over_iter_rustc(&v));
    let m: BTreeMap<u32, Probe> = probes()
        .into_iter()
        .enumerate()
        .map(|(i, p)| (i as u32, p))
        .collect();
    same_and_no_larger(|| over_values(&m), || over_values_rustc(&m));
    both_send(&over_values(&m), &over_values_rustc(&m));
    let k: BTreeMap<String, u32> = [(" a ".to_string(), 1), ("b".to_string(), 2)].into();
    same_and_no_larger(|| over_keys(&k), || over_keys_rustc(&k));
    both_send(&over_keys(&k), &over_keys_rustc(&k));
    same_and_no_larger(|| over_a_slice(&v), || over_a_slice_rustc(&v));
    both_send(&over_a_slice(&v), &over_a_slice_rustc(&v));
    same_and_no_larger(|| over_a_borrow(probes()), || over_a_borrow_rustc(probes()));
    both_send(&over_a_borrow(probes()), &over_a_borrow_rustc(probes()));
    same_and_no_larger(
        || borrowing_the_variable(&v),
        || borrowing_the_variable_rustc(&v),
    );
    both_send(
        &borrowing_the_variable(&v),
        &borrowing_the_variable_rustc(&v),
    );
    same_and_no_larger(|| over_owned(probes()), || over_owned_rustc(probes()));
    both_send(&over_owned(probes()), &over_owned_rustc(probes()));
}

/// A `ref` binding of the variable and a field of a map's item, a tuple of
/// references whose fields are the variable's own: both borrow the
/// variable itself, which is kept as any local (dogD10, builds 4 and 5:
/// E0597 before).
#[desugar]
#[allow(clippy::toplevel_ref_arg)] // the shape under test
async fn variable_borrowed_itself(v: &[Probe], m: &BTreeMap<u32, Probe>) -> u32 {
    let mut n = 0;
    for s in v.iter() {
        let ref r = s;
        n += show(r).await;
    }
    for e in m {
        n += show(&e.1).await + *e.0;
    }
    n
}

#[test]
fn a_loop_variable_borrowed_itself_is_kept() {
    let v = vec![Probe::new("p"), Probe::new("q")];
    let m: BTreeMap<u32, Probe> = [(1, Probe::new("m1")), (2, Probe::new("m2"))].into();
    same_and_no_larger(
        || variable_borrowed_itself(&v, &m),
        || variable_borrowed_itself_rustc(&v, &m),
    );
}
