// An `if let … else` inside a larger expression, whose scrutinee borrows a
// temporary the machine must keep: Rust 2024 drops it before the `else`
// branch, Rust 2021 after. As a statement of its own the machine follows
// the edition; inside an expression it cannot, and says what to write.
use desugar::desugar;

async fn length(text: &str) -> usize {
    text.len()
}

fn double(n: usize) -> usize {
    n * 2
}

#[desugar]
async fn nested(n: u32) -> usize {
    double(if let 3 = length(&format!("{n}")).await { 1 } else { 2 })
}

fn main() {}
