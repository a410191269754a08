//! The recording executor: polls a future on the current thread with an
//! instrumented waker and records everything into a [`Trace`](super::Trace).

mod drive;
mod holder;
mod outcome;

use core::fmt::Debug;
use core::future::Future;
use std::boxed::Box;

use self::holder::{Moving, Pinned};
pub use self::outcome::{Outcome, Run};

/// Settings for one recorded run. The free functions [`run`] and
/// [`run_polls`] cover the common cases.
///
/// ```
/// use desugar_runtime::harness::{Executor, Leaf};
///
/// let run = Executor::new().poll_after_end().run(Leaf::new("x").pending(1).ready(5));
/// assert_eq!(run.output(), Some(&5));
/// assert_eq!(run.polls, 2);
/// assert_eq!(run.after_end_panic(), Some("leaf `x` polled after it returned Ready"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Executor {
    max_polls: Option<usize>,
    poll_after_end: bool,
    interleave_pending: bool,
}

impl Executor {
    /// Polls to completion (or a stall, or a panic), then drops the future.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stops after at most `k` polls, then drops the future (`k == 0` drops
    /// it unpolled). The drops this causes are recorded.
    #[must_use]
    pub fn max_polls(mut self, k: usize) -> Self {
        self.max_polls = Some(k);
        self
    }

    /// After `Ready` or a panic, polls once more and records what happens
    /// (normally a panic) in [`Run::after_end`].
    #[must_use]
    pub fn poll_after_end(mut self) -> Self {
        self.poll_after_end = true;
        self
    }

    /// Every [`Leaf`](super::Leaf) returns an extra `Pending` (waking at once)
    /// before each scripted step, so the future is suspended at every await.
    #[must_use]
    pub fn interleave_pending(mut self) -> Self {
        self.interleave_pending = true;
        self
    }

    /// Runs `future`.
    pub fn run<F>(&self, future: F) -> Run<F::Output>
    where
        F: Future,
        F::Output: Debug,
    {
        drive::drive(self, || Pinned(Box::pin(future)))
    }

    /// Calls `make` while recording, then runs the future it returns: the
    /// creation of probes passed as arguments shows in the trace.
    pub fn run_with<F>(&self, make: impl FnOnce() -> F) -> Run<F::Output>
    where
        F: Future,
        F::Output: Debug,
    {
        drive::drive(self, || Pinned(Box::pin(make())))
    }

    /// As [`Executor::run_with`], but moves the (`Unpin`) future to a new
    /// address before every poll but the first.
    pub fn run_moving_with<F>(&self, make: impl FnOnce() -> F) -> Run<F::Output>
    where
        F: Future + Unpin,
        F::Output: Debug,
    {
        drive::drive(self, || Moving(Some(Box::new(make()))))
    }
}

/// Polls `future` to completion (or a stall, or a panic) with the recording
/// executor, then drops it.
///
/// ```
/// use desugar_runtime::harness::{run, Leaf, Probe};
///
/// let run = run(async {
///     let _p = Probe::new("p");
///     Leaf::new("io").pending(1).ready(2).await * 10
/// });
/// assert_eq!(run.output(), Some(&20));
/// assert_eq!(run.trace.lines()[0], "poll 1");
/// ```
pub fn run<F>(future: F) -> Run<F::Output>
where
    F: Future,
    F::Output: Debug,
{
    Executor::new().run(future)
}

/// Polls `future` at most `k` times, then drops it, recording the drops.
pub fn run_polls<F>(future: F, k: usize) -> Run<F::Output>
where
    F: Future,
    F::Output: Debug,
{
    Executor::new().max_polls(k).run(future)
}
