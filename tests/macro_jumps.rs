//! Macros of the user's own, whose expansion `#[desugar]` cannot see (it
//! gets their tokens, not what they expand to), holding a `break` or a
//! `continue`: rustc expands them inside the machine's code, where each
//! jump must reach what it reaches in the twin. A loop that awaits stays a
//! loop in every arm of the machine, with its `break`s as written, so a
//! jump in a macro leaves or repeats the user's loop there as in the
//! twin.

// The loops under test are left by the macros' jumps, which clippy reads
// in the twins: it would have them written without the macros.
#![allow(clippy::never_loop, clippy::while_let_loop)]

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

/// A `break` in a macro out of a loop the expansion saw no `break` of: the
/// code after the loop runs, as in the twin. (The machine took the loop
/// for one that never ends and wrote nothing after it: the `break` left
/// the step's own loop, dropped `p` and panicked, "`async fn` resumed after
/// panicking".)
#[desugar]
async fn loop_left_by_a_macro(p: Probe) -> u32 {
    let mut i = 0;
    loop {
        i += leaf("step", 1, 1u32).await;
        stop_if!(i >= 2);
    }
    p.touch();
    i
}

#[test]
fn a_macro_leaves_a_loop() {
    let report = assert_same(
        || loop_left_by_a_macro(Probe::new("p")),
        || loop_left_by_a_macro_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(2)");
}

/// The same for a `let`'s loop whose only `break` is a macro's, and for a
/// macro in a `match` arm of the loop, beside an arm that awaits after a
/// macro that only logs.
#[desugar]
async fn loops_left_by_macros_in_lets_and_arms(p: Probe, k: u32) -> u32 {
    let mut i = 0;
    let v = loop {
        i += leaf("step", 1, 1u32).await;
        found!(i >= 3, i * 7);
    };
    let q = Probe::new("q");
    loop {
        match i % 3 {
            0 => {
                i += leaf("a", 1, 1u32).await;
                stop_if!(i > k);
            }
            1 => {
                i += 1;
                note!("one {}", i);
            }
            _ => i += leaf("b", 2, 1u32).await,
        }
        q.touch();
    }
    p.touch();
    v + i
}

/// Records a line in the harness's trace, as a logging macro would.
macro_rules! note {
    ($($t:tt)*) => {
        desugar::harness::note(format!($($t)*))
    };
}
use note;

#[test]
fn macros_leave_a_let_s_loop_and_a_loop_from_an_arm() {
    for (k, out) in [(3, "Ready(25)"), (6, "Ready(28)")] {
        let report = assert_same(
            || loops_left_by_macros_in_lets_and_arms(Probe::new("p"), k),
            || loops_left_by_macros_in_lets_and_arms_rustc(Probe::new("p"), k),
        );
        assert_eq!(report.outcome, out);
    }
}

/// `break 'label` and `continue 'label` where the macro is given the label
/// (a label written in a macro's own definition is its own: hygiene), and
/// `continue`/`break` given to a macro as an argument.
macro_rules! leave {
    ($label:lifetime, $cond:expr) => {
        if $cond {
            break $label;
        }
    };
}

macro_rules! again {
    ($label:lifetime, $cond:expr) => {
        if $cond {
            continue $label;
        }
    };
}

macro_rules! some_or {
    ($option:expr, $otherwise:expr) => {
        match $option {
            Some(v) => v,
            None => $otherwise,
        }
    };
}

#[desugar]
async fn labels_and_jumps_given_to_macros(p: Probe) -> u32 {
    let mut n = 0;
    let mut i = 0;
    'outer: while i < 4 {
        i += 1;
        loop {
            n += leaf("inner", 1, 1u32).await;
            again!('outer, n % 2 == 0);
            leave!('outer, n > 10);
        }
    }
    'found: loop {
        loop {
            n += leaf("search", 1, 1u32).await;
            leave!('found, n >= 12);
        }
    }
    for x in 0..3u32 {
        // The macro's value is kept across the await, and #[desugar]
        // cannot see that it does not borrow `x`: it names a copy.
        let v = {
            #[allow(clippy::redundant_locals)]
            let x = x;
            some_or!(if x == 1 { None } else { Some(7) }, continue)
        };
        n += leaf("some", 1, v).await;
    }
    loop {
        let v = some_or!(None::<u32>, break);
        n += leaf("none", 1, v).await;
    }
    p.touch();
    n
}

#[test]
fn labels_and_jumps_given_to_macros_reach_the_user_s_loops() {
    let report = assert_same(
        || labels_and_jumps_given_to_macros(Probe::new("p")),
        || labels_and_jumps_given_to_macros_rustc(Probe::new("p")),
    );
    assert_eq!(report.outcome, "Ready(26)");
}

/// A `?` or a `return` given to a macro as an argument (`log!("{}",
/// n.parse()?)`, `some_or!(x, return None)`): the macro puts it in the
/// step's code, where it finishes the future as in the twin. (Left as
/// written, a `return` was E0308, "expected `Poll<..>`", and an `Option`'s
/// `?` E0277, which `Poll<Option<T>>` does not take; a `Result`'s built,
/// through `Poll`'s own `?`.)
macro_rules! log {
    ($($t:tt)*) => {
        desugar::harness::note(format!($($t)*))
    };
}

#[desugar]
async fn exits_given_to_macros(text: String, fallback: Option<u32>) -> Option<u32> {
    let n = leaf("first", 1, 1u32).await;
    log!("parsed {}", text.parse::<u32>().ok()?);
    let got = leaf("second", 1, fallback).await;
    let v = {
        #[allow(clippy::redundant_locals)]
        let got = got;
        some_or!(got, return Some(n * 100))
    };
    Some(n + v)
}

#[test]
fn exits_given_to_macros_finish_the_future() {
    for (text, fallback, out) in [
        ("x", Some(2), "Ready(None)"),
        ("7", None, "Ready(Some(100))"),
        ("7", Some(2), "Ready(Some(3))"),
    ] {
        let report = assert_same(
            || exits_given_to_macros(text.into(), fallback),
            || exits_given_to_macros_rustc(text.into(), fallback),
        );
        assert_eq!(report.outcome, out);
    }
}
