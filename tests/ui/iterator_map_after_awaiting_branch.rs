// An iterator's `map` keeps its closure in the adapter it gives: kept
// across an await after a branch that awaits (which the expansion writes
// more than once), each copy's closure is a type of its own. An
// `Option`'s `map` (`v.pop().map(|p| p + 1)`) runs it at once and builds:
// `tests/closures_run_at_once.rs`.
use desugar::desugar;

async fn ready() {}

#[desugar]
async fn mapped_after_branch(v: Vec<u32>, c: bool) -> u32 {
    if c {
        ready().await;
    }
    let it = v.iter().map(|p| p + 1);
    ready().await;
    it.sum()
}

// A local of unknown type: its `map` may be an iterator's.
#[desugar]
async fn local_mapped_after_branch(v: Vec<u32>, c: bool) -> u32 {
    let it = v.into_iter();
    if c {
        ready().await;
    }
    let mapped = it.map(|p| p + 1);
    ready().await;
    mapped.sum()
}

fn main() {}
