use core::pin::pin;

use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn pinned_temporary() -> u32 {
    pin!(ready()).await + 1
}

fn main() {}
