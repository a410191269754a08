//! `if let` and `while let` on a local whose pattern is `Some(p)` with a
//! `p` that can fail (`Some(Msg::Text(b))`, `Some((1, p))`, `Some(x @
//! Msg::Text(_))`): a `Some(..)` that `p` does not match leaves the local
//! whole, and rustc drops it at the end of its scope, after the awaits
//! that follow, not where the pattern failed. Also under other wrappers
//! (`Ok`, tuples, structs), with the `else` branch awaiting, in `else if`,
//! in loops, and on a local a `let` made. In a `let` chain or a `while let`
//! it does not build (`tests/ui/refutable_some_in_chain_or_while_let.rs`);
//! what to write there instead is here too. Each is compared with its twin
//! (completion, cancellation after every poll, extra `Pending`s), checked
//! to be no larger and, where the twin is, `Send`.

mod common;

use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Probe};

fn tick<T>(v: T) -> LeafFuture<T> {
    Leaf::new("tick").pending(1).ready(v)
}

fn boom() -> LeafFuture<()> {
    Leaf::new("boom").pending(1).panics("boom")
}

#[derive(Debug)]
pub enum Msg {
    Text(Probe),
    Other(Probe),
}

fn text(label: &str) -> Option<Msg> {
    Some(Msg::Text(Probe::new(label)))
}

fn other(label: &str) -> Option<Msg> {
    Some(Msg::Other(Probe::new(label)))
}

/// Every input the fns below take: a `Some` the pattern matches, a `Some`
/// it does not, and `None`.
fn inputs() -> [fn() -> Option<Msg>; 3] {
    [|| text("text"), || other("other"), || None]
}

#[desugar]
async fn await_after(m: Option<Msg>) -> u32 {
    if let Some(Msg::Text(body)) = m {
        body.touch();
    }
    tick(()).await;
    2
}

#[desugar]
async fn return_in_then(m: Option<Msg>) -> u32 {
    if let Some(Msg::Text(body)) = m {
        body.touch();
        return 1;
    }
    tick(()).await;
    2
}

#[desugar]
async fn else_awaits(m: Option<Msg>) -> u32 {
    if let Some(Msg::Text(body)) = m {
        body.touch();
        1
    } else {
        tick(()).await;
        2
    }
}

#[desugar]
async fn then_awaits(m: Option<Msg>) -> u32 {
    if let Some(Msg::Text(body)) = m {
        tick(()).await;
        body.touch();
        1
    } else {
        2
    }
}

#[desugar]
async fn value_of_if_let(m: Option<Msg>) -> u32 {
    let n = if let Some(Msg::Text(body)) = m {
        body.touch();
        1
    } else {
        0
    };
    tick(()).await;
    n
}

#[desugar]
async fn bound_whole_inside(m: Option<Msg>) -> u32 {
    if let Some(x @ Msg::Text(_)) = m {
        drop(x);
    }
    tick(()).await;
    2
}

#[desugar]
async fn local_made_by_let(make: fn() -> Option<Msg>) -> u32 {
    let m = make();
    if let Some(Msg::Text(body)) = m {
        body.touch();
        return 1;
    }
    tick(()).await;
    2
}

#[desugar]
async fn rebound_first(m: Option<Msg>) -> u32 {
    let m = m;
    if let Some(Msg::Text(body)) = m {
        body.touch();
    }
    tick(()).await;
    2
}

/// What to write for `if let Some(Msg::Text(body)) = m && flag`, which
/// does not build (`tests/ui/refutable_some_in_chain_or_while_let.rs`):
/// the `let` on its own, the rest of the chain inside it (which clippy
/// would collapse into the chain again).
#[allow(clippy::collapsible_if)]
#[desugar]
async fn chain_nested(m: Option<Msg>, flag: bool) -> u32 {
    if let Some(Msg::Text(body)) = m {
        if flag {
            body.touch();
        }
    }
    tick(()).await;
    2
}

/// Or a `match` with a guard, where the guard reads what the arm binds.
#[desugar]
async fn chain_as_match(m: Option<Msg>, flag: bool) -> u32 {
    match m {
        Some(Msg::Text(body)) if flag => body.touch(),
        _ => {}
    }
    tick(()).await;
    2
}

