//! The shapes of `tests/else_if_temporaries.rs` in Rust 2021, whose
//! `if let` keeps its scrutinee's temporaries through the `else` branch,
//! across the awaits there: the machine keeps them there too, as the
//! compiler tells it the edition (each `if let` a statement, not a block's
//! tail, which stops the build in Rust 2021: `tests/tails.rs`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s) and must be no
//! larger.

// Holding the `Ref` through the `else`'s awaits is Rust 2021's rule under
// test (the twins' `if let` on `c.borrow()`).
#![allow(clippy::await_holding_refcell_ref)]

use std::cell::RefCell;

use desugar::desugar;
use desugar::harness::{assert_same, Leaf, LeafFuture, Probe};

/// A value with something to drop, which a method borrows.
struct Held(Probe, u32);

impl Held {
    fn get(&self) -> u32 {
        self.0.touch();
        self.1
    }
}

fn make(label: &'static str, n: u32) -> Held {
    Held(Probe::new(label), n)
}

fn io(name: &'static str, v: u32) -> LeafFuture<u32> {
    Leaf::new(name).pending(1).ready(v)
}

#[desugar]
async fn chain(a: u32, b: u32) -> u32 {
    let value;
    if let Some(x) = make("first", a).get().checked_sub(2) {
        value = io("one", x).await;
    } else if let Some(y) = make("second", b).get().checked_sub(1) {
        value = io("two", y).await;
    } else {
        value = io("three", 3).await;
    }
    value
}

/// The length of `p`'s label, if `c`: the probe is a temporary of the
/// scrutinee.
fn opt_of(p: &Probe, c: bool) -> Option<usize> {
    c.then(|| p.label().len())
}

fn make_opt(c: bool) -> Option<Probe> {
    c.then(|| Probe::new("made"))
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

/// Three links, each temporary homed: in Rust 2024 they share one slot, in
/// Rust 2021 each keeps its own through the links after it.
#[desugar]
async fn three_links(n: u8) -> usize {
    let value;
    if let Some(k) = opt_of(&Probe::new("first"), n == 0) {
        value = io("leaf", k as u32).await as usize;
    } else if let Some(k) = opt_of(&Probe::new("second"), n == 1) {
        value = io("leaf", k as u32 + 1).await as usize;
    } else if let Some(p) = make_opt(n == 2).as_ref() {
        value = look(p).await + 2;
    } else {
        value = io("leaf", 3).await as usize;
    }
    value
}

#[desugar]
async fn nested_in_else(a: u32, b: u32) -> u32 {
    let value;
    if let Some(x) = make("outer", a).get().checked_sub(1) {
        value = x;
    } else {
        let local = Probe::new("else local");
        if let Some(y) = make("inner", b).get().checked_sub(1) {
            local.touch();
            value = io("y", y).await;
        } else {
            value = io("none", 0).await;
        };
    }
    value
}

#[desugar]
async fn else_awaits(c: &RefCell<Vec<u32>>) -> u32 {
    let value;
    {
        let tag = Probe::new("tag");
        if let Some(&x) = c.borrow().last() {
            tag.touch();
            value = x;
        } else {
            value = io("filled", 1).await;
        };
    }
    let len = c.borrow().len() as u32;
    value + len
}

#[desugar]
async fn else_if_condition(c: &RefCell<Vec<u32>>, k: u32) -> u32 {
    let value;
    if let Some(&x) = c.borrow().first() {
        value = x;
    } else if make("elif", k).get() > 0 {
        value = io("elif", k).await;
    } else {
        value = io("else", 0).await;
    }
    value
}

#[test]
fn temporaries_kept_through_the_else_as_rust_2021_keeps_them() {
    for (a, b) in [(5, 0), (0, 4), (1, 0)] {
        let report = assert_same(|| chain(a, b), || chain_rustc(a, b));
        assert!(report.left_size <= report.right_size, "{report}");
        let report = assert_same(|| nested_in_else(a, b), || nested_in_else_rustc(a, b));
        assert!(report.left_size <= report.right_size, "{report}");
    }
    for n in 0..4 {
        let report = assert_same(|| three_links(n), || three_links_rustc(n));
        assert!(report.left_size <= report.right_size, "{report}");
    }
    for (v, k) in [(vec![], 0), (vec![], 2), (vec![1], 2)] {
        let report = assert_same(
            || {
                let v = v.clone();
                async move { else_awaits(&RefCell::new(v)).await }
            },
            || {
                let v = v.clone();
                async move { else_awaits_rustc(&RefCell::new(v)).await }
            },
        );
        assert!(report.left_size <= report.right_size, "{report}");
        let report = assert_same(
            || {
                let v = v.clone();
                async move { else_if_condition(&RefCell::new(v), k).await }
            },
            || {
                let v = v.clone();
                async move { else_if_condition_rustc(&RefCell::new(v), k).await }
            },
        );
        assert!(report.left_size <= report.right_size, "{report}");
    }
}

fn make_conn(c: u32) -> Option<Probe> {
    c.is_multiple_of(2).then(|| Probe::new("conn"))
}

/// The shapes of `tests/sizes_round_bf.rs`, whose first link's temporary
/// lives in the variant of its one await in Rust 2024: here it keeps its
/// home through the `else`, as Rust 2021 keeps the temporary.
#[desugar]
async fn guard_chain(cell: &RefCell<Vec<u32>>) -> u32 {
    let value;
    if let Some(x) = cell.borrow().first().copied() {
        value = io("first", x).await;
    } else if let Some(y) = cell.borrow().last().copied() {
        value = io("last", y).await;
    } else {
        value = io("empty", 0).await;
    }
    value
}

#[desugar]
async fn two_borrowed_links(c: bool) -> usize {
    let value;
    if let Some(p) = &make_conn(c as u32 * 2) {
        io("use", 0).await;
        value = p.label().len();
    } else if let Some(p) = &make_conn(1) {
        io("use2", 0).await;
        value = p.label().len() + 1;
    } else {
        value = look(&Probe::new("else")).await;
    }
    value
}

#[test]
fn a_first_link_kept_in_its_variant_in_rust_2024_only() {
    for v in [vec![], vec![3], vec![4, 5]] {
        let report = assert_same(
            || {
                let v = v.clone();
                async move { guard_chain(&RefCell::new(v)).await }
            },
            || {
                let v = v.clone();
                async move { guard_chain_rustc(&RefCell::new(v)).await }
            },
        );
        assert!(report.left_size <= report.right_size, "{report}");
    }
    for c in [true, false] {
        let report = assert_same(|| two_borrowed_links(c), || two_borrowed_links_rustc(c));
        assert!(report.left_size <= report.right_size, "{report}");
    }
}
