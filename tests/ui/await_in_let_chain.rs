use desugar::desugar;

async fn ready() -> Option<u32> {
    None
}

#[desugar]
async fn let_chain(flag: bool) -> u32 {
    if flag && let Some(n) = ready().await {
        return n;
    }
    0
}

fn main() {}
