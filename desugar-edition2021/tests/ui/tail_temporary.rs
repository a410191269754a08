// In Rust 2021 the guard `lock()` returns drops after `_total`, at the end of
// the statement that calls `sum`; the machine would drop it before, as Rust
// 2024 does. Written `let value = counts.lock().unwrap().len(); value`, it
// builds.
use std::sync::Mutex;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn sum(counts: &Mutex<Vec<u32>>) -> usize {
    let _total = String::from("total");
    ready().await;
    counts.lock().unwrap().len()
}

#[desugar]
async fn scrutinee(counts: &Mutex<Vec<u32>>) -> usize {
    let total = String::from("total");
    if let Some(first) = counts.lock().unwrap().first() {
        ready().await;
        *first as usize + total.len()
    } else {
        0
    }
}

fn main() {}
