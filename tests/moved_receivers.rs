//! A local given by value as a method's receiver, where the call's
//! arguments await (`a.unwrap_or(leaf.await)`, `a.into_total(x.await)`):
//! rustc evaluates the receiver first, moving the local into the pending
//! call before the await, so a future dropped at that await (or an awaited
//! future that panics) drops the moved receiver first, as an operand of the
//! statement, and the locals after it. The machine binds such a receiver
//! ahead of the await, as it binds a by-value argument
//! (`Type::combine(a, x.await)`). Where the method is one syntax does not
//! know, a move there stops the build (`tests/ui/unknown_method_moves_local_receiver.rs`);
//! the borrowing calls that are as common (`v.push(f().await)`,
//! `map.insert(k, f().await)`) build and behave as in rustc.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), and must be no
//! larger, and `Send` where the twin is.

use std::collections::HashMap;

use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

#[derive(Debug, PartialEq)]
pub struct Money(Probe);

impl Money {
    /// Takes `self`, and is named so (`into_…`): syntax knows it moves.
    pub fn into_total(self, o: u32) -> u32 {
        self.0.touch();
        o + 1
    }

    /// Takes `self` under a name syntax does not know.
    pub fn combine(self, o: u32) -> u32 {
        self.0.touch();
        o + 2
    }

    /// Takes `self`, named so, with two arguments.
    pub fn into_sum(self, o: u32, p: u32) -> u32 {
        self.0.touch();
        o + p
    }

    /// Borrows, under a name syntax does not know, and gives a future
    /// that borrows it too.
    pub async fn fetch(&self, o: u32) -> u32 {
        Leaf::new("fetch").pending(1).ready(()).await;
        self.0.touch();
        o + 5
    }

    /// Borrows, under a name syntax does not know, and takes what the
    /// caller moves in.
    pub fn peek_all(&self, labels: Vec<String>, o: u32) -> u32 {
        self.0.touch();
        labels.len() as u32 + o
    }

    /// Borrows, under a name syntax does not know, with two arguments.
    pub fn peek_both(&self, o: u32, p: u32) -> u32 {
        self.0.touch();
        o + p
    }

    /// Borrows, under a name syntax does not know.
    pub fn peek(&self, o: u32) -> u32 {
        self.0.touch();
        o + 3
    }

    /// Borrows mutably, under a name syntax does not know.
    pub fn bump(&mut self, o: u32) -> u32 {
        self.0.touch();
        o + 4
    }
}

/// A standard method known to take `self`, on a parameter declared
/// before another that has something to drop.
#[desugar]
async fn std_method(a: Option<Probe>, other: Probe) -> Probe {
    let _ = &other;
    a.unwrap_or(Leaf::new("x").pending(1).ready(Probe::new("d")).await)
}

#[test]
fn a_receiver_moved_by_a_std_method_drops_with_the_pending_call() {
    for a in [true, false] {
        let made = || a.then(|| Probe::new("a"));
        same_and_no_larger(assert_same(
            || std_method(made(), Probe::new("other")),
            || std_method_rustc(made(), Probe::new("other")),
        ));
    }
    both_send(
        &std_method(None, Probe::new("o")),
        &std_method_rustc(None, Probe::new("o")),
    );
}

/// A method named `into_…`, on a local declared before another.
#[desugar]
async fn into_method(label: &'static str) -> u32 {
    let a = Money(Probe::new(label));
    let b = Probe::new("b");
    let n = a.into_total(Leaf::new("x").pending(1).ready(1).await);
    b.touch();
    n
}

/// The awaited argument panics: the moved receiver drops on the way out
/// before the locals.
#[desugar]
async fn into_method_panics(a: Money, other: Probe) -> u32 {
    let _ = &other;
    a.into_total(Leaf::new("x").pending(1).panics::<u32>("boom").await)
}

#[test]
fn a_receiver_moved_by_an_into_method_drops_with_the_pending_call() {
    same_and_no_larger(assert_same(|| into_method("a"), || into_method_rustc("a")));
    same_and_no_larger(assert_same(
        || into_method_panics(Money(Probe::new("a")), Probe::new("other")),
        || into_method_panics_rustc(Money(Probe::new("a")), Probe::new("other")),
    ));
    both_send(&into_method("a"), &into_method_rustc("a"));
}

