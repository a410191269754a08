//! Parts of a temporary a pattern skips with `_` while it moves others out:
//! the value a `match`, `if let` or `while let` is on (`match q.pop() {
//! Some(Msg::Text(s, _)) => send(s).await, .. }`), or a `for` loop's
//! element (`for (p, _) in pairs`). rustc drops the skipped parts where
//! the temporary's scope ends: the end of the statement, or of the
//! iteration, after the body and the pattern's bindings. The machine binds
//! them to hidden locals that drop there (`rewrite::skipped_temporary_parts`);
//! before, it kept the partly moved temporary across the await (E0382,
//! "use of partially moved value").
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn send(s: String) -> usize {
    Leaf::new("send").pending(1).ready(s.len()).await
}

async fn look(p: &Probe) -> usize {
    Leaf::new("look").pending(1).ready(()).await;
    p.label().len()
}

async fn recv<T>(q: &mut Vec<T>) -> Option<T> {
    Leaf::new("recv").pending(1).ready(()).await;
    q.pop()
}

pub enum Msg {
    Text(String, Probe),
    Triple(Probe, String, Probe),
    Close(Probe),
}

fn queue() -> Vec<Msg> {
    vec![
        Msg::Close(Probe::new("close")),
        Msg::Triple(Probe::new("first"), "ab".to_owned(), Probe::new("last")),
        Msg::Text("hello".to_owned(), Probe::new("meta")),
    ]
}

/// The event loop: each message popped and matched in place (dogC8,
/// build 3).
#[desugar]
async fn popped_and_matched(mut q: Vec<Msg>) -> usize {
    let mut total = 0;
    loop {
        let before = Probe::new("before");
        let n = match q.pop() {
            Some(Msg::Text(s, _)) => send(s).await,
            Some(Msg::Triple(_, s, _)) => send(s).await + 1,
            Some(Msg::Close(p)) => {
                drop(p);
                break;
            }
            None => break,
        };
        before.touch();
        total += n;
    }
    total
}

/// `if let` as a statement, and a `let` given a `match`'s value.
#[desugar]
async fn if_let_and_let(mut q: Vec<Msg>) -> usize {
    let mut total = 0;
    if let Some(Msg::Text(s, _)) = q.pop() {
        let inner = Probe::new("inner");
        total += send(s).await;
        inner.touch();
    } else {
        total += 100;
    }
    let n = match q.pop() {
        Some(Msg::Triple(_, s, _)) => send(s).await,
        _ => 0,
    };
    Leaf::new("after").pending(1).ready(()).await;
    total + n
}

/// `while let` on an awaited value and `for` over owned pairs: the rest of
/// each value drops at the end of its iteration, after the body's locals
/// and the bindings (bound again so that they still drop first).
#[desugar]
async fn per_iteration(pairs: Vec<(Probe, Probe)>, mut q: Vec<(String, Probe)>) -> usize {
    let mut total = 0;
    for (mut kept, _) in pairs {
        let local = Probe::new("body local");
        total += look(&kept).await;
        kept = Probe::new("replaced");
        kept.touch();
        local.touch();
    }
    while let Some((s, _)) = recv(&mut q).await {
        let local = Probe::new("loop local");
        total += send(s).await;
        local.touch();
    }
    total
}

/// Links of an `if` chain (dogD7, build 1: E0382, and E0507 after a first
/// link of the same shape).
#[desugar]
async fn else_if_links(
    first: bool,
    mut a: Vec<(String, Probe)>,
    mut b: Vec<(String, Probe)>,
) -> usize {
    if first {
        0
    } else if let Some((t, _)) = b.pop() {
        send(t).await
    } else {
        1
    };
    if let Some((s, _)) = a.pop() {
        send(s).await
    } else if let Some((t, _)) = b.pop() {
        let inner = Probe::new("inner");
        let n = send(t).await;
        inner.touch();
        n
    } else {
        2
    }
}

