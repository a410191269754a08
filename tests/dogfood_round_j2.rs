//! Shapes a dogfood run on combinator-heavy application code found, that
//! the plain `async fn` builds and the machine did not (or did, and was
//! larger), each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - An entry-API chain before an await in its statement
//!   (`m.entry(k).or_insert_with(Vec::new).push(f().await)`, `.or_default()`,
//!   `*m.entry(k).or_insert(5) + f().await`, `and_modify(..).or_insert(..)`):
//!   the `Entry` is consumed by `or_insert…`, leaving only the `&mut` into
//!   the map, yet the chain was taken for one that may make a temporary to
//!   keep, and the build stopped.
//! - A `Copy` receiver of `bool::then_some`/`then`, `char::to_digit` or a
//!   `char`'s or byte's class (`c.is_alphanumeric()`) inside an awaited
//!   call's arguments (`f(g.then_some(1)).await`): taken for borrowed by
//!   the awaited future, and kept in place for the whole machine, which was
//!   larger than its twin.
//! - A closure without `move` returning an `async move` block that names a
//!   `Copy` local (`let mk = |id| async move { id + base };`), kept (or a
//!   future it made kept) across an await: rustc's closure borrows `base`;
//!   the machine took it for moved in, and did not keep it where the
//!   closure could borrow it (E0373).
//! - A local named only in a guarded `matches!` (whose arguments the
//!   expansion does not read) inside a `move` closure or `async move`
//!   block, a method called on it (`matches!(x, Some(_) if
//!   tag.label() == "tag")`): taken for a field of it, which Rust 2021
//!   captures alone, so the local was kept after the closure took it whole
//!   (E0382).
//! - `into_iter()` on a local `&mut Vec` (`let r = &mut v; for x in
//!   r.into_iter() { .. f().await .. } r.push(9);`): rustc reborrows a
//!   `&mut` receiver; the machine took it for moved (E0505, E0499).
//! - A method named like a standard one that takes `self` (`ok_or`,
//!   `xor`, `unwrap_or`, `map_or`, `expect`) called on a local guard
//!   (`let g = cell.borrow();` of a `RefCell<Option<u32>>`, a
//!   `MutexGuard`): it copies the `Option` out through `Deref` and borrows
//!   the guard for the call only, where rustc keeps the guard to the end of
//!   its scope; the machine took the call for a move of the guard (a raw
//!   E0505, or the macro's message advising a borrow that does not
//!   type-check, `Option::unwrap_or(&g, 0)`).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::cell::{Ref, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

#[desugar]
async fn bucket_push(mut m: BTreeMap<u32, Vec<Probe>>, k: u32) -> usize {
    m.entry(k)
        .or_insert_with(|| vec![Probe::new("first")])
        .push(Leaf::new("v").pending(1).ready(Probe::new("v")).await);
    m.entry(k + 1)
        .or_default()
        .push(Leaf::new("w").pending(1).ready(Probe::new("w")).await);
    m.len() + m.values().map(Vec::len).sum::<usize>()
}

#[desugar]
async fn count_plus(mut m: HashMap<u32, u32>, k: u32) -> u32 {
    let a = *m.entry(k).or_insert(5) + Leaf::new("x").pending(1).ready(1u32).await;
    let b = *m.entry(k).or_insert_with_key(|k| k * 2) + Leaf::new("y").pending(1).ready(a).await;
    let c = *m.entry(k).and_modify(|v| *v += 10).or_insert(0)
        + Leaf::new("z").pending(1).ready(b).await;
    m.entry(k + 1).or_default().count_ones() + c
}

fn buckets() -> BTreeMap<u32, Vec<Probe>> {
    BTreeMap::from([(1, vec![Probe::new("old")])])
}

#[test]
fn an_entry_chain_before_an_await_in_its_statement() {
    for k in [1, 2] {
        same_and_no_larger(
            || bucket_push(buckets(), k),
            || bucket_push_rustc(buckets(), k),
        );
        let m = || HashMap::from([(1, 7)]);
        same_and_no_larger(|| count_plus(m(), k), || count_plus_rustc(m(), k));
    }
    both_send(&bucket_push(buckets(), 1), &bucket_push_rustc(buckets(), 1));
    both_send(
        &count_plus(HashMap::new(), 1),
        &count_plus_rustc(HashMap::new(), 1),
    );
}

#[desugar]
async fn then_some_receiver(g: bool, c: char) -> u32 {
    Leaf::new("x").pending(1).ready(g.then_some(1u32)).await;
    Leaf::new("p")
        .pending(1)
        .ready(g.then(|| Probe::new("p")))
        .await;
    Leaf::new("d").pending(1).ready(c.to_digit(10)).await;
    Leaf::new("rhs").pending(1).ready(1u32).await
}

