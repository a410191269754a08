//! A field read by value out of the value an await gives, inside the
//! operand of a later await of the same statement
//! (`tick(fetch().await.status).await`, `tick(get().await?.status).await`,
//! the network shape `metrics.record(self.client.get(&url).await?.status).await`).
//! The value is a temporary of the statement in rustc: it stays alive, with
//! its `Drop` impl or the fields beside the one read, to the statement's
//! end, across the later await, as `visit(frame().depth).await` keeps
//! `frame()`. The machine keeps it as long (dogO2, finding 1: it dropped
//! it as soon as the field was copied out, before the later await was
//! first polled).
//!
//! Each shape the hunt listed: a `let`, a tail, a `return`, a `match` arm,
//! a compound assignment, a nested awaited call, the field compared or
//! cast, a method's argument; and those that already matched (a method
//! between the await and the field, a method on the field, a borrow of
//! it, the later await beside it rather than around it). `assert_same`
//! drops each at every suspension; each runs with the `?` taking the
//! error path too; each is no larger than the twin, and `Send` as it is.

// The statements under test are `let`s (returned directly, their values
// would be a block's tail, which drops them in another order) and a
// `return` (a tail is tested beside it).
#![allow(clippy::let_and_return, clippy::needless_return)]

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug)]
pub struct Resp {
    pub status: u32,
    pub body: String,
    pub conn: Probe,
}

#[derive(Debug, PartialEq)]
pub struct Failed(u32);

fn resp(n: u32) -> Resp {
    Resp {
        status: n,
        body: format!("b{n}"),
        conn: Probe::new(format!("conn{n}")),
    }
}

/// A response after one `Pending`.
fn fetch(n: u32) -> LeafFuture<Resp> {
    Leaf::new(format!("fetch{n}")).pending(1).ready(resp(n))
}

/// A response after one `Pending`, or an error for 9.
fn get(n: u32) -> LeafFuture<Result<Resp, ()>> {
    let r = if n == 9 { Err(()) } else { Ok(resp(n)) };
    Leaf::new(format!("get{n}")).pending(1).ready(r)
}

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

fn look(s: &str) -> LeafFuture<usize> {
    Leaf::new("look").pending(1).ready(s.len())
}

#[desugar]
async fn awaited_field(n: u32) -> u32 {
    let v = tick(fetch(n).await.status).await;
    v
}

#[desugar]
async fn tried_field(n: u32) -> Result<u32, ()> {
    let v = tick(get(n).await?.status).await;
    Ok(v)
}

#[desugar]
async fn compared(n: u32) -> bool {
    let v = tick(fetch(n).await.status == 3).await;
    v
}

#[desugar]
async fn cast(n: u32) -> Result<u64, ()> {
    let v = tick(get(n).await?.status as u64).await;
    Ok(v)
}

#[desugar]
async fn in_tail(n: u32) -> Result<u32, ()> {
    Ok(tick(get(n).await?.status).await)
}

#[desugar]
async fn in_return(n: u32) -> Result<u32, ()> {
    return Ok(tick(get(n).await?.status).await);
}

#[desugar]
async fn in_match_arm(n: u32, k: u32) -> Result<u32, Failed> {
    match k {
        0 => Ok(tick(get(n).await.map_err(|_| Failed(n))?.status).await),
        1 => Ok(tick(fetch(n).await.status).await),
        _ => Err(Failed(k)),
    }
}

#[desugar]
async fn in_let_match_arm(n: u32, k: u32) -> Result<u32, ()> {
    let v = match k {
        0 => tick(get(n).await?.status as u32).await,
        _ => k,
    };
    Ok(v + 1)
}

#[desugar]
async fn compound(n: u32) -> Result<u32, ()> {
    let mut acc = 10;
    acc += tick(get(n).await?.status).await;
    Ok(acc)
}

#[desugar]
async fn nested_call(n: u32) -> Result<u32, ()> {
    let v = tick(tick(get(n).await?.status).await + 1).await;
    Ok(v)
}

#[desugar]
async fn two_fields(a: u32, b: u32) -> Result<u32, ()> {
    let v = tick(get(a).await?.status + get(b).await?.status).await;
    Ok(v)
}

pub struct Metrics {
    pub seen: Probe,
}

impl Metrics {
    fn record(&self, status: u32) -> LeafFuture<u32> {
        self.seen.touch();
        tick(status)
    }
}

