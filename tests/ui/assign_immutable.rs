use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn immutable() -> u32 {
    let n = 1;
    ready().await;
    n = ready().await;
    n
}

fn main() {}
