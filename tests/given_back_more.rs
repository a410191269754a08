//! More shapes of a value moved into an await and given back by a `match`
//! arm (`match step(c).await { Ok(q) => c = q, Err(e) => return e }`),
//! which the plain `async fn` builds and the machine did not, each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - The `match` in a `for` loop, the value read after the loop: E0382.
//! - The arm that gives the value back awaiting first: E0382.
//! - The `match` in a `loop`, the giving arm breaking out: E0382.
//! - The `match` in an `if` without `else` (or an `if let`): E0382.
//! - The value given back, then taken apart whole for an `async move`
//!   block, which is what the build says to write where the block names
//!   a field of it that is not `Copy`.
//! - A `macro_rules!` of the body naming `self` in a `&mut self` method,
//!   called after an await: E0382 at the attribute.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, note};

pub struct Conn(Probe);

impl Conn {
    fn touch(&self) -> u32 {
        self.0.touch();
        1
    }
}

fn conn() -> Conn {
    Conn(Probe::new("c"))
}

async fn step(c: Conn, n: u32) -> Result<Conn, u32> {
    let v = Leaf::new("step").pending(1).ready(n).await;
    if v > 2 { Err(v) } else { Ok(c) }
}

async fn fetch(k: u32) -> u32 {
    Leaf::new("fetch").pending(1).ready(k + 1).await
}

// ---- Given back inside a loop, read after it ----

#[desugar]
async fn given_back_in_a_for_loop(mut c: Conn, steps: Vec<u32>) -> u32 {
    for n in steps {
        match step(c, n).await {
            Ok(q) => c = q,
            Err(e) => return e,
        }
    }
    c.touch()
}

// The shape as written: the loop is left on every path.
#[allow(clippy::never_loop)]
#[desugar]
async fn given_back_breaking_a_loop(mut c: Conn, n: u32) -> u32 {
    loop {
        match step(c, n).await {
            Ok(q) => {
                c = q;
                break;
            }
            Err(e) => return e,
        }
    }
    c.touch()
}

#[test]
fn given_back_in_a_loop_and_read_after_it() {
    for steps in [vec![], vec![1, 2], vec![1, 5]] {
        same_and_no_larger(
            || given_back_in_a_for_loop(conn(), steps.clone()),
            || given_back_in_a_for_loop_rustc(conn(), steps.clone()),
        );
    }
    for n in [1, 5] {
        same_and_no_larger(
            || given_back_breaking_a_loop(conn(), n),
            || given_back_breaking_a_loop_rustc(conn(), n),
        );
    }
    both_send(
        &given_back_in_a_for_loop(conn(), vec![1]),
        &given_back_in_a_for_loop_rustc(conn(), vec![1]),
    );
    both_send(
        &given_back_breaking_a_loop(conn(), 1),
        &given_back_breaking_a_loop_rustc(conn(), 1),
    );
}

// ---- The giving arm awaiting before it gives the value back ----

#[desugar]
async fn given_back_after_an_await_in_the_arm(mut c: Conn, n: u32) -> u32 {
    match step(c, n).await {
        Ok(q) => {
            Leaf::new("bonus").pending(1).ready(()).await;
            c = q;
        }
        Err(e) => return e,
    }
    c.touch()
}

#[test]
fn given_back_by_an_arm_that_awaits_first() {
    for n in [1, 5] {
        same_and_no_larger(
            || given_back_after_an_await_in_the_arm(conn(), n),
            || given_back_after_an_await_in_the_arm_rustc(conn(), n),
        );
    }
    both_send(
        &given_back_after_an_await_in_the_arm(conn(), 1),
        &given_back_after_an_await_in_the_arm_rustc(conn(), 1),
    );
}

// ---- Given back inside an `if` without `else` ----

#[desugar]
async fn given_back_in_an_if(mut c: Conn, go: bool) -> u32 {
    if go {
        match step(c, 1).await {
            Ok(q) => c = q,
            Err(e) => return e,
        }
    }
    c.touch()
}

#[desugar]
async fn given_back_in_an_if_let(mut c: Conn, mode: Option<u32>) -> u32 {
    if let Some(n) = mode {
        match step(c, n).await {
            Ok(q) => c = q,
            Err(e) => return e,
        }
    }
    c.touch()
}

#[test]
fn given_back_in_an_if_and_read_after_it() {
    for go in [false, true] {
        same_and_no_larger(
            || given_back_in_an_if(conn(), go),
            || given_back_in_an_if_rustc(conn(), go),
        );
    }
    for mode in [None, Some(1), Some(5)] {
        same_and_no_larger(
            || given_back_in_an_if_let(conn(), mode),
            || given_back_in_an_if_let_rustc(conn(), mode),
        );
    }
    both_send(
        &given_back_in_an_if(conn(), true),
        &given_back_in_an_if_rustc(conn(), true),
    );
    both_send(
        &given_back_in_an_if_let(conn(), Some(1)),
        &given_back_in_an_if_let_rustc(conn(), Some(1)),
    );
}

// ---- A macro of the body naming `self` in a `&mut self` method ----

pub struct Svc {
    calls: u32,
}

impl Svc {
    #[desugar]
    async fn calls_after_an_await(&mut self, k: u32) -> u32 {
        macro_rules! calls {
            () => {
                self.calls
            };
        }
        let a = fetch(k).await;
        self.calls += 1;
        a + calls!()
    }
}

#[test]
fn a_macro_naming_self_is_given_the_receiver() {
    same_and_no_larger(
        || async {
            let mut s = Svc { calls: 3 };
            s.calls_after_an_await(1).await
        },
        || async {
            let mut s = Svc { calls: 3 };
            s.calls_after_an_await_rustc(1).await
        },
    );
    let (mut a, mut b) = (Svc { calls: 0 }, Svc { calls: 0 });
    both_send(&a.calls_after_an_await(1), &b.calls_after_an_await_rustc(1));
}

// ---- Given back, then taken apart whole for an `async move` block ----

pub struct Pair(Probe, u32);

async fn step_pair(p: Pair, n: u32) -> Result<Pair, u32> {
    let v = Leaf::new("step").pending(1).ready(n).await;
    if v > 2 { Err(v) } else { Ok(p) }
}

/// What the build says to write where an `async move` block names a field
/// that is not `Copy` of a value given back
/// (`tests/ui/given_back_part_into_async_move.rs`): the value taken apart
/// whole before the block.
#[desugar]
async fn given_back_then_taken_apart(mut p: Pair, n: u32) -> u32 {
    match step_pair(p, n).await {
        Ok(q) => p = q,
        Err(e) => return e,
    }
    let Pair(probe, k) = p;
    let task = async move {
        probe.touch();
        fetch(k).await
    };
    note("task made");
    task.await
}

#[test]
fn given_back_then_taken_apart_for_an_async_move_block() {
    let pair = || Pair(Probe::new("p"), 1);
    for n in [1, 5] {
        same_and_no_larger(
            || given_back_then_taken_apart(pair(), n),
            || given_back_then_taken_apart_rustc(pair(), n),
        );
    }
    both_send(
        &given_back_then_taken_apart(pair(), 1),
        &given_back_then_taken_apart_rustc(pair(), 1),
    );
}
