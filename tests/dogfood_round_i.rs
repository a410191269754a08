//! Shapes a dogfood hunt found (valid code the machine did not build, and
//! machines larger than their twins), each compared with rustc's twin
//! (`assert_same`: every cancellation point, with and without extra
//! `Pending`s), no larger, and `Send` where the twin is.
//!
//! - `let [a, b]: [String; 2] = v.try_into().map_err(..)?;` then an await:
//!   `try_into` was taken for a method that borrows `v`, which was then
//!   kept across the await though moved (E0382 at the parameter). It takes
//!   `self`, as `into` does, and the caller chooses its result's type.
//! - `if let Some(j) = q.lock().unwrap().pop() { j } else { f().await }`
//!   (and through `RefCell::borrow_mut`): the guard, used once and kept
//!   with a flag, was read through `&` there, where `pop` goes through its
//!   `DerefMut` (E0596). A local reached mutably is flagged only where it
//!   has one use, which now reaches its place through `&mut`. The guard is
//!   still a field of the `else`'s state, larger than rustc's and not
//!   `Send` (README, "`Send` where rustc knows more than syntax"): the
//!   size is not compared.
//! - `let Some(&first) = c.borrow().first() else { return f().await };`:
//!   the value, which borrows the guard, was bound by a `let` of its own,
//!   which dropped the guard before the match (E0716). A value whose
//!   pattern copies out through a reference, or binds nothing, is matched
//!   in the statement that makes it, as rustc matches it.
//! - `match v.as_mut_slice() { [head, ..] => { x.await; *head += 1 } _ =>
//!   {} }` (also `[.., tail]`), and `if let
//!   Some(Sess { hits, .. }) = v.iter_mut().find(..)`: the value, whose
//!   type syntax does not know, was moved into the state to be dropped
//!   after the arm, while the bindings borrowed through it (E0505). Such a
//!   value, matched by patterns that bind some parts and leave the rest,
//!   is kept in place.
//! - `match s.open().pop_after(&Probe::new("a")) { .. arms that await .. }`
//!   with `mut s: Source`, `open(&mut self) -> Opened<'_>` and
//!   `pop_after(&mut self, p: &Probe)`: the receiver, named ahead of the
//!   argument's temporary to keep their order, was reached through `&`
//!   (E0596), where with `s: &mut Source` it was reached through `&mut`
//!   as what a `&mut` makes. A receiver of a method syntax does not know
//!   is reached mutably. (A `pop_after(self, ..)` there is README's
//!   E0507 at the receiver: write `Opened::pop_after(s.open(), ..)`.)
//! - `let (_left, right) = v.split_at_mut(1); if let Some(r) =
//!   right.first_mut() { *r += f().await }`: `_left`, in scope and not used
//!   after the await, was kept to be dropped at the end of its scope, 8
//!   bytes larger than rustc's future. A value kept only to be dropped is
//!   kept as nothing where it is a `&mut`, as it is where it is `Copy`.
//! - `for line in text.lines() { if let Some((k, _)) = line.split_once('=')
//!   { let k = k.trim(); x.await; .. } }`: `k`, bound again after the part
//!   the pattern skips, was not seen to be a borrow of text, so it was kept
//!   in place for what `k.trim()` borrows, 8 bytes larger. The parts of a
//!   split or stripped text an `if let` or `match` binds are borrows of
//!   the text, and so is a local given one whole.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, assert_same};
use std::cell::RefCell;
use std::sync::Mutex;

// ---- try_into takes self ----

#[desugar]
async fn exact_two(v: Vec<String>) -> Result<String, usize> {
    let [a, b]: [String; 2] = v.try_into().map_err(|v: Vec<String>| v.len())?;
    let b = Leaf::new("mid").pending(1).ready(b).await;
    Ok(format!("{a}{b}"))
}

