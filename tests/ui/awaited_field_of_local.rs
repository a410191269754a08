// A field that is not `Copy` awaited directly out of a local (`h.fut.await`)
// or out of `self` taken by value (`self.fut.await`): the await moves the
// field into the awaited future, and rustc keeps the rest of the value
// (`tag`) to drop at the end of its scope, which the machine, keeping the
// value whole, cannot do once the field is moved out. The build stops at
// the operand, saying to take the value apart with a pattern first
// (`tests/awaited_fields.rs` has that rewrite, and the `Copy` fields and
// fields through references, which build).
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

pub struct Holder<F> {
    pub fut: F,
    pub tag: Probe,
}

#[desugar]
async fn await_field() -> u32 {
    let h = Holder { fut: Leaf::new("held").ready(4u32), tag: Probe::new("tag") };
    h.fut.await
}

pub struct Job {
    pub fut: LeafFuture<u32>,
    pub tag: Probe,
}

impl Job {
    #[desugar]
    async fn run(self) -> u32 {
        self.fut.await + 1
    }
}

fn main() {}
