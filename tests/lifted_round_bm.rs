//! Three shapes of valid code that did not build with `#[desugar]` while
//! their twins did:
//!
//! - a `break 'scan` out of a labeled block from a loop inside it, after
//!   an await, with a local moved before the `break` and used after the
//!   loop in the block (E0382);
//! - a struct update whose base is a local, kept across an await after it
//!   (E0382 "use of partially moved value"): the base is left partly moved
//!   and the fields the literal names still drop where rustc drops them;
//! - `match Probe::new("s").label() { .. }` with `label(&self) -> &str`,
//!   arms awaiting (E0716): the value the method borrows is kept to the
//!   end of the `match`, as rustc keeps it.
//!
//! Each machine is compared with rustc's twin (`assert_same`: every
//! cancellation point, with and without extra `Pending`s, so dropped after
//! each poll too), must be no larger, and `Send` where the twin is.

mod common;
use common::{both_send, same_and_no_larger};
use desugar::desugar;
use desugar::harness::{Leaf, Probe};

async fn step(n: u32) -> u32 {
    Leaf::new("step").pending(1).ready(n).await
}

/// The README's shape: the guard moved in the branch that awaits and
/// leaves the block, touched after the loop.
#[desugar]
async fn scan(items: Vec<u32>, hit: u32) -> u32 {
    let guard = Probe::new("guard");
    let mut found = 0;
    'scan: {
        for i in &items {
            if *i == hit {
                drop(guard);
                found = step(*i).await;
                break 'scan;
            }
        }
        guard.touch();
    }
    found
}

/// The same with an await in the loop before the branch, a value made in
/// the block kept across it, and the block giving a value.
#[desugar]
async fn scan_valued(items: Vec<u32>, hit: u32) -> u32 {
    let guard = Probe::new("guard");
    let n = 'scan: {
        let kept = Probe::new("kept");
        for i in &items {
            let seen = step(*i).await;
            if seen == hit {
                drop(guard);
                let v = step(seen + 10).await;
                kept.touch();
                break 'scan v;
            }
        }
        guard.touch();
        drop(kept);
        0
    };
    n + 1
}

#[derive(Debug)]
struct Opts {
    tag: Probe,
    retries: u32,
    log: Probe,
    name: Probe,
}

fn opts() -> Opts {
    Opts {
        tag: Probe::new("tag"),
        retries: 1,
        log: Probe::new("log"),
        name: Probe::new("name"),
    }
}

/// The README's shape: `o` is left partly moved, its `retries` (nothing
/// to drop) still in it.
#[desugar]
async fn updated(n: u32) -> u32 {
    let o = opts();
    let o2 = Opts { retries: n, ..o };
    let m = step(n).await;
    o2.tag.touch();
    m + o2.retries
}

/// The literal names a field with something to drop: what is left of `o`
/// (its `log`) drops where rustc drops it, at the end of `o`'s scope,
/// after `o2` (declared later) and across the await.
#[desugar]
async fn updated_named(n: u32) -> u32 {
    let o = opts();
    let o2 = Opts {
        log: Probe::new("new log"),
        ..o
    };
    let m = step(n).await;
    o2.name.touch();
    let k = step(m + 1).await;
    k + o2.retries
}

/// The base a parameter, the literal naming two fields, one with
/// something to drop, listed out of the order the struct declares them.
#[desugar]
async fn updated_param(o: Opts, n: u32) -> u32 {
    let o2 = Opts {
        retries: n + 1,
        tag: Probe::new("new tag"),
        ..o
    };
    let m = step(n).await;
    drop(o2);
    step(m).await
}

/// In a block inside a loop: `o` left partly moved each iteration; the
/// literal's fields read `o` before the base moves.
#[desugar]
async fn updated_in_loop(n: u32) -> u32 {
    let mut total = 0;
    for i in 0..n {
        let o = opts();
        let o2 = Opts {
            name: Probe::new("new name"),
            retries: o.retries + i,
            ..o
        };
        total += step(i).await + o2.retries;
    }
    total
}

