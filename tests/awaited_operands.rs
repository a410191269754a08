//! Values awaited before a later await of their statement: rustc holds each
//! as an operand of a pending call (moved into it) or as a temporary (borrowed),
//! and a future dropped while the later await is suspended drops the
//! operands first, then the temporaries, each newest first. Every case is
//! dropped at each suspension by `assert_same`, which compares the drop order
//! with the twin's.

// The statements under test are `let`s: returned directly, their values
// would be a block's tail, which drops them in another order.
#![allow(clippy::let_and_return)]

mod common;

use common::{Counter, counter, number, take};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};
use std::fmt::Write as _;

fn take_both(moved: Counter, borrowed: &Counter, n: u32) -> u32 {
    borrowed.add(n) + moved.finish(n)
}

/// `a` moves into the pending `take(..)`, `b` is borrowed by `add`: rustc
/// drops `a` first (seed 501, the shape of case 4756).
#[desugar]
async fn operand_then_borrowed_receiver() -> u32 {
    let n = take(counter("a").await, counter("b").await.add(number(1).await));
    n
}

#[test]
fn an_operand_drops_before_a_newer_borrowed_receiver() {
    let report = assert_same(
        operand_then_borrowed_receiver,
        operand_then_borrowed_receiver_rustc,
    );
    assert_eq!(report.outcome, "Ready(4)");
}

#[desugar]
async fn operand_then_borrowed_argument() -> u32 {
    let n = take_both(counter("a").await, &counter("b").await, number(1).await);
    n
}

#[test]
fn an_operand_drops_before_a_newer_borrowed_argument() {
    let report = assert_same(
        operand_then_borrowed_argument,
        operand_then_borrowed_argument_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)");
}

/// A tuple's fields are operands too.
#[desugar]
async fn tuple_field_then_borrowed_receiver() -> u32 {
    let pair = (counter("a").await, counter("b").await.add(number(1).await));
    pair.0.add(pair.1)
}

