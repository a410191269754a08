//! What an `if let` (or `while let`, or `let` chain) keeps of its
//! scrutinee while its `then` block awaits, and what it drops before its
//! `else`, as rustc (Rust 2024) does:
//!
//! - a pattern that leaves some of the value (`Some(_)`, `Ok(Reply { code,
//!   .. })` copying a field, `(3.., _)`) leaves it to the end of the `then`
//!   block: the machine dropped it before the block ran;
//! - the first `let` of a chain keeps its temporaries to the end of the
//!   `then` block too: the machine dropped them at the first await;
//! - an awaited scrutinee that does not match drops before the `else`
//!   block: the machine dropped it after.
//!
//! An await in the first part of a chain, the only part that awaits, is
//! made ahead as a lone `if let`'s. A later `let` of a chain whose
//! temporaries the `then` block would keep across an await is an error
//! (`tests/ui/let_chain_later_temporary.rs`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, Report, assert_same, note};

fn wait(label: &str) -> LeafFuture<()> {
    Leaf::new(label).pending(1).ready(())
}

fn assert_send<T: Send>(_: &T) {}

fn ready(report: Report) {
    assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
}

pub struct Session {
    _conn: Probe,
}

fn sessions() -> BTreeMap<u32, Session> {
    BTreeMap::from([(
        7,
        Session {
            _conn: Probe::new("conn"),
        },
    )])
}

#[desugar]
#[allow(clippy::redundant_pattern_matching)] // the drop order under test
async fn removed_and_ignored(mut sessions: BTreeMap<u32, Session>, id: u32) -> u32 {
    if let Some(_) = sessions.remove(&id) {
        wait("notify").await;
        1
    } else {
        wait("miss").await;
        0
    }
}

pub struct Reply {
    code: u32,
    _body: Probe,
}

fn reply(code: u32) -> Result<Reply, Probe> {
    if code > 0 {
        Ok(Reply {
            code,
            _body: Probe::new("body"),
        })
    } else {
        Err(Probe::new("error"))
    }
}

fn pair(n: u32) -> (u32, Probe) {
    (n, Probe::new("second"))
}

#[desugar]
async fn field_copied(n: u32) -> u32 {
    if let Ok(Reply { code, .. }) = reply(n) {
        wait("store").await;
        code
    } else {
        wait("else").await;
        0
    }
}

#[desugar]
async fn rest_of_a_tuple(n: u32) -> u32 {
    let mut total = 0;
    while let (3.., _) = pair(n - total) {
        wait("loop").await;
        total += 1;
    }
    if let (1, _) = pair(n) {
        wait("one").await;
    }
    total
}

#[test]
fn a_pattern_that_leaves_part_of_the_value_keeps_it_through_the_block() {
    assert_send(&removed_and_ignored(sessions(), 7));
    assert_send(&field_copied(1));
    assert_send(&rest_of_a_tuple(1));
    for id in [7, 8] {
        ready(assert_same(
            || removed_and_ignored(sessions(), id),
            || removed_and_ignored_rustc(sessions(), id),
        ));
    }
    for n in [0, 1, 5] {
        ready(assert_same(|| field_copied(n), || field_copied_rustc(n)));
        ready(assert_same(
            || rest_of_a_tuple(n),
            || rest_of_a_tuple_rustc(n),
        ));
    }
}

fn probes(n: u32) -> Vec<Probe> {
    (0..n).map(|i| Probe::new(format!("p{i}"))).collect()
}

#[desugar]
async fn chain_borrowing_a_temporary(n: u32, flag: bool) -> usize {
    if let Some(first) = probes(n).first()
        && flag
    {
        first.touch();
        wait("then").await;
        1
    } else {
        wait("else").await;
        0
    }
}

/// A condition's temporaries drop where it ends, also in a chain.
#[desugar]
async fn chain_after_a_condition(n: u32) -> u32 {
    if !probes(n).is_empty()
        && let Some(k) = n.checked_sub(1)
    {
        wait("then").await;
        k
    } else {
        0
    }
}

#[desugar]
#[allow(clippy::redundant_pattern_matching)] // the drop order under test
async fn chain_leaving_the_value(n: u32) -> u32 {
    let v = [1u32, 2, 3];
    if let Some(_) = probes(n).pop()
        && let Some(x) = v.get(n as usize)
    {
        wait("then").await;
        *x
    } else {
        9
    }
}

#[test]
fn the_first_let_of_a_chain_keeps_its_temporaries_through_the_block() {
    assert_send(&chain_borrowing_a_temporary(1, true));
    assert_send(&chain_after_a_condition(1));
    assert_send(&chain_leaving_the_value(1));
    for n in [0, 1, 2] {
        for flag in [true, false] {
            ready(assert_same(
                || chain_borrowing_a_temporary(n, flag),
                || chain_borrowing_a_temporary_rustc(n, flag),
            ));
        }
        ready(assert_same(
            || chain_after_a_condition(n),
            || chain_after_a_condition_rustc(n),
        ));
        ready(assert_same(
            || chain_leaving_the_value(n),
            || chain_leaving_the_value_rustc(n),
        ));
    }
}

async fn fetch(ok: bool) -> Result<u32, Probe> {
    Leaf::new("fetch")
        .pending(1)
        .ready(if ok { Ok(1) } else { Err(Probe::new("error")) })
        .await
}

