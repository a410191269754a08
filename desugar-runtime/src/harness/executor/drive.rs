//! The executor's loop.

use core::fmt::Debug;
use core::task::{Context, Poll};
use core::time::Duration;
use std::format;
use std::sync::Arc;
use std::time::Instant;

use super::holder::Holder;
use super::{Executor, Outcome, Run};
use crate::harness::event::Event;
use crate::harness::quiet_panic::catch_quietly;
use crate::harness::recorder::{Recorder, with_current};
use crate::harness::waker::{WakerState, new_waker};

/// How long to wait for an armed [`WakeHandle`](crate::harness::WakeHandle)
/// to fire (from another thread) before calling it a stall. A handle held by
/// the thread that runs the executor can never fire; this bounds the hang.
const HANDLE_PATIENCE: Duration = Duration::from_secs(5);

/// How often to re-check whether a handle is still armed while waiting.
const HANDLE_RECHECK: Duration = Duration::from_millis(10);

/// Runs the future `make` builds, as `settings` say, and returns the record.
pub(super) fn drive<H>(settings: &Executor, make: impl FnOnce() -> H) -> Run<H::Output>
where
    H: Holder,
    H::Output: Debug,
{
    let recorder = Recorder::new(settings.interleave_pending);
    let state = WakerState::new(Arc::clone(&recorder));
    let waker = new_waker(Arc::clone(&state));
    recorder.set_harness_waker(&waker);
    let mut cx = Context::from_waker(&waker);

    let mut holder = with_current(&recorder, make);
    let size = holder.size();
    let mut polls = 0;
    let outcome = loop {
        if settings.max_polls == Some(polls) {
            break Outcome::Pending;
        }
        if polls > 0 {
            holder.between_polls();
        }
        polls += 1;
        let seen = state.wakes();
        match poll_once(&recorder, &mut holder, &mut cx, polls) {
            Outcome::Pending => {}
            done => break done,
        }
        if settings.max_polls != Some(polls) && !woken_since(&recorder, &state, seen) {
            recorder.push(Event::Stalled);
            break Outcome::Stalled;
        }
    };

    let finished = matches!(outcome, Outcome::Ready(_) | Outcome::Panicked(_));
    let after_end = (settings.poll_after_end && finished)
        .then(|| poll_once(&recorder, &mut holder, &mut cx, polls + 1));

    recorder.push(Event::FutureDropped);
    if let Err(msg) = with_current(&recorder, || catch_quietly(move || drop(holder))) {
        recorder.push(Event::Panicked(msg));
    }
    let trace = recorder.close();
    Run {
        trace,
        outcome,
        polls,
        after_end,
        size,
    }
}

/// One outer poll, logged: `poll n`, what happens inside, then the result or
/// the panic. Wakes from leaves' helper threads follow.
fn poll_once<H>(
    recorder: &Arc<Recorder>,
    holder: &mut H,
    cx: &mut Context<'_>,
    n: usize,
) -> Outcome<H::Output>
where
    H: Holder,
    H::Output: Debug,
{
    recorder.push(Event::PollStarted(n));
    let result = with_current(recorder, || catch_quietly(|| holder.poll(cx)));
    let outcome = match result {
        Ok(Poll::Pending) => {
            recorder.push(Event::PollEnded(Poll::Pending));
            Outcome::Pending
        }
        Ok(Poll::Ready(out)) => {
            recorder.push(Event::PollEnded(Poll::Ready(format!("{out:?}"))));
            Outcome::Ready(out)
        }
        Err(msg) => {
            recorder.push(Event::Panicked(msg.clone()));
            Outcome::Panicked(msg)
        }
    };
    recorder.run_after_poll();
    outcome
}

/// Whether the future was woken since the wake count was `seen`, waiting a
/// while if a wake handle is still armed and might fire from another thread.
fn woken_since(recorder: &Recorder, state: &WakerState, seen: u64) -> bool {
    if state.wakes() > seen {
        return true;
    }
    let deadline = Instant::now() + HANDLE_PATIENCE;
    while recorder.wake_outstanding() && Instant::now() < deadline {
        if state.wait_for_wake(seen, HANDLE_RECHECK) {
            return true;
        }
    }
    state.wakes() > seen
}
