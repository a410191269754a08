// `let self` is not Rust; #[desugar] says so at the binding instead of
// writing a machine with a field named `self`.
use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn local_named_self() -> u32 {
    let self = ready().await;
    ready().await + 1
}

fn main() {}
