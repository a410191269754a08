//! Shapes a dogfood run found that the plain `async fn` builds and the
//! machine did not, each compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), no larger, and
//! `Send` where the twin is.
//!
//! - A guard that reads the matched local (`if pair.1 > 3`) on an arm
//!   whose pattern takes all of it and awaits, beside an arm that skips a
//!   part with `_`, an await after the `match`: the local was kept across
//!   the later await but not across the arm's, and the machine named the
//!   parameter itself there (E0373, a regression of 7b65e50). Its parts
//!   may only have been copied: it is kept across the arm's await too.
//! - An `if let` on a value a call makes (`q.pop()`, a lock guard's
//!   `pop()`) whose `else` awaits and whose `then` does not: the value was
//!   kept across the `else`'s await and matched in place, where no part
//!   could move out of it (E0507) and the guard could not be borrowed
//!   mutably (E0596).
//! - A struct named by one segment, a field skipped with `_` beside one
//!   moved into an await (E0382); with `..` the build now stops at the `..`
//!   saying what to write.
//! - A guarded `ref` arm beside an arm moving the same part and awaiting
//!   (E0507 in the dogfood run; already built at db87ece, kept here).

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};
use std::sync::Mutex;

async fn send(s: String) -> usize {
    Leaf::new("send").pending(1).ready(s.len()).await
}

#[desugar]
async fn guard_reads_matched(pair: (Option<u32>, u32)) -> u32 {
    let k = match pair {
        (Some(a), b) if pair.1 > 3 => Leaf::new("pa").pending(1).ready(a).await + b,
        (Some(a), _) => a,
        _ => 0,
    };
    Leaf::new("after").pending(1).ready(k).await
}

#[test]
fn a_guard_reading_a_local_an_arm_takes_all_of_beside_a_skipped_part() {
    for pair in [(Some(1), 1), (Some(2), 5), (None, 4)] {
        same_and_no_larger(
            move || guard_reads_matched(pair),
            move || guard_reads_matched_rustc(pair),
        );
    }
    both_send(
        &guard_reads_matched((None, 1)),
        &guard_reads_matched_rustc((None, 1)),
    );
}

/// `q.pop()`'s value, a part skipped with `_`, the `then` branch not
/// awaiting and the `else` awaiting: the value was kept across the `else`'s
/// await and matched in place, where `s` could not move out of it (E0507).
/// Its skipped part is bound at the start of the `then` block now, as
/// where the `then` branch awaits.
#[desugar]
async fn else_awaits(mut q: Vec<(String, Probe)>) -> usize {
    if let Some((s, _)) = q.pop() {
        s.len()
    } else {
        send(String::new()).await
    }
}

/// The same on a lock guard's `pop()`, as README's `Send` section has it:
/// the guard, kept across the `else`'s await, was only read in place, and
/// `pop()` needs it mutably (E0596).
#[desugar]
async fn else_awaits_on_a_guard(m: Mutex<Vec<String>>) -> usize {
    if let Some(s) = m.lock().unwrap().pop() {
        s.len()
    } else {
        send(String::new()).await
    }
}

/// And with a part skipped there (E0507 beside the E0596).
#[desugar]
async fn else_awaits_on_a_guard_skipping(m: Mutex<Vec<(String, Probe)>>) -> usize {
    if let Some((s, _)) = m.lock().unwrap().pop() {
        s.len()
    } else {
        send(String::new()).await
    }
}

#[test]
fn an_if_let_whose_else_awaits_on_a_value_a_call_makes() {
    let pairs = || vec![(String::from("ab"), Probe::new("p"))];
    for full in [false, true] {
        let q = move || if full { pairs() } else { Vec::new() };
        same_and_no_larger(move || else_awaits(q()), move || else_awaits_rustc(q()));
        let texts = move || {
            Mutex::new(if full {
                vec![String::from("ab")]
            } else {
                Vec::new()
            })
        };
        same_and_no_larger(
            move || else_awaits_on_a_guard(texts()),
            move || else_awaits_on_a_guard_rustc(texts()),
        );
        same_and_no_larger(
            move || else_awaits_on_a_guard_skipping(Mutex::new(q())),
            move || else_awaits_on_a_guard_skipping_rustc(Mutex::new(q())),
        );
    }
    both_send(&else_awaits(pairs()), &else_awaits_rustc(pairs()));
}

pub struct Frame {
    pub kind: u8,
    pub payload: String,
    pub trailer: Probe,
}

fn frame(k: u8) -> Option<Frame> {
    (k > 0).then(|| Frame {
        kind: k,
        payload: format!("p{k}"),
        trailer: Probe::new("trailer"),
    })
}

/// A struct named by one segment, a field skipped with `_` beside one
/// moved into an await: left as written, since a struct may implement
/// `Drop`, and the value kept partly moved (E0382). The field moved proves
/// it has none: the skipped field is bound apart (with `..` the build stops
/// at the `..`, `tests/ui/rest_beside_moved_part.rs`).
#[desugar]
async fn struct_field_skipped(k: u8) -> usize {
    match frame(k) {
        Some(Frame {
            kind,
            payload,
            trailer: _,
        }) => send(payload).await + usize::from(kind),
        None => 0,
    }
}

#[test]
fn a_field_of_a_struct_named_by_one_segment_skipped_beside_a_moved_one() {
    for k in [0, 1] {
        same_and_no_larger(
            move || struct_field_skipped(k),
            move || struct_field_skipped_rustc(k),
        );
    }
    both_send(&struct_field_skipped(1), &struct_field_skipped_rustc(1));
}

/// A guarded `ref` arm that does not await, beside an arm that moves the
/// same part and awaits, on `q.pop()` (E0507 in a dogfood run).
#[desugar]
async fn ref_arm_beside_moving_arm(mut q: Vec<String>) -> usize {
    match q.pop() {
        Some(ref s) if s.len() > 3 => 1,
        Some(s) => send(s).await,
        None => 0,
    }
}

/// The same with a part skipped by `_`.
#[desugar]
async fn ref_arm_beside_moving_arm_skipping(mut q: Vec<(String, Probe)>) -> usize {
    match q.pop() {
        Some((ref s, _)) if s.len() > 3 => 1,
        Some((s, _)) => send(s).await,
        None => 0,
    }
}

#[test]
fn a_guarded_ref_arm_beside_an_arm_moving_the_part_and_awaiting() {
    for texts in [&[][..], &["ab"], &["abcdef"]] {
        let q = move || texts.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let pairs = move || {
            q().into_iter()
                .map(|s| (s, Probe::new("p")))
                .collect::<Vec<_>>()
        };
        same_and_no_larger(
            move || ref_arm_beside_moving_arm(q()),
            move || ref_arm_beside_moving_arm_rustc(q()),
        );
        same_and_no_larger(
            move || ref_arm_beside_moving_arm_skipping(pairs()),
            move || ref_arm_beside_moving_arm_skipping_rustc(pairs()),
        );
    }
    both_send(
        &ref_arm_beside_moving_arm(Vec::new()),
        &ref_arm_beside_moving_arm_rustc(Vec::new()),
    );
}
