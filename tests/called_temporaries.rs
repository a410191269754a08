//! A closure made and called in one expression (`handler(p)(x).await`) is
//! a temporary the call borrows: rustc keeps it, with what it captured, to
//! the end of the statement (or of the `match`, `if let` or `for` whose
//! head calls it), across the awaits there. The machine keeps it as long.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn handler(p: Probe) -> impl Fn(u32) -> LeafFuture<u32> {
    move |x| {
        Leaf::new("handle")
            .pending(1)
            .ready(x + p.label().len() as u32)
    }
}

fn counter(p: Probe) -> impl FnMut(u32) -> LeafFuture<u32> {
    let mut calls = 0;
    move |x| {
        calls += 1;
        Leaf::new("count")
            .pending(1)
            .ready(x + calls + p.label().len() as u32)
    }
}

struct Routes {
    fallback: Box<dyn Fn(u32) -> LeafFuture<u32>>,
}

fn routes(p: Probe) -> Routes {
    Routes {
        fallback: Box::new(move |x| {
            Leaf::new("fallback")
                .pending(1)
                .ready(x + p.label().len() as u32)
        }),
    }
}

#[desugar]
#[allow(clippy::redundant_closure_call)] // a closure called where it is made is under test
async fn called_temporaries(x: u32) -> u32 {
    let a = handler(Probe::new("handler"))(x).await;
    let b = counter(Probe::new("counter"))(x).await;
    let c = (routes(Probe::new("routes")).fallback)(x).await;
    let captured = Probe::new("captured");
    let d = (move || {
        Leaf::new("now")
            .pending(1)
            .ready(captured.label().len() as u32)
    })()
    .await;
    // Made before an await in its own call's arguments.
    let e = handler(Probe::new("before"))(Leaf::new("arg").pending(1).ready(x).await).await;
    a + b + c + d + e
}

fn classify(p: Probe) -> impl Fn(u32) -> Option<u32> {
    move |x| x.checked_sub(p.label().len() as u32)
}

fn list(p: Probe) -> impl Fn(u32) -> Vec<u32> {
    move |n| (0..n + p.label().len() as u32 - 4).collect()
}

#[desugar]
async fn called_in_heads(x: u32) -> u32 {
    let a = match classify(Probe::new("match"))(x) {
        Some(v) => Leaf::new("some").pending(1).ready(v).await,
        None => 0,
    };
    let b = if let Some(v) = classify(Probe::new("if let"))(x) {
        Leaf::new("then").pending(1).ready(v).await
    } else {
        0
    };
    let mut c = 0;
    for i in list(Probe::new("list"))(2) {
        c += Leaf::new("item").pending(1).ready(i).await;
    }
    a + b + c
}

#[test]
fn a_called_temporary_lives_to_the_end_of_its_statement() {
    let report = assert_same(|| called_temporaries(1), || called_temporaries_rustc(1));
    assert_eq!(report.outcome, "Ready(39)");
    for x in [3, 9] {
        let report = assert_same(|| called_in_heads(x), || called_in_heads_rustc(x));
        assert!(report.trace.leaf_polls().contains(&"item"));
    }
}

/// `{ f }(x)`, the way to call a local `FnOnce` closure by moving it into
/// the call, is left a move: not kept as a temporary the call borrows.
#[desugar]
async fn with_conn<F, Fut>(f: F) -> u32
where
    F: FnOnce(Probe) -> Fut,
    Fut: std::future::Future<Output = u32>,
{
    let conn = Probe::new("conn");
    let n = { f }(conn).await;
    let m = match { f2_of(n) }(n) {
        0 => 0,
        k => Leaf::new("k").pending(1).ready(k).await,
    };
    n + m
}

fn f2_of(n: u32) -> impl FnOnce(u32) -> u32 {
    let probe = Probe::new("once");
    move |x| {
        drop(probe);
        x + n
    }
}

fn callback(conn: Probe) -> LeafFuture<u32> {
    let n = conn.label().len() as u32;
    drop(conn);
    Leaf::new("callback").pending(1).ready(n)
}

#[test]
fn a_once_closure_moved_into_its_call_builds() {
    let report = assert_same(|| with_conn(callback), || with_conn_rustc(callback));
    assert_eq!(report.outcome, "Ready(12)");
}
