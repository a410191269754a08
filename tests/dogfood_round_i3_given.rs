//! Values given back by a `match` arm and `macro_rules!` defined in the
//! body, in shapes the plain `async fn` builds and the machine did not,
//! each compared with rustc's twin (`assert_same`: every cancellation
//! point, with and without extra `Pending`s), no larger, and `Send` where
//! the twin is.
//!
//! - A body macro named as a standard one (`line!`) forwarding its tokens
//!   to `format!`, called after an await with a parameter: the walk took it
//!   for `line!()`, which names no local (E0373 at the attribute).
//! - A body macro whose rules name a local in `format!`'s arguments or as
//!   an inline capture of its format string (`format!("c={count}")`),
//!   called after an await: E0425 for the capture.
//! - A value given back by a `match` arm (or an `if let`) and read in that
//!   same block after the assignment (`Some(b) => { buf = b;
//!   buf.push('+'); }`), also in a `for` loop: E0382.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- A body macro named as a standard one ----

#[desugar]
async fn own_line(n: u32) -> String {
    macro_rules! line { ($($a:tt)*) => { format!($($a)*) } }
    Leaf::new("a").pending(1).ready(()).await;
    line!("n={}", n)
}

#[desugar]
async fn own_vec(n: u32) -> Vec<u32> {
    macro_rules! vec {
        ($e:expr) => {
            ::std::vec![$e, $e]
        };
    }
    Leaf::new("a").pending(1).ready(()).await;
    vec![n]
}

#[test]
fn a_body_macro_named_as_a_standard_one() {
    same_and_no_larger(|| own_line(3), || own_line_rustc(3));
    same_and_no_larger(|| own_vec(3), || own_vec_rustc(3));
    both_send(&own_line(3), &own_line_rustc(3));
    both_send(&own_vec(3), &own_vec_rustc(3));
}

// ---- A body macro naming a local in a format string ----

#[desugar]
async fn local_in_format_args(n: u32) -> String {
    let prefix = 1;
    macro_rules! show {
        ($e:expr) => {
            format!("{} {}", prefix, $e)
        };
    }
    Leaf::new("a").pending(1).ready(()).await;
    show!(n)
}

#[desugar]
async fn local_captured_by_format(n: u32) -> String {
    let count = n + 1;
    let width = 6;
    let label = String::from("l");
    macro_rules! show {
        () => {
            format!("c={count:>width$} {label}{count}", label = "w")
        };
        ($e:expr) => {
            format!("{label}={}", $e,)
        };
    }
    Leaf::new("a").pending(1).ready(()).await;
    show!() + &show!(n)
}

#[test]
fn a_body_macro_naming_a_local_in_a_format_string() {
    same_and_no_larger(|| local_in_format_args(3), || local_in_format_args_rustc(3));
    same_and_no_larger(
        || local_captured_by_format(3),
        || local_captured_by_format_rustc(3),
    );
    both_send(&local_in_format_args(3), &local_in_format_args_rustc(3));
    both_send(
        &local_captured_by_format(3),
        &local_captured_by_format_rustc(3),
    );
}

// ---- A value given back and read in the arm that gives it ----

async fn io<T: std::fmt::Debug>(name: &str, v: T) -> T {
    Leaf::new(name).pending(1).ready(v).await
}

#[desugar]
async fn read_in_the_giving_arm(mut buf: String, keep: bool) -> String {
    match io("step", keep.then_some(buf)).await {
        Some(b) => {
            buf = b;
            buf.push('+');
        }
        None => return String::new(),
    }
    buf
}

#[desugar]
async fn read_in_the_giving_if_let(mut buf: String, keep: bool) -> String {
    if let Some(b) = io("step", keep.then_some(buf)).await {
        buf = b;
        buf.push('+');
    } else {
        return String::new();
    }
    buf
}

#[desugar]
async fn read_in_the_giving_arm_in_a_loop(mut c: Probe, rounds: u32) -> u32 {
    let mut seen = 0;
    for round in 0..rounds {
        match io("r", (round < 3).then_some(c)).await {
            Some(x) => {
                c = x;
                c.touch();
                seen += 1;
            }
            None => return seen,
        }
    }
    c.touch();
    seen
}

#[test]
fn a_value_given_back_and_read_in_the_giving_arm() {
    for keep in [false, true] {
        same_and_no_larger(
            || read_in_the_giving_arm("a".into(), keep),
            || read_in_the_giving_arm_rustc("a".into(), keep),
        );
        same_and_no_larger(
            || read_in_the_giving_if_let("a".into(), keep),
            || read_in_the_giving_if_let_rustc("a".into(), keep),
        );
    }
    for rounds in [0, 2, 5] {
        same_and_no_larger(
            || read_in_the_giving_arm_in_a_loop(Probe::new("c"), rounds),
            || read_in_the_giving_arm_in_a_loop_rustc(Probe::new("c"), rounds),
        );
    }
    both_send(
        &read_in_the_giving_arm("a".into(), true),
        &read_in_the_giving_arm_rustc("a".into(), true),
    );
    both_send(
        &read_in_the_giving_if_let("a".into(), true),
        &read_in_the_giving_if_let_rustc("a".into(), true),
    );
    both_send(
        &read_in_the_giving_arm_in_a_loop(Probe::new("c"), 1),
        &read_in_the_giving_arm_in_a_loop_rustc(Probe::new("c"), 1),
    );
}
