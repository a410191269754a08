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

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::Leaf;

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
