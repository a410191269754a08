//! Receivers of calls in a `match`, `if let` or `while let` scrutinee whose
//! arms await, which rustc keeps to the end of the construct: a pinned
//! local's `as_mut().get_mut()`, a value a method syntax does not know
//! borrows and whose result is read further, and an own async method named
//! like a standard one whose future borrows a local kept in place.
mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::collections::VecDeque;
use std::fmt::Debug;
use std::pin::{Pin, pin};

/// A receiver whose `recv` gives a leaf future that does not borrow it.
pub struct Rx<T> {
    q: VecDeque<T>,
    name: &'static str,
}

impl<T: Debug> Rx<T> {
    pub fn new(name: &'static str, items: Vec<T>) -> Self {
        Rx {
            q: items.into(),
            name,
        }
    }
    pub fn recv(&mut self) -> LeafFuture<Option<T>> {
        Leaf::new(self.name).pending(1).ready(self.q.pop_front())
    }
}

// A pinned local's `as_mut().get_mut()` in a scrutinee whose arms await.

#[desugar]
async fn get_mut_while_let(rx: Rx<u32>) -> u32 {
    let mut rx = pin!(rx);
    let mut n = 0;
    while let Some(x) = rx.as_mut().get_mut().recv().await {
        n += x + Leaf::new("body").pending(1).ready(1).await;
    }
    n
}

#[desugar]
async fn get_mut_match(rx: Rx<u32>) -> u32 {
    let mut rx = pin!(rx);
    match rx.as_mut().get_mut().recv().await {
        Some(x) => x + Leaf::new("more").pending(1).ready(1).await,
        None => 0,
    }
}

#[desugar]
async fn get_mut_if_let(rx: Rx<u32>) -> u32 {
    let mut rx = pin!(rx);
    if let Some(x) = rx.as_mut().get_mut().recv().await {
        x + Leaf::new("more").pending(1).ready(1).await
    } else {
        0
    }
}

#[desugar]
async fn get_mut_statement(rx: Rx<u32>) -> Option<u32> {
    let mut rx = pin!(rx);
    rx.as_mut().get_mut().recv().await
}

#[desugar]
async fn get_mut_of_the_pin(rx: Rx<u32>) -> u32 {
    let rx = pin!(rx);
    match rx.get_mut().recv().await {
        Some(x) => x + Leaf::new("more").pending(1).ready(1).await,
        None => 0,
    }
}

#[desugar]
async fn get_mut_of_a_pinned_parameter(mut rx: Pin<&mut Rx<u32>>) -> u32 {
    let mut n = 0;
    while let Some(x) = rx.as_mut().get_mut().recv().await {
        n += x + Leaf::new("body").pending(1).ready(1).await;
    }
    n
}

#[desugar]
async fn get_mut_of_a_box_pin(rx: Rx<u32>) -> u32 {
    let mut rx = Box::pin(rx);
    let mut n = 0;
    while let Some(x) = rx.as_mut().get_mut().recv().await {
        n += x + Leaf::new("body").pending(1).ready(1).await;
    }
    n
}

pub struct Pump {
    rx: Rx<u32>,
    seen: u32,
}

impl Pump {
    #[desugar]
    async fn drain(mut self: Pin<&mut Self>) -> u32 {
        while let Some(x) = self.as_mut().get_mut().rx.recv().await {
            let more = Leaf::new("body").pending(1).ready(1).await;
            self.as_mut().get_mut().seen += x + more;
        }
        self.seen
    }
}

#[test]
fn pinned_get_mut_in_scrutinees() {
    let rx = || Rx::new("rx", vec![1, 2]);
    same_and_no_larger(|| get_mut_while_let(rx()), || get_mut_while_let_rustc(rx()));
    same_and_no_larger(|| get_mut_match(rx()), || get_mut_match_rustc(rx()));
    same_and_no_larger(|| get_mut_if_let(rx()), || get_mut_if_let_rustc(rx()));
    same_and_no_larger(|| get_mut_statement(rx()), || get_mut_statement_rustc(rx()));
    let empty = || Rx::new("rx", Vec::new());
    same_and_no_larger(|| get_mut_match(empty()), || get_mut_match_rustc(empty()));
    same_and_no_larger(|| get_mut_if_let(empty()), || get_mut_if_let_rustc(empty()));
    same_and_no_larger(
        || get_mut_of_the_pin(rx()),
        || get_mut_of_the_pin_rustc(rx()),
    );
    same_and_no_larger(
        || async {
            let mut rx = rx();
            get_mut_of_a_pinned_parameter(Pin::new(&mut rx)).await
        },
        || async {
            let mut rx = rx();
            get_mut_of_a_pinned_parameter_rustc(Pin::new(&mut rx)).await
        },
    );
    same_and_no_larger(
        || get_mut_of_a_box_pin(rx()),
        || get_mut_of_a_box_pin_rustc(rx()),
    );
    let pump = || Box::pin(Pump { rx: rx(), seen: 0 });
    same_and_no_larger(
        || async {
            let mut pump = pump();
            pump.as_mut().drain().await
        },
        || async {
            let mut pump = pump();
            pump.as_mut().drain_rustc().await
        },
    );
    assert_send(&get_mut_while_let(rx()));
    assert_send(&get_mut_of_a_box_pin(rx()));
    assert_send(&get_mut_match(rx()));
    assert_send(&get_mut_if_let(rx()));
}
// A method syntax does not know whose result borrows its receiver, a value
// the scrutinee makes, read further in the scrutinee.

