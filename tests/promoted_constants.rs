//! Borrowed constants rustc promotes to a `static`: `&Some(3)`, `&Point {
//! x: 1, y: 2 }`, the receiver of `Some(3).as_ref()`, a scrutinee bound by
//! `ref`. The borrow is a `&'static`, which the user's code may keep beyond
//! the future (here: return it). The machine named such a value and kept it
//! in its own memory, so the `&'static` it returned dangled once the future
//! was dropped (an invalid read under valgrind, garbage without). It now
//! leaves them as written, for rustc to promote as it does in the twin.
//! A constant of a type with a `Drop` impl is not promoted, and its borrow
//! across an await is a compile error (`tests/ui/promoted_constant_with_drop.rs`).

mod common;

use common::assert_send;
use desugar::desugar;
use desugar::harness::{Leaf, LeafFuture, Report, Stepper, assert_same};

fn wait() -> LeafFuture<()> {
    Leaf::new("wait").pending(1).ready(())
}

#[derive(Debug, PartialEq)]
pub struct Point {
    x: u64,
    y: u64,
}

#[derive(Debug, PartialEq)]
pub enum Kind {
    Plain,
    Sized(u64),
}

/// A future that keeps a `&'static` it is given, and gives it back.
async fn keep<T: ?Sized + Sync>(value: &'static T) -> &'static T {
    wait().await;
    value
}

#[desugar]
async fn extended_by_let() -> &'static Option<u64> {
    let kept: &'static Option<u64> = &Some(0x1234_5678);
    wait().await;
    kept
}

#[desugar]
async fn struct_literal() -> &'static Point {
    let kept = &Point { x: 7, y: 9 };
    wait().await;
    kept
}

#[desugar]
async fn paths_in_an_array() -> &'static [Kind] {
    let kept: &'static [Kind] = &[Kind::Plain, Kind::Sized(u64::MAX)];
    wait().await;
    kept
}

#[desugar]
async fn awaited_operand() -> &'static Point {
    keep(&Point { x: 1, y: 2 }).await
}

#[desugar]
async fn borrowed_receiver() -> Option<&'static u64> {
    let kept = Some(0xabcd_u64).as_ref();
    wait().await;
    kept
}

#[desugar]
#[allow(clippy::match_single_binding)] // the binding under test
async fn matched_by_ref() -> &'static Kind {
    match Kind::Sized(5) {
        ref kept => {
            wait().await;
            kept
        }
    }
}

#[desugar]
#[allow(clippy::toplevel_ref_arg)] // the binding under test
async fn bound_by_ref() -> &'static Point {
    let ref kept = Point { x: 3, y: 4 };
    wait().await;
    kept
}

/// Runs `future` to completion, drops it, and hands back its output: what
/// it returned must not point into the dropped future.
fn run_and_drop<F: Future<Output: std::fmt::Debug>>(future: F) -> F::Output {
    let mut stepper = Stepper::new(future);
    stepper.expect_pending();
    let output = stepper.expect_ready();
    drop(stepper);
    // Reuse the memory the future had.
    let reused = vec![0xa5_u8; 4096];
    std::hint::black_box(&reused);
    output
}

#[test]
fn a_promoted_constant_outlives_the_future() {
    assert_eq!(run_and_drop(extended_by_let()), &Some(0x1234_5678));
    assert_eq!(run_and_drop(struct_literal()), &Point { x: 7, y: 9 });
    assert_eq!(
        run_and_drop(paths_in_an_array()),
        &[Kind::Plain, Kind::Sized(u64::MAX)]
    );
    assert_eq!(run_and_drop(awaited_operand()), &Point { x: 1, y: 2 });
    assert_eq!(run_and_drop(borrowed_receiver()), Some(&0xabcd));
    assert_eq!(run_and_drop(matched_by_ref()), &Kind::Sized(5));
    assert_eq!(run_and_drop(bound_by_ref()), &Point { x: 3, y: 4 });
}

