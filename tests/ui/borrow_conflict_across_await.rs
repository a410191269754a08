// Two borrows that conflict across an await: rustc rejects the twin.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn conflict() -> usize {
    let mut values = vec![1];
    let writer = &mut values;
    let reader = &values;
    ready().await;
    writer.push(2);
    reader.len()
}

fn main() {}
