//! A stream of the user's whose own future adapters are named like
//! `Iterator`'s (`take_while(&mut self, f)`, `skip_while`), giving a future
//! that borrows the stream, a local, across the await. An iterator
//! adapter's name is taken to move its receiver, but what is awaited at
//! once (`s.take_while(|x| *x < 3).await`) is no iterator's adapter (nor a
//! `StreamExt`'s, which give streams): the local is kept in place as rustc
//! keeps it. An adapter bound first and awaited or polled later (`let mut
//! tw = s.take_while(f); tw.next().await`) is as often `tokio-stream`'s
//! `take_while(self, f)`, and is still taken for a move: write the borrow,
//! `Numbers::take_while(&mut s, f)` (`b`, `e`, `g` here). One taking `self`
//! awaited at once is `tests/ui/own_awaited_adapter_taking_self.rs`.
mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

pub struct Numbers {
    q: VecDeque<u32>,
    _p: Probe,
}
impl Numbers {
    pub fn new(v: Vec<u32>) -> Self {
        Numbers {
            q: v.into(),
            _p: Probe::new("numbers"),
        }
    }
    // A stream's `next`, as `StreamExt::next` is named.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> LeafFuture<Option<u32>> {
        Leaf::new("next").pending(1).ready(self.q.pop_front())
    }
    pub fn take_while<'a, F: FnMut(&u32) -> bool>(&'a mut self, f: F) -> TakeWhile<'a, F> {
        TakeWhile {
            s: self,
            f,
            out: Vec::new(),
            fut: None,
            done: false,
        }
    }
    pub fn skip_while<'a, F: FnMut(&u32) -> bool>(&'a mut self, f: F) -> SkipWhile<'a, F> {
        SkipWhile {
            s: self,
            f,
            fut: None,
            skipping: true,
        }
    }
    pub fn rest(&self) -> usize {
        self.q.len()
    }
}
/// Collects the items while `f` holds.
pub struct TakeWhile<'a, F> {
    s: &'a mut Numbers,
    f: F,
    out: Vec<u32>,
    fut: Option<LeafFuture<Option<u32>>>,
    done: bool,
}
impl<F: FnMut(&u32) -> bool + Unpin> Future for TakeWhile<'_, F> {
    type Output = Vec<u32>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u32>> {
        let this = &mut *self;
        loop {
            if this.done {
                return Poll::Ready(std::mem::take(&mut this.out));
            }
            if this.fut.is_none() {
                this.fut = Some(this.s.next());
            }
            match Pin::new(this.fut.as_mut().unwrap()).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(x) => {
                    this.fut = None;
                    match x {
                        Some(x) if (this.f)(&x) => this.out.push(x),
                        _ => this.done = true,
                    }
                }
            }
        }
    }
}
impl<F: FnMut(&u32) -> bool> TakeWhile<'_, F> {
    /// The next item while `f` holds.
    // A stream's `next`, as `StreamExt::next` is named.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> LeafFuture<Option<u32>> {
        let x = self.s.q.pop_front().filter(|x| (self.f)(x));
        Leaf::new("tw.next").pending(1).ready(x)
    }
}
pub struct SkipWhile<'a, F> {
    s: &'a mut Numbers,
    f: F,
    fut: Option<LeafFuture<Option<u32>>>,
    skipping: bool,
}
impl<F: FnMut(&u32) -> bool + Unpin> Future for SkipWhile<'_, F> {
    type Output = Option<u32>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        let this = &mut *self;
        loop {
            if this.fut.is_none() {
                this.fut = Some(this.s.next());
            }
            match Pin::new(this.fut.as_mut().unwrap()).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(x) => {
                    this.fut = None;
                    match x {
                        Some(x) if this.skipping && (this.f)(&x) => {}
                        x => {
                            this.skipping = false;
                            return Poll::Ready(x);
                        }
                    }
                }
            }
        }
    }
}
fn tick() -> LeafFuture<u32> {
    Leaf::new("tick").pending(1).ready(1)
}

/// Awaited at once; the stream read after.
#[desugar]
async fn a(limit: u32) -> usize {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    let v = s.take_while(|x| *x < limit).await;
    tick().await;
    v.len() + s.rest()
}
/// Bound first, polled across awaits: the borrow written out.
#[desugar]
async fn b(limit: u32) -> u32 {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    let mut tw = Numbers::take_while(&mut s, |x| *x < limit);
    let mut n = 0;
    while let Some(x) = tw.next().await {
        n += x + tick().await;
    }
    n
}
/// Awaited at once, `skip_while`.
#[desugar]
async fn c(limit: u32) -> u32 {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    let first = s.skip_while(|x| *x < limit).await;
    let t = tick().await;
    first.unwrap_or(0) + t + s.rest() as u32
}
/// In a `match` scrutinee whose arms await.
#[desugar]
async fn d(limit: u32) -> usize {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    match s.take_while(|x| *x < limit).await.len() {
        0 => 0,
        n => n + tick().await as usize,
    }
}
/// Bound first, awaited after another await: the borrow written out.
#[desugar]
async fn e(limit: u32) -> u32 {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    let tw = Numbers::skip_while(&mut s, |x| *x < limit);
    let t = tick().await;
    tw.await.unwrap_or(0) + t
}
/// The stream a `&mut` parameter.
#[desugar]
async fn f(s: &mut Numbers, limit: u32) -> u32 {
    let tw = s.skip_while(|x| *x < limit);
    let t = tick().await;
    tw.await.unwrap_or(0) + t
}
/// A `move` closure, polled twice across an await: the borrow written out.
#[desugar]
async fn g(limit: u32) -> u32 {
    let mut s = Numbers::new(vec![1, 2, 3, 4]);
    let mut tw = Numbers::take_while(&mut s, move |x| *x < limit);
    let a = tw.next().await.unwrap_or(0);
    let t = tick().await;
    let b = tw.next().await.unwrap_or(0);
    a + b + t
}

#[test]
fn own_adapters_awaited_at_once() {
    for l in [0, 3, 9] {
        same_and_no_larger(|| a(l), || a_rustc(l));
        same_and_no_larger(|| b(l), || b_rustc(l));
        same_and_no_larger(|| c(l), || c_rustc(l));
        same_and_no_larger(|| d(l), || d_rustc(l));
        same_and_no_larger(|| e(l), || e_rustc(l));
        same_and_no_larger(|| g(l), || g_rustc(l));
        same_and_no_larger(
            || async move {
                let mut s = Numbers::new(vec![1, 2, 3]);
                f(&mut s, l).await
            },
            || async move {
                let mut s = Numbers::new(vec![1, 2, 3]);
                f_rustc(&mut s, l).await
            },
        );
    }
    assert_send(&a(1));
    assert_send(&b(1));
    assert_send(&c(1));
    assert_send(&d(1));
    assert_send(&e(1));
    assert_send(&g(1));
}
