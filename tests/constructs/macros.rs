//! Awaits inside the arguments of the standard macros (`format!`, `vec!`
//! in both forms, `println!`, `assert!`, `assert_eq!`, `write!`), and
//! `join!`/`select!`-style macros whose own expansion awaits, called by
//! path (`support::join!`) and by an imported name (`select!`). They are
//! written in `support` in the style of `futures::join!`, as the suite has
//! no `futures` dependency.

use std::fmt::Write as _;

use desugar::desugar;
use desugar::harness::{Probe, assert_same};

use super::support::{self, Either, assert_send, leaf, select};

#[desugar]
async fn formatting(x: u32, p: Probe) -> String {
    let q = Probe::new("q");
    let a = format!(
        "{}-{x}-{}",
        leaf("f1", 1, 1u32).await,
        leaf("f2", 2, 2u32).await
    );
    println!("{} {}", leaf("print", 1, 3u32).await, q.label());
    let mut out = String::new();
    write!(out, "[{}]", leaf("write", 1, 4u32).await).unwrap();
    writeln!(out, "{a}").unwrap();
    q.touch();
    p.touch();
    out
}

#[test]
fn format_println_and_write() {
    assert_send(&formatting(9, Probe::new("p")));
    let report = assert_same(
        || formatting(9, Probe::new("p")),
        || formatting_rustc(9, Probe::new("p")),
    );
    assert_eq!(report.outcome, r#"Ready("[4]1-9-2\n")"#);
}

#[desugar]
async fn collections_and_assertions(p: Probe) -> (Vec<u32>, Vec<Probe>) {
    let q = Probe::new("q");
    let list = vec![leaf("v1", 1, 1u32).await, 2, leaf("v3", 1, 3u32).await];
    let probes = vec![
        leaf("probe_a", 1, Probe::new("a")).await,
        leaf("probe_b", 2, Probe::new("b")).await,
    ];
    let repeated = vec![leaf("elem", 1, 7u32).await; 2];
    assert!(leaf("assert", 1, true).await, "{}", q.label());
    assert_eq!(leaf("assert_eq", 1, 3u32).await, list[2]);
    assert_ne!(leaf("assert_ne", 1, 0u32).await, 1, "{}", p.label());
    q.touch();
    p.touch();
    (list.into_iter().chain(repeated).collect(), probes)
}

#[test]
fn vec_and_assertions() {
    assert_send(&collections_and_assertions(Probe::new("p")));
    let report = assert_same(
        || collections_and_assertions(Probe::new("p")),
        || collections_and_assertions_rustc(Probe::new("p")),
    );
    assert_eq!(
        report.outcome,
        r#"Ready(([1, 2, 3, 7, 7], [Probe("a"), Probe("b")]))"#
    );
}

#[desugar]
async fn awaiting_macros(p: Probe) -> (u32, u32, u32) {
    let q = Probe::new("q");
    let (a, b) = support::join!(leaf("join_a", 2, 1u32), leaf("join_b", 1, 2u32));
    let c = match select!(leaf("slow", 3, 10u32), leaf("fast", 1, 20u32)) {
        Either::Left(v) | Either::Right(v) => v,
    };
    q.touch();
    p.touch();
    (a, b, c)
}

#[test]
fn join_and_select_style_macros() {
    assert_send(&awaiting_macros(Probe::new("p")));
    let report = assert_same(
        || awaiting_macros(Probe::new("p")),
        || awaiting_macros_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((1, 2, 20))");
}

/// Awaiting macros, and an awaited `async` block, in code the expansion
/// writes more than once: a loop body (once to enter the loop, once per
/// await resumed inside it) and the code after a branch that awaits. Each
/// copy's future is a type of its own, wrapped in its own variant of
/// `__private::Copies`.
#[desugar]
async fn awaiting_macros_in_a_loop(rounds: u32, p: Probe) -> u32 {
    let mut total = 0;
    for round in 0..rounds {
        let (a, b) = support::join!(leaf("join_a", 2, 3u32), leaf("join_b", 1, 2u32));
        total += a * b + round;
        total += match select!(leaf("slow", 3, 10u32), leaf("fast", 1, 20u32)) {
            Either::Left(v) | Either::Right(v) => v,
        };
        total += async { leaf("block", 1, round).await + 1 }.await;
    }
    p.touch();
    total
}

#[desugar]
async fn async_block_after_a_branch(flag: bool) -> u32 {
    let q = Probe::new("q");
    if flag {
        leaf("branch", 1, ()).await;
    }
    let n = async { leaf("after", 1, 7u32).await }.await;
    q.touch();
    n
}

#[test]
fn awaiting_macros_and_async_blocks_written_twice() {
    assert_send(&awaiting_macros_in_a_loop(2, Probe::new("p")));
    let report = assert_same(
        || awaiting_macros_in_a_loop(3, Probe::new("p")),
        || awaiting_macros_in_a_loop_rustc(3, Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(87)");
    for flag in [true, false] {
        assert_send(&async_block_after_a_branch(flag));
        let report = assert_same(
            || async_block_after_a_branch(flag),
            || async_block_after_a_branch_rustc(flag),
        );
        assert_eq!(report.outcome, "Ready(7)");
    }
}

async fn len_of(p: &Probe) -> u32 {
    leaf("len_of", 1, ()).await;
    p.label().len() as u32
}

/// The futures a `join!` awaits made first, from borrowed locals: the
/// macro moves them into its inner `async` block, and the locals they
/// borrow are kept in place (what the error for `join!(len_of(&q), ..)`
/// asks for: `tests/ui/awaiting_macro_borrows_local.rs`).
#[desugar]
async fn join_of_futures_made_first(p: Probe) -> u32 {
    let q = Probe::new("q");
    let fa = len_of(&q);
    let fb = len_of(&p);
    let (a, b) = support::join!(fa, fb);
    q.touch();
    a + b
}

#[test]
fn a_join_of_futures_that_borrow_locals() {
    assert_send(&join_of_futures_made_first(Probe::new("p")));
    let report = assert_same(
        || join_of_futures_made_first(Probe::new("p")),
        || join_of_futures_made_first_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

async fn holding(p: Probe, n: u32) -> u32 {
    let v = leaf("held", 1, n).await;
    p.touch();
    v
}

/// A `join!` whose futures copy locals (numbers, a shared reference) and
/// move one as an operand: its inner `async` block takes them by value,
/// where a plain block would borrow the copied ones from the step that
/// makes it (rustc's E0373 for the block). The locals stay usable after.
#[desugar]
async fn join_copying_locals(p: Probe, n: u32) -> u32 {
    let m = n + 1;
    let r = &p;
    let owned = Probe::new("owned");
    let kept = Probe::new("kept");
    let (a, b) = support::join!(
        leaf("a", 2, n + m),
        holding(owned, r.label().len() as u32 + m)
    );
    let c = leaf("c", 1, m).await;
    r.touch();
    kept.touch();
    a + b + c
}

/// A `select!` branch naming locals that are visibly numbers (a type
/// written, or arithmetic of numbers): the inner `async` block copies them,
/// as rustc's branch reads them.
#[desugar]
async fn select_branch_reading_a_number(n: u32) -> u32 {
    let k: u32 = n * 3;
    let j = k + 1;
    let got = support::select_biased! {
        a = leaf("slow", 2, n) => a + k,
        b = leaf("fast", 1, k) => b * k + j,
    };
    got + k
}

/// The same with the numbers named nowhere but inside a branch's format
/// string (`"{k}"`, a width `w$`): the block copies them too.
#[desugar]
async fn select_branch_formatting_a_number(n: u32) -> String {
    let k: u32 = n * 3;
    let w: usize = 4;
    support::select_biased! {
        a = leaf("slow", 2, 1u32) => format!("{a}{k:>w$}"),
        b = leaf("fast", 1, 2u32) => format!("{b}{k:<w$}"),
    }
}

/// The same in a loop, whose body the expansion writes twice.
#[desugar]
async fn join_copying_locals_in_a_loop(rounds: u32) -> u32 {
    let mut total = 0;
    for round in 0..rounds {
        let step = 2;
        let (a, b) = support::join!(leaf("a", 1, round), leaf("b", 0, round * step));
        total += a + b;
    }
    total
}

#[test]
fn a_join_copying_locals() {
    assert_send(&join_copying_locals(Probe::new("p"), 3));
    let report = assert_same(
        || join_copying_locals(Probe::new("p"), 3),
        || join_copying_locals_rustc(Probe::new("p"), 3),
    );
    assert_eq!(report.outcome, "Ready(16)");
    assert_send(&join_copying_locals_in_a_loop(3));
    let report = assert_same(
        || join_copying_locals_in_a_loop(3),
        || join_copying_locals_in_a_loop_rustc(3),
    );
    assert_eq!(report.outcome, "Ready(9)");
    assert_send(&select_branch_reading_a_number(2));
    let report = assert_same(
        || select_branch_reading_a_number(2),
        || select_branch_reading_a_number_rustc(2),
    );
    assert_eq!(report.outcome, "Ready(49)");
    let report = assert_same(
        || select_branch_formatting_a_number(2),
        || select_branch_formatting_a_number_rustc(2),
    );
    assert_eq!(report.outcome, r#"Ready("26   ")"#);
}

/// `poll!` polls a future once, here one the fn keeps pinned in a `Box`
/// and awaits after: the expansion awaits a future that polls it once, with
/// the local borrowed by the awaited expression as any operand.
#[desugar]
async fn polled_once(p: Probe) -> u32 {
    let mut fut = Box::pin(leaf("slow", 2, 5u32));
    let first = support::poll!(fut.as_mut());
    let n = match first {
        core::task::Poll::Ready(v) => v,
        core::task::Poll::Pending => fut.await + 1,
    };
    let ready = support::poll!(leaf("ready", 0, 2u32));
    p.touch();
    n + u32::from(ready.is_ready())
}

#[test]
fn poll_macro_polls_once() {
    assert_send(&polled_once(Probe::new("p")));
    let report = assert_same(
        || polled_once(Probe::new("p")),
        || polled_once_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
}

/// A macro that awaits in its own expansion, inside the arguments of
/// `vec!` and `format!` (was E0728: the statement was left as written, the
/// macro's `.await` outside any `async` context).
#[desugar]
async fn awaiting_macros_in_macro_arguments(p: Probe) -> usize {
    let list = vec![support::join!(leaf("a", 2, 1u32), leaf("b", 1, 2u32)).0, 3];
    let text = format!(
        "{}-{}",
        p.label(),
        support::join!(leaf("c", 1, 4u32), leaf("d", 0, 5u32)).1
    );
    list.len() + text.len()
}

#[test]
fn awaiting_macros_inside_macro_arguments() {
    assert_send(&awaiting_macros_in_macro_arguments(Probe::new("p")));
    let report = assert_same(
        || awaiting_macros_in_macro_arguments(Probe::new("p")),
        || awaiting_macros_in_macro_arguments_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(5)");
}

/// `matches!` in an awaited expression and before an await: its value is
/// matched as a `match` scrutinee, so a temporary it makes lives to the
/// end of the statement, and a local it reads is not lent to the future.
/// The macro was out of sight: a local it read was kept in place for the
/// future, and the macro's use of it was an error.
#[desugar]
#[allow(clippy::redundant_pattern_matching)] // `matches!` is the shape under test
async fn matches_in_awaited_expressions(p: Probe) -> u32 {
    let x = leaf("x", 1, Some(3u32)).await;
    let a = leaf("a", 1, u32::from(matches!(x, Some(3)))).await;
    let b = leaf("b", 1, u32::from(matches!(Some(Probe::new("t")), Some(_)))).await;
    let c = u32::from(matches!(Some(Probe::new("u")), None)) + leaf("c", 1, 4u32).await;
    p.touch();
    a + b + c + x.unwrap_or(0)
}

#[test]
fn matches_in_an_awaited_expression() {
    assert_send(&matches_in_awaited_expressions(Probe::new("p")));
    let report = assert_same(
        || matches_in_awaited_expressions(Probe::new("p")),
        || matches_in_awaited_expressions_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

/// A writer that `write!` writes to is borrowed for the call, not moved:
/// it lives to the end of its scope, across the await after. Taken for
/// moved, it dropped at the suspension.
struct Sink(#[allow(dead_code)] Probe);

impl std::fmt::Write for Sink {
    fn write_str(&mut self, _: &str) -> std::fmt::Result {
        Ok(())
    }
}

#[desugar]
async fn written_then_awaited() -> u32 {
    let mut sink = Sink(Probe::new("sink"));
    write!(sink, "{}", 1).unwrap();
    leaf("after", 1, 2u32).await
}

#[test]
fn a_writer_lives_to_the_end_of_its_scope() {
    let report = assert_same(written_then_awaited, written_then_awaited_rustc);
    assert_eq!(report.outcome, "Ready(2)");
}

/// A braced macro call ending a block is the block's value, as rustc reads
/// it: `select! { .. }` as a fn's or an arm's last expression, `format! { .. }`.
#[desugar]
async fn braced_macros_as_tails(p: Probe, flag: bool) -> (u32, String) {
    let n = leaf("first", 1, 3u32).await;
    let picked = if flag {
        let (slow, fast) = (leaf("slow", 2, n), leaf("fast", 1, n + 1));
        select! { slow, fast }
    } else {
        Either::Left(0)
    };
    let label = format! { "{}-{}", n, p.label() };
    let first = leaf("a", 1, n);
    let (a, b) = support::join! { first, leaf("b", 0, 2u32) };
    let v = match picked {
        Either::Left(v) | Either::Right(v) => v,
    };
    (v + a + b, label)
}

#[desugar]
async fn braced_join_as_the_body_s_tail(n: u32) -> (u32, u32) {
    let m = leaf("m", 1, n).await;
    let (a, b) = (leaf("a", 1, m), leaf("b", 2, m + 1));
    support::join! { a, b }
}

#[test]
fn braced_macros_ending_a_block() {
    for flag in [false, true] {
        let _ = assert_same(
            || braced_macros_as_tails(Probe::new("p"), flag),
            || braced_macros_as_tails_rustc(Probe::new("p"), flag),
        );
    }
    let report = assert_same(
        || braced_join_as_the_body_s_tail(4),
        || braced_join_as_the_body_s_tail_rustc(4),
    );
    assert_eq!(report.outcome, "Ready((4, 5))");
}

/// `stringify!`, `concat!`, `line!` and the like give a constant made of
/// their arguments' text: a local named there is not used. `name` lives
/// across the await without keeping `p`, which `r` borrows across it, and
/// `q`, moved before it, is named after it.
#[desugar]
async fn names_that_are_not_uses(p: Probe) -> String {
    let q = Probe::new("q");
    drop(q);
    let r = &p;
    let name = stringify!(p);
    let v = leaf("v", 1, 5u32).await;
    let text = concat!("a", stringify!(q), 1);
    format!(
        "{}={v} {name} {} {text} {}",
        stringify!(q),
        r.label(),
        line!() > 0
    )
}

#[test]
fn names_in_stringify_and_concat() {
    let report = assert_same(
        || names_that_are_not_uses(Probe::new("p")),
        || names_that_are_not_uses_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, r#"Ready("q=5 p p aq1 true")"#);
}
