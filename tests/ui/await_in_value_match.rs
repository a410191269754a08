use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn value_match(n: u32) -> u32 {
    2 * match n {
        0 => ready().await,
        other => other,
    }
}

fn main() {}