/// Both arguments await: the local is moved ahead of the first await.
#[desugar]
async fn into_method_two_awaits(label: &'static str) -> u32 {
    let a = Money(Probe::new(label));
    let b = Probe::new("b");
    let n = a.into_sum(
        Leaf::new("x").pending(1).ready(1).await,
        Leaf::new("y").pending(1).ready(2).await,
    );
    b.touch();
    n
}

/// A standard method known to take `self`, on a local the user declared,
/// before another; then the awaited value panics.
#[desugar]
async fn std_method_on_let(present: bool, fail: bool) -> Probe {
    let a = present.then(|| Probe::new("a"));
    let b = Probe::new("b");
    let got = a.unwrap_or(made_or_failed(fail).await);
    b.touch();
    got
}

/// A probe after one `Pending`, or a panic there.
fn made_or_failed(fail: bool) -> LeafFuture<Probe> {
    let leaf = Leaf::new("x").pending(1);
    if fail {
        leaf.panics("boom")
    } else {
        leaf.ready(Probe::new("d"))
    }
}

#[test]
fn a_receiver_moved_ahead_of_later_awaits_and_panics_drops_as_in_rustc() {
    same_and_no_larger(assert_same(
        || into_method_two_awaits("a"),
        || into_method_two_awaits_rustc("a"),
    ));
    for (present, fail) in [(true, false), (true, true), (false, false)] {
        same_and_no_larger(assert_same(
            || std_method_on_let(present, fail),
            || std_method_on_let_rustc(present, fail),
        ));
    }
    both_send(
        &std_method_on_let(true, false),
        &std_method_on_let_rustc(true, false),
    );
}

/// A guard's `Deref` reaches the `Option` a standard method takes by
/// value: the guard is borrowed, and stays where it is.
#[allow(clippy::await_holding_refcell_ref)] // the guard held across the await is under test
#[desugar]
async fn through_guard(cell: std::rc::Rc<std::cell::RefCell<Option<u32>>>) -> u32 {
    let g = cell.borrow();
    let b = Probe::new("b");
    let n = g.unwrap_or(Leaf::new("x").pending(1).ready(1).await);
    b.touch();
    n + u32::from(g.is_some())
}

#[test]
fn a_guard_a_standard_method_reads_through_stays_in_place() {
    for value in [None, Some(3)] {
        let cell = std::rc::Rc::new(std::cell::RefCell::new(value));
        same_and_no_larger(assert_same(
            || through_guard(cell.clone()),
            || through_guard_rustc(cell.clone()),
        ));
    }
}

/// The move written out as a block (`{ a }.combine(..)`): moved ahead
/// too.
#[desugar]
async fn block_moved(a: Money, other: Probe) -> u32 {
    let _ = &other;
    { a }.combine(Leaf::new("x").pending(1).ready(1).await)
}

#[test]
fn a_receiver_moved_into_a_block_drops_with_the_pending_call() {
    same_and_no_larger(assert_same(
        || block_moved(Money(Probe::new("a")), Probe::new("other")),
        || block_moved_rustc(Money(Probe::new("a")), Probe::new("other")),
    ));
}

/// What the check's message says to write for a method syntax does not
/// know: the call form, which moves the local into the pending call.
#[desugar]
async fn path_call(a: Money, other: Probe) -> u32 {
    let _ = &other;
    Money::combine(a, Leaf::new("x").pending(1).ready(1).await)
}

/// Or the awaited value bound first.
#[desugar]
async fn bound_first(a: Money, other: Probe) -> u32 {
    let _ = &other;
    let o = Leaf::new("x").pending(1).ready(1).await;
    a.combine(o)
}

#[test]
fn the_forms_the_message_suggests_behave_as_in_rustc() {
    same_and_no_larger(assert_same(
        || path_call(Money(Probe::new("a")), Probe::new("other")),
        || path_call_rustc(Money(Probe::new("a")), Probe::new("other")),
    ));
    same_and_no_larger(assert_same(
        || bound_first(Money(Probe::new("a")), Probe::new("other")),
        || bound_first_rustc(Money(Probe::new("a")), Probe::new("other")),
    ));
}

