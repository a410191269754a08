//! A `let` whose `if` or `match` has a branch that awaits: each branch's
//! value is a coercion to the type the branches share, as in rustc, also
//! where the branch that awaits gives a more specific type than the one
//! before it. The "get or connect" idiom: one branch lends what is cached
//! (`&T`), the other awaits a fresh value and stores it (`Option::insert`
//! gives a `&mut T`, which rustc makes a `&T`).
//!
//! The expansion writes the code after the await again in the arm that
//! resumes there, where the `&mut T` was all rustc saw of the value: that
//! copy took it for the local's type, and the build failed (E0308 "types
//! differ in mutability" at `#[desugar]`). Each machine is compared with
//! its twin, must be no larger, and `Send` where the twin is.

mod common;

use common::{assert_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

#[desugar]
async fn cached_or_load(slot: &mut Option<u32>, cached: bool) -> u32 {
    let n = if cached {
        slot.as_ref().unwrap()
    } else {
        let v = Leaf::new("load").pending(1).ready(7u32).await;
        slot.insert(v)
    };
    *n
}

#[desugar]
async fn conn_or_connect(slot: &mut Option<String>) -> usize {
    let conn = match slot.as_ref() {
        Some(c) => c,
        None => {
            let c = Leaf::new("connect")
                .pending(1)
                .ready(String::from("db"))
                .await;
            slot.insert(c)
        }
    };
    Leaf::new("query").pending(1).ready(conn.len()).await
}

/// The same, once per request in a loop, the connection kept across the
/// query's await.
#[desugar]
async fn conn_per_request(slot: &mut Option<String>, requests: u32) -> usize {
    let mut total = 0;
    for i in 0..requests {
        let conn = match slot.as_ref() {
            Some(c) if i.is_multiple_of(2) => c,
            Some(_) | None => {
                let c = Leaf::new("connect")
                    .pending(1)
                    .ready(format!("db{i}"))
                    .await;
                slot.insert(c)
            }
        };
        total += Leaf::new("query").pending(1).ready(conn.len()).await;
        total += conn.len();
    }
    total
}

/// In a `while` loop, with `get_or_insert_with` beside the insert. (The
/// first branch must give the type the others are made: a `&mut T` before
/// a `&T` fails to build, see README "Known differences".)
#[desugar]
async fn while_cached(slot: &mut Option<u32>, mut left: u32) -> u32 {
    let mut total = 0;
    while left > 0 {
        let n = if left.is_multiple_of(2) {
            &*slot.get_or_insert_with(|| 1)
        } else if left == 1 {
            Leaf::new("skip").pending(1).ready(()).await;
            slot.get_or_insert(5)
        } else {
            let v = Leaf::new("load").pending(1).ready(left).await;
            slot.insert(v)
        };
        total += *n;
        left -= 1;
    }
    total
}

/// After an `if` that awaits, and in a `loop` with `break`.
#[desugar]
async fn after_branch_in_loop(slot: &mut Option<u32>, warm: bool) -> u32 {
    if warm {
        Leaf::new("warmup").pending(1).ready(()).await;
    }
    let mut rounds = 0;
    loop {
        let n = match slot.as_ref() {
            Some(n) if rounds > 0 => n,
            _ => {
                let v = Leaf::new("load").pending(1).ready(rounds + 10).await;
                slot.insert(v)
            }
        };
        rounds += 1;
        if *n > 10 || rounds > 2 {
            break *n + rounds;
        }
    }
}

/// An array's reference from the branch that awaits, a slice from the one
/// before it: rustc makes the array's a slice.
#[desugar]
async fn slice_or_array(v: Vec<u8>, whole: bool) -> usize {
    let arr = [1u8, 2, 3];
    let s = if whole {
        &v[..]
    } else {
        Leaf::new("wait").pending(1).ready(()).await;
        &arr
    };
    Leaf::new("len").pending(1).ready(s.len()).await + s.iter().map(|&b| b as usize).sum::<usize>()
}

trait Shape {
    fn area(&self) -> u32;
}

struct Square(u32, Probe);
struct Line(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        self.1.touch();
        self.0 * self.0
    }
}

