//! Parts of a local the machine keeps in place (an awaited future borrowed
//! it), read by value after that await: a `Copy` field is copied and a
//! `&mut` one reborrowed where it is; a field that is not `Copy` cannot be
//! moved out of the home (`tests/ui/kept_local_part_moved.rs` says so at the
//! field), and the way out the message gives, moving the whole local into a
//! new one first (`let this = self; this.items`), builds and matches the
//! twin.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

pub struct W {
    items: Vec<u32>,
    count: u32,
    p: Probe,
}

fn w() -> W {
    W {
        items: vec![1],
        count: 2,
        p: Probe::new("w"),
    }
}

impl W {
    async fn flush(&mut self) -> usize {
        tick(()).await;
        self.items.push(9);
        self.count += 1;
        self.items.len()
    }

    #[desugar]
    async fn finish(mut self) -> Vec<u32> {
        self.flush().await;
        let this = self;
        this.items
    }

    #[desugar]
    async fn counted(mut self) -> u32 {
        let n = self.flush().await as u32;
        n + self.count + tick(self.count).await
    }

    #[desugar]
    async fn label(mut self) -> (u32, Probe) {
        self.flush().await;
        let mut this = self;
        this.count += tick(1).await;
        (this.count, this.p)
    }
}

fn push(out: &mut Vec<u32>, v: u32) {
    out.push(v);
}

pub struct Ctx<'a> {
    out: &'a mut Vec<u32>,
    p: Probe,
}

async fn fill(ctx: &mut Ctx<'_>) -> usize {
    tick(()).await;
    ctx.out.push(5);
    ctx.out.len() + ctx.p.label().len()
}

/// A `&mut` field of a local kept in place, reborrowed where a reference
/// is expected.
#[desugar]
async fn reborrowed(out: &mut Vec<u32>) -> usize {
    let mut ctx = Ctx {
        out,
        p: Probe::new("ctx"),
    };
    let n = fill(&mut ctx).await;
    push(ctx.out, 7);
    n + tick(ctx.out.len()).await
}

#[test]
fn parts_of_kept_locals() {
    same_and_no_larger(|| w().finish(), || w().finish_rustc());
    same_and_no_larger(|| w().counted(), || w().counted_rustc());
    same_and_no_larger(|| w().label(), || w().label_rustc());
    same_and_no_larger(
        || async { reborrowed(&mut vec![1]).await },
        || async { reborrowed_rustc(&mut vec![1]).await },
    );
    both_send(&w().finish(), &w().finish_rustc());
    both_send(&w().counted(), &w().counted_rustc());
    both_send(&w().label(), &w().label_rustc());
    let (mut a, mut b) = (vec![], vec![]);
    both_send(&reborrowed(&mut a), &reborrowed_rustc(&mut b));
}
