//! Values for the tests of a statement's evaluation order: a `Counter`
//! whose probe shows when it is made, used and dropped, with a method that
//! borrows it and one that takes it, and leaves that give one or a number
//! after one `Pending`.

// Each test file that includes this module uses a part of it.
#![allow(dead_code)]

use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug)]
pub struct Counter(pub Probe);

impl Counter {
    pub fn new(label: &str) -> Counter {
        Counter(Probe::new(label))
    }

    pub fn add(&self, n: u32) -> u32 {
        self.0.touch();
        n + 1
    }

    pub fn finish(self, n: u32) -> u32 {
        self.0.touch();
        n + 2
    }

    /// Takes `self`, and is named so (`into_…`): syntax knows it moves.
    pub fn into_sum(self, n: u32) -> u32 {
        self.0.touch();
        n + 3
    }
}

pub fn counter(label: &'static str) -> LeafFuture<Counter> {
    Leaf::new(label).pending(1).ready(Counter::new(label))
}

pub fn number(n: u32) -> LeafFuture<u32> {
    Leaf::new("number").pending(1).ready(n)
}

/// Takes the counter, which `finish` drops.
pub fn take(counter: Counter, n: u32) -> u32 {
    counter.finish(n)
}

/// A value that holds something until it is dropped, like a lock guard.
pub struct Guard(Probe);

impl Guard {
    pub fn len(&self) -> u32 {
        self.0.touch();
        3
    }
}

pub struct Resource;

impl Resource {
    pub fn lock(&self) -> Guard {
        Guard(Probe::new("guard"))
    }
}

/// Compiles only if the future is `Send`, as its rustc twin is.
pub fn assert_send<T: Send>(_: &T) {}

/// Compares the machine with its twin (see `assert_same`: every
/// cancellation point, with and without extra `Pending`s) and checks it is
/// no larger; gives the outcome.
pub fn same_and_no_larger<L, R>(left: impl Fn() -> L, right: impl Fn() -> R) -> String
where
    L: Future,
    R: Future<Output = L::Output>,
    L::Output: std::fmt::Debug + PartialEq,
{
    let report = desugar::harness::assert_same(left, right);
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Compiles only where both futures are `Send`: the twin's is, so the
/// machine's must be too.
pub fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// A connection whose parts a pattern takes apart beside parts it skips:
/// two with something to drop, an array and a number.
#[derive(Debug)]
pub struct Conn {
    pub sock: Probe,
    pub buf: [u8; 4],
    pub log: Probe,
    pub id: u32,
}

pub fn conn(id: u32) -> Conn {
    Conn {
        sock: Probe::new("sock"),
        buf: [0; 4],
        log: Probe::new("log"),
        id,
    }
}
