//! Shapes of valid code that took apart, with a pattern skipping parts, a
//! value the machine keeps in place across an await, and did not build
//! (bare rustc errors in the expansion), each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

// 1. An encoder's `finish(mut self)`: `self` kept in place across the
// await whose future borrows it, then taken apart by a pattern that skips
// fields (`let Enc { sink, .. } = self;`). Was E0507 in the expansion.
#[derive(Debug)]
pub struct Enc {
    sink: Vec<u32>,
    count: u32,
    p: Probe,
    q: Probe,
}

fn enc() -> Enc {
    Enc {
        sink: vec![1],
        count: 2,
        p: Probe::new("p"),
        q: Probe::new("q"),
    }
}

impl Enc {
    async fn flush(&mut self) -> usize {
        tick(()).await;
        self.sink.push(9);
        self.count += 1;
        self.sink.len()
    }

    #[desugar]
    async fn finish(mut self) -> Vec<u32> {
        self.flush().await;
        let Enc { sink, .. } = self;
        sink
    }

    /// A parameter after `self`, a local before the pattern and one after
    /// it: what is left of `self` drops after all of them, as rustc drops
    /// a parameter.
    #[desugar]
    async fn finish_later(mut self, tail: Probe) -> (Vec<u32>, u32) {
        let early = Probe::new("early");
        let n = self.flush().await;
        let Enc { mut sink, p, .. } = self;
        let late = Probe::new("late");
        sink.push(n as u32);
        early.touch();
        late.touch();
        tail.touch();
        drop(p);
        (sink, n as u32)
    }

    /// A `Copy` part bound beside the moved one, a part skipped with `_`
    /// and the rest with `..`, in a block of its own.
    #[desugar]
    async fn finish_counted(mut self) -> (u32, Vec<u32>) {
        self.flush().await;
        let (count, sink) = {
            let Enc {
                sink, count, q: _, ..
            } = self;
            (count, sink)
        };
        (count + 1, sink)
    }

    /// Every part skipped with `_`, and in a `match`.
    #[desugar]
    async fn finish_named(mut self) -> Vec<u32> {
        self.flush().await;
        let Enc {
            sink,
            count: _,
            p: _,
            q: _,
        } = self;
        sink
    }

    #[desugar]
    async fn finish_matched(mut self, keep: bool) -> Vec<u32> {
        self.flush().await;
        match self {
            Enc { sink, count: 3, .. } if keep => sink,
            Enc { p, q, .. } => {
                p.touch();
                q.touch();
                vec![]
            }
        }
    }
}

/// A local kept in place (an awaited future borrows it), taken apart the
/// same way.
#[desugar]
async fn local_taken_apart(first: Probe) -> Vec<u32> {
    let mut e = enc();
    let other = Probe::new("other");
    e.flush().await;
    first.touch();
    let Enc { sink, .. } = e;
    other.touch();
    sink
}

#[test]
fn self_taken_apart_past_a_rest() {
    same_and_no_larger(|| enc().finish(), || enc().finish_rustc());
    same_and_no_larger(
        || enc().finish_later(Probe::new("tail")),
        || enc().finish_later_rustc(Probe::new("tail")),
    );
    same_and_no_larger(|| enc().finish_counted(), || enc().finish_counted_rustc());
    same_and_no_larger(|| enc().finish_named(), || enc().finish_named_rustc());
    for keep in [true, false] {
        same_and_no_larger(
            || enc().finish_matched(keep),
            || enc().finish_matched_rustc(keep),
        );
    }
    same_and_no_larger(
        || local_taken_apart(Probe::new("first")),
        || local_taken_apart_rustc(Probe::new("first")),
    );
    both_send(&enc().finish(), &enc().finish_rustc());
    both_send(
        &enc().finish_later(Probe::new("t")),
        &enc().finish_later_rustc(Probe::new("t")),
    );
    both_send(&enc().finish_counted(), &enc().finish_counted_rustc());
    both_send(&enc().finish_named(), &enc().finish_named_rustc());
    both_send(
        &enc().finish_matched(true),
        &enc().finish_matched_rustc(true),
    );
    both_send(
        &local_taken_apart(Probe::new("f")),
        &local_taken_apart_rustc(Probe::new("f")),
    );
}
