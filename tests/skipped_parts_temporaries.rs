//! Parts skipped with `_` (or bound beside a `ref`) in a pattern on a value
//! the `match` makes itself, or reached through `iter_mut()` and
//! `as_mut()`: there `_` may stand for a `&mut` the pattern binds nothing
//! to, with nothing to drop, or for a part that stays in the temporary and
//! drops at the end of the statement, after the temporaries made before it.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe, note};

/// A tuple pattern through `iter_mut().next()`: the receiver `iter_mut()`
/// is a temporary of its own. The machine kept the `Option<&mut _>`
/// across the await while `name` borrowed through it (E0505, dogS
/// build_1); `(_id, name)` built.
#[desugar]
async fn renamed(items: &mut [(u32, String)]) -> usize {
    match items.iter_mut().next() {
        Some((_, name)) => {
            Leaf::new("a").pending(1).ready(()).await;
            name.push('!');
            name.len()
        }
        None => 0,
    }
}

#[test]
fn a_part_skipped_through_iter_mut() {
    for start in [vec![], vec![(1, "x".to_owned())]] {
        same_and_no_larger(
            || {
                let mut v = start.clone();
                async move {
                    let n = renamed(&mut v).await;
                    (n, v)
                }
            },
            || {
                let mut v = start.clone();
                async move {
                    let n = renamed_rustc(&mut v).await;
                    (n, v)
                }
            },
        );
    }
    let (mut a, mut b) = (vec![], vec![]);
    both_send(&renamed(&mut a), &renamed_rustc(&mut b));
}

/// A source whose `open` makes a guard (with a probe) that the popped
/// value is taken from: the guard is a temporary made before the
/// scrutinee, which rustc drops after the part `_` leaves in it.
pub struct Source(Vec<(Probe, Probe)>);

pub struct Opened<'a> {
    items: &'a mut Vec<(Probe, Probe)>,
    _guard: Probe,
}

impl Source {
    fn open(&mut self) -> Opened<'_> {
        Opened {
            items: &mut self.0,
            _guard: Probe::new("guard"),
        }
    }
}

impl Opened<'_> {
    fn pop(&mut self) -> Option<(Probe, Probe)> {
        self.items.pop()
    }

    /// Takes the guard by value, in a method syntax cannot tell from one
    /// that borrows it.
    fn finish(self) -> Option<(Probe, Probe)> {
        self.items.pop()
    }

    /// With an argument that is a temporary of its own, made before the
    /// popped value and dropped after it.
    fn pop_after(&mut self, _: &Probe) -> Option<(Probe, Probe)> {
        self.items.pop()
    }
}

fn source() -> Source {
    Source(vec![(Probe::new("moved"), Probe::new("skipped"))])
}

/// An owned part skipped beside a receiver made in the statement: it drops
/// after the arm, before the guard, as in rustc (it was E0382).
#[desugar]
async fn popped(mut s: Source) -> usize {
    let n = match s.open().pop() {
        Some((p, _)) => {
            Leaf::new("a").pending(1).ready(()).await;
            p.label().len()
        }
        None => 0,
    };
    n + s.0.len()
}

/// The same in an `if let` without `else`.
#[desugar]
async fn popped_if(mut s: Source) -> usize {
    if let Some((_, p)) = s.open().pop() {
        Leaf::new("a").pending(1).ready(()).await;
        p.touch();
    }
    s.0.len()
}

/// A receiver a method takes by value, an argument made in the
/// statement, an arm whose expression makes a temporary of its own, a
/// `mut` binding, and an `else if let`: the parts drop after the arm's
/// temporaries and bindings, before the statement's other temporaries.
#[desugar]
async fn popped_in_turn(s: &mut Source, flag: bool) -> usize {
    let a = match s.open().finish() {
        Some((p, _)) => look(&p).await + Probe::new("arm").label().len(),
        None => 0,
    };
    let b = match s.open().pop_after(&Probe::new("argument")) {
        Some((_, mut p)) => {
            Leaf::new("b").pending(1).ready(()).await;
            p.touch();
            p = Probe::new("new");
            p.label().len()
        }
        None => 0,
    };
    let c = if flag {
        0
    } else if let Some((p, _)) = s.open().pop() {
        look(&p).await
    } else {
        1
    };
    a + b + c
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

fn three() -> Source {
    Source(
        ["c", "b", "a"]
            .map(|label| (Probe::new(label), Probe::new(format!("{label} skipped"))))
            .into(),
    )
}

#[test]
fn an_owned_part_skipped_beside_a_receiver_made_in_the_statement() {
    same_and_no_larger(|| popped(source()), || popped_rustc(source()));
    same_and_no_larger(
        || popped(Source(Vec::new())),
        || popped_rustc(Source(Vec::new())),
    );
    same_and_no_larger(|| popped_if(source()), || popped_if_rustc(source()));
    for flag in [false, true] {
        same_and_no_larger(
            move || {
                let mut s = three();
                async move { popped_in_turn(&mut s, flag).await }
            },
            move || {
                let mut s = three();
                async move { popped_in_turn_rustc(&mut s, flag).await }
            },
        );
    }
    both_send(&popped(source()), &popped_rustc(source()));
    both_send(&popped_if(source()), &popped_if_rustc(source()));
    let (mut a, mut b) = (three(), three());
    both_send(
        &popped_in_turn(&mut a, false),
        &popped_in_turn_rustc(&mut b, false),
    );
}

/// An awaited scrutinee whose guarded arm moves all of it and awaits,
/// beside an arm that skips a part with `_`: the machine kept the value,
/// partly moved, to drop it (E0382, dogS build_6).
#[desugar]
async fn got(k: u32) -> u32 {
    match Leaf::new("get")
        .ready(if k > 0 {
            Some((Probe::new("got"), k))
        } else {
            None
        })
        .await
    {
        Some((p, n)) if n > 2 => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            n
        }
        Some((_, n)) => n,
        None => 0,
    }
}

