//! In-place mutation of options and fields across awaits, in shapes a
//! dogfood run (dogK1) found that the plain `async fn` builds and the
//! machine did not, each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - A `match`, `if let` or `while let` on a tuple literal (`match
//!   (x.take(), y.take())`, `match (taken, k)`), one arm moving a part out
//!   and skipping another with `_`, then awaiting: the tuple was kept in
//!   place, where the pattern could not move out of it (E0507 "cannot move
//!   out of a shared reference"). A tuple literal is a temporary as a
//!   call's value is, and its skipped parts are bound apart in the same way.
//! - A value moved out of a field of a local (`pair.1.take()`,
//!   `line.o.replace(v)`, `mem::replace(&mut line.text, ..)`,
//!   `mem::take(&mut pair.1)`, `pair.0.take().ok_or("no x")?`), kept across
//!   an await (bound by a `let`, or given to an awaited call), then another
//!   field moved out: the value was taken for one that may borrow the
//!   local, which was kept in place, where no field can move out of it
//!   (E0507 "cannot move out of `pair.0` which is behind a mutable
//!   reference"), also where the `let` wrote a type of the user's.
//! - `Option::insert` on a local, the `&mut` it gives used across an await
//!   (`let r = slot.insert(v); *r += x.await; slot.unwrap()`): `insert` was
//!   taken for a set's, whose `bool` borrows nothing, and `slot` was moved
//!   into the state while `r` pointed into it (E0503, E0597).
//! - A local read before a pattern that skips a part of it beside a part
//!   it moves, with an await after (`leaf(pair.0).await; let (_, q) =
//!   pair;`): its skipped parts were bound apart only where the pattern
//!   was the one use of the local, and it was kept in place instead, where
//!   the pattern could not move out of it (E0507 "cannot move out of
//!   `pair.1` which is behind a shared reference"). So for a field read in
//!   the condition of the `if` around the pattern (`if m.kind == 0 { let
//!   Msg { body, p, kind: _ } = m; x.await; .. }`), where a `..` instead
//!   now stops the build at the `..` (`tests/ui/rest_beside_moved_part.rs`).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

