//! A local visibly holding a `&mut` (a `&mut` parameter, `&mut self`,
//! `let slot = &mut v;`, a `ref mut` binding) matched by patterns that
//! bind through it (`match slot { Some(s) => .. }`, `if let`, `let … else`,
//! `while let`, `let (s, n) = pair;`): rustc's default binding modes make
//! the bindings borrow what it points to, and end that borrow at their
//! last use, so the local is usable again after them (`slot.take()`). The
//! machine kept both the `&mut` and the bindings in the await's variant,
//! two unique borrows at once (E0499 "cannot borrow `*slot` as mutable
//! more than once at a time", or E0505); it now keeps the local in place
//! where it is kept across an await the bindings live across.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` as the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture};

fn tick() -> LeafFuture<()> {
    Leaf::new("tick").pending(1).ready(())
}

/// The finding's own shape (dogD11, build_2): the arm awaits, then uses
/// the parameter again.
#[desugar]
async fn take_marked(slot: &mut Option<String>) -> Option<String> {
    match slot {
        Some(s) => {
            tick().await;
            s.push('!');
            slot.take()
        }
        None => None,
    }
}

/// The binding last used before the await, still in scope across it.
#[desugar]
async fn marked_first(slot: &mut Option<String>) -> Option<String> {
    match slot {
        Some(s) => {
            s.push('!');
            tick().await;
            slot.take()
        }
        None => None,
    }
}

#[desugar]
async fn if_let_then_take(slot: &mut Option<String>) -> Option<String> {
    if let Some(s) = slot {
        tick().await;
        s.push('?');
        return slot.take();
    }
    None
}

#[desugar]
async fn let_else_then_take(slot: &mut Option<String>) -> Option<String> {
    let Some(s) = slot else { return None };
    tick().await;
    s.push('.');
    slot.take()
}

/// A binding handed on to a local of a statement without an await.
#[desugar]
async fn handed_on(slot: &mut Option<String>) -> Option<String> {
    let r = match slot {
        Some(s) => s,
        None => return None,
    };
    tick().await;
    r.push('+');
    slot.take()
}

/// A tuple matched through, its parts changed after the await.
#[desugar]
async fn parts_then_whole(pair: &mut (String, u32)) -> u32 {
    let (s, n) = pair;
    tick().await;
    s.push('x');
    *n += 1;
    pair.1 + pair.0.len() as u32
}

/// Matched in a loop, the local used again on each iteration and after.
#[desugar]
async fn in_a_loop(seen: &mut Vec<Option<String>>, slot: &mut Option<String>) -> usize {
    let mut n = 0;
    for _ in 0..3 {
        if let Some(s) = slot {
            tick().await;
            s.push('!');
            n += s.len();
        }
        seen.push(slot.clone());
    }
    n + slot.as_ref().map_or(0, |s| s.len())
}

#[desugar]
async fn count_down(slot: &mut Option<u32>) -> u32 {
    let mut total = 0;
    while let Some(n) = slot {
        tick().await;
        total += *n;
        if *n == 0 {
            *slot = None;
        } else {
            *n -= 1;
        }
    }
    total + slot.unwrap_or(7)
}

/// A local made by `&mut`, and one bound by `ref mut`.
#[desugar]
async fn borrowed_local(mut v: Option<String>) -> (Option<String>, Option<String>) {
    let slot = &mut v;
    let r = match slot {
        Some(s) => {
            tick().await;
            s.push('!');
            slot.take()
        }
        None => None,
    };
    (r, v)
}

#[desugar]
async fn ref_mut_binding(mut v: Option<Option<String>>) -> Option<Option<String>> {
    if let Some(ref mut inner) = v {
        match inner {
            Some(s) => {
                tick().await;
                s.push('#');
                inner.take();
            }
            None => *inner = Some(String::new()),
        }
    }
    v
}

