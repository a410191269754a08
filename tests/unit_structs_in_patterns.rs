//! A unit struct with a `Drop` impl matched by name inside a tuple, tuple
//! struct or `Some((..))` pattern, beside bindings: the pattern moves
//! nothing of it (`Token` is matched, not bound), so it stays in the value
//! and drops with it, after the await. Taken for a binding that takes its
//! part, the value looked emptied and the machine dropped the Token before
//! the await.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

// A one-arm `match` is the shape under test, beside its `let`.
#![allow(clippy::match_single_binding)]

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, note};

pub struct Token;

impl Drop for Token {
    fn drop(&mut self) {
        note("token dropped");
    }
}

/// A tuple struct of its own (no `Drop` impl) holding a `Token`.
pub struct Tagged(Token, u32);

#[desugar]
async fn matched_in_a_tuple(pair: (Token, u32)) -> u32 {
    match pair {
        (Token, n) => Leaf::new("a").pending(1).ready(n).await,
    }
}

#[test]
fn a_tuple_matched() {
    same_and_no_larger(
        || matched_in_a_tuple((Token, 1)),
        || matched_in_a_tuple_rustc((Token, 1)),
    );
    both_send(
        &matched_in_a_tuple((Token, 1)),
        &matched_in_a_tuple_rustc((Token, 1)),
    );
}

#[desugar]
async fn let_in_a_tuple(pair: (Token, u32)) -> u32 {
    let (Token, n) = pair;
    Leaf::new("a").pending(1).ready(n).await
}

#[test]
fn a_tuple_destructured_by_let() {
    same_and_no_larger(
        || let_in_a_tuple((Token, 1)),
        || let_in_a_tuple_rustc((Token, 1)),
    );
    both_send(
        &let_in_a_tuple((Token, 1)),
        &let_in_a_tuple_rustc((Token, 1)),
    );
}

#[allow(irrefutable_let_patterns)]
#[desugar]
async fn if_let_in_a_tuple(pair: (Token, u32)) -> u32 {
    if let (Token, n) = pair {
        Leaf::new("a").pending(1).ready(n).await
    } else {
        0
    }
}

#[test]
fn a_tuple_matched_by_if_let() {
    same_and_no_larger(
        || if_let_in_a_tuple((Token, 1)),
        || if_let_in_a_tuple_rustc((Token, 1)),
    );
    both_send(
        &if_let_in_a_tuple((Token, 1)),
        &if_let_in_a_tuple_rustc((Token, 1)),
    );
}

fn make(k: u32) -> Option<(Token, u32)> {
    (k > 0).then_some((Token, k))
}

#[desugar]
async fn matched_on_a_temporary(k: u32) -> u32 {
    match make(k) {
        Some((Token, n)) => Leaf::new("a").pending(1).ready(n).await,
        None => 0,
    }
}

#[test]
fn a_temporary_matched_in_some() {
    for k in [0, 1] {
        same_and_no_larger(
            || matched_on_a_temporary(k),
            || matched_on_a_temporary_rustc(k),
        );
    }
    both_send(&matched_on_a_temporary(1), &matched_on_a_temporary_rustc(1));
}

#[desugar]
async fn matched_in_a_tuple_struct(tagged: Tagged) -> u32 {
    match tagged {
        Tagged(Token, n) => Leaf::new("a").pending(1).ready(n).await,
    }
}

#[test]
fn a_tuple_struct_matched() {
    same_and_no_larger(
        || matched_in_a_tuple_struct(Tagged(Token, 1)),
        || matched_in_a_tuple_struct_rustc(Tagged(Token, 1)),
    );
    both_send(
        &matched_in_a_tuple_struct(Tagged(Token, 1)),
        &matched_in_a_tuple_struct_rustc(Tagged(Token, 1)),
    );
}

