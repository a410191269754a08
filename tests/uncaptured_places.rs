//! Places a closure or `async` block names only to match them against `_`
//! (`let _ = p;`, `_ = p;`, `match p { _ => .. }`): Rust 2021 captures no
//! place for that, even for `move`, so the local stays in the fn, whole,
//! and drops at the end of its scope, after the awaits that follow. The
//! machine took it for moved into the closure and dropped it at the first
//! poll (desugar-fuzz/FINDINGS.md, entry 128). `async move { let _ = permit;
//! .. }` is a common way of trying to move a guard into a task.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s), must be no
//! larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn leaf<T: std::fmt::Debug>(name: &str, pendings: usize, value: T) -> T {
    Leaf::new(name).pending(pendings).ready(value).await
}

#[desugar]
async fn let_wild_in_block(p: Probe) -> u32 {
    let f = async move {
        let _ = p;
        1u32
    };
    leaf("mid", 1, ()).await;
    f.await
}

#[desugar]
async fn let_wild_in_closure(p: Probe) -> u32 {
    let c = move || {
        let _ = p;
        1u32
    };
    leaf("mid", 1, ()).await;
    c()
}

#[allow(clippy::match_single_binding)] // a match of a place against `_` only is under test
#[desugar]
async fn match_wild_in_block(p: Probe) -> u32 {
    let f = async move {
        match p {
            _ => 1u32,
        }
    };
    leaf("mid", 1, ()).await;
    f.await
}

#[desugar]
async fn assign_wild_of_field_in_async_closure(pair: (Probe, u32)) -> u32 {
    let c = async move || {
        _ = pair.0;
        leaf("in", 1, 1u32).await
    };
    leaf("mid", 1, ()).await;
    c().await + pair.1
}

/// Only `_` arms, one with a guard (dogC4, silent 3).
#[desugar]
async fn guarded_wild_in_closure(permit: Probe, flag: bool) -> u32 {
    let c = move || match permit {
        _ if flag => 1u32,
        _ => 2,
    };
    leaf("tick", 1, ()).await;
    c()
}

/// A name bound by the pattern is a use: the guard moves into the task and
/// drops when the task ends, in both.
#[desugar]
async fn named_guard_in_block(permit: Probe, n: u32) -> u32 {
    let task = async move {
        let _permit = permit;
        leaf("task", 1, n).await
    };
    let pre = leaf("pre", 1, 1u32).await;
    task.await + pre
}

#[test]
fn a_place_matched_against_a_wildcard_is_not_captured() {
    let p = || Probe::new("p");
    assert_eq!(
        same_and_no_larger(|| let_wild_in_block(p()), || let_wild_in_block_rustc(p())),
        "Ready(1)"
    );
    assert_eq!(
        same_and_no_larger(
            || let_wild_in_closure(p()),
            || let_wild_in_closure_rustc(p())
        ),
        "Ready(1)"
    );
    assert_eq!(
        same_and_no_larger(
            || match_wild_in_block(p()),
            || match_wild_in_block_rustc(p())
        ),
        "Ready(1)"
    );
    assert_eq!(
        same_and_no_larger(
            || assign_wild_of_field_in_async_closure((p(), 2)),
            || assign_wild_of_field_in_async_closure_rustc((p(), 2)),
        ),
        "Ready(3)"
    );
    assert_eq!(
        same_and_no_larger(
            || named_guard_in_block(p(), 4),
            || named_guard_in_block_rustc(p(), 4)
        ),
        "Ready(5)"
    );
    for flag in [true, false] {
        same_and_no_larger(
            || guarded_wild_in_closure(p(), flag),
            || guarded_wild_in_closure_rustc(p(), flag),
        );
    }
    both_send(&let_wild_in_block(p()), &let_wild_in_block_rustc(p()));
    both_send(&match_wild_in_block(p()), &match_wild_in_block_rustc(p()));
}
