// The machine's own names are invisible to the body.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn hygiene() {
    ready().await;
    let _ = __state;
}

fn main() {}