#[test]
fn skipped_parts_of_temporaries_drop_where_rustc_drops_them() {
    let pairs = |labels: &[&str]| {
        labels
            .iter()
            .map(|l| (l.to_string(), Probe::new(*l)))
            .collect::<Vec<_>>()
    };
    for first in [true, false] {
        for (a, b) in [
            (&[][..], &["b1", "b2"][..]),
            (&["a1"][..], &["b1"][..]),
            (&[][..], &[][..]),
        ] {
            same_and_no_larger(
                || else_if_links(first, pairs(a), pairs(b)),
                || else_if_links_rustc(first, pairs(a), pairs(b)),
            );
        }
    }
    same_and_no_larger(
        || popped_and_matched(queue()),
        || popped_and_matched_rustc(queue()),
    );
    for cut in 0..4 {
        let q = || queue().into_iter().skip(cut).collect::<Vec<_>>();
        same_and_no_larger(|| if_let_and_let(q()), || if_let_and_let_rustc(q()));
    }
    let args = || {
        (
            vec![
                (Probe::new("a1"), Probe::new("a2")),
                (Probe::new("b1"), Probe::new("b2")),
            ],
            vec![
                ("x".to_owned(), Probe::new("x meta")),
                ("yy".to_owned(), Probe::new("y meta")),
            ],
        )
    };
    same_and_no_larger(
        || {
            let (pairs, q) = args();
            per_iteration(pairs, q)
        },
        || {
            let (pairs, q) = args();
            per_iteration_rustc(pairs, q)
        },
    );
    both_send(
        &popped_and_matched(queue()),
        &popped_and_matched_rustc(queue()),
    );
}

/// Shapes that skipped a part without moving any before, whose machines
/// must not grow: an index beside a borrowed item, a key beside a value.
#[desugar]
#[allow(clippy::for_kv_map, clippy::while_let_on_iterator)] // the shapes under test
async fn indexes_and_keys(v: Vec<Probe>, m: std::collections::BTreeMap<u32, Probe>) -> usize {
    let mut total = 0;
    for (i, _) in v.iter().enumerate() {
        total += i + Leaf::new("i").pending(1).ready(1usize).await;
    }
    for (k, _) in &m {
        total += *k as usize + Leaf::new("k").pending(1).ready(1usize).await;
    }
    let mut it = v.iter().enumerate();
    while let Some((i, _)) = it.next() {
        total += i + Leaf::new("w").pending(1).ready(1usize).await;
    }
    total
}

#[test]
fn borrowed_parts_cost_nothing() {
    let args = || {
        (
            vec![Probe::new("v0"), Probe::new("v1")],
            [(1, Probe::new("m1")), (2, Probe::new("m2"))]
                .into_iter()
                .collect(),
        )
    };
    same_and_no_larger(
        || {
            let (v, m) = args();
            indexes_and_keys(v, m)
        },
        || {
            let (v, m) = args();
            indexes_and_keys_rustc(v, m)
        },
    );
}

/// `..` beside a part that does not move: a `Copy` number. The check the macro writes at the `..`
/// (`tests/ui/rest_beside_moved_part.rs`, where a part moves) lets these
/// build, kept whole as rustc keeps them.
#[desugar]
async fn rest_beside_parts_that_stay(mut q: Vec<(u32, Probe, Probe)>) -> u32 {
    let mut total = 0;
    match q.pop() {
        Some((n, ..)) => total += n + Leaf::new("n").pending(1).ready(1u32).await,
        None => total += 100,
    }
    for (n, ..) in q {
        total += n + Leaf::new("m").pending(1).ready(1u32).await;
    }
    total
}

#[test]
fn rest_beside_parts_that_stay_builds() {
    let q = || {
        vec![
            (1, Probe::new("a1"), Probe::new("a2")),
            (2, Probe::new("b1"), Probe::new("b2")),
        ]
    };
    same_and_no_larger(
        || rest_beside_parts_that_stay(q()),
        || rest_beside_parts_that_stay_rustc(q()),
    );
    both_send(
        &rest_beside_parts_that_stay(q()),
        &rest_beside_parts_that_stay_rustc(q()),
    );
}
