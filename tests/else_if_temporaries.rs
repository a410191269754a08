//! The temporaries of an `else if let` scrutinee, kept across the awaits of
//! its branches as rustc keeps them: to the end of the `if let` (to the
//! start of its own `else` in Rust 2024). An `else if` was lowered as a
//! link of its chain, which named no temporaries: they dropped before the
//! first await (dogD2, silent 1), or the build failed where the bindings
//! borrowed one (E0716, dogD2, build 2).
//!
//! In Rust 2024 (this crate) a link's temporaries take no room in the
//! states of the links after it: the slot each has in Rust 2021 is an array
//! of as many slots as the compiler's constant for the edition says, and
//! they share one in Rust 2024 (the chain once took 184 bytes to rustc's
//! 136).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

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

/// A value with something to drop, which a method borrows.
struct Held(Probe, u32);

impl Held {
    fn get(&self) -> u32 {
        self.0.touch();
        self.1
    }
}

fn make(label: &'static str, n: u32) -> Held {
    Held(Probe::new(label), n)
}

fn io(name: &'static str, v: u32) -> desugar::harness::LeafFuture<u32> {
    Leaf::new(name).pending(1).ready(v)
}

/// The chain of `desugar-edition2021/tests/else_if_temporary_sizes.rs`:
/// each link's temporary is a receiver, and every branch awaits.
#[desugar]
async fn chain(a: u32, b: u32) -> u32 {
    let value;
    if let Some(x) = make("first", a).get().checked_sub(2) {
        value = io("one", x).await;
    } else if let Some(y) = make("second", b).get().checked_sub(1) {
        value = io("two", y).await;
    } else {
        value = io("three", 3).await;
    }
    value
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
    // Each link's temporary takes no room in the states of the links after
    // it, which Rust 2024 drops it before (Rust 2021 keeps it through them:
    // `desugar-edition2021/tests/else_if_temporary_sizes.rs`).
    for n in 0..4 {
        same_and_no_larger(|| three_links(n), || three_links_rustc(n));
    }
    for (a, b) in [(5, 0), (0, 4), (1, 0)] {
        same_and_no_larger(|| chain(a, b), || chain_rustc(a, b));
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
    both_send(&three_links(3), &three_links_rustc(3));
    both_send(&chain(1, 0), &chain_rustc(1, 0));
}
