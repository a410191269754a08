//! A closure or `async` block that captures a local kept in place (a
//! `&mut` parameter it changes, a local it borrows) by reference, kept
//! across the awaits of a loop, with the local used again after the loop.
//! rustc ends the capture at the closure's last use; the machine's closure
//! captured through the arm's own reference to the local, which the code
//! after the loop, in the same arm, uses too (E0501 "cannot borrow `**out`
//! as immutable because previous closure requires unique access", E0502).
//! It now captures through a reference of its own, taken before the
//! statement.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` as the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

fn tick() -> LeafFuture<()> {
    Leaf::new("tick").pending(1).ready(())
}

/// The finding's own shape (dogD11, build_3).
#[desugar]
async fn collect_evens(xs: &[u32], out: &mut Vec<u32>) -> usize {
    let mut push = |x: u32| out.push(x);
    for &x in xs {
        tick().await;
        push(x);
    }
    out.len()
}

/// Captured through a `&mut` local (E0501 at `r.push(9)`).
#[desugar]
async fn through_a_borrow(mut v: Vec<u32>, n: u32) -> Vec<u32> {
    let r = &mut v;
    let mut add = |x| r.push(x);
    for i in 0..n {
        tick().await;
        add(i);
    }
    r.push(9);
    v
}

/// Captured by a shared borrow, changed after the loop (E0502).
#[desugar]
async fn read_then_changed(mut v: Vec<u32>, n: u32) -> Vec<u32> {
    let len = || v.len();
    for _ in 0..n {
        tick().await;
        let _ = len();
    }
    v.push(1);
    v
}

/// An `async` block made before the loop, awaited after it: captured
/// through a reference of its own too (this one built before as well).
#[desugar]
async fn block_awaited_after(out: &mut Vec<u32>, n: u32) -> usize {
    let len = async { out.len() };
    for _ in 0..n {
        tick().await;
    }
    let before = len.await;
    out.push(1);
    before + out.len()
}

#[test]
fn a_closure_kept_across_a_loop_leaves_the_local_usable_after_it() {
    for xs in [vec![1, 2, 4], Vec::new()] {
        same_and_no_larger(
            || {
                let xs = xs.clone();
                async move {
                    let mut out = Vec::new();
                    (collect_evens(&xs, &mut out).await, out)
                }
            },
            || {
                let xs = xs.clone();
                async move {
                    let mut out = Vec::new();
                    (collect_evens_rustc(&xs, &mut out).await, out)
                }
            },
        );
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    both_send(
        &collect_evens(&[1], &mut a),
        &collect_evens_rustc(&[1], &mut b),
    );
    for n in [0, 2] {
        same_and_no_larger(
            || through_a_borrow(vec![3], n),
            || through_a_borrow_rustc(vec![3], n),
        );
        same_and_no_larger(
            || read_then_changed(vec![3], n),
            || read_then_changed_rustc(vec![3], n),
        );
        same_and_no_larger(
            move || async move {
                let mut out = vec![7];
                (block_awaited_after(&mut out, n).await, out)
            },
            move || async move {
                let mut out = vec![7];
                (block_awaited_after_rustc(&mut out, n).await, out)
            },
        );
    }
    both_send(
        &through_a_borrow(vec![], 1),
        &through_a_borrow_rustc(vec![], 1),
    );
    both_send(
        &read_then_changed(vec![], 1),
        &read_then_changed_rustc(vec![], 1),
    );
    let (mut a, mut b) = (Vec::new(), Vec::new());
    both_send(
        &block_awaited_after(&mut a, 1),
        &block_awaited_after_rustc(&mut b, 1),
    );
}
