//! The receiver of a method syntax does not know, made in a `match` or
//! `if let` scrutinee whose arms await, or a `for` loop's iterable whose
//! body does (desugar-fuzz/FINDINGS.md, entry 27). rustc keeps such a value to the end of the construct if the method
//! borrows it and moves it if the method takes `self`. A builder's method
//! (`finish(self)`) moves it in the machine too; a borrowing one stops the
//! build (`tests/ui/unknown_method_borrows_scrutinee_receiver.rs`), unless
//! the value has nothing to drop, which the harness shows here.

mod common;

use common::Counter;
use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

#[desugar]
async fn builder_in_a_match(n: u32) -> u32 {
    match Counter::new("built").finish(n) {
        0 => 0,
        m => m + Leaf::new("arm").pending(1).ready(1).await,
    }
}

#[desugar]
async fn builder_in_an_if_let(n: u32) -> u32 {
    if let 3 = Counter::new("built").finish(1) {
        Leaf::new("then").pending(1).ready(n).await
    } else {
        Leaf::new("else").pending(1).ready(4).await
    }
}

#[desugar]
async fn builder_in_a_while_let() -> u32 {
    let mut n = 0;
    while let 3 = Counter::new("step").finish(1) {
        n = Leaf::new("body").pending(1).ready(n + 1).await;
        if n == 3 {
            break;
        }
    }
    n
}

struct Batch(Probe);

impl Batch {
    fn items(self, n: u32) -> Vec<u32> {
        self.0.touch();
        (0..n).collect()
    }
}

#[desugar]
async fn builder_in_a_for_loop(n: u32) -> u32 {
    let mut total = 0;
    for item in Batch(Probe::new("batch")).items(n) {
        total += Leaf::new("body").pending(1).ready(item).await;
    }
    total
}

#[test]
fn a_builder_s_receiver_is_moved_as_in_rustc() {
    for n in [0, 1, 2] {
        let report = assert_same(|| builder_in_a_match(n), || builder_in_a_match_rustc(n));
        assert_eq!(report.outcome, format!("Ready({})", n + 3));
        let report = assert_same(|| builder_in_an_if_let(n), || builder_in_an_if_let_rustc(n));
        assert_eq!(report.outcome, format!("Ready({n})"));
    }
    let report = assert_same(builder_in_a_while_let, builder_in_a_while_let_rustc);
    assert_eq!(report.outcome, "Ready(3)");
    let report = assert_same(
        || builder_in_a_for_loop(3),
        || builder_in_a_for_loop_rustc(3),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

struct Request(Probe, u32);

impl Request {
    fn with<F: FnOnce(u32) -> u32>(mut self, f: F) -> Self {
        self.1 = f(self.1);
        self
    }

    fn retries(mut self, n: u64) -> Self {
        self.1 += n as u32;
        self
    }

    fn send(self) -> desugar::harness::LeafFuture<u32> {
        self.0.touch();
        Leaf::new("send").pending(1).ready(self.1)
    }

    fn total<F: Fn(u32) -> u32>(self, f: F) -> u32 {
        self.0.touch();
        f(self.1)
    }
}

/// A builder given closures (whose parameters' types come from the method:
/// `v.count_ones()` needs `v`'s) and arguments that need the parameter's
/// type (`n.into()`, `Default::default()`) builds: a call given a closure
/// goes unchecked, and the others' checks copy the arguments as written.
#[desugar]
async fn builder_taking_closures(n: u32) -> u32 {
    let sent = Request(Probe::new("request"), 0)
        .with(|v| v.count_ones() + n)
        .retries(n.into())
        .retries(Default::default())
        .send()
        .await;
    match Request(Probe::new("matched"), sent).total(|v| v.pow(2)) {
        0 => 0,
        t => t + Leaf::new("arm").pending(1).ready(1).await,
    }
}

#[test]
fn a_builder_taking_closures_is_moved_as_in_rustc() {
    for n in [0, 1, 3] {
        let report = assert_same(
            || builder_taking_closures(n),
            || builder_taking_closures_rustc(n),
        );
        // `with` gives 0 + n, the retries n more; `total` squares it.
        let total = (2 * n).pow(2);
        let arm = if total == 0 { 0 } else { total + 1 };
        assert_eq!(report.outcome, format!("Ready({arm})"));
    }
}

struct Point {
    x: u32,
    y: u32,
}

impl Point {
    fn sum(&self) -> u32 {
        self.x + self.y
    }
}

/// `sum` borrows the point, which has nothing to drop: where the machine
/// lets it go changes nothing.
#[desugar]
async fn borrowed_with_nothing_to_drop(x: u32) -> u32 {
    match (Point { x, y: 1 }).sum() {
        1 => 0,
        s => s + Leaf::new("arm").pending(1).ready(1).await,
    }
}

#[test]
fn a_borrowed_receiver_with_nothing_to_drop_builds() {
    let report = assert_same(
        || borrowed_with_nothing_to_drop(2),
        || borrowed_with_nothing_to_drop_rustc(2),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// A response whose `text(self)` takes it, as an HTTP client's does: the
/// name is one syntax takes for a move, asked of the compiler on a value
/// made for it, which answers that it is moved.
struct Response(Probe);

impl Response {
    fn text(self) -> desugar::harness::LeafFuture<u32> {
        self.0.touch();
        Leaf::new("text").pending(1).ready(4)
    }
}

#[desugar]
async fn response_text_taken() -> u32 {
    let n = Response(Probe::new("response")).text().await;
    n + Leaf::new("after").pending(1).ready(1).await
}

#[test]
fn a_method_named_like_a_move_that_moves_builds_as_before() {
    let report = assert_same(response_text_taken, response_text_taken_rustc);
    assert_eq!(report.outcome, "Ready(5)");
}

fn total(values: Vec<u32>) -> desugar::harness::LeafFuture<u32> {
    Leaf::new("total").pending(1).ready(values.iter().sum())
}

/// A builder's method inside `vec!` in an awaited call: asked about as
/// anywhere else, the value is moved, and nothing is kept.
#[desugar]
async fn builder_in_a_vec(n: u32) -> u32 {
    total(vec![Counter::new("built").finish(n), n]).await
}

#[test]
fn a_builder_in_a_vec_builds_as_before() {
    let report = assert_same(|| builder_in_a_vec(1), || builder_in_a_vec_rustc(1));
    assert_eq!(report.outcome, "Ready(4)");
}

impl Batch {
    fn select(self, keep: fn(&u32) -> bool, n: u32) -> Vec<u32> {
        self.0.touch();
        (0..n).filter(keep).collect()
    }
}

fn is_even(v: &u32) -> bool {
    v.is_multiple_of(2)
}

/// A fn item given where the method takes a fn pointer: rustc coerces it,
/// and the check's copy of the argument must leave it the same coercion.
#[desugar]
async fn fn_item_given_for_a_fn_pointer(n: u32) -> u32 {
    total(Batch(Probe::new("batch")).select(is_even, n)).await
}

#[test]
fn a_fn_item_given_for_a_fn_pointer_builds() {
    for n in [0, 5] {
        let report = assert_same(
            || fn_item_given_for_a_fn_pointer(n),
            || fn_item_given_for_a_fn_pointer_rustc(n),
        );
        assert!(report.left_size <= report.right_size);
    }
}
