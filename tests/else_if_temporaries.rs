//! The temporaries of an `else if let` scrutinee, kept across the awaits of
//! its branches as rustc keeps them: to the end of the `if let` (to the
//! start of its own `else` in Rust 2024). An `else if` was lowered as a
//! link of its chain, which named no temporaries: they dropped before the
//! first await (dogD2, silent 1), or the build failed where the bindings
//! borrowed one (E0716, dogD2, build 2).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};

/// The length of `p`'s label, if `c`: the `Option` borrows nothing, the
/// probe is a temporary of the scrutinee.
fn opt_of(p: &Probe, c: bool) -> Option<usize> {
    c.then(|| p.label().len())
}

fn make_opt(c: bool) -> Option<Probe> {
    c.then(|| Probe::new("made"))
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

fn leaf(n: usize) -> desugar::harness::LeafFuture<usize> {
    Leaf::new("leaf").pending(1).ready(n)
}

#[desugar]
async fn else_if_let_temporary(a: bool, b: bool) -> usize {
    if a {
        0
    } else if let Some(n) = opt_of(&Probe::new("scrutinee"), b) {
        leaf(n).await
    } else {
        1
    }
}

/// The bindings borrow the temporary (E0716 before).
#[desugar]
async fn else_if_let_borrowing(a: bool, b: bool) -> usize {
    if a {
        1
    } else if let Some(p) = &make_opt(b) {
        look(p).await
    } else {
        0
    }
}

/// A chain of three, each link's temporary its own, and an `else` that
/// awaits too.
#[desugar]
async fn three_links(n: u8) -> usize {
    if let Some(k) = opt_of(&Probe::new("first"), n == 0) {
        leaf(k).await
    } else if let Some(k) = opt_of(&Probe::new("second"), n == 1) {
        leaf(k + 1).await
    } else if let Some(p) = make_opt(n == 2).as_ref() {
        look(p).await + 2
    } else {
        leaf(3).await
    }
}

/// In a loop, a guard local beside it, and in a `match` arm's block.
#[desugar]
async fn in_a_loop_and_an_arm(rounds: Vec<u8>, last: Option<bool>) -> usize {
    let mut total = 0;
    for r in rounds {
        let guard = Probe::new("guard");
        if r == 0 {
            continue;
        } else if let Some(k) = opt_of(&Probe::new("looped"), r > 1) {
            total += leaf(k).await;
        }
        guard.touch();
    }
    match last {
        Some(b) => {
            if b {
                total += 10;
            } else if let Some(p) = &make_opt(true) {
                total += look(p).await;
            }
        }
        None => total += 100,
    }
    total
}

#[test]
fn temporaries_of_an_else_if_let_live_across_its_awaits() {
    for (a, b) in [(true, true), (false, true), (false, false)] {
        same_and_no_larger(
            || else_if_let_temporary(a, b),
            || else_if_let_temporary_rustc(a, b),
        );
        same_and_no_larger(
            || else_if_let_borrowing(a, b),
            || else_if_let_borrowing_rustc(a, b),
        );
    }
    // Each link's temporary keeps its place in the states of the links
    // after it, which Rust 2021 keeps it through and Rust 2024 does not
    // (README, "`if let … else` … with a scrutinee temporary to keep"):
    // larger than rustc's by the first two probes.
    for n in 0..4 {
        let report = assert_same(|| three_links(n), || three_links_rustc(n));
        let kept = 2 * std::mem::size_of::<Probe>();
        assert!(report.left_size <= report.right_size + kept, "{report}");
    }
    for last in [Some(true), Some(false), None] {
        same_and_no_larger(
            || in_a_loop_and_an_arm(vec![0, 1, 2], last),
            || in_a_loop_and_an_arm_rustc(vec![0, 1, 2], last),
        );
    }
    both_send(
        &else_if_let_temporary(false, true),
        &else_if_let_temporary_rustc(false, true),
    );
}
