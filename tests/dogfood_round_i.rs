//! Shapes a dogfood hunt found (valid code the machine did not build, and
//! machines larger than their twins), each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.
//!
//! - `let [a, b]: [String; 2] = v.try_into().map_err(..)?;` then an await:
//!   `try_into` was taken for a method that borrows `v`, which was then
//!   kept across the await though moved (E0382 at the parameter). It takes
//!   `self`, as `into` does, and the caller chooses its result's type.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::Leaf;

// ---- try_into takes self ----

#[desugar]
async fn exact_two(v: Vec<String>) -> Result<String, usize> {
    let [a, b]: [String; 2] = v.try_into().map_err(|v: Vec<String>| v.len())?;
    let b = Leaf::new("mid").pending(1).ready(b).await;
    Ok(format!("{a}{b}"))
}

#[test]
fn try_into_moves_its_receiver() {
    for v in [vec!["a".to_string(), "b".into()], vec!["x".into()]] {
        both_send(&exact_two(v.clone()), &exact_two_rustc(v.clone()));
        same_and_no_larger(|| exact_two(v.clone()), || exact_two_rustc(v.clone()));
    }
}
