//! Shapes of valid code that took apart, with a pattern skipping parts, a
//! value the machine keeps in place across an await, and did not build
//! (bare rustc errors in the expansion), each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

// 1. An encoder's `finish(mut self)`: `self` kept in place across the
// await whose future borrows it, then taken apart by a pattern that skips
// fields (`let Enc { sink, .. } = self;`). Was E0507 in the expansion.
#[derive(Debug)]
pub struct Enc {
    sink: Vec<u32>,
    count: u32,
    p: Probe,
    q: Probe,
}

fn enc() -> Enc {
    Enc {
        sink: vec![1],
        count: 2,
        p: Probe::new("p"),
        q: Probe::new("q"),
    }
}

impl Enc {
    async fn flush(&mut self) -> usize {
        tick(()).await;
        self.sink.push(9);
        self.count += 1;
        self.sink.len()
    }

    #[desugar]
    async fn finish(mut self) -> Vec<u32> {
        self.flush().await;
        let Enc { sink, .. } = self;
        sink
    }

    /// A parameter after `self`, a local before the pattern and one after
    /// it: what is left of `self` drops after all of them, as rustc drops
    /// a parameter.
    #[desugar]
    async fn finish_later(mut self, tail: Probe) -> (Vec<u32>, u32) {
        let early = Probe::new("early");
        let n = self.flush().await;
        let Enc { mut sink, p, .. } = self;
        let late = Probe::new("late");
        sink.push(n as u32);
        early.touch();
        late.touch();
        tail.touch();
        drop(p);
        (sink, n as u32)
    }

    /// A `Copy` part bound beside the moved one, a part skipped with `_`
    /// and the rest with `..`, in a block of its own.
    #[desugar]
    async fn finish_counted(mut self) -> (u32, Vec<u32>) {
        self.flush().await;
        let (count, sink) = {
            let Enc {
                sink, count, q: _, ..
            } = self;
            (count, sink)
        };
        (count + 1, sink)
    }

    /// Every part skipped with `_`, and in a `match`.
    #[desugar]
    async fn finish_named(mut self) -> Vec<u32> {
        self.flush().await;
        let Enc {
            sink,
            count: _,
            p: _,
            q: _,
        } = self;
        sink
    }

    #[desugar]
    async fn finish_matched(mut self, keep: bool) -> Vec<u32> {
        self.flush().await;
        match self {
            Enc { sink, count: 3, .. } if keep => sink,
            Enc { p, q, .. } => {
                p.touch();
                q.touch();
                vec![]
            }
        }
    }
}

/// A local kept in place (an awaited future borrows it), taken apart the
/// same way.
#[desugar]
async fn local_taken_apart(first: Probe) -> Vec<u32> {
    let mut e = enc();
    let other = Probe::new("other");
    e.flush().await;
    first.touch();
    let Enc { sink, .. } = e;
    other.touch();
    sink
}

#[test]
fn self_taken_apart_past_a_rest() {
    same_and_no_larger(|| enc().finish(), || enc().finish_rustc());
    same_and_no_larger(
        || enc().finish_later(Probe::new("tail")),
        || enc().finish_later_rustc(Probe::new("tail")),
    );
    same_and_no_larger(|| enc().finish_counted(), || enc().finish_counted_rustc());
    same_and_no_larger(|| enc().finish_named(), || enc().finish_named_rustc());
    for keep in [true, false] {
        same_and_no_larger(
            || enc().finish_matched(keep),
            || enc().finish_matched_rustc(keep),
        );
    }
    same_and_no_larger(
        || local_taken_apart(Probe::new("first")),
        || local_taken_apart_rustc(Probe::new("first")),
    );
    both_send(&enc().finish(), &enc().finish_rustc());
    both_send(
        &enc().finish_later(Probe::new("t")),
        &enc().finish_later_rustc(Probe::new("t")),
    );
    both_send(&enc().finish_counted(), &enc().finish_counted_rustc());
    both_send(&enc().finish_named(), &enc().finish_named_rustc());
    both_send(
        &enc().finish_matched(true),
        &enc().finish_matched_rustc(true),
    );
    both_send(
        &local_taken_apart(Probe::new("f")),
        &local_taken_apart_rustc(Probe::new("f")),
    );
}

// 2. An actor: a `match` on a tuple of its state and a command, an arm
// with a `..` that awaits beside an arm whose state part is a path
// (`(St::Idle, Cmd::Start(j)) => j`).
#[derive(Debug)]
pub enum St {
    Idle,
    Busy { job: u32, lease: Probe },
}

#[derive(Debug)]
pub enum Cmd {
    Start(u32),
    Poll,
    Stop(Probe),
}

/// With `_ =>` last. Was E0505.
#[desugar]
async fn on_cmd(st: &mut St, cmd: Cmd) -> u32 {
    match (st, cmd) {
        (St::Busy { job, .. }, Cmd::Poll) => {
            *job += tick(1).await;
            *job
        }
        (St::Idle, Cmd::Start(j)) => j,
        _ => 0,
    }
}

