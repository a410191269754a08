//! A local moved in an operand of an `if` condition's `&&` chain after the
//! first (`if flag && take(a) { x.await }`, `if let Some(v) = o &&
//! take(a)`), where the `if` lowers as a construct of its own (a branch
//! awaits): the operand runs only where those before it hold, so where
//! they do not, the local is still there and rustc drops it at the end of
//! its scope. The machine took the move for one that runs whenever the
//! `if` does, and dropped the local at the next await (desugar-fuzz/
//! FINDINGS.md, entry 131).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

fn take(p: Probe) -> bool {
    p.touch();
    true
}

async fn tick(name: &str) {
    Leaf::new(name).pending(1).ready(()).await
}

#[desugar]
async fn moved_under_and(flag: bool, a: Probe) -> u32 {
    if flag && take(a) {
        tick("then").await;
    }
    tick("after").await;
    0
}

#[desugar]
async fn moved_under_and_with_else(flag: bool, a: Probe) -> u32 {
    if flag && take(a) {
        tick("then").await;
        1
    } else {
        tick("else").await;
        2
    }
}

/// In a `let` chain, after the `let`.
#[desugar]
async fn moved_in_a_let_chain(o: Option<u32>, a: Probe) -> u32 {
    let n = if let Some(v) = o
        && take(a)
    {
        tick("then").await;
        v
    } else {
        0
    };
    tick("after").await;
    n
}

#[test]
fn a_move_right_of_and_runs_only_where_the_left_holds() {
    let a = || Probe::new("a");
    for flag in [false, true] {
        same_and_no_larger(
            || moved_under_and(flag, a()),
            || moved_under_and_rustc(flag, a()),
        );
        same_and_no_larger(
            || moved_under_and_with_else(flag, a()),
            || moved_under_and_with_else_rustc(flag, a()),
        );
    }
    for o in [None, Some(4)] {
        same_and_no_larger(
            || moved_in_a_let_chain(o, a()),
            || moved_in_a_let_chain_rustc(o, a()),
        );
    }
    both_send(
        &moved_under_and(true, a()),
        &moved_under_and_rustc(true, a()),
    );
}

/// A closure owning a value, called on some paths only (right of `&&`, in
/// a branch): where the call did not run, rustc keeps the closure and what
/// it owns to the end of its scope. The machine took the call for one that
/// consumed it and dropped it before the await (dogC6, silent 2); it is now
/// kept with a drop flag and called in place (an `FnOnce` one there does
/// not build: `tests/ui/closure_called_on_some_paths.rs`).
#[desugar]
async fn closure_called_under_and(flag: bool, x: Probe) -> u32 {
    let check = move || {
        x.touch();
        true
    };
    let n = if flag && check() { 1 } else { 2 };
    tick("after").await;
    n
}

#[desugar]
async fn closure_called_in_a_branch(flag: bool, x: Probe) -> u32 {
    let log = move || x.touch();
    if flag {
        log();
    }
    tick("after").await;
    3
}

#[test]
fn a_closure_called_on_some_paths_is_kept_where_it_was_not() {
    let x = || Probe::new("x");
    for flag in [false, true] {
        same_and_no_larger(
            || closure_called_under_and(flag, x()),
            || closure_called_under_and_rustc(flag, x()),
        );
        same_and_no_larger(
            || closure_called_in_a_branch(flag, x()),
            || closure_called_in_a_branch_rustc(flag, x()),
        );
    }
}
