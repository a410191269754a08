//! The repository / ORM / cache hunt (dogO1): an `if let` on a temporary
//! whose `else` awaits, no larger than rustc's future; a method's result
//! that the context coerces (`&String` to `&str`, `&mut T` to `&T`) from
//! a receiver kept in place; and the entry API's own methods that take
//! `self` (`VacantEntry::insert`, `OccupiedEntry::remove`) on an entry
//! kept across an await, also in an `if let` with an `else`.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::collections::{BTreeMap, HashMap, btree_map, hash_map};
use std::sync::Mutex;

fn leaf<T>(name: &str, v: T) -> LeafFuture<T> {
    Leaf::new(name).pending(1).ready(v)
}

/// `same_and_no_larger` of `$f(&mut v, ..)` and its twin, for a fresh
/// `v = $make` each run, owned by the future that borrows it (an `async
/// move` block around the call), and the bare futures' sizes compared on
/// one value: the machine no larger than the twin.
macro_rules! same_on_fresh {
    ($make:expr, $f:ident, $twin:ident $(, $arg:expr)*) => {{
        same_and_no_larger(
            || {
                let mut v = $make;
                async move { $f(&mut v $(, $arg)*).await }
            },
            || {
                let mut v = $make;
                async move { $twin(&mut v $(, $arg)*).await }
            },
        );
        let (mut left, mut right) = ($make, $make);
        let (left, right) = (
            std::mem::size_of_val(&$f(&mut left $(, $arg)*)),
            std::mem::size_of_val(&$twin(&mut right $(, $arg)*)),
        );
        assert!(left <= right, "{left} bytes against rustc's {right}");
    }};
}

/// `both_send` of `$f(&mut v, ..)` and its twin, each on a value of its own.
macro_rules! send_on_fresh {
    ($make:expr, $f:ident, $twin:ident $(, $arg:expr)*) => {{
        let (mut left, mut right) = ($make, $make);
        both_send(&$f(&mut left $(, $arg)*), &$twin(&mut right $(, $arg)*));
    }};
}

// ------------------------------------------------------------ 1. sizes

pub struct Snapshot {
    _p: Probe,
    value: Option<String>,
}

impl Snapshot {
    fn get(&self) -> Option<&String> {
        self.value.as_ref()
    }
}

fn snapshot(hit: bool) -> Snapshot {
    Snapshot {
        _p: Probe::new("snapshot"),
        value: hit.then(|| "cached".to_string()),
    }
}

/// The scrutinee's temporary (48 bytes) drops before the `else` runs; the
/// `else`'s state must not keep room for it.
#[desugar]
async fn read(hit: bool) -> String {
    if let Some(v) = snapshot(hit).get() {
        v.clone()
    } else {
        leaf("load", String::from("loaded")).await
    }
}

/// A lock guard with a probe, as a cache's `lock()` gives.
pub struct Lock<T> {
    inner: Mutex<T>,
}

pub struct Guard<'a, T> {
    g: std::sync::MutexGuard<'a, T>,
    _p: Probe,
}

impl<T> std::ops::Deref for Guard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.g
    }
}

impl<T> std::ops::DerefMut for Guard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.g
    }
}

impl<T> Lock<T> {
    fn lock(&self) -> Guard<'_, T> {
        Guard {
            g: self.inner.lock().unwrap(),
            _p: Probe::new("guard"),
        }
    }
}

/// The read-through cache: the guard is gone before `load` is awaited.
#[desugar]
async fn read_through(cache: &Lock<BTreeMap<u32, String>>, k: u32) -> String {
    if let Some(v) = cache.lock().get(&k) {
        v.clone()
    } else {
        let v = leaf("load", format!("v{k}")).await;
        cache.lock().insert(k, v.clone());
        v
    }
}

/// The same with an `else` that awaits twice and a `then` that awaits.
#[desugar]
async fn read_through_both(cache: &Lock<BTreeMap<u32, String>>, k: u32) -> String {
    if let Some(v) = cache.lock().get(&k) {
        let n = leaf("seen", v.len()).await;
        format!("{v}{n}")
    } else {
        let v = leaf("load", format!("v{k}")).await;
        let w = leaf("again", v.clone()).await;
        cache.lock().insert(k, w.clone());
        w
    }
}

fn cache() -> Lock<BTreeMap<u32, String>> {
    Lock {
        inner: Mutex::new(BTreeMap::from([(1, "one".to_string())])),
    }
}

