// A map entry kept in place across an await (the awaited call may borrow
// it: `load(v.key()).await`), then given to the entry's own `insert` or
// `remove`, which take it by value (`VacantEntry::insert(self, v)`,
// `OccupiedEntry::remove(self)`), where syntax reads the collection's
// borrowing `insert` and `remove` (`HashMap::insert(&mut self, ..)`,
// `Vec::remove(&mut self, i)`). Kept in place, the entry cannot be moved
// out: the build stops at the receiver, saying to write the move out
// (`VacantEntry::insert(v, value)` or `{ e }.remove()`), which the
// machine lowers as rustc moves it (`tests/dogfood_round_o1.rs`).
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};
use std::collections::btree_map::BTreeMap;
use std::collections::hash_map::{Entry, HashMap};

fn load(key: &str) -> LeafFuture<String> {
    Leaf::new("load").pending(1).ready(format!("v:{key}"))
}

/// Cache-aside: `VacantEntry::insert(self, ..)`.
#[desugar]
async fn get_or_load(cache: &mut HashMap<String, String>, key: &str) -> String {
    match cache.entry(key.to_string()) {
        Entry::Occupied(o) => o.get().clone(),
        Entry::Vacant(v) => {
            let value = load(v.key().as_str()).await;
            v.insert(value).clone()
        }
    }
}

/// `OccupiedEntry::remove(self)`.
#[desugar]
async fn drain_first(map: &mut BTreeMap<u32, String>) -> u32 {
    let mut n = 0;
    while let Some(e) = map.first_entry() {
        n += Leaf::new("each").pending(1).ready(*e.key()).await;
        let v = e.remove();
        drop(v);
    }
    n
}

fn main() {}
