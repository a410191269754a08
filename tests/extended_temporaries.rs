//! Temporaries a `let` extends to the end of its block: `let s =
//! &format!(..);` keeps the `String` as long as `s`, across the awaits
//! after it, and so do borrowed values inside tuples, arrays, struct
//! literals, block tails, `if` branches and `match` arms of the
//! initializer, the value a borrowed field, index or deref is part of, and
//! a value a pattern binds into by reference (`let ref r = make();`).
//! rustc drops them after the `let`'s own bindings, at the end of the
//! block. The machine did not keep them: E0716 at `#[desugar]` where one
//! was used after an await, and dropped at the first suspension where not.

mod common;

use common::assert_send;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, assert_same};

fn wait() -> LeafFuture<()> {
    Leaf::new("wait").pending(1).ready(())
}

fn probe_after(label: &'static str) -> LeafFuture<Probe> {
    Leaf::new(label).pending(1).ready(Probe::new(label))
}

struct Guard(Probe);

impl Guard {
    fn len(&self) -> u32 {
        self.0.touch();
        3
    }
}

fn lock() -> Guard {
    Guard(Probe::new("guard"))
}

struct Pair<'a> {
    first: &'a Probe,
    second: u32,
}

#[desugar]
async fn borrowed_values(k: u32) -> u32 {
    let used_before = &Probe::new("used before the await only");
    used_before.touch();
    let whole = &Probe::new("whole");
    let text = &format!("{}-{}", k, Leaf::new("text").pending(1).ready(2).await);
    let list = &mut vec![Probe::new("listed")];
    let pair = (&Probe::new("in tuple"), Probe::new("beside"));
    let array = [&Probe::new("a0"), &Probe::new("a1")];
    let literal = Pair {
        first: &Probe::new("in struct"),
        second: 7,
    };
    let branch = if k > 1 {
        &Probe::new("then")
    } else {
        &Probe::new("else")
    };
    let arm = match k {
        0 => &Probe::new("arm 0"),
        _ => &Probe::new("arm n"),
    };
    let tail = {
        let _inner = Probe::new("block local");
        &Probe::new("block tail")
    };
    // SAFETY: nothing unsafe; an `unsafe` block's tail is extending too.
    #[allow(unused_unsafe)]
    let unsafe_tail = unsafe { &Probe::new("unsafe tail") };
    let block_value = &{ Probe::new("block value") };
    let chosen = &if k > 1 {
        Probe::new("chosen then")
    } else {
        Probe::new("chosen else")
    };
    let derefed = &*Box::new(Probe::new("boxed"));
    let field = &(Probe::new("field"), 1).0;
    let awaited = &probe_after("awaited").await;
    let length = &lock().len();
    wait().await;
    list.push(Probe::new("pushed"));
    for seen in [
        whole,
        pair.0,
        array[1],
        literal.first,
        branch,
        arm,
        tail,
        unsafe_tail,
        block_value,
        chosen,
        derefed,
        field,
    ] {
        seen.touch();
    }
    pair.1.touch();
    awaited.touch();
    wait().await;
    text.len() as u32 + list.len() as u32 + literal.second + length
}

#[test]
fn extended_temporaries_live_to_the_end_of_the_block() {
    // Kept in place, the extended values leave the machine `Send`, as the
    // twin is.
    assert_send(&borrowed_values(0));
    assert_send(&borrowed_values_rustc(0));
    for k in [0, 2] {
        let report = assert_same(|| borrowed_values(k), || borrowed_values_rustc(k));
        assert_eq!(report.outcome, "Ready(15)"); // 3 + 2 + 7 + 3
    }
}

/// A value made after something with an effect in the initializer is
/// put in place, in its turn: the first probe is made before the `String`.
#[desugar]
async fn made_in_turn() -> usize {
    let pair = (
        Probe::new("first"),
        &format!("{}!", Probe::new("second").label()),
    );
    wait().await;
    pair.0.touch();
    pair.1.len()
}

#[test]
fn an_extended_temporary_is_made_in_its_turn() {
    let report = assert_same(made_in_turn, made_in_turn_rustc);
    assert_eq!(report.outcome, "Ready(7)");
}

/// A pattern binding by reference extends the value it binds into:
/// `let ref r = make();` keeps `make()`'s value as long as `r`.
#[desugar]
#[allow(clippy::toplevel_ref_arg)] // `let ref` is the shape under test
async fn bound_by_reference() -> usize {
    let ref first = Probe::new("bound by ref");
    let (ref second, count) = (Probe::new("in tuple"), 2usize);
    let ref mut list = vec![Probe::new("listed")];
    list.push(probe_after("pushed").await);
    wait().await;
    first.touch();
    second.touch();
    list.len() + count
}

