// The future being awaited, held by the machine, is invisible to the body.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn awaitee() {
    ready().await;
    let _ = __awaitee;
}

fn main() {}
