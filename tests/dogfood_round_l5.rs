//! Shapes a dogfood hunt found (dogL5) that did not build where the plain
//! async fn does, each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - A local read by a method in an awaited call's arguments
//!   (`ready(v.as_f64().is_some()).await`), which syntax cannot tell does
//!   not hand the awaited future a borrow of it, so the machine keeps it in
//!   place, then matched by patterns that take all of it (`match v {
//!   Json::Null => None, other => Some(other) }`, or `other =>` alone):
//!   E0507, "cannot move out of `*v`", where the arms read the home through
//!   a reference. The await is over by then and nothing borrows `v`: the
//!   match takes it out of its home, as `let w = v;` does. Where an arm
//!   is a path (`Lease::Free =>`) of a type with a `Drop` impl, which
//!   leaves the value in the local, the build stops at the path
//!   (`tests/ui/path_arm_of_drop_type_beside_taking_arms.rs`); what its
//!   message says to write builds.
//! - A local taken apart by a pattern that skips parts with `_` (`let
//!   Response { body, status: _, headers: _ } = resp;`), its name bound
//!   again after the await (`let resp = body.len();`, the actor's `let msg
//!   = match msg { Msg::Job { id, payload, guard: _ } => (id, payload), _
//!   => return 0 };`): the skipped parts are bound apart only where the
//!   local is named nowhere after the pattern, and the uses of the new
//!   local counted as uses of the old one, which was then kept, partly
//!   moved (E0507). After a `let` of the same block binds the name again,
//!   its uses are the new local's.

// The shapes under test, as the hunt found them.
#![allow(clippy::match_single_binding, clippy::let_and_return)]

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Num(f64),
    Str(String),
}

impl Json {
    fn as_f64(&self) -> Option<f64> {
        if let Json::Num(n) = self {
            Some(*n)
        } else {
            None
        }
    }
}

fn tick<T>(value: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(value)
}

#[desugar]
async fn route(v: Json) -> Option<Json> {
    Leaf::new("n").pending(1).ready(v.as_f64().is_some()).await;
    match v {
        Json::Null => None,
        other => Some(other),
    }
}

#[desugar]
async fn whole(v: Json) -> Option<Json> {
    Leaf::new("n").pending(1).ready(v.as_f64().is_some()).await;
    match v {
        other => Some(other),
    }
}

#[test]
fn matched_whole_after_a_method_in_an_await() {
    for v in [Json::Null, Json::Num(2.0), Json::Str("a".into())] {
        same_and_no_larger(|| route(v.clone()), || route_rustc(v.clone()));
        same_and_no_larger(|| whole(v.clone()), || whole_rustc(v.clone()));
    }
    both_send(&route(Json::Null), &route_rustc(Json::Null));
    both_send(&whole(Json::Null), &whole_rustc(Json::Null));
}

/// A message with something to drop, to see where the machine drops it.
#[derive(Debug, PartialEq)]
pub enum Msg {
    Empty,
    Data(Probe),
}

impl Msg {
    fn peek(&self) -> bool {
        matches!(self, Msg::Data(_))
    }
}

/// Matched in a statement, beside a local declared after it: the taken
/// value drops with the arm's binding, where rustc drops it; the local
/// after it drops first, then the parameter's value, where no arm took it.
#[derive(Debug, PartialEq)]
pub struct Kept(Probe);

#[desugar]
async fn forwarded(v: Msg, p: Probe) -> Option<Kept> {
    tick(v.peek()).await;
    let q = Probe::new("q");
    let kept = match v {
        Msg::Empty => None,
        Msg::Data(probe) => Some(Kept(probe)),
    };
    tick(()).await;
    q.touch();
    p.touch();
    kept
}

/// Arms that await, one keeping the binding across its await.
#[desugar]
async fn awaited_in_arms(v: Msg, p: Probe) -> u32 {
    tick(v.peek()).await;
    let n = match v {
        Msg::Empty => tick(1).await,
        other => {
            let n = tick(2).await;
            drop(other);
            n
        }
    };
    p.touch();
    n
}

/// An `if let` that takes it (what fails is `None`, nothing to drop).
#[desugar]
async fn if_let(v: Option<Probe>, p: Probe) -> u32 {
    tick(v.is_some()).await;
    if let Some(probe) = v {
        tick(()).await;
        probe.touch();
    }
    p.touch();
    3
}