fn ready(report: Report) {
    assert!(report.outcome.starts_with("Ready("), "{}", report.outcome);
}

#[test]
fn promoted_constants_behave_as_in_rustc() {
    ready(assert_same(extended_by_let, extended_by_let_rustc));
    ready(assert_same(struct_literal, struct_literal_rustc));
    ready(assert_same(paths_in_an_array, paths_in_an_array_rustc));
    ready(assert_same(awaited_operand, awaited_operand_rustc));
    ready(assert_same(borrowed_receiver, borrowed_receiver_rustc));
    ready(assert_same(matched_by_ref, matched_by_ref_rustc));
    ready(assert_same(bound_by_ref, bound_by_ref_rustc));
    assert_send(&extended_by_let());
    assert_send(&awaited_operand());
    assert_send(&matched_by_ref());
}

pub struct Job(u32);

impl Drop for Job {
    fn drop(&mut self) {
        desugar::harness::note(format!("job {} done", self.0));
    }
}

/// Values of a type with a `Drop` impl that are not borrowed where they are
/// made (moved into `vec!`, the receiver of `unwrap`, which takes `self`)
/// are no constants rustc promotes, and build: they were taken for
/// borrowed ones and rejected.
#[desugar]
#[allow(clippy::unnecessary_literal_unwrap)] // the receiver under test
async fn moved_not_borrowed() -> usize {
    let jobs = vec![Job(1), Job(2)];
    let one = Some(Job(3)).unwrap();
    wait().await;
    jobs.len() + one.0 as usize
}

#[test]
fn values_moved_where_they_are_made_build() {
    ready(assert_same(moved_not_borrowed, moved_not_borrowed_rustc));
}

/// A budget whose drop is seen.
pub struct Budget(u32);

impl Budget {
    const DEFAULT: Budget = Budget(3);

    fn limit(&self) -> u32 {
        self.0
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        desugar::harness::note(format!("budget {} dropped", self.0));
    }
}

/// A constant of a type with a `Drop` impl, borrowed where its temporary
/// ends before any await (a `while` condition, an arm without one, a `let`
/// with no await after it in its block): nothing to keep, it builds and
/// drops where rustc drops it.
#[desugar]
async fn constant_ended_before_the_awaits(pick: u32) -> u32 {
    let mut tries = 0;
    while tries < Budget::DEFAULT.limit() {
        tries += Leaf::new("attempt").pending(1).ready(1).await;
    }
    let extra = match pick {
        0 => Budget::DEFAULT.limit(),
        _ => Leaf::new("arm").pending(1).ready(pick).await,
    };
    {
        let budget = &Budget::DEFAULT;
        tries += budget.limit();
    }
    // A `let` whose temporary ends at its `;`, before the await after it.
    let limit = Budget::DEFAULT.limit();
    tries += Leaf::new("after").pending(1).ready(limit).await;
    tries + extra
}

/// A `static` of a type with a `Drop` impl is a place: borrowed in a
/// statement that awaits, it makes no temporary, and builds.
static SHARED: Budget = Budget(5);

#[desugar]
async fn static_borrowed_across() -> u32 {
    Leaf::new("shared").pending(1).ready(SHARED.limit()).await + SHARED.limit()
}

#[test]
fn a_static_with_drop_is_borrowed_in_place() {
    let report = assert_same(static_borrowed_across, static_borrowed_across_rustc);
    assert_eq!(report.outcome, "Ready(10)");
}

#[test]
fn a_drop_constant_ended_before_the_awaits_builds() {
    for pick in [0, 2] {
        let report = assert_same(
            || constant_ended_before_the_awaits(pick),
            || constant_ended_before_the_awaits_rustc(pick),
        );
        assert_eq!(
            report.outcome,
            format!("Ready({})", 9 + if pick == 0 { 3 } else { pick })
        );
    }
}
