use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn counts(n: usize) -> Vec<u32> {
    let mut v = vec![0u32; 3];
    v[n % 3] += ready().await;
    v
}

fn main() {}
