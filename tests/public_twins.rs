//! The twin of a non-generic `pub` fn is its async fn made generic and
//! nested in a plain fn of the same signature, so that rustc compiles its
//! future only where something polls it (`desugar-expand/src/emit/twin.rs`).
//! Each fn here is `pub`, in every shape that form has to keep: elided and
//! named lifetimes, a pattern parameter, a `mut` one, an output borrowing
//! an input, lint attributes, `#[cfg]`,
//! `#[must_use]`, a fn in a module and an associated fn; and those that keep
//! the plain twin because a nested fn could not name what they name (`Self`,
//! a generic `impl`'s parameter). Each twin is compared with its machine.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[desugar]
pub async fn elided(key: &str, (low, high): (usize, usize), mut n: usize) -> usize {
    let guard = Probe::new("guard");
    n += Leaf::new("len").pending(1).ready(key.len()).await;
    guard.touch();
    n.clamp(low, high)
}

#[test]
fn elided_lifetimes_and_patterns() {
    let key = String::from("abcdef");
    let outcome = same_and_no_larger(|| elided(&key, (2, 9), 1), || elided_rustc(&key, (2, 9), 1));
    assert_eq!(outcome, "Ready(7)");
    both_send(&elided(&key, (0, 1), 0), &elided_rustc(&key, (0, 1), 0));
}

#[desugar]
pub async fn prefix<'a>(text: &'a str, probe: Probe) -> &'a str {
    Leaf::new("tick").pending(1).ready(()).await;
    probe.touch();
    &text[..2]
}

#[test]
fn output_borrowing_a_named_lifetime() {
    let text = String::from("hello");
    let outcome = same_and_no_larger(
        || prefix(&text, Probe::new("p")),
        || prefix_rustc(&text, Probe::new("p")),
    );
    assert_eq!(outcome, "Ready(\"he\")");
}

#[desugar]
pub async fn first_word(text: &str) -> &str {
    Leaf::new("tick").pending(1).ready(()).await;
    text.split(' ').next().unwrap_or("")
}

#[test]
fn output_borrowing_an_elided_lifetime() {
    let text = String::from("one two");
    let outcome = same_and_no_larger(|| first_word(&text), || first_word_rustc(&text));
    assert_eq!(outcome, "Ready(\"one\")");
}

#[desugar]
#[must_use]
#[allow(clippy::needless_pass_by_value)]
#[cfg(not(any()))]
pub async fn attributed(probe: Probe) -> u32 {
    let early = Probe::new("early");
    let n = Leaf::new("n").pending(2).ready(3).await;
    drop(early);
    probe.touch();
    n
}

#[test]
fn lint_cfg_and_must_use_attributes() {
    let outcome = same_and_no_larger(
        || attributed(Probe::new("probe")),
        || attributed_rustc(Probe::new("probe")),
    );
    assert_eq!(outcome, "Ready(3)");
}

pub mod nested {
    use desugar::desugar;
    use desugar::harness::{Leaf, Probe};

    #[desugar]
    pub async fn in_module(probe: Probe) -> Vec<u8> {
        let v = vec![1, 2];
        let more = Leaf::new("more").pending(1).ready(3u8).await;
        probe.touch();
        let mut v = v;
        v.push(more);
        super::helper(&mut v);
        v
    }
}

fn helper(v: &mut Vec<u8>) {
    v.push(9);
}

#[test]
fn fn_in_a_module_reaching_its_parent() {
    let outcome = same_and_no_larger(
        || nested::in_module(Probe::new("p")),
        || nested::in_module_rustc(Probe::new("p")),
    );
    assert_eq!(outcome, "Ready([1, 2, 3, 9])");
}

#[derive(Debug, PartialEq)]
pub struct Plain;

impl Plain {
    /// An associated fn that names neither `Self` nor a type parameter:
    /// nested, it builds as it does beside the block's other fns.
    #[desugar]
    pub async fn doubled(n: u32) -> u32 {
        Leaf::new("n").pending(1).ready(n).await * 2
    }

    /// One that names `Self` keeps the plain twin.
    #[desugar]
    pub async fn made(n: u32) -> Self {
        Leaf::new("n").pending(1).ready(n).await;
        Self
    }
}

pub struct Wrapped<T>(pub T);

impl<T: Clone + std::fmt::Debug + PartialEq> Wrapped<T> {
    /// One that names its block's type parameter keeps the plain twin.
    #[desugar]
    pub async fn twice(v: T) -> (T, T) {
        Leaf::new("v").pending(1).ready(()).await;
        (v.clone(), v)
    }
}

#[test]
fn associated_fns() {
    let outcome = same_and_no_larger(|| Plain::doubled(4), || Plain::doubled_rustc(4));
    assert_eq!(outcome, "Ready(8)");
    let outcome = same_and_no_larger(|| Plain::made(1), || Plain::made_rustc(1));
    assert_eq!(outcome, "Ready(Plain)");
    let outcome = same_and_no_larger(|| Wrapped::twice(5u8), || Wrapped::twice_rustc(5u8));
    assert_eq!(outcome, "Ready((5, 5))");
}

#[desugar]
pub async fn dropped_mid_way(a: Probe, b: Probe) -> u32 {
    let x = Leaf::new("x").pending(1).ready(1).await;
    a.touch();
    let y = Leaf::new("y").pending(1).ready(2).await;
    b.touch();
    x + y
}

#[test]
fn dropped_after_each_poll() {
    // `assert_same` also drops both futures after every number of polls.
    let outcome = same_and_no_larger(
        || dropped_mid_way(Probe::new("a"), Probe::new("b")),
        || dropped_mid_way_rustc(Probe::new("a"), Probe::new("b")),
    );
    assert_eq!(outcome, "Ready(3)");
}

/// A lint the user allows on the fn is allowed on the twin's plain fn too,
/// which has the same parameters (this file is linted with `-D warnings`).
#[desugar]
#[allow(clippy::too_many_arguments)]
pub async fn many(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8) -> u32 {
    let x = Leaf::new("x").pending(1).ready(a).await;
    [x, b, c, d, e, f, g, h].iter().map(|&v| u32::from(v)).sum()
}

#[test]
fn allowed_lints_reach_the_plain_fn() {
    let outcome = same_and_no_larger(
        || many(1, 2, 3, 4, 5, 6, 7, 8),
        || many_rustc(1, 2, 3, 4, 5, 6, 7, 8),
    );
    assert_eq!(outcome, "Ready(36)");
}

/// An `impl Trait` parameter makes the fn generic already: the plain twin.
#[desugar]
pub async fn shown_len(value: impl std::fmt::Display) -> usize {
    Leaf::new("tick").pending(1).ready(()).await;
    value.to_string().len()
}

#[test]
fn impl_trait_parameter() {
    let outcome = same_and_no_larger(|| shown_len(1234), || shown_len_rustc(1234));
    assert_eq!(outcome, "Ready(4)");
}
