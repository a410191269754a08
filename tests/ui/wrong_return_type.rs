use desugar::desugar;

async fn name() -> String {
    String::from("ferris")
}

#[desugar]
async fn wrong_type() -> u32 {
    name().await
}

fn main() {}
