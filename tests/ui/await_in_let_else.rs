use desugar::desugar;

async fn ready() -> Option<u32> {
    None
}

#[desugar]
async fn let_else(value: Option<u32>) -> u32 {
    let Some(n) = value else {
        return ready().await.unwrap_or(0);
    };
    n
}

fn main() {}