/// Methods syntax does not know that borrow their receiver, a local with
/// something to drop: kept where it is, as rustc keeps it.
#[desugar]
async fn unknown_borrows(label: &'static str) -> u32 {
    let mut a = Money(Probe::new(label));
    let b = Probe::new("b");
    let n = a.peek(Leaf::new("x").pending(1).ready(1).await);
    let m = a.bump(Leaf::new("y").pending(1).ready(n).await);
    let both = a.peek_both(
        Leaf::new("z").pending(1).ready(m).await,
        Leaf::new("w").pending(1).ready(2).await,
    );
    let fetched = a.fetch(Leaf::new("v").pending(1).ready(both).await).await;
    // A local moved in inside a macro's arguments does not read as the
    // receiver moved.
    let name = String::from(label);
    let all = a.peek_all(vec![name], Leaf::new("u").pending(1).ready(fetched).await);
    b.touch();
    all
}

#[test]
fn a_local_an_unknown_method_borrows_stays_in_place() {
    same_and_no_larger(assert_same(
        || unknown_borrows("a"),
        || unknown_borrows_rustc("a"),
    ));
    both_send(&unknown_borrows("a"), &unknown_borrows_rustc("a"));
}

/// The common borrowing calls: a vector's `push`, a map's `insert`, a
/// string's `push_str` given a borrow of the awaited value.
#[desugar]
async fn collections(label: &'static str) -> (usize, usize, String) {
    let mut v = vec![Probe::new(label)];
    let mut map = HashMap::new();
    let mut s = String::from("s");
    let b = Probe::new("b");
    v.push(Leaf::new("x").pending(1).ready(Probe::new("pushed")).await);
    map.insert(
        1,
        Leaf::new("y")
            .pending(1)
            .ready(Probe::new("inserted"))
            .await,
    );
    s.push_str(&Leaf::new("z").pending(1).ready(String::from("t")).await);
    b.touch();
    (v.len(), map.len(), s)
}

#[test]
fn a_collection_a_method_borrows_stays_in_place() {
    same_and_no_larger(assert_same(|| collections("v"), || collections_rustc("v")));
    both_send(&collections("v"), &collections_rustc("v"));
}

pub struct Holder {
    money: Money,
    items: Vec<u32>,
}

impl Holder {
    /// Fields of `self` given to methods taking `&self` and `&mut self`.
    #[desugar]
    async fn fill(&mut self, n: u32) -> u32 {
        self.items.push(Leaf::new("x").pending(1).ready(n).await);
        let m = self.money.peek(Leaf::new("y").pending(1).ready(n).await);
        self.money.bump(Leaf::new("z").pending(1).ready(m).await)
    }
}

#[test]
fn a_field_of_self_a_method_borrows_stays_in_place() {
    let holder = || Holder {
        money: Money(Probe::new("money")),
        items: vec![1],
    };
    let outcome = same_and_no_larger(assert_same(
        || async {
            let mut h = holder();
            let n = h.fill(1).await;
            (n, h.items.len())
        },
        || async {
            let mut h = holder();
            let n = h.fill_rustc(1).await;
            (n, h.items.len())
        },
    ));
    assert!(outcome.starts_with("Ready"), "{outcome}");
}

/// A `Copy` receiver, and one with nothing to drop, given by value to a
/// method syntax does not know.
#[derive(Clone, Copy)]
pub struct Point(u32);

impl Point {
    pub fn shifted(self, by: u32) -> u32 {
        self.0 + by
    }
}

pub struct Plain(u32);

impl Plain {
    pub fn taken(self, by: u32) -> u32 {
        self.0 + by
    }
}

#[desugar]
async fn nothing_to_drop(p: Point, q: Plain, other: Probe) -> u32 {
    let _ = &other;
    let n = p.shifted(Leaf::new("x").pending(1).ready(1).await);
    n + q.taken(Leaf::new("y").pending(1).ready(p.0).await)
}

#[test]
fn a_receiver_with_nothing_to_drop_moved_by_an_unknown_method_builds() {
    same_and_no_larger(assert_same(
        || nothing_to_drop(Point(1), Plain(2), Probe::new("other")),
        || nothing_to_drop_rustc(Point(1), Plain(2), Probe::new("other")),
    ));
}
