//! Patterns that take a value apart beside a pattern that leaves part of it,
//! in shapes two dogfood runs (dogM1, dogM5) found that the plain `async
//! fn` builds and the machine did not, each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.
//!
//! - An arm that binds only a `Copy` part beside a `..` (`Job { id: n @
//!   0..=9, .. }`, `Job { id: n, .. } if n < 10`) and awaits, beside an arm
//!   that takes the local whole (`other => ..`): the local was kept in
//!   place for the `..` arm, whose bindings may borrow through a `&mut` the
//!   value holds, where the other arm could not move it out (E0507 "cannot
//!   move out of a shared reference" at the scrutinee). An arm taking the
//!   value whole rules out keeping it in place, and it is kept by value, as
//!   rustc keeps it.
//! - A `match`, `if let` or `while let` on the value a `?` gives (`match
//!   pair().await? { (Some(p), _) => { x.await; .. } .. }`): its skipped
//!   parts were not bound apart as those of a call's value are, and the
//!   value was kept in place, where the pattern could not move `p` out
//!   (E0507 at the `?`, "consider borrowing here: `.await&?`").

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug)]
pub struct Job {
    pub id: u32,
    pub lease: Probe,
}

fn job(id: u32) -> Job {
    Job {
        id,
        lease: Probe::new("lease"),
    }
}

fn tick() -> LeafFuture<()> {
    Leaf::new("tick").pending(1).ready(())
}

fn forward(j: Job) -> u32 {
    j.lease.touch();
    j.id + 100
}

#[desugar]
async fn copy_at_range(j: Job) -> u32 {
    match j {
        Job { id: n @ 0..=9, .. } => {
            tick().await;
            n
        }
        other => forward(other),
    }
}

#[desugar]
async fn copy_at_range_skipped(j: Job) -> u32 {
    match j {
        Job {
            id: n @ 0..=9,
            lease: _,
        } => {
            tick().await;
            n
        }
        other => forward(other),
    }
}

#[desugar]
async fn copy_beside_rest(j: Job) -> u32 {
    match j {
        Job { id: n, .. } if n < 10 => {
            tick().await;
            n
        }
        other => forward(other),
    }
}

/// The local made in the body, the arm taking it whole awaiting too, and
/// an await after the `match`.
#[desugar]
async fn copy_beside_rest_made(id: u32) -> u32 {
    let j = Leaf::new("pop").pending(1).ready(job(id)).await;
    let n = match j {
        Job { id: n, .. } if n < 10 => {
            tick().await;
            n
        }
        other => {
            tick().await;
            forward(other)
        }
    };
    tick().await;
    n + 1
}

pub struct Queue {
    jobs: Vec<Job>,
}

impl Queue {
    fn pop(&mut self) -> LeafFuture<Option<Job>> {
        let next = if self.jobs.is_empty() {
            None
        } else {
            Some(self.jobs.remove(0))
        };
        Leaf::new("pop").pending(1).ready(next)
    }
}

async fn nack(j: Job) -> u32 {
    tick().await;
    forward(j)
}

/// The worker loop the shape was found in.
#[desugar]
async fn worker(mut q: Queue) -> u32 {
    let mut total = 0;
    while let Some(j) = q.pop().await {
        total += match j {
            Job { id: w @ 1..=9, .. } => {
                tick().await;
                w
            }
            other => nack(other).await,
        };
    }
    total
}

fn queue() -> Queue {
    Queue {
        jobs: vec![job(3), job(0), job(12)],
    }
}

#[test]
fn copy_parts_beside_an_arm_taking_the_value_whole() {
    same_and_no_larger(|| worker(queue()), || worker_rustc(queue()));
    both_send(&worker(queue()), &worker_rustc(queue()));
    for id in [0, 10] {
        same_and_no_larger(|| copy_at_range(job(id)), || copy_at_range_rustc(job(id)));
        same_and_no_larger(
            || copy_at_range_skipped(job(id)),
            || copy_at_range_skipped_rustc(job(id)),
        );
        same_and_no_larger(
            || copy_beside_rest(job(id)),
            || copy_beside_rest_rustc(job(id)),
        );
        same_and_no_larger(
            || copy_beside_rest_made(id),
            || copy_beside_rest_made_rustc(id),
        );
    }
    both_send(&copy_at_range(job(1)), &copy_at_range_rustc(job(1)));
    both_send(
        &copy_at_range_skipped(job(1)),
        &copy_at_range_skipped_rustc(job(1)),
    );
    both_send(&copy_beside_rest(job(1)), &copy_beside_rest_rustc(job(1)));
    both_send(&copy_beside_rest_made(1), &copy_beside_rest_made_rustc(1));
}

type Pair = (Option<Probe>, Probe);

fn pair(fail: bool) -> LeafFuture<Result<Pair, String>> {
    Leaf::new("pair").pending(1).ready(pair_now(fail))
}

fn pair_now(fail: bool) -> Result<Pair, String> {
    if fail {
        Err("closed".into())
    } else {
        Ok((Some(Probe::new("first")), Probe::new("second")))
    }
}

#[desugar]
async fn match_awaited_then_tried(fail: bool) -> Result<u32, String> {
    match pair(fail).await? {
        (Some(p), _) => {
            tick().await;
            p.touch();
            Ok(1)
        }
        (None, _q) => Ok(2),
    }
}

#[desugar]
async fn if_let_tried(fail: bool) -> Result<u32, String> {
    if let (Some(p), _) = pair_now(fail)? {
        tick().await;
        p.touch();
        return Ok(1);
    }
    Ok(2)
}

