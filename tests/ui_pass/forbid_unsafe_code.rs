// A machine that keeps no value in place contains no `unsafe` of its own:
// it builds in a crate that forbids unsafe code, with every warning denied.
#![forbid(unsafe_code)]
#![deny(warnings)]

use desugar::desugar;

async fn ready(n: u32) -> u32 {
    n
}

#[desugar]
async fn sum(a: u32, b: u32) -> u32 {
    let first = ready(a).await;
    let second = ready(b).await;
    first + second
}

fn main() {
    let _ = sum(1, 2);
}
