//! Shapes a dogfood run of state updates through `&mut`, closures, early
//! exits and builders found, each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger.
//!
//! - A text that spells a local's name (`log("msg sent")`) after a pattern
//!   moved a part of the local and skipped another: taken for a use of the
//!   local, which left the skipped part unbound, and the machine did not
//!   build (E0382 at the parameter).
//! - A comparison whose operand is a place the awaited call changes
//!   (`*n < add(n, 5).await`, `c.count != refresh(c).await`): rustc reads
//!   the number before the await, the machine read it after, and answered
//!   otherwise. It is read ahead now, as arithmetic's operands are.
//! - A local moved before an await and given a new value after it on some
//!   paths only (`drop(p); x.await; if c { p = open(); }`, or the retry
//!   loop `match step(p).await { Ok(q) => p = q, Err(v) => return v }`):
//!   kept across the await though moved (E0382). It has no value there,
//!   and is declared again after it, where rustc's flag drops it.
//! - A parameter typed `impl FnOnce(..) -> T` (or `Box<dyn FnOnce>`),
//!   called, its result kept across an await: taken for a call that may
//!   lend from the closure, which was then kept in place, and the call
//!   could not move it from there (E0507). Its type says the call moves it,
//!   and so does a type parameter bounded `FnOnce` (`F: FnOnce() -> u32`,
//!   inline or in the `where` clause) or `impl AsyncFnOnce`, also where
//!   the call is on some paths only, and not where the body binds the
//!   name again.
//! - `total(raw.trim().parse().unwrap_or(0), f().await)`: the text
//!   `parse` reads taken for a temporary of a method syntax does not know,
//!   which stopped the build ("bind it with `let`"); a `&str` has nothing
//!   to keep.
//! - `store.borrow_mut().push(n + f().await)`: the guard, the receiver
//!   named ahead of the await, was bound without `mut`, which `push`
//!   through its `DerefMut` needs (E0596 pointing at `#[desugar]`).
//! - A cursor walked down a list (`let mut cur = head; while let Some(node)
//!   = cur { cur = &mut node.next; }`) before an await, `head` a `&mut`
//!   parameter: `cur` was not seen to hold a `&mut` (nothing to drop), so
//!   it was kept to be dropped at its scope's end, in place, as it holds a
//!   borrow of itself; the walk then did not build (E0499). What a local
//!   is given whole from another (`let mut cur = head;`) is what that one
//!   visibly is.
//! - `let Some(c) = make(k) else { x.await; return 0; };` then an await:
//!   the value matched was kept in place beside the await of the `else`,
//!   which it never reaches with a value (200 bytes against 144).
//! - `let t = slot.take().unwrap_or(0);` with `slot = &mut v[0]`: `t` taken
//!   for a value that may borrow `slot`, so `slot` and `v` were kept in
//!   place across the await that reads `t` (104 bytes against 96). What an
//!   `Option` taken out of a place unwraps to holds no borrow of it.
//! - `if let Session::Handshake { step } = s { .. x.await; }` on a bare
//!   `&mut` parameter, assigned after (`*s = ..`): E0499 before the match
//!   through a `&mut` kept it in place (a hunt of the round before this).
//! - `match slot.as_mut() { Some(s) => { x.await; s.len() } _ => 0 }`, and
//!   the entry API's `if let Entry::Vacant(v) = map.entry(k) {
//!   v.insert(x.await); }`: the matched temporary, which may hold a `&mut`,
//!   was kept in place, and the pattern could not move its part out of
//!   there (E0507). Used once, it is kept with a flag instead; and where
//!   the pattern takes all of it (`Some(s)`), nothing of it is kept in that
//!   arm. (`Vacant(v)` may be a variant of a type with a `Drop` impl that
//!   `v` only copies from: the flag is kept there, larger than rustc's.)
//! - `v[*i] + stepped(i).await`, `i: &mut usize` given to the call: rustc
//!   indexes `v` before the await, with the old `*i`; the machine indexed
//!   it after, with the new one, and read another element, or past the
//!   end (a panic where rustc returned). An index that what runs first
//!   may change is read ahead, and the place checked there.

mod common;

use common::same_and_no_larger;
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

// ---- A name spelled in a text is not a use ----

fn log(text: &str) -> usize {
    text.len()
}

#[desugar]
async fn forwarded(msg: (String, Probe)) -> usize {
    let (body, _) = msg;
    Leaf::new("send").pending(1).ready(()).await;
    log("msg sent") + body.len()
}