pub struct Line {
    text: Probe,
    o: Option<Probe>,
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

#[desugar]
async fn tuple_of_taken_options(a: bool) -> usize {
    let mut x = a.then(|| Probe::new("x"));
    let mut y = Some(Probe::new("y"));
    match (x.take(), y.take()) {
        (Some(p), _) => look(&p).await,
        _ => 0,
    }
}

/// `_` skips only a number, which has nothing to drop.
#[desugar]
async fn tuple_skipping_a_number(k: u32) -> usize {
    let taken = (k > 0).then(|| Probe::new("t"));
    match (taken, k) {
        (Some(p), _) => look(&p).await,
        _ => 0,
    }
}

/// Two locals moved into the tuple, the one skipped with something to
/// drop, an arm that binds nothing, and an await after the `match`.
#[desugar]
async fn tuple_of_locals(k: u32) -> usize {
    let state = (k != 1).then(|| Probe::new("state"));
    let event = Probe::new("event");
    let n = match (state, event) {
        (Some(p), _) => {
            let n = look(&p).await;
            p.touch();
            n
        }
        (None, e) => e.label().len(),
    };
    Leaf::new("after").pending(1).ready(n).await
}

fn lock(q: &mut Vec<Probe>, why: &Probe) -> Option<Probe> {
    why.touch();
    q.pop()
}

/// An element made beside a temporary (`&Probe::new(..)`), which drops at
/// the end of the statement, after the skipped part.
#[desugar]
async fn tuple_beside_a_temporary(mut q: Vec<Probe>) -> usize {
    let mut y = Some(Probe::new("y"));
    match (y.take(), lock(&mut q, &Probe::new("why"))) {
        (_, Some(p)) => look(&p).await,
        (Some(y), None) => y.label().len(),
        (None, None) => 0,
    }
}

#[desugar]
async fn if_let_on_a_tuple(a: bool) -> usize {
    let mut x = a.then(|| Probe::new("x"));
    let mut y = Some(Probe::new("y"));
    if let (Some(p), _) = (x.take(), y.take()) {
        look(&p).await
    } else {
        Leaf::new("none").pending(1).ready(0).await
    }
}

#[desugar]
async fn while_let_on_a_tuple(mut q: Vec<Probe>) -> usize {
    let mut total = 0;
    let mut y = Some(Probe::new("y"));
    while let (Some(p), _) = (q.pop(), y.take()) {
        total += look(&p).await;
    }
    total
}

/// A unit variant of a type with a `Drop` impl, matched by a path beside
/// a part moved out: it is a skipped part, bound apart with the others,
/// where before the tuple was kept in place and the build stopped at the
/// path (`tests/ui/path_of_drop_type_beside_moved_part.rs`).
pub enum Lease {
    Free,
    Held(Probe),
}

impl Drop for Lease {
    /// Seen by the harness where it runs.
    fn drop(&mut self) {
        Probe::new("lease dropped").touch();
    }
}

#[desugar]
async fn tuple_beside_a_drop_type(free: bool, name: String) -> usize {
    let lease = if free {
        Lease::Free
    } else {
        Lease::Held(Probe::new("held"))
    };
    match (lease, name) {
        (Lease::Free, name) => Leaf::new("free").pending(1).ready(name.len()).await,
        _ => 0,
    }
}

#[test]
fn tuple_literals_taken_apart_beside_skipped_parts() {
    for free in [true, false] {
        same_and_no_larger(
            || tuple_beside_a_drop_type(free, "n".into()),
            || tuple_beside_a_drop_type_rustc(free, "n".into()),
        );
    }
    both_send(
        &tuple_beside_a_drop_type(true, String::new()),
        &tuple_beside_a_drop_type_rustc(true, String::new()),
    );
    for a in [true, false] {
        same_and_no_larger(
            || tuple_of_taken_options(a),
            || tuple_of_taken_options_rustc(a),
        );
        same_and_no_larger(|| if_let_on_a_tuple(a), || if_let_on_a_tuple_rustc(a));
    }
    for k in 0..3 {
        same_and_no_larger(
            || tuple_skipping_a_number(k),
            || tuple_skipping_a_number_rustc(k),
        );
        same_and_no_larger(|| tuple_of_locals(k), || tuple_of_locals_rustc(k));
    }
    let q = || vec![Probe::new("a"), Probe::new("b")];
    for q in [q, Vec::new] {
        same_and_no_larger(
            || tuple_beside_a_temporary(q()),
            || tuple_beside_a_temporary_rustc(q()),
        );
        same_and_no_larger(
            || while_let_on_a_tuple(q()),
            || while_let_on_a_tuple_rustc(q()),
        );
    }
    both_send(
        &tuple_of_taken_options(true),
        &tuple_of_taken_options_rustc(true),
    );
    both_send(
        &tuple_skipping_a_number(1),
        &tuple_skipping_a_number_rustc(1),
    );
    both_send(&tuple_of_locals(1), &tuple_of_locals_rustc(1));
    both_send(
        &tuple_beside_a_temporary(q()),
        &tuple_beside_a_temporary_rustc(q()),
    );
    both_send(&if_let_on_a_tuple(true), &if_let_on_a_tuple_rustc(true));
    both_send(&while_let_on_a_tuple(q()), &while_let_on_a_tuple_rustc(q()));
}

async fn eat(p: Option<Probe>) -> usize {
    Leaf::new("eat").pending(1).ready(()).await;
    p.map_or(0, |p| p.label().len())
}

#[desugar]
async fn field_taken_in_awaited_call() -> usize {
    let mut pair = (Some(Probe::new("x")), Some(Probe::new("y")));
    let n = eat(pair.1.take()).await;
    n + pair.0.map_or(0, |p| p.label().len())
}

/// `replace` too, on a struct's field, both fields moved out after.
#[desugar]
async fn field_replaced_in_awaited_call(k: u32) -> usize {
    let mut line = Line {
        text: Probe::new("text"),
        o: Some(Probe::new("o")),
    };
    let n = eat(line.o.replace(Probe::new("new"))).await;
    let text = line.text;
    n + text.label().len() + line.o.map_or(k as usize, |p| p.label().len())
}

#[test]
fn fields_taken_out_inside_an_awaited_call() {
    same_and_no_larger(
        field_taken_in_awaited_call,
        field_taken_in_awaited_call_rustc,
    );
    for k in [0, 1] {
        same_and_no_larger(
            || field_replaced_in_awaited_call(k),
            || field_replaced_in_awaited_call_rustc(k),
        );
    }
    both_send(
        &field_taken_in_awaited_call(),
        &field_taken_in_awaited_call_rustc(),
    );
    both_send(
        &field_replaced_in_awaited_call(0),
        &field_replaced_in_awaited_call_rustc(0),
    );
}

pub struct Text {
    text: String,
    o: Option<String>,
}

#[desugar]
async fn field_replaced_by_mem_replace(o: Option<String>) -> String {
    let mut line = Text {
        text: "a".into(),
        o,
    };
    let t = std::mem::replace(&mut line.text, "b".into());
    Leaf::new("x").pending(1).ready(()).await;
    t + &line.o.unwrap_or_default()
}

#[desugar]
async fn field_taken_by_mem_take(o: Option<String>) -> String {
    let mut line = Text {
        text: "a".into(),
        o,
    };
    let t = std::mem::take(&mut line.o);
    Leaf::new("x").pending(1).ready(()).await;
    line.text + &t.unwrap_or_default()
}

/// The type written, of the user's: the value is new whatever its type.
#[desugar]
async fn field_taken_and_tried(x: bool) -> Result<usize, String> {
    let mut pair = (x.then(|| Probe::new("x")), Some(Probe::new("y")));
    let x: Probe = pair.0.take().ok_or("no x")?;
    Leaf::new("l").pending(1).ready(()).await;
    drop(x);
    Ok(pair.1.map_or(0, |p| p.label().len()))
}

#[desugar]
async fn field_taken_and_tried_untyped(x: bool) -> Result<usize, String> {
    let mut pair = (x.then(|| Probe::new("x")), Some(Probe::new("y")));
    let x = pair.0.take().ok_or("no x".to_string())?;
    Leaf::new("l").pending(1).ready(()).await;
    drop(x);
    Ok(pair.1.map_or(0, |p| p.label().len()))
}

/// Inside an awaited call's arguments.
#[desugar]
async fn field_taken_by_mem_take_in_awaited_call() -> usize {
    let mut pair = (Some(Probe::new("x")), Some(Probe::new("y")));
    let n = eat(std::mem::take(&mut pair.1)).await;
    n + pair.0.map_or(0, |p| p.label().len())
}

#[test]
fn values_moved_out_of_fields_kept_across_an_await() {
    for o in [Some("o".to_string()), None] {
        same_and_no_larger(
            || field_replaced_by_mem_replace(o.clone()),
            || field_replaced_by_mem_replace_rustc(o.clone()),
        );
        same_and_no_larger(
            || field_taken_by_mem_take(o.clone()),
            || field_taken_by_mem_take_rustc(o.clone()),
        );
    }
    for x in [true, false] {
        same_and_no_larger(
            || field_taken_and_tried(x),
            || field_taken_and_tried_rustc(x),
        );
        same_and_no_larger(
            || field_taken_and_tried_untyped(x),
            || field_taken_and_tried_untyped_rustc(x),
        );
    }
    same_and_no_larger(
        field_taken_by_mem_take_in_awaited_call,
        field_taken_by_mem_take_in_awaited_call_rustc,
    );
    both_send(
        &field_replaced_by_mem_replace(None),
        &field_replaced_by_mem_replace_rustc(None),
    );
    both_send(
        &field_taken_by_mem_take(None),
        &field_taken_by_mem_take_rustc(None),
    );
    both_send(
        &field_taken_and_tried(true),
        &field_taken_and_tried_rustc(true),
    );
    both_send(
        &field_taken_and_tried_untyped(true),
        &field_taken_and_tried_untyped_rustc(true),
    );
    both_send(
        &field_taken_by_mem_take_in_awaited_call(),
        &field_taken_by_mem_take_in_awaited_call_rustc(),
    );
}

#[desugar]
async fn inserted_into_a_local(v: u32) -> u32 {
    let mut slot: Option<u32> = None;
    let r = slot.insert(v);
    *r += Leaf::new("inc").pending(1).ready(1u32).await;
    slot.unwrap()
}

/// Untyped, holding something to drop, and given back whole after.
#[desugar]
async fn inserted_probe(k: u32) -> Option<Probe> {
    let mut slot = None;
    let r = slot.insert(Probe::new("p"));
    let n = Leaf::new("n").pending(1).ready(k).await;
    if n > 0 {
        r.touch();
    }
    slot
}

/// A set's `insert`, whose `bool` borrows nothing, is kept in place as
/// though it did: no larger, and the set still moved whole after.
#[desugar]
async fn inserted_into_a_set(k: u32) -> usize {
    let mut seen = std::collections::BTreeSet::new();
    seen.insert(String::from("a"));
    let fresh = seen.insert(String::from(if k == 0 { "a" } else { "b" }));
    let p = Probe::new("p");
    Leaf::new("l").pending(1).ready(()).await;
    p.touch();
    let all: Vec<String> = seen.into_iter().collect();
    all.len() + usize::from(fresh)
}

#[test]
fn option_insert_on_a_local_used_across_an_await() {
    for v in [0, 4] {
        same_and_no_larger(
            || inserted_into_a_local(v),
            || inserted_into_a_local_rustc(v),
        );
        same_and_no_larger(|| inserted_probe(v), || inserted_probe_rustc(v));
        same_and_no_larger(|| inserted_into_a_set(v), || inserted_into_a_set_rustc(v));
    }
    both_send(&inserted_into_a_local(1), &inserted_into_a_local_rustc(1));
    both_send(&inserted_probe(1), &inserted_probe_rustc(1));
    both_send(&inserted_into_a_set(1), &inserted_into_a_set_rustc(1));
}

/// The local read before the pattern that skips a part of it (its `Copy`
/// field given to an awaited call), an await after the pattern.
#[desugar]
async fn read_then_taken_apart(k: u32) -> u32 {
    let pair = (k, Probe::new("p"));
    let n = Leaf::new("n").pending(1).ready(pair.0).await;
    let (_, q) = pair;
    q.touch();
    Leaf::new("m").pending(1).ready(()).await;
    n
}

/// The same in a `match` whose arm awaits, the skipped parts with
/// something to drop, the local read after an await before.
#[desugar]
async fn read_then_matched(k: u32) -> usize {
    let pair = (Probe::new("a"), Probe::new("b"));
    Leaf::new("l").pending(1).ready(()).await;
    let n = pair.1.label().len();
    match pair {
        (a, _) if k > 0 => look(&a).await + n,
        (_, b) => b.label().len(),
    }
}

#[test]
fn locals_read_before_a_pattern_skips_their_parts() {
    for k in [0, 3] {
        same_and_no_larger(
            || read_then_taken_apart(k),
            || read_then_taken_apart_rustc(k),
        );
        same_and_no_larger(|| read_then_matched(k), || read_then_matched_rustc(k));
    }
    both_send(&read_then_taken_apart(1), &read_then_taken_apart_rustc(1));
    both_send(&read_then_matched(1), &read_then_matched_rustc(1));
}

pub struct Msg {
    kind: u8,
    body: String,
    p: Probe,
}

/// A field read in the `if` condition around the pattern (dogK1 build_3).
#[desugar]
async fn field_read_in_condition(k: u8) -> String {
    let m = Msg {
        kind: k,
        body: "b".into(),
        p: Probe::new("m"),
    };
    if m.kind == 0 {
        let Msg { body, p, kind: _ } = m;
        Leaf::new("zero").pending(1).ready(()).await;
        p.touch();
        body
    } else {
        String::new()
    }
}

#[test]
fn locals_read_in_the_condition_around_a_pattern() {
    for k in [0, 1] {
        same_and_no_larger(
            || field_read_in_condition(k),
            || field_read_in_condition_rustc(k),
        );
    }
    both_send(
        &field_read_in_condition(0),
        &field_read_in_condition_rustc(0),
    );
}
