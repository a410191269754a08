//! Lifetimes, borrowed parameters and methods: shapes a dogfood run found
//! that the plain `async fn` builds and the machine did not, each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - `for x in v { ..await.. }` over a local holding a `&mut` (a `&mut
//!   Vec<T>` or `&mut [T]` parameter, `let items = &mut self.list;`, an
//!   `it: &mut dyn Iterator`): `into_iter` moves it, but it was taken for
//!   reborrowed, lending the iterator a borrow of the local, which was then
//!   kept in place and could not be moved (E0507).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[desugar]
async fn refresh_all(v: &mut Vec<u32>) -> u32 {
    let mut t = 0;
    for x in v {
        *x += Leaf::new("refresh").pending(1).ready(1).await;
        t += *x;
    }
    t
}

#[desugar]
async fn refresh_slice(v: &mut [Probe]) -> usize {
    let mut t = 0;
    for p in v {
        p.touch();
        t += Leaf::new("p").pending(1).ready(1).await;
    }
    t
}

#[desugar]
async fn drain_some(it: &mut dyn Iterator<Item = u32>) -> u32 {
    let mut t = 0;
    for x in it {
        t += Leaf::new("x").pending(1).ready(x).await;
    }
    t
}

pub struct Counter {
    n: u32,
}

impl Counter {
    async fn bump(&mut self) -> u32 {
        self.n += Leaf::new("bump").pending(1).ready(1).await;
        self.n
    }
}

pub struct Outer {
    list: Vec<Counter>,
    log: Vec<u32>,
}

#[desugar]
impl Outer {
    async fn bump_all(&mut self) -> u32 {
        let items = &mut self.list;
        let mut t = 0;
        for c in items {
            t += c.bump().await;
        }
        self.log.push(t);
        t
    }
}

fn outer() -> Outer {
    Outer {
        list: vec![Counter { n: 1 }, Counter { n: 5 }],
        log: Vec::new(),
    }
}

#[test]
fn a_for_loop_over_a_local_holding_a_mut_moves_it() {
    same_and_no_larger(
        || async {
            let mut v = vec![1, 2];
            (refresh_all(&mut v).await, v)
        },
        || async {
            let mut v = vec![1, 2];
            (refresh_all_rustc(&mut v).await, v)
        },
    );
    same_and_no_larger(
        || async {
            let mut v = [Probe::new("a"), Probe::new("b")];
            refresh_slice(&mut v).await
        },
        || async {
            let mut v = [Probe::new("a"), Probe::new("b")];
            refresh_slice_rustc(&mut v).await
        },
    );
    same_and_no_larger(
        || async {
            let mut it = 1..4;
            (drain_some(&mut it).await, it.next())
        },
        || async {
            let mut it = 1..4;
            (drain_some_rustc(&mut it).await, it.next())
        },
    );
    same_and_no_larger(
        || async {
            let mut o = outer();
            (o.bump_all().await, o.log)
        },
        || async {
            let mut o = outer();
            (o.bump_all_rustc().await, o.log)
        },
    );
    let mut v = vec![1];
    let mut w = vec![1];
    both_send(&refresh_all(&mut v), &refresh_all_rustc(&mut w));
    let (mut a, mut b) = ([Probe::new("a")], [Probe::new("b")]);
    both_send(&refresh_slice(&mut a), &refresh_slice_rustc(&mut b));
    let (mut o, mut p) = (outer(), outer());
    both_send(&o.bump_all(), &p.bump_all_rustc());
}
