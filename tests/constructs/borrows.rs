//! Values borrowed across an await, which the machine must keep in place
//! (DESIGN.md section 4, "homed" values): awaited futures that borrow
//! locals (`read(&mut buf).await`, `f(&s).await`, a method future borrowing
//! its receiver), references held in locals across awaits (to locals,
//! fields, slices, parameters, `as_str()`), `for x in &v { f(x).await }`,
//! guards held across awaits (a `Send` guard and `std::sync::MutexGuard`),
//! and closures that borrow locals. A loop over a borrowed local followed by
//! a conflicting use of it is `tests/regressions.rs`'s.

use std::sync::{Arc, Mutex};

use desugar::desugar;
use desugar::harness::{LeafFuture, Probe, assert_same};

use super::support::{assert_send, leaf};

/// Appends the leaf's byte to `buf`: a future holding `&mut buf`.
async fn read(buf: &mut Vec<u8>, chunk: LeafFuture<u8>) -> usize {
    buf.push(chunk.await);
    buf.len()
}

/// A future holding `&str` until its leaf is ready.
async fn measure(s: &str, l: LeafFuture<()>) -> usize {
    l.await;
    s.len()
}

/// A future holding a probe by reference until its leaf is ready.
async fn touch_later(p: &Probe, l: LeafFuture<u32>) -> u32 {
    let v = l.await;
    p.touch();
    v
}

#[derive(Default)]
struct Counter {
    total: u32,
}

impl Counter {
    /// A method future borrowing its receiver mutably.
    async fn add_later(&mut self, l: LeafFuture<u32>) -> u32 {
        self.total += l.await;
        self.total
    }
}

#[desugar]
async fn awaited_futures_borrow_locals(p: Probe) -> (usize, usize, u32, u32) {
    let mut buf = Vec::new();
    let n = read(&mut buf, leaf("read1", 2, b'a')).await;
    let n = n + read(&mut buf, leaf("read2", 1, b'b')).await;
    let s = String::from("hello");
    let len = measure(&s, leaf("measure", 1, ())).await;
    let held = Probe::new("held");
    let touched = touch_later(&held, leaf("touch_later", 1, 7u32)).await;
    let mut counter = Counter::default();
    counter.add_later(leaf("add1", 1, 2u32)).await;
    let total = counter.add_later(leaf("add2", 2, 3u32)).await;
    held.touch();
    p.touch();
    (n, len + buf.len(), touched, total)
}

#[test]
fn awaited_futures_that_borrow_locals() {
    assert_send(&awaited_futures_borrow_locals(Probe::new("p")));
    let report = assert_same(
        || awaited_futures_borrow_locals(Probe::new("p")),
        || awaited_futures_borrow_locals_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((3, 7, 7, 5))");
}

#[desugar]
async fn references_held(p: Probe, param: String) -> usize {
    let data = String::from("data");
    let r = &data;
    let text = data.as_str();
    leaf("after_ref", 1, ()).await;
    let pair = (Probe::new("first"), Probe::new("second"));
    let first = &pair.0;
    let v = vec![1u32, 2, 3];
    let tail = &v[1..];
    let param_ref = &param;
    let mut count = 0u32;
    let counting = &mut count;
    let five = leaf("through_mut", 2, 5u32).await;
    *counting += five;
    first.touch();
    pair.1.touch();
    p.touch();
    r.len() + text.len() + tail.len() + param_ref.len() + count as usize
}

#[test]
fn references_held_across_awaits() {
    assert_send(&references_held(Probe::new("p"), String::new()));
    let report = assert_same(
        || references_held(Probe::new("p"), String::from("param")),
        || references_held_rustc(Probe::new("p"), String::from("param")),
    );
    assert_eq!(report.outcome, "Ready(20)");
}

/// A reference matched by value hands its borrow on to the arm's binding,
/// which holds it across the arm's await: the value it borrows stays put
/// (E0505 in the expansion, "cannot move out of value because it is
/// borrowed", when the binding was not counted as holding it).
#[desugar]
async fn reference_matched_by_value(p: Probe) -> usize {
    let data = vec![Probe::new("data")];
    let r = &data;
    let held = match r {
        empty if empty.is_empty() => 0,
        seen => {
            leaf("in_arm", 1, ()).await;
            seen.len()
        }
    };
    let borrowed = match &vec![Probe::new("temporary")] {
        empty if empty.is_empty() => 0,
        seen => {
            leaf("in_second_arm", 1, ()).await;
            seen.len()
        }
    };
    p.touch();
    held + borrowed
}

#[test]
fn a_reference_matched_by_value_keeps_its_borrow() {
    assert_send(&reference_matched_by_value(Probe::new("p")));
    let report = assert_same(
        || reference_matched_by_value(Probe::new("p")),
        || reference_matched_by_value_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

#[desugar]
async fn iterate_by_reference(p: Probe) -> u32 {
    let probes = vec![Probe::new("a"), Probe::new("b")];
    let mut sum = 0;
    for probe in &probes {
        sum += touch_later(probe, leaf("each", 1, 1u32)).await;
    }
    let values = vec![10u32, 20];
    for x in &values {
        sum += leaf("by_ref", 1, *x).await;
    }
    p.touch();
    sum + values.iter().sum::<u32>()
}

#[test]
fn for_loops_over_references() {
    assert_send(&iterate_by_reference(Probe::new("p")));
    let report = assert_same(
        || iterate_by_reference(Probe::new("p")),
        || iterate_by_reference_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(62)");
}

/// A guard that touches its probe when released.
struct Guard<'a>(&'a Probe);

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.0.touch();
    }
}

async fn lock(p: &Probe, l: LeafFuture<()>) -> Guard<'_> {
    l.await;
    Guard(p)
}