#[test]
fn try_into_moves_its_receiver() {
    for v in [vec!["a".to_string(), "b".into()], vec!["x".into()]] {
        both_send(&exact_two(v.clone()), &exact_two_rustc(v.clone()));
        same_and_no_larger(|| exact_two(v.clone()), || exact_two_rustc(v.clone()));
    }
}

// ---- A guard used once, through DerefMut ----

#[desugar]
async fn next_job(q: &Mutex<Vec<u32>>) -> u32 {
    if let Some(j) = q.lock().unwrap().pop() {
        j
    } else {
        Leaf::new("refill").pending(1).ready(7).await
    }
}

#[desugar]
async fn next_cell_job(q: &RefCell<Vec<u32>>) -> u32 {
    if let Some(j) = q.borrow_mut().pop() {
        j
    } else {
        Leaf::new("refill").pending(1).ready(7).await
    }
}

#[test]
fn a_guard_used_once_is_reached_through_deref_mut() {
    for v in [vec![], vec![1, 2]] {
        let mutex = || {
            let v = v.clone();
            async move {
                let m = Mutex::new(v);
                let r = next_job(&m).await;
                (r, m.into_inner().unwrap())
            }
        };
        let mutex_rustc = || {
            let v = v.clone();
            async move {
                let m = Mutex::new(v);
                let r = next_job_rustc(&m).await;
                (r, m.into_inner().unwrap())
            }
        };
        assert!(assert_same(mutex, mutex_rustc).outcome.starts_with("Ready"));
        let cell = || {
            let v = v.clone();
            async move {
                let c = RefCell::new(v);
                let r = next_cell_job(&c).await;
                (r, c.into_inner())
            }
        };
        let cell_rustc = || {
            let v = v.clone();
            async move {
                let c = RefCell::new(v);
                let r = next_cell_job_rustc(&c).await;
                (r, c.into_inner())
            }
        };
        assert!(assert_same(cell, cell_rustc).outcome.starts_with("Ready"));
    }
}

// ---- let … else copying out of a borrow of a temporary ----

#[desugar]
async fn first_or_seed(c: &RefCell<Vec<u32>>) -> u32 {
    let Some(&first) = c.borrow().first() else {
        return Leaf::new("seed").pending(1).ready(9).await;
    };
    first
}

#[desugar]
async fn typed_first_or_seed(c: &RefCell<Vec<u32>>) -> u32 {
    let Some(&first): Option<&u32> = c.borrow().first() else {
        return Leaf::new("seed").pending(1).ready(9).await;
    };
    first
}

#[desugar]
async fn any_or_seed(c: &RefCell<Vec<u32>>) -> u32 {
    let Some(_) = c.borrow().first() else {
        return Leaf::new("seed").pending(1).ready(9).await;
    };
    Leaf::new("then").pending(1).ready(1).await
}

pub struct Holder {
    _probe: Probe,
    items: Vec<u32>,
}

impl Holder {
    fn pick(&self) -> (Probe, Option<&u32>) {
        (Probe::new("picked"), self.items.first())
    }
}

fn holder(items: Vec<u32>) -> Holder {
    Holder {
        _probe: Probe::new("holder"),
        items,
    }
}

/// What the value and its temporary drop, in rustc's order, where the
/// pattern fails and where it matches.
#[desugar]
async fn picked_or_seed(items: Vec<u32>) -> u32 {
    let (_, Some(&n)) = holder(items).pick() else {
        return Leaf::new("seed").pending(1).ready(9).await;
    };
    Leaf::new("then").pending(1).ready(n).await
}

#[test]
fn a_let_else_copying_out_of_a_borrowed_temporary_matches_in_its_statement() {
    for v in [vec![], vec![4]] {
        macro_rules! in_cell {
            ($f:ident) => {
                || {
                    let v = v.clone();
                    async move { $f(&RefCell::new(v)).await }
                }
            };
        }
        same_and_no_larger(in_cell!(first_or_seed), in_cell!(first_or_seed_rustc));
        same_and_no_larger(
            in_cell!(typed_first_or_seed),
            in_cell!(typed_first_or_seed_rustc),
        );
        same_and_no_larger(in_cell!(any_or_seed), in_cell!(any_or_seed_rustc));
        both_send(&picked_or_seed(v.clone()), &picked_or_seed_rustc(v.clone()));
        same_and_no_larger(
            || picked_or_seed(v.clone()),
            || picked_or_seed_rustc(v.clone()),
        );
    }
}

