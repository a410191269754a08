//! A local moved and then given a new value (`conn = step(conn)`) holds
//! that value at the awaits after the assignment: rustc keeps it there and
//! drops it at the end of its scope, even where nothing reads it again.
//! The machine keeps it too, rather than taking it for moved.

#![allow(unused_assignments)] // values overwritten unread are under test

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

fn step_now(conn: Probe) -> Probe {
    conn.touch();
    Probe::new("stepped")
}

async fn step(conn: Probe) -> Probe {
    conn.touch();
    Leaf::new("step")
        .pending(1)
        .ready(Probe::new("stepped"))
        .await
}

async fn ack(n: u32) -> u32 {
    Leaf::new("ack").pending(1).ready(n).await
}

async fn query(conn: &Probe) -> u32 {
    conn.touch();
    Leaf::new("query").pending(1).ready(1).await
}

#[desugar]
async fn moved_and_reassigned() -> u32 {
    let mut conn = Probe::new("opened");
    conn = step_now(conn);
    conn.touch();
    ack(1).await
}

/// The new value comes from an await: not kept there (it has none), kept
/// at the next.
#[desugar]
async fn reassigned_by_an_await() -> u32 {
    let mut conn = Probe::new("opened");
    conn = step(conn).await;
    conn.touch();
    ack(2).await
}

#[desugar]
async fn dropped_then_reassigned() -> u32 {
    let mut conn = Probe::new("opened");
    drop(conn);
    ack(0).await;
    conn = Probe::new("reopened");
    conn.touch();
    ack(3).await
}

#[test]
fn a_reassigned_local_is_kept_to_the_end_of_its_scope() {
    let report = assert_same(moved_and_reassigned, moved_and_reassigned_rustc);
    assert_eq!(report.trace.probe_drops(), ["opened", "stepped"]);
    let report = assert_same(reassigned_by_an_await, reassigned_by_an_await_rustc);
    assert_eq!(report.trace.probe_drops(), ["opened", "stepped"]);
    let report = assert_same(dropped_then_reassigned, dropped_then_reassigned_rustc);
    assert_eq!(report.trace.probe_drops(), ["opened", "reopened"]);
}

/// Threaded through a loop: the value of each iteration is kept at the
/// awaits after its assignment, and the last one after the loop.
#[desugar]
async fn reassigned_in_a_loop(n: u32) -> u32 {
    let mut conn = Probe::new("opened");
    let mut done = 0;
    while done < n {
        done += ack(1).await;
        conn = step_now(conn);
    }
    ack(done).await
}

#[desugar]
async fn reassigned_by_an_await_in_a_loop(n: u32) -> u32 {
    let mut conn = Probe::new("opened");
    for _ in 0..n {
        conn = step(conn).await;
        ack(0).await;
    }
    ack(n).await
}

/// The README's protocol loop, which did not build (E0382).
#[desugar]
async fn stepped_until(n: u32) -> Result<u32, ()> {
    let mut conn = Probe::new("opened");
    let mut i = 0;
    loop {
        if i == n {
            break;
        }
        conn = step(conn).await;
        i += ack(1).await;
    }
    conn.touch();
    Ok(i)
}

#[test]
fn a_local_reassigned_in_a_loop_is_kept_at_every_await() {
    for n in 0..3 {
        let report = assert_same(|| reassigned_in_a_loop(n), || reassigned_in_a_loop_rustc(n));
        assert_eq!(report.outcome, format!("Ready({n})"));
        let report = assert_same(
            || reassigned_by_an_await_in_a_loop(n),
            || reassigned_by_an_await_in_a_loop_rustc(n),
        );
        assert_eq!(report.trace.probe_drops().len(), n as usize + 1);
        let report = assert_same(|| stepped_until(n), || stepped_until_rustc(n));
        assert_eq!(report.outcome, format!("Ready(Ok({n}))"));
    }
}

/// Moved on one path and reassigned on every path, or moved on every path
/// and reassigned on one: whether it holds a value at the await depends on
/// the path, as rustc's drop flag says.
#[desugar]
async fn moved_on_a_branch_then_reassigned(moved: bool) -> u32 {
    let mut conn = Probe::new("opened");
    if moved {
        drop(conn);
    }
    conn = Probe::new("reopened");
    ack(1).await;
    conn.touch();
    2
}