#[desugar]
async fn then_some_alone(g: bool) -> u32 {
    Leaf::new("x").pending(1).ready(g.then_some(1u32)).await;
    Leaf::new("rhs").pending(1).ready(1u32).await
}

#[desugar]
async fn to_digit_alone(c: char) -> u32 {
    Leaf::new("d").pending(1).ready(c.to_digit(10)).await;
    Leaf::new("rhs").pending(1).ready(1u32).await
}

#[desugar]
async fn char_class_alone(c: char, b: u8) -> u32 {
    Leaf::new("c").pending(1).ready(c.is_alphanumeric()).await;
    Leaf::new("b").pending(1).ready(b.is_ascii_digit()).await;
    Leaf::new("rhs").pending(1).ready(1u32).await
}

/// The receivers read again after the awaits: copied, as in rustc.
#[desugar]
async fn then_some_read_after(g: bool, c: char) -> (Option<u32>, Option<Probe>, bool, char) {
    let a = Leaf::new("x").pending(1).ready(g.then_some(1u32)).await;
    let p = Leaf::new("p")
        .pending(1)
        .ready(g.then(|| Probe::new("p")))
        .await;
    let d = Leaf::new("d").pending(1).ready(c.to_digit(16)).await;
    (a.zip(d).map(|(a, d)| a + d), p, g, c)
}

#[test]
fn a_copy_receiver_of_then_some_or_to_digit_in_an_awaited_call() {
    for (g, c) in [(true, '7'), (false, 'x'), (true, 'b')] {
        same_and_no_larger(|| then_some_alone(g), || then_some_alone_rustc(g));
        same_and_no_larger(|| to_digit_alone(c), || to_digit_alone_rustc(c));
        same_and_no_larger(
            || char_class_alone(c, c as u8),
            || char_class_alone_rustc(c, c as u8),
        );
        same_and_no_larger(
            || then_some_receiver(g, c),
            || then_some_receiver_rustc(g, c),
        );
        same_and_no_larger(
            || then_some_read_after(g, c),
            || then_some_read_after_rustc(g, c),
        );
    }
    both_send(
        &then_some_receiver(true, '1'),
        &then_some_receiver_rustc(true, '1'),
    );
    both_send(
        &then_some_read_after(true, '1'),
        &then_some_read_after_rustc(true, '1'),
    );
}

#[desugar]
async fn closure_making_futures(base: u32) -> u32 {
    let mk = |id: u32| async move { id + base };
    Leaf::new("x").pending(1).ready(()).await;
    mk(1).await + mk(2).await
}

#[desugar]
async fn future_made_before_an_await(base: u32, tag: Probe) -> (u32, usize) {
    let step = 3u64;
    let mk = |id: u32| async move { id + base + step as u32 };
    let fut = mk(1);
    Leaf::new("x").pending(1).ready(()).await;
    let n = fut.await + mk(2).await;
    (n + base, tag.label().len())
}

#[desugar]
async fn boxed_future_maker(base: u32) -> u32 {
    let mk = |id: u32| -> std::pin::Pin<Box<dyn Future<Output = u32>>> {
        Box::pin(async move { id * base })
    };
    Leaf::new("x").pending(1).ready(()).await;
    mk(2).await + mk(3).await
}

/// A field of a `Copy` local, and a `move` closure inside a closure.
#[desugar]
async fn field_and_nested_move(origin: (u32, u32), scale: u32) -> u32 {
    let mk = |id: u32| {
        let f = move |x: u32| x * scale;
        async move { f(id) + origin.1 }
    };
    let fut = mk(2);
    Leaf::new("x").pending(1).ready(()).await;
    fut.await + mk(3).await + origin.0
}

#[test]
fn a_closure_returning_an_async_move_block_that_names_a_copy_local() {
    same_and_no_larger(
        || field_and_nested_move((1, 2), 3),
        || field_and_nested_move_rustc((1, 2), 3),
    );
    same_and_no_larger(
        || closure_making_futures(5),
        || closure_making_futures_rustc(5),
    );
    same_and_no_larger(
        || future_made_before_an_await(5, Probe::new("tag")),
        || future_made_before_an_await_rustc(5, Probe::new("tag")),
    );
    same_and_no_larger(|| boxed_future_maker(5), || boxed_future_maker_rustc(5));
    both_send(&closure_making_futures(5), &closure_making_futures_rustc(5));
    both_send(
        &future_made_before_an_await(5, Probe::new("tag")),
        &future_made_before_an_await_rustc(5, Probe::new("tag")),
    );
}

