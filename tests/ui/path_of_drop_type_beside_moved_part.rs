// A unit variant of a type with a `Drop` impl matched by a path beside a
// part the pattern takes, where the value is not taken apart into parts of
// its own: rustc leaves the variant in the value and drops it at the end
// of the value's scope, after the awaits that follow; the machine takes a
// path for a part with nothing to drop, so the compiler, asked, stops the
// build at the path (dogJ3; before, the machine dropped it at the first
// suspension). A type without a `Drop` impl builds
// (`tests/dogfood_round_j.rs`), and so does a tuple literal, whose parts
// are bound apart (`tests/dogfood_round_k1.rs`).
use desugar::desugar;

async fn ready() {}

pub enum Lease {
    Free,
    Held(u32),
}

impl Drop for Lease {
    fn drop(&mut self) {}
}

#[desugar]
async fn pinged(m: Option<Lease>) -> u32 {
    match m {
        Some(Lease::Free) => {
            ready().await;
            1
        }
        Some(held) => {
            drop(held);
            2
        }
        None => 3,
    }
}

fn main() {}
