//! Awaits in statements and `let`s: expression statements (value kept or
//! discarded), `let` with types and patterns, `let _`, `let … else`, tails,
//! blocks (as statements and as values), plain and compound assignment,
//! and temporaries, borrowed by the awaited future or made after the
//! await, dropped at the end of their statement (tails: before the locals,
//! as in edition 2024). Also: a future with only carried values is `Unpin`
//! and may move between polls. Temporaries made before an await and not
//! borrowed by it are `tests/earlier_parts.rs`'s; one `#[desugar]` cannot
//! name is a compile error asking for a `let`
//! (`tests/ui/await_after_effect.rs`).

use desugar::desugar;
use desugar::harness::{Comparison, LeafFuture, Probe, assert_same};

use super::support::{assert_send, leaf};

/// Awaits `l`, then touches `p`: a future that borrows `p` until it is done.
async fn touch_after(p: &Probe, l: LeafFuture<usize>) -> usize {
    let v = l.await;
    p.touch();
    v
}

#[desugar]
async fn statements_and_tail(p: Probe) -> u32 {
    leaf("first", 1, ()).await;
    let q = Probe::new("q");
    leaf("discarded", 2, 5u32).await;
    q.touch();
    leaf("dropped_output", 1, Probe::new("out")).await;
    p.touch();
    leaf("tail", 1, 7u32).await
}

