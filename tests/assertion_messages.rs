//! The message of a failing `assert!` whose condition the expansion
//! rewrites (an await, a `?`), and awaits beside the standard macros that
//! give constants (`line!()`, `concat!(..)`).
//!
//! rustc's `assert!(cond)` says "assertion failed: <cond>", with `cond`
//! printed from the tokens the macro is given. The machine gives it the
//! condition with its await (and `?`) replaced, so it says the user's
//! condition explicitly, spaced as rustc prints an expression: the
//! harness compares the panic messages of the machine and the twin.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger, and `Send` where the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

async fn fetch(v: u32) -> u32 {
    Leaf::new("fetch").pending(1).ready(v).await
}

/// The standard macros that give a constant make no temporary: before an
/// await in the same statement they were rejected as if they might.
mod constant_macros {
    use super::*;

    #[desugar]
    async fn located(n: u32) -> String {
        format!("{}:{} got {}", file!(), line!(), fetch(n).await)
    }

    #[desugar]
    async fn facts(n: u32) -> (bool, &'static str, u32, &'static str, u32) {
        (
            cfg!(test),
            module_path!(),
            column!(),
            stringify!(n + 1),
            fetch(n).await,
        )
    }

    #[desugar]
    async fn texts(
        n: u32,
    ) -> (
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static [u8],
        u32,
    ) {
        (
            concat!("a", 1),
            option_env!("DESUGAR_NOT_SET"),
            env!("CARGO_PKG_NAME"),
            include_bytes!("assertion_messages.rs"),
            fetch(n).await,
        )
    }

    /// A format string `concat!` gives cannot be bound with `let`, which the
    /// error said to do.
    #[desugar]
    async fn tagged(n: u32) -> String {
        format!(concat!("[tag] ", "{}"), fetch(n).await)
    }

    #[test]
    fn stay_in_place_before_an_await() {
        both_send(&located(1), &located_rustc(1));
        same_and_no_larger(assert_same(|| located(1), || located_rustc(1)));
        same_and_no_larger(assert_same(|| facts(1), || facts_rustc(1)));
        same_and_no_larger(assert_same(|| texts(1), || texts_rustc(1)));
        both_send(&tagged(1), &tagged_rustc(1));
        same_and_no_larger(assert_same(|| tagged(1), || tagged_rustc(1)));
    }
}
