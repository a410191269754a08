//! Parts of a statement that run before its await: `x * 2` in
//! `x * 2 + f().await`, `Counter::new("a")` in `take(Counter::new("a"),
//! f().await)`. rustc evaluates them first; the machine binds them ahead of
//! the await, in the same order, and keeps the temporaries they make to
//! the end of the statement as rustc does. `assert_same` drops every case
//! at each suspension and compares the drop order with the twin's.

// The statements under test are `let`s: returned directly, their values
// would be a block's tail, which drops them in another order.
#![allow(clippy::let_and_return)]

mod common;

use common::{Counter, Resource, assert_send, counter, number, take};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};
use std::ops::AddAssign;

fn label(probe: &Probe) -> LeafFuture<u32> {
    Leaf::new("label")
        .pending(1)
        .ready(probe.label().len() as u32)
}

fn take_two(a: Counter, n: u32, b: Counter, m: u32) -> u32 {
    a.add(n) + b.finish(m)
}

fn parse(text: &str) -> Result<u32, String> {
    text.parse().map_err(|_| format!("not a number: {text}"))
}

#[desugar]
async fn arithmetic_first(x: u32) -> u32 {
    let n = x * 2 + 1 + number(3).await;
    n
}

#[test]
fn arithmetic_before_an_await_runs_first() {
    let report = assert_same(|| arithmetic_first(4), || arithmetic_first_rustc(4));
    assert_eq!(report.outcome, "Ready(12)");
}

/// `Counter::new("early")` is made before the leaf is first polled, and
/// dropped with the future if it is dropped while suspended.
/// An inline `const` block before an await: evaluated at compile time, it
/// makes no temporary (it was taken for a part that may, and rejected).
#[desugar]
async fn const_block_first(x: u32) -> u32 {
    let n = const { 2u32 * 3 } + x + number(1).await;
    n
}

#[test]
fn a_const_block_before_an_await() {
    let report = assert_same(|| const_block_first(1), || const_block_first_rustc(1));
    assert_eq!(report.outcome, "Ready(8)");
}

#[desugar]
async fn operand_first() -> u32 {
    let n = take(Counter::new("early"), number(1).await);
    n
}

#[test]
fn an_operand_before_an_await_is_made_first() {
    let report = assert_same(operand_first, operand_first_rustc);
    assert_eq!(report.outcome, "Ready(3)");
}

/// The guard `len` reads is a temporary of the statement: rustc holds it
/// across the await.
#[desugar]
async fn guard_held_across(resource: &Resource) -> u32 {
    let n = resource.lock().len() + number(1).await;
    n
}

