// A `move` closure whose pattern moves one part of a local and skips the
// other captures that part alone; the rest stays in the local, which rustc
// drops after the await. The machine would have to keep a partly moved
// local across it, and does not build, rather than drop the rest early.
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[desugar]
async fn closure_skips_part() -> usize {
    let pair = (Probe::new("x"), Probe::new("y"));
    let f = move || {
        let (x, _) = pair;
        x.label().len()
    };
    let n = { f }();
    Leaf::new("t").pending(1).ready(()).await;
    n
}

fn main() {
    let _ = closure_skips_part();
}