#[desugar]
async fn forwarded_from_a_local(t: u8) -> usize {
    let pair = (vec![t], Probe::new("skipped"));
    let (bytes, _) = pair;
    Leaf::new("send").pending(1).ready(()).await;
    log("pair") + usize::from(t > 0) + bytes.len()
}

#[test]
fn a_name_spelled_in_a_text_is_no_use_of_the_local() {
    let outcome = same_and_no_larger(
        || forwarded(("ab".into(), Probe::new("p"))),
        || forwarded_rustc(("ab".into(), Probe::new("p"))),
    );
    assert_eq!(outcome, "Ready(10)");
    let outcome = same_and_no_larger(
        || forwarded_from_a_local(3),
        || forwarded_from_a_local_rustc(3),
    );
    assert_eq!(outcome, "Ready(6)");
}

// ---- A compared place the awaited call changes ----

async fn add(n: &mut u32, k: u32) -> u32 {
    Leaf::new("add").pending(1).ready(()).await;
    *n += k;
    *n
}

#[desugar]
async fn grew(n: &mut u32) -> bool {
    *n < add(n, 5).await
}

pub struct Counter {
    count: u32,
    name: String,
}

async fn refresh(c: &mut Counter) -> u32 {
    Leaf::new("refresh").pending(1).ready(()).await;
    c.count += 10;
    c.count
}

async fn lookup(c: &Counter) -> String {
    Leaf::new("lookup").pending(1).ready(()).await;
    format!("{}{}", c.name, c.count)
}

#[desugar]
async fn changed(c: &mut Counter) -> (bool, bool) {
    let moved = c.count != refresh(c).await;
    let kept = c.count >= refresh(c).await && c.count > 0;
    (moved, kept)
}

#[desugar]
async fn changed_local(start: u32) -> bool {
    let mut c = Counter {
        count: start,
        name: String::new(),
    };
    c.count < refresh(&mut c).await
}

/// Not a number: compared by borrow, as written, after the await.
#[desugar]
#[allow(clippy::op_ref)] // the borrows README says to write
async fn same_name(c: &Counter) -> bool {
    &c.name == &lookup(c).await
}

#[test]
fn a_compared_place_the_awaited_call_changes_is_read_before_it() {
    let outcome = same_and_no_larger(
        || async {
            let mut v = 1u32;
            (grew(&mut v).await, v)
        },
        || async {
            let mut v = 1u32;
            (grew_rustc(&mut v).await, v)
        },
    );
    assert_eq!(outcome, "Ready((true, 6))");
    let counter = || Counter {
        count: 1,
        name: "a".into(),
    };
    let outcome = same_and_no_larger(
        || async move {
            let mut c = counter();
            (changed(&mut c).await, c.count)
        },
        || async move {
            let mut c = counter();
            (changed_rustc(&mut c).await, c.count)
        },
    );
    assert_eq!(outcome, "Ready(((true, false), 21))");
    let outcome = same_and_no_larger(|| changed_local(3), || changed_local_rustc(3));
    assert_eq!(outcome, "Ready(true)");
    let c = counter();
    let outcome = same_and_no_larger(|| same_name(&c), || same_name_rustc(&c));
    assert_eq!(outcome, "Ready(false)");
}

// ---- Moved before an await, given a new value on some paths after it ----

fn id(n: u32) -> u32 {
    n
}

fn consume(p: Probe) {
    p.touch();
}

#[desugar]
#[allow(unused_assignments)] // the value given back and never read is the shape under test
async fn given_back_in_a_branch(c: bool) -> u32 {
    let mut p = Probe::new("p");
    consume(p);
    Leaf::new("get").pending(1).ready(()).await;
    if c {
        p = Probe::new("a");
    }
    0
}

/// Read after the await where an assignment in an arm that awaits runs
/// first.
#[desugar]
async fn given_back_in_an_arm(c: Option<u32>) -> usize {
    let mut p = Probe::new("p");
    consume(p);
    Leaf::new("get").pending(1).ready(()).await;
    match c {
        Some(n) => {
            p = Probe::new("a");
            Leaf::new("arm").pending(1).ready(n).await;
            p.label().len()
        }
        None => 0,
    }
}

async fn step(p: Probe, n: u32) -> Result<Probe, u32> {
    p.touch();
    let v = Leaf::new("step").pending(1).ready(n).await;
    if v > 2 { Err(v) } else { Ok(p) }
}

