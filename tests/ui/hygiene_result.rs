// The awaited value's hidden local is invisible to the body.
use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn result() -> u32 {
    let n = ready().await;
    n + __result
}

fn main() {}
