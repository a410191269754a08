use desugar::desugar;

async fn ready() {}

// A closure without `move` that moves what it captures: `#[desugar]`
// takes the capture for a borrow, and the local lives across the await
// (README, "Closures that move what they capture, without `move`").
// `move || drop(text)` builds.
#[desugar]
async fn moved_by_closure() -> usize {
    let text = String::from("moved");
    let consume = || drop(text);
    ready().await;
    consume();
    0
}

fn main() {}
