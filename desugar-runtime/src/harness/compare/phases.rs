//! The runs of one comparison, phase by phase.

use core::fmt::Debug;
use std::format;
use std::string::{String, ToString};

use super::report::{Mismatch, Phase, Report, Schedule};
use crate::harness::executor::{Executor, Outcome, Run};

/// Runs both sides through every phase under `schedule`:
///
/// 1. to completion, then dropped;
/// 2. cancelled after `k` polls, for every `k` below the completion's count;
/// 3. once more after `Ready` or a panic.
///
/// `left` and `right` run the future their factory builds with the given
/// executor settings. Stops at the first phase whose traces differ.
pub(super) fn compare_phases<O: Debug + PartialEq>(
    schedule: Schedule,
    left: impl Fn(&Executor) -> Run<O>,
    right: impl Fn(&Executor) -> Run<O>,
) -> Result<Report, Mismatch> {
    let base = if schedule.interleave_pending {
        Executor::new().interleave_pending()
    } else {
        Executor::new()
    };
    // Returns the left run and the right future's size.
    let check = |phase: Phase, settings: Executor| -> Result<(Run<O>, usize), Mismatch> {
        let (l, r) = (left(&settings), right(&settings));
        same(phase, schedule, &l, &r)?;
        Ok((l, r.size))
    };

    let (done, right_size) = check(Phase::Completion, base)?;
    let mut runs = 1;
    for k in 0..done.polls {
        let _ = check(Phase::Cancelled { after_polls: k }, base.max_polls(k))?;
        runs += 1;
    }
    if matches!(done.outcome, Outcome::Ready(_) | Outcome::Panicked(_)) {
        let _ = check(Phase::AfterCompletion, base.poll_after_end())?;
        runs += 1;
    }
    Ok(Report {
        runs,
        polls: done.polls,
        outcome: describe(&done.outcome),
        left_size: done.size,
        right_size,
        trace: done.trace,
    })
}

/// `Ok` when the two runs agree: the same trace, and outputs that are `==`
/// (the trace only holds their `Debug` strings).
fn same<O: Debug + PartialEq>(
    phase: Phase,
    schedule: Schedule,
    left: &Run<O>,
    right: &Run<O>,
) -> Result<(), Mismatch> {
    if let Some(diff) = left.trace.diff(&right.trace) {
        let detail = diff.summary();
        return Err(Mismatch {
            phase,
            schedule,
            diff: Some(diff),
            detail,
        });
    }
    if left.outcome != right.outcome || left.after_end != right.after_end {
        let detail = format!(
            "the outputs print the same but are not equal (==): left {:?}, right {:?}",
            left.outcome, right.outcome
        );
        return Err(Mismatch {
            phase,
            schedule,
            diff: None,
            detail,
        });
    }
    Ok(())
}

/// `Ready(…)`, `panic: …`, `stall` or `Pending`, for the report.
fn describe<O: Debug>(outcome: &Outcome<O>) -> String {
    match outcome {
        Outcome::Ready(out) => format!("Ready({out:?})"),
        Outcome::Pending => "Pending".to_string(),
        Outcome::Stalled => "stall".to_string(),
        Outcome::Panicked(msg) => format!("panic: {msg}"),
    }
}
