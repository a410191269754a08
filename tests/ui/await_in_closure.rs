// An `.await` in a plain closure is not in the async fn: rustc rejects it
// in the twin, and the machine says nothing more.
use desugar::desugar;

async fn ready() -> u32 {
    1
}

#[desugar]
async fn in_closure() -> u32 {
    let f = || ready().await;
    f()
}

fn main() {}
