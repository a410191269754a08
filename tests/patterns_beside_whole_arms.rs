//! Pattern shapes of valid, common code that the plain `async fn` builds
//! and the machine did not (bare rustc errors at `#[desugar]` or at the
//! scrutinee), found by dogfood runs (dogM1, dogM5, dogM7), each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

// An actor: a `match` on a tuple of a `&mut` to its state and an event,
// one arm taking the state apart with `..` and awaiting, beside an arm
// taking the tuple whole (`other => 99`). Was E0505 at `#[desugar]`.
#[derive(Debug)]
pub enum State {
    Idle,
    Open { sock: Probe, sent: u32 },
    Closed,
}

#[derive(Debug)]
pub enum Ev {
    Data(u32),
    Close(Probe),
}

pub struct Actor {
    pub state: State,
}

impl Actor {
    #[desugar]
    async fn on(&mut self, ev: Ev) -> u32 {
        match (&mut self.state, ev) {
            (State::Open { sent, .. }, Ev::Data(n)) => {
                *sent += tick(n).await;
                *sent
            }
            _other => 99,
        }
    }

    /// The same, the other arm taking the tuple `mut` and awaiting with it.
    #[desugar]
    async fn relay(&mut self, ev: Ev) -> u32 {
        match (&mut self.state, ev) {
            (State::Open { sent, .. }, Ev::Data(n)) => {
                *sent += tick(n).await;
                *sent
            }
            mut other => {
                other.1 = Ev::Data(3);
                let (_, ev) = tick(other).await;
                match ev {
                    Ev::Data(n) => n,
                    Ev::Close(_) => 0,
                }
            }
        }
    }
}

/// A `&mut` parameter matched beside an arm taking it whole.
#[desugar]
async fn bump(st: &mut State, by: u32) -> u32 {
    match st {
        State::Open { sent, .. } => {
            *sent += tick(by).await;
            *sent
        }
        other => {
            *other = State::Closed;
            0
        }
    }
}

fn actor(kind: u32) -> Actor {
    let state = match kind {
        0 => State::Open {
            sock: Probe::new("sock"),
            sent: 1,
        },
        1 => State::Idle,
        _ => State::Closed,
    };
    Actor { state }
}

fn event(kind: u32) -> Ev {
    match kind {
        0 => Ev::Data(4),
        _ => Ev::Close(Probe::new("close")),
    }
}

#[test]
fn actor_other_arm() {
    for st in 0..3 {
        for ev in 0..2 {
            same_and_no_larger(
                || async move { actor(st).on(event(ev)).await },
                || async move { actor(st).on_rustc(event(ev)).await },
            );
        }
    }
    for st in 0..3 {
        for ev in 0..2 {
            same_and_no_larger(
                || async move { actor(st).relay(event(ev)).await },
                || async move { actor(st).relay_rustc(event(ev)).await },
            );
        }
        same_and_no_larger(
            || async move { bump(&mut actor(st).state, 2).await },
            || async move { bump_rustc(&mut actor(st).state, 2).await },
        );
    }
    let (mut a, mut b) = (actor(0), actor(0));
    both_send(&a.on(event(0)), &b.on_rustc(event(0)));
    both_send(&a.relay(event(0)), &b.relay_rustc(event(0)));
    let (mut s, mut t) = (State::Idle, State::Idle);
    both_send(&bump(&mut s, 1), &bump_rustc(&mut t, 1));
}

// A `match` on an awaited `Result` whose error is a struct with parts to
// drop: one arm takes the error apart by value and awaits, the fallback
// copies a part past a `..` (`Err(HttpError { code, .. }) => Err(code)`),
// as HTTP clients' callers write it. Was E0507 at the scrutinee.
#[derive(Debug, PartialEq)]
pub struct HttpError {
    code: u32,
    body: Probe,
    conn: Probe,
}

fn http(code: u32) -> LeafFuture<Result<String, HttpError>> {
    Leaf::new("http").pending(1).ready(if code == 200 {
        Ok("ok".into())
    } else {
        Err(HttpError {
            code,
            body: Probe::new("body"),
            conn: Probe::new("conn"),
        })
    })
}

#[desugar]
async fn fallback_rest(code: u32) -> Result<String, u32> {
    match http(code).await {
        Ok(s) => Ok(s),
        Err(HttpError {
            code: 404,
            body,
            conn,
        }) => {
            tick(()).await;
            body.touch();
            conn.touch();
            Err(404)
        }
        Err(HttpError { code, .. }) => Err(code),
    }
}

/// The same, the fallback awaiting with the part it copied, the error
/// kept whole across that await and dropped at the end of the `match`.
#[desugar]
async fn fallback_awaits(code: u32) -> Result<String, u32> {
    match http(code).await {
        Ok(s) => Ok(s),
        Err(HttpError {
            code: 404,
            body,
            conn,
        }) => {
            tick(()).await;
            body.touch();
            conn.touch();
            Err(404)
        }
        Err(HttpError { code, .. }) => Err(tick(code).await),
    }
}

#[test]
fn rest_arm_beside_an_arm_taking_every_part() {
    for code in [200, 404, 500] {
        same_and_no_larger(|| fallback_rest(code), || fallback_rest_rustc(code));
        same_and_no_larger(|| fallback_awaits(code), || fallback_awaits_rustc(code));
    }
    both_send(&fallback_rest(404), &fallback_rest_rustc(404));
    both_send(&fallback_awaits(404), &fallback_awaits_rustc(404));
}

// A `match` on a local, one arm binding it by `ref` and not awaiting,
// another moving parts out and awaiting: a compile error at the moved
// part (`tests/ui/ref_arm_beside_moving_awaiting_arm.rs`) saying to bind
// the whole value with a guard, which builds and matches the twin.
#[derive(Debug)]
pub struct Job {
    pub id: u32,
    pub to: String,
    pub lease: Probe,
}

fn send(to: &str) -> LeafFuture<usize> {
    Leaf::new("send").pending(1).ready(to.len())
}

#[desugar]
async fn route(j: Job) -> usize {
    match j {
        fresh if fresh.id == 0 => fresh.to.len(),
        Job {
            to,
            id: _,
            lease: _l,
        } => send(&to).await,
    }
}

#[test]
fn guarded_whole_arm_beside_a_moving_awaiting_arm() {
    for id in [0, 1] {
        let j = move || Job {
            id,
            to: "ann".into(),
            lease: Probe::new("lease"),
        };
        same_and_no_larger(|| route(j()), || route_rustc(j()));
    }
    let j = || Job {
        id: 1,
        to: "bo".into(),
        lease: Probe::new("lease"),
    };
    both_send(&route(j()), &route_rustc(j()));
}
