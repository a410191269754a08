// `c` is moved into the await and given back by one arm, the other
// returning; an `async move` block then names its fields, taking each
// alone (the `Probe` moves, the number is copied), and the rest of `c`
// would stay behind for the later await. The machine keeps `c` in place
// there, from where a field cannot be taken: take the value apart whole
// before the block (`let Conn(probe, k) = c;`; `tests/given_back_more.rs`)
// and name the parts.
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

pub struct Conn(Probe, u32);

async fn step(c: Conn, n: u32) -> Result<Conn, u32> {
    let v = Leaf::new("step").pending(1).ready(n).await;
    if v > 2 { Err(v) } else { Ok(c) }
}

async fn fetch(k: u32) -> u32 {
    Leaf::new("fetch").pending(1).ready(k + 1).await
}

#[desugar]
async fn given_back_then_parts_moved(mut c: Conn, n: u32) -> u32 {
    match step(c, n).await {
        Ok(q) => c = q,
        Err(e) => return e,
    }
    let task = async move {
        c.0.touch();
        fetch(c.1).await
    };
    task.await
}

fn main() {}
