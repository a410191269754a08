//! Destructuring assignments (`(a, b) = (b, a)`, `Point { x, .. } = p`,
//! `[first, _] = pair`): rustc lowers each into a `let` that takes the
//! value apart and one plain assignment per place. The locals assigned
//! hold their new values at the awaits after, to the end of their scope,
//! also where nothing reads them again; places that are not locals, `_`
//! and `..` behave as in a pattern.

#![allow(unused_assignments)] // values overwritten unread are under test

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same, note};

async fn leaf<T: std::fmt::Debug>(label: &str, value: T) -> T {
    Leaf::new(label).pending(1).ready(value).await
}

/// The value now in `b` is not read after the await: rustc keeps it to
/// the end of the fn all the same.
#[desugar]
async fn swap() -> String {
    let mut a = Probe::new("a");
    let mut b = Probe::new("b");
    (a, b) = (b, a);
    b.touch();
    leaf("flush", ()).await;
    note("end");
    a.label().to_string()
}

/// Locals declared without a value, given theirs by a destructuring
/// assignment whose value awaits.
#[desugar]
async fn deferred() -> u32 {
    let (_session, status);
    (_session, status) = (Probe::new("session"), leaf("hello", 200u32).await);
    note(format!("status {status}"));
    leaf("work", ()).await;
    status
}

/// Moved by the awaited operand, given back by the await.
#[desugar]
async fn swapped_by_an_await() -> (String, String) {
    let (mut a, mut b) = ("a".to_string(), "b".to_string());
    (a, b) = leaf("swap", (b, a)).await;
    leaf("after", ()).await;
    (a, b)
}

#[derive(Debug)]
#[allow(dead_code)] // `y` and `z` are skipped by the pattern under test
struct Point {
    x: Probe,
    y: Probe,
    z: u32,
}

/// A struct pattern with a field skipped by `_`, one by `..`, a place
/// that is not a local and an array with `..`.
#[desugar]
async fn patterns() -> u32 {
    let mut held = (Probe::new("held-0"), 0u32);
    let mut x = Probe::new("x-0");
    Point { x, y: _, .. } = leaf(
        "point",
        Point {
            x: Probe::new("x-1"),
            y: Probe::new("y-1"),
            z: 7,
        },
    )
    .await;
    x.touch();
    let first;
    [first, .., held.1] = [3u32, 4, 5];
    (held.0, _) = (Probe::new("held-1"), Probe::new("skipped"));
    leaf("end", ()).await;
    first + held.1
}

struct Marker;

/// `Marker`, a unit struct, is a pattern, not a place.
#[desugar]
async fn with_a_unit_struct() -> u32 {
    let mut n = 0;
    let mut last = Probe::new("last-0");
    (n, Marker, last) = (4, Marker, Probe::new("last-1"));
    leaf("end", ()).await;
    last.touch();
    n
}

async fn step(conn: Probe, n: u32) -> (Probe, u32) {
    conn.touch();
    leaf("step", (Probe::new(format!("conn-{n}")), n + 1)).await
}

/// A local moved by an await's operand and given back by a destructuring
/// assignment of the awaited value, in a loop.
#[desugar]
async fn threaded_through_a_loop() -> u32 {
    let mut conn = Probe::new("conn-0");
    let mut n = 0;
    let mut total = 0;
    for _ in 0..3 {
        (conn, n) = step(conn, n).await;
        total += n;
    }
    conn.touch();
    total
}

/// Is probe `probe` dropped after the last poll of leaf `leaf`?
fn dropped_after(report: &desugar::harness::Report, probe: &str, leaf: &str) -> bool {
    let lines = report.trace.lines();
    let position = |wanted: &dyn Fn(&str) -> bool| lines.iter().rposition(|line| wanted(line));
    let dropped = position(&|line| line.contains("drop") && line.contains(&format!("{probe:?}")));
    let polled = position(&|line| line.contains("polled") && line.contains(leaf));
    dropped > polled
}

fn assert_send<T: Send>(_: &T) {}

#[test]
fn locals_assigned_by_destructuring_are_kept_to_the_end_of_their_scope() {
    // Where the twin is `Send`, so is the machine (DESIGN.md, promise 5).
    assert_send(&swap());
    assert_send(&deferred());
    assert_send(&patterns());
    assert_send(&threaded_through_a_loop());
    let report = assert_same(swap, swap_rustc);
    assert!(
        dropped_after(&report, "a", "flush"),
        "{:#?}",
        report.trace.lines()
    );
    let report = assert_same(deferred, deferred_rustc);
    assert!(dropped_after(&report, "session", "work"));
    let _ = assert_same(swapped_by_an_await, swapped_by_an_await_rustc);
    let report = assert_same(patterns, patterns_rustc);
    assert!(dropped_after(&report, "x-1", "end"));
    assert!(dropped_after(&report, "held-1", "end"));
    let report = assert_same(threaded_through_a_loop, threaded_through_a_loop_rustc);
    assert_eq!(report.outcome, "Ready(6)");
    let report = assert_same(with_a_unit_struct, with_a_unit_struct_rustc);
    assert!(dropped_after(&report, "last-1", "end"));
}
