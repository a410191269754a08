//! Awaits as operands, evaluated left to right as rustc does: call and
//! method arguments, binary and unary operators, `&&`/`||` with the await
//! on the left (short-circuiting the right), comparisons, casts, indexing,
//! fields, references, struct (with `..base`), tuple and array literals,
//! method-call chains, an await of an awaited future, and literals of every
//! kind as awaited values, ranges and array repeats (`[x.await; n]`). The
//! parts of a statement that run before its await are
//! `tests/earlier_parts.rs`'s; an await after a part that may make a
//! temporary `#[desugar]` cannot name is a compile error asking for a `let`
//! first (`tests/ui/await_after_effect.rs`).

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{assert_send, leaf};

fn combine(a: u32, b: u32, c: u32) -> u32 {
    a * 100 + b * 10 + c
}

/// Touches `p` and says yes: a right operand whose evaluation shows.
fn check(p: &Probe) -> bool {
    p.touch();
    true
}

#[derive(Debug, Default)]
struct Acc {
    values: Vec<u32>,
}

impl Acc {
    fn with(mut self, v: u32) -> Self {
        self.values.push(v);
        self
    }

    fn both(&mut self, a: u32, b: u32) -> &mut Self {
        self.values.extend([a, b]);
        self
    }

    fn sum(&self) -> u32 {
        self.values.iter().sum()
    }
}

#[desugar]
async fn arguments(p: Probe) -> u32 {
    let q = Probe::new("q");
    let call = combine(leaf("a", 1, 1u32).await, 2, leaf("c", 2, 3u32).await);
    let mut acc = Acc::default();
    acc.both(leaf("m1", 1, 4u32).await, leaf("m2", 1, 5u32).await);
    let chained = leaf("receiver", 1, Acc::default())
        .await
        .with(leaf("w1", 1, 6u32).await)
        .sum();
    q.touch();
    p.touch();
    call + acc.sum() + chained
}

