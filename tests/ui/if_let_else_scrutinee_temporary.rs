// An `if let … else` whose scrutinee borrows a temporary the machine must
// keep: Rust 2024 drops it before the `else` branch, Rust 2021 after, and
// the macro cannot see the edition. Binding it with `let` first works in
// both.
use desugar::desugar;
use std::sync::Mutex;

async fn length(text: &str) -> usize {
    text.len()
}

async fn tick() {}

#[desugar]
async fn awaited(n: u32) -> usize {
    if let 3 = length(&format!("{n}")).await {
        1
    } else {
        2
    }
}

#[desugar]
async fn guard_in_scrutinee(m: &Mutex<Option<u32>>) -> u32 {
    if let Some(n) = *m.lock().unwrap() {
        tick().await;
        n
    } else {
        tick().await;
        0
    }
}

fn main() {}
