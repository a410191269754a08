//! Macros of the user's own, whose expansion `#[desugar]` cannot see (it
//! gets their tokens, not what they expand to), holding a `break` or a
//! `continue`: rustc expands them inside the machine's code, where each
//! jump must reach what it reaches in the twin. A loop that awaits stays a
//! loop in every arm of the machine, with its `break`s as written, so a
//! jump in a macro leaves or repeats the user's loop there as in the
//! twin.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn leaf<T>(name: &str, pendings: usize, value: T) -> LeafFuture<T> {
    Leaf::new(name).pending(pendings).ready(value)
}

fn assert_send<T: Send>(_: &T) {}

/// `break $value` where `$cond` holds.
macro_rules! found {
    ($cond:expr, $value:expr) => {
        if $cond {
            break $value;
        }
    };
}

/// `break` where `$cond` holds.
macro_rules! stop_if {
    ($cond:expr) => {
        if $cond {
            break;
        }
    };
}

/// A loop whose value a macro's `break` gives, as the body's tail: the
/// machine returns the loop's value. (Its `break`s were made to finish the
/// future where the expansion saw them, so the macro's was E0308,
/// "expected `()`, found `u32`".)
#[desugar]
async fn tail_loop_valued_by_a_macro(p: Probe) -> u32 {
    let mut i = 0;
    loop {
        i += leaf("step", 1, 1u32).await;
        p.touch();
        found!(i >= 3, i * 10);
    }
}

#[test]
fn a_macro_gives_the_tail_loop_its_value() {
    assert_send(&tail_loop_valued_by_a_macro(Probe::new("p")));
    let report = assert_same(
        || tail_loop_valued_by_a_macro(Probe::new("p")),
        || tail_loop_valued_by_a_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(30)");
}

/// The same for a `let`'s loop, beside a `break` of its own and one whose
/// value awaits: the loop assigns its hidden value where it ends.
#[desugar]
async fn let_loop_valued_by_a_macro(p: Probe) -> u32 {
    let mut i = 0;
    let v = loop {
        i += leaf("step", 1, 1u32).await;
        if i > 10 {
            break 0;
        }
        if i == 5 {
            break leaf("late", 1, 5u32).await;
        }
        found!(i >= 3, i * 10);
    };
    p.touch();
    v + 1
}

#[test]
fn a_macro_gives_a_let_s_loop_its_value() {
    let report = assert_same(
        || let_loop_valued_by_a_macro(Probe::new("p")),
        || let_loop_valued_by_a_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(31)");
}

/// A `break` in a macro leaving the tail loop of a fn returning `()`: the
/// machine finishes. (It left the loop, ran off the end of the step and
/// panicked: "`async fn` resumed after panicking".)
#[desugar]
async fn tail_loop_left_by_a_macro(p: Probe) {
    let mut i = 0;
    loop {
        i += leaf("step", 1, 1u32).await;
        p.touch();
        stop_if!(i >= 2);
    }
}

#[test]
fn a_macro_leaves_the_tail_loop() {
    let report = assert_same(
        || tail_loop_left_by_a_macro(Probe::new("p")),
        || tail_loop_left_by_a_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(())");
}