#[desugar]
async fn retried(mut p: Probe) -> u32 {
    let mut n = 0;
    loop {
        n += 1;
        match step(p, n).await {
            Ok(q) => p = q,
            Err(v) => return v,
        }
    }
}

/// A number syntax cannot see is one, given to a call (copied, taken for
/// moved), then read after the await outside the branch that assigns it:
/// still kept.
#[desugar]
async fn copied_then_read(c: bool) -> u32 {
    let mut n = id(5);
    let _ = id(n);
    Leaf::new("get").pending(1).ready(()).await;
    if c {
        n = 6;
    }
    n
}

#[test]
fn a_local_given_a_new_value_on_some_paths_after_an_await_is_not_kept() {
    for c in [true, false] {
        let outcome = same_and_no_larger(
            || given_back_in_a_branch(c),
            || given_back_in_a_branch_rustc(c),
        );
        assert_eq!(outcome, "Ready(0)");
        same_and_no_larger(|| copied_then_read(c), || copied_then_read_rustc(c));
    }
    for c in [Some(2), None] {
        same_and_no_larger(|| given_back_in_an_arm(c), || given_back_in_an_arm_rustc(c));
    }
    let outcome = same_and_no_larger(
        || retried(Probe::new("p")),
        || retried_rustc(Probe::new("p")),
    );
    assert_eq!(outcome, "Ready(3)");
}

// ---- A parameter whose type says its call moves it ----

#[desugar]
async fn called_once(cb: impl FnOnce(u32) -> Probe) -> usize {
    let made = cb(1);
    Leaf::new("tick").pending(1).ready(()).await;
    made.label().len()
}

#[desugar]
async fn boxed_called_once(cb: Box<dyn FnOnce(u32) -> Probe + Send>, c: bool) -> usize {
    Leaf::new("before").pending(1).ready(()).await;
    if c {
        let made = cb(2);
        Leaf::new("tick").pending(1).ready(()).await;
        return made.label().len();
    }
    0
}

#[desugar]
async fn called_generic<F: FnOnce() -> u32>(f: F) -> u32 {
    let b = f();
    Leaf::new("send").pending(1).ready(b).await
}

#[desugar]
async fn called_where<F>(f: F) -> usize
where
    F: FnOnce(u32) -> Probe + Send,
{
    let made = f(3);
    Leaf::new("tick").pending(1).ready(()).await;
    made.label().len()
}

/// Called on some paths only, and dropped on the others.
#[desugar]
async fn called_or_dropped(cb: impl FnOnce(u32) -> u32, go: bool, drop_it: bool) -> u32 {
    let y = if go {
        cb(1)
    } else if drop_it {
        drop(cb);
        0
    } else {
        2
    };
    Leaf::new("y").pending(1).ready(y).await
}

#[desugar]
async fn awaited_once(f: impl AsyncFnOnce(u32) -> u32) -> u32 {
    let n = f(1).await;
    n + Leaf::new("after").pending(1).ready(1).await
}

/// The name bound again in the body: the calls there are the local's.
#[desugar]
async fn shadowed(cb: impl FnOnce(u32) -> u32) -> u32 {
    let first = cb(1);
    let cb = |x: u32| x * 10;
    let n = Leaf::new("n").pending(1).ready(first).await;
    cb(n) + cb(1)
}