// ---- Parts bound beside a rest, through a &mut whose type syntax does not know ----

#[desugar]
#[allow(clippy::single_match)] // the match form under test
async fn bump_head(mut v: Vec<u32>) -> Vec<u32> {
    match v.as_mut_slice() {
        [head, ..] => {
            Leaf::new("tick").pending(1).ready(()).await;
            *head += 1;
        }
        _ => {}
    }
    v
}

#[desugar]
#[allow(clippy::single_match)] // the match form under test
async fn bump_tail(mut v: Vec<u32>) -> Vec<u32> {
    match v.as_mut_slice() {
        [.., tail] => {
            Leaf::new("tick").pending(1).ready(()).await;
            *tail += 1;
        }
        _ => {}
    }
    v
}

pub struct Sess {
    pub id: u32,
    pub hits: u32,
    pub name: String,
}

#[desugar]
async fn hit(mut sessions: Vec<Sess>, id: u32) -> Vec<(u32, u32, String)> {
    if let Some(Sess { hits, .. }) = sessions.iter_mut().find(|s| s.id == id) {
        Leaf::new("inc").pending(1).ready(()).await;
        *hits += 1;
    }
    sessions
        .into_iter()
        .map(|s| (s.id, s.hits, s.name))
        .collect()
}

#[desugar]
async fn rename(mut v: Vec<(u32, String)>, key: u32) -> Vec<(u32, String)> {
    if let Some((_, name)) = v.iter_mut().find(|(k, _)| *k == key) {
        Leaf::new("tick").pending(1).ready(()).await;
        name.push('!');
    }
    v
}

#[test]
fn parts_bound_beside_a_rest_through_a_mut_keep_it_in_place() {
    for v in [vec![], vec![5], vec![1, 2, 3]] {
        both_send(&bump_head(v.clone()), &bump_head_rustc(v.clone()));
        same_and_no_larger(|| bump_head(v.clone()), || bump_head_rustc(v.clone()));
        same_and_no_larger(|| bump_tail(v.clone()), || bump_tail_rustc(v.clone()));
    }
    for id in [1, 7] {
        let sessions = || {
            vec![Sess {
                id: 1,
                hits: 0,
                name: "s".into(),
            }]
        };
        both_send(&hit(sessions(), id), &hit_rustc(sessions(), id));
        same_and_no_larger(|| hit(sessions(), id), || hit_rustc(sessions(), id));
        let pairs = || vec![(1, "a".to_string())];
        same_and_no_larger(|| rename(pairs(), id), || rename_rustc(pairs(), id));
    }
}

// ---- A receiver named ahead of an argument's temporary ----

pub struct Source {
    items: Vec<u32>,
}

pub struct Opened<'a> {
    items: &'a mut Vec<u32>,
}

impl Source {
    fn open(&mut self) -> Opened<'_> {
        Opened {
            items: &mut self.items,
        }
    }
}

impl Opened<'_> {
    fn pop_after(&mut self, p: &Probe) -> Option<(Probe, u32)> {
        p.touch();
        self.items.pop().map(|n| (Probe::new("popped"), n))
    }
}

#[desugar]
async fn one(mut s: Source) -> u32 {
    match s.open().pop_after(&Probe::new("a")) {
        Some((p, n)) => {
            let k = Leaf::new("some").pending(1).ready(n).await;
            drop(p);
            k
        }
        None => Leaf::new("none").pending(1).ready(0).await,
    }
}

