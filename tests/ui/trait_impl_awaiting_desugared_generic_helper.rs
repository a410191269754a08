// A trait impl's body moved into a `#[desugar]` generic method of an
// inherent impl, as the README says for E0309 in trait impls: the helper's
// future has `T` under its `'__homed` lifetime, which the trait method's
// machine keeps, so a `#[desugar]` trait impl awaiting it is E0309 again.
// Leave that trait impl to rustc, or bound `T` by `'static`
// (`tests/forwarding_impls.rs`).
#![allow(async_fn_in_trait)]
use desugar::desugar;

async fn tick() {}

pub trait Batcher<T> {
    async fn batch(&mut self, items: Vec<T>) -> usize;
}

pub struct Chunker {
    flushed: u32,
}

impl Chunker {
    #[desugar]
    async fn batch_inner<T: Clone>(&mut self, items: Vec<T>) -> usize {
        let mut n = 0;
        for chunk in items.chunks(2) {
            tick().await;
            n += chunk.len();
            self.flushed += 1;
        }
        n
    }
}

pub struct Outer(Chunker);

#[desugar]
impl<T: Clone> Batcher<T> for Outer {
    async fn batch(&mut self, items: Vec<T>) -> usize {
        self.0.batch_inner(items).await
    }
}

fn main() {}
