//! Issue 4's patterns: locals borrowed across awaits. Each is compared with
//! rustc's twin by the harness (outputs, leaf polls, drops when cancelled
//! after every poll, and the poison panic after a body panics), and each
//! machine keeps its borrowed local homed, so it is `!Unpin`.

use std::sync::{Arc, Mutex};

use desugar::Inspect;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};
use desugar::inspect::FieldKind;

fn handle(item: &u32) -> LeafFuture<u32> {
    Leaf::new(format!("handle {item}"))
        .pending(1)
        .ready(*item * 10)
}

/// Whether suspension `state` of the machine keeps `name` homed: where it
/// is, in the homes area or in that state's own variant.
fn homed(future: &impl Inspect, state: &str, name: &str) -> bool {
    future
        .info()
        .states()
        .filter(|s| s.name == state)
        .flat_map(|s| s.fields())
        .any(|f| f.name == name && matches!(f.kind, FieldKind::Homed | FieldKind::InPlace))
}

#[desugar]
async fn iterate_borrowed(items: Vec<u32>, tag: Probe) -> u32 {
    let mut total = 0;
    for item in &items {
        total += handle(item).await;
    }
    tag.touch();
    total
}

#[test]
fn for_over_a_borrowed_vec() {
    let report = assert_same(
        || iterate_borrowed(vec![1, 2, 3], Probe::new("tag")),
        || iterate_borrowed_rustc(vec![1, 2, 3], Probe::new("tag")),
    );
    assert_eq!(report.outcome, "Ready(60)");
    assert!(homed(
        &iterate_borrowed(vec![], Probe::new("t")),
        "Suspend0",
        "items"
    ));
}

#[desugar]
#[allow(clippy::await_holding_lock)] // holding it is the point of this test
async fn guard_across_an_await(shared: Arc<Mutex<Vec<Probe>>>) -> usize {
    let local = Arc::clone(&shared);
    let mut guard = local.lock().unwrap();
    guard.push(Probe::new("pushed"));
    Leaf::new("while locked").pending(2).ready(()).await;
    guard.push(Probe::new("pushed later"));
    guard.len()
}

#[test]
fn a_lock_guard_of_a_local_arc_held_across_an_await() {
    let shared = || Arc::new(Mutex::new(vec![Probe::new("first")]));
    let report = assert_same(
        || guard_across_an_await(shared()),
        || guard_across_an_await_rustc(shared()),
    );
    assert_eq!(report.outcome, "Ready(3)");
    assert!(homed(&guard_across_an_await(shared()), "Suspend0", "local"));
}

#[desugar]
async fn closure_on_both_sides(base: u32) -> u32 {
    let offsets = vec![base, base + 1];
    let sum = || offsets.iter().sum::<u32>();
    let before = sum();
    let fetched = Leaf::new("fetch").pending(1).ready(before).await;
    fetched + sum()
}

#[test]
fn a_closure_borrowing_a_local_called_on_both_sides() {
    let report = assert_same(
        || closure_on_both_sides(4),
        || closure_on_both_sides_rustc(4),
    );
    assert_eq!(report.outcome, "Ready(18)");
    assert!(homed(&closure_on_both_sides(0), "Suspend0", "offsets"));
}

#[desugar]
async fn reference_kept(fail: bool) -> usize {
    let data = Probe::new("data");
    let view = &data;
    Leaf::new("wait").pending(1).ready(()).await;
    if fail {
        panic!("failing while {} is borrowed", view.label());
    }
    view.label().len()
}

#[test]
fn a_reference_to_a_local_kept_across_an_await() {
    let report = assert_same(|| reference_kept(false), || reference_kept_rustc(false));
    assert_eq!(report.outcome, "Ready(4)");
    assert!(homed(&reference_kept(false), "Suspend0", "data"));
}

#[test]
fn unwinding_drops_the_homed_value_and_poisons_the_machine() {
    // The body panics after the await: the harness compares the unwinding
    // drops and the "resumed after panicking" message on the next poll.
    let report = assert_same(|| reference_kept(true), || reference_kept_rustc(true));
    assert!(
        report.outcome.contains("failing while data is borrowed"),
        "{}",
        report.outcome
    );
}

#[desugar]
async fn awaitee_borrows(mut buffer: Vec<u8>) -> usize {
    let read = fill(&mut buffer).await;
    read + buffer.len()
}

fn fill(buffer: &mut Vec<u8>) -> LeafFuture<usize> {
    buffer.extend_from_slice(b"abc");
    Leaf::new("read").pending(2).ready(3)
}

#[test]
fn the_awaited_future_borrows_a_local() {
    let report = assert_same(
        || awaitee_borrows(vec![1]),
        || awaitee_borrows_rustc(vec![1]),
    );
    assert_eq!(report.outcome, "Ready(7)");
}

async fn read(item: &u32) -> u32 {
    Leaf::new("read").pending(1).ready(()).await;
    *item
}

/// The awaited future borrows `items` through `view`, a reference bound
/// before the statement: `items` is kept in place, as for `&items[0]`.
#[desugar]
async fn awaitee_borrows_through_a_reference(items: Vec<u32>) -> usize {
    let view = &items;
    read(&view[0]).await as usize + items.len()
}

#[test]
fn the_awaited_future_borrows_a_local_through_a_reference() {
    let report = assert_same(
        || awaitee_borrows_through_a_reference(vec![5, 6]),
        || awaitee_borrows_through_a_reference_rustc(vec![5, 6]),
    );
    assert_eq!(report.outcome, "Ready(7)");
    assert!(homed(
        &awaitee_borrows_through_a_reference(vec![1]),
        "Suspend0",
        "items"
    ));
}
