//! A `&mut` of a constant (`&mut [0u8; 4]`, `&mut 0`, `&mut (1, 2)`) given
//! to an awaited call: rustc promotes only shared borrows of constants (and
//! `&mut []`), so this one is a temporary, kept to the end of its statement
//! (of the `match`, for a scrutinee) across the await, as the machine keeps
//! it. (Taken for a promoted constant, it was left as written, and the
//! machine's borrow check failed: E0716 at the generated state.)

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

async fn read_into(buf: &mut [u8]) -> usize {
    tick(()).await;
    if let Some(first) = buf.first_mut() {
        *first = 7;
    }
    buf.len() + buf.first().map_or(0, |b| *b as usize)
}

async fn bump(n: &mut u64) -> u64 {
    tick(()).await;
    *n += 1;
    *n
}

async fn swap(pair: &mut (u64, u64)) -> u64 {
    tick(()).await;
    *pair = (pair.1, pair.0);
    pair.0 * 10 + pair.1
}

#[desugar]
async fn skip() -> usize {
    read_into(&mut [0u8; 4]).await
}

#[desugar]
async fn skip_in_let(n: usize) -> usize {
    let k = read_into(&mut [0u8; 2]).await;
    let m = read_into(&mut [1, 2, 3]).await;
    k + m + n
}

#[desugar]
async fn numbers() -> u64 {
    let a = bump(&mut 0).await;
    let b = swap(&mut (1, 2)).await;
    bump(&mut (a + b)).await
}

async fn fill(slot: &mut Option<u32>) -> u32 {
    tick(()).await;
    *slot.get_or_insert(4)
}

#[desugar]
async fn extended() -> u64 {
    let n = &mut 5;
    let slot = &mut None;
    let a = bump(n).await + u64::from(fill(slot).await);
    a + *n + u64::from(fill(&mut None).await)
}

#[desugar]
async fn matched_number() -> u64 {
    match bump(&mut 0).await {
        0 => 0,
        n => n + tick(1).await,
    }
}

#[desugar]
async fn receivers() -> usize {
    let a = read_into([0u8; 3].as_mut_slice()).await;
    a + read_into(&mut []).await
}

#[desugar]
async fn matched() -> usize {
    match read_into(&mut [0u8; 8]).await {
        0 => 0,
        n => n + tick(1).await,
    }
}

#[desugar]
async fn in_if_let() -> usize {
    if let 15 = read_into(&mut [0u8; 8]).await {
        tick(1).await
    } else {
        tick(2).await
    }
}

#[test]
fn kept_as_temporaries() {
    same_and_no_larger(skip, skip_rustc);
    same_and_no_larger(|| skip_in_let(1), || skip_in_let_rustc(1));
    same_and_no_larger(numbers, numbers_rustc);
    same_and_no_larger(receivers, receivers_rustc);
    same_and_no_larger(matched, matched_rustc);
    same_and_no_larger(extended, extended_rustc);
    same_and_no_larger(matched_number, matched_number_rustc);
    both_send(&extended(), &extended_rustc());
    both_send(&matched_number(), &matched_number_rustc());
    same_and_no_larger(in_if_let, in_if_let_rustc);
    both_send(&skip(), &skip_rustc());
    both_send(&skip_in_let(1), &skip_in_let_rustc(1));
    both_send(&numbers(), &numbers_rustc());
    both_send(&receivers(), &receivers_rustc());
    both_send(&matched(), &matched_rustc());
    both_send(&in_if_let(), &in_if_let_rustc());
}
