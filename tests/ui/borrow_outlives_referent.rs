// A reference kept across an await to a local whose scope ended: rustc
// rejects the twin, so the homed value's reference cannot dangle.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn outlives() -> usize {
    let view;
    {
        let data = String::from("short-lived");
        view = data.as_str();
    }
    ready().await;
    view.len()
}

fn main() {}
