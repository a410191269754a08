use desugar::desugar;

#[desugar]
async fn not_a_future() -> u32 {
    let n = 5u32.await;
    n
}

fn main() {}
