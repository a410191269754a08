// A value moved in a loop: rustc rejects the twin.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn moved_in_loop(label: String) -> usize {
    let mut total = 0;
    for _ in 0..2 {
        let owned = label;
        ready().await;
        total += owned.len();
    }
    total
}

fn main() {}
