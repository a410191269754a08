//! The values a resumed state keeps are taken out of it with a `let .. else`
//! whose `else` calls `__private::unreachable_state()` (BENCHMARKS.md,
//! "Build time": it costs rustc less to check than a `match` rebuilding
//! them as a tuple). Each shape of the take is here: a fn with no arguments
//! and nothing kept (`Unresumed { __unit: () }`), one with no arguments that
//! keeps values (a unit `Unresumed`), arguments kept around a loop, and a
//! state entered before it suspends, whose values stay in place.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no larger,
//! and `Send` as the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};

/// Compares the machine with its twin, and fails if it is larger; returns
/// the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

#[desugar]
async fn nothing_kept() -> u32 {
    Leaf::new("a").pending(1).ready(2u32).await
}

#[desugar]
async fn kept_without_arguments() -> usize {
    let text = String::from("kept");
    let n = Leaf::new("a").pending(1).ready(3usize).await;
    let m = Leaf::new("b").pending(1).ready(n + 1).await;
    text.len() + n + m
}

#[desugar]
async fn arguments_around_a_loop(base: u64, label: String) -> String {
    let mut total = base;
    for k in 0..3u64 {
        total += Leaf::new("step").pending(1).ready(k).await;
    }
    format!("{label}={total}")
}

#[desugar]
async fn kept_in_place(x: u64) -> u64 {
    let data = format!("{x}-data");
    let view = data.as_str();
    Leaf::new("wait").pending(1).ready(()).await;
    view.len() as u64 + x
}

#[test]
fn a_fn_with_nothing_to_take() {
    both_send(&nothing_kept(), &nothing_kept_rustc());
    let outcome = same_and_no_larger(assert_same(nothing_kept, nothing_kept_rustc));
    assert!(outcome.contains('2'), "{outcome}");
}

#[test]
fn values_taken_without_arguments() {
    both_send(&kept_without_arguments(), &kept_without_arguments_rustc());
    same_and_no_larger(assert_same(
        kept_without_arguments,
        kept_without_arguments_rustc,
    ));
}

#[test]
fn arguments_taken_again_on_every_iteration() {
    both_send(
        &arguments_around_a_loop(1, "t".into()),
        &arguments_around_a_loop_rustc(1, "t".into()),
    );
    same_and_no_larger(assert_same(
        || arguments_around_a_loop(1, "t".into()),
        || arguments_around_a_loop_rustc(1, "t".into()),
    ));
}

#[test]
fn values_kept_in_place_are_taken_from_the_state() {
    both_send(&kept_in_place(4), &kept_in_place_rustc(4));
    same_and_no_larger(assert_same(|| kept_in_place(4), || kept_in_place_rustc(4)));
}