#[desugar]
async fn reassigned_on_a_branch(reopen: bool) -> u32 {
    let mut conn = Probe::new("opened");
    let other = Probe::new("other");
    drop(conn);
    if reopen {
        conn = Probe::new("reopened");
        conn.touch();
    }
    ack(1).await;
    other.touch();
    3
}

#[test]
fn a_local_reassigned_on_some_paths_drops_by_its_flag() {
    for c in [false, true] {
        let report = assert_same(
            || moved_on_a_branch_then_reassigned(c),
            || moved_on_a_branch_then_reassigned_rustc(c),
        );
        assert_eq!(report.trace.probe_drops(), ["opened", "reopened"]);
        let report = assert_same(
            || reassigned_on_a_branch(c),
            || reassigned_on_a_branch_rustc(c),
        );
        let expected: &[&str] = if c {
            &["opened", "other", "reopened"]
        } else {
            &["opened", "other"]
        };
        assert_eq!(report.trace.probe_drops(), expected);
    }
}

/// A closure called, then moved away before the await: the machine drops
/// it where the user does, and needs no check of the call.
#[desugar]
async fn closure_dropped_before_the_await() -> u32 {
    let conn = Probe::new("captured");
    let touch = move || conn.touch();
    touch();
    drop(touch);
    ack(4).await
}

#[test]
fn a_closure_moved_after_its_call_is_not_checked() {
    let report = assert_same(
        closure_dropped_before_the_await,
        closure_dropped_before_the_await_rustc,
    );
    assert_eq!(report.outcome, "Ready(4)");
}

/// Given a value on some paths only before an await, and a new one after
/// it before anything reads it: what it may hold at the await is kept, by
/// its drop flag, and dropped where the assignment replaces it.
#[desugar]
async fn assigned_on_a_branch_then_replaced(reuse: bool) -> u32 {
    let mut lease: Probe;
    if reuse {
        lease = Probe::new("cached");
        lease.touch();
    }
    let n = ack(1).await;
    lease = Probe::new("renewed");
    lease.touch();
    n
}

#[desugar]
async fn assigned_on_a_branch_then_awaited_into(reuse: bool) -> u32 {
    let mut conn: Probe;
    if reuse {
        conn = Probe::new("cached");
        conn.touch();
    }
    conn = step(Probe::new("old")).await;
    conn.touch();
    1
}

#[desugar]
async fn moved_on_a_branch_then_replaced(release: bool) -> u32 {
    let mut lease = Probe::new("first");
    if release {
        drop(lease);
    }
    let n = ack(1).await;
    lease = Probe::new("second");
    lease.touch();
    n
}

#[desugar]
async fn taken_every_other_iteration(n: u32) -> u32 {
    let mut lease: Probe;
    let mut i = 0;
    while i < n {
        if i % 2 == 0 {
            lease = Probe::new("lease");
            lease.touch();
        }
        ack(0).await;
        i += 1;
    }
    lease = Probe::new("final");
    lease.touch();
    i
}

/// Replaced by both branches of an `if` (taken before for a read of what
/// the await kept, which nothing was kept for: the value was dropped at
/// the await, where rustc drops it when the branch replaces it).
#[desugar]
async fn assigned_on_a_branch_then_replaced_on_both(reuse: bool, fresh: bool) -> u32 {
    let mut lease: Probe;
    if reuse {
        lease = Probe::new("cached");
        lease.touch();
    }
    let n = ack(1).await;
    if fresh {
        lease = Probe::new("fresh");
    } else {
        lease = Probe::new("renewed");
    }
    lease.touch();
    n
}

#[test]
fn a_value_held_on_some_paths_drops_where_it_is_replaced() {
    for (reuse, fresh) in [(false, false), (true, false), (true, true)] {
        let report = assert_same(
            || assigned_on_a_branch_then_replaced_on_both(reuse, fresh),
            || assigned_on_a_branch_then_replaced_on_both_rustc(reuse, fresh),
        );
        assert_eq!(report.outcome, "Ready(1)");
    }
    for c in [false, true] {
        let report = assert_same(
            || assigned_on_a_branch_then_replaced(c),
            || assigned_on_a_branch_then_replaced_rustc(c),
        );
        assert_eq!(report.outcome, "Ready(1)");
        let report = assert_same(
            || assigned_on_a_branch_then_awaited_into(c),
            || assigned_on_a_branch_then_awaited_into_rustc(c),
        );
        assert_eq!(report.outcome, "Ready(1)");
        let report = assert_same(
            || moved_on_a_branch_then_replaced(c),
            || moved_on_a_branch_then_replaced_rustc(c),
        );
        assert_eq!(report.outcome, "Ready(1)");
    }
    for n in 0..4 {
        let report = assert_same(
            || taken_every_other_iteration(n),
            || taken_every_other_iteration_rustc(n),
        );
        assert_eq!(report.outcome, format!("Ready({n})"));
    }
}

