//! A pinned field's `as_mut().get_mut()` (and `as_ref().get_ref()`) in a
//! `match`, `if let` or `while let` scrutinee whose arms await, and in
//! statements: `self.rx.as_mut().get_mut().recv().await` with `rx:
//! Pin<Box<Rx>>` on a `&mut self` method. Syntax cannot see that `rx` is
//! a pin; the pin `as_mut()` gives is moved into `Pin::get_mut`, not kept
//! as a temporary (kept in place, it could not be moved out: E0507), and
//! so is the `&mut Cell` that `Box`'s `AsMut` gives, reborrowed by
//! `Cell::get_mut` (`self.c.as_mut().get_mut()`). A pinned local's is in
//! `tests/scrutinee_receivers.rs`.
mod common;
use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::pin::Pin;

pub struct Rx {
    q: VecDeque<u32>,
    _p: Probe,
}
impl Rx {
    pub fn new(items: Vec<u32>) -> Self {
        Rx {
            q: items.into(),
            _p: Probe::new("rx"),
        }
    }
    pub fn recv(&mut self) -> LeafFuture<Option<u32>> {
        Leaf::new("recv").pending(1).ready(self.q.pop_front())
    }
    pub fn peek(&self) -> LeafFuture<Option<u32>> {
        Leaf::new("peek").pending(1).ready(self.q.front().copied())
    }
}
fn one() -> LeafFuture<u32> {
    Leaf::new("body").pending(1).ready(1)
}

pub struct Pump {
    rx: Pin<Box<Rx>>,
    seen: u32,
    c: Box<Cell<u32>>,
    r: Box<RefCell<Vec<u32>>>,
}

impl Pump {
    #[desugar]
    async fn drain(&mut self) -> u32 {
        while let Some(x) = self.rx.as_mut().get_mut().recv().await {
            let more = one().await;
            self.seen += x + more;
        }
        self.seen
    }
    #[desugar]
    async fn recv_match(&mut self) -> u32 {
        match self.rx.as_mut().get_mut().recv().await {
            Some(x) => x + one().await,
            None => 0,
        }
    }
    #[desugar]
    async fn recv_if_let(&mut self) -> u32 {
        if let Some(x) = self.rx.as_mut().get_mut().recv().await {
            x + one().await
        } else {
            0
        }
    }
    #[desugar]
    async fn peek_shared(&self) -> u32 {
        match self.rx.as_ref().get_ref().peek().await {
            Some(x) => x + one().await,
            None => 0,
        }
    }
    #[desugar]
    async fn in_statements(&mut self) -> u32 {
        let a = self.rx.as_mut().get_mut().recv().await.unwrap_or(9);
        let b = self.rx.as_mut().get_mut().q.len() as u32 + one().await;
        a + b
    }
    #[desugar]
    async fn cell_through_box(&mut self) -> u32 {
        match *self.c.as_mut().get_mut() {
            0 => one().await,
            n => {
                let k = one().await;
                *self.c.as_mut().get_mut() += k;
                n
            }
        }
    }
    #[desugar]
    async fn refcell_through_box(&mut self) -> u32 {
        match self.r.as_mut().get_mut().pop() {
            Some(x) => {
                self.r.as_mut().get_mut().push(one().await);
                x
            }
            None => 0,
        }
    }
}

pub struct Rxs {
    rx: Pin<Box<Rx>>,
}
#[desugar]
async fn local_field(mut s: Rxs) -> u32 {
    let mut n = 0;
    while let Some(x) = s.rx.as_mut().get_mut().recv().await {
        n += x + one().await;
    }
    n
}

#[test]
fn pinned_fields_get_mut_in_scrutinees() {
    for items in [vec![1, 2], Vec::new()] {
        let pump = || Pump {
            rx: Box::pin(Rx::new(items.clone())),
            seen: 0,
            c: Box::new(Cell::new(3)),
            r: Box::new(RefCell::new(vec![4, 5])),
        };
        macro_rules! compare {
            ($m:ident, $twin:ident) => {
                same_and_no_larger(
                    || async {
                        #[allow(unused_mut)]
                        let mut p = pump();
                        p.$m().await
                    },
                    || async {
                        #[allow(unused_mut)]
                        let mut p = pump();
                        p.$twin().await
                    },
                );
            };
        }
        compare!(drain, drain_rustc);
        compare!(recv_match, recv_match_rustc);
        compare!(recv_if_let, recv_if_let_rustc);
        compare!(peek_shared, peek_shared_rustc);
        compare!(in_statements, in_statements_rustc);
        compare!(cell_through_box, cell_through_box_rustc);
        compare!(refcell_through_box, refcell_through_box_rustc);
        let rxs = || Rxs {
            rx: Box::pin(Rx::new(items.clone())),
        };
        same_and_no_larger(|| local_field(rxs()), || local_field_rustc(rxs()));
        let mut p = pump();
        assert_send(&p.drain());
        assert_send(&p.recv_match());
        assert_send(&p.recv_if_let());
        assert_send(&local_field(rxs()));
    }
}
