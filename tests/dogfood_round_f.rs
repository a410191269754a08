//! Shapes a dogfood run of state updates through `&mut`, closures, early
//! exits and builders found, each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger.
//!
//! - A text that spells a local's name (`log("msg sent")`) after a pattern
//!   moved a part of the local and skipped another: taken for a use of the
//!   local, which left the skipped part unbound, and the machine did not
//!   build (E0382 at the parameter).
//! - A comparison whose operand is a place the awaited call changes
//!   (`*n < add(n, 5).await`, `c.count != refresh(c).await`): rustc reads
//!   the number before the await, the machine read it after, and answered
//!   otherwise. It is read ahead now, as arithmetic's operands are.

mod common;

use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- A name spelled in a text is not a use ----

fn log(text: &str) -> usize {
    text.len()
}

#[desugar]
async fn forwarded(msg: (String, Probe)) -> usize {
    let (body, _) = msg;
    Leaf::new("send").pending(1).ready(()).await;
    log("msg sent") + body.len()
}

#[desugar]
async fn forwarded_from_a_local(t: u8) -> usize {
    let pair = (vec![t], Probe::new("skipped"));
    let (bytes, _) = pair;
    Leaf::new("send").pending(1).ready(()).await;
    log("pair") + usize::from(t > 0) + bytes.len()
}

#[test]
fn a_name_spelled_in_a_text_is_no_use_of_the_local() {
    let outcome = same_and_no_larger(
        || forwarded(("ab".into(), Probe::new("p"))),
        || forwarded_rustc(("ab".into(), Probe::new("p"))),
    );
    assert_eq!(outcome, "Ready(10)");
    let outcome = same_and_no_larger(
        || forwarded_from_a_local(3),
        || forwarded_from_a_local_rustc(3),
    );
    assert_eq!(outcome, "Ready(6)");
}

// ---- A compared place the awaited call changes ----

async fn add(n: &mut u32, k: u32) -> u32 {
    Leaf::new("add").pending(1).ready(()).await;
    *n += k;
    *n
}

#[desugar]
async fn grew(n: &mut u32) -> bool {
    *n < add(n, 5).await
}

pub struct Counter {
    count: u32,
    name: String,
}

async fn refresh(c: &mut Counter) -> u32 {
    Leaf::new("refresh").pending(1).ready(()).await;
    c.count += 10;
    c.count
}

async fn lookup(c: &Counter) -> String {
    Leaf::new("lookup").pending(1).ready(()).await;
    format!("{}{}", c.name, c.count)
}

#[desugar]
async fn changed(c: &mut Counter) -> (bool, bool) {
    let moved = c.count != refresh(c).await;
    let kept = c.count >= refresh(c).await && c.count > 0;
    (moved, kept)
}

#[desugar]
async fn changed_local(start: u32) -> bool {
    let mut c = Counter {
        count: start,
        name: String::new(),
    };
    c.count < refresh(&mut c).await
}

/// Not a number: compared by borrow, as written, after the await.
#[desugar]
#[allow(clippy::op_ref)] // the borrows README says to write
async fn same_name(c: &Counter) -> bool {
    &c.name == &lookup(c).await
}

#[test]
fn a_compared_place_the_awaited_call_changes_is_read_before_it() {
    let outcome = same_and_no_larger(
        || async {
            let mut v = 1u32;
            (grew(&mut v).await, v)
        },
        || async {
            let mut v = 1u32;
            (grew_rustc(&mut v).await, v)
        },
    );
    assert_eq!(outcome, "Ready((true, 6))");
    let counter = || Counter {
        count: 1,
        name: "a".into(),
    };
    let outcome = same_and_no_larger(
        || async move {
            let mut c = counter();
            (changed(&mut c).await, c.count)
        },
        || async move {
            let mut c = counter();
            (changed_rustc(&mut c).await, c.count)
        },
    );
    assert_eq!(outcome, "Ready(((true, false), 21))");
    let outcome = same_and_no_larger(|| changed_local(3), || changed_local_rustc(3));
    assert_eq!(outcome, "Ready(true)");
    let c = counter();
    let outcome = same_and_no_larger(|| same_name(&c), || same_name_rustc(&c));
    assert_eq!(outcome, "Ready(false)");
}
