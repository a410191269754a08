//! What a comparison reports: [`Report`] when the two futures agree,
//! [`Mismatch`] (naming the phase and the first differing event) when not.

use core::fmt;
use std::string::String;

use crate::harness::diff::TraceDiff;
use crate::harness::trace::Trace;

/// How the harness schedules the two futures during one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Every leaf returns an extra `Pending` before each scripted step.
    pub interleave_pending: bool,
    /// The left future is moved to a new address between polls.
    pub move_left: bool,
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.interleave_pending, self.move_left) {
            (false, false) => f.write_str("plain"),
            (true, false) => f.write_str("extra Pending before every leaf step"),
            (false, true) => f.write_str("left future moved between polls"),
            (true, true) => {
                f.write_str("extra Pending before every leaf step, left future moved between polls")
            }
        }
    }
}

/// Which run of a comparison found a difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Polled to completion (or stall or panic), then dropped.
    Completion,
    /// Polled `after_polls` times, then dropped (cancelled).
    Cancelled {
        /// Polls made before the drop (0: dropped unpolled).
        after_polls: usize,
    },
    /// Polled once more after `Ready` or a panic.
    AfterCompletion,
    /// The left future is larger than the right one (only checked with
    /// [`Comparison::check_size`](super::Comparison::check_size)).
    Size,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Phase::Completion => f.write_str("completion (polled until it ended, then dropped)"),
            Phase::Cancelled { after_polls: 1 } => f.write_str("cancelled after 1 poll"),
            Phase::Cancelled { after_polls } => write!(f, "cancelled after {after_polls} polls"),
            Phase::AfterCompletion => f.write_str("poll after completion"),
            Phase::Size => f.write_str("size"),
        }
    }
}

/// The two futures behaved the same in every run of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct Report {
    /// Pairs of runs compared (all phases, all schedules).
    pub runs: usize,
    /// Outer polls to completion under the plain schedule.
    pub polls: usize,
    /// How the completion run ended: `Ready(…)`, `panic: …` or `stall`.
    pub outcome: String,
    /// The completion trace under the plain schedule (the same on both sides).
    pub trace: Trace,
    /// `size_of` the left future.
    pub left_size: usize,
    /// `size_of` the right future.
    pub right_size: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "same behaviour in {} pairs of runs; {} after {} polls; size: left {} bytes, right {} bytes",
            self.runs, self.outcome, self.polls, self.left_size, self.right_size
        )
    }
}

/// The two futures behaved differently.
///
/// `Display` (and `Debug`, so that `.unwrap()` reads well) names the phase,
/// the schedule and the first differing event, then shows both traces side
/// by side around it.
#[derive(Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The run that differed.
    pub phase: Phase,
    /// How the futures were scheduled in that run.
    pub schedule: Schedule,
    /// The two traces, when they differ (`None` when only the outputs'
    /// `PartialEq` or the sizes disagree).
    pub diff: Option<TraceDiff>,
    /// One line saying what differs.
    pub detail: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "left and right futures behave differently")?;
        writeln!(f, "  phase:    {}", self.phase)?;
        writeln!(f, "  schedule: {}", self.schedule)?;
        writeln!(f, "  {}", self.detail)?;
        if let Some(diff) = &self.diff {
            // The summary is already `detail`; print just the table.
            let table = std::format!("{diff}");
            let body = table.split_once('\n').map_or("", |(_, rest)| rest);
            write!(f, "\n{body}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Mismatch {}