#[desugar]
async fn awaited_then_else(ok: bool) -> u32 {
    let mut r = 0;
    if let Ok(n) = fetch(ok).await {
        r = n;
    } else {
        note("else");
    }
    note("after");
    r
}

#[desugar]
async fn awaited_else_if(first: bool, second: bool) -> u32 {
    if let Ok(n) = fetch(first).await {
        n
    } else if let Ok(m) = fetch(second).await {
        m + 10
    } else {
        note("else");
        0
    }
}

#[test]
fn an_awaited_scrutinee_that_does_not_match_drops_before_the_else() {
    assert_send(&awaited_then_else(true));
    assert_send(&awaited_else_if(true, false));
    for ok in [true, false] {
        ready(assert_same(
            || awaited_then_else(ok),
            || awaited_then_else_rustc(ok),
        ));
        for second in [true, false] {
            ready(assert_same(
                || awaited_else_if(ok, second),
                || awaited_else_if_rustc(ok, second),
            ));
        }
    }
}

/// An await in the first part of a `let` chain, the only part that awaits:
/// its value is made ahead, as a lone `if let`'s is, kept through the
/// `then` block and dropped before the `else` (it was an error).
#[desugar]
async fn chain_awaiting_first(ok: bool, flag: bool) -> u32 {
    if let Ok(n) = fetch(ok).await
        && flag
    {
        wait("then").await;
        n
    } else {
        note("else");
        wait("else").await;
        0
    }
}

#[test]
fn an_awaited_first_part_of_a_chain_is_made_ahead() {
    assert_send(&chain_awaiting_first(true, true));
    for ok in [true, false] {
        for flag in [true, false] {
            ready(assert_same(
                || chain_awaiting_first(ok, flag),
                || chain_awaiting_first_rustc(ok, flag),
            ));
        }
    }
}

async fn fetch_text(ok: bool) -> Result<u32, String> {
    Leaf::new("fetch")
        .pending(1)
        .ready(if ok { Ok(1) } else { Err("error".into()) })
        .await
}

/// The pattern moves a part that is not `Copy` out of the awaited value
/// (`Err(e)` of a `String`), and the `then` block awaits: the value the
/// `else` drops is taken by an `else if let` on it, so the machine may keep
/// it with a drop flag and match it in place (E0507 before, at the
/// attribute).
#[desugar]
async fn moved_out_of_the_awaited_value(ok: bool) -> usize {
    if let Err(e) = fetch_text(ok).await {
        wait("report").await;
        e.len()
    } else {
        note("else");
        0
    }
}

#[test]
fn a_part_moved_out_of_an_awaited_scrutinee_builds() {
    assert_send(&moved_out_of_the_awaited_value(true));
    for ok in [true, false] {
        ready(assert_same(
            || moved_out_of_the_awaited_value(ok),
            || moved_out_of_the_awaited_value_rustc(ok),
        ));
    }
}

fn fetch_probe(k: u32) -> LeafFuture<Result<Probe, Probe>> {
    Leaf::new("fetch").pending(1).ready(if k.is_multiple_of(2) {
        Ok(Probe::new("ok"))
    } else {
        Err(Probe::new("err"))
    })
}

/// Awaited scrutinees that do not match, in the shapes the `else` that
/// drops them takes: an `else if let` chain, a pattern binding by `ref`, a
/// loop around, `while let`, an `if let` giving a value.
#[desugar]
async fn unmatched_values(k: u32) -> usize {
    let chained = if let Ok(p) = fetch_probe(k).await {
        wait("a").await;
        p.label().len()
    } else if let Err(e) = fetch_probe(k + 1).await {
        wait("b").await;
        e.label().len() + 10
    } else {
        note("else");
        wait("c").await;
        0
    };
    let by_ref = if let Ok(ref p) = fetch_probe(k).await {
        wait("d").await;
        p.label().len()
    } else {
        wait("e").await;
        0
    };
    let mut looped = 0;
    for i in 0..k {
        let held = Probe::new("held");
        if let Err(e) = fetch_probe(i).await {
            wait("f").await;
            looped += e.label().len();
        } else {
            held.touch();
            wait("g").await;
        }
    }
    let mut rounds = 0;
    while let Ok(p) = fetch_probe(rounds * 2 + k).await {
        wait("h").await;
        p.touch();
        rounds += 1;
        if rounds > 2 {
            break;
        }
    }
    chained + by_ref + looped + rounds as usize
}

#[test]
fn unmatched_awaited_values_in_chains_loops_and_values() {
    assert_send(&unmatched_values(1));
    for k in 0..4 {
        ready(assert_same(
            || unmatched_values(k),
            || unmatched_values_rustc(k),
        ));
    }
}

#[path = "common/copied_out.rs"]
mod copied_out;

/// See `tests/common/copied_out.rs`: Rust 2024 drops the guard before the
/// `else` awaits, and the tags before it uses `seen`.
#[test]
fn a_value_copied_out_of_a_borrowed_temporary_drops_before_the_else() {
    for ids in [vec![], vec![5]] {
        let ids = Mutex::new(ids);
        let report = assert_same(
            || copied_out::from_a_guard(&ids),
            || copied_out::from_a_guard_rustc(&ids),
        );
        let trace = report.trace.to_string();
        assert!(!trace.contains("locked while polled: true"), "{trace}");
    }
    for n in [0, 2] {
        ready(assert_same(
            || copied_out::from_a_temporary(n, Probe::new("seen")),
            || copied_out::from_a_temporary_rustc(n, Probe::new("seen")),
        ));
    }
}
