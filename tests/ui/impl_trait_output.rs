use desugar::desugar;

#[desugar]
async fn opaque() -> impl std::fmt::Display {
    1
}

fn main() {}
