// A local a formatting macro borrows ahead of an await in its own
// arguments, which the awaited expression changes: through `&mut` in an
// argument of a macro it calls, or by writing to it with `write!`. rustc
// rejects both (E0502: the borrow is held across the change); the
// expansion stops first, saying to bind the awaited value with `let`. (A
// macro that only formats it changes nothing, and builds:
// `tests/dogfood_round_k6.rs`.)
use std::fmt::Write;

use desugar::desugar;

async fn label(s: String) -> String {
    s
}

fn bump(i: &mut usize) -> usize {
    *i += 1;
    *i
}

#[desugar]
async fn bumped(mut i: usize) -> String {
    format!("{}{}", i, label(format!("c{}", bump(&mut i))).await)
}

#[desugar]
async fn written(mut s: String) -> String {
    format!("{}{}", s, label({ write!(s, "x").unwrap(); String::new() }).await)
}

fn main() {}
