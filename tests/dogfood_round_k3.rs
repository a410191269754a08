//! Smart pointers and interior mutability, in shapes a dogfood run found
//! that the plain `async fn` builds and the machine did not, each compared
//! with rustc's twin (`assert_same`: every cancellation point, with and
//! without extra `Pending`s), no larger, and `Send` where the twin is.
//!
//! - A method that borrows its receiver mutably (`pop`, `drain`) on a
//!   field, index or deref of a temporary, in a `match`/`if let`/`while
//!   let` scrutinee whose arms await or a `for` iterable whose body awaits
//!   (`match mk().v.pop()`, `for x in lease(&q).g.drain(..)`): the
//!   temporary was named without `mut` (E0596).
//! - A method called on a field or index of a value the statement makes (a
//!   guard: `st.borrow_mut().log.push(x.await)`, `m.lock().unwrap().map
//!   .insert(3, x.await)`, `st.borrow()[0].contains(&x.await)`), with an
//!   await in its arguments: the place was bound ahead by value, moved out
//!   of the guard (E0507), where rustc borrows it and keeps the guard to
//!   the end of the statement.
//! - The standard library's `downcast(self)` (`Box<dyn Any>`, `Rc<dyn
//!   Any>`, `Arc<dyn Any + Send + Sync>`, `Box<dyn Error + Send + Sync>`)
//!   on a local, whose result lives across an await: taken for a method
//!   that borrows, the local was kept, borrowed where the call moves it
//!   (E0507).

// The guards held across the awaits are under test.
#![allow(clippy::await_holding_refcell_ref, clippy::await_holding_lock)]

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::any::Any;
use std::cell::{RefCell, RefMut};
use std::collections::HashMap;
use std::error::Error;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

pub struct W {
    pub v: Vec<u32>,
    pub p: Probe,
}

fn mk(v: &[u32]) -> W {
    W {
        v: v.to_vec(),
        p: Probe::new("w"),
    }
}

fn grid(v: &[u32]) -> (Probe, Vec<Vec<u32>>) {
    (Probe::new("grid"), vec![v.to_vec()])
}

/// Holds a borrow of the queue until it is dropped, with a probe that
/// shows when.
pub struct Lease<'a> {
    pub g: RefMut<'a, Vec<u32>>,
    pub p: Probe,
}

fn lease(q: &RefCell<Vec<u32>>) -> Lease<'_> {
    Lease {
        g: q.borrow_mut(),
        p: Probe::new("lease"),
    }
}

fn leaf(label: &'static str, n: u32) -> desugar::harness::LeafFuture<u32> {
    Leaf::new(label).pending(1).ready(n)
}

