//! A field read by value out of a value the statement makes (a call's
//! result), where an await follows before the statement, `match` or
//! `if let` ends: rustc keeps the value, a temporary, to that end, across
//! the await, and drops it there (its `Drop` impl, or the fields beside the
//! one read). The machine names the value and keeps it too, copying the
//! field out (`__private::copied_from_temporary`). Before, it read the
//! field in place and dropped the value before the first poll
//! (`visit(frame().depth).await`), or, in a scrutinee, kept it and failed
//! to build where a pattern moved the field out (E0382). A field that is
//! not `Copy` stops the build, saying to bind it with `let` first
//! (`tests/ui/field_moved_out_of_temporary_*.rs`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger and `Send` as the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// A value with a `Drop` impl of its own: a field of it is always a copy
/// (E0509 forbids the move).
struct Frame {
    depth: usize,
    probe: Probe,
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.probe.touch();
    }
}

fn frame() -> Frame {
    Frame {
        depth: 1,
        probe: Probe::new("frame"),
    }
}

/// No `Drop` impl, but a field beside the one read that has something to
/// drop (only dropped, never read).
#[allow(dead_code)]
struct Node {
    depth: usize,
    probe: Probe,
}

fn node() -> Node {
    Node {
        depth: 2,
        probe: Probe::new("node"),
    }
}

/// Nothing to drop at all (`y` is beside the field read, never read).
#[allow(dead_code)]
#[derive(Clone, Copy)]
struct Point {
    x: u32,
    y: u32,
}

fn point() -> Point {
    Point { x: 3, y: 4 }
}

async fn visit(d: usize) -> usize {
    Leaf::new("visit").pending(1).ready(d).await
}

async fn leaf() {
    Leaf::new("leaf").pending(1).ready(()).await
}

/// The value with a `Drop` impl, its field given to the awaited call: the
/// machine dropped it before the first poll.
#[desugar]
async fn depth_of_frame() -> usize {
    visit(frame().depth).await
}

/// The field beside the one read drops after the await, with the value.
#[desugar]
async fn depth_of_node() -> usize {
    visit(node().depth).await
}

/// A value with nothing to drop builds as before, and keeps nothing.
#[desugar]
async fn x_of_point() -> usize {
    visit(point().x as usize).await
}

/// In a `match` scrutinee whose arm awaits: kept to the end of the
/// `match`, the field copied out for the arm's binding.
#[desugar]
async fn matched_depth() -> usize {
    match node().depth {
        0 => 0,
        d => {
            leaf().await;
            d + 1
        }
    }
}

/// In an `if let` whose block awaits.
#[desugar]
async fn if_let_depth() -> usize {
    if let d @ 1.. = frame().depth {
        visit(d).await
    } else {
        0
    }
}

#[test]
fn a_field_of_a_temporary_keeps_the_temporary_across_the_await() {
    let outcomes = [
        same_and_no_larger(assert_same(depth_of_frame, depth_of_frame_rustc)),
        same_and_no_larger(assert_same(depth_of_node, depth_of_node_rustc)),
        same_and_no_larger(assert_same(x_of_point, x_of_point_rustc)),
    ];
    assert_eq!(outcomes, ["Ready(1)", "Ready(2)", "Ready(3)"]);
    both_send(&depth_of_frame(), &depth_of_frame_rustc());
    both_send(&depth_of_node(), &depth_of_node_rustc());
    both_send(&x_of_point(), &x_of_point_rustc());
}

#[test]
fn a_field_of_a_scrutinee_temporary_keeps_it_to_the_end_of_the_construct() {
    let outcomes = [
        same_and_no_larger(assert_same(matched_depth, matched_depth_rustc)),
        same_and_no_larger(assert_same(if_let_depth, if_let_depth_rustc)),
    ];
    assert_eq!(outcomes, ["Ready(3)", "Ready(1)"]);
    both_send(&matched_depth(), &matched_depth_rustc());
    both_send(&if_let_depth(), &if_let_depth_rustc());
}