struct Label(Probe);

impl Label {
    fn new(s: &str) -> Label {
        Label(Probe::new(s))
    }

    fn label(&self) -> &str {
        self.0.touch();
        "s"
    }
}

/// The README's shape: the scrutinee's own value borrows the temporary,
/// which rustc keeps to the end of the `match`, across the arm's await.
#[desugar]
async fn matched_label(n: u32) -> u32 {
    let before = Probe::new("before");
    let r = match Label::new("s").label() {
        "s" => step(n).await + 1,
        other => other.len() as u32,
    };
    drop(before);
    r + step(2).await
}

/// The value kept across the arm's await and read after it; then an `if
/// let`, a `while let`, and a `&` pattern.
#[desugar]
async fn matched_count(n: u32) -> u32 {
    let r = match Label::new("c").label() {
        "t" => 0,
        other => step(n).await + other.len() as u32,
    };
    let mut turns = 0;
    while let "s" = Label::new("w").label() {
        turns += step(turns).await;
        if turns > 2 {
            break;
        }
        turns += 1;
    }
    let k = match Label::new("r").label().as_bytes() {
        &[b's'] => step(1).await,
        _ => 0,
    };
    if let "s" = Label::new("i").label() {
        step(r + turns + k).await
    } else {
        0
    }
}

/// Two fields with something to drop named (stopped at the literal, see
/// `tests/ui/struct_update_local_base_two_fields.rs`), written as the
/// message says: the base taken apart by a `let` naming each field, the
/// value built from them.
#[desugar]
async fn updated_as_told(n: u32) -> u32 {
    let o = opts();
    let Opts {
        tag,
        retries,
        log,
        name,
    } = o;
    let o2 = Opts {
        tag: Probe::new("new tag"),
        log: Probe::new("new log"),
        retries,
        name,
    };
    let m = step(n).await;
    drop(o2);
    tag.touch();
    log.touch();
    m
}

#[test]
fn break_out_of_labeled_block_from_loop() {
    for hit in [0, 1, 2, 9] {
        let items = || vec![1, 2, 3];
        same_and_no_larger(|| scan(items(), hit), || scan_rustc(items(), hit));
        same_and_no_larger(
            || scan_valued(items(), hit),
            || scan_valued_rustc(items(), hit),
        );
    }
    both_send(&scan(vec![1], 1), &scan_rustc(vec![1], 1));
    both_send(&scan_valued(vec![1], 1), &scan_valued_rustc(vec![1], 1));
}

#[test]
fn struct_update_on_local_base() {
    for n in [0, 2] {
        same_and_no_larger(|| updated(n), || updated_rustc(n));
        same_and_no_larger(|| updated_named(n), || updated_named_rustc(n));
        same_and_no_larger(
            || updated_param(opts(), n),
            || updated_param_rustc(opts(), n),
        );
        same_and_no_larger(|| updated_in_loop(n), || updated_in_loop_rustc(n));
    }
    for n in [0, 2] {
        same_and_no_larger(|| updated_as_told(n), || updated_as_told_rustc(n));
    }
    both_send(&updated(1), &updated_rustc(1));
    both_send(&updated_as_told(1), &updated_as_told_rustc(1));
    both_send(&updated_named(1), &updated_named_rustc(1));
    both_send(&updated_param(opts(), 1), &updated_param_rustc(opts(), 1));
    both_send(&updated_in_loop(1), &updated_in_loop_rustc(1));
}

#[test]
fn scrutinee_own_value_borrowing_temporary() {
    for n in [0, 3] {
        same_and_no_larger(|| matched_label(n), || matched_label_rustc(n));
        same_and_no_larger(|| matched_count(n), || matched_count_rustc(n));
    }
    both_send(&matched_label(1), &matched_label_rustc(1));
    both_send(&matched_count(1), &matched_count_rustc(1));
}
