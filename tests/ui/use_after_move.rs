// rustc rejects this body (the twin is compiled as written), so the
// desugared machine can never use the moved value.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn use_after_move() -> usize {
    let data = String::from("moved");
    let view = data.as_str();
    drop(data);
    ready().await;
    view.len()
}

fn main() {}
