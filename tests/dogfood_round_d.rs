//! Shapes dogfood runs found (desugar-fuzz/FINDINGS.md, entry 139), each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A path to a function given as a value in a statement that awaits
//!   (`.await.map_err(AppError::from)?`, `unwrap_or_else(Vec::new)`,
//!   `map_err(Into::<Wrapped>::into)`) was checked as a named constant
//!   of a type with a `Drop` impl, in code that could not type a generic
//!   function's path: E0283, E0282, E0790.
//! - A guarded arm binding by `&mut` whose body awaits, before an arm
//!   binding the same part (`match &mut v { Some(n) if flag => { x.await;
//!   *n } Some(n) => *n, .. }`): E0499.

mod common;

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

#[test]
fn paths_to_functions_given_as_values_build() {
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

// ---- A guarded arm that binds by `&mut` and awaits ----

#[desugar]
async fn guarded_by_mut(mut v: Option<u32>, flag: bool) -> u32 {
    match &mut v {
        Some(n) if flag => {
            Leaf::new("x").pending(1).ready(()).await;
            *n += 1;
            *n
        }
        Some(n) => *n,
        None => 0,
    }
}

pub struct Holder {
    slot: Option<(u32, Probe)>,
}

#[desugar]
async fn guarded_field(mut h: Holder, limit: u32) -> u32 {
    let n = match &mut h.slot {
        Some(b) if b.0 < limit => {
            b.0 += Leaf::new("fetch").pending(1).ready(5).await;
            b.1.touch();
            b.0
        }
        Some(b) => b.0,
        None => 0,
    };
    n + h.slot.as_ref().map_or(0, |b| b.0)
}

#[derive(Debug, PartialEq)]
pub struct Node {
    val: u32,
    next: Option<Box<Node>>,
}

/// A list walked through a `&mut` cursor, which a guarded arm matches.
#[desugar]
async fn bump_first(mut head: Option<Box<Node>>, want: u32) -> Option<Box<Node>> {
    let mut cur = &mut head;
    loop {
        match cur {
            Some(node) if node.val == want => {
                node.val += Leaf::new("fetch").pending(1).ready(10).await;
                break;
            }
            Some(node) => cur = &mut node.next,
            None => break,
        }
    }
    head
}

/// Items reached through a `&mut` their type does not show, matched
/// through a reborrow written out.
#[desugar]
async fn guarded_items(mut v: Vec<Option<u32>>, limit: u32) -> Vec<Option<u32>> {
    for c in v.iter_mut() {
        match &mut *c {
            Some(n) if *n < limit => *n += fetch("item", 10).await,
            Some(n) => *n = 0,
            None => {}
        }
    }
    v
}

#[test]
fn a_guarded_arm_binding_by_mut_that_awaits_builds() {
    for limit in [0, 3] {
        let items = || vec![Some(1), None, Some(5)];
        same_and_no_larger(
            || guarded_items(items(), limit),
            || guarded_items_rustc(items(), limit),
        );
    }
    both_send(&guarded_items(vec![], 1), &guarded_items_rustc(vec![], 1));
    let list = || {
        Some(Box::new(Node {
            val: 1,
            next: Some(Box::new(Node { val: 2, next: None })),
        }))
    };
    for want in [1, 2, 3] {
        same_and_no_larger(
            || bump_first(list(), want),
            || bump_first_rustc(list(), want),
        );
    }
    both_send(&bump_first(list(), 1), &bump_first_rustc(list(), 1));
    for v in [None, Some(3)] {
        for flag in [true, false] {
            same_and_no_larger(|| guarded_by_mut(v, flag), || guarded_by_mut_rustc(v, flag));
        }
    }
    both_send(
        &guarded_by_mut(None, true),
        &guarded_by_mut_rustc(None, true),
    );
    let holder = |some: bool| Holder {
        slot: some.then(|| (1, Probe::new("b"))),
    };
    for some in [false, true] {
        for limit in [0, 4] {
            same_and_no_larger(
                || guarded_field(holder(some), limit),
                || guarded_field_rustc(holder(some), limit),
            );
        }
    }
    both_send(
        &guarded_field(holder(true), 1),
        &guarded_field_rustc(holder(true), 1),
    );
}