#[test]
fn a_value_bound_by_reference_lives_to_the_end_of_the_block() {
    let report = assert_same(bound_by_reference, bound_by_reference_rustc);
    assert_eq!(report.outcome, "Ready(4)");
}

/// In a `let … else`, rustc drops the extended values before the `else`
/// block runs, after the statement's other temporaries.
#[desugar]
async fn in_let_else(keep: bool) -> usize {
    let Some(kept) = &Some(Probe::new("extended")).filter(|_| keep) else {
        let other = Probe::new("in else");
        other.touch();
        return 0;
    };
    wait().await;
    kept.touch();
    1
}

#[test]
fn a_let_else_drops_its_extended_values_before_the_else() {
    for keep in [true, false] {
        let report = assert_same(|| in_let_else(keep), || in_let_else_rustc(keep));
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
}

struct Named {
    name: Option<String>,
    _probe: Probe,
}

fn named(name: Option<&str>, _beside: &Probe) -> Named {
    Named {
        name: name.map(String::from),
        _probe: Probe::new("named"),
    }
}

/// The same with an `else` that awaits: the extended value lives on where
/// the pattern matches, and drops before the `else` block where it does
/// not, after the other temporaries (`beside`). The machine made the value
/// inside a block of its own: E0716 at `#[desugar]`.
#[desugar]
async fn in_awaiting_let_else(name: Option<&'static str>) -> usize {
    let _before = Probe::new("before");
    let Some(kept) = &named(name, &Probe::new("beside")).name else {
        wait().await;
        return 0;
    };
    let _after = Probe::new("after");
    wait().await;
    kept.len()
}

/// Through an index and a `&mut`, with a type written.
#[desugar]
async fn in_awaiting_let_else_mut(name: Option<&'static str>) -> usize {
    let Some(kept): &mut Option<String> = &mut (vec![named(name, &Probe::new("beside"))][0]).name
    else {
        wait().await;
        return 0;
    };
    kept.push('!');
    wait().await;
    kept.len()
}

/// A borrowed constant stays a `&'static`.
#[desugar]
async fn constant_in_awaiting_let_else(keep: bool) -> u32 {
    let Some(n): &'static Option<u32> = &Some(3) else {
        wait().await;
        return 0;
    };
    let n: &'static u32 = n;
    wait().await;
    if keep { *n } else { 0 }
}

#[test]
fn a_let_else_with_an_awaiting_else_keeps_or_drops_its_extended_values() {
    for name in [Some("kept"), None] {
        let report = assert_same(
            || in_awaiting_let_else(name),
            || in_awaiting_let_else_rustc(name),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
        assert_send(&in_awaiting_let_else(name));
        let report = assert_same(
            || in_awaiting_let_else_mut(name),
            || in_awaiting_let_else_mut_rustc(name),
        );
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
    let report = assert_same(
        || constant_in_awaiting_let_else(true),
        || constant_in_awaiting_let_else_rustc(true),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// Inside a tuple, beside a part the pattern refutes: each borrowed value
/// the tuple holds is extended, and drops before the `else` block where
/// the pattern fails, newest first, after the tuple. The machine made the
/// tuple inside a block of its own: E0716 at `#[desugar]` (dogD2 build 1).
#[desugar]
async fn tuple_in_awaiting_let_else(count: Option<usize>) -> usize {
    let _before = Probe::new("before");
    let (kept, [also], Some(n)) = (&Probe::new("kept"), [&mut Probe::new("also")], count) else {
        return Leaf::new("none").pending(1).ready(0).await;
    };
    also.touch();
    wait().await;
    kept.label().len() + n
}

#[test]
fn a_let_else_with_an_awaiting_else_extends_the_borrows_in_its_tuple() {
    for count in [Some(2), None] {
        let report = assert_same(
            || tuple_in_awaiting_let_else(count),
            || tuple_in_awaiting_let_else_rustc(count),
        );
        assert!(report.left_size <= report.right_size, "{report}");
        assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
    }
}

/// A borrowed constant is promoted to a `static`, with no temporary to
/// extend: `&(1 + 2)` is a `&'static i32`, and stays one; the machine keeps
/// no value for it.
#[desugar]
#[allow(clippy::nonminimal_bool, clippy::unnecessary_cast)] // the constants under test
async fn promoted_constants() -> u32 {
    let sum: &'static u32 = &(1 + 2);
    let cast: &'static u8 = &(3 as u8);
    let flag: &'static bool = &!false;
    wait().await;
    *sum + u32::from(*cast) + u32::from(*flag)
}

#[test]
fn a_borrowed_constant_stays_static() {
    let report = assert_same(promoted_constants, promoted_constants_rustc);
    assert_eq!(report.outcome, "Ready(7)");
    // Named, they were kept in place beside the state, as rustc does not.
    assert!(
        report.left_size <= report.right_size,
        "the machine keeps the constants: {report}"
    );
}
