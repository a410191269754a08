// A `for` pattern that binds one part of each element by `ref` and moves
// another (dogK6 build_2), with an await in the body. The element may be
// a reference whose parts the pattern binds by reference (`v.iter()`, in
// Rust 2021), which syntax cannot tell, so the borrowed part is not moved
// out apart: the machine keeps the element in place, and the compiler,
// asked whether the part moves, stops the build at it, saying to bind by
// value and borrow in the body (before, the build stopped with E0507 at
// the attribute). A `Copy` part only copies, and builds
// (`tests/dogfood_round_k6.rs`).
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn firsts(v: Vec<(String, String)>) -> usize {
    let mut total = 0;
    for (ref a, _b) in v {
        ready().await;
        total += a.len();
    }
    total
}

#[desugar]
async fn skipped(v: Vec<(String, u32, Vec<u8>)>) -> usize {
    let mut total = 0;
    for (ref a, _, c) in v {
        ready().await;
        total += a.len() + c.len();
    }
    total
}

fn main() {}
