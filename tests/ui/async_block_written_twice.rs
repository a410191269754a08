// An `async` block awaited after a branch that awaits: the code after the
// branch is written for each way of reaching it.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn after_branch(flag: bool) -> u32 {
    if flag {
        ready().await;
    }
    async { 7u32 }.await
}

fn main() {}
