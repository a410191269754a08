// `join!` awaits in its own expansion, so `#[desugar]` awaits it through an
// inner `async` block, where `?` would leave that block instead of the fn.
use desugar::desugar;

async fn fetch(n: u32) -> u32 {
    n
}

macro_rules! join {
    ($a:expr, $b:expr) => {
        ($a.await, $b.await)
    };
}

#[desugar]
async fn with_exit(first: Option<u32>) -> Option<u32> {
    let (a, b) = join!(fetch(1), fetch(first?));
    Some(a + b)
}

fn main() {}
