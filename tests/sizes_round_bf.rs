//! Sizes, round BF: shapes where the machine was larger than rustc's
//! future (found by the hunts dogM3, dogM4 and dogM6).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

// Holding the guards across the awaits is the shape under test (the
// twins' `if let` on `cell.borrow()`); so is `c % 2 == 0` beside
// `c.is_multiple_of(2)`, a number's own method (`by_a_number_method`).
#![allow(clippy::await_holding_refcell_ref, clippy::manual_is_multiple_of)]

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::cell::RefCell;
use std::collections::HashMap;

fn leaf<T>(name: &str, v: T) -> LeafFuture<T> {
    Leaf::new(name).pending(1).ready(v)
}

fn opt_of(p: &Probe, c: u32) -> Option<u32> {
    p.touch();
    if c.is_multiple_of(2) {
        Some(c + p.label().len() as u32)
    } else {
        None
    }
}

fn make_conn(c: u32) -> Option<Probe> {
    c.is_multiple_of(2).then(|| Probe::new("conn"))
}

/// The machine itself, not in a wrapper owning what it borrows, is no
/// larger than its twin.
fn no_larger<L, R>(machine: &L, twin: &R) {
    let (l, r) = (size_of_val(machine), size_of_val(twin));
    assert!(l <= r, "machine {l} bytes, rustc {r} bytes");
}

fn key() -> String {
    "k".to_string()
}

/// Two guards in a chain, every branch awaiting.
#[desugar]
async fn guard_chain(cell: &RefCell<Vec<u32>>) -> u32 {
    if let Some(x) = cell.borrow().first().copied() {
        leaf("first", x).await
    } else if let Some(y) = cell.borrow_mut().pop() {
        leaf("popped", y).await
    } else {
        leaf("empty", 0).await
    }
}

#[test]
fn a_chain_of_two_guards() {
    // Each side owns its cell (a leaked one is a leak to valgrind).
    for v in [vec![], vec![3], vec![4, 5]] {
        same_and_no_larger(
            || {
                let c = RefCell::new(v.clone());
                async move { guard_chain(&c).await }
            },
            || {
                let c = RefCell::new(v.clone());
                async move { guard_chain_rustc(&c).await }
            },
        );
    }
    let c = RefCell::new(vec![]);
    no_larger(&guard_chain(&c), &guard_chain_rustc(&c));
}

/// A `ref` binding of a local, then an `else if let` with a temporary.
#[desugar]
async fn ref_binding_then_else_if(c: u32) -> usize {
    let holder = if c % 2 == 0 {
        Some(Probe::new("held"))
    } else {
        None
    };
    if let Some(ref p) = holder {
        leaf("ref", ()).await;
        p.label().len()
    } else if let Some(n) = opt_of(&Probe::new("t"), c) {
        leaf("n", n as usize).await
    } else {
        leaf("e", 0).await
    }
}

#[test]
fn a_ref_binding_then_an_else_if_let() {
    for c in 0..4 {
        same_and_no_larger(
            || ref_binding_then_else_if(c),
            || ref_binding_then_else_if_rustc(c),
        );
    }
    both_send(
        &ref_binding_then_else_if(0),
        &ref_binding_then_else_if_rustc(0),
    );
}

/// The same, the holder chosen by a number's own method of the parameter,
/// which takes it by value: nothing of `c` is kept (it was, in place, as
/// the receiver of a method syntax did not know: 128 bytes against 120).
#[desugar]
async fn by_a_number_method(c: u32) -> usize {
    let holder = if c.is_multiple_of(2) {
        Some(Probe::new("held"))
    } else {
        None
    };
    if let Some(ref p) = holder {
        leaf("ref", ()).await;
        p.label().len()
    } else {
        leaf("e", 0).await
    }
}

#[test]
fn a_holder_chosen_by_a_number_method() {
    for c in 0..2 {
        same_and_no_larger(|| by_a_number_method(c), || by_a_number_method_rustc(c));
    }
    both_send(&by_a_number_method(0), &by_a_number_method_rustc(0));
}

/// Two links each borrowing their own temporary across an await.
#[desugar]
async fn two_borrowed_links(c: bool) -> usize {
    if let Some(p) = &make_conn(c as u32 * 2) {
        leaf("use", ()).await;
        p.label().len()
    } else if let Some(p) = &make_conn(0) {
        leaf("use2", ()).await;
        p.label().len() + 1
    } else {
        0
    }
}

#[test]
fn two_links_borrowing_their_temporaries() {
    for c in [true, false] {
        same_and_no_larger(|| two_borrowed_links(c), || two_borrowed_links_rustc(c));
    }
    both_send(&two_borrowed_links(true), &two_borrowed_links_rustc(true));
}

/// A map's entry looked up by a temporary key, an `else` that awaits in an
/// insert whose key is a temporary too.
#[desugar]
async fn bump(map: &mut HashMap<String, u32>) -> u32 {
    if let Some(v) = map.get_mut(&key()) {
        *v += leaf("tick", 1).await;
        *v
    } else {
        map.insert(key(), leaf("ins", 5).await);
        5
    }
}

