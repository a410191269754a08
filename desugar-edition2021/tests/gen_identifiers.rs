//! `gen` is an identifier in Rust 2021 and a keyword from Rust 2024 on, the
//! edition of the macro's crate. A parameter or local named `gen` that the
//! machine keeps gets a field of the state enum named after it, with the
//! expansion's own span (the macro's edition): written as `gen`, it did not
//! parse there ("expected identifier, found reserved keyword `gen`" at
//! `#[desugar]`). Each fn here builds and behaves as its twin; so do `r#gen`
//! and the raw words that are keywords from Rust 2018 on.
use desugar::desugar;
use desugar::harness::{assert_same, Leaf, LeafFuture, Probe};

fn io<T>(name: &str, v: T) -> LeafFuture<T> {
    Leaf::new(name).pending(1).ready(v)
}

#[desugar]
async fn param(gen: u64) -> u64 {
    let bumped = io("bump", gen + 1).await;
    bumped + gen
}

#[desugar]
async fn kept() -> u64 {
    let gen = 3u64;
    io("x", ()).await;
    gen
}

#[desugar]
async fn raw_written() -> u64 {
    let r#gen = 3u64;
    io("x", ()).await;
    r#gen
}

#[desugar]
async fn borrowed_across(gen: Probe) -> usize {
    let label = gen.label();
    io("x", ()).await;
    label.len()
}

#[desugar]
async fn homed() -> u64 {
    let gen = 5u64;
    let r = &gen;
    io("x", ()).await;
    *r
}

#[desugar]
async fn flagged(go: bool) -> usize {
    let gen = Probe::new("gen");
    if go {
        drop(gen);
    }
    io("x", ()).await;
    1
}

#[desugar]
async fn formatted(gen: u64) -> String {
    io("x", ()).await;
    format!("{gen} {}", gen)
}

macro_rules! twice {
    ($e:expr) => {
        $e * 2
    };
}

#[desugar]
async fn in_own_macro(gen: u64) -> u64 {
    io("x", ()).await;
    twice!(gen) + 1
}

#[desugar]
async fn shadowed(gen: u64) -> u64 {
    let gen = gen + 1;
    io("x", ()).await;
    let gen = gen * 2;
    io("y", ()).await;
    gen
}

#[desugar]
async fn closure_kept(gen: u64) -> u64 {
    let f = move |x: u64| x + gen;
    io("x", ()).await;
    f(1)
}

#[desugar]
async fn other_raw_keywords() -> u64 {
    let r#try = 1u64;
    let r#async = 2u64;
    let r#await = 3u64;
    let r#dyn = 4u64;
    io("x", ()).await;
    r#try + r#async + r#await + r#dyn
}

struct Epoch {
    gen: u64,
}

impl Epoch {
    #[desugar]
    async fn advance(&self, gen: u64) -> u64 {
        io("x", ()).await;
        self.gen + gen
    }
}

#[desugar]
async fn destructured(e: Epoch) -> u64 {
    let Epoch { gen } = e;
    io("x", ()).await;
    gen
}

/// Compares with the twin, checks the machine is no larger, and that it is
/// `Send` as the twin is.
fn same<L, R>(left: impl Fn() -> L, right: impl Fn() -> R)
where
    L: core::future::Future + Send,
    R: core::future::Future<Output = L::Output> + Send,
    L::Output: core::fmt::Debug + PartialEq,
{
    let report = assert_same(left, right);
    assert!(report.left_size <= report.right_size, "{report}");
}

#[test]
fn a_parameter_or_local_named_gen_builds_and_matches_rustc() {
    same(|| param(1), || param_rustc(1));
    same(kept, kept_rustc);
    same(raw_written, raw_written_rustc);
    same(
        || borrowed_across(Probe::new("g")),
        || borrowed_across_rustc(Probe::new("g")),
    );
    same(homed, homed_rustc);
    same(|| flagged(true), || flagged_rustc(true));
    same(|| flagged(false), || flagged_rustc(false));
    same(|| formatted(4), || formatted_rustc(4));
    same(|| in_own_macro(4), || in_own_macro_rustc(4));
    same(|| shadowed(4), || shadowed_rustc(4));
    same(|| closure_kept(4), || closure_kept_rustc(4));
    same(
        || destructured(Epoch { gen: 2 }),
        || destructured_rustc(Epoch { gen: 2 }),
    );
    let e = Epoch { gen: 1 };
    same(|| e.advance(2), || e.advance_rustc(2));
}

#[test]
fn raw_words_reserved_since_2018_are_not_affected() {
    same(other_raw_keywords, other_raw_keywords_rustc);
}
