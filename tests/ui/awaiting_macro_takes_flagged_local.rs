// A `join!`-style macro given a local that is moved on one path only
// (here, into the macro in one branch) and so kept with a drop flag or in
// place: the `async` block the macro is awaited through cannot take it from
// there. Moving it into a new local first works
// (desugar-fuzz/FINDINGS.md, entry 85).
use desugar::desugar;
use std::future::Future;

async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    (a.await, b.await)
}

macro_rules! join {
    ($a:expr, $b:expr) => {
        both($a, $b).await
    };
}

async fn value(n: u32) -> u32 {
    n
}

#[desugar]
async fn joined_in_a_branch(flag: bool) -> u32 {
    let (a, b) = (value(1), value(2));
    let (x, y) = if flag { join!(a, b) } else { (0, 0) };
    value(x + y).await
}

fn main() {}