/// The same on a local.
#[desugar]
async fn got_local(k: u32) -> u32 {
    let v = if k > 0 {
        Some((Probe::new("got"), k))
    } else {
        None
    };
    Leaf::new("get").pending(1).ready(()).await;
    match v {
        Some((p, n)) if n > 2 => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            n
        }
        Some((_, n)) => n,
        None => 0,
    }
}

#[test]
fn an_arm_taking_all_of_an_awaited_value_beside_one_that_skips_a_part() {
    for k in [0, 1, 5] {
        same_and_no_larger(move || got(k), move || got_rustc(k));
        same_and_no_larger(move || got_local(k), move || got_local_rustc(k));
    }
    both_send(&got(1), &got_rustc(1));
    both_send(&got_local(1), &got_local_rustc(1));
}

/// A unit struct with a `Drop` impl, matched by name: the pattern binds
/// nothing and leaves it whole, to drop at the end of its scope. Taken for
/// a binding that takes all of it, it was dropped before the await, once
/// an arm that takes all of a value kept nothing of it.
pub struct Token;

impl Drop for Token {
    fn drop(&mut self) {
        note("token dropped");
    }
}

#[allow(clippy::match_single_binding)]
#[desugar]
async fn matched_by_name(token: Token) -> u32 {
    match token {
        Token => {
            Leaf::new("a").pending(1).ready(()).await;
            note("after the await");
            1
        }
    }
}

#[test]
fn a_unit_struct_matched_by_name_stays_to_the_end() {
    same_and_no_larger(|| matched_by_name(Token), || matched_by_name_rustc(Token));
    both_send(&matched_by_name(Token), &matched_by_name_rustc(Token));
}

/// A guarded arm binding `ref p` and awaiting, beside one that skips that
/// part with `_`: the `_` was bound by value, a move out of the parameter
/// kept in place (E0507 naming the hidden `__part1`, dogS build_7).
#[desugar]
async fn graded(v: Option<(Probe, u32)>) -> u32 {
    match v {
        Some((ref p, n)) if p.label() == "x" => Leaf::new("x").pending(1).ready(n).await,
        Some((_, n)) if n > 1 => Leaf::new("mid").pending(1).ready(n).await,
        _ => 0,
    }
}

fn pair(label: &str) -> Option<(Probe, u32)> {
    Some((Probe::new(label), 3))
}

/// The same on a value the `match` makes.
#[desugar]
async fn graded_made(label: &'static str) -> u32 {
    match pair(label) {
        Some((ref p, n)) if p.label() == "x" => Leaf::new("x").pending(1).ready(n).await,
        Some((_, n)) if n > 1 => Leaf::new("mid").pending(1).ready(n).await,
        _ => 0,
    }
}

#[test]
fn a_skipped_part_beside_a_ref_binding_across_an_await() {
    for label in ["x", "y"] {
        same_and_no_larger(
            move || graded(Some((Probe::new(label), 3))),
            move || graded_rustc(Some((Probe::new(label), 3))),
        );
        same_and_no_larger(move || graded_made(label), move || graded_made_rustc(label));
    }
    same_and_no_larger(|| graded(None), || graded_rustc(None));
    both_send(&graded(None), &graded_rustc(None));
    both_send(&graded_made("x"), &graded_made_rustc("x"));
}

/// A tuple pattern through `as_mut()` that skips a `&mut` part: the
/// machine kept that `&mut`, 8 bytes the twin does not keep (dogS size_1).
#[desugar]
async fn first(slot: &mut Option<(u32, u32)>) -> u32 {
    match slot.as_mut() {
        Some((n, _)) => {
            Leaf::new("a").pending(1).ready(()).await;
            *n
        }
        None => 0,
    }
}

#[test]
fn a_borrowed_part_skipped_keeps_nothing() {
    let (mut a, mut b) = (Some((1, 2)), Some((1, 2)));
    let (left, right) = (first(&mut a), first_rustc(&mut b));
    assert!(
        size_of_val(&left) <= size_of_val(&right),
        "{} > {}",
        size_of_val(&left),
        size_of_val(&right)
    );
    both_send(&left, &right);
    for start in [None, Some((1, 2))] {
        same_and_no_larger(
            move || {
                let mut s = start;
                async move { first(&mut s).await }
            },
            move || {
                let mut s = start;
                async move { first_rustc(&mut s).await }
            },
        );
    }
}
