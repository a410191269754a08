//! Locals named inside a format string: inline captures (`"{id}"`,
//! `"{id:?}"`) and the widths and precisions taken from a local (`"{v:>w$}"`,
//! `"{x:.prec$}"`), in the standard macros and in macros of your own that
//! hand their tokens on to `format!` (as `log::info!` and `tracing::info!`
//! do). rustc reads each such name as a use of the local where the string
//! is formatted, so a local named there only is kept across the awaits
//! before it, as its value.

use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same, note};

/// A logging macro of the user's, forwarding its tokens to `format!`.
macro_rules! info {
    ($($t:tt)*) => {
        note(format!($($t)*))
    };
}

/// `id` is `Copy` and named only inside the string `info!` is given:
/// rustc formats its value after the second await.
#[desugar]
async fn captured_by_own_macro() -> u32 {
    let id = Leaf::new("fetch_id").pending(1).ready(42u32).await;
    Leaf::new("save").pending(1).ready(()).await;
    info!("saved request {id:?} as {id}");
    0
}

#[test]
fn an_inline_capture_in_a_macro_of_your_own_reads_the_local() {
    let report = assert_same(captured_by_own_macro, captured_by_own_macro_rustc);
    assert_eq!(report.outcome, "Ready(0)");
}

/// A loop's variable, a raw string, a width from a local and a captured
/// probe (borrowed there, dropped at the end of its scope), all inside the
/// user's macro.
#[desugar]
async fn captured_in_a_loop_by_own_macro(p: Probe) -> usize {
    let w = 6usize;
    let mut total = 0;
    for i in 0..2u32 {
        total += Leaf::new("step").pending(1).ready(1usize).await;
        info!(r"item {i:>w$} of {p:?}");
    }
    total
}

#[test]
fn captures_in_a_loop_and_in_a_raw_string() {
    let report = assert_same(
        || captured_in_a_loop_by_own_macro(Probe::new("p")),
        || captured_in_a_loop_by_own_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// Widths and precisions named in the format strings of the standard
/// macros, the locals they name kept across the awaits before them:
/// `{v:>w$}`, `{x:.prec$}`, both (`{x:w$.prec$}`), a width with the zero
/// flag (`{v:0w$}`), and a width given to a positional argument (`{:>w$}`).
#[desugar]
async fn widths_and_precisions() -> String {
    let w = 8usize;
    let prec = 2usize;
    let v = Leaf::new("v").pending(1).ready(42u32).await;
    let x = Leaf::new("x").pending(1).ready(1.5f64).await;
    let mut out = format!("[{v:>w$}][{x:.prec$}][{x:w$.prec$}][{v:0w$}]");
    out.push_str(&format!(
        "[{:>w$}]",
        Leaf::new("arg").pending(1).ready(7u32).await
    ));
    assert!(v > 0, "{v:>w$}");
    println!("{x:.prec$}");
    out
}

#[test]
fn widths_and_precisions_read_their_locals() {
    let report = assert_same(widths_and_precisions, widths_and_precisions_rustc);
    assert_eq!(
        report.outcome,
        r#"Ready("[      42][1.50][    1.50][00000042][       7]")"#
    );
}

/// A width whose local is kept in place (borrowed across an await by
/// `r`): the expansion passes it as a named argument of its own.
#[desugar]
async fn width_kept_in_place() -> String {
    let w = 5usize;
    let r = &w;
    let v = Leaf::new("v").pending(1).ready(3u32).await;
    format!("[{v:w$}]{r}")
}

#[test]
fn a_width_kept_in_place() {
    let report = assert_same(width_kept_in_place, width_kept_in_place_rustc);
    assert_eq!(report.outcome, r#"Ready("[    3]5")"#);
}

async fn send(p: &Probe) -> usize {
    Leaf::new("send").pending(1).ready(()).await;
    p.label().len()
}

/// `req` is borrowed across the awaits of `send(&req)`, so the machine
/// keeps it in place, under its name a reference to it: the user's macro
/// formats it through that reference, as `{:?}` formats the value.
#[desugar]
async fn kept_in_place_formatted_by_own_macro(p: Probe) -> usize {
    let req = Probe::new("req");
    let n = send(&req).await;
    info!("sent {req:?} ({n})");
    let m = send(&req).await;
    info!("{req:?} {p:?}");
    n + m
}

#[test]
fn a_local_kept_in_place_formatted_by_own_macro() {
    let report = assert_same(
        || kept_in_place_formatted_by_own_macro(Probe::new("p")),
        || kept_in_place_formatted_by_own_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(6)");
}
