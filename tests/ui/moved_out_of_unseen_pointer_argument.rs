// A local whose type does not show (`Some(r)`), read by value through a
// deref in an awaited call's arguments (`consume(*r).await`): the machine
// takes that for a move out of a `Box`, which takes the box with it
// (`tests/box_moves.rs`). An `Rc` only lends a `Copy` value and stays
// whole to the end of its scope, so the compiler, asked whether it is a
// `Box` or a reference, stops the build at the deref, saying to write the
// pointer's type.
use std::rc::Rc;

use desugar::desugar;

async fn consume(n: u32) -> u32 {
    n
}

#[desugar]
async fn shared(slot: Option<Rc<u32>>) -> u32 {
    match slot {
        Some(r) => consume(*r).await,
        None => 0,
    }
}

/// What the message says to write, the pointer's type: builds.
#[desugar]
async fn typed(slot: Option<Rc<u32>>) -> u32 {
    match slot {
        Some(r) => {
            let r: Rc<u32> = r;
            consume(*r).await
        }
        None => 0,
    }
}

fn main() {}
