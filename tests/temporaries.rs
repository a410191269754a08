//! Temporaries that the awaited future borrows live until the end of the
//! statement in rustc, across the suspension; the desugared machine keeps
//! them in place just as long.

mod common;

use common::Resource;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn measure(text: &str) -> LeafFuture<usize> {
    Leaf::new("measure").pending(1).ready(text.len())
}

fn label(probe: &Probe) -> LeafFuture<usize> {
    Leaf::new("label").pending(2).ready(probe.label().len())
}

#[desugar]
async fn borrows_a_formatted_string(base: &str) -> usize {
    let before = Probe::new("before");
    let length = measure(&format!("{base}/path")).await;
    before.touch();
    length
}

#[test]
fn a_borrowed_temporary_lives_across_the_await() {
    let report = assert_same(
        || borrows_a_formatted_string("root"),
        || borrows_a_formatted_string_rustc("root"),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

#[desugar]
async fn borrows_a_probe_temporary() -> usize {
    let first = label(&Probe::new("temporary")).await;
    let second = Leaf::new("after").pending(1).ready(1).await;
    first + second
}

#[test]
fn the_temporary_drops_where_the_statement_ends() {
    let report = assert_same(borrows_a_probe_temporary, borrows_a_probe_temporary_rustc);
    assert_eq!(report.outcome, "Ready(10)");
}

struct Guarded {
    value: u32,
    _guard: Probe,
}

fn lock(value: u32) -> Guarded {
    Guarded {
        value,
        _guard: Probe::new("guard"),
    }
}

fn peek(probe: &Probe, n: u32) -> Option<u32> {
    (n < 2).then(|| probe.label().len() as u32 + n)
}

#[desugar]
async fn match_on_a_field_of_a_temporary(v: u32) -> u32 {
    let before = Probe::new("before");
    let out = match lock(v).value {
        0 => Leaf::new("zero").pending(1).ready(10).await,
        n => n,
    };
    before.touch();
    out
}

#[desugar]
async fn match_borrowing_a_temporary() -> u32 {
    match peek(&Probe::new("scrutinee"), 0) {
        Some(n) => Leaf::new("some").pending(2).ready(n).await,
        None => 0,
    }
}

#[desugar]
async fn while_let_borrowing_a_temporary() -> u32 {
    let mut n = 0;
    let mut total = 0;
    while let Some(x) = peek(&Probe::new("each"), n) {
        total += Leaf::new("body").pending(1).ready(x).await;
        n += 1;
    }
    total
}

#[test]
fn a_scrutinee_temporary_lives_through_the_arms() {
    for v in [0, 3] {
        let report = assert_same(
            || match_on_a_field_of_a_temporary(v),
            || match_on_a_field_of_a_temporary_rustc(v),
        );
        assert_eq!(
            report.outcome,
            if v == 0 { "Ready(10)" } else { "Ready(3)" }
        );
    }
    let report = assert_same(
        match_borrowing_a_temporary,
        match_borrowing_a_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(9)");
    let report = assert_same(
        while_let_borrowing_a_temporary,
        while_let_borrowing_a_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(9)");
}

fn labels(first: &Probe, second: &Probe) -> LeafFuture<usize> {
    Leaf::new("labels")
        .pending(1)
        .ready(first.label().len() + second.label().len())
}

/// The statement has a second await after the one borrowing the
/// temporaries: they live past it, to the end of the whole statement, and
/// drop in the reverse of the order they were made.
#[desugar]
async fn temporaries_live_to_the_end_of_the_statement() -> usize {
    let both = [
        labels(&Probe::new("a"), &Probe::new("bb")).await,
        label(&Probe::new("ccc")).await,
        Leaf::new("last").pending(1).ready(4).await,
    ];
    both.iter().sum()
}

#[test]
fn temporaries_of_an_earlier_await_outlive_the_later_ones() {
    let report = assert_same(
        temporaries_live_to_the_end_of_the_statement,
        temporaries_live_to_the_end_of_the_statement_rustc,
    );
    assert_eq!(report.outcome, "Ready(10)");
}

/// A `match` on an awaited call keeps the call's borrowed temporaries to
/// the end of the `match`, across the awaits in its arms.
#[desugar]
async fn match_on_an_awaited_call_borrowing_a_temporary() -> usize {
    match label(&Probe::new("kept")).await {
        4 => Leaf::new("arm").pending(1).ready(1).await,
        _ => 0,
    }
}

#[test]
fn a_scrutinee_temporary_outlives_the_arms() {
    let report = assert_same(
        match_on_an_awaited_call_borrowing_a_temporary,
        match_on_an_awaited_call_borrowing_a_temporary_rustc,
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// An `if` condition is a terminating scope: the temporaries of its awaits
/// drop where the condition ends, before the branch runs (seed 1, case 77).
#[desugar]
async fn if_condition_borrowing_a_temporary(seen: Probe) -> usize {
    if label(&Probe::new("condition")).await < 10 {
        seen.touch();
    }
    1
}

#[test]
fn a_condition_temporary_drops_before_the_branch() {
    let report = assert_same(
        || if_condition_borrowing_a_temporary(Probe::new("seen")),
        || if_condition_borrowing_a_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// The same inside a `match` scrutinee, with a second await in the
/// condition: the temporary lives through both awaits and drops before the
/// `else` branch and the arms (seed 100, case 2792).
#[desugar]
async fn condition_inside_a_scrutinee(seen: Probe) -> usize {
    let second = Leaf::new("second").pending(1).ready(3);
    match (if label(&Probe::new("condition")).await < second.await {
        1
    } else {
        seen.touch();
        2
    }) + 1
    {
        3 => {
            seen.touch();
            1
        }
        _ => 0,
    }
}

#[test]
fn a_condition_temporary_inside_a_scrutinee_drops_where_the_condition_ends() {
    let report = assert_same(
        || condition_inside_a_scrutinee(Probe::new("seen")),
        || condition_inside_a_scrutinee_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(1)");
}

/// A `while` condition too; an `if let` scrutinee's temporaries instead live
/// through the branch, and a `match` scrutinee's through the arms, also when
/// the scrutinee does more than await.
#[desugar]
async fn loop_and_scrutinee_temporaries(seen: Probe) -> usize {
    let mut n = 0;
    while label(&Probe::new("while")).await < 7 - n {
        seen.touch();
        n += 1;
    }
    if let 5 = label(&Probe::new("if let")).await - n + 1 {
        seen.touch();
        Leaf::new("then").pending(1).ready(()).await;
    }
    match label(&Probe::new("match")).await + n {
        7 => Leaf::new("arm").pending(1).ready(n).await,
        _ => 0,
    }
}

#[test]
fn loop_condition_and_scrutinee_temporaries_drop_as_in_rustc() {
    let report = assert_same(
        || loop_and_scrutinee_temporaries(Probe::new("seen")),
        || loop_and_scrutinee_temporaries_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

fn pair(a: usize, b: usize) -> usize {
    a * 10 + b
}

/// `format!` puts its arguments in a block of its own: their temporaries
/// drop where the macro call ends, before the rest of the statement runs
/// and before the arms of a `match` on it (seed 300, case 76).
#[desugar]
async fn format_argument_borrowing_a_temporary(seen: Probe) -> usize {
    let n = pair(
        format!("{}", label(&Probe::new("in format")).await).len(),
        {
            seen.touch();
            1
        },
    );
    match Some(format!("{}", label(&Probe::new("in scrutinee")).await).len()) {
        Some(len) => {
            seen.touch();
            Leaf::new("arm").pending(1).ready(len + n).await
        }
        None => 0,
    }
}

#[test]
fn a_macro_argument_temporary_drops_where_the_macro_ends() {
    let report = assert_same(
        || format_argument_borrowing_a_temporary(Probe::new("seen")),
        || format_argument_borrowing_a_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(13)");
}

/// A `for` loop's iterable is a scrutinee in rustc's lowering: the
/// temporaries of an await in it live to the end of the loop, across the
/// awaits of its body (seed 300, case 1222).
#[desugar]
async fn for_over_a_value_borrowing_a_temporary(seen: Probe) -> usize {
    let mut total = 0;
    for n in vec![1, label(&Probe::new("iterable")).await] {
        seen.touch();
        total += Leaf::new("body").pending(1).ready(n).await;
    }
    total
}

#[test]
fn an_iterable_temporary_lives_to_the_end_of_the_loop() {
    let report = assert_same(
        || for_over_a_value_borrowing_a_temporary(Probe::new("seen")),
        || for_over_a_value_borrowing_a_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

/// A guard read inside a range, `vec!` arguments, a `?` or a struct
/// literal with a base, in a `match` scrutinee or a `for` loop's iterable
/// whose body awaits: rustc keeps it to the end of the construct. It was
/// left to the statement that makes the scrutinee, and dropped before the
/// arms' awaits.
#[desugar]
#[allow(clippy::useless_vec)] // the vector is one of the shapes under test
async fn guard_read_in_a_scrutinee(resource: &Resource) -> Option<u32> {
    let ranged = match (resource.lock().len()..5).count() as u32 {
        0 => 9,
        n => Leaf::new("ranged").pending(1).ready(n).await,
    };
    let listed = match vec![resource.lock().len()][0] {
        0 => 9,
        n => Leaf::new("listed").pending(1).ready(n).await,
    };
    let tried = match Some(resource.lock().len())? {
        0 => 9,
        n => Leaf::new("tried").pending(1).ready(n).await,
    };
    let based = match (Lengths {
        first: resource.lock().len(),
        ..Lengths::default()
    })
    .total()
    {
        0 => 9,
        n => Leaf::new("based").pending(1).ready(n).await,
    };
    let mut counted = 0;
    for i in 0..resource.lock().len() {
        counted += Leaf::new("counted").pending(1).ready(i).await;
    }
    Some(ranged + listed + tried + based + counted)
}

#[test]
fn a_guard_read_in_a_scrutinee_lives_to_the_end_of_the_construct() {
    let report = assert_same(
        || guard_read_in_a_scrutinee(&Resource),
        || guard_read_in_a_scrutinee_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(Some(14))"); // 2 + 3 + 3 + 3 + (0 + 1 + 2)
}

fn sum_of_three(values: [u32; 3]) -> u32 {
    values.iter().sum()
}

/// An awaited value in a scrutinee, the receiver of a method syntax does
/// not know (`add` borrows it), named so that it still runs before a later
/// part's temporary (`p.label()`, which `len` borrows): read as a place, it
/// is borrowed and kept to the end of the `match`, as rustc keeps it. Read
/// through a block (`{ __temporary4 }.add(..)`, fb694e0, so that a
/// builder's `self` method could move it), it dropped at the end of the
/// scrutinee's statement, before the arm's await (seed 732, case 1489).
#[desugar]
async fn receiver_before_a_later_temporary(p: Probe) -> Option<u32> {
    let counter = Leaf::new("counter")
        .pending(1)
        .ready(common::Counter::new("c"));
    match Some(counter.await.add(sum_of_three([
        Leaf::new("first").pending(1).ready(1).await,
        2,
        p.label().len() as u32,
    ]))) {
        Some(n) => Some(Leaf::new("arm").pending(1).ready(n).await),
        None => None,
    }
}

#[test]
fn a_receiver_named_for_its_order_is_kept_to_the_end_of_the_match() {
    let report = assert_same(
        || receiver_before_a_later_temporary(Probe::new("p")),
        || receiver_before_a_later_temporary_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(Some(5))"); // 1 + 2 + 1, plus one
}

fn lengths(counter: common::Counter, a: &str, b: &str) -> LeafFuture<u32> {
    Leaf::new("lengths")
        .pending(1)
        .ready(counter.finish(a.len() as u32) + b.len() as u32)
}

/// An operand named so that it runs before a later part's temporary
/// (`Counter::new(..)`, before a `String`), then a third part making a
/// temporary too: the operand, already named, was named again ahead of
/// its own naming (E0425 in the expansion; fuzz seed 730, case 265).
#[desugar]
async fn operand_before_two_temporaries() -> u32 {
    match lengths(
        common::Counter::new("c"),
        &String::from("ab"),
        &String::from("cde"),
    )
    .await
    {
        0 => 0,
        n => Leaf::new("arm").pending(1).ready(n).await,
    }
}

#[test]
fn an_operand_named_once_before_two_temporaries() {
    let report = assert_same(
        operand_before_two_temporaries,
        operand_before_two_temporaries_rustc,
    );
    assert_eq!(report.outcome, "Ready(7)"); // (2 + 2) + 3
}

#[derive(Debug)]
struct Labelled(Probe);

/// Every temporary a scrutinee makes lives to the end of the `match` or
/// `if let`, across the awaits of its arms: a value whose field is read, an
/// awaited value whose field is read, a `while let` scrutinee's temporaries
/// per iteration, and a `for` loop's iterable borrowed by `iter()`.
#[allow(clippy::single_match)]
#[desugar]
async fn scrutinee_temporaries_of_every_kind(seen: Probe) -> usize {
    let mut total = 0;
    match Labelled(Probe::new("receiver")).0.label().len() {
        8 => total += Leaf::new("arm").pending(1).ready(1).await,
        _ => {}
    }
    match Leaf::new("value")
        .pending(1)
        .ready(Labelled(Probe::new("awaited")))
        .await
        .0
        .label()
        .len()
    {
        7 => {
            seen.touch();
            total += Leaf::new("arm").pending(1).ready(10).await;
        }
        _ => {}
    }
    if let 6 = Labelled(Probe::new("if let")).0.label().len() {
        total += Leaf::new("then").pending(1).ready(100).await;
    }
    let mut rounds = 0;
    while let 5 = Labelled(Probe::new("while")).0.label().len() + rounds {
        rounds += 1;
        total += Leaf::new("body").pending(1).ready(1000).await;
    }
    for probe in [Probe::new("a"), Probe::new("b")].iter() {
        probe.touch();
        total += Leaf::new("each").pending(1).ready(10000).await;
    }
    total
}

#[test]
fn scrutinee_temporaries_live_to_the_end_of_their_construct() {
    let report = assert_same(
        || scrutinee_temporaries_of_every_kind(Probe::new("seen")),
        || scrutinee_temporaries_of_every_kind_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(21111)");
}

/// An `if let … else` whose scrutinee borrows a temporary: this crate is
/// Rust 2024, which drops it before the `else` branch (Rust 2021 keeps it
/// through; `desugar-edition2021` checks that side).
#[desugar]
async fn if_let_else_borrowing_a_temporary(seen: Probe) -> usize {
    if let 5 = label(&Probe::new("temporary")).await {
        1
    } else {
        seen.touch();
        Leaf::new("else").pending(1).ready(2).await
    }
}

#[test]
fn an_if_let_temporary_drops_before_the_else_branch_in_rust_2024() {
    let report = assert_same(
        || if_let_else_borrowing_a_temporary(Probe::new("seen")),
        || if_let_else_borrowing_a_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
    let trace = report.trace.to_string();
    let used = trace
        .find("use probe \"seen\"")
        .expect("the else branch runs");
    let dropped = trace
        .find("drop probe \"temporary\"")
        .expect("the temporary drops");
    assert!(
        dropped < used,
        "Rust 2024 drops the temporary before `else`:\n{trace}"
    );
}

/// Temporaries dropped at the end of their statements leave their slots
/// in the homes area to later ones, as rustc overlaps them: two statements
/// each keeping a borrowed temporary cost no more than rustc's machine.
#[desugar]
async fn temporaries_of_two_statements() -> usize {
    let first = label(&Probe::new("first")).await;
    let second = measure(&format!("{first}")).await;
    first + second
}

#[test]
fn temporaries_of_successive_statements_share_their_home() {
    let report = desugar::harness::Comparison::new()
        .check_size()
        .run(
            temporaries_of_two_statements,
            temporaries_of_two_statements_rustc,
        )
        .unwrap();
    assert_eq!(report.outcome, "Ready(6)");
}

fn sum(values: &[usize]) -> usize {
    values.iter().sum()
}

/// The same when the borrowed temporary belongs to an await inside a value
/// the scrutinee borrows (`&vec![label(&t).await]`): it drops before the
/// `else` branch too (seed 400, case 6526).
// `vec!`, not a slice: its arguments' temporaries live to the end of
// the enclosing `if let`, which is what is under test.
#[allow(clippy::useless_vec)]
#[desugar]
async fn if_let_else_with_a_nested_temporary(seen: Probe) -> usize {
    if let 1 = sum(&vec![label(&Probe::new("nested")).await, 0]) {
        1
    } else {
        seen.touch();
        2
    }
}

#[test]
fn a_nested_if_let_temporary_drops_before_the_else_branch_in_rust_2024() {
    let report = assert_same(
        || if_let_else_with_a_nested_temporary(Probe::new("seen")),
        || if_let_else_with_a_nested_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

async fn count(values: Vec<usize>) -> usize {
    values.len()
}

/// And when the scrutinee awaits a value that owns the awaited temporary's
/// result (`count(vec![label(&t).await]).await`): the temporary drops before
/// the `else` branch. (This shape was rejected as edition-dependent before.)
#[allow(clippy::useless_vec)]
#[desugar]
async fn if_let_else_on_an_awaited_scrutinee(seen: Probe) -> usize {
    if let 3 = count(vec![label(&Probe::new("owned")).await]).await {
        1
    } else {
        seen.touch();
        2
    }
}

#[test]
fn an_awaited_scrutinee_temporary_drops_before_the_else_branch_in_rust_2024() {
    let report = assert_same(
        || if_let_else_on_an_awaited_scrutinee(Probe::new("seen")),
        || if_let_else_on_an_awaited_scrutinee_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

fn later(n: usize) -> LeafFuture<usize> {
    Leaf::new("later").pending(1).ready(n)
}

/// A view of the scrutinee's temporary (`trim()`'s `&str`), with awaits
/// in both branches: it has a drop flag (it drops before the `else` branch,
/// not in the other), and, having nothing to drop, is kept as nothing
/// across the awaits; the drop that ends its scope then drops nothing
/// (E0599 there before, seed 709, case 163).
#[desugar]
async fn if_let_else_on_a_view(text: String) -> usize {
    if let Some(n) = Some(later(format!(" {text} ").trim().len()).await) {
        n + Leaf::new("then").pending(1).ready(1).await
    } else {
        Leaf::new("else").pending(1).ready(0).await
    }
}

#[test]
fn a_flagged_view_with_nothing_to_drop_is_kept_as_nothing() {
    let report = assert_same(
        || if_let_else_on_a_view(String::from("abc")),
        || if_let_else_on_a_view_rustc(String::from("abc")),
    );
    assert_eq!(report.outcome, "Ready(4)");
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the view: {report}"
    );
}

fn made(name: &'static str) -> usize {
    Probe::new(name).label().len()
}

/// Naming a scrutinee's temporary evaluates it before the construct; the
/// parts evaluated before it are named too, so the order stays rustc's
/// (DESIGN.md promise 7): `made("first")` runs before the `Labelled`.
#[desugar]
async fn scrutinee_parts_keep_their_order(seen: Probe) -> usize {
    match pair(
        made("first"),
        Labelled(Probe::new("second")).0.label().len(),
    ) {
        56 => {
            seen.touch();
            Leaf::new("arm").pending(1).ready(1).await
        }
        _ => 0,
    }
}

#[test]
fn named_scrutinee_parts_run_in_rustc_s_order() {
    let report = assert_same(
        || scrutinee_parts_keep_their_order(Probe::new("seen")),
        || scrutinee_parts_keep_their_order_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(1)");
}

#[derive(Debug)]
struct Counter(Probe);

impl Counter {
    fn add(&self, n: u32) -> u32 {
        self.0.touch();
        n + 1
    }

    fn finish(self, n: u32) -> u32 {
        self.0.touch();
        n + 2
    }
}

/// A value awaited before a later await of its statement is a temporary of
/// the statement: borrowed by a method (`a.await.add(b.await)`), it drops
/// where the statement ends, before `seen` is touched; moved by one
/// (`finish(self, ..)`), it drops inside that method. (It lived to the
/// end of the block.)
#[desugar]
async fn awaited_receivers(seen: Probe) -> u32 {
    let borrowed = Leaf::new("a")
        .pending(1)
        .ready(Counter(Probe::new("borrowed")))
        .await
        .add(Leaf::new("b").pending(1).ready(1).await);
    seen.touch();
    let moved = Leaf::new("c")
        .pending(1)
        .ready(Counter(Probe::new("moved")))
        .await
        .finish(Leaf::new("d").pending(1).ready(2).await);
    seen.touch();
    Leaf::new("e").pending(1).ready(()).await;
    borrowed + moved
}

#[test]
fn an_awaited_receiver_drops_where_its_statement_ends() {
    let report = assert_same(
        || awaited_receivers(Probe::new("seen")),
        || awaited_receivers_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(6)");
}

/// In a `match` scrutinee whose arms await, a value awaited before a later
/// await of the scrutinee and borrowed by its method is a temporary of the
/// scrutinee: it lives to the end of the `match`, as the twin keeps it, and
/// drops before the await that follows (seed 8, case 22). One moved into
/// a call, next to an argument built by a number's method, builds and is
/// not kept (seed 8, case 73). (Taken by a method of its own, `finish`,
/// it would be kept: a compile error, `tests/ui/awaited_receiver_moved_in_scrutinee.rs`.)
#[desugar]
async fn borrowed_receiver_in_a_scrutinee(seen: Probe) -> u32 {
    let first = match Leaf::new("a")
        .pending(1)
        .ready(Counter(Probe::new("borrowed")))
        .await
        .add(Leaf::new("b").pending(1).ready(1).await)
    {
        2 => {
            seen.touch();
            Leaf::new("arm").pending(1).ready(3).await
        }
        _ => 0,
    };
    Leaf::new("after").pending(1).ready(()).await;
    first
}

#[desugar]
async fn moved_receiver_in_a_scrutinee(seen: Probe, n: u32) -> u32 {
    match Counter::finish(
        Leaf::new("c")
            .pending(1)
            .ready(Counter(Probe::new("moved")))
            .await,
        match n {
            4 => n,
            other => other ^ 1,
        }
        .wrapping_mul(3),
    ) {
        1 => Leaf::new("never").pending(1).ready(0).await,
        value => {
            seen.touch();
            Leaf::new("arm").pending(1).ready(value).await
        }
    }
}

#[test]
fn an_awaited_receiver_in_a_scrutinee_lives_through_the_arms() {
    let report = assert_same(
        || borrowed_receiver_in_a_scrutinee(Probe::new("seen")),
        || borrowed_receiver_in_a_scrutinee_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(3)");
    let report = assert_same(
        || moved_receiver_in_a_scrutinee(Probe::new("seen"), 4),
        || moved_receiver_in_a_scrutinee_rustc(Probe::new("seen"), 4),
    );
    assert_eq!(report.outcome, "Ready(14)");
}

fn touched_later(probe: &Probe, value: u32) -> LeafFuture<u32> {
    probe.touch();
    Leaf::new("later").pending(2).ready(value)
}

/// A value awaited before a later await that borrows a temporary: moved
/// into the call (an operand), rustc drops it before that temporary when
/// the future is dropped there; borrowed by its method (a temporary too,
/// made first), it drops after that temporary, when the statement ends.
#[desugar]
async fn awaited_value_then_borrowed_temporary(seen: Probe) -> u32 {
    let moved = Counter::finish(
        Leaf::new("a")
            .pending(0)
            .ready(Counter(Probe::new("moved")))
            .await,
        touched_later(&Probe::new("first temporary"), 3).await,
    );
    seen.touch();
    let borrowed = Leaf::new("b")
        .pending(0)
        .ready(Counter(Probe::new("borrowed")))
        .await
        .add(touched_later(&Probe::new("second temporary"), 4).await);
    seen.touch();
    moved + borrowed
}

#[test]
fn an_awaited_value_drops_in_rustc_s_order_with_later_temporaries() {
    let report = assert_same(
        || awaited_value_then_borrowed_temporary(Probe::new("seen")),
        || awaited_value_then_borrowed_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(10)");
}

/// The same with the scrutinee's only await: the awaited value borrowed by
/// its method lives through the `if let` branch that awaits, as rustc keeps
/// it (seed 500, case 214).
#[desugar]
async fn borrowed_receiver_of_the_only_await(seen: Probe, n: u32) -> u32 {
    if let Some(total) = Some(
        Leaf::new("a")
            .pending(1)
            .ready(Counter(Probe::new("borrowed")))
            .await
            .add(n),
    ) {
        Leaf::new("branch").pending(1).ready(()).await;
        seen.touch();
        total
    } else {
        0
    }
}

#[test]
fn the_only_awaited_value_of_a_scrutinee_lives_through_the_branch() {
    let report = assert_same(
        || borrowed_receiver_of_the_only_await(Probe::new("seen"), 2),
        || borrowed_receiver_of_the_only_await_rustc(Probe::new("seen"), 2),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// An awaited value borrowed by its method inside a `format!` of a
/// scrutinee: the macro's arguments are a scope of their own, which ends
/// before the arms, so rustc drops it there, not at the end of the `match`
/// (seed 501, case 726).
#[desugar]
async fn awaited_receiver_in_a_scrutinee_format(seen: Probe) -> usize {
    match format!(
        "{}/{}",
        Leaf::new("a")
            .pending(1)
            .ready(Counter(Probe::new("in format")))
            .await
            .add(4),
        1
    )
    .len()
    {
        0 => 0,
        length => {
            seen.touch();
            Leaf::new("arm").pending(1).ready(length).await
        }
    }
}

#[test]
fn an_awaited_receiver_in_a_scrutinee_format_drops_where_the_macro_ends() {
    let report = assert_same(
        || awaited_receiver_in_a_scrutinee_format(Probe::new("seen")),
        || awaited_receiver_in_a_scrutinee_format_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// An awaited value borrowed by its method, whose argument awaits inside a
/// `format!` on a borrowed temporary: when the future is dropped there,
/// rustc drops the macro's temporary first (its scope is the inner one),
/// then the awaited value (seed 501, case 1329).
#[desugar]
async fn awaited_receiver_then_format_temporary(seen: Probe) -> u32 {
    let n = Leaf::new("a")
        .pending(0)
        .ready(Counter(Probe::new("receiver")))
        .await
        .add(format!("{}", touched_later(&Probe::new("in format"), 2).await).len() as u32);
    seen.touch();
    n
}

#[test]
fn a_format_temporary_drops_before_an_earlier_awaited_receiver() {
    let report = assert_same(
        || awaited_receiver_then_format_temporary(Probe::new("seen")),
        || awaited_receiver_then_format_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// An awaited value given to `format!`, whose next argument awaits a
/// future borrowing a temporary: both are temporaries of the macro call,
/// which rustc drops newest first where the call ends, and in that order
/// when the future is dropped at the second await (it was rejected, and
/// before that dropped in the other order).
#[desugar]
async fn format_of_awaited_values(seen: Probe) -> usize {
    let text = format!(
        "{:?}/{}",
        Leaf::new("a")
            .pending(0)
            .ready(Counter(Probe::new("argument")))
            .await,
        touched_later(&Probe::new("borrowed"), 3).await
    );
    seen.touch();
    text.len()
}

#[test]
fn awaited_format_arguments_drop_newest_first() {
    let report = assert_same(
        || format_of_awaited_values(Probe::new("seen")),
        || format_of_awaited_values_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(28)");
}

/// An awaited value whose known method takes it by value, in the same
/// `format!` arguments as a later await borrowing a temporary: moved into
/// the pending call (or a number, with nothing to drop), it is an operand,
/// not one of the macro's temporaries (seed 502, case 52, was rejected).
#[desugar]
async fn format_of_moved_receivers(seen: Probe) -> usize {
    let numbers = format!(
        "{}:{}",
        Leaf::new("a")
            .pending(1)
            .ready(9u32)
            .await
            .wrapping_mul(touched_later(&Probe::new("borrowed"), 3).await as u32),
        1
    );
    let options = format!(
        "{:?}",
        Leaf::new("b")
            .pending(0)
            .ready(Some(Counter(Probe::new("moved"))))
            .await
            .ok_or(touched_later(&Probe::new("later"), 4).await)
            .is_ok()
    );
    seen.touch();
    numbers.len() + options.len()
}

#[test]
fn moved_receivers_in_format_are_operands() {
    let report = assert_same(
        || format_of_moved_receivers(Probe::new("seen")),
        || format_of_moved_receivers_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(8)");
}

/// A known borrowing method (`get`) makes its awaited receiver one of the
/// macro's temporaries, dropped after the later await's.
#[desugar]
async fn format_of_borrowed_receiver(seen: Probe) -> usize {
    let text = format!(
        "{}",
        Leaf::new("v")
            .pending(1)
            .ready(vec![Probe::new("borrowed")])
            .await
            .get(touched_later(&Probe::new("later"), 0).await as usize)
            .is_some()
    );
    seen.touch();
    text.len()
}

#[test]
fn a_borrowed_receiver_in_format_drops_with_the_macro_s_temporaries() {
    let report = assert_same(
        || format_of_borrowed_receiver(Probe::new("seen")),
        || format_of_borrowed_receiver_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(4)");
}

fn sum_of(values: &[u64]) -> LeafFuture<u64> {
    Leaf::new("sum").pending(1).ready(values.iter().sum())
}

fn read(value: &i64) -> LeafFuture<i64> {
    Leaf::new("read").pending(2).ready(*value)
}

/// An array, a negation and a cast borrowed by the awaited call are
/// temporaries like a call's value: kept to the end of the statement (they
/// failed to build, E0716, when only calls, macros, structs, tuples and
/// binary operators were).
#[desugar]
async fn borrows_aggregates_and_operators(n: i64) -> i64 {
    let sum = sum_of(&[n.unsigned_abs(), 2]).await;
    let repeated = sum_of(&[n.unsigned_abs(); 4]).await;
    let negated = read(&-n).await;
    let cast = read(&(sum as i64)).await;
    sum as i64 + repeated as i64 + negated + cast
}

#[test]
fn borrowed_arrays_operators_and_casts_are_temporaries() {
    let report = assert_same(
        || borrows_aggregates_and_operators(3),
        || borrows_aggregates_and_operators_rustc(3),
    );
    assert_eq!(report.outcome, "Ready(19)"); // 5 + 12 - 3 + 5
}

/// A guard read inside `vec!` arguments, in a vector the awaited call
/// borrows: rustc keeps the guard, a temporary of the statement, across the
/// await (`vec!` is a call of `[..]`), as it would in an array. The vector
/// was named whole and the guard dropped with its `let`, before the await.
#[desugar]
#[allow(clippy::useless_vec)] // the vector is the temporary under test
async fn guard_read_inside_vec(resource: &Resource) -> u64 {
    let before = Probe::new("before");
    let sum = sum_of(&vec![resource.lock().len().into(), 6]).await;
    before.touch();
    sum
}

#[test]
fn a_guard_read_inside_vec_lives_to_the_end_of_the_statement() {
    let report = assert_same(
        || guard_read_inside_vec(&Resource),
        || guard_read_inside_vec_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

fn number(n: u32) -> LeafFuture<u32> {
    Leaf::new("number").pending(1).ready(n)
}

#[derive(Default)]
struct Lengths {
    first: u32,
    second: u32,
}

impl Lengths {
    fn total(&self) -> u32 {
        self.first + self.second
    }
}

/// A guard read inside a repeat, an index, a range, a `match` scrutinee, a
/// `?`, a deref, a tuple whose field is read, a struct literal with a base
/// and `dbg!`, in the awaited call: each
/// is a temporary of the statement in rustc, kept across the await. They
/// were not looked for there, and dropped before the await.
#[desugar]
#[allow(clippy::deref_addrof)] // `*&` is one of the shapes under test
async fn guard_read_inside_other_expressions(resource: &Resource) -> Option<u64> {
    let repeated = sum_of(&[resource.lock().len().into(); 2]).await;
    let indexed = number([1, 2, 3, 4][resource.lock().len() as usize]).await;
    let sliced = sum_of(&[1, 2, 3, 4, 5][resource.lock().len() as usize..]).await;
    let ranged = number((resource.lock().len()..5).count() as u32).await;
    let matched = number(match resource.lock().len() {
        3 => 1,
        _ => 2,
    })
    .await;
    let tried = number(Some(resource.lock().len())?).await;
    let derefed = number(*&resource.lock().len()).await;
    let field = number((resource.lock().len(), 2).0).await;
    let rest = number(
        Lengths {
            first: resource.lock().len(),
            ..Lengths::default()
        }
        .total(),
    )
    .await;
    let printed = number(dbg!(resource.lock().len())).await;
    let small = u64::from(indexed + ranged + matched + tried + derefed + field + rest + printed);
    Some(repeated + sliced + small)
}

#[test]
fn a_guard_read_inside_an_index_range_match_or_deref_is_kept() {
    let report = assert_same(
        || guard_read_inside_other_expressions(&Resource),
        || guard_read_inside_other_expressions_rustc(&Resource),
    );
    assert_eq!(report.outcome, "Ready(Some(37))"); // 6 + 9 + (4 + 2 + 1 + 3 + 3 + 3 + 3 + 3)
}

fn probe(label: &str) -> Probe {
    Probe::new(label)
}

async fn owned_and_borrowed(owned: Probe, borrowed: &Probe) -> usize {
    Leaf::new("pair").pending(1).ready(()).await;
    owned.label().len() + borrowed.label().len()
}

/// A borrowed temporary after an argument that runs code (`probe("first")`)
/// is made in its turn, after that argument, and kept to the end of the
/// statement. (It was named ahead of the statement, so `second` was made
/// before `first`.)
#[desugar]
async fn temporary_after_an_argument_that_runs() -> usize {
    let n = owned_and_borrowed(probe("first"), &probe("second")).await;
    let m = owned_and_borrowed(probe("third"), &probe(&format!("{n}"))).await;
    n + m
}

#[test]
fn a_temporary_after_a_call_is_made_in_its_turn() {
    let report = assert_same(
        temporary_after_an_argument_that_runs,
        temporary_after_an_argument_that_runs_rustc,
    );
    assert_eq!(report.outcome, "Ready(18)"); // 5 + 6, then 5 + 2
}

fn count_with(owned: Probe, n: usize) -> LeafFuture<usize> {
    Leaf::new("count").pending(1).ready(owned.label().len() + n)
}

/// The value a standard borrowing method is called on (`len`, `iter`) is
/// a temporary of the statement: rustc keeps `vec![probe(..)]` until the
/// statement ends, across the await. (It was dropped as soon as its length
/// was read, before the machine suspended.)
#[desugar]
async fn values_read_by_borrowing_methods() -> usize {
    let first = count_with(probe("a"), vec![probe("held")].len()).await;
    let second = count_with(probe("b"), vec![probe("x"), probe("y")].iter().count()).await;
    Leaf::new("after").pending(1).ready(()).await;
    first + second
}

#[test]
fn a_value_a_borrowing_method_reads_lives_to_the_end_of_the_statement() {
    let report = assert_same(
        values_read_by_borrowing_methods,
        values_read_by_borrowing_methods_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)"); // 1 + 1, then 1 + 2
}

async fn still_locked(lock: &std::sync::Mutex<Vec<u32>>, len: usize) -> (bool, usize) {
    Leaf::new("while locked").pending(1).ready(()).await;
    (lock.try_lock().is_err(), len)
}

/// `still_locked(m, m.lock().unwrap().len()).await`: the guard is a
/// temporary of the statement, held across the await in rustc (which is why
/// such a future is not `Send`). The machine holds it there too. (Clippy
/// warns of exactly this in the twin; here it is the point.)
#[allow(clippy::await_holding_lock)]
#[desugar]
async fn guard_read_by_an_awaited_call(lock: &std::sync::Mutex<Vec<u32>>) -> (bool, usize) {
    still_locked(lock, lock.lock().unwrap().len()).await
}

#[test]
fn a_lock_guard_read_by_an_awaited_call_is_held_across_the_await() {
    let lock = std::sync::Mutex::new(vec![1, 2]);
    let report = assert_same(
        || guard_read_by_an_awaited_call(&lock),
        || guard_read_by_an_awaited_call_rustc(&lock),
    );
    assert_eq!(report.outcome, "Ready((true, 2))");
}

fn first_some(owned: Probe, borrowed: &Probe) -> Option<usize> {
    borrowed.touch();
    Some(owned.label().len()).filter(|&n| n > 5)
}

/// An argument that runs before a scrutinee's borrowed temporary is named
/// so that it still runs first, but it is an operand, moved into the call:
/// the machine does not keep it nor drop it before the `else` (it failed to
/// build, E0382, when it was named like the temporary).
#[desugar]
async fn scrutinee_operand_before_a_temporary(seen: Probe) -> usize {
    let first = if let Some(n) = first_some(probe("owned"), &probe("borrowed")) {
        Leaf::new("then").pending(1).ready(n).await
    } else {
        seen.touch();
        Leaf::new("else").pending(1).ready(0).await
    };
    let second = if let Some(n) = Some(owned_and_borrowed(probe("a"), &probe("b")).await) {
        n + Leaf::new("then").pending(1).ready(1).await
    } else {
        0
    };
    first + second
}

#[test]
fn a_scrutinee_operand_named_for_its_order_is_moved_not_kept() {
    let report = assert_same(
        || scrutinee_operand_before_a_temporary(Probe::new("seen")),
        || scrutinee_operand_before_a_temporary_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(3)"); // 0, then 1 + 1 + 1
}

/// The value a view is taken of (`vec![..]` in `vec![..].first()`,
/// `String::from(..)` in `String::from(..).trim()`) is the temporary that
/// lives to the end of the statement; the view, a reference with nothing
/// to drop, is not kept. (Naming the view alone dropped the value it
/// borrows at once: E0716.)
#[desugar]
async fn views_of_temporaries() -> usize {
    let first = vec![probe("viewed")].first().map_or(0, |p| p.label().len());
    let n = Leaf::new("first").pending(1).ready(first).await;
    let m = Leaf::new("view")
        .pending(1)
        .ready(vec![probe("kept")].first().map_or(0, |p| p.label().len()))
        .await;
    let k = Leaf::new("trim")
        .pending(1)
        .ready(String::from(" ab ").trim().len())
        .await;
    n + m + k
}

#[test]
fn the_value_a_view_borrows_lives_to_the_end_of_the_statement() {
    let report = assert_same(views_of_temporaries, views_of_temporaries_rustc);
    assert_eq!(report.outcome, "Ready(12)"); // 6 + 4 + 2
}

async fn push_probe(v: &mut Vec<Probe>) -> usize {
    Leaf::new("push").pending(1).ready(()).await;
    v.push(probe("pushed"));
    v.len()
}

/// A temporary borrowed mutably (`&mut vec![..]`, or by `iter_mut`) is
/// named `mut`, kept and dropped like a shared one. (It failed to build,
/// E0596, named without `mut`.)
#[desugar]
async fn mutably_borrowed_temporaries() -> usize {
    let a = push_probe(&mut vec![probe("m")]).await;
    let b = Leaf::new("iter_mut")
        .pending(1)
        .ready(vec![probe("n")].iter_mut().count())
        .await;
    let c = count_with(probe("c"), vec![probe("o")].iter_mut().count()).await;
    a + b + c
}

#[test]
fn a_temporary_borrowed_mutably_is_kept_like_a_shared_one() {
    let report = assert_same(
        mutably_borrowed_temporaries,
        mutably_borrowed_temporaries_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)"); // 2 + 1 + 2
}

/// A block inside an awaited call ends its tail's temporaries itself
/// (Rust 2024; Rust 2021 keeps them to the end of the statement, which
/// the machine refuses there, `desugar-edition2021/tests/ui`): the probe
/// drops before the machine suspends, as in the twin.
#[desugar]
async fn block_tail_in_an_awaited_call() -> usize {
    Leaf::new("n")
        .pending(1)
        .ready({
            std::hint::black_box(());
            probe("in block").label().len()
        })
        .await
}

#[test]
fn a_block_tail_in_an_awaited_call_drops_with_its_block() {
    let report = assert_same(
        block_tail_in_an_awaited_call,
        block_tail_in_an_awaited_call_rustc,
    );
    assert_eq!(report.outcome, "Ready(8)");
}

fn count_mut(v: &mut Vec<Probe>) -> usize {
    v.push(probe("pushed"));
    v.len()
}

/// A scrutinee's temporary borrowed mutably is named `mut` too, whether the
/// scrutinee awaits or only its arms do. (It failed to build, E0596: seed
/// 528, case 664.)
#[desugar]
async fn scrutinee_temporaries_borrowed_mutably() -> usize {
    let first = match push_probe(&mut vec![probe("awaited")]).await {
        2 => Leaf::new("arm").pending(1).ready(2).await,
        n => n,
    };
    let second = match count_mut(&mut vec![probe("plain")]) {
        2 => Leaf::new("arm").pending(1).ready(3).await,
        n => n,
    };
    first + second
}

#[test]
fn a_scrutinee_temporary_borrowed_mutably_is_kept_like_a_shared_one() {
    let report = assert_same(
        scrutinee_temporaries_borrowed_mutably,
        scrutinee_temporaries_borrowed_mutably_rustc,
    );
    assert_eq!(report.outcome, "Ready(5)");
}

fn labels_of(pair: (u32, &Probe), more: [&Probe; 1]) -> LeafFuture<usize> {
    let n = pair.0 as usize + pair.1.label().len() + more[0].label().len();
    Leaf::new("labels").pending(1).ready(n)
}

/// A temporary borrowed inside a tuple or an array argument, or under an
/// operator, lives to the end of the statement in rustc, across the await,
/// even when the future does not borrow it (it dropped before the machine
/// suspended, when only the call chain itself was searched).
#[desugar]
async fn temporaries_inside_aggregates() -> usize {
    let n = labels_of((1, &probe("in a tuple")), [&probe("in an array")]).await;
    let m = Leaf::new("operand")
        .pending(1)
        .ready(vec![probe("operator")].len() + 1)
        .await;
    n + m
}

#[test]
fn temporaries_inside_aggregates_live_to_the_statements_end() {
    let report = assert_same(
        temporaries_inside_aggregates,
        temporaries_inside_aggregates_rustc,
    );
    assert_eq!(report.outcome, "Ready(24)"); // 1 + 10 + 11, then 1 + 1
}

fn flag(probe: &Probe) -> bool {
    probe.touch();
    true
}

/// The right of `&&` runs only if the left is true: its temporary is made
/// there, or not at all. (A `let`: as a tail, the value would drop in
/// another order.)
#[allow(clippy::let_and_return)]
#[desugar]
async fn temporary_right_of_and(first: bool) -> bool {
    let both = Leaf::new("and")
        .pending(1)
        .ready(first && flag(&probe("right")))
        .await;
    both
}

#[test]
fn a_temporary_right_of_and_is_made_only_if_it_runs() {
    for first in [false, true] {
        let report = assert_same(
            || temporary_right_of_and(first),
            || temporary_right_of_and_rustc(first),
        );
        assert_eq!(report.outcome, format!("Ready({first})"));
    }
}

/// A queue drained by `while let` on a lock's guard: rustc keeps the guard
/// (a temporary of the scrutinee) through each iteration's body, across
/// its await, so the lock is taken there. `pop_front`, a standard
/// collection's method, borrows the guard for the call only.
#[desugar]
#[allow(clippy::await_holding_lock)] // What is compared.
async fn drain(
    queue: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<u32>>>,
) -> (u32, u32) {
    let mut sum = 0;
    let mut held = 0;
    while let Some(job) = queue.lock().unwrap().pop_front() {
        sum += Leaf::new("job").pending(1).ready(job).await;
        held += u32::from(queue.try_lock().is_err());
    }
    (sum, held)
}

#[test]
fn a_while_let_guard_is_held_through_the_body() {
    let queue = || std::sync::Arc::new(std::sync::Mutex::new([1, 2].into()));
    let report = assert_same(|| drain(queue()), || drain_rustc(queue()));
    assert_eq!(report.outcome, "Ready((3, 2))");
}

/// `&(make())`: the parenthesised value is the same temporary as
/// `&make()`, kept across the await of the call that borrows it (E0716
/// before).
#[desugar]
async fn parenthesised_temporary() -> usize {
    label(&(Probe::new("t"))).await
}

#[test]
fn a_parenthesised_temporary_lives_across_the_await() {
    common::assert_send(&parenthesised_temporary());
    let report = assert_same(parenthesised_temporary, parenthesised_temporary_rustc);
    assert_eq!(report.outcome, "Ready(1)");
}

fn probe_and_number() -> (Probe, u32) {
    (Probe::new("pair"), 1)
}

/// Part of a temporary borrowed by an awaited call (a field, an index, a
/// deref of a `Box`), or a block's value: rustc keeps the whole temporary
/// to the end of the statement, across the await; the machine dropped it
/// before the call's future was first polled.
#[desugar]
#[allow(clippy::explicit_auto_deref, clippy::unnecessary_mut_passed)] // The shapes compared.
async fn parts_of_temporaries() -> usize {
    let a = label(&probe_and_number().0).await;
    let b = label(&vec![Probe::new("vec")][0]).await;
    let c = label(&*Box::new(Probe::new("box"))).await;
    let d = label(&{ Probe::new("block") }).await;
    let e = label(&mut (probe_and_number()).0).await;
    a + b + c + d + e
}

#[test]
fn a_borrowed_part_keeps_its_whole_temporary() {
    common::assert_send(&parts_of_temporaries());
    let report = assert_same(parts_of_temporaries, parts_of_temporaries_rustc);
    assert_eq!(report.outcome, "Ready(19)");
}

pub struct Conn {
    id: u32,
    name: String,
    _probe: Probe,
}

impl PartialEq<u32> for Conn {
    fn eq(&self, other: &u32) -> bool {
        self.id == *other
    }
}

fn checkout() -> Conn {
    Conn {
        id: 7,
        name: "primary".into(),
        _probe: Probe::new("conn"),
    }
}

pub struct Row(Vec<u32>, #[allow(dead_code)] Probe);

impl std::ops::Index<usize> for Row {
    type Output = u32;
    fn index(&self, i: usize) -> &u32 {
        &self.0[i]
    }
}

fn row() -> Row {
    Row(vec![4, 5], Probe::new("row"))
}

fn send<T>(value: T) -> LeafFuture<T> {
    Leaf::new("send").pending(1).ready(value)
}

/// Values a comparison, an index or a borrowing method on a field borrow
/// in an awaited expression or a scrutinee: rustc keeps them to the end of
/// the statement or construct, across the await. The machine dropped them
/// before it.
#[desugar]
async fn borrowed_by_operators() -> u32 {
    let same = send(checkout() == 7).await;
    let first = send(row()[0]).await;
    let len = send(checkout().name.len()).await;
    let pair = (checkout() != 8, send(1u32).await);
    let routed = match checkout() == 7 {
        true => send(10u32).await,
        false => 0,
    };
    u32::from(same) + first + len as u32 + u32::from(pair.0) + pair.1 + routed
}

/// A field read through a guard borrows the guard: rustc holds the lock
/// across the await (`try_lock` in the future sees it held).
pub struct Stats {
    hits: u32,
}

pub struct Report {
    stats: std::sync::Arc<std::sync::Mutex<Stats>>,
    value: u32,
}

impl Future for Report {
    type Output = (u32, bool);
    fn poll(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<(u32, bool)> {
        let free = self.stats.try_lock().is_ok();
        desugar::harness::note(format!("lock free: {free}"));
        std::task::Poll::Ready((self.value, free))
    }
}

#[desugar]
#[allow(clippy::await_holding_lock)] // the lock held across the await is under test
async fn field_through_a_guard(stats: std::sync::Arc<std::sync::Mutex<Stats>>) -> (u32, bool) {
    Report {
        stats: stats.clone(),
        value: stats.lock().unwrap().hits,
    }
    .await
}

#[test]
fn a_value_an_operator_or_a_guard_borrows_lives_across_the_await() {
    common::assert_send(&borrowed_by_operators());
    let report = assert_same(borrowed_by_operators, borrowed_by_operators_rustc);
    assert_eq!(report.outcome, "Ready(24)");
    let stats = || std::sync::Arc::new(std::sync::Mutex::new(Stats { hits: 3 }));
    let report = assert_same(
        || field_through_a_guard(stats()),
        || field_through_a_guard_rustc(stats()),
    );
    assert_eq!(report.outcome, "Ready((3, false))");
}

/// A view of a temporary (`trim_matches`, `trim_start`, … return a `&str`
/// of the `String` `to_lowercase` made): the viewed value is named, as for
/// `trim`. Naming the view instead left it borrowing a value dropped at
/// once (E0716).
#[desugar]
async fn views_of_a_temporary(word: String) -> String {
    let a = send(word.to_lowercase().trim_matches('!').to_string()).await;
    let b = send(word.to_uppercase().trim_start().trim_end_matches('!').len()).await;
    format!("{a}{b}")
}

#[test]
fn a_view_of_a_temporary_names_the_viewed_value() {
    common::assert_send(&views_of_a_temporary(String::new()));
    let report = assert_same(
        || views_of_a_temporary(" Hi! ".into()),
        || views_of_a_temporary_rustc(" Hi! ".into()),
    );
    assert_eq!(report.outcome, "Ready(\" hi! 4\")");
}
