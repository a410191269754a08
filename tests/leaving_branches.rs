//! A local moved in a branch that awaits and then always leaves (`return`,
//! `break`, `continue`), used again after the branch: the code after the
//! branch never follows the branch's await, so the local is not used after
//! that await. The early-exit shape of request handlers (`if bad {
//! log(req); return reply(400).await; }`). Before, the expansion read the
//! body in order, took the later use for a use after the await, kept the
//! moved local across it, and the machine did not build (E0382, "use of
//! moved value").
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s, so dropped after
//! each poll too), must be no larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn reply(code: u32) -> u32 {
    Leaf::new("reply").pending(1).ready(code).await
}

async fn step(n: u32) -> u32 {
    Leaf::new("step").pending(1).ready(n).await
}

fn log(p: Probe) -> u32 {
    p.touch();
    1
}

/// `if c { drop(conn); return f().await; }` and `conn` used after the `if`.
#[desugar]
async fn returning_if(bad: bool, req: Probe) -> u32 {
    let other = Probe::new("other");
    if bad {
        log(req);
        return reply(400).await;
    }
    let n = step(2).await;
    req.touch();
    drop(other);
    n + log(req)
}

/// The same, with `return` after the await in a statement of its own and a
/// value made in the branch kept across the await.
#[desugar]
async fn returning_later(bad: bool, req: Probe) -> u32 {
    if bad {
        let kept = Probe::new("kept");
        drop(req);
        let code = reply(400).await;
        kept.touch();
        return code;
    }
    step(2).await + log(req)
}

/// A `match` arm that moves the local, awaits and returns.
#[desugar]
async fn returning_arm(code: u32, req: Probe) -> u32 {
    match code {
        0 => {
            log(req);
            return reply(500).await;
        }
        1 => return 1,
        _ => {}
    }
    let n = step(3).await;
    n + log(req)
}

/// In a loop: the branch moves the iteration's local, awaits, and
/// `continue`s; or `break`s; the code after it uses the local.
#[desugar]
async fn in_loop(skip: u32, stop: u32) -> u32 {
    let mut total = 0;
    for i in 0..4 {
        let p = Probe::new("p");
        if i == skip {
            log(p);
            total += step(10).await;
            continue;
        }
        if i == stop {
            drop(p);
            total += step(100).await;
            break;
        }
        total += step(i).await;
        total += log(p);
    }
    total
}

/// A `match` arm in a loop that moves, awaits and `break`s with a value, and
/// one that `continue`s.
#[desugar]
async fn arm_in_loop(stop: u32) -> u32 {
    let mut i = 0;
    let end = loop {
        i += 1;
        let p = Probe::new("p");
        match i {
            n if n == stop => {
                drop(p);
                break step(n).await;
            }
            2 => {
                log(p);
                step(20).await;
                continue;
            }
            _ => {}
        }
        step(i).await;
        log(p);
    };
    end + i
}

/// A local declared before the loop, moved in an arm that awaits and
/// `break`s, or in a branch that awaits and returns, and used after the
/// branch in later iterations.
#[desugar]
async fn outer_local_in_loop(stop: u32, bad: u32, req: Probe) -> u32 {
    let mut i = 0;
    loop {
        i += 1;
        match step(i).await {
            n if n == stop => {
                log(req);
                step(100).await;
                break;
            }
            n if n == bad => {
                drop(req);
                return reply(400).await;
            }
            _ => {}
        }
        req.touch();
        if i > 5 {
            break;
        }
    }
    i
}

/// `continue 'outer` out of an inner loop, after the move and the await.
#[desugar]
async fn continue_outer(stop: u32) -> u32 {
    let mut total = 0;
    'outer: for i in 0..3 {
        let p = Probe::new("p");
        for j in 0..3 {
            if j == stop {
                drop(p);
                total += step(j).await;
                continue 'outer;
            }
            total += step(i * j).await;
            p.touch();
        }
        total += log(p);
    }
    total
}

/// A local of the fn's moved in a branch that awaits and leaves the loop,
/// not read again but dropped at the end of its scope.
#[desugar]
async fn dropped_after_loop(stop: u32) -> u32 {
    let mut i = 0;
    let other = Probe::new("other");
    loop {
        i += 1;
        if i == stop {
            drop(other);
            step(1).await;
            break;
        }
        step(i).await;
        if i > 4 {
            break;
        }
    }
    i
}

