//! A field of a local, or of `self`, awaited directly (`h.fut.await`,
//! `self.fut.await`). The local stays in scope after the await, and the
//! machine keeps it whole across it, to drop it where rustc does. Where
//! the field is `Copy`, the await copies it and the local stays whole, as
//! in rustc; through a reference (`&mut self`, `h: &T`) the await borrows
//! or copies the field and nothing is moved. A field that is not `Copy`,
//! moved out of a value kept across the await, stops the build at the
//! operand (`tests/ui/awaited_field_of_local.rs`), saying to take the value
//! apart with a pattern first: that rewrite is here too.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

async fn tick() {
    Leaf::new("tick").pending(1).ready(()).await
}

/// A future that is `Copy`: pending once, then ready with its number.
#[derive(Clone, Copy)]
pub struct Ticket {
    n: u32,
    waited: bool,
}

impl Ticket {
    fn new(n: u32) -> Ticket {
        Ticket { n, waited: false }
    }
}

impl Future for Ticket {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.waited {
            return Poll::Ready(self.n);
        }
        self.waited = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// A `Copy` future beside a part with something to drop.
pub struct Stub {
    ticket: Ticket,
    tag: Probe,
}

/// The same with a `Drop` impl of its own (no field moves out of it).
pub struct Guarded {
    ticket: Ticket,
    tag: Probe,
}

impl Drop for Guarded {
    fn drop(&mut self) {
        self.tag.touch();
    }
}

/// A future that is not `Copy` beside a part with something to drop.
pub struct Job {
    fut: LeafFuture<u32>,
    tag: Probe,
}

pub struct Outer {
    inner: Job,
    tag: Probe,
}

fn stub(n: u32) -> Stub {
    Stub {
        ticket: Ticket::new(n),
        tag: Probe::new("stub"),
    }
}

fn job(n: u32) -> Job {
    Job {
        fut: Leaf::new("job").pending(1).ready(n),
        tag: Probe::new("job tag"),
    }
}

/// A `Copy` field of a local, which is still read after the await.
#[desugar]
async fn copied_field_of_local(n: u32) -> u32 {
    let h = stub(n);
    let got = h.ticket.await;
    tick().await;
    h.tag.touch();
    got + 1
}

#[desugar]
impl Guarded {
    /// A `Copy` field of `self`, taken by value, whose type has a `Drop`
    /// impl (which a move out of it would be E0509 for).
    async fn run(self) -> u32 {
        let got = self.ticket.await;
        tick().await;
        got * 2
    }
}

#[desugar]
impl Job {
    /// A field of `self` behind `&mut`, awaited through a borrow.
    async fn poll_in_place(&mut self) -> u32 {
        let got = (&mut self.fut).await;
        self.tag.touch();
        got + 3
    }

    /// The rewrite the build asks for: `self` taken apart by a pattern
    /// naming every field, the rest bound to a local to the end of the body.
    async fn run(self) -> u32 {
        let Self { fut, tag: _tag } = self;
        let got = fut.await;
        tick().await;
        got + 1
    }

    /// The same skipping the rest with `_`, which leaves it in `self`.
    async fn run_skipping(self) -> u32 {
        let Self { fut, tag: _ } = self;
        fut.await + 1
    }

    /// The same for a boxed `self`, taken apart through the deref.
    async fn run_boxed(self: Box<Self>) -> u32 {
        let Self { fut, tag: _tag } = *self;
        fut.await + 2
    }
}

/// `Copy` and not `Copy` fields through references given as parameters.
#[desugar]
async fn fields_through_references(s: &Stub, j: &mut Job) -> u32 {
    let a = s.ticket.await;
    let b = (&mut j.fut).await;
    a + b
}

/// The rewrite the build asks for, on a local: a pattern naming every field.
#[desugar]
async fn taken_apart_local(n: u32) -> u32 {
    let h = job(n);
    let Job { fut, tag } = h;
    let got = fut.await;
    tick().await;
    tag.touch();
    got
}

/// The same, a level down (`o.inner.fut.await` stops the build).
#[desugar]
async fn taken_apart_nested(n: u32) -> u32 {
    let o = Outer {
        inner: job(n),
        tag: Probe::new("outer tag"),
    };
    let Outer {
        inner: Job { fut, tag: _inner },
        tag: _outer,
    } = o;
    fut.await
}

#[test]
fn a_copy_field_of_a_local_or_of_self_awaited() {
    let out = same_and_no_larger(
        || copied_field_of_local(4),
        || copied_field_of_local_rustc(4),
    );
    assert_eq!(out, "Ready(5)");
    both_send(&copied_field_of_local(1), &copied_field_of_local_rustc(1));
    let guarded = || Guarded {
        ticket: Ticket::new(5),
        tag: Probe::new("guarded"),
    };
    let out = same_and_no_larger(|| guarded().run(), || guarded().run_rustc());
    assert_eq!(out, "Ready(10)");
    both_send(&guarded().run(), &guarded().run_rustc());
}

#[test]
fn a_field_through_a_reference_awaited() {
    let out = same_and_no_larger(
        || async {
            let mut j = job(2);
            j.poll_in_place().await
        },
        || async {
            let mut j = job(2);
            j.poll_in_place_rustc().await
        },
    );
    assert_eq!(out, "Ready(5)");
    let out = same_and_no_larger(
        || async {
            let s = stub(1);
            let mut j = job(2);
            fields_through_references(&s, &mut j).await
        },
        || async {
            let s = stub(1);
            let mut j = job(2);
            fields_through_references_rustc(&s, &mut j).await
        },
    );
    assert_eq!(out, "Ready(3)");
    let (s, mut j, mut k) = (stub(1), job(2), job(2));
    both_send(
        &fields_through_references(&s, &mut j),
        &fields_through_references_rustc(&s, &mut k),
    );
}

#[test]
fn a_value_taken_apart_before_its_field_is_awaited() {
    let out = same_and_no_larger(|| job(6).run(), || job(6).run_rustc());
    assert_eq!(out, "Ready(7)");
    both_send(&job(1).run(), &job(1).run_rustc());
    let out = same_and_no_larger(|| job(6).run_skipping(), || job(6).run_skipping_rustc());
    assert_eq!(out, "Ready(7)");
    both_send(&job(1).run_skipping(), &job(1).run_skipping_rustc());
    let boxed = || Box::new(job(6));
    let out = same_and_no_larger(|| boxed().run_boxed(), || boxed().run_boxed_rustc());
    assert_eq!(out, "Ready(8)");
    both_send(&boxed().run_boxed(), &boxed().run_boxed_rustc());
    let out = same_and_no_larger(|| taken_apart_local(8), || taken_apart_local_rustc(8));
    assert_eq!(out, "Ready(8)");
    both_send(&taken_apart_local(1), &taken_apart_local_rustc(1));
    let out = same_and_no_larger(|| taken_apart_nested(9), || taken_apart_nested_rustc(9));
    assert_eq!(out, "Ready(9)");
    both_send(&taken_apart_nested(1), &taken_apart_nested_rustc(1));
}