#[test]
fn a_parameter_typed_fn_once_is_moved_by_its_call() {
    let make = |n: u32| Probe::new(format!("made{n}"));
    let outcome = same_and_no_larger(|| called_once(make), || called_once_rustc(make));
    assert_eq!(outcome, "Ready(5)");
    for (go, drop_it) in [(true, false), (false, true), (false, false)] {
        let call = || {
            let p = Probe::new("captured");
            move |x: u32| {
                p.touch();
                x + 1
            }
        };
        same_and_no_larger(
            || called_or_dropped(call(), go, drop_it),
            || called_or_dropped_rustc(call(), go, drop_it),
        );
    }
    let outcome = same_and_no_larger(|| shadowed(|x| x + 1), || shadowed_rustc(|x| x + 1));
    assert_eq!(outcome, "Ready(30)");
    let outcome = same_and_no_larger(
        || {
            let p = Probe::new("captured");
            awaited_once(async move |x: u32| {
                p.touch();
                Leaf::new("inner").pending(1).ready(x + 1).await
            })
        },
        || {
            let p = Probe::new("captured");
            awaited_once_rustc(async move |x: u32| {
                p.touch();
                Leaf::new("inner").pending(1).ready(x + 1).await
            })
        },
    );
    assert_eq!(outcome, "Ready(3)");
    let outcome = same_and_no_larger(|| called_where(make), || called_where_rustc(make));
    assert_eq!(outcome, "Ready(5)");
    let outcome = same_and_no_larger(
        || {
            let p = Probe::new("captured");
            called_generic(move || {
                p.touch();
                3
            })
        },
        || {
            let p = Probe::new("captured");
            called_generic_rustc(move || {
                p.touch();
                3
            })
        },
    );
    assert_eq!(outcome, "Ready(3)");
    for c in [true, false] {
        same_and_no_larger(
            || {
                let owned = Probe::new("owned");
                boxed_called_once(
                    Box::new(move |n| {
                        owned.touch();
                        Probe::new(format!("made{n}"))
                    }),
                    c,
                )
            },
            || {
                let owned = Probe::new("owned");
                boxed_called_once_rustc(
                    Box::new(move |n| {
                        owned.touch();
                        Probe::new(format!("made{n}"))
                    }),
                    c,
                )
            },
        );
    }
}

// ---- A value a closure's call gives, its type written ----

/// What the error about a closure written twice says to write: the
/// value's type, which holds no borrow of the closure.
#[desugar]
async fn weighed_in_loop(items: Vec<String>) -> Vec<usize> {
    let mut out = vec![];
    for item in &items {
        let weight = |k: usize| item.len() * k;
        let w: usize = weight(2);
        out.push(Leaf::new("w").pending(1).ready(w).await);
    }
    out
}

#[test]
fn a_call_of_a_closure_in_a_loop_typed_as_the_error_says_builds() {
    let items = || vec![String::from("ab"), String::from("c")];
    let outcome = same_and_no_larger(
        || weighed_in_loop(items()),
        || weighed_in_loop_rustc(items()),
    );
    assert_eq!(outcome, "Ready([4, 2])");
}

// ---- Text parsed before an await in its statement ----

fn total(a: u64, b: u64) -> u64 {
    a + b
}

#[desugar]
async fn port_plus(raw: &str) -> u64 {
    total(
        raw.trim().parse().unwrap_or(0),
        Leaf::new("b").pending(1).ready(5).await,
    )
}

#[desugar]
async fn literal_plus() -> u64 {
    total(
        "9".parse().unwrap_or(0),
        Leaf::new("b").pending(1).ready(5).await,
    )
}

#[test]
fn text_parsed_before_an_await_in_its_statement_builds() {
    for raw in [" 4 ", "x"] {
        same_and_no_larger(|| port_plus(raw), || port_plus_rustc(raw));
    }
    let outcome = same_and_no_larger(literal_plus, literal_plus_rustc);
    assert_eq!(outcome, "Ready(14)");
}

// ---- A receiver named ahead, borrowed mutably by its call ----

#[desugar]
#[allow(clippy::await_holding_refcell_ref)] // the guard held across the await is the case under test
async fn pushed_through_a_guard(store: &std::cell::RefCell<Vec<u32>>) -> usize {
    store
        .borrow_mut()
        .push(u32::from(store.try_borrow().is_ok()) + Leaf::new("a").pending(1).ready(10).await);
    store.borrow().len()
}

#[test]
fn a_receiver_named_ahead_may_be_borrowed_mutably() {
    let outcome = same_and_no_larger(
        || async {
            let store = std::cell::RefCell::new(vec![1]);
            (pushed_through_a_guard(&store).await, store.into_inner())
        },
        || async {
            let store = std::cell::RefCell::new(vec![1]);
            (
                pushed_through_a_guard_rustc(&store).await,
                store.into_inner(),
            )
        },
    );
    assert_eq!(outcome, "Ready((2, [1, 10]))");
}

// ---- A local given a `&mut` parameter whole ----

#[derive(Debug, PartialEq)]
pub struct Node {
    v: u32,
    next: Option<Box<Node>>,
}

#[desugar]
async fn appended(head: &mut Option<Box<Node>>, v: u32) -> u32 {
    let mut cur = head;
    while let Some(node) = cur {
        cur = &mut node.next;
    }
    let v = Leaf::new("made").pending(1).ready(v).await;
    *cur = Some(Box::new(Node { v, next: None }));
    v
}

