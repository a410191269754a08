// The machine's pinned area of kept values is invisible to the body.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn homes() -> usize {
    let data = String::from("kept");
    let view = data.as_str();
    ready().await;
    let _ = __homes;
    view.len()
}

fn main() {}
