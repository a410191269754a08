//! A `match`, `if let` or `while let` whose scrutinee awaits a method of an
//! element (`self.slots[0]`, `slots[i]`, `self.shards[(id % 2) as usize]`)
//! given a temporary (`&id.to_string()`), with arms that await: the
//! element stays where it is, and the method borrows it there, as rustc
//! does. Named ahead of the temporary, it was copied (a `&mut self`
//! method's change lost on the copy) or moved out of the index (E0507).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point), is no larger, and is `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limiter {
    used: u32,
}

impl Limiter {
    async fn take(&mut self, key: &str) -> Option<u32> {
        tick(()).await;
        self.used += key.len() as u32;
        (self.used < 100).then_some(self.used)
    }
}

pub struct App {
    slots: Vec<Limiter>,
}

impl App {
    #[desugar]
    async fn admit(&mut self, id: u32) -> u32 {
        let r = match self.slots[0].take(&id.to_string()).await {
            Some(v) => tick(v).await,
            None => 0,
        };
        r * 1000 + self.slots[0].used
    }
}

#[desugar]
async fn admit_in(slots: &mut [Limiter], id: u32) -> u32 {
    let mut n = 0;
    while let Some(v) = slots[0].take(&id.to_string()).await {
        n += tick(v).await;
        if n > 3 {
            break;
        }
    }
    n * 1000 + slots[0].used
}

#[desugar]
async fn admit_at(slots: &mut [Limiter], i: usize, id: u32) -> u32 {
    if let Some(v) = slots[i].take(&id.to_string()).await {
        tick(v).await + slots[i].used
    } else {
        slots[i].used
    }
}

#[test]
fn a_copy_element_changed_by_its_mut_method() {
    same_and_no_larger(
        || async {
            App {
                slots: vec![Limiter { used: 1 }],
            }
            .admit(1)
            .await
        },
        || async {
            App {
                slots: vec![Limiter { used: 1 }],
            }
            .admit_rustc(1)
            .await
        },
    );
    same_and_no_larger(
        || async { admit_in(&mut [Limiter { used: 1 }], 1).await },
        || async { admit_in_rustc(&mut [Limiter { used: 1 }], 1).await },
    );
    for i in 0..2 {
        same_and_no_larger(
            move || async move {
                admit_at(&mut [Limiter { used: 1 }, Limiter { used: 98 }], i, 7).await
            },
            move || async move {
                admit_at_rustc(&mut [Limiter { used: 1 }, Limiter { used: 98 }], i, 7).await
            },
        );
    }
    let mut slots = [Limiter { used: 1 }];
    both_send(
        &admit_in(&mut slots, 1),
        &admit_in_rustc(&mut [Limiter { used: 1 }], 1),
    );
}

pub struct Db {
    base: u32,
    _p: Probe,
}

impl Db {
    async fn lookup(&self, k: &str) -> Option<u32> {
        tick(()).await;
        (k.len() < 2).then_some(self.base)
    }
}

pub struct Shards {
    shards: Vec<Db>,
}

impl Shards {
    #[desugar]
    async fn find(&self, id: u32) -> u32 {
        match self.shards[(id % 2) as usize].lookup(&id.to_string()).await {
            Some(v) => tick(v).await,
            None => 0,
        }
    }
}

#[desugar]
async fn find_in(shards: &[Db], id: u32) -> u32 {
    match shards[0].lookup(&id.to_string()).await {
        Some(v) => tick(v).await,
        None => 0,
    }
}

#[test]
fn an_element_borrowed_by_its_method() {
    let a = Shards {
        shards: vec![
            Db {
                base: 1,
                _p: Probe::new("a"),
            },
            Db {
                base: 2,
                _p: Probe::new("b"),
            },
        ],
    };
    for id in [1, 22] {
        same_and_no_larger(|| a.find(id), || a.find_rustc(id));
        same_and_no_larger(|| find_in(&a.shards, id), || find_in_rustc(&a.shards, id));
    }
    both_send(&a.find(1), &a.find_rustc(1));
}
