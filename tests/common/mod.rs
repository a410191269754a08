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