/// What to write for `while let Some(Msg::Text(body)) = m`: match on a
/// reference.
#[desugar]
async fn while_let_by_reference(m: Option<Msg>) -> u32 {
    let mut seen = 0;
    while let Some(Msg::Text(body)) = &m {
        if seen == 2 {
            break;
        }
        seen += 1;
        tick(()).await;
        body.touch();
    }
    tick(()).await;
    2
}

#[desugar]
async fn in_else_if(m: Option<Msg>, flag: bool) -> u32 {
    if flag {
        0
    } else if let Some(Msg::Text(body)) = m {
        body.touch();
        1
    } else {
        tick(()).await;
        2
    }
}

#[desugar]
async fn in_a_loop(m: Option<Msg>) -> u32 {
    for i in 0..2 {
        if let Some(Msg::Text(body)) = m {
            body.touch();
            break;
        }
        tick(i).await;
    }
    2
}

#[desugar]
async fn panics_after(m: Option<Msg>) -> u32 {
    if let Some(Msg::Text(body)) = m {
        body.touch();
        return 1;
    }
    boom().await;
    2
}

#[test]
fn if_let_some_refutable_keeps_the_local() {
    for make in inputs() {
        same_and_no_larger(|| await_after(make()), || await_after_rustc(make()));
        same_and_no_larger(|| return_in_then(make()), || return_in_then_rustc(make()));
        same_and_no_larger(|| else_awaits(make()), || else_awaits_rustc(make()));
        same_and_no_larger(|| then_awaits(make()), || then_awaits_rustc(make()));
        same_and_no_larger(|| value_of_if_let(make()), || value_of_if_let_rustc(make()));
        same_and_no_larger(
            || bound_whole_inside(make()),
            || bound_whole_inside_rustc(make()),
        );
        same_and_no_larger(|| local_made_by_let(make), || local_made_by_let_rustc(make));
        same_and_no_larger(|| rebound_first(make()), || rebound_first_rustc(make()));
        same_and_no_larger(|| panics_after(make()), || panics_after_rustc(make()));
    }
    both_send(&await_after(None), &await_after_rustc(None));
    both_send(&else_awaits(None), &else_awaits_rustc(None));
    let make: fn() -> Option<Msg> = || text("text");
    both_send(&local_made_by_let(make), &local_made_by_let_rustc(make));
}

#[test]
fn chains_and_else_ifs_keep_the_local() {
    for make in inputs() {
        for flag in [false, true] {
            same_and_no_larger(
                || chain_nested(make(), flag),
                || chain_nested_rustc(make(), flag),
            );
            same_and_no_larger(
                || chain_as_match(make(), flag),
                || chain_as_match_rustc(make(), flag),
            );
            same_and_no_larger(
                || in_else_if(make(), flag),
                || in_else_if_rustc(make(), flag),
            );
        }
    }
    both_send(&chain_nested(None, true), &chain_nested_rustc(None, true));
    both_send(&in_else_if(None, true), &in_else_if_rustc(None, true));
}

#[test]
fn loops_keep_the_local() {
    for make in inputs() {
        same_and_no_larger(
            || while_let_by_reference(make()),
            || while_let_by_reference_rustc(make()),
        );
        same_and_no_larger(|| in_a_loop(make()), || in_a_loop_rustc(make()));
    }
    both_send(&in_a_loop(None), &in_a_loop_rustc(None));
}

/// A literal inside the `Some`: no enum of the user's at all.
#[desugar]
async fn literal(m: Option<(u32, Probe)>) -> u32 {
    if let Some((1, p)) = m {
        p.touch();
    }
    tick(()).await;
    2
}

/// A range, and a pattern inside a `Some` inside a `Some`.
#[desugar]
async fn nested_some(m: Option<Option<(u8, Probe)>>) -> u32 {
    if let Some(Some((0..=9, p))) = m {
        p.touch();
    }
    tick(()).await;
    2
}

/// `Some` inside `Ok`, and `Ok` inside `Some`.
#[desugar]
async fn some_in_ok(r: Result<Option<Msg>, Probe>) -> u32 {
    if let Ok(Some(Msg::Text(body))) = r {
        body.touch();
    }
    tick(()).await;
    2
}

#[desugar]
async fn ok_in_some(m: Option<Result<Probe, Probe>>) -> u32 {
    if let Some(Ok(p)) = m {
        p.touch();
    }
    tick(()).await;
    2
}

