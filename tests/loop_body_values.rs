//! Inside a loop, a value that exists only after an await in one branch:
//! the value of an `if`, `match`, block or labeled block that awaits in one
//! branch (`let r = if c { s() } else { x.await };`), or a `let x;` of the
//! loop's body assigned from an await in one branch. Each iteration
//! declares it afresh, so at the await it has no value, and rustc keeps
//! nothing for it. The machine took the value an earlier iteration gave it
//! for one it might still hold there, and kept it in place with a flag: up
//! to the value's size larger than rustc's (136 bytes against 112).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::fmt::Display;

/// An `if`'s value.
#[desugar]
async fn if_value(n: u32) -> usize {
    let mut t = 0;
    for i in 0..n {
        let r = if i == 0 {
            String::new()
        } else {
            Leaf::new("n").pending(1).ready(String::from("b")).await
        };
        t += r.len();
    }
    t
}

/// A labeled block's value, in a `loop`.
#[desugar]
async fn labeled_value(limit: u32) -> Option<String> {
    let mut tries = 0;
    loop {
        tries += 1;
        let r = 'b: {
            if Leaf::new("c").pending(1).ready(tries > limit).await {
                break 'b None;
            }
            Some(String::from("again"))
        };
        if tries > limit || r.is_none() {
            return r;
        }
    }
}

/// A `let x;` of the loop's body; a probe made in each iteration to see
/// what drops when.
#[allow(clippy::needless_late_init)] // the late initialisation is under test
#[desugar]
async fn deferred(n: u32) -> u32 {
    let mut t = 0;
    for i in 0..n {
        let p = Probe::new("iteration");
        let x;
        if i % 2 == 0 {
            x = Leaf::new("a").pending(1).ready([1u32; 8]).await;
        } else {
            x = [0; 8];
        }
        p.touch();
        t += x[0];
    }
    t
}

/// A `match`'s value of the type its `let` writes (an unsized coercion).
#[desugar]
async fn shown(n: u32) -> String {
    let mut out = String::new();
    for i in 0..n {
        let item: Box<dyn Display> = match i % 2 {
            0 => Box::new(Leaf::new("number").pending(1).ready(i).await),
            _ => Box::new("odd"),
        };
        out.push_str(&item.to_string());
    }
    out
}

#[test]
fn values_made_after_an_await_in_a_loop() {
    for n in [0, 1, 3] {
        same_and_no_larger(|| if_value(n), || if_value_rustc(n));
        both_send(&if_value(n), &if_value_rustc(n));
        same_and_no_larger(|| labeled_value(n), || labeled_value_rustc(n));
        both_send(&labeled_value(n), &labeled_value_rustc(n));
        same_and_no_larger(|| deferred(n), || deferred_rustc(n));
        both_send(&deferred(n), &deferred_rustc(n));
        same_and_no_larger(|| shown(n), || shown_rustc(n));
    }
}