pub struct Labelled {
    probe: Probe,
    label: String,
}

impl Labelled {
    pub fn new(label: &str) -> Labelled {
        Labelled {
            probe: Probe::new(label),
            label: label.to_string(),
        }
    }
    pub fn label(&self) -> &str {
        self.probe.touch();
        &self.label
    }
}

pub fn make(label: &str) -> Labelled {
    Labelled::new(label)
}

fn one() -> LeafFuture<usize> {
    Leaf::new("one").pending(1).ready(1)
}

#[desugar]
async fn label_match(s: &'static str) -> usize {
    match Labelled::new(s).label().len() {
        1 => one().await,
        n => n + one().await,
    }
}

#[desugar]
async fn label_if_let(s: &'static str) -> usize {
    if let Some(c) = make(s).label().chars().next() {
        c.len_utf8() + one().await
    } else {
        0
    }
}

#[desugar]
async fn label_while_let(s: &'static str) -> usize {
    let mut n = 0;
    let mut turns = 0;
    while let 1..=3 = make(s).label().len() + turns {
        turns += 1;
        n += one().await;
    }
    n
}

#[test]
fn borrowed_receivers_in_scrutinees() {
    for s in ["s", "four", ""] {
        same_and_no_larger(|| label_match(s), || label_match_rustc(s));
        same_and_no_larger(|| label_if_let(s), || label_if_let_rustc(s));
        same_and_no_larger(|| label_while_let(s), || label_while_let_rustc(s));
    }
    assert_send(&label_match("s"));
    assert_send(&label_if_let("s"));
    assert_send(&label_while_let("s"));
}

/// A value whose `&self` method gives an owned value: rustc keeps both.
pub struct Lab(Probe, String);

impl Lab {
    fn owned(&self) -> String {
        self.0.touch();
        self.1.clone()
    }
}

/// A builder: its `build(self)` moves it.
pub struct Builder(Probe, Vec<u8>);

impl Builder {
    fn new() -> Builder {
        Builder(Probe::new("builder"), vec![1, 2])
    }
    fn build(self) -> Vec<u8> {
        self.0.touch();
        self.1
    }
}

/// `Copy`: its `digits(self)` copies it.
#[derive(Clone, Copy)]
pub struct Pt(u8);

impl Pt {
    fn digits(self) -> String {
        self.0.to_string()
    }
}

#[desugar]
async fn owned_of_borrowed(s: &'static str) -> usize {
    match Lab(Probe::new("lab"), s.to_string()).owned().len() {
        1 => one().await,
        n => n + one().await,
    }
}

#[desugar]
async fn owned_of_borrowed_while_let(s: &'static str) -> usize {
    let mut n = 0;
    while let Some(c) = Lab(Probe::new("lab"), s.to_string()).owned().chars().nth(n) {
        n += c.len_utf8() + one().await;
    }
    n
}

#[desugar]
async fn reference_receiver(p: &'static str) -> usize {
    match std::path::Path::new(p).display().to_string().len() {
        1 => one().await,
        n => n + one().await,
    }
}

#[desugar]
async fn copy_receiver_moved(n: u8) -> usize {
    match Pt(n).digits().len() {
        1 => one().await,
        n => n + one().await,
    }
}

/// The way out the check gives for a builder (see
/// `tests/ui/unknown_method_moves_kept_scrutinee_receiver.rs`).
#[desugar]
async fn builder_as_a_call() -> usize {
    match Builder::build(Builder::new()).len() {
        1 => one().await,
        n => n + one().await,
    }
}

#[test]
fn kept_receivers_of_methods_syntax_does_not_know() {
    for s in ["a", "abc"] {
        same_and_no_larger(|| owned_of_borrowed(s), || owned_of_borrowed_rustc(s));
        same_and_no_larger(
            || owned_of_borrowed_while_let(s),
            || owned_of_borrowed_while_let_rustc(s),
        );
        same_and_no_larger(|| reference_receiver(s), || reference_receiver_rustc(s));
    }
    same_and_no_larger(|| copy_receiver_moved(3), || copy_receiver_moved_rustc(3));
    same_and_no_larger(|| copy_receiver_moved(42), || copy_receiver_moved_rustc(42));
    same_and_no_larger(builder_as_a_call, builder_as_a_call_rustc);
    assert_send(&owned_of_borrowed("a"));
    assert_send(&owned_of_borrowed_while_let("a"));
    assert_send(&builder_as_a_call());
}
