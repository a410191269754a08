// A local whose type does not show (`Some(r)`), destructured whole out of
// a deref (`let (a, b) = *r;`), with an await after it (fixT build_4): the
// machine takes that for a move out of a `Box`, which takes the box with
// it (`tests/ref_bindings_on_temporaries.rs`). An `Rc` only lends its
// `Copy` parts and stays whole to the end of its scope, so the compiler,
// asked whether it is a `Box` or a reference, stops the build at the
// deref, saying to write the pointer's type or copy the parts out.
use std::rc::Rc;

use desugar::desugar;

async fn ready() {}

#[desugar]
async fn shared(slot: Option<Rc<(u32, u32)>>) -> u32 {
    match slot {
        Some(r) => {
            let (a, b) = *r;
            ready().await;
            a + b
        }
        None => 0,
    }
}

/// What the message says to write: the pointer's type, or the parts
/// copied out. Both build.
#[desugar]
async fn typed(slot: Option<Rc<(u32, u32)>>) -> u32 {
    match slot {
        Some(r) => {
            let r: Rc<(u32, u32)> = r;
            let (a, b) = *r;
            ready().await;
            a + b
        }
        None => 0,
    }
}

#[desugar]
async fn copied(slot: Option<Rc<(u32, u32)>>) -> u32 {
    match slot {
        Some(r) => {
            let (a, b) = (r.0, r.1);
            ready().await;
            a + b
        }
        None => 0,
    }
}

fn main() {}