#[test]
fn an_entry_looked_up_by_a_temporary_key() {
    for present in [true, false] {
        let map = move || {
            let mut m = HashMap::new();
            if present {
                m.insert(key(), 1);
            }
            m
        };
        same_and_no_larger(
            || {
                let mut m = map();
                async move { bump(&mut m).await }
            },
            || {
                let mut m = map();
                async move { bump_rustc(&mut m).await }
            },
        );
    }
    let (mut m, mut n) = (HashMap::new(), HashMap::new());
    no_larger(&bump(&mut m), &bump_rustc(&mut n));
    both_send(&bump(&mut m), &bump_rustc(&mut n));
}

/// One link whose `else` keeps a larger value of its own across an
/// await: the scrutinee's temporary, kept in the variant of the `then`'s
/// one await, leaves the `else`'s states their own room (160 bytes
/// against 144, and 176 against 160 for `cache_get`).
#[desugar]
async fn big_branches(c: u32) -> usize {
    if let Some(n) = opt_of(&Probe::new("t"), c) {
        let buf = [n as u8; 32];
        leaf("then", ()).await;
        buf.len()
    } else {
        let buf = [0u8; 48];
        leaf("else", ()).await;
        buf.len() + 1
    }
}

#[desugar]
async fn cache_get(map: &HashMap<String, u32>) -> u32 {
    if let Some(v) = map.get(&key()) {
        leaf("hit", *v).await
    } else {
        let big = [1u8; 64];
        leaf("miss", ()).await;
        big.iter().map(|b| *b as u32).sum()
    }
}

#[test]
fn an_else_keeping_a_larger_value_of_its_own() {
    for c in 0..2 {
        same_and_no_larger(|| big_branches(c), || big_branches_rustc(c));
    }
    both_send(&big_branches(0), &big_branches_rustc(0));
    for present in [true, false] {
        let map = move || {
            let mut m = HashMap::new();
            if present {
                m.insert(key(), 7);
            }
            m
        };
        same_and_no_larger(
            || {
                let m = map();
                async move { cache_get(&m).await }
            },
            || {
                let m = map();
                async move { cache_get_rustc(&m).await }
            },
        );
    }
    let m = HashMap::new();
    no_larger(&cache_get(&m), &cache_get_rustc(&m));
}

/// A slice cursor moved on in a `while let` over `split_first`.
#[desugar]
async fn read_records(mut rest: &[u8]) -> usize {
    let mut n = 0;
    while let Some((&len, tail)) = rest.split_first() {
        let (rec, after) = tail.split_at(len as usize);
        n += leaf("rec", rec.len()).await;
        rest = after;
    }
    n
}

#[test]
fn a_slice_cursor_over_split_first() {
    let d = &[1u8, 7, 2, 1, 1][..];
    same_and_no_larger(|| read_records(d), || read_records_rustc(d));
    both_send(&read_records(d), &read_records_rustc(d));
}

pub struct Conn {
    pub id: u32,
    pub probe: Probe,
}

impl Conn {
    pub fn query(&self, q: &str) -> LeafFuture<u32> {
        self.probe.touch();
        Leaf::new(format!("query:{q}"))
            .pending(1)
            .ready(self.id + q.len() as u32)
    }
    pub fn exec(&mut self, q: &str) -> LeafFuture<u32> {
        Leaf::new(format!("exec:{q}"))
            .pending(1)
            .ready(q.len() as u32)
    }
}

/// A `&mut` parameter's `Option::as_ref` or `as_mut`, whose result is
/// the receiver of an awaited call: it borrows what `slot` points to, and
/// the machine keeps nothing of `slot`, as rustc does (it kept it in
/// place beside `c`: 104 bytes against 96; see also
/// `tests/sizes_round_bo.rs`).
#[desugar]
async fn query_cached(slot: &mut Option<Conn>) -> u32 {
    match slot.as_ref() {
        Some(c) => c.query("q").await,
        None => 0,
    }
}

#[desugar]
async fn exec_unwrapped(slot: &mut Option<Conn>) -> u32 {
    let conn = slot.as_mut().unwrap();
    conn.exec("q").await
}

fn conn() -> Option<Conn> {
    Some(Conn {
        id: 1,
        probe: Probe::new("c"),
    })
}

#[test]
fn a_mut_parameter_read_through_an_unknown_method() {
    same_and_no_larger(
        || {
            let mut s = conn();
            async move { query_cached(&mut s).await }
        },
        || {
            let mut s = conn();
            async move { query_cached_rustc(&mut s).await }
        },
    );
    same_and_no_larger(
        || {
            let mut s = conn();
            async move { exec_unwrapped(&mut s).await }
        },
        || {
            let mut s = conn();
            async move { exec_unwrapped_rustc(&mut s).await }
        },
    );
    let (mut s, mut t) = (conn(), conn());
    no_larger(&query_cached(&mut s), &query_cached_rustc(&mut t));
    no_larger(&exec_unwrapped(&mut s), &exec_unwrapped_rustc(&mut t));
    both_send(&query_cached(&mut s), &query_cached_rustc(&mut t));
    both_send(&exec_unwrapped(&mut s), &exec_unwrapped_rustc(&mut t));
}
