//! Valid shapes the plain `async fn` builds that the machine did not, each
//! compared with rustc's twin (`assert_same`: every cancellation point,
//! with and without extra `Pending`s), no larger, and `Send` where the twin
//! is.
//!
//! - A value given back in one arm of a `match` on an await, the other arm
//!   leaving (`match step(c).await { Ok(q) => c = q, Err(e) => return e }`),
//!   read after the `match`; and the `if let` form (`if let Ok(q) =
//!   step(c).await { c = q } else { return 0 }`): E0382.
//! - A `Copy` operand of arithmetic read through two references, beside an
//!   awaited call given the inner one (`**pp + add(*pp, 1).await`): E0499.
//! - A `macro_rules!` defined in the body whose own tokens name a local of
//!   the fn (`macro_rules! add { ($e:expr) => { total + $e } }`): E0425.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- A value given back in one arm, read after the `match` ----

pub struct Conn(Probe);

impl Conn {
    fn touch(&self) -> u32 {
        self.0.touch();
        1
    }
}

async fn step(c: Conn, n: u32) -> Result<Conn, u32> {
    c.touch();
    let v = Leaf::new("step").pending(1).ready(n).await;
    if v > 2 { Err(v) } else { Ok(c) }
}

#[desugar]
async fn given_back_by_a_match(mut c: Conn, n: u32) -> u32 {
    match step(c, n).await {
        Ok(q) => c = q,
        Err(e) => return e,
    }
    c.touch()
}

/// A local, after an earlier await, and kept across a later one.
#[desugar]
async fn given_back_to_a_local(n: u32) -> u32 {
    let mut c = Conn(Probe::new("c"));
    let k = Leaf::new("before").pending(1).ready(n).await;
    match step(c, k).await {
        Ok(q) => c = q,
        Err(e) => return e,
    }
    let t = c.touch();
    t + Leaf::new("after").pending(1).ready(n).await + c.touch()
}

#[desugar]
async fn given_back_by_an_if_let(mut c: Conn, n: u32) -> u32 {
    if let Ok(q) = step(c, n).await {
        c = q
    } else {
        return 0;
    }
    c.touch()
}

#[test]
fn a_value_given_back_in_one_arm_is_read_after_the_match() {
    let conn = || Conn(Probe::new("c"));
    for n in [1, 5] {
        same_and_no_larger(
            || given_back_by_a_match(conn(), n),
            || given_back_by_a_match_rustc(conn(), n),
        );
        same_and_no_larger(
            || given_back_to_a_local(n),
            || given_back_to_a_local_rustc(n),
        );
        same_and_no_larger(
            || given_back_by_an_if_let(conn(), n),
            || given_back_by_an_if_let_rustc(conn(), n),
        );
    }
    both_send(
        &given_back_by_a_match(conn(), 1),
        &given_back_by_a_match_rustc(conn(), 1),
    );
    both_send(&given_back_to_a_local(1), &given_back_to_a_local_rustc(1));
    both_send(
        &given_back_by_an_if_let(conn(), 1),
        &given_back_by_an_if_let_rustc(conn(), 1),
    );
}

// ---- A number read through two references, beside a call given one ----

async fn add(p: &mut u32, k: u32) -> u32 {
    Leaf::new("add").pending(1).ready(()).await;
    *p += k;
    *p
}

#[desugar]
#[allow(clippy::explicit_auto_deref)] // the reborrow as the shape under test writes it
async fn read_through_two(pp: &mut &mut u32) -> u32 {
    **pp + add(*pp, 1).await
}

#[test]
fn a_number_read_through_two_references_is_read_before_the_call() {
    same_and_no_larger(
        || async {
            let mut v = 5u32;
            let mut r = &mut v;
            let sum = read_through_two(&mut r).await;
            (sum, v)
        },
        || async {
            let mut v = 5u32;
            let mut r = &mut v;
            let sum = read_through_two_rustc(&mut r).await;
            (sum, v)
        },
    );
    let (mut a, mut b) = (5u32, 5u32);
    let (mut ra, mut rb) = (&mut a, &mut b);
    both_send(&read_through_two(&mut ra), &read_through_two_rustc(&mut rb));
}

// ---- A macro of the body naming a local ----

fn leaf(n: u32) -> desugar::harness::LeafFuture<u32> {
    Leaf::new("leaf").pending(1).ready(n)
}

#[desugar]
async fn macro_before_an_await() -> u32 {
    let total = 3;
    macro_rules! add {
        ($e:expr) => {
            total + $e
        };
    }
    let x = add!(4);
    x + leaf(1).await
}

#[desugar]
async fn macro_called_after_an_await(name: Probe) -> u32 {
    let total = 3;
    macro_rules! add {
        ($e:expr) => {
            total + $e + name.label().len() as u32
        };
    }
    let y = leaf(4).await;
    add!(y)
}

/// Called in a loop that awaits, and among `format!`'s arguments.
#[desugar]
async fn macro_called_in_a_loop(label: Probe) -> String {
    let mut seen = Vec::new();
    macro_rules! note {
        ($n:expr) => {{
            seen.push(format!("{}{}", label.label(), $n));
            seen.len()
        }};
    }
    for i in 0..3 {
        let n = leaf(i).await;
        note!(n);
    }
    format!("{} {}", note!(9), seen.join(","))
}

#[test]
fn a_macro_of_the_body_names_a_local() {
    same_and_no_larger(macro_before_an_await, macro_before_an_await_rustc);
    same_and_no_larger(
        || macro_called_after_an_await(Probe::new("name")),
        || macro_called_after_an_await_rustc(Probe::new("name")),
    );
    same_and_no_larger(
        || macro_called_in_a_loop(Probe::new("l")),
        || macro_called_in_a_loop_rustc(Probe::new("l")),
    );
    both_send(&macro_before_an_await(), &macro_before_an_await_rustc());
    both_send(
        &macro_called_after_an_await(Probe::new("name")),
        &macro_called_after_an_await_rustc(Probe::new("name")),
    );
    both_send(
        &macro_called_in_a_loop(Probe::new("l")),
        &macro_called_in_a_loop_rustc(Probe::new("l")),
    );
}
