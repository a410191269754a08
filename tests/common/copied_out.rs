//! `if let … else` statements whose pattern copies out of a reference
//! (`Some(&first)`), which leaves the scrutinee's value, a borrow of a
//! temporary, to the end of the `then` block, beside an `else` that
//! awaits (dogK2, finding 5: E0502 in the expansion, which moved the
//! temporary into the `else`'s state while that value, kept beside it,
//! borrowed it). rustc drops both before the `else` in Rust 2024 and after
//! it in Rust 2021: `tests/if_let_scrutinees.rs` and
//! `desugar-edition2021/tests/if_let_temporaries.rs` include this file and
//! check each side.

use std::sync::Mutex;

use desugar::desugar;
use desugar::harness::{Leaf, Probe};

/// Notes whether `ids` is locked while it is polled: what tells a guard
/// held through the `else` from one dropped before it.
async fn allocate(ids: &Mutex<Vec<u32>>) -> u32 {
    let locked = ids.try_lock().is_err();
    desugar::harness::note(format!("locked while polled: {locked}"));
    Leaf::new("allocate").pending(1).ready(1).await
}

/// The finding's own shape: the value borrows a guard.
#[desugar]
#[allow(clippy::await_holding_lock)] // Rust 2021 holds it through `else`, under test
pub async fn from_a_guard(ids: &Mutex<Vec<u32>>) -> u32 {
    let mut id = 0;
    if let Some(&first) = ids.lock().unwrap().first() {
        id = first;
    } else {
        id += allocate(ids).await;
    }
    id
}

pub struct Tag(Probe, u32);

pub struct Tags(Vec<Tag>);

impl Tags {
    fn first(&self) -> Option<&Tag> {
        self.0.first()
    }
}

fn tags(n: u32) -> Tags {
    Tags((0..n).map(|i| Tag(Probe::new("tag"), i)).collect())
}

/// A temporary whose drop shows, beside an `else` block's use of a local.
#[desugar]
pub async fn from_a_temporary(n: u32, seen: Probe) -> u32 {
    let value;
    if let Some(&Tag(ref probe, k)) = tags(n).first() {
        probe.touch();
        value = k + 10;
    } else {
        seen.touch();
        value = Leaf::new("else").pending(1).ready(2).await;
    }
    value
}
