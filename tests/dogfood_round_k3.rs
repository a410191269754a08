//! Smart pointers and interior mutability, in shapes a dogfood run found
//! that the plain `async fn` builds and the machine did not, each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - A method that borrows its receiver mutably (`pop`, `drain`) on a
//!   field, index or deref of a temporary, in a `match`/`if let`/`while
//!   let` scrutinee whose arms await or a `for` iterable whose body awaits
//!   (`match mk().v.pop()`, `for x in lease(&q).g.drain(..)`): the
//!   temporary was named without `mut` (E0596).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::cell::{RefCell, RefMut};

pub struct W {
    pub v: Vec<u32>,
    pub p: Probe,
}

fn mk(v: &[u32]) -> W {
    W {
        v: v.to_vec(),
        p: Probe::new("w"),
    }
}

fn grid(v: &[u32]) -> (Probe, Vec<Vec<u32>>) {
    (Probe::new("grid"), vec![v.to_vec()])
}

/// Holds a borrow of the queue until it is dropped, with a probe that
/// shows when.
pub struct Lease<'a> {
    pub g: RefMut<'a, Vec<u32>>,
    pub p: Probe,
}

fn lease(q: &RefCell<Vec<u32>>) -> Lease<'_> {
    Lease {
        g: q.borrow_mut(),
        p: Probe::new("lease"),
    }
}

fn leaf(label: &'static str, n: u32) -> desugar::harness::LeafFuture<u32> {
    Leaf::new(label).pending(1).ready(n)
}

#[desugar]
async fn match_field_pop(v: Vec<u32>) -> u32 {
    match mk(&v).v.pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn if_let_field_pop(v: Vec<u32>) -> u32 {
    if let Some(x) = mk(&v).v.pop() {
        leaf("some", x).await
    } else {
        leaf("none", 0).await
    }
}

#[desugar]
async fn match_index_pop(v: Vec<u32>) -> u32 {
    match grid(&v).1[0].pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn match_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    match lease(q).g.pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn match_deref_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    match (*lease(q).g).pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn while_let_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    let mut total = 0;
    while let Some(x) = lease(q).g.pop() {
        total += leaf("item", x).await;
    }
    total
}

#[desugar]
async fn for_guard_field_drain(q: &RefCell<Vec<u32>>) -> u32 {
    let mut total = 0;
    for x in lease(q).g.drain(..) {
        total += leaf("item", x).await;
    }
    total + q.borrow().len() as u32
}

#[test]
fn a_mutably_borrowed_field_of_a_scrutinee_temporary() {
    for v in [vec![], vec![4], vec![1, 2, 3]] {
        same_and_no_larger(
            || match_field_pop(v.clone()),
            || match_field_pop_rustc(v.clone()),
        );
        same_and_no_larger(
            || if_let_field_pop(v.clone()),
            || if_let_field_pop_rustc(v.clone()),
        );
        same_and_no_larger(
            || match_index_pop(v.clone()),
            || match_index_pop_rustc(v.clone()),
        );
        let q = || RefCell::new(v.clone());
        same_and_no_larger(
            || async move { match_guard_field_pop(&q()).await },
            || async move { match_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { match_deref_guard_field_pop(&q()).await },
            || async move { match_deref_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { while_let_guard_field_pop(&q()).await },
            || async move { while_let_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { for_guard_field_drain(&q()).await },
            || async move { for_guard_field_drain_rustc(&q()).await },
        );
    }
    both_send(&match_field_pop(vec![1]), &match_field_pop_rustc(vec![1]));
    both_send(&match_index_pop(vec![1]), &match_index_pop_rustc(vec![1]));
    both_send(&if_let_field_pop(vec![1]), &if_let_field_pop_rustc(vec![1]));
}
