//! A `&mut` local whose type syntax does not see (`let l =
//! v.as_mut_slice();`, `let (l, r) = v.split_at_mut(2);`, `let slot =
//! m.entry(k).or_default();`), given to an awaited call and used again
//! after the await. rustc reborrows it where the call takes it (`bump(l)`
//! is `bump(&mut *l)`), so the awaited future borrows what it points to
//! and the local itself stays usable: the machine keeps it in place while
//! suspended there, and reaches it mutably, as it does a `&mut` whose type
//! shows. Each is compared with rustc's twin on every cancellation point,
//! with and without extra `Pending`s, and on size.
//!
//! Where the local is made by a method syntax does not know to give a
//! `&mut` (`store.slot(k)`), a `&mut` taken through it (`&mut *slot`) or a
//! place through it assigned (`slot[0] = v`) shows it holds one, as a
//! local not declared `mut` can be changed through only if it does; one
//! given bare and only read through after is not seen (README, "Known
//! differences").

use std::collections::BTreeMap;

use desugar::Inspect;
mod common;
use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use desugar::inspect::FieldKind;

async fn bump(values: &mut [u32]) {
    values[0] += Leaf::new("bump").pending(1).ready(1).await;
}

async fn add_probe(probes: &mut Vec<Probe>, label: &str) {
    Leaf::new(label).pending(1).ready(()).await;
    probes.push(Probe::new(label));
}

async fn show(n: u32) -> u32 {
    Leaf::new("show").pending(1).ready(n).await
}

/// The kind of the field `name` in suspension `state`.
fn kind(future: &impl Inspect, state: &str, name: &str) -> Option<FieldKind> {
    future
        .info()
        .states()
        .filter(|s| s.name == state)
        .flat_map(|s| s.fields())
        .find(|f| f.name == name)
        .map(|f| f.kind)
}

/// The finding's own shape (dogK3, finding 1): a slice a method makes,
/// given to two awaited calls.
#[desugar]
async fn slice_given_twice(mut v: Vec<u32>) -> Vec<u32> {
    let l = v.as_mut_slice();
    bump(l).await;
    bump(l).await;
    v
}

#[test]
fn a_slice_made_by_a_method_is_reborrowed_by_each_call() {
    assert_eq!(
        same_and_no_larger(
            || slice_given_twice(vec![1, 2, 3]),
            || slice_given_twice_rustc(vec![1, 2, 3]),
        ),
        "Ready([3, 2, 3])"
    );
    let machine = slice_given_twice(vec![1]);
    assert!(matches!(
        kind(&machine, "Suspend0", "l"),
        Some(FieldKind::Homed | FieldKind::InPlace)
    ));
}

/// Both halves of a `split_at_mut`, bound by one pattern, given in turn and
/// read after.
#[desugar]
async fn halves_given_in_turn(mut v: Vec<u32>) -> Vec<u32> {
    let (head, tail) = v.split_at_mut(2);
    bump(head).await;
    bump(tail).await;
    bump(head).await;
    head[1] += tail[0];
    v
}

#[test]
fn the_halves_of_a_split_are_reborrowed() {
    assert_eq!(
        same_and_no_larger(
            || halves_given_in_turn(vec![1, 2, 3]),
            || halves_given_in_turn_rustc(vec![1, 2, 3]),
        ),
        "Ready([3, 6, 4])"
    );
}

/// A map's entry, given bare and then changed through.
#[desugar]
async fn entry_given_bare(mut m: BTreeMap<u32, Vec<Probe>>) -> usize {
    let slot = m.entry(1).or_default();
    add_probe(slot, "first").await;
    slot.push(Probe::new("second"));
    slot.len() + m.len()
}

/// The same reborrowed in so many words (dogK3, `repro_1b`): E0596 before,
/// as the local was reached through a shared reference.
#[desugar]
async fn entry_reborrowed(mut m: BTreeMap<u32, Vec<Probe>>) -> usize {
    let slot = m.entry(1).or_default();
    add_probe(&mut *slot, "first").await;
    slot.push(Probe::new("second"));
    slot.len() + m.len()
}

#[test]
fn a_map_entry_is_reborrowed() {
    let entries = || BTreeMap::from([(2, vec![Probe::new("kept")])]);
    assert_eq!(
        same_and_no_larger(
            || entry_given_bare(entries()),
            || entry_given_bare_rustc(entries())
        ),
        "Ready(4)"
    );
    assert_eq!(
        same_and_no_larger(
            || entry_reborrowed(entries()),
            || entry_reborrowed_rustc(entries())
        ),
        "Ready(4)"
    );
}

/// Chunks of a `chunks_mut` loop, each given to two awaited calls.
#[desugar]
async fn chunks_given_twice(mut v: Vec<u32>) -> Vec<u32> {
    for chunk in v.chunks_mut(2) {
        bump(chunk).await;
        bump(chunk).await;
    }
    v
}