#[test]
fn taken_out_of_the_home_where_rustc_moves_it() {
    let data = || Msg::Data(Probe::new("data"));
    same_and_no_larger(
        || forwarded(data(), Probe::new("p")),
        || forwarded_rustc(data(), Probe::new("p")),
    );
    same_and_no_larger(
        || forwarded(Msg::Empty, Probe::new("p")),
        || forwarded_rustc(Msg::Empty, Probe::new("p")),
    );
    same_and_no_larger(
        || awaited_in_arms(data(), Probe::new("p")),
        || awaited_in_arms_rustc(data(), Probe::new("p")),
    );
    same_and_no_larger(
        || awaited_in_arms(Msg::Empty, Probe::new("p")),
        || awaited_in_arms_rustc(Msg::Empty, Probe::new("p")),
    );
    for v in [None, Some(()), Some(())] {
        let v = || v.map(|()| Probe::new("v"));
        same_and_no_larger(
            || if_let(v(), Probe::new("p")),
            || if_let_rustc(v(), Probe::new("p")),
        );
    }
    both_send(
        &forwarded(data(), Probe::new("p")),
        &forwarded_rustc(data(), Probe::new("p")),
    );
    both_send(
        &awaited_in_arms(data(), Probe::new("p")),
        &awaited_in_arms_rustc(data(), Probe::new("p")),
    );
    both_send(
        &if_let(None, Probe::new("p")),
        &if_let_rustc(None, Probe::new("p")),
    );
}

/// A type with a `Drop` impl whose unit variant a path matches: the
/// match that tests it first and matches the rest where it does not hold,
/// as the message of `tests/ui/path_arm_of_drop_type_beside_taking_arms.rs`
/// says to write, leaves it in the local as rustc does.
pub enum Lease {
    Free,
    Held(Probe),
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Lease::Free = self {
            Probe::new("free").touch();
        }
    }
}

impl Lease {
    fn peek(&self) -> bool {
        matches!(self, Lease::Held(_))
    }
}

#[desugar]
async fn leased(v: Lease, p: Probe) -> u32 {
    tick(v.peek()).await;
    let q = Probe::new("q");
    let n = if matches!(v, Lease::Free) {
        1
    } else {
        match v {
            other => {
                drop(other);
                2
            }
        }
    };
    tick(()).await;
    q.touch();
    p.touch();
    n
}

#[test]
fn a_path_of_a_drop_type_tested_first() {
    let held = || Lease::Held(Probe::new("held"));
    for free in [true, false] {
        let v = || if free { Lease::Free } else { held() };
        same_and_no_larger(
            || leased(v(), Probe::new("p")),
            || leased_rustc(v(), Probe::new("p")),
        );
    }
    both_send(
        &leased(Lease::Free, Probe::new("p")),
        &leased_rustc(Lease::Free, Probe::new("p")),
    );
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

fn response() -> Response {
    Response {
        status: 200,
        headers: vec![("a".into(), "b".into())],
        body: b"hello".to_vec(),
    }
}

#[desugar]
async fn body_len(resp: Response) -> usize {
    let Response {
        body,
        status: _,
        headers: _,
    } = resp;
    Leaf::new("t").pending(1).ready(()).await;
    let resp = body.len();
    resp
}

#[derive(Debug)]
pub enum Msg2 {
    Job {
        id: u32,
        payload: Vec<u8>,
        guard: Probe,
    },
    Ping(Probe),
}

/// The actor idiom: the message shadowed by what the handler takes of it.
#[desugar]
async fn handle(msg: Msg2, p: Probe) -> usize {
    let msg = match msg {
        Msg2::Job {
            id,
            payload,
            guard: _,
        } => (id, payload),
        _ => return 0,
    };
    let n = tick(msg.1.len()).await;
    p.touch();
    n + msg.0 as usize
}

/// Shadowed by a `let` whose value is a block, with an await after it.
#[desugar]
async fn reread(resp: Response, p: Probe) -> usize {
    let Response {
        body,
        status: _,
        headers: _,
    } = resp;
    tick(()).await;
    let resp = {
        let n = body.len();
        n + 1
    };
    p.touch();
    tick(()).await;
    resp
}

#[test]
fn a_name_bound_again_after_its_parts_are_taken() {
    same_and_no_larger(|| body_len(response()), || body_len_rustc(response()));
    let job = || Msg2::Job {
        id: 1,
        payload: vec![1],
        guard: Probe::new("guard"),
    };
    same_and_no_larger(
        || handle(job(), Probe::new("p")),
        || handle_rustc(job(), Probe::new("p")),
    );
    same_and_no_larger(
        || handle(Msg2::Ping(Probe::new("ping")), Probe::new("p")),
        || handle_rustc(Msg2::Ping(Probe::new("ping")), Probe::new("p")),
    );
    same_and_no_larger(
        || reread(response(), Probe::new("p")),
        || reread_rustc(response(), Probe::new("p")),
    );
    both_send(&body_len(response()), &body_len_rustc(response()));
    both_send(
        &handle(job(), Probe::new("p")),
        &handle_rustc(job(), Probe::new("p")),
    );
}
