//! Shapes a dogfood run of state updates through `&mut`, closures, early
//! exits and builders found, each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger.
//!
//! - A text that spells a local's name (`log("msg sent")`) after a pattern
//!   moved a part of the local and skipped another: taken for a use of the
//!   local, which left the skipped part unbound, and the machine did not
//!   build (E0382 at the parameter).

mod common;

use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- A name spelled in a text is not a use ----

fn log(text: &str) -> usize {
    text.len()
}

#[desugar]
async fn forwarded(msg: (String, Probe)) -> usize {
    let (body, _) = msg;
    Leaf::new("send").pending(1).ready(()).await;
    log("msg sent") + body.len()
}

#[desugar]
async fn forwarded_from_a_local(t: u8) -> usize {
    let pair = (vec![t], Probe::new("skipped"));
    let (bytes, _) = pair;
    Leaf::new("send").pending(1).ready(()).await;
    log("pair") + usize::from(b'p' == b'p') + bytes.len()
}

#[test]
fn a_name_spelled_in_a_text_is_no_use_of_the_local() {
    let outcome = same_and_no_larger(
        || forwarded(("ab".into(), Probe::new("p"))),
        || forwarded_rustc(("ab".into(), Probe::new("p"))),
    );
    assert_eq!(outcome, "Ready(10)");
    let outcome = same_and_no_larger(
        || forwarded_from_a_local(3),
        || forwarded_from_a_local_rustc(3),
    );
    assert_eq!(outcome, "Ready(6)");
}