/// Not used after the await: the bindings alone hold the borrow, and the
/// local is not kept, as in rustc.
#[desugar]
async fn not_used_after(slot: &mut Option<String>) -> usize {
    match slot {
        Some(s) => {
            tick().await;
            s.push('!');
            s.len()
        }
        None => 0,
    }
}

pub enum Phase {
    Idle,
    Run(String, u32),
}

pub struct Task {
    phase: Phase,
    log: Vec<String>,
}

impl Task {
    /// `&mut self` matched through, the receiver used after the await.
    #[desugar]
    pub async fn step(&mut self) -> usize {
        match self {
            Task {
                phase: Phase::Run(name, n),
                ..
            } => {
                tick().await;
                *n += 1;
                name.push('+');
                self.log.push(name.clone());
                self.log.len()
            }
            Task {
                phase: Phase::Idle, ..
            } => 0,
        }
    }
}

/// Compares `$machine` with `$twin`, each given a `&mut` to a fresh copy
/// of `$init`, on their outputs and what they leave there; checks both
/// futures are `Send`.
macro_rules! on_copy {
    ($machine:ident, $twin:ident, $init:expr) => {{
        let init = $init;
        let mut a = init.clone();
        let mut b = init.clone();
        both_send(&$machine(&mut a), &$twin(&mut b));
        same_and_no_larger(
            || {
                let mut value = init.clone();
                async move { ($machine(&mut value).await, value) }
            },
            || {
                let mut value = init.clone();
                async move { ($twin(&mut value).await, value) }
            },
        );
    }};
}

#[test]
fn a_slot_matched_through_is_usable_after_the_bindings() {
    for init in [Some("a".to_string()), None] {
        on_copy!(take_marked, take_marked_rustc, init.clone());
        on_copy!(marked_first, marked_first_rustc, init.clone());
        on_copy!(if_let_then_take, if_let_then_take_rustc, init.clone());
        on_copy!(let_else_then_take, let_else_then_take_rustc, init.clone());
        on_copy!(handed_on, handed_on_rustc, init.clone());
        on_copy!(not_used_after, not_used_after_rustc, init.clone());
        same_and_no_larger(
            || {
                let mut slot = init.clone();
                async move {
                    let mut seen = Vec::new();
                    (in_a_loop(&mut seen, &mut slot).await, seen, slot)
                }
            },
            || {
                let mut slot = init.clone();
                async move {
                    let mut seen = Vec::new();
                    (in_a_loop_rustc(&mut seen, &mut slot).await, seen, slot)
                }
            },
        );
        let (mut a, mut b) = (Vec::new(), init.clone());
        let (mut c, mut d) = (Vec::new(), init.clone());
        both_send(&in_a_loop(&mut a, &mut b), &in_a_loop_rustc(&mut c, &mut d));
        same_and_no_larger(
            || borrowed_local(init.clone()),
            || borrowed_local_rustc(init.clone()),
        );
        both_send(&borrowed_local(None), &borrowed_local_rustc(None));
        same_and_no_larger(
            || ref_mut_binding(Some(init.clone())),
            || ref_mut_binding_rustc(Some(init.clone())),
        );
        both_send(&ref_mut_binding(None), &ref_mut_binding_rustc(None));
    }
    for init in [Some(2), Some(0), None] {
        on_copy!(count_down, count_down_rustc, init);
    }
    on_copy!(
        parts_then_whole,
        parts_then_whole_rustc,
        ("a".to_string(), 1)
    );
}

#[test]
fn a_receiver_matched_through_is_usable_after_the_bindings() {
    let task = || Task {
        phase: Phase::Run("a".into(), 1),
        log: Vec::new(),
    };
    for idle in [false, true] {
        let make = || {
            let mut t = task();
            if idle {
                t.phase = Phase::Idle;
            }
            t
        };
        same_and_no_larger(
            || {
                let mut t = make();
                async move { (t.step().await, t.log) }
            },
            || {
                let mut t = make();
                async move { (t.step_rustc().await, t.log) }
            },
        );
    }
    let (mut a, mut b) = (task(), task());
    both_send(&a.step(), &b.step_rustc());
}
