//! Deferred initialisation (`let y; if c { y = f().await } else { … }`,
//! also of values with destructors and in `match` arms), moves into awaited
//! futures and `move` closures, and shadowing (the shadowed value lives on
//! to the end of its scope), and locals moved and given a new value across
//! an await. Partial moves are `tests/partial_moves.rs`'s.

use desugar::desugar;
use desugar::harness::{LeafFuture, Probe, assert_same};

use super::support::{assert_send, leaf};

/// Takes `p` by value and drops it when done: a future that owns a probe.
async fn consume(p: Probe, l: LeafFuture<u32>) -> u32 {
    let v = l.await;
    p.touch();
    v
}

// The late initialisation is the construct under test.
#[allow(clippy::needless_late_init)]
#[desugar]
async fn deferred(c: bool, p: Probe) -> u32 {
    let y;
    if c {
        y = leaf("then", 1, 5u32).await;
    } else {
        y = 1;
    }
    let held: Probe;
    let z = match leaf("which", 1, c).await {
        true => {
            held = leaf("make_held", 2, Probe::new("held_true")).await;
            10
        }
        false => {
            held = Probe::new("held_false");
            leaf("false_arm", 1, 20u32).await
        }
    };
    leaf("after_deferred", 1, ()).await;
    held.touch();
    p.touch();
    y + z
}

#[test]
fn deferred_initialisation() {
    assert_send(&deferred(true, Probe::new("p")));
    for (c, outcome) in [(true, "Ready(15)"), (false, "Ready(21)")] {
        let report = assert_same(
            || deferred(c, Probe::new("p")),
            || deferred_rustc(c, Probe::new("p")),
        );
        assert_eq!(report.outcome, outcome);
    }
}

#[desugar]
async fn moves(p: Probe) -> u32 {
    let whole = Probe::new("whole");
    let kept = Probe::new("kept");
    let a = leaf("first", 1, 1u32).await;
    let moved_in = consume(whole, leaf("consume", 2, 2u32)).await;
    let closure_owner = Probe::new("closure_owner");
    let closure = move || closure_owner.touch();
    let b = leaf("after_closure", 1, 3u32).await;
    closure();
    kept.touch();
    p.touch();
    a + moved_in + b
}

#[test]
fn moves_into_awaited_futures_and_closures() {
    assert_send(&moves(Probe::new("p")));
    let report = assert_same(|| moves(Probe::new("p")), || moves_rustc(Probe::new("p")));
    assert_eq!(report.outcome, "Ready(6)");
}

#[desugar]
async fn shadowing(p: Probe) -> usize {
    let x = Probe::new("x1");
    let x = Probe::new(format!("{}-shadow", x.label()));
    let n = leaf("first", 1, 1usize).await;
    x.touch();
    let n = leaf("second", 1, n + x.label().len()).await;
    let p = (p, Probe::new("p_shadow"));
    leaf("third", 1, ()).await;
    p.0.touch();
    p.1.touch();
    n
}

