//! Moves out of a `Box` with `*b` around awaits, the core of an owned AST
//! interpreter (`Add(a, b) => eval(*a).await? + eval(*b).await?`).
//!
//! `*b` read by value moves the value out of the box, and the box with it:
//! rustc frees the emptied box at the end of its scope, and nothing else
//! of it is left to drop. The machine kept `b` across the await, read
//! `*b` as a place, and did not build: where `b`'s type does not show
//! (`Some(b)`, `for k in kids`, `let Some((a, b)) = e else { .. }`), it
//! now moves `b` into a call that gives the value, through a check that
//! it is a `Box` or a reference (`rewrite::moved_derefs`); where it shows
//! in a tuple's written type (`let (b, m): (Box<T>, u32) = ..;`, a
//! parameter `(a, n): (Box<T>, u32)`), it is known for a box; and where a
//! branch may move out of a box kept with a drop flag (`if flag { *b }
//! else { .. }`), the box leaves its flag with its value
//! (`__private::UnboxMove`), or the value is copied and the box stays
//! (`__private::UnboxCopy`).
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s, Probe payloads
//! showing what drops when), and must be no larger, and `Send` as the
//! twin is.

use std::future::Future;
use std::pin::Pin;

use desugar::desugar;
use desugar::harness::{Leaf, Probe, Report, assert_same};

/// Compares the machine with its twin (see `assert_same`), and fails if
/// it is larger; returns the outcome.
fn same_and_no_larger(report: Report) -> String {
    assert!(report.left_size <= report.right_size, "{report}");
    report.outcome
}

/// Builds only where both futures are `Send`: the twin's is, so the
/// machine must be too.
fn both_send<A: Send, B: Send>(_: &A, _: &B) {}

/// Waits, then uses the probe it was given, and drops it.
async fn consume(p: Probe) -> u32 {
    Leaf::new("consume").pending(1).ready(()).await;
    p.touch();
    1
}

fn boxed(label: &str) -> Box<Probe> {
    Box::new(Probe::new(label))
}

/// Moved out of straight into an awaited call's arguments, in an arm
/// that is not a block (E0382 "use of moved value: `b`").
#[desugar]
async fn unbox(e: Option<Box<Probe>>) -> u32 {
    match e {
        Some(b) => consume(*b).await,
        None => 0,
    }
}

/// Each element of a loop over boxes (E0382 at `k`).
#[allow(clippy::vec_box)] // a node's children, as the interpreters under test hold them
#[desugar]
async fn eat_all(kids: Vec<Box<Probe>>) -> u32 {
    let mut n = 0;
    for k in kids {
        n += consume(*k).await;
    }
    n
}

/// A box bound by a tuple pattern whose type is written (E0382 at `b`).
#[desugar]
async fn typed_tuple(e: (Box<Probe>, u32)) -> u32 {
    let (b, m): (Box<Probe>, u32) = e;
    consume(*b).await + m
}

/// The same bound by a parameter's tuple pattern (E0382 at `a`).
#[desugar]
async fn param_tuple((a, n): (Box<Probe>, u32)) -> u32 {
    consume(*a).await + n
}

/// Popped off a stack of boxes in a `while let`.
#[allow(clippy::vec_box)] // a node's children, as the interpreters under test hold them
#[desugar]
async fn drain(mut stack: Vec<Box<Probe>>) -> u32 {
    let mut n = 0;
    while let Some(b) = stack.pop() {
        n += consume(*b).await;
    }
    n
}

/// Returned early on one path, kept across an await on the other.
#[desugar]
async fn early_return(e: Option<Box<Probe>>, early: bool) -> Option<Probe> {
    match e {
        Some(b) => {
            if early {
                return Some(*b);
            }
            Leaf::new("wait").pending(1).ready(()).await;
            None
        }
        None => None,
    }
}

/// Two boxes moved out of together in a tuple, then awaited on (E0382
/// at `#[desugar]`).
#[desugar]
async fn pair(e: Option<(Box<Probe>, Box<Probe>)>) -> u32 {
    let Some((a, b)) = e else { return 0 };
    let (a, b) = (*a, *b);
    consume(a).await + consume(b).await
}

/// A box parameter moved out of on one path only: rustc gives `b` a drop
/// flag (E0507 "cannot move out of a shared reference" at `*b`).
#[desugar]
async fn maybe_unbox(b: Box<Probe>, flag: bool) -> u32 {
    let p = if flag { *b } else { Probe::new("fresh") };
    let n = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n
}

