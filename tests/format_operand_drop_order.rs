//! A local or a parameter named bare among the arguments of a macro whose
//! arguments are a scope of their own (`format!`, `print!`, `println!`,
//! `eprintln!`, `assert!`, `assert_eq!`, `assert_ne!`, `debug_assert!` and
//! the like), in a statement that awaits: `println!("{} {:?}", get().await,
//! o)`, `assert_eq!(o, get().await)`. The macro borrows the local; it is no
//! temporary of the macro's scope, so a future dropped at that await (or
//! whose awaited future panics) drops it with the rest of its block, the
//! most recently declared first and the parameters last, as rustc does.
//! The machine put it first in the suspended state, and dropped it before
//! the locals declared after it.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), once where the
//! awaited future panics and once where it does not, and must be no larger
//! and `Send` as the twin is.

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, Report, assert_same};

/// Waits once, then gives 7, or panics if `fail`.
fn get(fail: bool) -> LeafFuture<u32> {
    let leaf = Leaf::new("get").pending(1);
    if fail {
        leaf.panics("boom")
    } else {
        leaf.ready(7)
    }
}

/// Waits once, then gives a probe labelled `label`, or panics if `fail`.
fn probe(label: &str, fail: bool) -> LeafFuture<Probe> {
    let leaf = Leaf::new("probe").pending(1);
    if fail {
        leaf.panics("boom")
    } else {
        leaf.ready(Probe::new(label))
    }
}

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger.
fn same_and_no_larger(report: Report) {
    assert!(report.left_size <= report.right_size, "{report}");
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// A local printed bare, with a local declared after it.
#[desugar]
async fn printed(fail: bool) -> usize {
    let o = Probe::new("o");
    let later = Probe::new("later");
    println!("{} {:?}", get(fail).await, o);
    drop(later);
    1
}

/// A parameter compared bare: it drops after the body's locals.
#[desugar]
async fn compared(o: Probe, fail: bool) -> usize {
    let later = Probe::new("later");
    assert_eq!(o, probe("o", fail).await);
    drop(later);
    1
}

#[test]
fn a_local_or_parameter_a_macro_borrows_drops_in_declaration_order() {
    for fail in [false, true] {
        same_and_no_larger(assert_same(|| printed(fail), || printed_rustc(fail)));
        same_and_no_larger(assert_same(
            || compared(Probe::new("o"), fail),
            || compared_rustc(Probe::new("o"), fail),
        ));
    }
    both_send(&printed(false), &printed_rustc(false));
    both_send(
        &compared(Probe::new("o"), false),
        &compared_rustc(Probe::new("o"), false),
    );
}

/// Several locals named bare in one `format!`, out of declaration order,
/// with locals declared before, between and after them, and a parameter.
#[desugar]
async fn several(p: Probe, fail: bool) -> usize {
    let first = Probe::new("first");
    let a = Probe::new("a");
    let between = Probe::new("between");
    let b = Probe::new("b");
    let c = Probe::new("c");
    let after = Probe::new("after");
    let s = format!("{:?} {} {:?} {:?} {:?}", c, get(fail).await, a, p, b);
    drop((first, between, after));
    s.len()
}

/// `print!` and `eprintln!`, each awaiting, in one body.
#[desugar]
async fn printed_twice(fail: bool) -> usize {
    let a = Probe::new("a");
    let b = Probe::new("b");
    print!("{:?}{}", a, get(false).await);
    let c = Probe::new("c");
    eprintln!("{:?} {} {:?}", b, get(fail).await, a);
    drop(c);
    2
}

#[test]
fn several_locals_a_macro_borrows_drop_in_declaration_order() {
    for fail in [false, true] {
        same_and_no_larger(assert_same(
            || several(Probe::new("p"), fail),
            || several_rustc(Probe::new("p"), fail),
        ));
        same_and_no_larger(assert_same(
            || printed_twice(fail),
            || printed_twice_rustc(fail),
        ));
    }
    both_send(
        &several(Probe::new("p"), false),
        &several_rustc(Probe::new("p"), false),
    );
    both_send(&printed_twice(false), &printed_twice_rustc(false));
}

/// In a loop: the loop's own locals, and a local and a parameter from
/// outside it, named bare; the second iteration's await may panic.
#[desugar]
async fn in_a_loop(outer: Probe, fail: bool) -> usize {
    let kept = Probe::new("kept");
    let mut n = 0;
    for i in 0..2 {
        let o = Probe::new(format!("o{i}"));
        let t = Probe::new(format!("t{i}"));
        let s = format!(
            "{:?} {} {:?} {:?}",
            o,
            get(fail && i == 1).await,
            kept,
            outer
        );
        n += s.len() + t.label().len();
    }
    n
}

#[test]
fn locals_a_macro_borrows_in_a_loop_drop_in_declaration_order() {
    for fail in [false, true] {
        same_and_no_larger(assert_same(
            || in_a_loop(Probe::new("outer"), fail),
            || in_a_loop_rustc(Probe::new("outer"), fail),
        ));
    }
    both_send(
        &in_a_loop(Probe::new("outer"), false),
        &in_a_loop_rustc(Probe::new("outer"), false),
    );
}

/// The `assert!` family: a local in a message, compared, and compared for
/// inequality, with the parameter and locals declared after them.
#[desugar]
async fn asserted(o: Probe, fail: bool) -> usize {
    let a = Probe::new("a");
    let later = Probe::new("later");
    assert!(get(fail).await > 0, "{:?} {:?}", a, o);
    let b = Probe::new("b");
    assert_ne!(b, probe("x", fail).await);
    let c = Probe::new("c");
    debug_assert!(get(fail).await > 0, "{:?}", c);
    let d = Probe::new("d");
    debug_assert_eq!(d, probe("d", fail).await);
    let e = Probe::new("e");
    debug_assert_ne!(e, probe("y", fail).await);
    let f = Probe::new("f");
    drop((later, f));
    3
}

#[test]
fn locals_an_assertion_borrows_drop_in_declaration_order() {
    for fail in [false, true] {
        same_and_no_larger(assert_same(
            || asserted(Probe::new("o"), fail),
            || asserted_rustc(Probe::new("o"), fail),
        ));
    }
    both_send(
        &asserted(Probe::new("o"), false),
        &asserted_rustc(Probe::new("o"), false),
    );
}
