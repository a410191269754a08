//! Shapes a dogfood run of async composition found, each compared with
//! rustc's twin (`assert_same`: every cancellation point, with and without
//! extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - A value computed by a `match` or `if` on a borrow of a local, each arm
//!   a literal (`let n = match &a { Some(_) => 1, None => 0 };`), used
//!   after an await: taken for one that may borrow `a`, which was kept in
//!   place, so a later `match a { Some(f) => .. }` moving out of it did
//!   not build (E0507). So was one whose written type is `&'static`.
//! - A number parameter (`x: u32`) read by an `async` block kept across an
//!   await, so kept in place, and taken by an `async move` block or a
//!   `move` closure: an error said to move it into a new local first,
//!   where the block only copies it.
//! - A small parameter (`b: bool`) borrowed across the one await of the
//!   body, directly or by an `async` block: its home took a word beside
//!   the state, 8 bytes more than rustc's, which keeps it in the variant.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- Values computed from a borrow, that cannot hold it ----

#[desugar]
async fn counted_by_match(which: u8) -> u32 {
    let a = if which == 0 {
        None
    } else {
        Some(Probe::new("a"))
    };
    let n = match &a {
        Some(_) => 1,
        None => 0,
    };
    let pre = Leaf::new("pre").pending(1).ready(0).await;
    match a {
        Some(f) => {
            f.touch();
            pre + n
        }
        None => pre,
    }
}

#[desugar]
async fn labelled_static(which: u8) -> u32 {
    let a = if which == 0 {
        None
    } else {
        Some(Probe::new("a"))
    };
    let label: &'static str = match &a {
        Some(_) => "some",
        None => "none",
    };
    let pre = Leaf::new(label).pending(1).ready(1).await;
    match a {
        Some(f) => {
            f.touch();
            pre
        }
        None => pre,
    }
}

#[desugar]
#[allow(clippy::redundant_pattern_matching)] // a borrow, as `match &a` takes
async fn labelled_by_if(which: u8) -> usize {
    let a = if which == 0 {
        None
    } else {
        Some(Probe::new("a"))
    };
    let label = if let Some(_) = &a { "some" } else { "none" };
    let pre = Leaf::new("pre").pending(1).ready(1).await;
    match a {
        Some(f) => {
            f.touch();
            pre + label.len()
        }
        None => pre,
    }
}

#[test]
fn values_computed_from_a_borrow_leave_the_local_free() {
    for w in [0, 1] {
        same_and_no_larger(|| counted_by_match(w), || counted_by_match_rustc(w));
        same_and_no_larger(|| labelled_static(w), || labelled_static_rustc(w));
        same_and_no_larger(|| labelled_by_if(w), || labelled_by_if_rustc(w));
    }
    both_send(&counted_by_match(1), &counted_by_match_rustc(1));
    both_send(&labelled_static(1), &labelled_static_rustc(1));
    both_send(&labelled_by_if(1), &labelled_by_if_rustc(1));
}

// ---- Numbers kept in place, copied into `move` closures ----

#[desugar]
async fn copied_into_async_move(x: u32) -> u32 {
    let a = async { x };
    let b = async move { x + 1 };
    Leaf::new("l").pending(1).ready(()).await;
    a.await + b.await
}

#[desugar]
async fn copied_into_move_closure(x: u32, n: u8) -> String {
    let r = &x;
    let double = move || x * 2;
    let shown = async move { format!("{x}/{n}") };
    Leaf::new("l").pending(1).ready(()).await;
    format!("{} {} {}", r, double(), shown.await)
}

#[test]
fn numbers_kept_in_place_are_copied_into_move_closures() {
    same_and_no_larger(
        || copied_into_async_move(1),
        || copied_into_async_move_rustc(1),
    );
    same_and_no_larger(
        || copied_into_move_closure(3, 4),
        || copied_into_move_closure_rustc(3, 4),
    );
    both_send(&copied_into_async_move(1), &copied_into_async_move_rustc(1));
    both_send(
        &copied_into_move_closure(3, 4),
        &copied_into_move_closure_rustc(3, 4),
    );
}

// ---- Small parameters borrowed across the only await ----

#[desugar]
async fn flag_borrowed(b: bool) -> bool {
    let r = &b;
    Leaf::new("x").pending(1).ready(()).await;
    *r
}

#[desugar]
async fn byte_borrowed(b: u8) -> u8 {
    let r = &b;
    Leaf::new("x").pending(1).ready(()).await;
    *r + 1
}

#[desugar]
async fn flag_read_by_block(boom: bool) -> u32 {
    let inner = async {
        let x = Leaf::new("fine").pending(1).ready(1).await;
        if boom { x } else { 0 }
    };
    inner.await
}

#[desugar]
async fn probe_borrowed(p: Probe, b: bool) -> bool {
    let r = &p;
    Leaf::new("x").pending(1).ready(()).await;
    r.touch();
    b
}

#[test]
fn small_parameters_borrowed_across_one_await_take_no_word_of_their_own() {
    for b in [false, true] {
        same_and_no_larger(|| flag_borrowed(b), || flag_borrowed_rustc(b));
        same_and_no_larger(|| flag_read_by_block(b), || flag_read_by_block_rustc(b));
        same_and_no_larger(
            || probe_borrowed(Probe::new("p"), b),
            || probe_borrowed_rustc(Probe::new("p"), b),
        );
    }
    same_and_no_larger(|| byte_borrowed(3), || byte_borrowed_rustc(3));
    both_send(&flag_borrowed(true), &flag_borrowed_rustc(true));
    both_send(&byte_borrowed(3), &byte_borrowed_rustc(3));
    both_send(&flag_read_by_block(true), &flag_read_by_block_rustc(true));
}
