use core::future::Future;
use core::pin::{Pin, pin};

use desugar::desugar;

async fn measure(n: usize) -> u32 {
    n as u32
}

async fn ready() -> u32 {
    1
}

// `name.to_string()` is a temporary `String` that rustc keeps to the end
// of the `let` (Rust 2021) or of `pin!`'s own block (Rust 2024), which the
// machine cannot tell apart for a value pinned in a branch.
#[desugar]
async fn pinned_with_temporaries(left: bool, name: &str) -> u32 {
    let f: Pin<&mut dyn Future<Output = u32>> = if left {
        pin!(measure(name.to_string().len()))
    } else {
        pin!(ready())
    };
    ready().await + f.await
}

fn main() {}