/// The same through a block that binds the value (E0507 at `*b`).
#[allow(clippy::let_and_return)] // the shape under test
#[desugar]
async fn maybe_unbox_block(b: Box<Probe>, flag: bool) -> u32 {
    let p = if flag {
        let v = *b;
        v
    } else {
        Probe::new("fresh")
    };
    let n = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n
}

/// A box of a `Copy` value kept with a flag: `*b` copies, and the box
/// stays, read again after the await.
#[desugar]
async fn maybe_copied(b: Box<u32>, flag: bool, p: Probe) -> u32 {
    let n = if flag { *b } else { 7 };
    let m = Leaf::new("mid").pending(1).ready(1u32).await;
    p.touch();
    n + m + *b
}

/// A box whose type does not show, moved out of on one path, in an `if`
/// that is a `let`'s value.
#[desugar]
async fn maybe_unbox_bound(e: Option<Box<Probe>>, flag: bool) -> u32 {
    match e {
        Some(b) => {
            let p = if flag { *b } else { Probe::new("fresh") };
            consume(p).await
        }
        None => 0,
    }
}

/// A reference's referent, bound by a pattern, copied into an awaited
/// call: the check lets a reference through, and `*x` copies.
#[desugar]
async fn first_doubled(v: Vec<u32>, p: Probe) -> u32 {
    match v.first() {
        Some(x) => {
            let n = Leaf::new("double").pending(1).ready(*x * 2).await;
            p.touch();
            n + Leaf::new("add").pending(1).ready(*x).await
        }
        None => 0,
    }
}

pub enum Ast {
    Num(u32, Probe),
    Add(Box<Ast>, Box<Ast>),
    Neg(Box<Ast>),
}

/// The interpreter the desugared fn calls for each operand (boxed, as a
/// recursive async fn must be).
fn value(e: Ast) -> Pin<Box<dyn Future<Output = Result<u32, String>> + Send>> {
    Box::pin(async move {
        match e {
            Ast::Num(n, p) => {
                Leaf::new("num").pending(1).ready(()).await;
                p.touch();
                Ok(n)
            }
            Ast::Add(a, b) => Ok(value(*a).await? + value(*b).await?),
            Ast::Neg(a) => Err(format!("neg {}", value(*a).await?)),
        }
    })
}

/// An owned AST's node taken apart, each operand moved out of its box
/// into an awaited call, the second kept boxed across the first's await.
#[desugar]
async fn eval(e: Ast) -> Result<u32, String> {
    match e {
        Ast::Num(n, p) => {
            p.touch();
            Ok(n)
        }
        Ast::Add(a, b) => Ok(value(*a).await? + value(*b).await?),
        Ast::Neg(a) => Err(format!("neg {}", value(*a).await?)),
    }
}

fn num(n: u32) -> Box<Ast> {
    Box::new(Ast::Num(n, Probe::new(format!("n{n}"))))
}

#[test]
fn moved_out_of_a_pattern_bound_box_into_an_awaited_call() {
    let outcomes = [true, false].map(|some| {
        same_and_no_larger(assert_same(
            || unbox(some.then(|| boxed("p"))),
            || unbox_rustc(some.then(|| boxed("p"))),
        ))
    });
    assert_eq!(outcomes, ["Ready(1)", "Ready(0)"]);
    both_send(&unbox(None), &unbox_rustc(None));
}

#[test]
fn moved_out_of_each_box_of_a_loop() {
    let kids = || vec![boxed("a"), boxed("b"), boxed("c")];
    let outcome = same_and_no_larger(assert_same(|| eat_all(kids()), || eat_all_rustc(kids())));
    assert_eq!(outcome, "Ready(3)");
    both_send(&eat_all(kids()), &eat_all_rustc(kids()));
}

#[test]
fn moved_out_of_a_box_bound_by_a_typed_tuple() {
    let outcome = same_and_no_larger(assert_same(
        || typed_tuple((boxed("b"), 4)),
        || typed_tuple_rustc((boxed("b"), 4)),
    ));
    assert_eq!(outcome, "Ready(5)");
    both_send(
        &typed_tuple((boxed("b"), 4)),
        &typed_tuple_rustc((boxed("b"), 4)),
    );
}