/// `p` moves out of the tuple; the Token stays in it.
#[desugar]
async fn beside_a_moved_part(pair: (Token, String)) -> usize {
    match pair {
        (Token, p) => {
            Leaf::new("a").pending(1).ready(()).await;
            note("after the await");
            p.len()
        }
    }
}

#[test]
fn beside_a_part_moved_out() {
    let pair = || (Token, "ab".to_owned());
    same_and_no_larger(
        || beside_a_moved_part(pair()),
        || beside_a_moved_part_rustc(pair()),
    );
    both_send(
        &beside_a_moved_part(pair()),
        &beside_a_moved_part_rustc(pair()),
    );
}

#[desugar]
async fn looped_over(v: Vec<(Token, u32)>) -> u32 {
    let mut sum = 0;
    for (Token, n) in v {
        sum += Leaf::new("a").pending(1).ready(n).await;
        note("after the await");
    }
    sum
}

#[test]
fn a_for_loop_pattern() {
    let v = || vec![(Token, 1), (Token, 2)];
    same_and_no_larger(|| looped_over(v()), || looped_over_rustc(v()));
    both_send(&looped_over(v()), &looped_over_rustc(v()));
}

#[desugar]
async fn popped(mut q: Vec<(Token, u32)>) -> u32 {
    let mut sum = 0;
    while let Some((Token, n)) = q.pop() {
        sum += Leaf::new("a").pending(1).ready(n).await;
        note("after the await");
    }
    sum
}

#[test]
fn a_while_let_pattern() {
    let v = || vec![(Token, 1), (Token, 2)];
    same_and_no_larger(|| popped(v()), || popped_rustc(v()));
    both_send(&popped(v()), &popped_rustc(v()));
}

#[desugar]
async fn matched_with_braces(pair: (Token, u32)) -> u32 {
    match pair {
        (Token {}, n) => Leaf::new("a").pending(1).ready(n).await,
    }
}

#[test]
fn a_unit_struct_written_with_braces() {
    same_and_no_larger(
        || matched_with_braces((Token, 1)),
        || matched_with_braces_rustc((Token, 1)),
    );
    both_send(
        &matched_with_braces((Token, 1)),
        &matched_with_braces_rustc((Token, 1)),
    );
}

/// A `move` closure captures `pair.1` alone (a unit struct pattern reads
/// nothing): the Token stays in `pair` and drops at the end of the fn.
/// The closure holds a `u32` alone, and is `Copy`: `drop(f)` is there to
/// show it held no Token.
#[allow(dropping_copy_types)]
#[desugar]
async fn in_a_move_closure(pair: (Token, u32)) -> u32 {
    let f = move || {
        let (Token, n) = pair;
        n
    };
    let a = f();
    drop(f);
    note("closure dropped");
    Leaf::new("a").pending(1).ready(a).await
}

#[test]
fn a_move_closure_destructuring_a_local() {
    same_and_no_larger(
        || in_a_move_closure((Token, 1)),
        || in_a_move_closure_rustc((Token, 1)),
    );
    both_send(
        &in_a_move_closure((Token, 1)),
        &in_a_move_closure_rustc((Token, 1)),
    );
}

#[desugar]
async fn in_an_async_block(pair: (Token, u32)) -> u32 {
    let block = async move {
        let (Token, n) = pair;
        n
    };
    let a = block.await;
    note("block done");
    Leaf::new("a").pending(1).ready(a).await
}

#[test]
fn an_async_move_block_destructuring_a_local() {
    same_and_no_larger(
        || in_an_async_block((Token, 1)),
        || in_an_async_block_rustc((Token, 1)),
    );
    both_send(
        &in_an_async_block((Token, 1)),
        &in_an_async_block_rustc((Token, 1)),
    );
}

/// `s` moves out; the Token and the `_` part stay, to drop in their order.
#[desugar]
async fn beside_a_moved_and_a_skipped_part(triple: (Token, String, Token)) -> usize {
    match triple {
        (Token, s, _) => {
            Leaf::new("a").pending(1).ready(()).await;
            note("after the await");
            s.len()
        }
    }
}

