use desugar::desugar;

#[desugar]
const async fn constant() -> u32 {
    1
}

fn main() {}