#[test]
fn a_tuple_field_drops_before_a_newer_borrowed_receiver() {
    let report = assert_same(
        tuple_field_then_borrowed_receiver,
        tuple_field_then_borrowed_receiver_rustc,
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// Two receivers of methods syntax does not know: the older one, borrowed
/// here, is kept as a temporary (were its method to take `self`, the
/// machine would not build, E0382).
#[desugar]
async fn two_unknown_receivers() -> u32 {
    let n = counter("a")
        .await
        .add(counter("b").await.finish(number(1).await));
    n
}

#[test]
fn of_two_unknown_receivers_the_older_is_a_temporary() {
    let report = assert_same(two_unknown_receivers, two_unknown_receivers_rustc);
    assert_eq!(report.outcome, "Ready(4)");
}

/// A standard borrowing method (`get`) makes its receiver a temporary.
#[desugar]
async fn operand_then_indexed_vec() -> u32 {
    let n = take(
        counter("a").await,
        Leaf::new("v")
            .pending(1)
            .ready(vec![Probe::new("v")])
            .await
            .get(number(0).await as usize)
            .map_or(0, |probe| probe.label().len() as u32),
    );
    n
}

#[test]
fn an_operand_drops_before_a_newer_borrowed_vec() {
    let report = assert_same(operand_then_indexed_vec, operand_then_indexed_vec_rustc);
    assert_eq!(report.outcome, "Ready(3)");
}

/// A borrow the `let` extends lives as long as the binding: after the
/// statement's operands, and on to the end of the block.
#[desugar]
async fn extended_borrow_then_operand(seen: Probe) -> u32 {
    let pair = (
        &counter("a").await,
        take(counter("b").await, number(1).await),
    );
    seen.touch();
    pair.0.add(pair.1)
}

#[test]
fn an_extended_borrow_lives_with_its_binding() {
    let report = assert_same(
        || extended_borrow_then_operand(Probe::new("seen")),
        || extended_borrow_then_operand_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// A block's tail shares one scope with the operands of its calls (Rust
/// 2024): there rustc drops all of them newest first, whichever way a
/// method takes its receiver.
#[desugar]
async fn tail_operand_then_borrowed_receiver() -> u32 {
    take(counter("a").await, counter("b").await.add(number(1).await))
}

#[desugar]
async fn tail_operand_then_moved_receiver() -> u32 {
    take(
        counter("a").await,
        counter("b").await.finish(number(1).await),
    )
}

#[test]
fn a_tail_drops_its_awaited_values_newest_first() {
    let report = assert_same(
        tail_operand_then_borrowed_receiver,
        tail_operand_then_borrowed_receiver_rustc,
    );
    assert_eq!(report.outcome, "Ready(4)");
    let report = assert_same(
        tail_operand_then_moved_receiver,
        tail_operand_then_moved_receiver_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)");
}

/// A `match` arm's expression is not a tail: the operand drops first.
#[desugar]
async fn arm_operand_then_borrowed_receiver(n: u32) -> u32 {
    match n {
        1 => take(counter("a").await, counter("b").await.add(number(n).await)),
        _ => 0,
    }
}

#[test]
fn an_arm_drops_an_operand_before_a_borrowed_receiver() {
    let report = assert_same(
        || arm_operand_then_borrowed_receiver(1),
        || arm_operand_then_borrowed_receiver_rustc(1),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// Awaits `wait` while holding `probe`'s borrow: a temporary `&Probe::new(..)`
/// given to it lives across the await.
async fn touch_later(probe: &Probe, wait: LeafFuture<u32>) -> u32 {
    let n = wait.await;
    probe.touch();
    n
}

/// An operand of the tail expression itself shares the tail's scope with
/// the temporary the later await borrows: rustc drops the newer temporary
/// first (seed 504, case 9188, in another form).
#[desugar]
async fn tail_operand_then_temporary() -> u32 {
    take(
        counter("a").await,
        touch_later(&Probe::new("t"), number(1)).await,
    )
}

/// The same in a `match` arm's block, whose tail gives the arm's value.
#[desugar]
async fn arm_tail_operand_then_temporary(n: u32) -> u32 {
    match n {
        1 => {
            let kept = Probe::new("kept");
            kept.touch();
            take(
                counter("a").await,
                touch_later(&Probe::new("t"), number(n)).await,
            )
        }
        _ => 0,
    }
}

#[test]
fn a_tail_s_own_operand_drops_after_a_newer_temporary() {
    let report = assert_same(
        tail_operand_then_temporary,
        tail_operand_then_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(3)");
    let report = assert_same(
        || arm_tail_operand_then_temporary(1),
        || arm_tail_operand_then_temporary_rustc(1),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// Nested in the tail, the operand of `take(..)` drops with that call's
/// scope, before the tail's temporaries; a receiver borrowed there (`add`
/// takes `&self`) is a temporary of the tail, dropped after the newer one.
#[desugar]
async fn nested_operand_then_temporary() -> u32 {
    take(
        counter("a").await,
        touch_later(&Probe::new("t"), number(1)).await,
    ) + 1
}

#[desugar]
async fn nested_borrowed_receiver_then_temporary() -> u32 {
    counter("a")
        .await
        .add(touch_later(&Probe::new("t"), number(1)).await)
        + 1
}

#[test]
fn in_a_tail_a_nested_operand_drops_first_and_a_borrowed_receiver_last() {
    let report = assert_same(
        nested_operand_then_temporary,
        nested_operand_then_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(4)");
    let report = assert_same(
        nested_borrowed_receiver_then_temporary,
        nested_borrowed_receiver_then_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// A `return` leaves before anything after it could drop the statement's
/// temporaries: a receiver borrowed there (`add` takes `&self`) drops after
/// the newer temporary, as in rustc; an operand (`take`) before it. (One
/// moved by an unknown method is a compile error, as in a tail:
/// `tests/ui/awaited_receiver_moved_in_return.rs`; seed 508, case 5225,
/// dropped it after the temporary.)
#[desugar]
async fn returned_receiver_and_operand(way: u32) -> u32 {
    if way == 0 {
        return counter("a")
            .await
            .add(touch_later(&Probe::new("t"), number(1)).await);
    }
    if way == 1 {
        return take(
            counter("b").await,
            touch_later(&Probe::new("u"), number(2)).await,
        ) + 1;
    }
    0
}

/// The same for a `break` with a value.
#[desugar]
async fn broken_with_a_borrowed_receiver() -> u32 {
    let mut round = 0;
    let n = loop {
        round += 1;
        if round == 2 {
            break counter("a")
                .await
                .add(touch_later(&Probe::new("t"), number(2)).await);
        }
    };
    n + round
}

#[test]
fn in_a_return_or_break_a_borrowed_receiver_drops_last() {
    // add(1) = 2; take(b, 2) + 1 = finish(2) + 1 = 5; neither: 0.
    for (way, outcome) in [(0, "Ready(2)"), (1, "Ready(5)"), (2, "Ready(0)")] {
        let report = assert_same(
            || returned_receiver_and_operand(way),
            || returned_receiver_and_operand_rustc(way),
        );
        assert_eq!(report.outcome, outcome);
    }
    let report = assert_same(
        broken_with_a_borrowed_receiver,
        broken_with_a_borrowed_receiver_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)"); // add(2) + 2 rounds
}

fn probes(label: &'static str) -> LeafFuture<Vec<Probe>> {
    Leaf::new(label).pending(1).ready(vec![Probe::new(label)])
}

/// A value awaited inside a later await's operand and borrowed there by
/// `len` is a temporary of the statement: rustc keeps it across the later
/// await (the machine dropped it before suspending there).
#[desugar]
async fn awaited_value_borrowed_in_a_later_operand() -> u32 {
    let n = number(probes("a").await.len() as u32).await;
    n
}

#[test]
fn an_awaited_value_borrowed_in_a_later_operand_lives_across_its_await() {
    let report = assert_same(
        awaited_value_borrowed_in_a_later_operand,
        awaited_value_borrowed_in_a_later_operand_rustc,
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// Inside `vec![..]` the values are held as outside it: both receivers
/// are borrowed by `add`, temporaries rustc drops newest first. (Were the
/// older one's method to take `self`, the machine would not build, E0382,
/// as outside a macro.)
#[desugar]
async fn receivers_in_a_vec() -> usize {
    let v = vec![
        counter("a")
            .await
            .add(counter("b").await.add(number(1).await)),
        0,
    ];
    v.len()
}

#[test]
fn receivers_in_a_vec_are_held_as_outside_it() {
    let report = assert_same(receivers_in_a_vec, receivers_in_a_vec_rustc);
    assert_eq!(report.outcome, "Ready(2)");
}

fn maybe_counter(label: &'static str) -> LeafFuture<Option<Counter>> {
    Leaf::new(label).pending(1).ready(Some(Counter::new(label)))
}

/// Dropped while suspended inside a `format!` in the arguments of a call
/// that consumes an awaited value (`map_or` takes `self`): the `format!`'s
/// temporaries are in a scope inside the call, which rustc drops first,
/// then the call's operand (the operand dropped first before: seed 709,
/// case 1442).
#[desugar]
async fn scope_inside_a_pending_call() -> u32 {
    let n = maybe_counter("a").await.map_or(
        format!("{}", number(vec![Probe::new("t")].len() as u32).await).len() as u32,
        |c| c.add(1),
    );
    n
}

#[test]
fn a_scope_inside_a_pending_call_drops_before_its_operand() {
    let report = assert_same(
        scope_inside_a_pending_call,
        scope_inside_a_pending_call_rustc,
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// And a call inside such a scope: its operand is the innermost, dropped
/// before the scope's temporaries (`v`); at the end of the scope, its
/// temporaries made for two awaits drop newest first (`t`, then `v`; `v`
/// dropped first before).
#[desugar]
async fn pending_call_inside_a_scope() -> usize {
    let s = format!(
        "{}{}",
        vec![Probe::new("v")].len(),
        maybe_counter("a")
            .await
            .map_or(touch_later(&Probe::new("t"), number(2)).await, |c| c.add(1)),
    );
    s.len()
}

#[test]
fn a_call_inside_a_scope_drops_its_operand_first_and_the_scope_newest_first() {
    let report = assert_same(
        pending_call_inside_a_scope,
        pending_call_inside_a_scope_rustc,
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// The awaited receiver of a method syntax does not know (`add` borrows),
/// in a scrutinee whose arms await, before a temporary an argument's await
/// borrows: both are the scrutinee's temporaries, kept through the arms,
/// and rustc drops the newer (`t`) first (seed 772, case 119). Known to
/// move it (`into_sum`), the receiver is an operand of the pending call,
/// dropped first.
#[desugar]
async fn scrutinee_receiver_then_temporary(borrowing: bool) -> u32 {
    if borrowing {
        match counter("a")
            .await
            .add(touch_later(&Probe::new("t"), number(1)).await)
        {
            2 => number(3).await,
            _ => 0,
        }
    } else {
        match counter("b")
            .await
            .into_sum(touch_later(&Probe::new("u"), number(1)).await)
        {
            2 => number(3).await,
            _ => 0,
        }
    }
}

#[test]
fn a_scrutinee_s_borrowed_receiver_drops_after_a_newer_temporary() {
    common::assert_send(&scrutinee_receiver_then_temporary(true));
    for borrowing in [true, false] {
        let _ = assert_same(
            || scrutinee_receiver_then_temporary(borrowing),
            || scrutinee_receiver_then_temporary_rustc(borrowing),
        );
    }
}

/// A counter whose label is read, after one `Pending`.
fn look(counter: &Counter, n: u32) -> LeafFuture<u32> {
    Leaf::new("look").pending(1).ready(counter.add(n))
}

fn label_len(counter: &Counter) -> u32 {
    counter.0.label().len() as u32
}

#[derive(Debug)]
struct Named {
    name: String,
    _probe: Probe,
}

fn named() -> LeafFuture<Named> {
    Leaf::new("named").pending(1).ready(Named {
        name: "named".to_owned(),
        _probe: Probe::new("named"),
    })
}

/// A value awaited and then borrowed by a later awaited call's operand,
/// by `&`, by a plain fn, through a field or a deref: rustc keeps it, a
/// temporary of the statement, across the later await.
// `&*` on the box is the shape under test.
#[allow(clippy::explicit_auto_deref)]
#[desugar]
async fn awaited_values_borrowed_by_a_later_await() -> u32 {
    let a = look(&counter("a").await, 1).await;
    let b = number(label_len(&counter("b").await)).await;
    let c = number(named().await.name.len() as u32).await;
    let d = look(&*Box::new(counter("d").await), 2).await;
    a + b + c + d
}

#[test]
fn an_awaited_value_borrowed_by_a_later_await_is_kept_across_it() {
    let report = assert_same(
        awaited_values_borrowed_by_a_later_await,
        awaited_values_borrowed_by_a_later_await_rustc,
    );
    assert_eq!(report.outcome, "Ready(11)");
}

fn keep(probe: Probe, n: usize) -> usize {
    probe.touch();
    n
}

fn row(label: &'static str) -> LeafFuture<Probe> {
    Leaf::new(label).pending(1).ready(Probe::new(label))
}

/// A macro that awaits, inside a larger expression: what it has made
/// before the await is deeper than the operands made before it, and
/// drops first when the machine is dropped there. `vec!` takes its
/// arguments by value (operands of the array it builds); `format!` borrows
/// them, temporaries of its own scope; `write!` borrows them too, but its
/// temporaries are the statement's, which drop after every operand.
#[desugar]
async fn macros_that_await_inside_expressions() -> usize {
    let rows = (
        Probe::new("owner"),
        vec![Probe::new("row0"), row("row1").await],
    );
    let text = (
        Probe::new("title"),
        format!("{:?}{:?}", Probe::new("body"), row("row2").await),
    );
    let mut log = String::new();
    let logged = keep(
        Probe::new("logged"),
        write!(log, "{:?} {:?}", Probe::new("entry"), row("row3").await).map_or(0, |()| 1),
    );
    rows.1.len() + text.1.len() + logged + log.len()
}

#[test]
fn what_a_macro_made_before_its_await_drops_before_older_operands() {
    let report = assert_same(
        macros_that_await_inside_expressions,
        macros_that_await_inside_expressions_rustc,
    );
    assert!(report.runs > 1, "cancelled at each await");
}