#[test]
fn call_and_method_arguments() {
    assert_send(&arguments(Probe::new("p")));
    let report = assert_same(
        || arguments(Probe::new("p")),
        || arguments_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(138)");
}

#[desugar]
async fn operators(p: Probe) -> (i64, bool, bool, bool) {
    let sum = leaf("l", 1, 2i64).await + leaf("r", 2, 3i64).await * 4;
    let neg = -leaf("neg", 1, 5i64).await;
    let not = !leaf("not", 1, false).await;
    let cmp = leaf("cmp_l", 1, 3).await < leaf("cmp_r", 1, 4).await;
    let and = leaf("and", 1, false).await && check(&p);
    let or = leaf("or", 1, false).await || check(&p);
    let bits = leaf("bits", 0, 0b1100i64).await & 0b0110 | 1;
    (sum + neg + bits, not && cmp, and, or)
}

#[test]
fn operators_and_short_circuits() {
    assert_send(&operators(Probe::new("p")));
    let report = assert_same(
        || operators(Probe::new("p")),
        || operators_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((14, true, false, true))");
}

#[derive(Debug, PartialEq)]
struct Point {
    x: u32,
    y: u32,
    tag: Probe,
}

#[desugar]
async fn literals(p: Probe) -> (Point, Point, (u32, Probe, u32), [u32; 2], [u8; 3]) {
    let first = Point {
        x: leaf("x", 1, 1u32).await,
        y: leaf("y", 1, 2u32).await,
        tag: Probe::new("first"),
    };
    let second = Point {
        tag: leaf("tag", 1, Probe::new("second")).await,
        ..Point {
            x: 3,
            y: 4,
            tag: Probe::new("base"),
        }
    };
    let tuple = (
        leaf("t1", 1, 5u32).await,
        leaf("t2", 2, Probe::new("mid")).await,
        leaf("t3", 1, 6u32).await,
    );
    let array = [leaf("a1", 0, 7u32).await, leaf("a2", 1, 8u32).await];
    let rep = leaf("rep", 1, 9u8).await;
    let repeat = [rep; 3];
    p.touch();
    (first, second, tuple, array, repeat)
}

#[test]
fn struct_tuple_and_array_literals() {
    assert_send(&literals(Probe::new("p")));
    let report = assert_same(
        || literals(Probe::new("p")),
        || literals_rustc(Probe::new("p")),
    );
    assert!(
        report.outcome.ends_with("[7, 8], [9, 9, 9]))"),
        "{}",
        report.outcome
    );
}

#[desugar]
async fn places_and_conversions(p: Probe) -> (u64, u32, u32, usize, u32) {
    let v = vec![10u32, 20, 30];
    let cast = leaf("cast", 1, 7u32).await as u64;
    let index = v[leaf("index", 1, 2usize).await];
    let field = leaf("field", 1, (1u32, 2u32)).await.1;
    let len = str::len(&leaf("reference", 2, String::from("abc")).await);
    let start = leaf("start", 1, 1u32).await;
    let range = (start..4).sum();
    p.touch();
    (cast, index, field, len, range)
}

#[test]
fn casts_indexing_fields_and_references() {
    assert_send(&places_and_conversions(Probe::new("p")));
    let report = assert_same(
        || places_and_conversions(Probe::new("p")),
        || places_and_conversions_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((7, 30, 2, 3, 6))");
}

#[desugar]
async fn method_chains(p: Probe) -> (usize, u32, Option<u32>) {
    let upper = leaf("string", 1, String::from("ab"))
        .await
        .to_uppercase()
        .len();
    let nested = leaf("outer", 1, leaf("inner", 2, 5u32)).await.await;
    let checked = leaf("checked", 1, 3u32)
        .await
        .checked_add(leaf("operand", 1, 1u32).await);
    p.touch();
    (upper, nested, checked)
}

#[test]
fn method_chains_and_awaited_futures() {
    assert_send(&method_chains(Probe::new("p")));
    let report = assert_same(
        || method_chains(Probe::new("p")),
        || method_chains_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((2, 5, Some(4)))");
}

#[derive(Debug, PartialEq)]
struct Kinds {
    text: &'static str,
    ch: char,
    float: f64,
    byte: u8,
    bytes: &'static [u8],
    unit: (),
}

#[desugar]
async fn literal_kinds(p: Probe) -> Kinds {
    let q = Probe::new("q");
    let kinds = Kinds {
        text: leaf("str", 1, "text").await,
        ch: leaf("char", 0, 'c').await,
        float: leaf("float", 1, 1.5).await,
        byte: leaf("byte", 1, b'b').await,
        bytes: leaf("bytes", 1, b"xy").await,
        unit: leaf("unit", 1, ()).await,
    };
    q.touch();
    p.touch();
    kinds
}

#[test]
fn literals_of_every_kind() {
    assert_send(&literal_kinds(Probe::new("p")));
    let report = assert_same(
        || literal_kinds(Probe::new("p")),
        || literal_kinds_rustc(Probe::new("p")),
    );
    assert!(
        report.outcome.starts_with("Ready(Kinds {"),
        "{}",
        report.outcome
    );
}

/// Ranges run their bounds in order, as the struct literal they are; an
/// array repeat runs its value once (its length is a constant).
#[desugar]
async fn ranges_and_repeats(p: Probe) -> (u32, Vec<u32>, [u32; 3], u32) {
    let mut sum = 0;
    for i in 0..leaf("end", 1, 4u32).await {
        sum += i;
    }
    let both: Vec<u32> = (leaf("start", 1, 2u32).await..=leaf("last", 2, 5u32).await).collect();
    let limit = (..leaf("limit", 1, 3usize).await).end as u32;
    let repeated = [leaf("value", 1, 7u32).await; 3];
    p.touch();
    (sum, both, repeated, limit)
}

#[test]
fn ranges_and_array_repeats() {
    assert_send(&ranges_and_repeats(Probe::new("p")));
    let report = assert_same(
        || ranges_and_repeats(Probe::new("p")),
        || ranges_and_repeats_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((6, [2, 3, 4, 5], [7, 7, 7], 3))");
}
