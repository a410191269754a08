//! `std::task::ready!` in a `poll_fn` closure that polls a pinned local
//! (`pin!` or `Box::pin`): the hand-written select or timeout. The pinned
//! local is kept in place (the closure borrows it across its await), and
//! the macro's use of it could not be rewritten to the home: the build
//! stopped (dogN2 3.2). Each is compared with rustc's twin (`assert_same`:
//! every cancellation point, with and without extra `Pending`s), no
//! larger, and `Send` where the twin is.

mod common;

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::{Poll, ready};

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn fetch(v: u32) -> LeafFuture<u32> {
    Leaf::new("fetch").pending(1).ready(v)
}

fn slow(v: u32) -> LeafFuture<u32> {
    Leaf::new("slow").pending(3).ready(v)
}

#[desugar]
async fn plus_one(n: u32) -> u32 {
    let mut f = pin!(fetch(n));
    poll_fn(|cx| {
        let v = ready!(f.as_mut().poll(cx));
        Poll::Ready(v + 1)
    })
    .await
}

#[desugar]
async fn boxed(n: u32) -> u32 {
    let p = Probe::new("p");
    let mut f = Box::pin(fetch(n));
    let v = poll_fn(|cx| {
        let v = std::task::ready!(f.as_mut().poll(cx));
        Poll::Ready(v * 2)
    })
    .await;
    drop(p);
    v + fetch(1).await
}

/// The first of two to be ready; the other is dropped with its local.
#[desugar]
async fn race(n: u32) -> u32 {
    let mut quick = pin!(fetch(n));
    let mut late = pin!(slow(n + 10));
    let won = poll_fn(|cx| {
        if let Poll::Ready(v) = late.as_mut().poll(cx) {
            return Poll::Ready(v);
        }
        let _probe = Probe::new("polled");
        Poll::Ready(ready!(quick.as_mut().poll(cx)) + 100)
    })
    .await;
    won + fetch(2).await
}

/// In the body itself: a `return` of the fn's output.
#[desugar]
async fn in_the_body(n: u32) -> Poll<u32> {
    let first = fetch(n).await;
    let ready_or_not = if first > 2 {
        Poll::Ready(first)
    } else {
        Poll::Pending
    };
    let _p = Probe::new("p");
    let v = ready!(ready_or_not);
    Poll::Ready(v + fetch(1).await)
}

#[test]
fn ready_polling_a_pinned_local() {
    both_send(&plus_one(1), &plus_one_rustc(1));
    same_and_no_larger(|| plus_one(1), || plus_one_rustc(1));
    both_send(&boxed(1), &boxed_rustc(1));
    same_and_no_larger(|| boxed(3), || boxed_rustc(3));
    both_send(&race(1), &race_rustc(1));
    same_and_no_larger(|| race(3), || race_rustc(3));
}

#[test]
fn ready_returning_from_the_body() {
    both_send(&in_the_body(1), &in_the_body_rustc(1));
    same_and_no_larger(|| in_the_body(1), || in_the_body_rustc(1));
    same_and_no_larger(|| in_the_body(5), || in_the_body_rustc(5));
}

/// What the message says for a macro of the crate's, which the expansion
/// cannot read, naming a local kept in place inside a closure: a
/// reference bound before it, `&mut` where the macro changes the local or
/// calls `as_mut()` on it, named there (`*value` where the macro assigns
/// to it), and a `move` closure. `let value = &f;` would not build
/// (E0596: `as_mut` needs `&mut`; dogN2 2.2).
mod following_the_advice {
    use super::*;

    macro_rules! poll_ready {
        ($f:expr, $cx:expr) => {
            match $f.as_mut().poll($cx) {
                Poll::Ready(v) => v,
                Poll::Pending => return Poll::Pending,
            }
        };
    }

    macro_rules! bump {
        ($c:expr) => {
            $c += 1
        };
    }

    #[desugar]
    async fn polled(n: u32) -> u32 {
        let mut f = pin!(fetch(n));
        let value = &mut f;
        poll_fn(move |cx| {
            let v = poll_ready!(value, cx);
            Poll::Ready(v + 1)
        })
        .await
    }

    #[desugar]
    async fn bumped(n: u32) -> u32 {
        let mut count = 0;
        let value = &mut count;
        let mut step = move || bump!(*value);
        step();
        let m = fetch(n).await;
        step();
        count + m
    }

    #[test]
    fn builds_and_behaves_as_rustc() {
        both_send(&polled(1), &polled_rustc(1));
        same_and_no_larger(|| polled(2), || polled_rustc(2));
        both_send(&bumped(1), &bumped_rustc(1));
        same_and_no_larger(|| bumped(2), || bumped_rustc(2));
    }
}
