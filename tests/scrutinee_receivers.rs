//! Receivers of calls in a `match`, `if let` or `while let` scrutinee whose
//! arms await, which rustc keeps to the end of the construct: a pinned
//! local's `as_mut().get_mut()`, a value a method syntax does not know
//! borrows and whose result is read further, and an own async method named
//! like a standard one whose future borrows a local kept in place.
mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};
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
