//! Values made in place and called at once (`handler(p)(7)`), and blocks in
//! scrutinees, in a Rust 2021 crate. `Fn::call` borrows its callee, a
//! temporary that Rust 2021 keeps after a tail's block's locals (and to the
//! end of the statement for a block inside one, across its await); a
//! block's tail in a scrutinee keeps its temporaries to the end of the
//! construct. The machine drops both as Rust 2024 does, so those shapes
//! stop the build (`tests/ui/tail_called_in_place.rs`,
//! `tests/ui/tail_in_scrutinee.rs`); the ways out their messages give
//! build and behave as the twin, and so do the shapes the two editions
//! agree on. A unit tail ended with `;` (`tests/ui/unit_tail.rs`) too.

#![allow(unused_braces, clippy::let_and_return, clippy::blocks_in_conditions)]

use std::cell::RefCell;

use desugar::desugar;
use desugar::harness::{assert_same, Leaf, LeafFuture, Probe};

fn io<T>(name: &str, value: T) -> LeafFuture<T> {
    Leaf::new(name).pending(1).ready(value)
}

fn handler(p: Probe) -> impl Fn(u32) -> u32 {
    move |x| {
        p.touch();
        x + 1
    }
}

fn boxed(p: Probe) -> Box<dyn Fn(u32) -> u32 + Send + Sync> {
    Box::new(move |x| {
        p.touch();
        x + 1
    })
}

struct Made(Probe);

impl Made {
    fn len(&self) -> usize {
        self.0.touch();
        3
    }

    fn items(&self) -> Vec<u32> {
        self.0.touch();
        vec![1, 2]
    }
}

fn make() -> Made {
    Made(Probe::new("made"))
}

/// Compares with the twin, checks the machine is no larger, and that it is
/// `Send` as the twin is.
fn same<L, R>(left: impl Fn() -> L, right: impl Fn() -> R) -> String
where
    L: core::future::Future + Send,
    R: core::future::Future<Output = L::Output> + Send,
    L::Output: core::fmt::Debug + PartialEq,
{
    let report = assert_same(left, right);
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// `handler(Probe::new("closure"))(7)` as the tail would not build; bound
/// with `let`, the closure drops where the `let` ends, in both editions.
#[desugar]
async fn bound_then_returned() -> u32 {
    let local = Probe::new("local");
    io("x", ()).await;
    local.touch();
    let n = handler(Probe::new("closure"))(7);
    n
}

#[desugar]
async fn boxed_bound_then_returned() -> u32 {
    let local = Probe::new("local");
    io("x", ()).await;
    local.touch();
    let n = boxed(Probe::new("closure"))(1);
    n
}

/// In an awaited call's arguments without braces, the closure is a
/// temporary of the statement in both editions: kept across the await.
#[desugar]
async fn called_in_an_awaited_call() -> u32 {
    let n = io("x", handler(Probe::new("closure"))(1)).await;
    n
}

/// `io("x", { handler(p)(1) }).await` would not build; bound before the
/// statement, it does.
#[desugar]
async fn bound_before_the_statement() -> u32 {
    let v = handler(Probe::new("closure"))(1);
    let n = io("x", v).await;
    n
}

/// `match { make().len() } { .. }` would not build; bound inside the block,
/// the temporary drops there, in both editions.
#[desugar]
async fn bound_in_the_scrutinee_block() -> usize {
    match {
        let n = make().len();
        n
    } {
        3 => io("x", 1).await,
        _ => 0,
    }
}

/// Without braces the scrutinee's temporary lives to the end of the
/// `match` in both editions, and the machine keeps it there.
#[desugar]
async fn scrutinee_without_a_block() -> usize {
    match make().len() {
        3 => io("x", 1).await,
        _ => 0,
    }
}

#[desugar]
async fn iterable_bound_in_its_block() -> u32 {
    let mut n = 0;
    for i in {
        let items = make().items();
        items
    } {
        n += io("x", i).await;
    }
    n
}

/// Unit tails of bodies with locals, written as the messages say: an `if
/// let` without `else` and a method of `()` ended with `;`, their
/// temporaries dropping with the statement; a `for` loop over a value bound
/// with `let` before it (rustfmt removes a `;` after a loop).
#[desugar]
async fn if_let_ended(seen: &RefCell<Vec<u32>>) {
    let local = Probe::new("local");
    io("x", ()).await;
    local.touch();
    if let 3 = make().len() {
        seen.borrow_mut().push(3)
    };
}

#[desugar]
async fn method_ended(seen: &RefCell<Vec<u32>>) {
    let local = Probe::new("local");
    io("x", ()).await;
    local.touch();
    seen.borrow_mut().push(make().len() as u32);
}

#[desugar]
async fn loop_over_a_bound_value(seen: &RefCell<Vec<u32>>) {
    let local = Probe::new("local");
    io("x", ()).await;
    local.touch();
    let made = make();
    for x in made.items() {
        seen.borrow_mut().push(x)
    }
}

#[test]
fn a_callee_bound_with_let_matches_rustc() {
    assert_eq!(
        same(bound_then_returned, bound_then_returned_rustc),
        "Ready(8)"
    );
    assert_eq!(
        same(boxed_bound_then_returned, boxed_bound_then_returned_rustc),
        "Ready(2)"
    );
    assert_eq!(
        same(called_in_an_awaited_call, called_in_an_awaited_call_rustc),
        "Ready(2)"
    );
    assert_eq!(
        same(bound_before_the_statement, bound_before_the_statement_rustc),
        "Ready(2)"
    );
}

#[test]
fn a_scrutinee_block_bound_with_let_matches_rustc() {
    assert_eq!(
        same(
            bound_in_the_scrutinee_block,
            bound_in_the_scrutinee_block_rustc
        ),
        "Ready(1)"
    );
    assert_eq!(
        same(scrutinee_without_a_block, scrutinee_without_a_block_rustc),
        "Ready(1)"
    );
    assert_eq!(
        same(
            iterable_bound_in_its_block,
            iterable_bound_in_its_block_rustc
        ),
        "Ready(3)"
    );
}

#[test]
fn unit_tails_written_as_the_messages_say_match_rustc() {
    // Each side records into a `RefCell` of its own, compared after.
    macro_rules! check {
        ($left:ident, $right:ident) => {{
            let (seen_left, seen_right) = (RefCell::default(), RefCell::default());
            let report = assert_same(|| $left(&seen_left), || $right(&seen_right));
            assert!(report.left_size <= report.right_size, "{report}");
            assert_eq!(seen_left, seen_right);
        }};
    }
    check!(if_let_ended, if_let_ended_rustc);
    check!(method_ended, method_ended_rustc);
    check!(loop_over_a_bound_value, loop_over_a_bound_value_rustc);
}
