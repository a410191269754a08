// A local whose type does not show (`Some(r)`), moved out of by name
// (`let v = *r;`), with an await after it: the machine takes that for a
// move out of a `Box`, which takes the box with it
// (`tests/dogfood_round_i3_boxes.rs`). An `Rc` only lends a `Copy` value
// and stays whole to the end of its scope, so the compiler, asked whether
// it is a `Box` or a reference, stops the build at the deref, saying to
// write the pointer's type.
use std::rc::Rc;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn shared(slot: Option<Rc<u32>>) -> u32 {
    match slot {
        Some(r) => {
            let v = *r;
            ready().await;
            v
        }
        None => 0,
    }
}

/// What the message says to write, the pointer's type: builds.
#[desugar]
async fn typed(slot: Option<Rc<u32>>) -> u32 {
    match slot {
        Some(r) => {
            let r: Rc<u32> = r;
            let v = *r;
            ready().await;
            v
        }
        None => 0,
    }
}

fn main() {}
