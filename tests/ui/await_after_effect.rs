use desugar::desugar;

async fn ready() -> u32 {
    1
}

fn effect() -> u32 {
    2
}

#[desugar]
async fn after_effect() -> u32 {
    effect() + ready().await
}

fn main() {}
