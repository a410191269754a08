//! An `async` block bound by `let`, moved into a second local (`let boxed
//! = Box::pin(job);`, a race combinator `let race = Select(Box::pin(job),
//! tick);`, `let job = Box::pin(job);`) and awaited through that local, in
//! code the expansion writes more than once: a loop body, resumed, or the
//! code after a branch that awaits. Each copy of the block is a type of its
//! own, and so is each copy of the second local: the machine did not build
//! (E0308 "expected `async` block, found a different `async` block" at
//! `#[desugar]`). Such a block is now wrapped where it is made, in its own
//! variant of `Copies` per copy, so that it, and what holds it, has one
//! type in every copy. Each machine is compared
//! with its twin, must be no larger, and `Send` where the twin is.

mod common;

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

/// Polls `A` then `B`; the first ready wins (`futures::future::select`
/// without the `Either`).
struct Select<A, B>(A, B);

impl<A, B> Future for Select<A, B>
where
    A: Future + Unpin,
    B: Future<Output = A::Output> + Unpin,
{
    type Output = A::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A::Output> {
        if let Poll::Ready(v) = Pin::new(&mut self.0).poll(cx) {
            return Poll::Ready(v);
        }
        Pin::new(&mut self.1).poll(cx)
    }
}

/// [`Select`] with named fields.
struct Race<A, B> {
    a: A,
    b: B,
}

impl<A, B> Future for Race<A, B>
where
    A: Future + Unpin,
    B: Future<Output = A::Output> + Unpin,
{
    type Output = A::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A::Output> {
        if let Poll::Ready(v) = Pin::new(&mut self.a).poll(cx) {
            return Poll::Ready(v);
        }
        Pin::new(&mut self.b).poll(cx)
    }
}

fn tick(n: usize) -> LeafFuture<u32> {
    Leaf::new("tick").pending(n).ready(100)
}

#[desugar]
async fn boxed_in_for(n: u32) -> u32 {
    let mut total = 0;
    for _ in 0..n {
        let job = async { Leaf::new("job").pending(1).ready(1u32).await };
        let boxed = Box::pin(job);
        total += boxed.await;
    }
    total
}

#[desugar]
async fn boxed_in_while(n: u32) -> u32 {
    let mut total = 0;
    let mut i = 0;
    while i < n {
        let job = async move { Leaf::new("job").pending(1).ready(i).await };
        let boxed = Box::pin(job);
        total += boxed.await;
        i += 1;
    }
    total
}

#[desugar]
async fn boxed_in_loop(n: u32) -> u32 {
    let mut total = 0;
    loop {
        let job = async move { Leaf::new("job").pending(1).ready(n).await };
        let boxed = Box::pin(job);
        total += boxed.await;
        if total >= 3 * n {
            break total;
        }
    }
}

#[desugar]
async fn boxed_after_branch(flag: bool) -> u32 {
    if flag {
        Leaf::new("warmup").pending(1).ready(()).await;
    }
    let job = async { Leaf::new("job").pending(1).ready(1u32).await };
    let boxed = Box::pin(job);
    boxed.await
}

/// A race per iteration, held in a local: the job against a tick.
#[desugar]
async fn race_per_iteration(n: u32, slow: usize) -> u32 {
    let mut total = 0;
    for i in 0..n {
        let job = async move { Leaf::new("job").pending(slow).ready(i).await };
        let race = Select(Box::pin(job), tick(2));
        total += race.await;
    }
    total
}

/// The block boxed under its own name, then raced inline.
#[desugar]
async fn reboxed_under_its_name(n: u32, slow: usize) -> u32 {
    let mut total = 0;
    for i in 0..n {
        let job = async move { Leaf::new("job").pending(slow).ready(i + 1).await };
        let job = Box::pin(job);
        total += match Select(job, tick(2)).await {
            100 => 0,
            v => v,
        };
    }
    total
}

/// Two locals on from the block, after an `if` that awaits, inside a
/// `while let`.
#[desugar]
async fn two_locals_on(mut items: Vec<u32>, warm: bool) -> u32 {
    let mut total = 0;
    while let Some(x) = items.pop() {
        if warm && x.is_multiple_of(2) {
            Leaf::new("warmup").pending(1).ready(()).await;
        }
        let job = async move { Leaf::new("job").pending(1).ready(x).await };
        let boxed = Box::pin(job);
        let race = Select(boxed, tick(3));
        total += race.await;
    }
    total
}

/// The boxed block kept across another await of the iteration: one type
/// in every copy, it is kept as any value.
#[desugar]
async fn boxed_kept_across_await(n: u32) -> u32 {
    let mut total = 0;
    for i in 0..n {
        let job = async move { Leaf::new("job").pending(1).ready(i).await };
        let boxed = Box::pin(job);
        total += Leaf::new("first").pending(1).ready(1u32).await;
        total += boxed.await;
    }
    total
}