#[test]
fn beside_a_part_moved_out_and_one_skipped() {
    let triple = || (Token, "ab".to_owned(), Token);
    same_and_no_larger(
        || beside_a_moved_and_a_skipped_part(triple()),
        || beside_a_moved_and_a_skipped_part_rustc(triple()),
    );
    both_send(
        &beside_a_moved_and_a_skipped_part(triple()),
        &beside_a_moved_and_a_skipped_part_rustc(triple()),
    );
}

#[desugar]
async fn let_beside_a_moved_part(pair: (Token, String)) -> usize {
    let (Token {}, s) = pair;
    Leaf::new("a").pending(1).ready(()).await;
    note("after the await");
    s.len()
}

#[test]
fn a_let_with_braces_beside_a_part_moved_out() {
    let pair = || (Token, "ab".to_owned());
    same_and_no_larger(
        || let_beside_a_moved_part(pair()),
        || let_beside_a_moved_part_rustc(pair()),
    );
    both_send(
        &let_beside_a_moved_part(pair()),
        &let_beside_a_moved_part_rustc(pair()),
    );
}

fn make_named(k: u32) -> Option<(Token, String)> {
    (k > 0).then(|| (Token, k.to_string()))
}

#[desugar]
async fn moved_out_of_a_temporary(k: u32) -> usize {
    if let Some((Token, s)) = make_named(k) {
        Leaf::new("a").pending(1).ready(()).await;
        note("after the await");
        s.len()
    } else {
        0
    }
}

#[test]
fn a_part_moved_out_of_a_temporary() {
    for k in [0, 1] {
        same_and_no_larger(
            || moved_out_of_a_temporary(k),
            || moved_out_of_a_temporary_rustc(k),
        );
    }
    both_send(
        &moved_out_of_a_temporary(1),
        &moved_out_of_a_temporary_rustc(1),
    );
}

#[desugar]
async fn looped_over_moved_parts(v: Vec<(Token, String)>) -> usize {
    let mut sum = 0;
    for (Token, s) in v {
        Leaf::new("a").pending(1).ready(()).await;
        note("after the await");
        sum += s.len();
    }
    sum
}

#[test]
fn a_for_loop_moving_a_part_out() {
    let v = || vec![(Token, "a".to_owned()), (Token, "bc".to_owned())];
    same_and_no_larger(
        || looped_over_moved_parts(v()),
        || looped_over_moved_parts_rustc(v()),
    );
    both_send(
        &looped_over_moved_parts(v()),
        &looped_over_moved_parts_rustc(v()),
    );
}

const LIMIT: u32 = 3;

/// A constant matched by name reads its part, a copy: nothing moves.
#[desugar]
async fn matched_against_a_constant(pair: (Token, u32)) -> u32 {
    match pair {
        (Token, LIMIT) => Leaf::new("a").pending(1).ready(0).await,
        (Token, n) => Leaf::new("b").pending(1).ready(n).await,
    }
}

#[test]
fn beside_a_constant() {
    for n in [1, LIMIT] {
        same_and_no_larger(
            || matched_against_a_constant((Token, n)),
            || matched_against_a_constant_rustc((Token, n)),
        );
    }
    both_send(
        &matched_against_a_constant((Token, 1)),
        &matched_against_a_constant_rustc((Token, 1)),
    );
}

#[desugar]
async fn in_an_array(pairs: [(Token, u32); 2]) -> u32 {
    let [(Token, a), (Token, b)] = pairs;
    Leaf::new("a").pending(1).ready(a + b).await
}

#[test]
fn an_array_destructured() {
    let pairs = || [(Token, 1), (Token, 2)];
    same_and_no_larger(|| in_an_array(pairs()), || in_an_array_rustc(pairs()));
    both_send(&in_an_array(pairs()), &in_an_array_rustc(pairs()));
}