#[test]
fn moved_out_of_a_box_bound_by_a_parameter_pattern() {
    let outcome = same_and_no_larger(assert_same(
        || param_tuple((boxed("a"), 2)),
        || param_tuple_rustc((boxed("a"), 2)),
    ));
    assert_eq!(outcome, "Ready(3)");
    both_send(
        &param_tuple((boxed("a"), 2)),
        &param_tuple_rustc((boxed("a"), 2)),
    );
}

#[test]
fn moved_out_of_boxes_popped_or_returned() {
    let stack = || vec![boxed("a"), boxed("b")];
    let outcome = same_and_no_larger(assert_same(|| drain(stack()), || drain_rustc(stack())));
    assert_eq!(outcome, "Ready(2)");
    both_send(&drain(stack()), &drain_rustc(stack()));
    for early in [true, false] {
        same_and_no_larger(assert_same(
            || early_return(Some(boxed("b")), early),
            || early_return_rustc(Some(boxed("b")), early),
        ));
    }
    both_send(&early_return(None, true), &early_return_rustc(None, true));
}

#[test]
fn two_boxes_moved_out_of_in_a_tuple() {
    let mk = |some: bool| some.then(|| (boxed("a"), boxed("b")));
    let outcomes = [true, false]
        .map(|some| same_and_no_larger(assert_same(|| pair(mk(some)), || pair_rustc(mk(some)))));
    assert_eq!(outcomes, ["Ready(2)", "Ready(0)"]);
    both_send(&pair(mk(true)), &pair_rustc(mk(true)));
}

#[test]
fn a_box_moved_out_of_on_one_path() {
    for flag in [true, false] {
        same_and_no_larger(assert_same(
            || maybe_unbox(boxed("boxed"), flag),
            || maybe_unbox_rustc(boxed("boxed"), flag),
        ));
        same_and_no_larger(assert_same(
            || maybe_unbox_block(boxed("boxed"), flag),
            || maybe_unbox_block_rustc(boxed("boxed"), flag),
        ));
        same_and_no_larger(assert_same(
            || maybe_copied(Box::new(3), flag, Probe::new("p")),
            || maybe_copied_rustc(Box::new(3), flag, Probe::new("p")),
        ));
        for some in [true, false] {
            same_and_no_larger(assert_same(
                || maybe_unbox_bound(some.then(|| boxed("boxed")), flag),
                || maybe_unbox_bound_rustc(some.then(|| boxed("boxed")), flag),
            ));
        }
    }
    both_send(
        &maybe_unbox(boxed("b"), true),
        &maybe_unbox_rustc(boxed("b"), true),
    );
    both_send(
        &maybe_unbox_block(boxed("b"), true),
        &maybe_unbox_block_rustc(boxed("b"), true),
    );
    both_send(
        &maybe_copied(Box::new(3), true, Probe::new("p")),
        &maybe_copied_rustc(Box::new(3), true, Probe::new("p")),
    );
    both_send(
        &maybe_unbox_bound(None, true),
        &maybe_unbox_bound_rustc(None, true),
    );
}

#[test]
fn a_referent_copied_into_an_awaited_call() {
    let outcomes = [vec![2, 5], vec![]].map(|v| {
        same_and_no_larger(assert_same(
            || first_doubled(v.clone(), Probe::new("p")),
            || first_doubled_rustc(v.clone(), Probe::new("p")),
        ))
    });
    assert_eq!(outcomes, ["Ready(6)", "Ready(0)"]);
    both_send(
        &first_doubled(vec![], Probe::new("p")),
        &first_doubled_rustc(vec![], Probe::new("p")),
    );
}

#[test]
fn an_owned_ast_interpreted() {
    let trees = || {
        [
            Ast::Num(1, Probe::new("n1")),
            Ast::Add(num(1), num(2)),
            Ast::Add(Box::new(Ast::Add(num(1), num(2))), num(3)),
            Ast::Neg(num(4)),
            Ast::Add(Box::new(Ast::Neg(num(5))), num(6)),
        ]
    };
    for at in 0..trees().len() {
        let tree = || trees().into_iter().nth(at).unwrap();
        same_and_no_larger(assert_same(|| eval(tree()), || eval_rustc(tree())));
    }
    both_send(&eval(*num(1)), &eval_rustc(*num(1)));
}