#[test]
fn a_guard_read_before_an_await_is_held_across_it() {
    let report = assert_same(
        || guard_held_across(&Resource),
        || guard_held_across_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// A block before the await ends what it makes: its local guard, and (Rust
/// 2024) the guard its tail reads. Both are released before the await, as
/// in rustc: the way to keep a lock out of a suspension.
#[desugar]
async fn guard_released_by_a_block(resource: &Resource) -> u32 {
    let n = {
        let guard = resource.lock();
        guard.len()
    } + { resource.lock().len() }
        + number(1).await;
    n
}

#[test]
fn a_block_before_an_await_releases_its_guards_first() {
    let report = assert_same(
        || guard_released_by_a_block(&Resource),
        || guard_released_by_a_block_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(7)");
    assert_send(&guard_released_by_a_block(&Resource));
}

/// `count` on an iterator made before the await: a name the compiler is
/// asked about (a type of the user's may borrow with it), whose answer
/// here is that the iterator is moved, with nothing to drop.
#[desugar]
async fn counted_before_an_await(values: Vec<u32>) -> u32 {
    let n = values.iter().filter(|v| **v > 1).count() as u32 + number(1).await;
    n
}

#[test]
fn an_iterator_counted_before_an_await_builds() {
    let report = assert_same(
        || counted_before_an_await(vec![1, 2, 3]),
        || counted_before_an_await_rustc(vec![1, 2, 3]),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// `take` on an iterator made before the await is `Iterator::take`, which
/// moves it (dogK1, finding 6): known so only of a visible iterator, as
/// another type's `take` may borrow (`Option::take(&mut self)`). The
/// closure the second iterator owns, and the probe moved into it, drop
/// with it inside `sum`, before the await, in both.
#[desugar]
async fn taken_before_an_await(values: Vec<u32>, n: usize) -> u32 {
    let probe = Probe::new("moved into the closure");
    let doubled = move |v: &u32| {
        probe.touch();
        v * 2
    };
    let total = values.iter().take(n).sum::<u32>()
        + values.iter().map(doubled).take(n).sum::<u32>()
        + number(1).await;
    total
}

#[test]
fn an_iterator_taken_from_before_an_await_builds() {
    let report = assert_same(
        || taken_before_an_await(vec![1, 2, 3], 2),
        || taken_before_an_await_rustc(vec![1, 2, 3], 2),
    );
    assert_eq!(report.outcome, "Ready(10)");
}

/// The receiver of a method that borrows it is a temporary of the
/// statement; one moved by its method is gone with the call.
#[desugar]
async fn receivers_first() -> u32 {
    let a = Counter::new("borrowed").add(number(1).await);
    let b = Counter::new("moved").finish(number(2).await);
    a + b
}

#[test]
fn a_receiver_made_before_an_await_is_kept_or_moved() {
    let report = assert_same(receivers_first, receivers_first_rustc);
    assert_eq!(report.outcome, "Ready(6)");
}

/// Two awaits, each after an operand made before it.
#[desugar]
async fn operands_between_awaits() -> u32 {
    let n = take_two(
        Counter::new("a"),
        number(1).await,
        Counter::new("b"),
        number(2).await,
    );
    n
}

#[test]
fn operands_between_awaits_run_in_order() {
    let report = assert_same(operands_between_awaits, operands_between_awaits_rustc);
    assert_eq!(report.outcome, "Ready(6)");
}

/// The awaited call's own temporary is made after the earlier operand and
/// dropped before it... when the statement ends, after `take` has moved it.
#[desugar]
async fn operand_then_borrowed_temporary() -> u32 {
    let n = take(Counter::new("operand"), label(&Probe::new("temp")).await);
    n
}

#[test]
fn an_operand_runs_before_the_awaited_calls_temporary() {
    let report = assert_same(
        operand_then_borrowed_temporary,
        operand_then_borrowed_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(6)");
}

/// A block or a `match` arm among a pending call's arguments is a scope
/// inside the statement: dropped while an await there is pending, the
/// machine drops the scope's temporary before the awaited operand the call
/// will take, as rustc does (desugar-fuzz/FINDINGS.md, entry 81).
#[desugar]
async fn scopes_in_arguments_after_an_operand(x: u32) -> u32 {
    let a = take(counter("block").await, {
        let y = x;
        y ^ label(&Probe::new("in block")).await
    });
    let b = take(
        counter("arm").await,
        match x {
            0 => x,
            n => n ^ label(&Probe::new("in arm")).await,
        },
    );
    a + b
}

#[test]
fn a_scope_in_the_arguments_drops_before_an_earlier_operand() {
    for x in [0, 1] {
        let report = assert_same(
            || scopes_in_arguments_after_an_operand(x),
            || scopes_in_arguments_after_an_operand_rustc(x),
        );
        let arm = if x == 0 { 0 } else { x ^ 6 };
        assert_eq!(report.outcome, format!("Ready({})", (x ^ 8) + 2 + arm + 2));
    }
}

/// `?` before an await returns before the awaited expression runs.
#[desugar]
async fn try_first(text: &str) -> Result<u32, String> {
    let n = parse(text)? + number(1).await;
    Ok(n)
}

#[test]
fn a_question_mark_before_an_await_returns_first() {
    let report = assert_same(|| try_first("41"), || try_first_rustc("41"));
    assert_eq!(report.outcome, "Ready(Ok(42))");
    let report = assert_same(|| try_first("x"), || try_first_rustc("x"));
    assert_eq!(report.outcome, r#"Ready(Err("not a number: x"))"#);
}

/// A view of a local, made before the await and used after it: the local
/// stays put meanwhile.
#[desugar]
async fn view_across(words: Vec<String>) -> usize {
    let n = pick(words.as_slice(), number(1).await as usize);
    n
}

fn pick(words: &[String], index: usize) -> usize {
    words[index].len()
}

#[test]
fn a_view_made_before_an_await_is_used_after_it() {
    let words = || vec!["a".to_owned(), "bcd".to_owned()];
    let report = assert_same(|| view_across(words()), || view_across_rustc(words()));
    assert_eq!(report.outcome, "Ready(3)");
}

/// In macro arguments, an `if` condition, a tail and a `return`.
#[desugar]
async fn in_other_places(probe: Probe) -> usize {
    let text = format!("{}-{}", probe.label().len(), number(2).await);
    if take(Counter::new("condition"), 0) < number(5).await {
        return take(Counter::new("returned"), number(3).await) as usize;
    }
    text.len() + number(4).await as usize
}

#[test]
fn parts_before_awaits_run_first_everywhere() {
    let report = assert_same(
        || in_other_places(Probe::new("p")),
        || in_other_places_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(5)");
}

/// Elements of a `vec!` and fields of a struct literal made before an
/// awaited one.
#[desugar]
async fn aggregates() -> u32 {
    let counters = vec![Counter::new("first"), counter("second").await];
    let pair = Pair {
        left: Counter::new("left"),
        right: number(7).await,
    };
    counters.len() as u32 + pair.left.add(pair.right)
}

struct Pair {
    left: Counter,
    right: u32,
}

#[test]
fn aggregate_parts_before_an_await_run_first() {
    let report = assert_same(aggregates, aggregates_rustc);
    assert_eq!(report.outcome, "Ready(10)");
}

fn probes(label: &'static str) -> LeafFuture<Vec<Probe>> {
    Leaf::new(label).pending(1).ready(vec![Probe::new(label)])
}

/// A value awaited first and borrowed by `len` is a temporary of the
/// statement: rustc drops it once the statement ends, after the second
/// await; inside `format!` it drops where the macro call ends.
#[desugar]
async fn awaited_value_borrowed_first() -> usize {
    let a = probes("a").await.len() + number(1).await as usize;
    let b = vec![probes("b").await.len(), number(2).await as usize];
    let c = format!("{}{}", probes("c").await.len(), number(3).await);
    a + b.len() + c.len()
}

#[test]
fn an_awaited_value_borrowed_before_a_later_await_lives_to_the_statements_end() {
    let report = assert_same(
        awaited_value_borrowed_first,
        awaited_value_borrowed_first_rustc,
    );
    assert_eq!(report.outcome, "Ready(6)");
}

/// In a `match` scrutinee whose arms await, a part made before the
/// scrutinee's await lives like the scrutinee's other temporaries: moved
/// into `take`, or borrowed by `add` and kept to the end of the `match`.
#[desugar]
async fn in_scrutinees() -> u32 {
    let a = match take(Counter::new("moved"), number(1).await) {
        3 => number(5).await,
        n => n,
    };
    let b = match Counter::new("borrowed").add(number(2).await) {
        3 => number(6).await,
        n => n,
    };
    a + b
}

#[test]
fn parts_before_an_await_in_a_scrutinee_live_as_rustc_keeps_them() {
    let report = assert_same(in_scrutinees, in_scrutinees_rustc);
    assert_eq!(report.outcome, "Ready(11)");
}

/// In a loop's condition, each time it is tested.
#[desugar]
async fn in_a_loop_condition(limit: u32) -> u32 {
    let mut n = 0;
    while n * 2 + take(Counter::new("test"), 0) < number(limit).await {
        n += 1;
    }
    n
}

#[test]
fn parts_before_an_await_in_a_loop_condition_run_each_time() {
    let report = assert_same(|| in_a_loop_condition(7), || in_a_loop_condition_rustc(7));
    assert_eq!(report.outcome, "Ready(3)");
}

fn index(i: usize) -> usize {
    i
}

/// A place whose index runs code stays the place: only the index is bound
/// ahead, so the method changes the element itself, not a copy of it.
#[desugar]
async fn places_with_indexes_that_run() -> u32 {
    let mut nums = [1u32, 2, 3];
    nums[index(1)].add_assign(number(10).await);
    let mut lists = vec![vec![1u32], vec![2]];
    lists[index(0)].push(number(5).await);
    nums[1] + lists[0].len() as u32
}

#[test]
fn a_place_whose_index_runs_code_stays_the_place() {
    let report = assert_same(
        places_with_indexes_that_run,
        places_with_indexes_that_run_rustc,
    );
    assert_eq!(report.outcome, "Ready(14)");
}

struct Lengths {
    awaited: u32,
    label: u32,
}

fn total(lengths: Lengths) -> u32 {
    lengths.awaited + lengths.label
}

async fn touch_later(p: &Probe, l: LeafFuture<u32>) -> u32 {
    let v = l.await;
    p.touch();
    v
}

async fn touch_after(first: Probe, then: &Probe, l: LeafFuture<u32>) -> u32 {
    let v = l.await;
    first.touch();
    then.touch();
    v
}

/// A part whose temporary is made in place inside a struct literal (after
/// a field that awaits), in an `if` condition before an await whose call
/// makes a temporary in place too: the part's temporary, assigned there,
/// is kept across the later await (seed 708, case 3985: E0283 before).
#[desugar]
async fn temporary_in_a_struct_literal(p: Probe) -> u32 {
    let r = &p;
    let mut n = 0;
    if (total(Lengths {
        awaited: touch_later(&p, number(6)).await,
        label: r.label().len() as u32,
    }) | 1)
        == touch_after(Probe::new("a"), &Probe::new("b"), number(7)).await
    {
        n += 1;
    }
    n
}

#[test]
fn a_temporary_made_in_a_struct_literal_is_kept() {
    let report = assert_same(
        || temporary_in_a_struct_literal(Probe::new("p")),
        || temporary_in_a_struct_literal_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// A part before an await reads a view of a local's field (`pair.1.label()`,
/// a `&str`, kept as a temporary of the statement): rustc keeps nothing for
/// it across the await, having nothing to drop, and neither does the
/// machine, which moves `pair` into its state there (E0505 before: the view
/// still borrowed `pair`).
#[desugar]
async fn view_of_a_field(x: u32) -> u32 {
    let pair = (x, Probe::new("pair"));
    let n = (pair.0 & pair.1.label().len() as u32) % (number(6).await | 1);
    drop(pair);
    n
}

#[test]
fn a_view_read_before_an_await_is_not_kept_across_it() {
    let report = assert_same(|| view_of_a_field(7), || view_of_a_field_rustc(7));
    assert_eq!(report.outcome, "Ready(4)");
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the view: {report}"
    );
}

struct Named {
    n: u32,
    probe: Probe,
}

impl Named {
    /// The same through `self` (seed 708, case 5083).
    #[desugar]
    async fn view_of_self(self) -> u32 {
        let n = (self.n & self.probe.label().len() as u32) % (number(6).await | 1);
        n
    }
}

#[test]
fn a_view_of_self_read_before_an_await_is_not_kept_across_it() {
    let named = || Named {
        n: 7,
        probe: Probe::new("self"),
    };
    let report = assert_same(|| named().view_of_self(), || named().view_of_self_rustc());
    assert_eq!(report.outcome, "Ready(4)");
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the view: {report}"
    );
}

/// The same in an operand of `||`, a scope of its own: the view's
/// temporary ends there, before the right operand runs (seed 708, case
/// 584: E0716 and E0505 before).
#[desugar]
async fn view_in_an_operand_of_or(p: Probe) -> bool {
    let b = (number(0).await | p.label().len() as u32) > number(1).await || number(2).await > 5;
    drop(p);
    b
}

#[test]
fn a_view_read_before_an_await_in_an_operand_of_or_is_not_kept() {
    let report = assert_same(
        || view_in_an_operand_of_or(Probe::new("p")),
        || view_in_an_operand_of_or_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(false)");
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the view: {report}"
    );
}

fn count(probes: &[Probe]) -> u32 {
    probes.len() as u32
}

fn probe_of(n: u32) -> Probe {
    Probe::new(if n == 1 { "one" } else { "other" })
}

/// A temporary a part before an await borrows, in the left operand of
/// `||`: kept across the await there, and dropped where that operand ends,
/// before the right operand's await. rustc keeps it in the first await's
/// state only; so does the machine (it was kept in place across both, in
/// the homes area beside the state, and the machine was larger).
#[desugar]
#[allow(clippy::useless_vec)] // the vector is the temporary under test
async fn temporary_in_an_operand_of_or() -> bool {
    let b = count(&vec![Probe::new("v"), probe_of(number(1).await)]) >= number(3).await
        || number(4).await > 1;
    b
}

#[test]
fn a_temporary_dropped_where_an_operand_ends_is_not_kept_after() {
    let report = assert_same(
        temporary_in_an_operand_of_or,
        temporary_in_an_operand_of_or_rustc,
    );
    assert_eq!(report.outcome, "Ready(true)");
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the temporary after its operand: {report}"
    );
}

/// A guard read inside `vec!` arguments before an await: rustc keeps it to
/// the end of the statement, as in an array (`vec!` is a call of `[..]`).
/// Rejected as a part that may make a temporary `#[desugar]` cannot name
/// (entry 66's rule) while the naming did not enter `vec!`.
#[desugar]
#[allow(clippy::useless_vec)] // the vector is the temporary under test
async fn guard_read_inside_vec(resource: &Resource) -> u32 {
    let n = count(&vec![Probe::new("v")])
        + vec![resource.lock().len(), 2].len() as u32
        + number(1).await;
    n
}

#[test]
fn a_guard_read_inside_vec_before_an_await_is_held_across_it() {
    let report = assert_same(
        || guard_read_inside_vec(&Resource),
        || guard_read_inside_vec_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// A `match` on a place or an `if` before an await: their arms, bodies
/// and conditions are temporary scopes of their own, so what they make
/// drops before the await (seed 714, case 1180, was rejected).
#[desugar]
async fn branches_first(x: u32, p: Probe) -> u32 {
    let n = (if Probe::new("cond").label().len() > x as usize {
        Probe::new("then").label().len() as u32
    } else {
        0
    }) + number(1).await;
    let m = match x {
        0 => Probe::new("arm").label().len() as u32,
        k if Probe::new("guard").label().len() as u32 > k => k,
        k => k ^ 9,
    } * label(&p).await;
    let k = match 6u32 {
        0 => 9u32,
        j => j ^ x,
    } + number(2).await;
    n + m + k
}

#[test]
fn a_match_or_if_before_an_await_drops_what_it_makes_first() {
    for x in [0, 3, 7] {
        let report = assert_same(
            || branches_first(x, Probe::new("p")),
            || branches_first_rustc(x, Probe::new("p")),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
}

/// A `format!` whose arguments await and make a temporary (dropped where
/// the macro ends), read before a later await of the statement (seed 714,
/// case 1180, was rejected).
#[desugar]
async fn format_before_an_await(p: Probe) -> u32 {
    let n = (format!("{}-{}", p.label().len(), label(&Probe::new("t")).await).len() as u32)
        .max(number(3).await);
    p.touch();
    n
}

#[test]
fn a_format_that_awaits_runs_before_a_later_await() {
    let report = assert_same(
        || format_before_an_await(Probe::new("p")),
        || format_before_an_await_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// A scrutinee's awaited value moved into a call, then a later await that
/// borrows a temporary, with arms that await: dropped while the later
/// await is pending, rustc drops the moved value (an operand of the
/// pending call) before the temporary, which lives to the end of the
/// `match` (seed 901, case 135).
#[desugar]
async fn operand_before_a_later_temporary() -> u32 {
    match take(counter("c").await, label(&Probe::new("t")).await) {
        0 => 1,
        n => number(n).await,
    }
}

#[test]
fn a_moved_scrutinee_operand_drops_before_the_scrutinee_temporaries() {
    let report = assert_same(
        operand_before_a_later_temporary,
        operand_before_a_later_temporary_rustc,
    );
    assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
}

/// A scrutinee's awaited value whose method borrows it, then a later
/// await whose value the scrutinee borrows, with arms that await: both are
/// temporaries of the `match` once its scrutinee is computed, and a future
/// dropped in an arm drops the later one first. Named to run first, the
/// receiver was still listed as an operand of a pending call there, and
/// dropped first (seed 746, case 375).
#[desugar]
async fn borrowed_receiver_beside_a_later_temporary() -> u32 {
    match counter("c").await.add(
        Leaf::new("v")
            .pending(0)
            .ready(vec![Probe::new("t")])
            .await
            .len() as u32,
    ) {
        0 => 1,
        n => number(n).await,
    }
}

#[test]
fn a_borrowed_scrutinee_receiver_drops_in_declaration_order_in_the_arms() {
    let report = assert_same(
        borrowed_receiver_beside_a_later_temporary,
        borrowed_receiver_beside_a_later_temporary_rustc,
    );
    assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
}

/// A part left in place (`x`, `self.n`) beside an awaited expression that
/// reads the same local by value: nothing that now runs first can change
/// it, so the statement builds (seed 716, case 1888, was rejected as "read
/// before this `.await` and used by the awaited expression"); one that
/// borrows it mutably stays an error (`tests/ui/await_reads_changed_local.rs`).
#[desugar]
async fn read_on_both_sides(x: u32) -> u32 {
    let n = x + if number(1).await > 0 {
        number(x).await
    } else {
        x
    };
    let m = x.max(number(x + 1).await);
    n + m
}

#[test]
fn a_local_read_on_both_sides_of_an_await() {
    for x in [0, 4] {
        let report = assert_same(|| read_on_both_sides(x), || read_on_both_sides_rustc(x));
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
}

/// A local given by value to a call, a tuple or a struct before an await in
/// a later part: rustc moves it into the pending operand first, which a
/// dropped future drops before the locals declared after it (and a value the
/// awaited expression then changes is read as it was).
mod locals_moved_before_a_later_await {
    use super::*;

    fn two(a: Probe, b: u32) -> u32 {
        a.touch();
        b
    }

    struct Pair {
        probe: Probe,
        n: u32,
    }

    async fn bump(m: &mut u32, by: LeafFuture<u32>) -> u32 {
        *m += by.await;
        *m
    }

    #[desugar]
    async fn moved_into_operands(flag: bool) -> u32 {
        let c = Probe::new("c");
        let d = Probe::new("d");
        let mut x = 1;
        let n = two(c, Leaf::new("call").pending(1).ready(2u32).await);
        let t = (d, Leaf::new("tuple").pending(1).ready(3u32).await);
        let e = Probe::new("e");
        let _later = Probe::new("later");
        let p = Pair {
            probe: e,
            n: Leaf::new("struct").pending(1).ready(4u32).await,
        };
        let read = x + bump(&mut x, Leaf::new("bump").pending(1).ready(10)).await;
        if flag {
            Leaf::new("panics").pending(1).panics::<()>("boom").await;
        }
        t.0.touch();
        p.probe.touch();
        n + t.1 + p.n + read
    }

    #[test]
    fn drop_with_the_pending_operands() {
        common::assert_send(&moved_into_operands(true));
        for flag in [false, true] {
            let report = assert_same(
                move || moved_into_operands(flag),
                move || moved_into_operands_rustc(flag),
            );
            if !flag {
                assert_eq!(report.outcome, "Ready(21)");
            }
        }
    }
}

/// An element read before an await in its statement (`(ids[pos],
/// fetch().await)`) stays in place, read after the await, but is indexed
/// ahead of it too: out of bounds, rustc panics before it makes the awaited
/// future, and so does the machine, never after that future has run.
mod indexes {
    use super::*;
    use std::collections::HashMap;

    #[desugar]
    async fn element_beside_an_await(ids: Vec<u32>, pos: usize) -> (u32, u32) {
        (ids[pos], number(1).await)
    }

    fn measure(host: &str, n: u32) -> u32 {
        host.len() as u32 + n
    }

    #[desugar]
    async fn entry_borrowed_beside_an_await(cfg: HashMap<String, String>) -> u32 {
        let held = Probe::new("held");
        let n = measure(&cfg["host"], number(2).await);
        held.touch();
        n
    }

    #[desugar]
    async fn nested_elements_beside_an_await(grid: Vec<Vec<(u32, u32)>>, at: usize) -> u32 {
        let total = grid[0][at].1 * number(3).await;
        total
    }

    fn pick(at: usize) -> usize {
        at * 2
    }

    /// An index computed in the statement (`pos + 1`, `pick(pos)`) is
    /// computed ahead of the await, and checked there too.
    #[desugar]
    async fn computed_element_beside_an_await(ids: Vec<u32>, pos: usize) -> (u32, u32) {
        (ids[pos + 1], number(1).await)
    }

    #[desugar]
    async fn called_index_beside_an_await(grid: Vec<Vec<u32>>, pos: usize) -> u32 {
        let held = Probe::new("held");
        let n = grid[pick(pos)][pos].max(1) + grid[pick(pos)][pos] * number(2).await;
        held.touch();
        n
    }

    /// A range bound ahead (not `Copy`) is indexed with twice: ahead, to
    /// check it, and after the await.
    #[desugar]
    async fn range_beside_an_await(ids: Vec<u32>, lo: usize) -> (u32, u32) {
        (ids[lo..lo + 1][0], number(3).await)
    }

    #[test]
    fn a_computed_index_out_of_bounds_panics_before_the_await() {
        for pos in [0, 1] {
            let report = assert_same(
                || computed_element_beside_an_await(vec![7, 8], pos),
                || computed_element_beside_an_await_rustc(vec![7, 8], pos),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), pos == 1);
            let report = assert_same(
                || called_index_beside_an_await(vec![vec![1, 2]], pos),
                || called_index_beside_an_await_rustc(vec![vec![1, 2]], pos),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), pos == 1);
            let report = assert_same(
                || range_beside_an_await(vec![7], pos),
                || range_beside_an_await_rustc(vec![7], pos),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), pos == 1);
        }
    }

    #[test]
    fn an_index_out_of_bounds_panics_before_the_await() {
        for pos in [0, 1] {
            let report = assert_same(
                || element_beside_an_await(vec![7], pos),
                || element_beside_an_await_rustc(vec![7], pos),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), pos == 1);
            let report = assert_same(
                || nested_elements_beside_an_await(vec![vec![(1, 2)]], pos),
                || nested_elements_beside_an_await_rustc(vec![vec![(1, 2)]], pos),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), pos == 1);
        }
        for cfg in [
            HashMap::new(),
            HashMap::from([("host".to_owned(), "h".to_owned())]),
        ] {
            let report = assert_same(
                || entry_borrowed_beside_an_await(cfg.clone()),
                || entry_borrowed_beside_an_await_rustc(cfg.clone()),
            );
            assert_eq!(report.trace.leaf_polls().is_empty(), cfg.is_empty());
        }
    }
}

/// A place read before an await whose operand only borrows its local
/// (`add(req.id, call(&req).await)`): nothing can change it meanwhile, so
/// it is read after the await, as it was rejected before (a shared borrow
/// taken for a change).
mod shared_borrows {
    use super::*;

    struct Request {
        id: u32,
        path: String,
        _probe: Probe,
    }

    fn call(request: &Request) -> LeafFuture<u32> {
        Leaf::new("call")
            .pending(1)
            .ready(request.path.len() as u32)
    }

    fn add(a: u32, b: u32) -> u32 {
        a + b
    }

    #[desugar]
    async fn handler(request: Request) -> String {
        let sum = add(request.id, call(&request).await);
        let line = format!("{}:{}", request.id, call(&request).await);
        let parts = (request.id, &request.path, call(&request).await);
        format!("{sum} {line} {} {} {}", parts.0, parts.1, parts.2)
    }

    /// A method the standard library defines on `&self`, before the
    /// await, beside a receiver left in place (`v.push(v.len() + ..)`).
    #[desugar]
    async fn pushes_its_length(mut rows: Vec<u32>) -> Vec<u32> {
        rows.push(rows.len() as u32 + call(&Request::empty()).await);
        rows
    }

    impl Request {
        fn empty() -> Request {
            Request {
                id: 0,
                path: String::new(),
                _probe: Probe::new("empty"),
            }
        }
    }

    #[test]
    fn a_read_by_a_standard_method_changes_nothing() {
        let report = assert_same(
            || pushes_its_length(vec![4]),
            || pushes_its_length_rustc(vec![4]),
        );
        assert_eq!(report.outcome, "Ready([4, 1])");
    }

    #[test]
    fn a_place_beside_a_shared_borrow_reads_the_same_after_the_await() {
        let request = || Request {
            id: 3,
            path: "/x".to_owned(),
            _probe: Probe::new("request"),
        };
        let report = assert_same(|| handler(request()), || handler_rustc(request()));
        assert_eq!(report.outcome, "Ready(\"5 3:2 3 /x 2\")");
    }
}

/// A local moved by a block before an await in its statement (`take({
/// conn }, ack().await)`): moved there, as rustc moves it into the call's
/// operand, so that a machine dropped at the await drops it as an operand,
/// before the locals declared after it.
mod moved_by_a_block {
    use super::*;

    fn hand(conn: Probe, n: u32) -> u32 {
        conn.touch();
        n
    }

    #[desugar]
    #[allow(unused_braces)] // the block is the shape under test
    async fn hands_off() -> u32 {
        let conn = Probe::new("conn");
        let log = Probe::new("log");
        let r = hand({ conn }, number(2).await);
        log.touch();
        r
    }

    #[test]
    fn a_local_a_block_moves_drops_as_an_operand() {
        let report = assert_same(hands_off, hands_off_rustc);
        assert_eq!(report.outcome, "Ready(2)");
    }
}

/// A place read as a value before an await in its statement, through a
/// local the awaited call is given by name (a `&mut` it reborrows, or a
/// value it moves) or one what runs first changes: rustc reads its value
/// before the call, and so does the machine, never the value the call
/// left there.
mod read_before_a_change {
    use super::*;

    async fn add_to(total: &mut u32, n: u32) -> u32 {
        *total += n;
        Leaf::new("add_to").pending(1).ready(n).await
    }

    async fn refill(v: &mut [u32]) -> u32 {
        v[0] = 99;
        Leaf::new("refill").pending(1).ready(5).await
    }

    async fn upload(ids: Vec<u32>) -> u32 {
        Leaf::new("upload").pending(1).ready(ids.len() as u32).await
    }

    struct Stats {
        hits: u32,
    }

    async fn record(stats: &mut Stats) -> u32 {
        stats.hits += 1;
        Leaf::new("record").pending(1).ready(stats.hits).await
    }

    #[desugar]
    async fn through_a_reborrow(total: &mut u32) -> u32 {
        *total + add_to(total, 10).await
    }

    #[desugar]
    async fn element_through_a_reborrow(v: &mut [u32]) -> (u32, u32) {
        (v[0], refill(v).await)
    }

    #[desugar]
    async fn field_through_a_reborrow(stats: &mut Stats) -> (u32, u32) {
        (stats.hits, record(stats).await)
    }

    #[desugar]
    async fn element_of_a_moved_local(ids: Vec<u32>) -> (u32, u32) {
        (ids[0], upload(ids).await)
    }

    #[desugar]
    async fn changed_first(mut v: Vec<u32>, i: usize) -> (u32, u32) {
        (v[i], {
            v[i] = 50;
            number(1).await
        })
    }

    #[desugar]
    async fn changed_by_a_part_named_ahead(total: &mut u32) -> (u32, u32, u32) {
        (
            *total,
            {
                *total += 1;
                *total
            },
            number(2).await,
        )
    }

    async fn refill_job(job: (&mut Vec<u32>, u32)) -> u32 {
        job.0.clear();
        job.0
            .push(Leaf::new("refill_job").pending(1).ready(job.1).await);
        1
    }

    /// Given inside a tuple.
    #[desugar]
    async fn given_in_a_tuple(v: &mut Vec<u32>) -> (u32, u32) {
        (v[0], refill_job((v, 9)).await)
    }

    fn pick(i: usize) -> usize {
        i + 1
    }

    /// An index computed there, of a place the awaited call changes: read
    /// ahead, index and all.
    #[desugar]
    async fn computed_index_changed(mut grid: Vec<Vec<u32>>, i: usize) -> u32 {
        grid[pick(i)][i] + refill(&mut grid[1]).await
    }

    #[test]
    fn a_place_is_read_before_what_changes_it() {
        let report = assert_same(
            || async { given_in_a_tuple(&mut vec![1]).await },
            || async { given_in_a_tuple_rustc(&mut vec![1]).await },
        );
        assert_eq!(report.outcome, "Ready((1, 1))");
        let report = assert_same(
            || computed_index_changed(vec![vec![1], vec![2]], 0),
            || computed_index_changed_rustc(vec![vec![1], vec![2]], 0),
        );
        assert_eq!(report.outcome, "Ready(7)");
        let report = assert_same(
            || async {
                let mut t = 5;
                through_a_reborrow(&mut t).await
            },
            || async {
                let mut t = 5;
                through_a_reborrow_rustc(&mut t).await
            },
        );
        assert_eq!(report.outcome, "Ready(15)");
        let report = assert_same(
            || async { element_through_a_reborrow(&mut [1, 2]).await },
            || async { element_through_a_reborrow_rustc(&mut [1, 2]).await },
        );
        assert_eq!(report.outcome, "Ready((1, 5))");
        let report = assert_same(
            || async { field_through_a_reborrow(&mut Stats { hits: 3 }).await },
            || async { field_through_a_reborrow_rustc(&mut Stats { hits: 3 }).await },
        );
        assert_eq!(report.outcome, "Ready((3, 4))");
        let report = assert_same(
            || element_of_a_moved_local(vec![7, 8]),
            || element_of_a_moved_local_rustc(vec![7, 8]),
        );
        assert_eq!(report.outcome, "Ready((7, 2))");
        let report = assert_same(
            || changed_first(vec![1, 2], 1),
            || changed_first_rustc(vec![1, 2], 1),
        );
        assert_eq!(report.outcome, "Ready((2, 1))");
        let report = assert_same(
            || async { changed_by_a_part_named_ahead(&mut 1).await },
            || async { changed_by_a_part_named_ahead_rustc(&mut 1).await },
        );
        assert_eq!(report.outcome, "Ready((1, 2, 2))");
    }
}
