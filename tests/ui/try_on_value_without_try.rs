// `?` on a value that is not a `Result` or an `Option`: the machine's
// error reads like rustc's.
use desugar::desugar;

async fn count() -> u32 {
    1
}

#[desugar]
async fn question_mark_on_number() -> Option<u32> {
    let n = count().await?;
    Some(n)
}

fn main() {}