/// Given a value in one branch, the other leaving (`return`, `panic!`):
/// it has one at the await after, kept like any other (E0282 before: it
/// was taken for declared without a value there).
// The late initialization is the shape under test.
#[allow(clippy::needless_late_init)]
#[desugar]
async fn assigned_where_the_other_branch_leaves(open: bool) -> u32 {
    let conn: Probe;
    if open {
        conn = Probe::new("opened");
    } else {
        return 0;
    }
    let n = ack(1).await;
    conn.touch();
    n
}

#[allow(clippy::needless_late_init)]
#[desugar]
async fn assigned_unless_it_panics(open: bool) -> u32 {
    let conn: Probe;
    match open {
        true => conn = Probe::new("opened"),
        false => panic!("closed"),
    }
    let n = ack(1).await;
    conn.touch();
    n
}

fn fail(why: &str) -> ! {
    panic!("{why}")
}

/// The other branch calls a fn returning `!`, which syntax cannot tell from
/// any call: the local is taken for assigned on some paths only, read
/// after the await, and kept with a flag (its place's guard), which rustc
/// proved set wherever it is read. Before, it was declared again after
/// the await, unassigned (E0381, "used binding `conn` isn't initialized").
#[allow(clippy::needless_late_init)]
#[desugar]
async fn assigned_unless_it_fails(open: bool) -> u32 {
    let conn: Probe;
    if open {
        conn = Probe::new("opened");
    } else {
        fail("closed")
    }
    let _log = Probe::new("log");
    let n = ack(1).await;
    conn.touch();
    n
}

/// Nothing to drop, and read after the await: kept too.
#[allow(clippy::needless_late_init)]
#[desugar]
async fn counted_unless_it_fails(open: bool) -> u32 {
    let count: u32;
    match open {
        true => count = 7,
        false => fail("closed"),
    }
    ack(1).await + count
}

#[test]
fn a_local_assigned_where_the_other_branches_leave_is_kept() {
    for c in [false, true] {
        let report = assert_same(
            || assigned_unless_it_fails(c),
            || assigned_unless_it_fails_rustc(c),
        );
        assert_eq!(report.outcome, if c { "Ready(1)" } else { "panic: closed" });
        if c {
            assert_eq!(report.trace.probe_drops(), ["log", "opened"]);
        }
        let report = assert_same(
            || counted_unless_it_fails(c),
            || counted_unless_it_fails_rustc(c),
        );
        assert_eq!(report.outcome, if c { "Ready(8)" } else { "panic: closed" });
    }
    for c in [false, true] {
        let report = assert_same(
            || assigned_where_the_other_branch_leaves(c),
            || assigned_where_the_other_branch_leaves_rustc(c),
        );
        assert_eq!(report.outcome, if c { "Ready(1)" } else { "Ready(0)" });
        let report = assert_same(
            || assigned_unless_it_panics(c),
            || assigned_unless_it_panics_rustc(c),
        );
        assert_eq!(report.outcome, if c { "Ready(1)" } else { "panic: closed" });
    }
}

/// Given back a new value by an `if` whose one branch moves it into an
/// awaited call and the other gives it back (E0382 before: the other
/// branch's use was taken for a read between the move and the assignment).
#[desugar]
async fn upgraded_or_kept(secure: bool) -> u32 {
    let mut conn = Probe::new("plain");
    conn = if secure { step(conn).await } else { conn };
    let n = ack(1).await;
    conn.touch();
    n
}

#[test]
fn a_local_given_back_by_a_branch_that_awaits_is_kept_after() {
    for secure in [false, true] {
        let report = assert_same(
            || upgraded_or_kept(secure),
            || upgraded_or_kept_rustc(secure),
        );
        assert_eq!(report.outcome, "Ready(1)");
    }
}

