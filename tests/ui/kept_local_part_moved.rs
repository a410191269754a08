// A field that is not `Copy` moved out of a local the machine keeps in
// place, after the await whose future borrowed it: a builder's or
// encoder's `finish(mut self)` (`self.flush().await; self.items`). Kept in
// place, the local is reached through a reference to its home, out of
// which a part can be copied but not moved: the build stops at the field,
// saying to move the whole local into a new one first (`let this = self;
// this.items`), which builds and matches the twin
// (`tests/kept_local_parts.rs`), rather than rustc's bare E0507 with a hint
// to clone. A `Copy` field read so, or a `&mut` one reborrowed, builds.
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

impl W {
    async fn flush(&mut self) -> usize {
        tick(()).await;
        self.items.push(9);
        self.items.len()
    }

    #[desugar]
    async fn finish(mut self) -> Vec<u32> {
        self.flush().await;
        self.items
    }

    #[desugar]
    async fn counted(mut self) -> u32 {
        self.flush().await;
        self.count
    }
}

#[desugar]
async fn through_a_local(p: Probe) -> (u32, Probe) {
    let mut w = W { items: vec![], count: 1, p };
    w.flush().await;
    let n = w.count;
    (n, w.p)
}

fn main() {}
