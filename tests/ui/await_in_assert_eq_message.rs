use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

fn name() -> LeafFuture<String> {
    Leaf::new("name").pending(1).ready(String::new())
}

#[desugar]
async fn check(a: u32) -> u32 {
    assert_eq!(a, 3, "bad {}", name().await);
    a
}

fn main() {}
