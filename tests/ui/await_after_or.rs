use desugar::desugar;

async fn ready() -> bool {
    true
}

#[desugar]
async fn after_or(flag: bool) -> bool {
    flag || ready().await
}

fn main() {}