/// A `while` whose body moves, awaits and `continue`s; a labeled block
/// left by `break` after the move and the await.
#[desugar]
async fn while_and_block(skip: u32) -> u32 {
    let mut i = 0;
    while i < 4 {
        i += 1;
        let p = Probe::new("p");
        let n = 'found: {
            if i == skip {
                drop(p);
                break 'found step(7).await;
            }
            step(i).await + log(p)
        };
        if n == 7 {
            continue;
        }
    }
    i
}

/// The leaving branch nested in another branch, and a leaving `else`.
#[desugar]
async fn nested(a: bool, b: bool, req: Probe) -> u32 {
    if a {
        if b {
            drop(req);
            return reply(1).await;
        } else {
            step(5).await;
        }
    }
    let n = if !a && b { step(7).await } else { 3 };
    n + log(req)
}

/// `else` that moves, awaits and returns; the `then` goes on.
#[desugar]
async fn leaving_else(ok: bool, req: Probe) -> u32 {
    let n = if ok {
        step(1).await
    } else {
        log(req);
        return reply(400).await;
    };
    let m = step(n).await;
    m + log(req)
}

#[test]
fn returning_branches() {
    let probe = || Probe::new("req");
    for bad in [false, true] {
        same_and_no_larger(
            || returning_if(bad, probe()),
            || returning_if_rustc(bad, probe()),
        );
        same_and_no_larger(
            || returning_later(bad, probe()),
            || returning_later_rustc(bad, probe()),
        );
        same_and_no_larger(
            || leaving_else(bad, probe()),
            || leaving_else_rustc(bad, probe()),
        );
    }
    both_send(
        &returning_if(true, probe()),
        &returning_if_rustc(true, probe()),
    );
    both_send(
        &returning_later(true, probe()),
        &returning_later_rustc(true, probe()),
    );
    both_send(
        &leaving_else(true, probe()),
        &leaving_else_rustc(true, probe()),
    );
}

#[test]
fn returning_arms() {
    let probe = || Probe::new("req");
    for code in 0..3 {
        same_and_no_larger(
            || returning_arm(code, probe()),
            || returning_arm_rustc(code, probe()),
        );
    }
    both_send(&returning_arm(0, probe()), &returning_arm_rustc(0, probe()));
}

#[test]
fn branches_that_continue_or_break() {
    for (skip, stop) in [(1, 2), (9, 9), (0, 3), (2, 1)] {
        same_and_no_larger(|| in_loop(skip, stop), || in_loop_rustc(skip, stop));
    }
    both_send(&in_loop(1, 2), &in_loop_rustc(1, 2));
}

#[test]
fn arms_that_continue_or_break() {
    for stop in [1, 2, 3] {
        same_and_no_larger(|| arm_in_loop(stop), || arm_in_loop_rustc(stop));
    }
    both_send(&arm_in_loop(2), &arm_in_loop_rustc(2));
}

#[test]
fn locals_declared_before_the_loop() {
    let probe = || Probe::new("req");
    for (stop, bad) in [(2, 3), (3, 2), (9, 9)] {
        same_and_no_larger(
            || outer_local_in_loop(stop, bad, probe()),
            || outer_local_in_loop_rustc(stop, bad, probe()),
        );
    }
    both_send(
        &outer_local_in_loop(2, 3, probe()),
        &outer_local_in_loop_rustc(2, 3, probe()),
    );
}

#[test]
fn labels_and_whiles() {
    for stop in [0, 1, 5] {
        same_and_no_larger(|| continue_outer(stop), || continue_outer_rustc(stop));
        same_and_no_larger(
            || dropped_after_loop(stop),
            || dropped_after_loop_rustc(stop),
        );
        same_and_no_larger(|| while_and_block(stop), || while_and_block_rustc(stop));
    }
    both_send(&continue_outer(1), &continue_outer_rustc(1));
    both_send(&dropped_after_loop(1), &dropped_after_loop_rustc(1));
    both_send(&while_and_block(1), &while_and_block_rustc(1));
}

#[test]
fn nested_branches() {
    let probe = || Probe::new("req");
    for (a, b) in [(false, false), (false, true), (true, false), (true, true)] {
        same_and_no_larger(|| nested(a, b, probe()), || nested_rustc(a, b, probe()));
    }
    both_send(
        &nested(true, true, probe()),
        &nested_rustc(true, true, probe()),
    );
}
