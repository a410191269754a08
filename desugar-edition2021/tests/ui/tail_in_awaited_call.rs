// In Rust 2021 the temporaries of a block's tail expression live to the end
// of the enclosing statement: here the guard, across the `.await`. The
// machine would drop it with the block, as Rust 2024 does; so for a block
// that runs before the await in its statement. Bound with `let` before the
// statement, it builds.
use std::sync::Mutex;

use desugar::desugar;

async fn wait_with(len: usize) -> usize {
    len
}

#[desugar]
async fn guarded(counts: &Mutex<Vec<u32>>) -> usize {
    wait_with({
        println!("counting");
        counts.lock().unwrap().len()
    })
    .await
}

#[desugar]
async fn before_the_await(counts: &Mutex<Vec<u32>>) -> usize {
    let n = { counts.lock().unwrap().len() } + wait_with(1).await;
    n
}

fn main() {}