/// Not used after the await: kept for nothing.
#[desugar]
async fn counted_then_waited(head: &mut Option<Box<Node>>) -> u32 {
    let mut cur = head;
    let mut n = 0;
    while let Some(node) = cur {
        n += node.v;
        cur = &mut node.next;
    }
    Leaf::new("done").pending(1).ready(()).await;
    n
}

#[test]
fn a_cursor_given_a_mut_parameter_walks_before_an_await() {
    let list = || Some(Box::new(Node { v: 1, next: None }));
    let outcome = same_and_no_larger(
        || async move {
            let mut head = list();
            (appended(&mut head, 2).await, head)
        },
        || async move {
            let mut head = list();
            (appended_rustc(&mut head, 2).await, head)
        },
    );
    assert!(outcome.contains("v: 2"), "{outcome}");
    let outcome = same_and_no_larger(
        || async move { counted_then_waited(&mut list()).await },
        || async move { counted_then_waited_rustc(&mut list()).await },
    );
    assert_eq!(outcome, "Ready(1)");
}

// ---- A let-else whose else awaits ----

pub struct Conn {
    id: u32,
    _probe: Probe,
}

fn connect(k: u32) -> Option<Conn> {
    (k > 0).then(|| Conn {
        id: k,
        _probe: Probe::new("conn"),
    })
}

#[desugar]
async fn connected(k: u32) -> u32 {
    let Some(c) = connect(k) else {
        Leaf::new("miss").pending(1).ready(()).await;
        return 0;
    };
    let n = Leaf::new("n").pending(1).ready(1u32).await;
    c.id + n
}

#[test]
fn a_let_else_whose_else_awaits_keeps_no_value_there() {
    for k in [0, 2] {
        same_and_no_larger(|| connected(k), || connected_rustc(k));
    }
}

// ---- A value unwrapped from one taken out of a place ----

#[desugar]
async fn taken_and_unwrapped(v: &mut [Option<u32>]) -> u32 {
    let slot = &mut v[0];
    let t = slot.take().unwrap_or(0);
    Leaf::new("a").pending(1).ready(t).await
}

#[test]
fn a_value_unwrapped_from_a_taken_one_keeps_nothing_in_place() {
    let outcome = same_and_no_larger(
        || async {
            let mut v = vec![Some(3)];
            (taken_and_unwrapped(&mut v).await, v)
        },
        || async {
            let mut v = vec![Some(3)];
            (taken_and_unwrapped_rustc(&mut v).await, v)
        },
    );
    assert_eq!(outcome, "Ready((3, [None]))");
    let (mut a, mut b) = (vec![Some(1)], vec![Some(1)]);
    let machine = std::mem::size_of_val(&taken_and_unwrapped(&mut a));
    let twin = std::mem::size_of_val(&taken_and_unwrapped_rustc(&mut b));
    assert!(machine <= twin, "machine {machine} bytes, rustc's {twin}");
}

// ---- A bare `&mut` parameter matched, an await in the arm ----

#[derive(Debug, Clone, PartialEq)]
pub enum Session {
    Handshake { step: u8 },
    Ready(String),
}

#[desugar]
async fn fed(s: &mut Session) {
    if let Session::Handshake { step } = s {
        *step += 1;
        Leaf::new("hello").pending(1).ready(()).await;
    }
    *s = Session::Ready(String::new());
}

#[test]
fn a_bare_mut_parameter_matched_with_an_await_in_the_arm_builds() {
    for start in [Session::Handshake { step: 2 }, Session::Ready("x".into())] {
        let outcome = same_and_no_larger(
            || {
                let mut s = start.clone();
                async move {
                    fed(&mut s).await;
                    s
                }
            },
            || {
                let mut s = start.clone();
                async move {
                    fed_rustc(&mut s).await;
                    s
                }
            },
        );
        assert_eq!(outcome, "Ready(Ready(\"\"))");
    }
}

// ---- An index the awaited call may change ----

async fn stepped(i: &mut usize) -> u32 {
    Leaf::new("step").pending(1).ready(()).await;
    *i += 1;
    100
}

#[desugar]
async fn indexed(v: Vec<u32>, i: &mut usize) -> (u32, bool) {
    let sum = v[*i] + stepped(i).await;
    let less = v[*i] < stepped(i).await;
    (sum, less)
}

async fn advance(pos: &mut usize, by: usize) -> usize {
    Leaf::new("advance").pending(1).ready(()).await;
    *pos += by;
    by
}

