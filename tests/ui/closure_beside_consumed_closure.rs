// A value holding a closure beside one that a method consumed (`fold`):
// the closure it holds is still a type of its own in each copy of the
// loop's body.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn closure_beside_fold(v: Vec<u32>) -> u32 {
    let mut n = 0u32;
    for _ in 0..2u32 {
        let (sum, add) = (v.iter().fold(0, |a, b| a + b), |a: u32| a + 1);
        ready().await;
        n = add(n) + sum;
    }
    n
}

fn main() {}
