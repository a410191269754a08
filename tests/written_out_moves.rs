//! A local the machine keeps in place across the awaits after it (the
//! awaited future may borrow it), given to a method syntax does not know
//! that takes it by value, stops the build at the receiver saying to write
//! the move out (`tests/ui/kept_local_moved_by_method.rs`). What it says
//! to write builds and behaves as rustc's future: the call form
//! (`Req::send(req).await`), the block that moves the local
//! (`{ req }.send().await`), and a builder's step given back to the local
//! (`req = Req::header(req, 3);`). A method that borrows such a local
//! (`peek(&self)`, `bump(&mut self)`), used before the await, awaited and
//! after it, is not reported and builds as before.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger, and `Send` where the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// A builder: its steps and its `send` take it by value, under names
/// syntax does not know.
pub struct Req {
    p: Probe,
    n: u32,
}

impl Req {
    pub fn header(mut self, k: u32) -> Self {
        self.p.touch();
        self.n += k;
        self
    }

    pub fn send(self) -> LeafFuture<u32> {
        let n = self.n;
        drop(self);
        Leaf::new("send").pending(1).ready(n)
    }

    /// Borrows it, and gives a future that does not.
    pub fn peek(&self) -> LeafFuture<u32> {
        self.p.touch();
        Leaf::new("peek").pending(1).ready(self.n)
    }

    /// Borrows it mutably.
    pub fn bump(&mut self) -> u32 {
        self.p.touch();
        self.n += 1;
        self.n
    }
}

fn client() -> Req {
    Req {
        p: Probe::new("req"),
        n: 1,
    }
}

/// The call form.
#[desugar]
async fn called() -> u32 {
    let req = client().header(2);
    Req::send(req).await
}

/// The block that moves the local.
#[desugar]
async fn moved_by_block() -> u32 {
    let req = client().header(2);
    let r = { req }.send().await;
    r + 1
}

/// The block, before a chain's call.
#[desugar]
async fn moved_by_block_in_chain() -> u32 {
    let req = client();
    { req }.header(1).send().await
}

/// A step given back to the local, written as a call, then the call form
/// awaited.
#[desugar]
async fn reassigned(flag: bool) -> u32 {
    let mut req = client();
    if flag {
        req = Req::header(req, 3);
    }
    let r = Req::send(req).await;
    r * 2
}

/// A step given back to the local across an await that borrows it.
#[desugar]
async fn reassigned_after_await() -> u32 {
    let mut req = client();
    let seen = req.peek().await;
    req = Req::header(req, seen);
    let r = { req }.send().await;
    r + seen
}

/// Methods that borrow the local: before the await, awaited, after it.
#[desugar]
async fn borrowed() -> u32 {
    let mut req = client();
    let n = req.bump();
    let r = req.peek().await;
    let m = req.bump();
    let s = req.peek().await;
    r + n + m + s
}

/// A borrowing method awaited, and not used after the await.
#[desugar]
async fn borrowed_once() -> u32 {
    let req = client().header(4);
    req.peek().await
}

#[test]
fn the_written_out_moves_build_and_behave_as_rustc() {
    same_and_no_larger(assert_same(called, called_rustc));
    same_and_no_larger(assert_same(moved_by_block, moved_by_block_rustc));
    same_and_no_larger(assert_same(
        moved_by_block_in_chain,
        moved_by_block_in_chain_rustc,
    ));
    for flag in [true, false] {
        same_and_no_larger(assert_same(|| reassigned(flag), || reassigned_rustc(flag)));
    }
    same_and_no_larger(assert_same(
        reassigned_after_await,
        reassigned_after_await_rustc,
    ));
    both_send(&called(), &called_rustc());
    both_send(&moved_by_block(), &moved_by_block_rustc());
    both_send(&moved_by_block_in_chain(), &moved_by_block_in_chain_rustc());
    both_send(&reassigned(true), &reassigned_rustc(true));
    both_send(&reassigned_after_await(), &reassigned_after_await_rustc());
}

#[test]
fn borrowing_methods_on_a_local_kept_in_place_build_and_behave_as_rustc() {
    same_and_no_larger(assert_same(borrowed, borrowed_rustc));
    same_and_no_larger(assert_same(borrowed_once, borrowed_once_rustc));
    both_send(&borrowed(), &borrowed_rustc());
    both_send(&borrowed_once(), &borrowed_once_rustc());
}