/// Given a value made from itself (`conn = step_now(conn)`) where it is
/// kept in place (borrowed by the awaited future, or moved on another
/// branch): rustc moves the old value into the call, then stores the new
/// one. The machine does too (E0499 before: the assignment borrowed the
/// local's home a second time to move the old value out of it).
#[desugar]
async fn reassigned_from_itself_then_borrowed() -> u32 {
    let mut conn = Probe::new("opened");
    conn = step_now(conn);
    query(&conn).await
}

#[desugar]
async fn reassigned_from_itself_on_a_branch(step: bool) -> u32 {
    let mut conn = Probe::new("opened");
    if step {
        conn = step_now(conn);
    }
    query(&conn).await
}

#[desugar]
async fn closed_or_reassigned_from_itself(close: bool) -> u32 {
    let mut conn = Probe::new("opened");
    if close {
        drop(conn);
    } else {
        conn = step_now(conn);
        conn.touch();
    }
    ack(1).await
}

fn renewed(conn: &Probe, with: &Probe) -> Probe {
    conn.touch();
    with.touch();
    Probe::new("renewed")
}

/// Made from a borrow of the old value and a temporary: rustc drops the
/// old value where the new one is stored, and the temporary after, at the
/// end of the statement.
#[desugar]
async fn renewed_beside_a_temporary() -> u32 {
    let mut conn = Probe::new("opened");
    conn = renewed(&conn, &Probe::new("temporary"));
    query(&conn).await
}

#[test]
fn a_local_kept_in_place_is_given_a_value_made_from_itself() {
    let report = assert_same(
        reassigned_from_itself_then_borrowed,
        reassigned_from_itself_then_borrowed_rustc,
    );
    assert_eq!(report.trace.probe_drops(), ["opened", "stepped"]);
    for c in [false, true] {
        let report = assert_same(
            || reassigned_from_itself_on_a_branch(c),
            || reassigned_from_itself_on_a_branch_rustc(c),
        );
        assert_eq!(report.outcome, "Ready(1)");
        let report = assert_same(
            || closed_or_reassigned_from_itself(c),
            || closed_or_reassigned_from_itself_rustc(c),
        );
        assert_eq!(report.outcome, "Ready(1)");
    }
    let report = assert_same(renewed_beside_a_temporary, renewed_beside_a_temporary_rustc);
    assert_eq!(
        report.trace.probe_drops(),
        ["opened", "temporary", "renewed"]
    );
}

/// Moved at the top of a loop and given a value again on every path after
/// its await: given back (`conn = prev`) where a `break` leaves the loop,
/// a new one where the loop goes on. It has no value at the await, where
/// the machine keeps it in place, its guard saying so (E0382 before: the
/// assignment on the branch that breaks was taken for a read of the moved
/// value, which was then kept at the await).
#[desugar]
async fn rotated_until(rounds: u32) -> u32 {
    let mut conn = Probe::new("conn0");
    let mut n = 0;
    loop {
        let prev = conn;
        n += ack(1).await;
        if n > rounds {
            conn = prev;
            break;
        }
        conn = Probe::new(format!("conn{n}"));
        drop(prev);
    }
    conn.touch();
    n
}

/// Out of a labeled block, not a loop: nothing is kept for it at the
/// await, and it is declared again after.
#[desugar]
async fn rotated_once(keep: bool) -> u32 {
    let mut conn = Probe::new("old");
    'rotate: {
        let prev = conn;
        ack(1).await;
        if keep {
            conn = prev;
            break 'rotate;
        }
        conn = Probe::new("new");
        drop(prev);
    }
    conn.touch();
    ack(2).await
}

#[test]
fn a_local_given_back_where_a_loop_breaks_is_kept_after_it() {
    for rounds in 0..3 {
        let report = assert_same(|| rotated_until(rounds), || rotated_until_rustc(rounds));
        assert_eq!(report.outcome, format!("Ready({})", rounds + 1));
        assert_eq!(report.trace.probe_drops().len(), rounds as usize + 1);
    }
    for keep in [false, true] {
        let report = assert_same(|| rotated_once(keep), || rotated_once_rustc(keep));
        let expected: &[&str] = if keep { &["old"] } else { &["old", "new"] };
        assert_eq!(report.trace.probe_drops(), expected);
    }
}