/// With `other =>` last. Was E0507 naming `__part1`.
#[desugar]
async fn on_cmd_other(st: &mut St, cmd: Cmd) -> u32 {
    match (st, cmd) {
        (St::Busy { job, .. }, Cmd::Poll) => {
            *job += tick(1).await;
            *job
        }
        (St::Idle, Cmd::Start(j)) => j,
        other => {
            drop(other);
            7
        }
    }
}

/// Through `&mut self`, the state a field.
pub struct Actor {
    st: St,
}

impl Actor {
    #[desugar]
    async fn on(&mut self, cmd: Cmd) -> u32 {
        match (&mut self.st, cmd) {
            (St::Busy { job, .. }, Cmd::Poll) => {
                *job += tick(1).await;
                *job
            }
            (St::Idle, Cmd::Start(j)) => j,
            _ => 0,
        }
    }
}

/// The fields named instead of `..` (the way out README gave): still
/// builds.
#[desugar]
async fn on_cmd_named(st: &mut St, cmd: Cmd) -> u32 {
    match (st, cmd) {
        (St::Busy { job, lease: _ }, Cmd::Poll) => {
            *job += tick(1).await;
            *job
        }
        (St::Idle, Cmd::Start(j)) => j,
        _ => 0,
    }
}

/// The state owned, not behind a `&mut`.
#[desugar]
async fn on_owned(st: St, cmd: Cmd) -> u32 {
    match (st, cmd) {
        (St::Busy { job, .. }, Cmd::Poll) => job + tick(1).await,
        (St::Idle, Cmd::Start(j)) => j,
        _ => 0,
    }
}

pub enum Run {
    Named(String),
    Poll,
}

/// The state owned, the path's arm moving a part that is not `Copy` out
/// of the tuple: taken by value with a drop flag as before (on an owned
/// state the path takes its element).
#[desugar]
async fn on_owned_moving(st: St, run: Run) -> usize {
    match (st, run) {
        (St::Busy { job, .. }, Run::Poll) => job as usize + tick(1).await,
        (St::Idle, Run::Named(name)) => name.len(),
        _ => 0,
    }
}

fn st(kind: u32) -> St {
    match kind {
        0 => St::Idle,
        _ => St::Busy {
            job: 5,
            lease: Probe::new("lease"),
        },
    }
}

fn cmd(kind: u32) -> Cmd {
    match kind {
        0 => Cmd::Start(3),
        1 => Cmd::Poll,
        _ => Cmd::Stop(Probe::new("stop")),
    }
}

#[test]
fn rest_arm_beside_a_path_state() {
    for s in 0..2 {
        for c in 0..3 {
            same_and_no_larger(
                || async move { on_cmd(&mut st(s), cmd(c)).await },
                || async move { on_cmd_rustc(&mut st(s), cmd(c)).await },
            );
            same_and_no_larger(
                || async move { on_cmd_other(&mut st(s), cmd(c)).await },
                || async move { on_cmd_other_rustc(&mut st(s), cmd(c)).await },
            );
            same_and_no_larger(
                || async move { on_cmd_named(&mut st(s), cmd(c)).await },
                || async move { on_cmd_named_rustc(&mut st(s), cmd(c)).await },
            );
            same_and_no_larger(
                || async move { Actor { st: st(s) }.on(cmd(c)).await },
                || async move { Actor { st: st(s) }.on_rustc(cmd(c)).await },
            );
            same_and_no_larger(|| on_owned(st(s), cmd(c)), || on_owned_rustc(st(s), cmd(c)));
        }
        let named = || Run::Named("ab".into());
        same_and_no_larger(
            || on_owned_moving(st(s), named()),
            || on_owned_moving_rustc(st(s), named()),
        );
        same_and_no_larger(
            || on_owned_moving(st(s), Run::Poll),
            || on_owned_moving_rustc(st(s), Run::Poll),
        );
    }
    let (mut a, mut b) = (st(1), st(1));
    both_send(&on_cmd(&mut a, cmd(1)), &on_cmd_rustc(&mut b, cmd(1)));
    both_send(
        &on_cmd_other(&mut a, cmd(1)),
        &on_cmd_other_rustc(&mut b, cmd(1)),
    );
    both_send(
        &on_cmd_named(&mut a, cmd(1)),
        &on_cmd_named_rustc(&mut b, cmd(1)),
    );
    let (mut x, mut y) = (Actor { st: st(1) }, Actor { st: st(1) });
    both_send(&x.on(cmd(1)), &y.on_rustc(cmd(1)));
    both_send(&on_owned(st(1), cmd(1)), &on_owned_rustc(st(1), cmd(1)));
    both_send(
        &on_owned_moving(st(1), Run::Poll),
        &on_owned_moving_rustc(st(1), Run::Poll),
    );
}
