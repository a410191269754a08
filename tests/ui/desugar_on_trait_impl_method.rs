// `#[desugar]` on one method of a trait impl: the attribute sees the fn
// alone, and its twin (`call_rustc`) is not a member of the trait. The
// first error, at the attribute, names what to write instead: put
// `#[desugar]` on the `impl` block (`tests/impl_blocks.rs`).
#![allow(async_fn_in_trait)]
use desugar::desugar;

async fn tick(x: u32) -> u32 {
    x
}

pub trait Svc {
    async fn call(&self, x: u32) -> u32;
}

pub struct S;

impl Svc for S {
    #[desugar]
    async fn call(&self, x: u32) -> u32 {
        tick(x).await
    }
}

fn main() {}
