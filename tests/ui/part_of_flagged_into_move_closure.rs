// `pair` may have been moved (by `drop`) before the await, so it is kept
// in place, its guard its flag; the `move` closure names `pair.0`, which it
// would take alone, and cannot from there. Bind the field to a new local
// first (`let first = pair.0;`).
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn part_captured(c: bool) -> usize {
    let pair = (3usize, String::from("kept"));
    if c {
        drop(pair);
        return 0;
    }
    let f = move || pair.0;
    ready().await;
    f()
}

fn main() {}
