// A local matched by a path (`Lease::Free =>`) beside an arm that takes it
// whole (`other =>`), of a type with a `Drop` impl: rustc leaves the value
// the path matches in the local, to drop at the end of its scope; the
// machine takes such a match for a move, taking a homed local out of its
// home for it (dogL5 build 1) or keeping nothing of a carried one at the
// next await, which would drop it before. The compiler, asked, stops the
// build at the path, with what to write (`tests/dogfood_round_l5.rs`
// builds it, and a type without a `Drop` impl).
use desugar::desugar;

async fn tick() {}

pub enum Lease {
    Free,
    Held(String),
}

impl Drop for Lease {
    fn drop(&mut self) {}
}

impl Lease {
    fn peek(&self) -> bool {
        true
    }
}

async fn ready(_: bool) {}

/// Kept in place: a method reads it in the awaited call's arguments.
#[desugar]
async fn homed(v: Lease) -> u32 {
    ready(v.peek()).await;
    match v {
        Lease::Free => 1,
        other => {
            drop(other);
            2
        }
    }
}

/// Carried, and not kept at the await after the match.
#[desugar]
async fn carried(v: Lease) -> u32 {
    let n = match v {
        Lease::Free => 1,
        other => {
            drop(other);
            2
        }
    };
    tick().await;
    n
}

fn main() {}
