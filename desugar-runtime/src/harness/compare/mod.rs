//! The comparison: run two futures (a `#[desugar]` fn's and its rustc twin's)
//! through the same scripted runs and diff their traces.

mod phases;
mod report;

use core::fmt::Debug;
use core::future::Future;

use self::phases::compare_phases;
pub use self::report::{Mismatch, Phase, Report, Schedule};
use super::executor::{Executor, Run};

/// Settings for a comparison; [`compare`] and [`assert_same`] cover the
/// common cases.
///
/// Each comparison builds fresh futures from the two factories for every
/// run, so the factories must be `Fn` and produce equivalent futures each
/// time (build probes and leaves inside them).
#[derive(Clone, Copy, Debug, Default)]
pub struct Comparison {
    interleave_pending: bool,
    check_size: bool,
}

impl Comparison {
    /// Plain schedule: leaves follow their scripts.
    pub fn new() -> Self {
        Self::default()
    }

    /// Also runs every phase again with an extra `Pending` before every
    /// leaf step (like `futures-test`'s `InterleavePending`): each await then
    /// suspends at least once, which exercises every state of the machine.
    #[must_use]
    pub fn interleave_pending(mut self) -> Self {
        self.interleave_pending = true;
        self
    }

    /// Also fails when the left future is larger than the right one
    /// (DESIGN.md promise 6: never larger than rustc's).
    #[must_use]
    pub fn check_size(mut self) -> Self {
        self.check_size = true;
        self
    }

    /// Compares the futures built by `left` and `right`.
    pub fn run<FA, A, FB, B>(&self, left: FA, right: FB) -> Result<Report, Mismatch>
    where
        FA: Fn() -> A,
        FB: Fn() -> B,
        A: Future,
        B: Future<Output = A::Output>,
        A::Output: Debug + PartialEq,
    {
        self.run_schedules(false, |ex| ex.run_with(&left), |ex| ex.run_with(&right))
    }

    /// As [`Comparison::run`], but the left future, which must be `Unpin`,
    /// is moved to a new address between polls while the right one stays
    /// pinned. A desugared future without homed values is `Unpin` (rustc's
    /// never is); this checks that moving it is harmless.
    pub fn run_moving<FA, A, FB, B>(&self, left: FA, right: FB) -> Result<Report, Mismatch>
    where
        FA: Fn() -> A,
        FB: Fn() -> B,
        A: Future + Unpin,
        B: Future<Output = A::Output>,
        A::Output: Debug + PartialEq,
    {
        self.run_schedules(
            true,
            |ex| ex.run_moving_with(&left),
            |ex| ex.run_with(&right),
        )
    }

    fn run_schedules<O: Debug + PartialEq>(
        &self,
        move_left: bool,
        left: impl Fn(&Executor) -> Run<O>,
        right: impl Fn(&Executor) -> Run<O>,
    ) -> Result<Report, Mismatch> {
        let plain = Schedule {
            interleave_pending: false,
            move_left,
        };
        let mut report = compare_phases(plain, &left, &right)?;
        if self.interleave_pending {
            let interleaved = Schedule {
                interleave_pending: true,
                move_left,
            };
            report.runs += compare_phases(interleaved, &left, &right)?.runs;
        }
        if self.check_size && report.left_size > report.right_size {
            let detail = std::format!(
                "the left future is larger: {} bytes against {}",
                report.left_size,
                report.right_size
            );
            return Err(Mismatch {
                phase: Phase::Size,
                schedule: plain,
                diff: None,
                detail,
            });
        }
        Ok(report)
    }
}

/// Compares the futures built by `left` and `right` under the plain
/// schedule: to completion, cancelled after every number of polls, and
/// polled after completion. See [`Comparison`] for more schedules.
pub fn compare<FA, A, FB, B>(left: FA, right: FB) -> Result<Report, Mismatch>
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: Debug + PartialEq,
{
    Comparison::new().run(left, right)
}

/// Compares the futures built by `left` and `right` (by convention the
/// desugared one and rustc's) under the plain and the interleaved
/// schedules, and panics with the [`Mismatch`] if they differ.
///
/// ```
/// use desugar_runtime::harness::{assert_same, Leaf};
///
/// let report = assert_same(
///     || async { Leaf::new("a").pending(1).ready(1).await + 1 },
///     || async { 1 + Leaf::new("a").pending(1).ready(1).await },
/// );
/// assert_eq!(report.outcome, "Ready(2)");
/// ```
#[track_caller]
pub fn assert_same<FA, A, FB, B>(left: FA, right: FB) -> Report
where
    FA: Fn() -> A,
    FB: Fn() -> B,
    A: Future,
    B: Future<Output = A::Output>,
    A::Output: Debug + PartialEq,
{
    match Comparison::new().interleave_pending().run(left, right) {
        Ok(report) => report,
        Err(mismatch) => panic!("{mismatch}"),
    }
}
