use desugar::desugar;

async fn ready() -> u32 {
    3
}

#[desugar]
async fn in_range() -> u32 {
    let mut sum = 0;
    for i in 0..ready().await {
        sum += i;
    }
    sum
}

fn main() {}