/// Declared without a value and given one on every path out of a labeled
/// block or a loop, some through a `break`: rustc takes it for assigned
/// after, and keeps it at the await that follows (E0282 before: taken for
/// unassigned there, it was declared again after the await, without its
/// type and without its value).
#[allow(clippy::needless_late_init)]
#[desugar]
async fn assigned_out_of_a_labeled_block(first: bool) -> u32 {
    let lease: Probe;
    'pick: {
        if first {
            lease = Probe::new("first");
            break 'pick;
        }
        lease = Probe::new("second");
    }
    ack(1).await;
    lease.touch();
    1
}

#[desugar]
async fn found_by_a_loop_that_awaits(n: u32) -> u32 {
    let found: Probe;
    let mut i = 0;
    loop {
        if ack(i).await >= n {
            found = Probe::new("found");
            break;
        }
        i += 1;
    }
    ack(9).await;
    found.touch();
    i
}

/// Without an await inside, the loop is a statement the expansion leaves
/// as written; a `continue` goes round again, unassigned.
#[desugar]
async fn found_by_a_loop(n: u32) -> u32 {
    let found: Probe;
    let mut i = 0;
    'search: loop {
        i += 1;
        if i <= n {
            continue 'search;
        }
        found = Probe::new("found");
        break 'search;
    }
    ack(9).await;
    found.touch();
    i
}

/// Out of an outer loop by its label, from an inner one, or by a `break`
/// after the inner one: assigned on both.
#[desugar]
async fn assigned_out_of_nested_loops(first: bool) -> u32 {
    let lease: Probe;
    let mut rounds = 0;
    'outer: loop {
        rounds += 1;
        for _ in 0..rounds {
            if first {
                lease = Probe::new("first");
                break 'outer;
            }
        }
        if rounds < 3 {
            continue;
        }
        lease = Probe::new("second");
        break;
    }
    ack(1).await;
    lease.touch();
    rounds
}

/// The first value of a loop that awaits, then a `for` loop that awaits
/// (E0284 before, at the later await).
#[allow(clippy::never_loop, clippy::needless_late_init)]
#[desugar]
async fn first_then_the_rest(rest: Vec<u32>) -> u32 {
    let first: u32;
    loop {
        first = ack(1).await;
        break;
    }
    let mut sum = 0;
    for n in rest {
        sum += ack(n).await;
    }
    first + sum
}

/// Not assigned where one `break` leaves (nor where a `while` ends):
/// assigned on some paths only, it keeps a drop flag, as in rustc.
#[desugar]
async fn assigned_at_one_break_only(n: u32) -> u32 {
    let found: Probe;
    let mut i = 0;
    while i < 3 {
        if i == n {
            found = Probe::new("found");
            found.touch();
            break;
        }
        i += 1;
    }
    ack(9).await;
    i
}

/// A labeled block holding an await, left by a `break` before the
/// assignment: assigned on some paths only.
#[desugar]
async fn left_before_assigned(leave: bool) -> u32 {
    let lease: Probe;
    'b: {
        if leave {
            break 'b;
        }
        ack(1).await;
        lease = Probe::new("lease");
        lease.touch();
    }
    ack(2).await
}

#[test]
fn a_local_assigned_on_every_path_out_of_a_loop_is_kept() {
    for c in [false, true] {
        let report = assert_same(
            || assigned_out_of_a_labeled_block(c),
            || assigned_out_of_a_labeled_block_rustc(c),
        );
        assert_eq!(report.trace.probe_drops().len(), 1);
        let report = assert_same(
            || assigned_out_of_nested_loops(c),
            || assigned_out_of_nested_loops_rustc(c),
        );
        assert_eq!(report.trace.probe_drops().len(), 1);
        let report = assert_same(|| left_before_assigned(c), || left_before_assigned_rustc(c));
        assert_eq!(report.trace.probe_drops().len(), usize::from(!c));
    }
    for n in 0..4 {
        let report = assert_same(
            || found_by_a_loop_that_awaits(n),
            || found_by_a_loop_that_awaits_rustc(n),
        );
        assert_eq!(report.outcome, format!("Ready({n})"));
        let report = assert_same(|| found_by_a_loop(n), || found_by_a_loop_rustc(n));
        assert_eq!(report.outcome, format!("Ready({})", n + 1));
        let report = assert_same(
            || assigned_at_one_break_only(n),
            || assigned_at_one_break_only_rustc(n),
        );
        assert_eq!(report.trace.probe_drops().len(), usize::from(n < 3));
    }
    let report = assert_same(
        || first_then_the_rest(vec![2, 3]),
        || first_then_the_rest_rustc(vec![2, 3]),
    );
    assert_eq!(report.outcome, "Ready(6)");
}