#[test]
fn await_as_statement_and_as_tail() {
    assert_send(&statements_and_tail(Probe::new("p")));
    let report = assert_same(
        || statements_and_tail(Probe::new("p")),
        || statements_and_tail_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(7)");
}

#[derive(Debug)]
struct Pair {
    left: Probe,
    right: u32,
}

#[desugar]
async fn lets(p: Probe) -> u64 {
    let plain = leaf("plain", 1, 1u32).await;
    let typed: u64 = leaf("typed", 2, 10u64).await;
    let (a, b) = leaf("tuple", 1, (Probe::new("a"), 100u64)).await;
    let Pair { left, right } = leaf(
        "struct",
        1,
        Pair {
            left: Probe::new("left"),
            right: 1000,
        },
    )
    .await;
    let _ = leaf("underscore", 1, Probe::new("ignored")).await;
    let _kept = leaf("kept", 1, Probe::new("kept")).await;
    let mut m = leaf("mut", 0, 3u64).await;
    m += 1;
    leaf("after", 1, ()).await;
    a.touch();
    left.touch();
    p.touch();
    u64::from(plain) + typed + b + u64::from(right) + m
}

#[test]
fn let_with_types_and_patterns() {
    assert_send(&lets(Probe::new("p")));
    let report = assert_same(|| lets(Probe::new("p")), || lets_rustc(Probe::new("p")));
    assert_eq!(report.outcome, "Ready(1115)");
}

#[desugar]
async fn let_else(input: Option<u32>, result: Result<u32, ()>, p: Probe) -> u32 {
    let q = Probe::new("q");
    let Some(n) = leaf("option", 1, input).await else {
        p.touch();
        return 0;
    };
    let r = Probe::new("r");
    let Ok(m) = leaf("result", 2, result).await else {
        q.touch();
        return 1;
    };
    leaf("after", 1, ()).await;
    r.touch();
    n + m
}

/// The `else` of a `let … else` awaits: the value matched and its
/// temporaries drop before the `else` runs, as in rustc; where the pattern
/// matches, what it leaves of the value drops at the end of the statement.
#[desugar]
async fn let_else_awaiting_in_else(input: Result<u32, u32>, p: Probe) -> u32 {
    let guard = Probe::new("guard");
    let Ok((mut n, _)) = input
        .map(|x| (x, Probe::new("part")))
        .map_err(|e| (e, Probe::new("err")))
    else {
        Probe::new("in else").touch();
        leaf("log", 1, ()).await;
        return leaf("fallback", 1, 9u32).await;
    };
    n += leaf("after", 1, 1u32).await;
    guard.touch();
    p.touch();
    n
}

/// In a loop, the `else` awaits and goes on with the next item; a pattern
/// on a reference binds references into the matched value.
#[desugar]
async fn let_else_awaiting_in_a_loop(items: Vec<Option<u32>>) -> u32 {
    let mut total = 0;
    for item in items {
        let Some(v) = &item else {
            total += leaf("skip", 1, 100u32).await;
            continue;
        };
        total += leaf("v", 1, *v).await;
    }
    total
}

#[test]
fn let_else_on_an_awaited_value() {
    assert_send(&let_else(Some(1), Ok(2), Probe::new("p")));
    for (input, result, outcome) in [
        (Some(1), Ok(2), "Ready(3)"),
        (None, Ok(2), "Ready(0)"),
        (Some(1), Err(()), "Ready(1)"),
    ] {
        let report = assert_same(
            || let_else(input, result, Probe::new("p")),
            || let_else_rustc(input, result, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn blocks(p: Probe) -> u32 {
    let y = leaf("y", 1, 1u32).await;
    {
        let inner = Probe::new("inner");
        leaf("statement_block", 2, ()).await;
        inner.touch();
    }
    let z = {
        let d = Probe::new("value_block");
        let v = leaf("value_block", 1, 2u32).await + y;
        d.touch();
        v
    };
    let w = {
        let e = Probe::new("tail_block");
        e.touch();
        leaf("tail_of_block", 1, 10u32).await
    };
    p.touch();
    z + w
}

#[test]
fn blocks_as_statements_and_values() {
    assert_send(&blocks(Probe::new("p")));
    let report = assert_same(|| blocks(Probe::new("p")), || blocks_rustc(Probe::new("p")));
    assert_eq!(report.outcome, "Ready(13)");
}

#[derive(Debug, Default)]
struct Totals {
    count: u32,
    items: [u32; 2],
}

#[desugar]
async fn assignments(p: Probe) -> (u32, u32, Probe) {
    let mut total = 1u32;
    total += leaf("add", 1, 2u32).await;
    total *= leaf("mul", 2, 3u32).await;
    total -= leaf("sub", 0, 1u32).await;
    total <<= leaf("shl", 1, 1u32).await;
    let mut t = Totals::default();
    t.count += leaf("field", 1, 4u32).await;
    t.items[1] = leaf("index", 1, 5u32).await;
    let mut current = Probe::new("old");
    current.touch();
    current = leaf("replace", 1, Probe::new("new")).await;
    current.touch();
    p.touch();
    (total, t.count + t.items[1] + t.items[0], current)
}

#[test]
fn plain_and_compound_assignment() {
    assert_send(&assignments(Probe::new("p")));
    let report = assert_same(
        || assignments(Probe::new("p")),
        || assignments_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, r#"Ready((16, 9, Probe("new")))"#);
}

#[desugar]
async fn statement_temporaries(p: Probe) -> usize {
    let a = leaf("before_temp", 2, 100usize).await + Probe::new("operand_temp").label().len();
    let b = touch_after(&Probe::new("borrowed_temp"), leaf("borrowing", 1, 1usize)).await;
    touch_after(&Probe::new("statement_temp"), leaf("statement", 1, 0usize)).await;
    leaf("moved_in", 1, Probe::new("moved_in")).await.touch();
    let local = Probe::new("local");
    leaf("before", 1, ()).await;
    local.touch();
    p.touch();
    leaf("tail", 1, 1usize).await + Probe::new("tail_temp").label().len() + a + b
}

#[test]
fn temporaries_drop_at_the_end_of_their_statement() {
    assert_send(&statement_temporaries(Probe::new("p")));
    let report = assert_same(
        || statement_temporaries(Probe::new("p")),
        || statement_temporaries_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(123)");
}

#[desugar]
async fn carried_only(p: Probe, n: u32) -> u32 {
    let q = Probe::new("q");
    let a = leaf("a", 1, n).await;
    let b = leaf("b", 2, a + 1).await;
    q.touch();
    p.touch();
    a + b
}

#[test]
fn an_unpin_machine_may_move_between_polls() {
    let report = Comparison::new()
        .interleave_pending()
        .run_moving(
            || carried_only(Probe::new("p"), 1),
            || carried_only_rustc(Probe::new("p"), 1),
        )
        .unwrap();
    assert_eq!(report.outcome, "Ready(3)");
}

/// A local matched where it is: what the pattern leaves of it stays in it,
/// to the end of its scope, as rustc leaves it.
#[desugar]
async fn let_else_on_a_local(pair: Result<(u32, Probe), u32>, p: Probe) -> u32 {
    let Ok((n, _)) = pair else {
        p.touch();
        return leaf("err", 1, 0u32).await;
    };
    let m = leaf("after", 1, 1u32).await;
    p.touch();
    n + m
}

/// A typed struct pattern with a `mut` binding; an `else` that breaks out
/// of a labeled block with a value after awaiting.
#[desugar]
async fn let_else_patterns(input: Option<(u32, String)>, items: Vec<Result<u32, u32>>) -> u32 {
    struct Named {
        n: u32,
        text: String,
    }
    let named = input.map(|(n, text)| Named { n, text });
    let Some(Named { n, text: mut name }): Option<Named> = named else {
        return leaf("none", 1, 0u32).await;
    };
    name.push('x');
    let total = 'outer: {
        let mut acc = 0;
        for item in items.iter().copied() {
            let Ok(v) = item else {
                let e = leaf("err", 1, 10u32).await;
                break 'outer acc + e;
            };
            acc += v;
        }
        acc
    };
    n + name.len() as u32 + total
}

/// A slice pattern on a borrowed slice (`v.as_slice()`, `&v[1..]`), with
/// an `else` that awaits: the pattern copies the references out of the
/// value it matches, so the bindings borrow `v` across the later await,
/// and `v` stays in place, as for `let first = &v[0];`. The machine kept
/// `v` by value beside `first` (E0505, E0597).
#[desugar]
async fn let_else_borrowing_a_slice(v: Vec<Probe>) -> usize {
    let [first, ..] = v.as_slice() else {
        leaf("short", 1, ()).await;
        return 0;
    };
    let [.., last] = &v[1..] else {
        return leaf("one", 1, 1usize).await;
    };
    leaf("after", 1, ()).await;
    first.touch();
    last.touch();
    first.label().len() + last.label().len()
}

/// An unsized place (`v[..]`), matched where it is, as rustc matches it:
/// the pattern copies its elements out. The rewrite bound it to a local
/// of its own, which does not build (E0277).
#[desugar]
async fn let_else_on_an_unsized_place(v: Vec<u32>, p: Probe) -> u32 {
    let [n, .., m] = v[..] else {
        p.touch();
        return leaf("short", 1, 0u32).await;
    };
    leaf("after", 1, ()).await;
    p.touch();
    n + m
}

#[test]
fn let_else_on_slices() {
    let probes = |n: usize| (0..n).map(|i| Probe::new(format!("v{i}"))).collect();
    assert_send(&let_else_borrowing_a_slice(probes(2)));
    for n in [0, 1, 3] {
        let _ = assert_same(
            || let_else_borrowing_a_slice(probes(n)),
            || let_else_borrowing_a_slice_rustc(probes(n)),
        );
    }
    assert_send(&let_else_on_an_unsized_place(vec![1], Probe::new("p")));
    for v in [vec![], vec![4], vec![4, 5, 6]] {
        let _ = assert_same(
            || let_else_on_an_unsized_place(v.clone(), Probe::new("p")),
            || let_else_on_an_unsized_place_rustc(v.clone(), Probe::new("p")),
        );
    }
}

#[test]
fn let_else_whose_else_awaits() {
    assert_send(&let_else_awaiting_in_else(Ok(3), Probe::new("p")));
    assert_send(&let_else_on_a_local(Err(5), Probe::new("p")));
    for input in [Ok(3), Err(4)] {
        let _ = assert_same(
            || let_else_awaiting_in_else(input, Probe::new("p")),
            || let_else_awaiting_in_else_rustc(input, Probe::new("p")),
        );
    }
    let report = assert_same(
        || let_else_awaiting_in_a_loop(vec![Some(1), None, Some(3)]),
        || let_else_awaiting_in_a_loop_rustc(vec![Some(1), None, Some(3)]),
    );
    assert_eq!(report.outcome, "Ready(104)");
    for ok in [true, false] {
        let pair = |ok| {
            if ok {
                Ok((3, Probe::new("kept")))
            } else {
                Err(5)
            }
        };
        let _ = assert_same(
            || let_else_on_a_local(pair(ok), Probe::new("p")),
            || let_else_on_a_local_rustc(pair(ok), Probe::new("p")),
        );
    }
    for input in [None, Some((3, String::from("ab")))] {
        for items in [vec![Ok(1), Err(2), Ok(3)], vec![Ok(1)]] {
            let _ = assert_same(
                || let_else_patterns(input.clone(), items.clone()),
                || let_else_patterns_rustc(input.clone(), items.clone()),
            );
        }
    }
}

fn fail(why: &str) -> ! {
    panic!("{why}")
}

/// An `else` that awaits and ends in a call of a fn returning `!`, which
/// syntax cannot tell from one that returns: rustc checks the block
/// diverges, and the machine's arm ends in an `unreachable!()` that never
/// runs.
#[desugar]
async fn let_else_ending_in_a_diverging_call(o: Option<u8>, p: Probe) -> u8 {
    let Some(x) = o else {
        leaf("none", 1, ()).await;
        fail("none");
    };
    leaf("after", 1, ()).await;
    p.touch();
    x
}

#[test]
fn let_else_whose_else_ends_in_a_diverging_call() {
    assert_send(&let_else_ending_in_a_diverging_call(None, Probe::new("p")));
    for o in [Some(20), None] {
        let report = assert_same(
            || let_else_ending_in_a_diverging_call(o, Probe::new("p")),
            || let_else_ending_in_a_diverging_call_rustc(o, Probe::new("p")),
        );
        assert_eq!(
            report.outcome.contains("panic"),
            o.is_none(),
            "{}",
            report.outcome
        );
    }
}
