use desugar::desugar;

async fn lookup() -> Option<u32> {
    Some(1)
}

#[desugar]
async fn try_without_option() -> u32 {
    lookup().await?
}

fn main() {}