#[desugar]
async fn scanned(bytes: Vec<u8>) -> Vec<(u8, usize)> {
    let mut pos = 0usize;
    let mut out = vec![];
    while pos < bytes.len() {
        let p = &mut pos;
        out.push((bytes[*p], advance(p, 1).await));
    }
    out
}

#[test]
fn an_index_the_awaited_call_changes_is_read_before_it() {
    for start in [0, 1, 5] {
        same_and_no_larger(
            || async move {
                let mut i = start;
                (indexed(vec![1, 2, 3], &mut i).await, i)
            },
            || async move {
                let mut i = start;
                (indexed_rustc(vec![1, 2, 3], &mut i).await, i)
            },
        );
    }
    let outcome = same_and_no_larger(|| scanned(b"ab".to_vec()), || scanned_rustc(b"ab".to_vec()));
    assert_eq!(outcome, "Ready([(97, 1), (98, 1)])");
}

// ---- A matched temporary that may hold a `&mut`, beside a `_` arm ----

#[desugar]
async fn measured_later(slot: &mut Option<String>) -> usize {
    match slot.as_mut() {
        Some(s) => {
            Leaf::new("a").pending(1).ready(()).await;
            s.push('!');
            s.len()
        }
        _ => 0,
    }
}

#[desugar]
async fn filled(map: &mut std::collections::HashMap<u32, u32>, k: u32) {
    if let std::collections::hash_map::Entry::Vacant(v) = map.entry(k) {
        v.insert(Leaf::new("made").pending(1).ready(k * 10).await);
    }
}

#[desugar]
async fn removed(map: &mut std::collections::HashMap<u32, u32>, k: u32) -> Option<u32> {
    match map.entry(k) {
        std::collections::hash_map::Entry::Occupied(o) => {
            Leaf::new("before").pending(1).ready(()).await;
            Some(o.remove())
        }
        _ => None,
    }
}

/// The `_` arm awaits, where the temporary is still whole: kept, with a
/// flag (larger than rustc's, which sees it has nothing to drop).
#[desugar]
async fn paired(slot: &mut Option<String>, flag: bool) -> usize {
    match (slot.as_mut(), flag) {
        (Some(s), true) => s.len(),
        _ => {
            Leaf::new("a").pending(1).ready(()).await;
            0
        }
    }
}

#[test]
fn a_matched_temporary_beside_a_wild_arm_builds() {
    for start in [Some(String::from("ab")), None] {
        same_and_no_larger(
            || {
                let mut slot = start.clone();
                async move { (measured_later(&mut slot).await, slot) }
            },
            || {
                let mut slot = start.clone();
                async move { (measured_later_rustc(&mut slot).await, slot) }
            },
        );
        for flag in [true, false] {
            let report = desugar::harness::assert_same(
                || {
                    let mut slot = start.clone();
                    async move { (paired(&mut slot, flag).await, slot) }
                },
                || {
                    let mut slot = start.clone();
                    async move { (paired_rustc(&mut slot, flag).await, slot) }
                },
            );
            assert!(report.outcome.starts_with("Ready("), "{report}");
        }
    }
    let sorted = |map: std::collections::HashMap<u32, u32>| {
        let mut pairs: Vec<(u32, u32)> = map.into_iter().collect();
        pairs.sort_unstable();
        pairs
    };
    for k in [1, 2] {
        // Kept with a flag where the pattern takes a value of a type syntax
        // cannot see has no `Drop` (`Vacant(v)`): larger than rustc's.
        let outcome = desugar::harness::assert_same(
            || async move {
                let mut map = std::collections::HashMap::from([(1, 5)]);
                filled(&mut map, k).await;
                sorted(map)
            },
            || async move {
                let mut map = std::collections::HashMap::from([(1, 5)]);
                filled_rustc(&mut map, k).await;
                sorted(map)
            },
        );
        assert!(outcome.outcome.starts_with("Ready([(1, 5)"), "{outcome}");
        let report = desugar::harness::assert_same(
            || async move {
                let mut map = std::collections::HashMap::from([(1, 5)]);
                (removed(&mut map, k).await, sorted(map))
            },
            || async move {
                let mut map = std::collections::HashMap::from([(1, 5)]);
                (removed_rustc(&mut map, k).await, sorted(map))
            },
        );
        assert!(report.outcome.starts_with("Ready("), "{report}");
    }
}