#[desugar]
async fn match_field_pop(v: Vec<u32>) -> u32 {
    match mk(&v).v.pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn if_let_field_pop(v: Vec<u32>) -> u32 {
    if let Some(x) = mk(&v).v.pop() {
        leaf("some", x).await
    } else {
        leaf("none", 0).await
    }
}

#[desugar]
async fn match_index_pop(v: Vec<u32>) -> u32 {
    match grid(&v).1[0].pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn match_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    match lease(q).g.pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn match_deref_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    match (*lease(q).g).pop() {
        Some(x) => leaf("some", x).await,
        None => 0,
    }
}

#[desugar]
async fn while_let_guard_field_pop(q: &RefCell<Vec<u32>>) -> u32 {
    let mut total = 0;
    while let Some(x) = lease(q).g.pop() {
        total += leaf("item", x).await;
    }
    total
}

#[desugar]
async fn for_guard_field_drain(q: &RefCell<Vec<u32>>) -> u32 {
    let mut total = 0;
    for x in lease(q).g.drain(..) {
        total += leaf("item", x).await;
    }
    total + q.borrow().len() as u32
}

#[test]
fn a_mutably_borrowed_field_of_a_scrutinee_temporary() {
    for v in [vec![], vec![4], vec![1, 2, 3]] {
        same_and_no_larger(
            || match_field_pop(v.clone()),
            || match_field_pop_rustc(v.clone()),
        );
        same_and_no_larger(
            || if_let_field_pop(v.clone()),
            || if_let_field_pop_rustc(v.clone()),
        );
        same_and_no_larger(
            || match_index_pop(v.clone()),
            || match_index_pop_rustc(v.clone()),
        );
        let q = || RefCell::new(v.clone());
        same_and_no_larger(
            || async move { match_guard_field_pop(&q()).await },
            || async move { match_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { match_deref_guard_field_pop(&q()).await },
            || async move { match_deref_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { while_let_guard_field_pop(&q()).await },
            || async move { while_let_guard_field_pop_rustc(&q()).await },
        );
        same_and_no_larger(
            || async move { for_guard_field_drain(&q()).await },
            || async move { for_guard_field_drain_rustc(&q()).await },
        );
    }
    both_send(&match_field_pop(vec![1]), &match_field_pop_rustc(vec![1]));
    both_send(&match_index_pop(vec![1]), &match_index_pop_rustc(vec![1]));
    both_send(&if_let_field_pop(vec![1]), &if_let_field_pop_rustc(vec![1]));
}

fn wait() -> desugar::harness::LeafFuture<()> {
    Leaf::new("wait").pending(1).ready(())
}

#[desugar]
async fn box_downcast(v: Box<dyn Any>) -> u32 {
    let r = v.downcast::<u32>();
    wait().await;
    r.map(|n| *n).unwrap_or(0)
}

#[desugar]
async fn rc_downcast(v: Rc<dyn Any>) -> u32 {
    let r = v.downcast::<u32>();
    wait().await;
    r.map(|n| *n).unwrap_or(0)
}

#[desugar]
async fn arc_downcast(v: Arc<dyn Any + Send + Sync>) -> u32 {
    let r = v.downcast::<u32>();
    wait().await;
    r.map(|n| *n).unwrap_or(0)
}

#[desugar]
async fn error_downcast(e: Box<dyn Error + Send + Sync>) -> usize {
    let r = e.downcast::<std::fmt::Error>();
    wait().await;
    match r {
        Ok(_) => 1,
        Err(other) => other.to_string().len(),
    }
}

#[desugar]
async fn match_downcast(v: Box<dyn Any>) -> u32 {
    match v.downcast::<Probe>() {
        Ok(p) => {
            wait().await;
            p.touch();
            1
        }
        Err(_) => leaf("other", 2).await,
    }
}

#[desugar]
async fn if_let_downcast(v: Box<dyn Any + Send>) -> u32 {
    if let Ok(p) = v.downcast::<Probe>() {
        wait().await;
        p.touch();
        1
    } else {
        leaf("other", 2).await
    }
}

fn any(n: u32) -> Box<dyn Any> {
    if n > 1 {
        Box::new(n)
    } else {
        Box::new(Probe::new("any"))
    }
}

/// A value made for it: its `Err` holds it, dropped with the statement.
#[desugar]
async fn made_downcast(n: u32) -> u32 {
    leaf("made", any(n).downcast::<u32>().map_or(0, |n| *n)).await
}

#[test]
fn the_standard_downcast_moves_its_receiver() {
    let probe = || -> Box<dyn Any> { Box::new(Probe::new("boxed")) };
    for make in [|| -> Box<dyn Any> { Box::new(5u32) }, probe] {
        same_and_no_larger(|| box_downcast(make()), || box_downcast_rustc(make()));
        same_and_no_larger(|| match_downcast(make()), || match_downcast_rustc(make()));
    }
    let rc = || -> Rc<dyn Any> { Rc::new(7u32) };
    same_and_no_larger(|| rc_downcast(rc()), || rc_downcast_rustc(rc()));
    let arc = || -> Arc<dyn Any + Send + Sync> { Arc::new(Probe::new("arc")) };
    same_and_no_larger(|| arc_downcast(arc()), || arc_downcast_rustc(arc()));
    let fmt = || -> Box<dyn Error + Send + Sync> { Box::new(std::fmt::Error) };
    let text = || -> Box<dyn Error + Send + Sync> { "not fmt".into() };
    for make in [fmt, text] {
        same_and_no_larger(|| error_downcast(make()), || error_downcast_rustc(make()));
    }
    let send = || -> Box<dyn Any + Send> { Box::new(Probe::new("sent")) };
    let other = || -> Box<dyn Any + Send> { Box::new(3u8) };
    for make in [send, other] {
        same_and_no_larger(|| if_let_downcast(make()), || if_let_downcast_rustc(make()));
    }
    for n in [1, 2] {
        same_and_no_larger(|| made_downcast(n), || made_downcast_rustc(n));
    }
    both_send(&arc_downcast(arc()), &arc_downcast_rustc(arc()));
    both_send(&error_downcast(fmt()), &error_downcast_rustc(fmt()));
    both_send(&if_let_downcast(send()), &if_let_downcast_rustc(send()));
}

#[derive(Default)]
pub struct Counter {
    pub log: Vec<u32>,
    pub map: HashMap<u32, u32>,
}

fn with(p: &Probe, n: u32) -> desugar::harness::LeafFuture<u32> {
    p.touch();
    leaf("with", n)
}

#[desugar]
async fn guard_field_push(st: Rc<RefCell<Counter>>) -> usize {
    st.borrow_mut().log.push(leaf("log", 1).await);
    st.borrow().log.len()
}

/// The deref written out, as the dogfood run wrote it.
#[allow(clippy::explicit_auto_deref)]
#[desugar]
async fn derefed_guard_field_push(st: Rc<RefCell<Counter>>) -> usize {
    (*st.borrow_mut()).log.push(leaf("log", 1).await);
    st.borrow().log.len()
}

#[desugar]
async fn guard_field_contains(st: &RefCell<Counter>) -> bool {
    st.borrow().log.contains(&leaf("find", 2).await)
}

#[desugar]
async fn guard_field_get(st: &RefCell<Counter>) -> Option<u32> {
    st.borrow().log.get(leaf("at", 1).await as usize).copied()
}

#[desugar]
async fn locked_field_push(m: &Mutex<Counter>) -> usize {
    m.lock().unwrap().log.push(leaf("log", 1).await);
    m.lock().unwrap().log.len()
}

#[desugar]
async fn locked_field_insert(m: &Mutex<Counter>) -> Option<u32> {
    m.lock().unwrap().map.insert(3, leaf("insert", 4).await)
}

#[desugar]
async fn guard_index_push(q: &RefCell<Vec<Vec<u32>>>, i: usize) -> usize {
    q.borrow_mut()[i].push(leaf("log", 1).await);
    q.borrow().iter().map(Vec::len).sum()
}

#[desugar]
async fn guard_index_field_push(st: &RefCell<Vec<Counter>>, i: usize) -> usize {
    st.borrow_mut()[i]
        .log
        .push(with(&Probe::new("arg"), 1).await);
    st.borrow().iter().map(|c| c.log.len()).sum()
}

/// The value indexed (and its probe) drops after the argument's temporary,
/// as rustc drops the statement's temporaries, last made first.
#[desugar]
async fn made_index_push(v: Vec<u32>) -> u32 {
    grid(&v).1[0].push(with(&Probe::new("arg"), 1).await);
    leaf("after", 2).await
}

#[test]
fn a_method_on_a_place_in_a_guard_with_an_await_in_its_arguments() {
    let st = || Rc::new(RefCell::new(Counter::default()));
    same_and_no_larger(|| guard_field_push(st()), || guard_field_push_rustc(st()));
    same_and_no_larger(
        || derefed_guard_field_push(st()),
        || derefed_guard_field_push_rustc(st()),
    );
    for log in [vec![], vec![2], vec![1, 7]] {
        let st = || {
            RefCell::new(Counter {
                log: log.clone(),
                ..Counter::default()
            })
        };
        same_and_no_larger(
            || async move { guard_field_contains(&st()).await },
            || async move { guard_field_contains_rustc(&st()).await },
        );
        same_and_no_larger(
            || async move { guard_field_get(&st()).await },
            || async move { guard_field_get_rustc(&st()).await },
        );
        same_and_no_larger(
            || made_index_push(log.clone()),
            || made_index_push_rustc(log.clone()),
        );
    }
    let m = || Mutex::new(Counter::default());
    same_and_no_larger(
        || async move { locked_field_push(&m()).await },
        || async move { locked_field_push_rustc(&m()).await },
    );
    same_and_no_larger(
        || async move { locked_field_insert(&m()).await },
        || async move { locked_field_insert_rustc(&m()).await },
    );
    // Out of bounds (2) panics before the awaited future is made, in both.
    for i in [0, 1, 2] {
        let q = || RefCell::new(vec![vec![], vec![5]]);
        same_and_no_larger(
            || async move { guard_index_push(&q(), i).await },
            || async move { guard_index_push_rustc(&q(), i).await },
        );
        let st = || RefCell::new(vec![Counter::default(), Counter::default()]);
        same_and_no_larger(
            || async move { guard_index_field_push(&st(), i).await },
            || async move { guard_index_field_push_rustc(&st(), i).await },
        );
    }
    both_send(&made_index_push(vec![1]), &made_index_push_rustc(vec![1]));
}