#[desugar]
async fn send_guard(p: Probe) -> u32 {
    let resource = Probe::new("resource");
    let guard = lock(&resource, leaf("lock", 1, ())).await;
    let v = leaf("while_locked", 2, 4u32).await;
    drop(guard);
    let second = lock(&resource, leaf("relock", 1, ())).await;
    let w = leaf("held_to_end", 1, 5u32).await;
    second.0.touch();
    p.touch();
    v + w
}

#[test]
fn a_send_guard_held_across_awaits() {
    assert_send(&send_guard(Probe::new("p")));
    let report = assert_same(
        || send_guard(Probe::new("p")),
        || send_guard_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

// Holding the guards across awaits is the construct under test.
#[allow(clippy::await_holding_lock)]
#[desugar]
async fn mutex_guard(shared: Arc<Mutex<u32>>, p: Probe) -> u32 {
    let local = Arc::new(Mutex::new(1u32));
    let mut guard = local.lock().unwrap();
    let two = leaf("under_local_lock", 1, 2u32).await;
    *guard += two;
    let local_value = *guard;
    drop(guard);
    let mut outer = shared.lock().unwrap();
    let more = leaf("under_shared_lock", 2, local_value).await;
    *outer += more;
    p.touch();
    *outer
}

/// `MutexGuard` is not `Send`, so neither future is: no `assert_send`.
#[test]
fn a_mutex_guard_held_across_awaits() {
    let report = assert_same(
        || mutex_guard(Arc::new(Mutex::new(10)), Probe::new("p")),
        || mutex_guard_rustc(Arc::new(Mutex::new(10)), Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(13)");
}

#[desugar]
async fn closures_borrowing_locals(p: Probe) -> (u32, usize) {
    let base = 5u32;
    let add = |x: u32| x + base;
    let a = add(leaf("arg", 1, 1u32).await);
    let mut seen = Vec::new();
    let mut push = |x: u32| seen.push(x);
    push(leaf("push1", 1, a).await);
    push(leaf("push2", 2, 7u32).await);
    let held = Probe::new("held");
    let show = || held.touch();
    leaf("before_call", 1, ()).await;
    show();
    p.touch();
    (add(0), seen.len())
}

#[test]
fn closures_that_borrow_locals() {
    assert_send(&closures_borrowing_locals(Probe::new("p")));
    let report = assert_same(
        || closures_borrowing_locals(Probe::new("p")),
        || closures_borrowing_locals_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready((5, 2))");
}

/// A connection whose query borrows it mutably until it is answered.
struct Conn {
    queries: u32,
    tag: Probe,
}

impl Conn {
    fn new(label: &str) -> Conn {
        Conn {
            queries: 0,
            tag: Probe::new(label),
        }
    }

    fn query(&mut self) -> impl core::future::Future<Output = u32> + '_ {
        self.queries += 1;
        async move {
            let n = leaf("query", 1, self.queries).await;
            self.tag.touch();
            n
        }
    }
}

/// A transaction borrowing its connection mutably (a lifetime, no `&mut`
/// in its type as the fn sees it).
struct Tx<'c> {
    conn: &'c mut Conn,
    tag: Probe,
}

struct Client {
    conn: Option<Conn>,
    backup: Conn,
}

impl Client {
    #[desugar]
    async fn through_bindings(&mut self) -> u32 {
        let mut n = 0;
        if let Some(c) = &mut self.conn {
            n += c.query().await;
        }
        match &mut self.conn {
            Some(c) => n += c.query().await,
            None => n += 100,
        }
        let Client { conn, backup } = self;
        n += backup.query().await;
        n + conn.as_ref().map_or(0, |c| c.queries)
    }
}

/// Bindings that hold a `&mut` their type does not show: each query
/// reborrows through them across its await (E0596 before: the machine
/// reached them through a shared reference).
#[desugar]
async fn mutable_through_bindings(mut conns: Vec<Conn>, ctx: Tx<'_>) -> u32 {
    let mut sum = 0;
    for c in conns.iter_mut() {
        sum += c.query().await;
    }
    for c in &mut conns {
        sum += c.query().await;
    }
    if let Some(c) = conns.last_mut() {
        sum += c.query().await;
    }
    let last = conns.first_mut().unwrap();
    sum += last.query().await;
    sum += ctx.conn.query().await;
    ctx.tag.touch();
    let mut other = Conn::new("other");
    let tx = Tx {
        conn: &mut other,
        tag: Probe::new("tx"),
    };
    sum += tx.conn.query().await;
    tx.tag.touch();
    sum
}

#[test]
fn bindings_that_hold_a_mutable_reference() {
    let conns = || vec![Conn::new("a"), Conn::new("b")];
    let report = assert_same(
        || async {
            let mut shared = Conn::new("shared");
            let ctx = Tx {
                conn: &mut shared,
                tag: Probe::new("ctx"),
            };
            mutable_through_bindings(conns(), ctx).await
        },
        || async {
            let mut shared = Conn::new("shared");
            let ctx = Tx {
                conn: &mut shared,
                tag: Probe::new("ctx"),
            };
            mutable_through_bindings_rustc(conns(), ctx).await
        },
    );
    assert_eq!(report.outcome, "Ready(14)");
    let client = || Client {
        conn: Some(Conn::new("conn")),
        backup: Conn::new("backup"),
    };
    let report = assert_same(
        || async move { client().through_bindings().await },
        || async move { client().through_bindings_rustc().await },
    );
    assert_eq!(report.outcome, "Ready(6)");
    let mut client = client();
    assert_send(&client.through_bindings());
}
