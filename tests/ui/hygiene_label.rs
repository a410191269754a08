// The machine's own loop label cannot be targeted by the body.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn label() {
    loop {
        ready().await;
        break '__dispatch;
    }
}

fn main() {}
