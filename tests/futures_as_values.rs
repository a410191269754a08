//! Futures held in locals: `async` blocks, `async` closures and closures
//! that make futures, bound with `let` and awaited later, in one branch, in
//! a loop's iteration, through a call, or handed to another local
//! (`queue.push(async { .. })`) (desugar-fuzz/FINDINGS.md, entry 129:
//! found by writing ordinary async code under `#[desugar]`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger.
fn same_and_no_larger(report: Report) {
    assert!(report.left_size <= report.right_size, "{report}");
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// An `async` block owning a `String`, awaited in one branch while the
/// other awaits something else: it is moved on one path only, so it is
/// kept with a drop flag. Whether a block is `Copy` is settled after the
/// flag is chosen; the expansion asked, and did not build (E0277,
/// "`{async block}: Copy` is not satisfied").
#[desugar]
async fn block_in_one_branch(flag: bool, s: String) -> usize {
    let held = async move { s.len() };
    if flag {
        held.await
    } else {
        Leaf::new("other").pending(1).ready(7usize).await
    }
}

async fn call_it<F: AsyncFnOnce() -> u32>(f: F) -> u32 {
    f().await
}

/// An `async move` closure owning a probe, handed to a helper in one
/// branch (E0277 "`Probe: Copy` is not satisfied in `{async closure}`").
#[desugar]
async fn async_closure_in_one_branch(flag: bool, p: Probe) -> u32 {
    let f = async move || {
        p.touch();
        3u32
    };
    if flag {
        call_it(f).await
    } else {
        Leaf::new("other").pending(1).ready(7u32).await
    }
}

fn run_now<F: FnOnce() -> u32>(f: F) -> u32 {
    f()
}

/// A `move` closure owning a probe, moved in one branch before an await
/// there, and dropped with its scope on the other.
#[desugar]
async fn closure_in_one_branch(flag: bool, p: Probe) -> u32 {
    let f = move || {
        p.touch();
        2u32
    };
    let n = if flag {
        run_now(f)
    } else {
        Leaf::new("other").pending(1).ready(5u32).await
    };
    Leaf::new("after").pending(1).ready(()).await;
    n
}

/// A `Copy` closure moved on one path and called again after: the move
/// was a copy, and the closure is still there.
#[desugar]
async fn copy_closure_used_after_its_move(flag: bool, k: u32) -> u32 {
    let f = move || k + 1;
    let n = if flag { run_now(f) } else { 0 };
    Leaf::new("x").pending(1).ready(()).await;
    let m = f();
    Leaf::new("y").pending(1).ready(()).await;
    n + m
}

#[test]
fn a_block_or_closure_moved_in_one_branch_is_kept_with_a_flag() {
    for flag in [true, false] {
        same_and_no_larger(assert_same(
            || block_in_one_branch(flag, "ab".into()),
            || block_in_one_branch_rustc(flag, "ab".into()),
        ));
        same_and_no_larger(assert_same(
            || async_closure_in_one_branch(flag, Probe::new("p")),
            || async_closure_in_one_branch_rustc(flag, Probe::new("p")),
        ));
        same_and_no_larger(assert_same(
            || closure_in_one_branch(flag, Probe::new("p")),
            || closure_in_one_branch_rustc(flag, Probe::new("p")),
        ));
        same_and_no_larger(assert_same(
            || copy_closure_used_after_its_move(flag, 4),
            || copy_closure_used_after_its_move_rustc(flag, 4),
        ));
    }
    both_send(
        &block_in_one_branch(true, "ab".into()),
        &block_in_one_branch_rustc(true, "ab".into()),
    );
    both_send(
        &copy_closure_used_after_its_move(true, 1),
        &copy_closure_used_after_its_move_rustc(true, 1),
    );
}

/// A future of 128 bytes and more, the size of what it keeps.
async fn big(v: u32) -> u32 {
    let buf = [v as u8; 128];
    Leaf::new("big").pending(1).ready(()).await;
    buf[0] as u32 + v
}

/// A future awaited only in a branch that returns: moved there on every
/// path, its flag is empty at that await, where rustc keeps nothing for
/// it. The machine kept the empty flag, the future's full size, beside
/// the future it awaited (456 bytes against 312).
#[desugar]
async fn awaited_in_a_returning_branch(go: bool) -> u32 {
    let a = big(1);
    if go {
        return a.await;
    }
    Leaf::new("y").pending(1).ready(()).await;
    0
}

/// The same, with an await after the branch that may keep the flag again
/// (the flag is declared again on resuming, of the same type), and a
/// probe to see where what is left drops.
#[desugar]
async fn awaited_in_a_branch_then_more(go: bool, p: Probe) -> u32 {
    let a = big(2);
    let held = async move {
        p.touch();
        5u32
    };
    let mut n = 0;
    if go {
        n += a.await;
        n += held.await;
    }
    Leaf::new("y").pending(1).ready(()).await;
    n + 1
}

#[test]
fn a_future_moved_on_every_path_to_an_await_is_not_kept_there() {
    for go in [true, false] {
        same_and_no_larger(assert_same(
            || awaited_in_a_returning_branch(go),
            || awaited_in_a_returning_branch_rustc(go),
        ));
        same_and_no_larger(assert_same(
            || awaited_in_a_branch_then_more(go, Probe::new("p")),
            || awaited_in_a_branch_then_more_rustc(go, Probe::new("p")),
        ));
    }
    both_send(
        &awaited_in_a_returning_branch(true),
        &awaited_in_a_returning_branch_rustc(true),
    );
}

/// An `async` block bound in a loop's body and awaited through the local
/// in the same iteration. To resume in the loop, the expansion writes the
/// body again, and each copy of the block is a type of its own: the
/// future of each copy of the await goes into its own variant (as an
/// `async` block awaited in place does), where the one field took both
/// (E0308, "expected `async` block, found a different `async` block").
#[desugar]
async fn block_per_item(items: Vec<u32>) -> u32 {
    let mut total = 0;
    for item in items {
        let f = async move { item };
        total += f.await;
    }
    total
}

/// The same after a branch that awaits, whose rest is written once per
/// way of reaching it; the block owns a probe.
#[desugar]
async fn block_after_a_branch(flag: bool, p: Probe) -> u32 {
    if flag {
        Leaf::new("first").pending(1).ready(()).await;
    }
    let f = async move {
        p.touch();
        Leaf::new("inner").pending(1).ready(4u32).await
    };
    f.await + 1
}

#[test]
fn a_block_bound_in_code_written_twice_is_awaited_per_copy() {
    for items in [vec![], vec![1, 2, 3]] {
        same_and_no_larger(assert_same(
            || block_per_item(items.clone()),
            || block_per_item_rustc(items.clone()),
        ));
    }
    for flag in [true, false] {
        same_and_no_larger(assert_same(
            || block_after_a_branch(flag, Probe::new("p")),
            || block_after_a_branch_rustc(flag, Probe::new("p")),
        ));
    }
    both_send(&block_per_item(vec![1]), &block_per_item_rustc(vec![1]));
}

/// A `move` closure that makes an `async move` block owning what the
/// closure captured (so the closure is `FnOnce`), called and awaited. A
/// closure written without `async` cannot lend from itself, so its
/// future holds no borrow of it; the machine took the call for one the
/// future may hold, kept the closure in place and called it there (E0507,
/// "cannot move out of a shared reference", "this value implements
/// `FnOnce`").
#[desugar]
async fn closure_made_future(p: Probe) -> u32 {
    let make = move || async move {
        p.touch();
        Leaf::new("made").pending(1).ready(1u32).await
    };
    make().await
}

/// The same closure's future kept in a local across another await: the
/// closure is kept in place as a borrow the result may hold (README,
/// "Closures called before an await"), so it is moved into its call.
#[desugar]
async fn closure_made_future_kept(p: Probe) -> u32 {
    let make = move || async move {
        p.touch();
        2u32
    };
    let fut = { make }();
    Leaf::new("between").pending(1).ready(()).await;
    fut.await
}

/// A closure that borrows a local: its call's result borrows the local,
/// which stays in place while the result is kept across the await; the
/// closure, kept in place with it, is `Fn`.
#[desugar]
async fn closure_result_borrows_capture(v: Vec<u32>) -> u32 {
    let first = || &v[0];
    let r = first();
    Leaf::new("between").pending(1).ready(()).await;
    *r + 1
}

/// Such a closure made and called in a loop's body, which the expansion
/// writes twice (see `block_per_item`).
#[desugar]
async fn closure_made_future_per_item(items: Vec<u32>, p: Probe) -> u32 {
    let mut total = 0;
    for item in items {
        let make = move || async move { item * 2 };
        total += make().await;
    }
    p.touch();
    total
}

#[test]
fn a_closure_made_future_holds_no_borrow_of_the_closure() {
    same_and_no_larger(assert_same(
        || closure_made_future(Probe::new("p")),
        || closure_made_future_rustc(Probe::new("p")),
    ));
    same_and_no_larger(assert_same(
        || closure_made_future_kept(Probe::new("p")),
        || closure_made_future_kept_rustc(Probe::new("p")),
    ));
    same_and_no_larger(assert_same(
        || closure_result_borrows_capture(vec![4, 5]),
        || closure_result_borrows_capture_rustc(vec![4, 5]),
    ));
    for items in [vec![], vec![1, 2]] {
        same_and_no_larger(assert_same(
            || closure_made_future_per_item(items.clone(), Probe::new("p")),
            || closure_made_future_per_item_rustc(items.clone(), Probe::new("p")),
        ));
    }
    both_send(
        &closure_result_borrows_capture(vec![1]),
        &closure_result_borrows_capture_rustc(vec![1]),
    );
}

/// A non-`move` `async` block borrowing a parameter, handed to a queue by
/// `push` and awaited after another await: the queue holds the borrow, so
/// the parameter stays in place while the queue is kept. The machine kept
/// the parameter by value (E0505 "cannot move out of `name` because it is
/// borrowed", E0373).
#[desugar]
async fn queued(name: String) -> usize {
    let mut queue = Vec::new();
    queue.push(async { name.len() });
    Leaf::new("x").pending(1).ready(()).await;
    let mut total = 0;
    for f in queue {
        total += f.await;
    }
    total
}

/// A reference handed to a vector by `push` and kept across an await
/// (E0597, "`names` does not live long enough").
#[desugar]
async fn refs_kept(names: Vec<String>, p: Probe) -> usize {
    let mut refs = Vec::new();
    p.touch();
    refs.push(&names);
    Leaf::new("x").pending(1).ready(()).await;
    refs.len() + refs[0].len()
}

#[test]
fn a_borrow_stored_by_a_method_keeps_its_local_in_place() {
    same_and_no_larger(assert_same(
        || queued("ab".into()),
        || queued_rustc("ab".into()),
    ));
    for names in [vec![], vec!["a".to_string(), "b".to_string()]] {
        same_and_no_larger(assert_same(
            || refs_kept(names.clone(), Probe::new("p")),
            || refs_kept_rustc(names.clone(), Probe::new("p")),
        ));
    }
    both_send(&queued("a".into()), &queued_rustc("a".into()));
}
