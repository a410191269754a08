use desugar::desugar;

#[desugar(trace)]
async fn with_arguments() {}

fn main() {}
