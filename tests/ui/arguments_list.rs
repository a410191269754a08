use desugar::desugar;

#[desugar(send, size = 64)]
async fn with_arguments() {}

fn main() {}