#[test]
fn a_loop_s_chunk_is_reborrowed() {
    assert_eq!(
        same_and_no_larger(
            || chunks_given_twice(vec![1, 2, 3]),
            || chunks_given_twice_rustc(vec![1, 2, 3]),
        ),
        "Ready([3, 2, 5])"
    );
}

/// Bound by a `let … else` whose `else` awaits (dogB5, repro 1): the
/// binding comes out of the block the `let` becomes, which hid that
/// `get_mut` made it (E0505 before).
#[desugar]
async fn bound_by_let_else(mut rows: Vec<Vec<u32>>, log: Probe) -> (u32, Vec<Vec<u32>>) {
    let Some(row) = rows.get_mut(1) else {
        Leaf::new("missing").pending(1).ready(()).await;
        log.touch();
        return (0, rows);
    };
    bump(row).await;
    bump(row).await;
    let first = row.first().copied();
    (first.unwrap_or(0), rows)
}

#[test]
fn a_binding_of_a_let_else_that_awaits_is_reborrowed() {
    let rows = |n: u32| (0..n).map(|i| vec![i, i]).collect::<Vec<_>>();
    let outcomes = [1, 3].map(|n| {
        same_and_no_larger(
            || bound_by_let_else(rows(n), Probe::new("log")),
            || bound_by_let_else_rustc(rows(n), Probe::new("log")),
        )
    });
    assert_eq!(
        outcomes,
        [
            "Ready((0, [[0, 0]]))",
            "Ready((3, [[0, 0], [3, 1], [2, 2]]))"
        ]
    );
}

/// A `ref mut` binding, visibly a `&mut`, given bare and then changed
/// through (dogC3, build 2: E0505 before).
#[desugar]
async fn ref_mut_binding(mut buf: Option<Vec<u32>>) -> Option<Vec<u32>> {
    if let Some(ref mut b) = buf {
        bump(b).await;
        b.push(2);
    }
    #[allow(clippy::toplevel_ref_arg, reason = "the binding mode under test")]
    let ref mut whole = buf;
    whole.get_or_insert_with(Vec::new).push(3);
    buf
}

#[test]
fn a_ref_mut_binding_is_reborrowed() {
    let outcomes = [None, Some(vec![5])].map(|buf| {
        same_and_no_larger(
            || ref_mut_binding(buf.clone()),
            || ref_mut_binding_rustc(buf.clone()),
        )
    });
    assert_eq!(outcomes, ["Ready(Some([3]))", "Ready(Some([6, 2, 3]))"]);
}

struct Store {
    items: Vec<Probe>,
    counts: Vec<u32>,
}

impl Store {
    fn items(&mut self) -> &mut Vec<Probe> {
        &mut self.items
    }

    fn counts(&mut self) -> &mut [u32] {
        &mut self.counts
    }
}

fn store() -> Store {
    Store {
        items: vec![Probe::new("stored")],
        counts: vec![1, 2],
    }
}

/// A method of the user's gives the `&mut`: the reborrow written out shows
/// it.
#[desugar]
async fn own_method_reborrowed(mut store: Store) -> usize {
    let items = store.items();
    add_probe(&mut *items, "added").await;
    items.push(Probe::new("pushed"));
    store.items.len()
}

/// The same given bare, with a place through it assigned after.
#[desugar]
async fn own_method_assigned_through(mut store: Store) -> u32 {
    let counts = store.counts();
    bump(counts).await;
    counts[1] = 7;
    bump(counts).await;
    store.counts.iter().sum()
}

#[test]
fn a_local_changed_through_holds_a_reference() {
    assert_eq!(
        same_and_no_larger(
            || own_method_reborrowed(store()),
            || own_method_reborrowed_rustc(store()),
        ),
        "Ready(3)"
    );
    assert_eq!(
        same_and_no_larger(
            || own_method_assigned_through(store()),
            || own_method_assigned_through_rustc(store()),
        ),
        "Ready(10)"
    );
}

fn triple(n: u32) -> u32 {
    n * 3
}

/// A number a call makes, given bare and read after: a copy, which the
/// machine keeps by value, as rustc does.
#[desugar]
async fn number_given_bare(n: u32) -> u32 {
    let c = triple(n);
    let a = show(c).await;
    let b = show(c + 1).await;
    a + b + c
}

#[test]
fn a_number_given_bare_is_kept_by_value() {
    assert_eq!(
        same_and_no_larger(|| number_given_bare(2), || number_given_bare_rustc(2)),
        "Ready(19)"
    );
    let machine = number_given_bare(2);
    assert!(matches!(
        kind(&machine, "Suspend0", "c"),
        Some(FieldKind::Carried)
    ));
}
