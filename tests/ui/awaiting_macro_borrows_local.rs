// A `join!`-style macro whose arguments borrow a local: the macro awaits in
// its own expansion, so #[desugar] awaits it through an inner `async`
// block, which cannot borrow the fn's locals. Making the futures first
// works (tests/constructs/macros.rs, `join_of_futures_made_first`).
use desugar::desugar;
use std::future::Future;

async fn len_of(text: &str) -> usize {
    text.len()
}

async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    (a.await, b.await)
}

macro_rules! join {
    ($a:expr, $b:expr) => {
        both($a, $b).await
    };
}

#[desugar]
async fn joined(name: String) -> usize {
    let (a, b) = join!(len_of("x"), len_of(&name));
    a + b
}

fn main() {}