#[test]
fn if_let_temporary_gone_before_an_awaiting_else() {
    for hit in [true, false] {
        same_and_no_larger(|| read(hit), || read_rustc(hit));
    }
    both_send(&read(true), &read_rustc(true));
    // The guard is gone at the `else`'s await: `Send`, as the twin is.
    send_on_fresh!(cache(), read_through, read_through_rustc, 2);
    for k in [1, 2] {
        same_on_fresh!(cache(), read_through, read_through_rustc, k);
        same_on_fresh!(cache(), read_through_both, read_through_both_rustc, k);
    }
}

// ------------------------------------------------------------ 2. coercions

fn load(key: &str) -> LeafFuture<usize> {
    Leaf::new("load").pending(1).ready(key.len())
}

pub struct Key {
    name: String,
    _p: Probe,
}

impl Key {
    fn key(&self) -> &String {
        &self.name
    }
}

fn key(s: &str) -> Key {
    Key {
        name: s.to_string(),
        _p: Probe::new("key"),
    }
}

/// `&String` given where `&str` is expected, in an awaited call's arguments.
#[desugar]
async fn arg_coerced(k: Key) -> usize {
    load(k.key()).await
}

/// A `let` whose written type is a coercion of the method's result.
#[desugar]
async fn let_coerced(k: Key) -> usize {
    let r: &str = k.key();
    load("x").await;
    r.len()
}

/// `&mut T` to `&T` from `Option::get_or_insert_with`.
#[desugar]
async fn get_or_insert_with_coerced(slot: &mut Option<u32>) -> u32 {
    let r: &u32 = slot.get_or_insert_with(|| 3);
    load("x").await;
    *r
}

/// The entry API's `load(v.key()).await` on a `VacantEntry<String, _>`.
#[desugar]
async fn vacant_key_coerced(cache: &mut HashMap<String, usize>, k: &str) -> usize {
    match cache.entry(k.to_string()) {
        hash_map::Entry::Occupied(o) => *o.get(),
        hash_map::Entry::Vacant(v) => {
            let n = load(v.key()).await;
            n + 1
        }
    }
}

#[test]
fn coerced_method_results() {
    same_and_no_larger(|| arg_coerced(key("abc")), || arg_coerced_rustc(key("abc")));
    both_send(&arg_coerced(key("a")), &arg_coerced_rustc(key("a")));
    same_and_no_larger(
        || let_coerced(key("abcd")),
        || let_coerced_rustc(key("abcd")),
    );
    both_send(&let_coerced(key("a")), &let_coerced_rustc(key("a")));
    for start in [None, Some(7)] {
        same_on_fresh!(
            start,
            get_or_insert_with_coerced,
            get_or_insert_with_coerced_rustc
        );
    }
    send_on_fresh!(
        None,
        get_or_insert_with_coerced,
        get_or_insert_with_coerced_rustc
    );
    let map = || -> HashMap<String, usize> { HashMap::from([("a".to_string(), 1)]) };
    for k in ["a", "bc"] {
        same_on_fresh!(map(), vacant_key_coerced, vacant_key_coerced_rustc, k);
    }
    send_on_fresh!(map(), vacant_key_coerced, vacant_key_coerced_rustc, "a");
}

// ------------------------------------------------------------ 3. entries taken by value

fn load_string(key: &str) -> LeafFuture<String> {
    Leaf::new("load").pending(1).ready(format!("v:{key}"))
}

/// Cache-aside: `VacantEntry::insert(self, ..)` on an entry the awaited
/// call may borrow, written as a call, as the build's message says to
/// (`v.insert(value)` there: `tests/ui/entry_taking_self_kept_in_place.rs`).
#[desugar]
async fn get_or_load(cache: &mut HashMap<String, String>, key: &str) -> String {
    match cache.entry(key.to_string()) {
        hash_map::Entry::Occupied(o) => o.get().clone(),
        hash_map::Entry::Vacant(v) => {
            let value = load_string(v.key().as_str()).await;
            hash_map::VacantEntry::insert(v, value).clone()
        }
    }
}

/// `OccupiedEntry::remove(self)` on an entry borrowed by an awaited value,
/// the move written out with a block.
#[desugar]
async fn drain_first(map: &mut BTreeMap<u32, String>) -> u32 {
    let mut n = 0;
    while let Some(e) = map.first_entry() {
        n += leaf("each", *e.key()).await;
        let v = { e }.remove();
        drop(v);
    }
    n
}