#[desugar]
#[allow(clippy::await_holding_refcell_ref)] // the borrow held across the await is under test
async fn guard_ok_or(cell: RefCell<Option<u32>>) -> (bool, bool, u32, bool) {
    let g = cell.borrow();
    let v = g.ok_or(0u32).is_ok();
    let w = Leaf::new("x").pending(1).ready(v).await;
    let x = g.xor(Some(2)).unwrap_or(0) + g.unwrap_or(7) + g.map_or(1, |n| n * 3);
    let locked = cell.try_borrow_mut().is_err();
    drop(g);
    Leaf::new("y").pending(1).ready(()).await;
    (w, locked, x, cell.try_borrow_mut().is_ok())
}

#[desugar]
#[allow(clippy::await_holding_refcell_ref)] // the borrow held across the await is under test
async fn typed_guard_expect(cell: Rc<RefCell<Option<Probe>>>, n: Rc<RefCell<Option<u32>>>) -> u32 {
    let g: Ref<'_, Option<u32>> = n.borrow();
    let m = g.expect("set") + Leaf::new("x").pending(1).ready(1u32).await;
    let held = n.try_borrow_mut().is_err();
    let p = cell.borrow_mut().take();
    Leaf::new("y").pending(1).ready(p).await;
    m + u32::from(held) + g.unwrap_or_default()
}

#[desugar]
#[allow(clippy::await_holding_lock)] // the lock held across the await is under test
async fn mutex_guard_map_or(m: Arc<Mutex<Option<u32>>>) -> (u32, bool) {
    let g = m.lock().unwrap();
    let n = g.map_or(0, |x| x * 3);
    let b = g.is_some_and(|x| x > 1);
    Leaf::new("x").pending(1).ready(()).await;
    (n + u32::from(b), m.try_lock().is_err())
}

#[test]
fn a_method_named_like_a_consuming_one_on_a_local_guard() {
    for v in [Some(4), None] {
        same_and_no_larger(
            || guard_ok_or(RefCell::new(v)),
            || guard_ok_or_rustc(RefCell::new(v)),
        );
        let m = || Arc::new(Mutex::new(v));
        same_and_no_larger(|| mutex_guard_map_or(m()), || mutex_guard_map_or_rustc(m()));
    }
    let cells = || {
        (
            Rc::new(RefCell::new(Some(Probe::new("p")))),
            Rc::new(RefCell::new(Some(5))),
        )
    };
    same_and_no_larger(
        || {
            let (c, n) = cells();
            typed_guard_expect(c, n)
        },
        || {
            let (c, n) = cells();
            typed_guard_expect_rustc(c, n)
        },
    );
}

#[desugar]
async fn guarded_matches_in_move_closure() -> (bool, bool) {
    let tag = Probe::new("tag");
    let ok = move |x: Option<u32>| matches!(x, Some(n) if n > 0 && tag.label() == "tag");
    let other = Probe::new("other");
    let block = async move { matches!(Some(2), Some(n) if n > other.label().len()) };
    Leaf::new("x").pending(1).ready(()).await;
    (ok(Some(1)), block.await)
}

#[test]
fn a_local_named_in_a_guarded_matches_in_a_move_closure() {
    same_and_no_larger(
        guarded_matches_in_move_closure,
        guarded_matches_in_move_closure_rustc,
    );
    both_send(
        &guarded_matches_in_move_closure(),
        &guarded_matches_in_move_closure_rustc(),
    );
}

#[desugar]
#[allow(clippy::into_iter_on_ref)] // the reborrowing `into_iter` is under test
async fn bump_all(mut v: Vec<u32>, tag: Probe) -> (Vec<u32>, usize) {
    let r = &mut v;
    for x in r.into_iter() {
        *x += Leaf::new("x").pending(1).ready(1u32).await;
    }
    r.push(9);
    let total: u32 = r.iter().sum();
    r.push(total);
    (v, tag.label().len())
}

#[test]
fn into_iter_on_a_local_mut_reference_in_a_loop_that_awaits() {
    for v in [vec![], vec![1, 2]] {
        same_and_no_larger(
            || bump_all(v.clone(), Probe::new("tag")),
            || bump_all_rustc(v.clone(), Probe::new("tag")),
        );
    }
    both_send(
        &bump_all(vec![1], Probe::new("tag")),
        &bump_all_rustc(vec![1], Probe::new("tag")),
    );
}