/// Declared with its type and without a value, and given one after an
/// await: declared again after it, with the type written (before, rustc
/// inferred another from the code after: `!mask` and `as` made it an
/// `i32`, and the machine gave -201 where the twin gives 55).
#[allow(clippy::needless_late_init)]
#[desugar]
async fn typed_and_assigned_after() -> i64 {
    let mask: u8;
    ack(1).await;
    mask = 0b1100_1000;
    let inverted = !mask;
    inverted as i64
}

#[test]
fn a_local_declared_again_keeps_its_written_type() {
    let report = assert_same(typed_and_assigned_after, typed_and_assigned_after_rustc);
    assert_eq!(report.outcome, "Ready(55)");
}

/// The same with a pattern (`let (mask, shift): (u8, u32);`): each name is
/// declared again with the pattern's type written whole, the other names
/// `_` (`let (mask, _): (u8, u32);`). Before, rustc inferred an `i32` for
/// `mask` from the code after, and the machine gave -402 where the twin
/// gives 110; where the code after names no type (`a.wrapping_add(b)`),
/// the machine did not build (E0689).
#[allow(clippy::needless_late_init)]
#[desugar]
async fn tuple_typed_and_assigned_after() -> i64 {
    let (mask, shift): (u8, u32);
    ack(1).await;
    mask = 0b1100_1000;
    shift = 1;
    (!mask as i64) << shift
}

#[allow(clippy::needless_late_init)]
#[desugar]
async fn array_typed_and_assigned_after() -> (u8, i64) {
    let [low, high]: [u8; 2];
    ack(1).await;
    low = 250;
    high = 0b1100_1000;
    (low.wrapping_add(10), !high as i64)
}

struct Lease {
    id: u8,
    holder: Probe,
}

/// A struct pattern, whose type cannot be split among its names: `let
/// Lease { id: _, holder }: Lease;`.
#[allow(clippy::needless_late_init)]
#[desugar]
async fn struct_typed_and_assigned_after() -> i64 {
    let Lease { id, holder }: Lease;
    ack(1).await;
    holder = Probe::new("holder");
    id = 0b1100_1000;
    holder.touch();
    !id as i64
}

#[test]
fn a_pattern_declared_again_keeps_its_written_type() {
    let report = assert_same(
        tuple_typed_and_assigned_after,
        tuple_typed_and_assigned_after_rustc,
    );
    assert_eq!(report.outcome, "Ready(110)");
    let report = assert_same(
        array_typed_and_assigned_after,
        array_typed_and_assigned_after_rustc,
    );
    assert_eq!(report.outcome, "Ready((4, 55))");
    let report = assert_same(
        struct_typed_and_assigned_after,
        struct_typed_and_assigned_after_rustc,
    );
    assert_eq!(report.outcome, "Ready(55)");
    assert_eq!(report.trace.probe_drops(), ["holder"]);
}

async fn flush(batch: Vec<f32>) -> usize {
    Leaf::new("flush").pending(1).ready(batch.len()).await
}

/// A local declared with a value, moved before an await and given a new
/// value after it, has no value there: nothing is kept for it, and it is
/// declared again after the await. It keeps the type its first value had,
/// the one written (`Vec<f32>`), a parameter's, or the one the value gave
/// (`vec![0.5f32]`, `Vec::<u8>::new()`): a marker the machine's states
/// share is tied to the value, and gives the new declaration its type.
/// Before, rustc inferred one from the code after: `vec![0.1]` a
/// `Vec<f64>` (0.30000000000000004 where the twin gives
/// 0.30000000447034836), `!masks[0]` an `i32` (-201 for 55).
#[desugar]
async fn written_type_then_flushed() -> f64 {
    let mut samples: Vec<f32> = vec![0.5];
    flush(samples).await;
    samples = vec![0.1];
    samples[0] as f64 * 3.0
}

#[desugar]
async fn parameter_flushed(mut samples: Vec<f32>) -> f64 {
    flush(samples).await;
    samples = vec![0.1];
    samples[0] as f64 * 3.0
}

#[desugar]
async fn value_typed_then_flushed() -> f64 {
    let mut samples = vec![0.5f32];
    flush(samples).await;
    samples = vec![0.1];
    samples[0] as f64 * 3.0
}