impl Shape for Line {
    fn area(&self) -> u32 {
        self.0
    }
}

/// A type written on the `let`: each branch's box is made a `Box<dyn ..>`.
#[desugar]
async fn boxed_shape(k: u32) -> u32 {
    let shape: Box<dyn Shape + Send> = if k == 0 {
        Box::new(Line(k))
    } else {
        let side = Leaf::new("side").pending(1).ready(k).await;
        Box::new(Square(side, Probe::new("square")))
    };
    Leaf::new("area").pending(1).ready(shape.area()).await
}

/// Branches that never give a value (`return`, `panic!`) beside ones that
/// await and give a `&mut`.
#[desugar]
async fn never_branches(slot: &mut Option<u32>, k: u32) -> u32 {
    let n = match k {
        0 => return 0,
        1 => slot.as_ref().unwrap_or(&1),
        2 => {
            let v = Leaf::new("load").pending(1).ready(2u32).await;
            slot.insert(v)
        }
        3 => panic!("three"),
        _ => {
            Leaf::new("wait").pending(1).ready(()).await;
            return k;
        }
    };
    *n + Leaf::new("more").pending(1).ready(1u32).await
}

#[test]
fn get_or_connect() {
    for b in [false, true] {
        same_and_no_larger(
            || {
                let mut s = Some(1);
                async move { cached_or_load(&mut s, b).await }
            },
            || {
                let mut s = Some(1);
                async move { cached_or_load_rustc(&mut s, b).await }
            },
        );
        same_and_no_larger(
            || {
                let mut s = b.then(|| String::from("c"));
                async move { conn_or_connect(&mut s).await }
            },
            || {
                let mut s = b.then(|| String::from("c"));
                async move { conn_or_connect_rustc(&mut s).await }
            },
        );
    }
    let mut s = None;
    let mut t = None;
    assert_send(&cached_or_load(&mut s, true));
    assert_send(&conn_or_connect(&mut t));
}

#[test]
fn in_loops() {
    for n in 0..4 {
        for b in [false, true] {
            same_and_no_larger(
                || {
                    let mut s = b.then(|| String::from("c"));
                    async move { conn_per_request(&mut s, n).await }
                },
                || {
                    let mut s = b.then(|| String::from("c"));
                    async move { conn_per_request_rustc(&mut s, n).await }
                },
            );
            same_and_no_larger(
                || {
                    let mut s = b.then_some(3);
                    async move { while_cached(&mut s, n).await }
                },
                || {
                    let mut s = b.then_some(3);
                    async move { while_cached_rustc(&mut s, n).await }
                },
            );
            same_and_no_larger(
                || {
                    let mut s = (n > 1).then_some(n * 4);
                    async move { after_branch_in_loop(&mut s, b).await }
                },
                || {
                    let mut s = (n > 1).then_some(n * 4);
                    async move { after_branch_in_loop_rustc(&mut s, b).await }
                },
            );
        }
    }
    let mut s = None;
    assert_send(&conn_per_request(&mut s, 2));
    let mut s = None;
    assert_send(&while_cached(&mut s, 2));
    let mut s = None;
    assert_send(&after_branch_in_loop(&mut s, true));
}

#[test]
fn unsized_and_boxed() {
    for b in [false, true] {
        same_and_no_larger(
            || slice_or_array(vec![4, 5], b),
            || slice_or_array_rustc(vec![4, 5], b),
        );
    }
    for k in 0..3 {
        same_and_no_larger(|| boxed_shape(k), || boxed_shape_rustc(k));
    }
    assert_send(&slice_or_array(vec![], true));
    assert_send(&boxed_shape(1));
}

#[test]
fn never_typed_branches() {
    for k in [0, 1, 2, 3, 4] {
        for b in [false, true] {
            same_and_no_larger(
                || {
                    let mut s = b.then_some(9);
                    async move { never_branches(&mut s, k).await }
                },
                || {
                    let mut s = b.then_some(9);
                    async move { never_branches_rustc(&mut s, k).await }
                },
            );
        }
    }
    let mut s = None;
    assert_send(&never_branches(&mut s, 2));
}
