//! A value derefed in an awaited call's arguments (`send(*m.lock().unwrap())`)
//! is a temporary `Deref::deref` borrows: rustc keeps it to the end of the
//! statement, across the await, so a guard stays locked while the awaited
//! future runs. The machine keeps it just as long.

mod common;

use std::cell::RefCell;
use std::ops::Deref;
use std::sync::Mutex;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same, note};

fn noted(report: &Report, text: &str) -> bool {
    report.trace.lines().contains(&format!("note: {text}"))
}

/// Notes whether `m` is locked while it is polled: what tells a guard held
/// across the await from one dropped before it.
async fn send_locked(m: &Mutex<u32>, n: u32) -> u32 {
    note(format!("locked while polled: {}", m.try_lock().is_err()));
    Leaf::new("send").pending(1).ready(n + 1).await
}

async fn send_borrowed(c: &RefCell<u32>, n: u32) -> u32 {
    note(format!(
        "borrowed while polled: {}",
        c.try_borrow_mut().is_err()
    ));
    Leaf::new("send").pending(1).ready(n + 1).await
}

async fn two() -> u32 {
    Leaf::new("two").pending(1).ready(2).await
}

#[desugar]
#[allow(clippy::await_holding_lock)] // the lock held across the await is under test
async fn derefs_a_lock_guard(m: &Mutex<u32>) -> u32 {
    let sent = send_locked(m, *m.lock().unwrap()).await;
    sent + send_locked(m, 1).await
}

#[desugar]
#[allow(clippy::await_holding_refcell_ref)] // the borrow held across the await is under test
async fn derefs_a_cell_borrow(c: &RefCell<u32>) -> u32 {
    send_borrowed(c, *c.borrow()).await
}

/// The guard made before a later await in the same call.
#[desugar]
#[allow(clippy::await_holding_lock)]
async fn derefs_a_guard_before_an_await(m: &Mutex<u32>) -> u32 {
    send_locked(m, *m.lock().unwrap() + two().await).await
}

#[test]
fn a_derefed_guard_is_held_across_the_await() {
    let m = Mutex::new(4);
    let report = assert_same(|| derefs_a_lock_guard(&m), || derefs_a_lock_guard_rustc(&m));
    assert!(
        noted(&report, "locked while polled: true"),
        "{}",
        report.trace
    );
    let report = assert_same(
        || derefs_a_guard_before_an_await(&m),
        || derefs_a_guard_before_an_await_rustc(&m),
    );
    assert!(
        noted(&report, "locked while polled: true"),
        "{}",
        report.trace
    );
    let c = RefCell::new(5);
    let report = assert_same(
        || derefs_a_cell_borrow(&c),
        || derefs_a_cell_borrow_rustc(&c),
    );
    assert!(
        noted(&report, "borrowed while polled: true"),
        "{}",
        report.trace
    );
}

/// A guard of the user's, made by a method named like the standard view
/// `get` (which returns a reference with nothing to drop).
struct Pooled {
    value: u32,
    _probe: Probe,
}

impl Deref for Pooled {
    type Target = u32;
    fn deref(&self) -> &u32 {
        &self.value
    }
}

struct Pool(u32);

impl Pool {
    fn get(&self) -> Pooled {
        Pooled {
            value: self.0,
            _probe: Probe::new("pooled"),
        }
    }
}

async fn route(n: u32) -> u32 {
    Leaf::new("route").pending(2).ready(n * 10).await
}

#[desugar]
async fn derefs_a_users_guard(pool: &Pool) -> u32 {
    let routed = route(*pool.get()).await;
    note("routed");
    routed
}

/// Views of the standard library derefed: references, kept for nothing.
#[desugar]
async fn derefs_views(v: Vec<u32>) -> u32 {
    let first = route(*v.first().unwrap()).await;
    first + route(*v.get(1).unwrap()).await
}

/// `*` moves out of a `Box`, which has nothing left to keep.
#[desugar]
async fn moves_out_of_a_box(text: String) -> usize {
    let measure = async |t: String| Leaf::new("measure").pending(1).ready(t.len()).await;
    measure(*Box::new(text)).await
}

#[test]
fn a_derefed_value_lives_to_the_end_of_its_statement() {
    let pool = Pool(4);
    let report = assert_same(
        || derefs_a_users_guard(&pool),
        || derefs_a_users_guard_rustc(&pool),
    );
    assert_eq!(report.outcome, "Ready(40)");
    common::assert_send(&derefs_views(vec![]));
    let report = assert_same(
        || derefs_views(vec![1, 2]),
        || derefs_views_rustc(vec![1, 2]),
    );
    assert_eq!(report.outcome, "Ready(30)");
    assert!(
        size_of_val(&derefs_views(vec![])) <= size_of_val(&derefs_views_rustc(vec![])),
        "a derefed reference is kept for nothing"
    );
    let report = assert_same(
        || moves_out_of_a_box("abc".into()),
        || moves_out_of_a_box_rustc("abc".into()),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// A lock whose guard comes through `?`.
struct Shared(Mutex<u32>);

impl Shared {
    fn lock(&self) -> Result<std::sync::MutexGuard<'_, u32>, String> {
        self.0.lock().map_err(|e| e.to_string())
    }
}

async fn send_shared(shared: &Shared, n: u32) -> u32 {
    note(format!(
        "locked while polled: {}",
        shared.0.try_lock().is_err()
    ));
    Leaf::new("send").pending(1).ready(n + 1).await
}

async fn measure(shared: &Shared, n: &u32) -> u32 {
    note(format!(
        "locked while polled: {}",
        shared.0.try_lock().is_err()
    ));
    Leaf::new("measure").pending(1).ready(*n).await
}

/// The guard a `?` gives, derefed, borrowed or a method's receiver in an
/// awaited call's arguments: a temporary like any other, kept to the end
/// of the statement (dropped before the await, and `&*s.lock()?` E0716,
/// before).
#[desugar]
#[allow(clippy::await_holding_lock)] // the lock held across the await is under test
async fn guards_through_try(shared: &Shared) -> Result<u32, String> {
    let a = send_shared(shared, *shared.lock()?).await;
    let b = send_shared(shared, shared.lock()?.count_ones()).await;
    let c = measure(shared, &*shared.lock()?).await;
    Ok(a + b + c)
}

#[test]
fn a_guard_a_try_gives_is_held_across_the_await() {
    let shared = Shared(Mutex::new(4));
    let report = assert_same(
        || guards_through_try(&shared),
        || guards_through_try_rustc(&shared),
    );
    assert_eq!(report.outcome, "Ready(Ok(11))");
    assert!(
        !noted(&report, "locked while polled: false"),
        "{}",
        report.trace
    );
}