#[test]
fn shadowed_values_live_to_the_end_of_scope() {
    assert_send(&shadowing(Probe::new("p")));
    let report = assert_same(
        || shadowing(Probe::new("p")),
        || shadowing_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(10)");
}

/// A local declared without a value and assigned inside an expression
/// (`{ t = make(); &t }`, as the expansion itself writes a temporary made
/// in place) is initialised from there on: kept across the await.
#[desugar]
async fn assigned_inside_an_expression(p: Probe) -> usize {
    let t;
    let n = {
        t = Probe::new("assigned");
        &t
    }
    .label()
    .len()
        + p.label().len();
    let m = leaf("after", 1, 2usize).await;
    t.touch();
    n + m
}

#[test]
fn assignment_inside_an_expression_initialises() {
    let report = assert_same(
        || assigned_inside_an_expression(Probe::new("p")),
        || assigned_inside_an_expression_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(11)");
}

/// A value whose type only the branch that awaits tells: the machine
/// writes the branch that does not (`None`, `Vec::new()`) in another state,
/// and needs no annotation for it, as rustc does not. (The late
/// initialisation is one of the forms under test, with assignments that end
/// their blocks without a `;`.)
#[allow(clippy::needless_late_init)]
#[desugar]
async fn typed_by_the_awaiting_branch(flag: bool) -> usize {
    let maybe = if flag {
        Some(leaf("some", 1, 2u32).await)
    } else {
        None
    };
    let list = if flag {
        leaf("list", 1, vec![Probe::new("item")]).await
    } else {
        Vec::new()
    };
    let later;
    if flag {
        later = Default::default()
    } else {
        later = leaf("later", 1, 5u64).await
    }
    usize::from(maybe.is_some()) + list.len() + later as usize
}

#[test]
fn no_annotation_is_needed_where_one_branch_awaits() {
    for flag in [false, true] {
        let report = assert_same(
            || typed_by_the_awaiting_branch(flag),
            || typed_by_the_awaiting_branch_rustc(flag),
        );
        assert_eq!(
            report.outcome,
            format!("Ready({})", if flag { 2 } else { 5 })
        );
    }
}

/// Gives back a new probe for the one it takes, after a leaf: the owned
/// handle a protocol step threads through (`conn = step(conn).await`).
async fn step(p: Probe, l: LeafFuture<u32>) -> Probe {
    let v = l.await;
    Probe::new(format!("{}+{v}", p.label()))
}

/// A local moved before (or by) an await and given a new value after it:
/// it has no value while the machine is suspended, so nothing is kept for
/// it; rustc drops the new value at the end of the scope.
#[desugar]
async fn moved_then_assigned(flag: bool) -> String {
    let mut conn = Probe::new("conn");
    conn = step(conn, leaf("first", 1, 1)).await;
    let mut acc = Probe::new("acc");
    let cur = acc;
    let q = Probe::new("q");
    leaf("tick", 1, ()).await;
    acc = Probe::new(format!("{}!", cur.label()));
    if flag {
        conn = step(conn, leaf("again", 1, 2)).await;
    }
    q.touch();
    format!("{} {}", conn.label(), acc.label())
}

/// Moved, then given a new value before the await: the new value is kept
/// to the end of its scope though nothing reads it after the await.
#[desugar]
async fn assigned_again_before_an_await() -> u32 {
    let mut a = Probe::new("a");
    drop(a);
    a = Probe::new("b");
    let n = leaf("l", 1, 3u32).await;
    let _c = Probe::new("c");
    a.touch();
    n
}

/// A value syntax cannot see to be `Copy`, given by value before an await
/// and read after it: still kept.
#[desugar]
async fn copied_and_read_after(n: u32) -> u32 {
    let id = u32::from(n as u16);
    let sent = leaf("send", 1, id).await;
    sent + id
}

/// Given by value in a branch's awaited operand (a copy, for a number),
/// then assigned after another await: on the other path it was never given
/// away, and the await between keeps it (fuzz seed 774, case 230).
#[desugar]
async fn given_in_a_branch_then_assigned(flag: bool, mut n: u32) -> u32 {
    if flag {
        let a = leaf("a", 1, n).await;
        if a > 100 {
            return 0;
        }
    }
    n = leaf("b", 1, 8u32).await;
    n
}

#[test]
fn locals_moved_and_assigned_again() {
    for flag in [false, true] {
        let report = assert_same(
            move || given_in_a_branch_then_assigned(flag, 3),
            move || given_in_a_branch_then_assigned_rustc(flag, 3),
        );
        assert_eq!(report.outcome, "Ready(8)");
    }
    for flag in [false, true] {
        assert_send(&moved_then_assigned(flag));
        let report = assert_same(
            || moved_then_assigned(flag),
            move || moved_then_assigned_rustc(flag),
        );
        let expected = if flag { "conn+1+2 acc!" } else { "conn+1 acc!" };
        assert_eq!(report.outcome, format!("Ready({expected:?})"));
    }
    let report = assert_same(
        assigned_again_before_an_await,
        assigned_again_before_an_await_rustc,
    );
    assert_eq!(report.outcome, "Ready(3)");
    let report = assert_same(
        || copied_and_read_after(4),
        || copied_and_read_after_rustc(4),
    );
    assert_eq!(report.outcome, "Ready(8)");
}
