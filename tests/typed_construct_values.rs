//! A `let` with a written type whose value is a block, labeled block, `if`
//! or `match` that awaits (`let s: &str = 'p: { .. };`): rustc coerces the
//! construct's tail and `break` values to the written type (a `&String` to
//! a `&str`, a `Box<u32>` to a `Box<dyn Display>`). The machine assigns
//! each of them to the construct's hidden value, declared with that type,
//! so each coerces as in rustc. Before, the value was declared untyped,
//! its assignments in different arms of the machine were each typed on
//! their own, and the expansion did not build (E0308 on the internal
//! `same_type`, at `#[desugar]`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::Leaf;
use std::fmt::Display;

/// The `break` value a `&str`, the tail a `&String`.
#[desugar]
async fn pick(names: Vec<String>) -> usize {
    let chosen: &str = 'p: {
        if names.is_empty() {
            break 'p "none";
        }
        Leaf::new("touch").pending(1).ready(()).await;
        &names[0]
    };
    chosen.len()
}

/// The `break` value a `&String`, the tail a `&str`.
#[desugar]
async fn pick_first(names: Vec<String>) -> usize {
    let chosen: &str = 'p: {
        if !names.is_empty() {
            break 'p &names[0];
        }
        Leaf::new("touch").pending(1).ready(()).await;
        "none"
    };
    chosen.len()
}

/// An unsized coercion, in a `match`.
#[desugar]
async fn shown(n: u32) -> String {
    let item: Box<dyn Display> = match n % 2 {
        0 => Box::new(Leaf::new("number").pending(1).ready(n).await),
        _ => Box::new("odd"),
    };
    item.to_string()
}

#[test]
fn values_coerce_to_the_written_type() {
    for names in [vec![], vec!["ann".to_string(), "bo".to_string()]] {
        same_and_no_larger(|| pick(names.clone()), || pick_rustc(names.clone()));
        both_send(&pick(names.clone()), &pick_rustc(names.clone()));
        same_and_no_larger(
            || pick_first(names.clone()),
            || pick_first_rustc(names.clone()),
        );
        both_send(&pick_first(names.clone()), &pick_first_rustc(names.clone()));
    }
    for n in [0, 1, 3] {
        same_and_no_larger(|| shown(n), || shown_rustc(n));
    }
}