/// In a `let`'s value, with an `else` of its own that awaits.
#[desugar]
async fn if_let_tried_else(fail: bool) -> Result<u32, String> {
    let n = if let (Some(p), _) = pair(fail).await? {
        tick().await;
        p.touch();
        1
    } else {
        tick().await;
        2
    };
    Ok(n)
}

pub struct Src {
    left: Vec<Result<(Probe, Probe), String>>,
}

impl Src {
    fn next(&mut self) -> LeafFuture<Result<Option<(Probe, Probe)>, String>> {
        let v = if self.left.is_empty() {
            Ok(None)
        } else {
            self.left.remove(0).map(Some)
        };
        Leaf::new("next").pending(1).ready(v)
    }
}

fn src(fail: bool) -> Src {
    Src {
        left: vec![
            Ok((Probe::new("x0"), Probe::new("y0"))),
            if fail {
                Err("closed".into())
            } else {
                Ok((Probe::new("x1"), Probe::new("y1")))
            },
        ],
    }
}

#[desugar]
async fn while_let_tried(mut src: Src) -> Result<u32, String> {
    let mut n = 0;
    while let Some((p, _)) = src.next().await? {
        tick().await;
        p.touch();
        n += 1;
    }
    Ok(n)
}

#[test]
fn parts_skipped_of_a_value_a_question_mark_gives() {
    for fail in [false, true] {
        same_and_no_larger(
            || match_awaited_then_tried(fail),
            || match_awaited_then_tried_rustc(fail),
        );
        same_and_no_larger(|| if_let_tried(fail), || if_let_tried_rustc(fail));
        same_and_no_larger(|| if_let_tried_else(fail), || if_let_tried_else_rustc(fail));
        same_and_no_larger(
            || while_let_tried(src(fail)),
            || while_let_tried_rustc(src(fail)),
        );
    }
    both_send(
        &match_awaited_then_tried(false),
        &match_awaited_then_tried_rustc(false),
    );
    both_send(&if_let_tried(false), &if_let_tried_rustc(false));
    both_send(&if_let_tried_else(false), &if_let_tried_else_rustc(false));
    both_send(
        &while_let_tried(src(false)),
        &while_let_tried_rustc(src(false)),
    );
}

pub enum Session {
    Authed { name: String, token: Probe },
    Closed,
}

fn session() -> Session {
    Session::Authed {
        name: "ann".into(),
        token: Probe::new("token"),
    }
}

/// A `match` on a tuple holding a `&mut`, one arm binding through it
/// beside a `..` and awaiting, another skipping the `&mut` with `_`: the
/// tuple is kept in place, and the `_` left as written (it moved the
/// `&mut` out of the place, E0507 naming `__part1`).
#[desugar]
async fn step(verb: &str, s: &mut Session) -> usize {
    match (verb, s) {
        ("say", Session::Authed { name, .. }) => {
            tick().await;
            name.push('!');
            name.len()
        }
        (v, _) => v.len(),
    }
}

pub enum State {
    Open { sock: Probe, sent: u32 },
    Idle,
}

pub enum Ev {
    Send(String),
    Close,
}

/// An actor's `match (&mut self.state, event)`: a part moved out of the
/// event beside a `..` that awaits stops the build, saying to name what
/// the `..` skips (`tests/ui/moved_beside_kept_rest.rs`); named, it builds.
pub struct Actor {
    state: State,
}

impl Actor {
    #[desugar]
    async fn on_event(&mut self, ev: Ev) -> usize {
        match (&mut self.state, ev) {
            (State::Open { sock, sent: _ }, Ev::Close) => {
                tick().await;
                sock.touch();
                0
            }
            (_, Ev::Send(msg)) => msg.len(),
            _ => 1,
        }
    }

    #[desugar]
    async fn skip(&mut self, verb: &str) -> usize {
        match (verb, &mut self.state) {
            ("tick", State::Open { sent, .. }) => {
                tick().await;
                *sent += 1;
                0
            }
            (v, _) => v.len(),
        }
    }
}

fn actor() -> Actor {
    Actor {
        state: State::Open {
            sock: Probe::new("sock"),
            sent: 0,
        },
    }
}

#[test]
fn parts_beside_a_rest_bound_through_a_reference() {
    for verb in ["say", "hi"] {
        same_and_no_larger(
            || async move {
                let mut s = session();
                step(verb, &mut s).await
            },
            || async move {
                let mut s = session();
                step_rustc(verb, &mut s).await
            },
        );
    }
    // The same, but larger than rustc's by a word (its `Suspend0` holds
    // the tuple in place, `sent` and `self`, 120 bytes, and a tag beside
    // them, where rustc's layout fits in 120; README, "Other shapes where
    // the machine is larger"): no larger than that.
    for verb in ["tick", "other"] {
        let report = desugar::harness::assert_same(
            || async move { actor().skip(verb).await },
            || async move { actor().skip_rustc(verb).await },
        );
        let word = std::mem::size_of::<usize>();
        assert!(report.left_size <= report.right_size + word, "{report}");
    }
    for close in [true, false] {
        let ev = move || {
            if close {
                Ev::Close
            } else {
                Ev::Send("hi".into())
            }
        };
        same_and_no_larger(
            || async move { actor().on_event(ev()).await },
            || async move { actor().on_event_rustc(ev()).await },
        );
    }
    let (mut s, mut a) = (session(), actor());
    both_send(&step("say", &mut s), &step_rustc("say", &mut session()));
    both_send(&a.skip("tick"), &actor().skip_rustc("tick"));
    drop((s, a));
    both_send(
        &actor().on_event(Ev::Close),
        &actor().on_event_rustc(Ev::Close),
    );
    let _ = (Session::Closed, State::Idle);
}
