use desugar::desugar;

#[desugar]
async extern "C" fn foreign() -> u32 {
    1
}

fn main() {}