/// The block raced against an inline `async` block, boxed beside it in a
/// struct literal: the literal has a type of its own in each copy anyway.
/// Before, the bound block was wrapped where it was made, and its
/// `Copies`' other type was left for rustc to infer from nothing (E0282
/// "type annotations needed for `desugar::__private::Copies<{async block},
/// _>`").
#[desugar]
async fn raced_beside_inline_block(n: u32, slow: usize) -> u32 {
    let mut hits = 0;
    for i in 0..n {
        let job = async move { Leaf::new("job").pending(slow).ready(i).await };
        let race = Select(
            Box::pin(job),
            Box::pin(async {
                tick(2).await;
                99
            }),
        );
        hits += race.await;
    }
    hits
}

/// The same with a struct literal (`Race { a, b }`), after a branch that
/// awaits.
#[desugar]
async fn raced_beside_inline_block_after_branch(warm: bool, slow: usize) -> u32 {
    if warm {
        Leaf::new("warmup").pending(1).ready(()).await;
    }
    let job = async move { Leaf::new("job").pending(slow).ready(7u32).await };
    let race = Race {
        a: Box::pin(job),
        b: Box::pin(async { tick(1).await + 1 }),
    };
    race.await
}

/// Both blocks bound by `let`: each is wrapped where it is made, and the
/// race has one type in every copy, kept across another await (with the
/// second block inline, a compile error:
/// `tests/ui/inline_block_beside_bound_block_kept.rs`).
#[desugar]
async fn both_bound_kept(n: u32, slow: usize) -> u32 {
    let mut hits = 0;
    for i in 0..n {
        let job = async move { Leaf::new("job").pending(slow).ready(i).await };
        let other = async { tick(2).await + 1 };
        let race = Race {
            a: Box::pin(job),
            b: Box::pin(other),
        };
        hits += Leaf::new("first").pending(1).ready(1u32).await;
        hits += race.await;
    }
    hits
}

#[test]
fn raced_beside_inline_blocks() {
    for n in 0..3 {
        for slow in [0, 4] {
            same_and_no_larger(
                || both_bound_kept(n, slow),
                || both_bound_kept_rustc(n, slow),
            );
        }
    }
    assert_send(&both_bound_kept(1, 1));
    for n in 0..3 {
        for slow in [0, 1, 4] {
            same_and_no_larger(
                || raced_beside_inline_block(n, slow),
                || raced_beside_inline_block_rustc(n, slow),
            );
        }
    }
    for warm in [false, true] {
        for slow in [0, 4] {
            same_and_no_larger(
                || raced_beside_inline_block_after_branch(warm, slow),
                || raced_beside_inline_block_after_branch_rustc(warm, slow),
            );
        }
    }
    assert_send(&raced_beside_inline_block(1, 1));
    assert_send(&raced_beside_inline_block_after_branch(true, 1));
}

#[test]
fn boxed_in_loops() {
    for n in 0..4 {
        same_and_no_larger(|| boxed_in_for(n), || boxed_in_for_rustc(n));
        same_and_no_larger(|| boxed_in_while(n), || boxed_in_while_rustc(n));
        same_and_no_larger(
            || boxed_kept_across_await(n),
            || boxed_kept_across_await_rustc(n),
        );
    }
    for n in 1..3 {
        same_and_no_larger(|| boxed_in_loop(n), || boxed_in_loop_rustc(n));
    }
    for b in [false, true] {
        same_and_no_larger(|| boxed_after_branch(b), || boxed_after_branch_rustc(b));
    }
    assert_send(&boxed_in_for(1));
    assert_send(&boxed_in_while(1));
    assert_send(&boxed_in_loop(1));
    assert_send(&boxed_after_branch(true));
    assert_send(&boxed_kept_across_await(1));
}

#[test]
fn races_in_locals() {
    for n in 0..3 {
        for slow in [0, 1, 4] {
            same_and_no_larger(
                || race_per_iteration(n, slow),
                || race_per_iteration_rustc(n, slow),
            );
            same_and_no_larger(
                || reboxed_under_its_name(n, slow),
                || reboxed_under_its_name_rustc(n, slow),
            );
        }
    }
    for b in [false, true] {
        same_and_no_larger(
            || two_locals_on(vec![1, 2, 3], b),
            || two_locals_on_rustc(vec![1, 2, 3], b),
        );
    }
    assert_send(&race_per_iteration(1, 1));
    assert_send(&reboxed_under_its_name(1, 1));
    assert_send(&two_locals_on(vec![], true));
}