#[desugar]
async fn one_through(s: &mut Source) -> u32 {
    match s.open().pop_after(&Probe::new("a")) {
        Some((p, n)) => {
            let k = Leaf::new("some").pending(1).ready(n).await;
            drop(p);
            k
        }
        None => Leaf::new("none").pending(1).ready(0).await,
    }
}

#[test]
fn a_receiver_named_ahead_is_reached_mutably() {
    for v in [vec![], vec![3, 4]] {
        let source = || Source { items: v.clone() };
        both_send(&one(source()), &one_rustc(source()));
        same_and_no_larger(|| one(source()), || one_rustc(source()));
        let through = || async {
            let mut s = source();
            let n = one_through(&mut s).await;
            (n, s.items)
        };
        let through_rustc = || async {
            let mut s = source();
            let n = one_through_rustc(&mut s).await;
            (n, s.items)
        };
        same_and_no_larger(through, through_rustc);
    }
}

// ---- A &mut kept only to be dropped ----

#[desugar]
async fn bump_second(mut v: Vec<u32>) -> Vec<u32> {
    let (_left, right) = v.split_at_mut(1);
    if let Some(r) = right.first_mut() {
        *r += Leaf::new("r").pending(1).ready(1).await;
    }
    v
}

#[desugar]
async fn bump_right(mut v: Vec<u32>) -> Vec<u32> {
    if v.is_empty() {
        return v;
    }
    let (_left, right) = v.split_at_mut(1);
    if let [r, ..] = right {
        Leaf::new("tick").pending(1).ready(()).await;
        *r += 1;
    }
    v
}

#[test]
fn a_mut_kept_only_to_be_dropped_is_kept_as_nothing() {
    for v in [vec![], vec![1], vec![1, 2]] {
        both_send(&bump_right(v.clone()), &bump_right_rustc(v.clone()));
        same_and_no_larger(|| bump_right(v.clone()), || bump_right_rustc(v.clone()));
    }
    for v in [vec![1], vec![1, 2]] {
        both_send(&bump_second(v.clone()), &bump_second_rustc(v.clone()));
        same_and_no_larger(|| bump_second(v.clone()), || bump_second_rustc(v.clone()));
    }
}

// ---- Parts of a split text are borrows of the text ----

#[desugar]
async fn keys(text: String) -> Vec<String> {
    let mut out = vec![];
    for line in text.lines() {
        if let Some((k, _)) = line.split_once('=') {
            let k = k.trim();
            Leaf::new("d").pending(1).ready(()).await;
            out.push(k.to_string());
        }
    }
    out
}

#[desugar]
async fn stripped(text: String) -> Vec<String> {
    let mut out = vec![];
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('#') {
            let rest = rest.trim();
            Leaf::new("d").pending(1).ready(()).await;
            out.push(rest.to_string());
        }
    }
    out
}

async fn io<T: std::fmt::Debug>(name: &str, v: T) -> T {
    Leaf::new(name).pending(1).ready(v).await
}

/// The parts a `let … else` binds of `split_once`'s `Option`, one borrowed
/// by `trim()` in an awaited call (dogfood round I3, size_1: 176 bytes
/// against 160, `name` kept in place).
#[desugar]
async fn header(l: &str) -> usize {
    let Some((name, value)) = l.split_once(':') else {
        return 0;
    };
    io("n", name.trim()).await.len() + value.len()
}

#[test]
fn parts_of_a_split_text_borrow_the_text() {
    for t in ["a=1\n# c\n\nb = true\nc=", "x"] {
        both_send(&keys(t.to_string()), &keys_rustc(t.to_string()));
        same_and_no_larger(|| keys(t.to_string()), || keys_rustc(t.to_string()));
        same_and_no_larger(|| stripped(t.to_string()), || stripped_rustc(t.to_string()));
    }
    for l in ["A: 1", "bad"] {
        both_send(&header(l), &header_rustc(l));
        same_and_no_larger(|| header(l), || header_rustc(l));
    }
}
