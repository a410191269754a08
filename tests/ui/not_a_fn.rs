use desugar::desugar;

#[desugar]
struct NotAFn;

fn main() {}
