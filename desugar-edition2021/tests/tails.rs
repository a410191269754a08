//! A block's tail expression in Rust 2021 keeps its temporaries to the end
//! of the enclosing statement, after the block's locals; Rust 2024 drops
//! them before. The machine follows Rust 2024, so in Rust 2021 a tail that
//! may make a temporary stops the build (`tests/ui/`), and the way out its
//! message gives, binding the value with `let`, matches the twin.

use desugar::desugar;
use std::collections::VecDeque;
use std::sync::Mutex;

use desugar::harness::{assert_same, Leaf, LeafFuture, Probe};

/// `Probe::new("temporary").label().len()` as the tail would not build;
/// bound with `let`, its temporary drops where the `let` ends, in both
/// editions.
#[desugar]
async fn bound_before_the_end(seen: Probe) -> usize {
    let local = Probe::new("local");
    Leaf::new("a").pending(1).ready(()).await;
    seen.touch();
    let value = Probe::new("temporary").label().len();
    local.touch();
    value
}

#[test]
fn a_tail_bound_with_let_matches_rustc() {
    let report = assert_same(
        || bound_before_the_end(Probe::new("seen")),
        || bound_before_the_end_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(9)");
}

/// A tail without temporaries (an operator on locals, a call taking them)
/// builds as is.
#[desugar]
async fn tail_without_temporaries(seen: Probe) -> usize {
    let local = Probe::new("local");
    let n = Leaf::new("a").pending(1).ready(4).await;
    seen.touch();
    n + core::mem::size_of_val(&local)
}

#[test]
fn a_tail_without_temporaries_matches_rustc() {
    let report = assert_same(
        || tail_without_temporaries(Probe::new("seen")),
        || tail_without_temporaries_rustc(Probe::new("seen")),
    );
    assert_eq!(
        report.outcome,
        format!("Ready({})", 4 + core::mem::size_of::<Probe>())
    );
}

#[derive(Debug, PartialEq)]
pub struct Opts {
    pub retries: u32,
    pub name: Probe,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            retries: 1,
            name: Probe::new("default name"),
        }
    }
}

/// `Opts { name, ..Default::default() }` as the tail would not build (the
/// base keeps the default name, which Rust 2021 drops after `local`);
/// bound with `let`, it drops where the `let` ends, in both editions.
#[desugar]
async fn struct_update_bound_before_the_end() -> u32 {
    let local = Probe::new("local");
    Leaf::new("x").pending(1).ready(()).await;
    local.touch();
    let value = Opts {
        name: Probe::new("given"),
        ..Default::default()
    };
    value.retries
}

#[test]
fn a_struct_update_tail_bound_with_let_matches_rustc() {
    let report = assert_same(
        struct_update_bound_before_the_end,
        struct_update_bound_before_the_end_rustc,
    );
    assert_eq!(report.outcome, "Ready(1)");
}

#[test]
fn tails_with_temporaries_do_not_build() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}

/// A block inside an awaited call whose tail makes no temporary builds in
/// Rust 2021 too, and matches the twin.
#[desugar]
async fn block_in_an_awaited_call(seen: Probe) -> usize {
    let local = Probe::new("local");
    let n = Leaf::new("a")
        .pending(1)
        .ready({
            let label = local.label();
            label.len()
        })
        .await;
    seen.touch();
    n
}

#[test]
fn a_block_without_tail_temporaries_in_an_awaited_call_matches_rustc() {
    let report = assert_same(
        || block_in_an_awaited_call(Probe::new("seen")),
        || block_in_an_awaited_call_rustc(Probe::new("seen")),
    );
    assert_eq!(report.outcome, "Ready(5)");
}

fn after_pending<T: core::fmt::Debug>(label: &str, value: T) -> LeafFuture<T> {
    Leaf::new(label).pending(1).ready(value)
}

/// A block before an await whose guard is its own local, dropped where the
/// block ends in both editions.
#[desugar]
async fn guard_released_by_a_block(queue: &Mutex<VecDeque<u32>>) -> u32 {
    let n = {
        let guard = queue.lock().unwrap();
        guard.len() as u32
    } + after_pending("wait", 1).await;
    n
}

#[test]
fn a_block_releasing_its_guard_before_an_await_matches_rustc() {
    let queue = Mutex::new(VecDeque::from([1, 2]));
    let report = assert_same(
        || guard_released_by_a_block(&queue),
        || guard_released_by_a_block_rustc(&queue),
    );
    assert_eq!(report.outcome, "Ready(3)");
}