#[desugar]
async fn typed_by_a_turbofish_then_moved() -> i64 {
    let mut masks = Vec::<u8>::from([1]);
    let prev = masks;
    ack(1).await;
    masks = vec![0b1100_1000];
    !masks[0] as i64 + prev.len() as i64
}

/// A pattern's binding, and one of a `match` arm.
#[desugar]
async fn pattern_then_flushed() -> f64 {
    let (mut samples, n): (Vec<f32>, u32) = (vec![0.5], 3);
    flush(samples).await;
    samples = vec![0.1];
    samples[0] as f64 * f64::from(n)
}

#[desugar]
async fn arm_binding_flushed(batch: Option<Vec<f32>>) -> f64 {
    match batch {
        Some(mut samples) => {
            flush(samples).await;
            samples = vec![0.1];
            samples[0] as f64 * 3.0
        }
        None => 0.0,
    }
}

/// A trait object: the new values coerce to it (E0308 before, the first
/// assignment giving the local the type of its value).
#[desugar]
async fn boxed_then_moved() -> String {
    let mut shown: Box<dyn std::fmt::Debug> = Box::new(1u8);
    let prev = shown;
    ack(1).await;
    shown = Box::new("s");
    let first = format!("{shown:?}{prev:?}");
    shown = Box::new(2.5f32);
    format!("{first}{shown:?}")
}

/// A value whose type holds a borrow it cannot shorten (a `Cell<&str>`),
/// given a new value borrowing another local: the two borrows are tied to
/// one type, not to one another's places in the code.
#[desugar]
async fn cell_of_a_borrow_then_moved(text: String) -> usize {
    let other = String::from("a,b,c");
    let mut cell = std::cell::Cell::new(&text[..]);
    let first = cell;
    ack(1).await;
    cell = std::cell::Cell::new(&other[..]);
    cell.get().len() + first.get().len()
}

/// A value that is not `Send` (an `Rc`), not held at the await: both
/// futures are `Send`, the marker being no part of the machine's states.
#[desugar]
async fn shared_then_dropped() -> i64 {
    let mut shared = std::rc::Rc::new(1u8);
    drop(shared);
    ack(1).await;
    shared = std::rc::Rc::new(0b1100_1000);
    !*shared as i64
}

fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

#[test]
fn a_local_declared_again_keeps_the_type_of_its_value() {
    let same = |report: desugar::harness::Report| {
        // The marker is a local of the poll closure: the states keep
        // nothing more for it.
        assert!(report.left_size <= report.right_size, "{report}");
        report.outcome
    };
    let expected = "Ready(0.30000000447034836)";
    let outcome = same(assert_same(
        written_type_then_flushed,
        written_type_then_flushed_rustc,
    ));
    assert_eq!(outcome, expected);
    let outcome = same(assert_same(
        || parameter_flushed(vec![1.0]),
        || parameter_flushed_rustc(vec![1.0]),
    ));
    assert_eq!(outcome, expected);
    let outcome = same(assert_same(
        value_typed_then_flushed,
        value_typed_then_flushed_rustc,
    ));
    assert_eq!(outcome, expected);
    let outcome = same(assert_same(
        typed_by_a_turbofish_then_moved,
        typed_by_a_turbofish_then_moved_rustc,
    ));
    assert_eq!(outcome, "Ready(56)");
    let outcome = same(assert_same(
        pattern_then_flushed,
        pattern_then_flushed_rustc,
    ));
    assert_eq!(outcome, expected);
    let outcome = same(assert_same(
        || arm_binding_flushed(Some(vec![1.0])),
        || arm_binding_flushed_rustc(Some(vec![1.0])),
    ));
    assert_eq!(outcome, expected);
    let outcome = same(assert_same(boxed_then_moved, boxed_then_moved_rustc));
    assert_eq!(outcome, r#"Ready("\"s\"12.5")"#);
    let outcome = same(assert_same(
        || cell_of_a_borrow_then_moved("xy".into()),
        || cell_of_a_borrow_then_moved_rustc("xy".into()),
    ));
    assert_eq!(outcome, "Ready(7)");
    let outcome = same(assert_same(shared_then_dropped, shared_then_dropped_rustc));
    assert_eq!(outcome, "Ready(55)");
    both_send(
        &value_typed_then_flushed(),
        &value_typed_then_flushed_rustc(),
    );
    both_send(&shared_then_dropped(), &shared_then_dropped_rustc());
}