pub struct Api {
    pub metrics: Metrics,
}

impl Api {
    fn get(&self, n: u32) -> LeafFuture<Result<Resp, ()>> {
        get(n)
    }

    #[desugar]
    async fn record(&self, n: u32) -> Result<u32, ()> {
        let metrics = &self.metrics;
        let v = metrics.record(self.get(n).await?.status).await;
        Ok(v)
    }
}

// Shapes that already matched the twin.

#[desugar]
async fn unwrapped(n: u32) -> u32 {
    let v = tick(get(n).await.unwrap().status).await;
    v
}

#[desugar]
async fn method_on_field(n: u32) -> Result<usize, ()> {
    let v = tick(get(n).await?.body.len()).await;
    Ok(v)
}

#[desugar]
async fn borrowed_field(n: u32) -> usize {
    let v = look(&fetch(n).await.body).await;
    v
}

#[desugar]
async fn beside(n: u32) -> Result<(u32, u32), ()> {
    let v = (get(n).await?.status, tick(1).await);
    Ok(v)
}

#[desugar]
async fn added(n: u32) -> Result<u32, ()> {
    let v = get(n).await?.status + tick(1).await;
    Ok(v)
}

#[test]
fn a_field_of_an_awaited_value_keeps_the_value_across_the_later_await() {
    for n in [1, 3, 9] {
        if n != 9 {
            same_and_no_larger(|| awaited_field(n), || awaited_field_rustc(n));
            same_and_no_larger(|| compared(n), || compared_rustc(n));
            same_and_no_larger(|| unwrapped(n), || unwrapped_rustc(n));
            same_and_no_larger(|| borrowed_field(n), || borrowed_field_rustc(n));
        }
        same_and_no_larger(|| tried_field(n), || tried_field_rustc(n));
        same_and_no_larger(|| cast(n), || cast_rustc(n));
        same_and_no_larger(|| method_on_field(n), || method_on_field_rustc(n));
        same_and_no_larger(|| beside(n), || beside_rustc(n));
        same_and_no_larger(|| added(n), || added_rustc(n));
    }
    both_send(&awaited_field(1), &awaited_field_rustc(1));
    both_send(&tried_field(1), &tried_field_rustc(1));
    both_send(&compared(1), &compared_rustc(1));
    both_send(&cast(1), &cast_rustc(1));
}

#[test]
fn in_a_tail_a_return_or_an_arm() {
    for n in [1, 9] {
        same_and_no_larger(|| in_tail(n), || in_tail_rustc(n));
        same_and_no_larger(|| in_return(n), || in_return_rustc(n));
        for k in [0, 1, 2] {
            if !(n == 9 && k == 1) {
                same_and_no_larger(|| in_match_arm(n, k), || in_match_arm_rustc(n, k));
            }
            same_and_no_larger(|| in_let_match_arm(n, k), || in_let_match_arm_rustc(n, k));
        }
    }
    both_send(&in_tail(1), &in_tail_rustc(1));
    both_send(&in_return(1), &in_return_rustc(1));
    both_send(&in_match_arm(1, 0), &in_match_arm_rustc(1, 0));
    both_send(&in_let_match_arm(1, 0), &in_let_match_arm_rustc(1, 0));
}

#[test]
fn in_a_compound_assignment_or_a_nested_awaited_call() {
    for n in [1, 9] {
        same_and_no_larger(|| compound(n), || compound_rustc(n));
        same_and_no_larger(|| nested_call(n), || nested_call_rustc(n));
    }
    for (a, b) in [(1, 2), (9, 2), (1, 9)] {
        same_and_no_larger(|| two_fields(a, b), || two_fields_rustc(a, b));
    }
    both_send(&compound(1), &compound_rustc(1));
    both_send(&nested_call(1), &nested_call_rustc(1));
    both_send(&two_fields(1, 2), &two_fields_rustc(1, 2));
}

#[test]
fn as_a_method_argument_through_self() {
    let api = || Api {
        metrics: Metrics {
            seen: Probe::new("metrics"),
        },
    };
    for n in [1, 9] {
        let (a, b) = (api(), api());
        same_and_no_larger(|| a.record(n), || b.record_rustc(n));
    }
    let a = api();
    both_send(&a.record(1), &a.record_rustc(1));
}