/// Tails that borrow nothing made for them: a value a `?` gives, moved
/// out; a view of a local (`v.iter()`), which has nothing to drop.
// `Ok(x.await?)` is the shape under test.
#[allow(clippy::needless_question_mark)]
#[desugar]
async fn tails_without_temporaries(values: Vec<u32>, seen: Probe) -> Result<bool, String> {
    let local = Probe::new("local");
    let first = after_pending("first", values.first().copied().ok_or("empty")).await;
    seen.touch();
    local.touch();
    let any = values.iter().any(|v| Some(*v) == first.ok());
    Ok(after_pending("check", Ok::<bool, String>(any)).await?)
}

#[test]
fn tails_without_temporaries_build_and_match_rustc() {
    for values in [vec![], vec![1, 2]] {
        let _ = assert_same(
            || tails_without_temporaries(values.clone(), Probe::new("seen")),
            || tails_without_temporaries_rustc(values.clone(), Probe::new("seen")),
        );
    }
}

fn status() -> LeafFuture<Probe> {
    Leaf::new("status").pending(1).ready(Probe::new("status"))
}

/// A body with no locals and no parameters: its tail's temporaries drop in
/// the same order in both editions.
#[desugar]
async fn without_locals() -> usize {
    status().await.label().len()
}

#[test]
fn a_body_without_locals_builds_and_matches_rustc() {
    let report = assert_same(without_locals, without_locals_rustc);
    assert_eq!(report.outcome, "Ready(6)");
}

/// Blocks without locals of their own, whose tails' temporaries drop at the
/// same point in both editions, build in Rust 2021: a `while let` on an
/// awaited value or a guard, a `while` condition that borrows, an `else if
/// let`, an arm whose statements make temporaries.
// The guards held across awaits are what the test compares.
#[allow(clippy::await_holding_lock)]
#[desugar]
async fn loops_and_arms(queue: &Mutex<VecDeque<u32>>, command: u32, seen: Probe) -> u32 {
    let mut total = 0;
    while let Some(n) = after_pending("next", queue.lock().unwrap().pop_front()).await {
        total += after_pending("item", n).await;
    }
    while queue.lock().unwrap().len() < 2 {
        queue.lock().unwrap().push_back(total);
        Leaf::new("push").pending(1).ready(()).await;
    }
    if let Some(over) = total.checked_sub(100) {
        total = over;
    } else if let Some(next) = queue.lock().unwrap().pop_front() {
        total += Leaf::new("else").pending(1).ready(next).await;
    }
    seen.touch();
    match command {
        0 => {
            queue.lock().unwrap().clear();
            Leaf::new("cleared").pending(1).ready(total).await
        }
        _ => total + command,
    }
}

#[test]
fn blocks_without_locals_build_and_match_rustc() {
    for command in [0, 1] {
        let fresh = || Mutex::new(VecDeque::from([1, 2]));
        let (a, b) = (fresh(), fresh());
        let _ = assert_same(
            || loops_and_arms(&a, command, Probe::new("seen")),
            || loops_and_arms_rustc(&b, command, Probe::new("seen")),
        );
    }
}

/// A tail whose temporaries are an operand's of `&&`: they drop where the
/// operand ends, in both editions.
#[desugar]
async fn tail_of_short_circuits(flag: &Mutex<bool>, seen: Probe) -> bool {
    let local = Probe::new("local");
    let ready = after_pending("ready", true).await;
    seen.touch();
    local.touch();
    ready && *flag.lock().unwrap()
}

#[test]
fn a_tail_of_short_circuits_builds_and_matches_rustc() {
    for set in [false, true] {
        let flag = Mutex::new(set);
        let report = assert_same(
            || tail_of_short_circuits(&flag, Probe::new("seen")),
            || tail_of_short_circuits_rustc(&flag, Probe::new("seen")),
        );
        assert_eq!(report.outcome, format!("Ready({set})"));
    }
}

/// A part of a value the `match` makes, skipped with `_` beside a part
/// moved out, in arms whose expression and block tail make temporaries of
/// their own: the machine binds the part at the start of the arm, and the
/// arm's value before it, so that those temporaries drop first, as they do
/// in an arm in Rust 2021 too.
#[desugar]
async fn skipped_beside_arm_temporaries(mut pairs: Vec<(Probe, Probe)>, block: bool) -> usize {
    let n = match pairs.pop() {
        Some((p, _)) if block => {
            Leaf::new("a").pending(1).ready(()).await;
            p.touch();
            Probe::new("tail").label().len()
        }
        Some((_, p)) => Leaf::new("b").pending(1).ready(p).await.label().len(),
        None => 0,
    };
    n
}

#[test]
fn a_skipped_part_beside_arm_temporaries_matches_rustc() {
    let pairs = || vec![(Probe::new("first"), Probe::new("second"))];
    for block in [false, true] {
        let report = assert_same(
            || skipped_beside_arm_temporaries(pairs(), block),
            || skipped_beside_arm_temporaries_rustc(pairs(), block),
        );
        assert!(report.left_size <= report.right_size, "{report}");
    }
}