#[derive(Debug)]
pub struct Envelope {
    pub msg: Msg,
    pub seq: u32,
}

/// A struct pattern inside the `Some`, and a `Some` inside a struct or a
/// tuple pattern.
#[desugar]
async fn struct_in_some(m: Option<Envelope>) -> u32 {
    if let Some(Envelope {
        msg: Msg::Text(body),
        seq,
    }) = m
    {
        body.touch();
        return seq;
    }
    tick(()).await;
    2
}

pub struct Slot {
    pub msg: Option<Msg>,
    pub seq: u32,
}

#[desugar]
async fn some_in_struct(s: Slot) -> u32 {
    if let Slot {
        msg: Some(Msg::Text(body)),
        seq,
    } = s
    {
        body.touch();
        return seq;
    }
    tick(()).await;
    2
}

#[desugar]
async fn some_in_tuple(t: (Option<Msg>, Probe)) -> u32 {
    if let (Some(Msg::Text(body)), p) = t {
        body.touch();
        p.touch();
    }
    tick(()).await;
    2
}

#[test]
fn nested_patterns_keep_the_local() {
    for n in [1, 2] {
        let make = || Some((n, Probe::new("pair")));
        same_and_no_larger(|| literal(make()), || literal_rustc(make()));
    }
    same_and_no_larger(|| literal(None), || literal_rustc(None));
    both_send(&literal(None), &literal_rustc(None));

    for n in [3, 30] {
        let make = || Some(Some((n, Probe::new("pair"))));
        same_and_no_larger(|| nested_some(make()), || nested_some_rustc(make()));
    }
    same_and_no_larger(|| nested_some(Some(None)), || nested_some_rustc(Some(None)));

    for make in inputs() {
        same_and_no_larger(|| some_in_ok(Ok(make())), || some_in_ok_rustc(Ok(make())));
        let env = || make().map(|msg| Envelope { msg, seq: 7 });
        same_and_no_larger(|| struct_in_some(env()), || struct_in_some_rustc(env()));
        let slot = || Slot {
            msg: make(),
            seq: 7,
        };
        same_and_no_larger(|| some_in_struct(slot()), || some_in_struct_rustc(slot()));
        let pair = || (make(), Probe::new("beside"));
        same_and_no_larger(|| some_in_tuple(pair()), || some_in_tuple_rustc(pair()));
    }
    let err = || Err(Probe::new("err"));
    same_and_no_larger(|| some_in_ok(err()), || some_in_ok_rustc(err()));
    both_send(&some_in_ok(err()), &some_in_ok_rustc(err()));

    type MakeResult = fn() -> Option<Result<Probe, Probe>>;
    let results: [MakeResult; 3] = [
        || Some(Ok(Probe::new("ok"))),
        || Some(Err(Probe::new("err"))),
        || None,
    ];
    for make in results {
        same_and_no_larger(|| ok_in_some(make()), || ok_in_some_rustc(make()));
    }
}

/// The shape as found: a cache lookup whose stale entry is a local.
#[derive(Debug)]
pub enum Entry {
    Fresh(String),
    Stale(Probe),
}

fn refresh(key: &str) -> LeafFuture<String> {
    Leaf::new("refresh")
        .pending(1)
        .ready(format!("fresh-{key}"))
}

#[desugar]
async fn get_or_refresh(
    mut cache: std::collections::BTreeMap<String, Entry>,
    key: String,
) -> String {
    let cached = cache.remove(&key);
    if let Some(Entry::Fresh(v)) = cached {
        return v;
    }
    let v = refresh(&key).await;
    cache.insert(key, Entry::Fresh(v.clone()));
    v
}

#[test]
fn stale_cache_entry_dropped_at_the_end() {
    let cache = || {
        std::collections::BTreeMap::from([
            ("s".to_string(), Entry::Stale(Probe::new("stale"))),
            ("f".to_string(), Entry::Fresh("f".into())),
        ])
    };
    for key in ["s", "f", "missing"] {
        same_and_no_larger(
            || get_or_refresh(cache(), key.into()),
            || get_or_refresh_rustc(cache(), key.into()),
        );
    }
    both_send(
        &get_or_refresh(cache(), "s".into()),
        &get_or_refresh_rustc(cache(), "s".into()),
    );
}
