// A method of the user's named like an `Iterator` adapter, whose result is
// awaited at once (`q.filter(|n| *n > 1).await`): no iterator's adapter
// (nor a stream's) gives a future, so the call is taken as one of a method
// syntax does not know, which may borrow the local, kept in place across
// the await as rustc keeps a borrowed one (`tests/own_future_adapters.rs`).
// Where the method takes `self` after all, the build stops at the
// receiver, saying to write the move out: `{ q }.filter(..)` or
// `Query::filter(q, ..)`.
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

pub struct Query {
    _p: Probe,
    n: u32,
}

impl Query {
    fn filter(self, keep: impl Fn(&u32) -> bool) -> LeafFuture<u32> {
        let n = if keep(&self.n) { self.n } else { 0 };
        Leaf::new("filter").pending(1).ready(n)
    }
}

#[desugar]
async fn filtered() -> u32 {
    let q = Query { _p: Probe::new("q"), n: 2 };
    let n = q.filter(|n| *n > 1).await;
    n
}

fn main() {}