/// The collections' own `insert` and `remove` on a local kept in place
/// still build: the check asks nothing of a method that borrows.
#[desugar]
async fn collections_kept_in_place(mut map: BTreeMap<u32, Probe>, mut v: Vec<u32>) -> usize {
    let n = leaf("len", map.len() + v.len()).await;
    map.insert(3, Probe::new("three"));
    map.remove(&1);
    v.insert(0, 9);
    v.remove(1);
    let m = leaf("again", &map).await.len();
    n + m + v.len()
}

/// `if let Entry::Vacant(v) = .. { v.insert(x.await); true } else { false }`.
#[desugar]
async fn fill(map: &mut BTreeMap<u32, u32>, k: u32) -> bool {
    if let btree_map::Entry::Vacant(v) = map.entry(k) {
        v.insert(leaf("load", k * 10).await);
        true
    } else {
        false
    }
}

/// Without the `else`: the cleared flag keeps no room at the await.
#[desugar]
async fn fill_without_else(map: &mut BTreeMap<u32, u32>, k: u32) -> bool {
    if let btree_map::Entry::Vacant(v) = map.entry(k) {
        v.insert(leaf("load", k * 10).await);
        return true;
    }
    false
}

/// A `match` arm that takes the entry, awaiting before it removes it.
#[desugar]
async fn removed(map: &mut BTreeMap<u32, u32>, k: u32) -> Option<u32> {
    match map.entry(k) {
        btree_map::Entry::Occupied(o) => {
            leaf("before", ()).await;
            Some(o.remove())
        }
        _ => None,
    }
}

/// The same with an entry of probes, and an `else` that awaits.
#[desugar]
async fn fill_or_touch(map: &mut BTreeMap<u32, Probe>, k: u32) -> u32 {
    if let btree_map::Entry::Vacant(v) = map.entry(k) {
        v.insert(leaf("load", Probe::new("made")).await);
        1
    } else {
        leaf("touch", 2).await
    }
}

fn maybe_name(n: u32) -> Option<String> {
    (n > 1).then(|| format!("n{n}"))
}

/// `Some(s)` moves the `String` out of the temporary, beside an `else`.
#[desugar]
async fn named_or_not(n: u32) -> usize {
    if let Some(s) = maybe_name(n) {
        leaf("named", ()).await;
        s.len()
    } else {
        leaf("unnamed", 0).await
    }
}

#[test]
fn entries_taken_by_value() {
    for n in [1, 2] {
        same_and_no_larger(|| named_or_not(n), || named_or_not_rustc(n));
    }
    both_send(&named_or_not(2), &named_or_not_rustc(2));
    let hm = || -> HashMap<String, String> { HashMap::from([("a".to_string(), "x".to_string())]) };
    for k in ["a", "b"] {
        same_on_fresh!(hm(), get_or_load, get_or_load_rustc, k);
    }
    send_on_fresh!(hm(), get_or_load, get_or_load_rustc, "a");
    let bm = || -> BTreeMap<u32, String> {
        BTreeMap::from([(1, "a".to_string()), (2, "b".to_string())])
    };
    same_on_fresh!(bm(), drain_first, drain_first_rustc);
    send_on_fresh!(bm(), drain_first, drain_first_rustc);
    let probes = || BTreeMap::from([(1, Probe::new("one")), (2, Probe::new("two"))]);
    same_and_no_larger(
        || collections_kept_in_place(probes(), vec![1, 2]),
        || collections_kept_in_place_rustc(probes(), vec![1, 2]),
    );
    both_send(
        &collections_kept_in_place(probes(), vec![]),
        &collections_kept_in_place_rustc(probes(), vec![]),
    );
    let um = || -> BTreeMap<u32, u32> { BTreeMap::from([(1, 1)]) };
    for k in [1, 2] {
        same_on_fresh!(um(), fill, fill_rustc, k);
    }
    send_on_fresh!(um(), fill, fill_rustc, 1);
    for k in [1, 2] {
        same_on_fresh!(um(), fill_without_else, fill_without_else_rustc, k);
        same_on_fresh!(um(), removed, removed_rustc, k);
    }
    send_on_fresh!(um(), fill_without_else, fill_without_else_rustc, 1);
    send_on_fresh!(um(), removed, removed_rustc, 1);
    let pm = || -> BTreeMap<u32, Probe> { BTreeMap::from([(1, Probe::new("old"))]) };
    for k in [1, 2] {
        same_on_fresh!(pm(), fill_or_touch, fill_or_touch_rustc, k);
    }
    send_on_fresh!(pm(), fill_or_touch, fill_or_touch_rustc, 1);
}
