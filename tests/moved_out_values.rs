//! Values moved out of a place through a `&mut` (`mem::replace(&mut
//! self.st, ..)`, `mem::take(..)`, `slot.take()`, `v.pop()`), matched by a
//! `match` one of whose arms moves parts out and awaits, beside an arm
//! that takes the value whole (`other => other`, `s @ St::Backoff(..) =>
//! s`, a guarded first arm beside `s => s`). This is the state-machine
//! idiom the README recommends: `let current = mem::replace(&mut self.st,
//! St::Idle); self.st = match current { .. };`. The value is what the
//! place held, not a borrow of it, so it is kept with a drop flag, not in
//! place. Each is compared with its twin, checked to be no larger and, where
//! the twin is, `Send`.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

#[derive(Debug, Default)]
pub enum St {
    #[default]
    Idle,
    Open(Probe, usize),
    Backoff(Probe),
}

#[derive(Debug)]
pub struct Conn {
    st: St,
}

/// The states every fn below is tried on.
fn states() -> [fn() -> St; 3] {
    [
        || St::Idle,
        || St::Open(Probe::new("sock"), 1),
        || St::Backoff(Probe::new("backoff")),
    ]
}

/// Runs a method on a connection in `st`, giving its output and what it
/// left in `self.st`.
macro_rules! run {
    ($st:expr, $method:ident) => {
        async move {
            let mut conn = Conn { st: $st };
            let n = conn.$method().await;
            (n, format!("{:?}", conn.st))
        }
    };
}

impl Conn {
    #[desugar]
    async fn replace_then_catch_all(&mut self) -> u32 {
        let current = std::mem::replace(&mut self.st, St::Idle);
        self.st = match current {
            St::Open(sock, sent) => {
                let n = tick(1).await;
                St::Open(sock, sent + n)
            }
            other => other,
        };
        1
    }

    #[desugar]
    async fn take_then_catch_all(&mut self) -> u32 {
        let current = std::mem::take(&mut self.st);
        self.st = match current {
            St::Open(sock, sent) => {
                let n = tick(1).await;
                St::Open(sock, sent + n)
            }
            other => other,
        };
        2
    }

    #[desugar]
    async fn typed_and_rebound(&mut self) -> u32 {
        let current: St = std::mem::replace(&mut self.st, St::Idle);
        let current = current;
        let next = match current {
            St::Open(sock, sent) => {
                let n = tick(1).await;
                St::Open(sock, sent + n)
            }
            s @ St::Backoff(..) => s,
            other => other,
        };
        self.st = next;
        3
    }

    #[desugar]
    async fn arms_assign(&mut self) -> u32 {
        let current = std::mem::replace(&mut self.st, St::Idle);
        match current {
            St::Open(sock, sent) if sent > 0 => {
                let n = tick(1).await;
                self.st = St::Open(sock, sent + n);
            }
            s => self.st = s,
        }
        4
    }

    #[desugar]
    async fn backoff_awaits(&mut self) -> u32 {
        let current = std::mem::replace(&mut self.st, St::Idle);
        self.st = match current {
            St::Backoff(timer) => {
                tick(()).await;
                drop(timer);
                St::Idle
            }
            s @ St::Open(..) => s,
            St::Idle => St::Idle,
        };
        5
    }
}

#[test]
fn replaced_state_matched_with_a_catch_all() {
    for make in states() {
        same_and_no_larger(
            || run!(make(), replace_then_catch_all),
            || run!(make(), replace_then_catch_all_rustc),
        );
        same_and_no_larger(
            || run!(make(), take_then_catch_all),
            || run!(make(), take_then_catch_all_rustc),
        );
        same_and_no_larger(
            || run!(make(), typed_and_rebound),
            || run!(make(), typed_and_rebound_rustc),
        );
        same_and_no_larger(
            || run!(make(), arms_assign),
            || run!(make(), arms_assign_rustc),
        );
        same_and_no_larger(
            || run!(make(), backoff_awaits),
            || run!(make(), backoff_awaits_rustc),
        );
        let mut a = Conn { st: make() };
        let mut b = Conn { st: make() };
        both_send(
            &a.replace_then_catch_all(),
            &b.replace_then_catch_all_rustc(),
        );
        both_send(&a.typed_and_rebound(), &b.typed_and_rebound_rustc());
        both_send(&a.arms_assign(), &b.arms_assign_rustc());
    }
}

#[desugar]
async fn take_slot(slot: &mut Option<Probe>) -> u32 {
    match slot.take() {
        Some(p) => {
            tick(()).await;
            p.touch();
            1
        }
        other => {
            *slot = other;
            3
        }
    }
}

#[desugar]
async fn pop_last(v: &mut Vec<Probe>) -> usize {
    match v.pop() {
        Some(p) => {
            let n = tick(v.len()).await;
            p.touch();
            n
        }
        other => {
            drop(other);
            0
        }
    }
}

#[desugar]
async fn pop_front_kept(q: &mut std::collections::VecDeque<St>) -> u32 {
    let front = q.pop_front();
    match front {
        Some(St::Open(sock, sent)) => {
            let n = tick(sent).await;
            sock.touch();
            n as u32
        }
        other => {
            if let Some(s) = other {
                q.push_back(s);
            }
            0
        }
    }
}

/// A `&mut` whose referent holds `&mut`s: what `pop` gives holds one, and
/// is kept as before (given bare to an awaited call, and used after).
#[desugar]
async fn pop_a_mut(v: &mut Vec<&mut u32>) -> u32 {
    let Some(last) = v.pop() else {
        return 0;
    };
    bump(last).await;
    *last += 1;
    *last
}

async fn bump(n: &mut u32) {
    tick(()).await;
    *n += 10;
}

#[test]
fn popped_and_taken_values_matched_with_a_catch_all() {
    for with in [false, true] {
        let slot = || with.then(|| Probe::new("slot"));
        same_and_no_larger(
            || async move {
                let mut s = slot();
                (take_slot(&mut s).await, s.is_some())
            },
            || async move {
                let mut s = slot();
                (take_slot_rustc(&mut s).await, s.is_some())
            },
        );
        let list = || {
            (0..usize::from(with) * 2)
                .map(|i| Probe::new(format!("p{i}")))
                .collect::<Vec<_>>()
        };
        same_and_no_larger(
            || async move { pop_last(&mut list()).await },
            || async move { pop_last_rustc(&mut list()).await },
        );
    }
    for make in states() {
        let queue = || std::collections::VecDeque::from([make(), St::Idle]);
        same_and_no_larger(
            || async move {
                let mut q = queue();
                let n = pop_front_kept(&mut q).await;
                (n, format!("{q:?}"))
            },
            || async move {
                let mut q = queue();
                let n = pop_front_kept_rustc(&mut q).await;
                (n, format!("{q:?}"))
            },
        );
    }
    let mut s = None;
    let mut t = None;
    both_send(&take_slot(&mut s), &take_slot_rustc(&mut t));
    same_and_no_larger(
        || async { pop_a_mut(&mut vec![&mut 1]).await },
        || async { pop_a_mut_rustc(&mut vec![&mut 1]).await },
    );
}
