//! Sizes, round L: machines that were larger than rustc's future.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is (the first's twin is not: its
//! closure borrows a `RefCell` across the await).

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

/// Three locals kept in place, borrowed by a closure called on both sides
/// of an await, and moved by nothing: each kept a one-byte flag saying
/// whether it still had a value, where rustc keeps no drop flag for a
/// local it never moves (144 bytes against 136).
#[desugar]
async fn borrowed_by_a_closure(flag: bool) -> u32 {
    let log = std::cell::RefCell::new(vec![Probe::new("l0")]);
    let record = || {
        if flag {
            log.borrow_mut().pop();
        }
        log.borrow().len() as u32
    };
    let a = record();
    Leaf::new("io").pending(1).ready(()).await;
    a + record()
}

#[test]
fn locals_never_moved_keep_no_flag() {
    for flag in [true, false] {
        same_and_no_larger(assert_same(
            || borrowed_by_a_closure(flag),
            || borrowed_by_a_closure_rustc(flag),
        ));
    }
}

pub struct Guard {
    pub p: Probe,
    pub n: u32,
    pub name: String,
}

fn make(n: u32) -> Guard {
    Guard {
        p: Probe::new("ext"),
        n,
        name: format!("g{n}"),
    }
}

/// A temporary extended through a block's tail: `r` was not seen to be a
/// shared reference, as `let r = &make(k);` is, so `&r.p` borrowed `r`
/// itself, which was kept in place across the await beside the temporary
/// (176 bytes against 168).
#[desugar]
async fn extended_through_a_block(k: u32) -> usize {
    let r = { &make(k) };
    look(&r.p).await
}

#[test]
fn a_reference_given_by_a_block_is_a_shared_reference() {
    same_and_no_larger(assert_same(
        || extended_through_a_block(1),
        || extended_through_a_block_rustc(1),
    ));
    both_send(
        &extended_through_a_block(1),
        &extended_through_a_block_rustc(1),
    );
}

/// A `let … else` whose value borrows a temporary the `let` extends, with
/// an `else` that awaits: the temporary, dropped before the `else` runs,
/// was kept in the homes area across both awaits, where rustc keeps it in
/// the variant of the await after the `let` only (160 bytes against 144).
/// Its storage ends as the `else` starts, in rustc and so in the machine,
/// which keeps it in that variant too (136 bytes).
#[desugar]
async fn extended_in_let_else(o: Option<u32>) -> usize {
    let (p, Some(_n)) = (&Probe::new("ext"), o) else {
        return look(&Probe::new("elsetmp")).await;
    };
    look(p).await
}

#[test]
fn a_temporary_gone_before_the_else_behaves_as_rustc_s() {
    for o in [Some(1), None] {
        same_and_no_larger(assert_same(
            || extended_in_let_else(o),
            || extended_in_let_else_rustc(o),
        ));
    }
    both_send(
        &extended_in_let_else(None),
        &extended_in_let_else_rustc(None),
    );
}
