//! [`Stepper`]: poll one future by hand, one step at a time.

use core::fmt::{self, Debug};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::boxed::Box;
use std::format;
use std::string::String;
use std::sync::Arc;

use super::event::Event;
use super::quiet_panic::catch_quietly;
use super::recorder::{Recorder, with_current};
use super::state_name::StateName;
use super::trace::Trace;
use super::waker::{WakerState, new_waker};

/// One future, pinned on the heap, polled by hand with the harness waker;
/// everything is recorded as by [`run`](super::run).
///
/// ```
/// use desugar_runtime::harness::{assert_pending, assert_ready, Leaf, Stepper};
///
/// let (leaf, handle) = Leaf::new("io").pending(1).with_handle();
/// let mut stepper = Stepper::new(leaf.ready(7));
/// assert_pending!(stepper);
/// assert!(!stepper.is_woken());
/// handle.wake();
/// assert!(stepper.is_woken());
/// assert_ready!(stepper, 7);
/// ```
pub struct Stepper<F> {
    /// Declared first so it is dropped first, while the waker it may hold
    /// clones of still exists (not required, but keeps drops in one order).
    future: Pin<Box<F>>,
    recorder: Arc<Recorder>,
    waker_state: Arc<WakerState>,
    waker: Waker,
    polls: usize,
    wakes_at_last_poll: u64,
}

impl<F: Future> Stepper<F> {
    /// Pins `future` and prepares to poll it. Nothing is polled yet.
    pub fn new(future: F) -> Self {
        let recorder = Recorder::new(false);
        let waker_state = WakerState::new(Arc::clone(&recorder));
        let waker = new_waker(Arc::clone(&waker_state));
        recorder.set_harness_waker(&waker);
        Stepper {
            future: Box::pin(future),
            recorder,
            waker_state,
            waker,
            polls: 0,
            wakes_at_last_poll: 0,
        }
    }

    /// Polls once, recording `poll n`, what happens inside and the result.
    /// A panic propagates (use [`Stepper::try_poll`] to catch it).
    pub fn poll(&mut self) -> Poll<F::Output>
    where
        F::Output: Debug,
    {
        self.start_poll();
        let mut cx = Context::from_waker(&self.waker);
        let future = self.future.as_mut();
        let poll = with_current(&self.recorder, || future.poll(&mut cx));
        self.end_poll(&poll);
        poll
    }

    /// Polls once, returning `Err(message)` if the poll panics (quietly: the
    /// panic is not printed). The panic is recorded as `=> panic: …`.
    pub fn try_poll(&mut self) -> Result<Poll<F::Output>, String>
    where
        F::Output: Debug,
    {
        self.start_poll();
        let mut cx = Context::from_waker(&self.waker);
        let future = self.future.as_mut();
        match with_current(&self.recorder, || catch_quietly(|| future.poll(&mut cx))) {
            Ok(poll) => {
                self.end_poll(&poll);
                Ok(poll)
            }
            Err(msg) => {
                self.recorder.push(Event::Panicked(msg.clone()));
                self.recorder.run_after_poll();
                Err(msg)
            }
        }
    }

    fn start_poll(&mut self) {
        self.polls += 1;
        self.wakes_at_last_poll = self.waker_state.wakes();
        self.recorder.push(Event::PollStarted(self.polls));
    }

    fn end_poll(&self, poll: &Poll<F::Output>)
    where
        F::Output: Debug,
    {
        let logged = match poll {
            Poll::Pending => Poll::Pending,
            Poll::Ready(out) => Poll::Ready(format!("{out:?}")),
        };
        self.recorder.push(Event::PollEnded(logged));
        // Leaves that wake from a thread do so now, so `is_woken` is
        // accurate as soon as `poll` returns.
        self.recorder.run_after_poll();
    }

    /// Polls once and panics, showing the trace, unless the future returned
    /// `Pending`. What [`assert_pending!`](super::assert_pending) calls.
    #[track_caller]
    pub fn expect_pending(&mut self)
    where
        F::Output: Debug,
    {
        if let Poll::Ready(out) = self.poll() {
            panic!(
                "expected Pending from poll {}, got Ready({out:?}); trace so far:\n{}",
                self.polls,
                self.trace()
            );
        }
    }

    /// Polls once and returns the output, or panics, showing the trace, if
    /// the future returned `Pending`. What [`assert_ready!`](super::assert_ready)
    /// calls.
    #[track_caller]
    pub fn expect_ready(&mut self) -> F::Output
    where
        F::Output: Debug,
    {
        match self.poll() {
            Poll::Ready(out) => out,
            Poll::Pending => panic!(
                "expected Ready from poll {}, got Pending; trace so far:\n{}",
                self.polls,
                self.trace()
            ),
        }
    }

    /// Polls once and panics unless the future returned `Ready(expected)`.
    #[track_caller]
    pub fn expect_ready_eq<E: Debug>(&mut self, expected: E)
    where
        F::Output: Debug + PartialEq<E>,
    {
        let out = self.expect_ready();
        if out != expected {
            panic!(
                "poll {} returned Ready({out:?}), expected Ready({expected:?}); trace so far:\n{}",
                self.polls,
                self.trace()
            );
        }
    }

    /// Whether the future was woken since its last poll began (a wake during
    /// the poll counts, as it would for a real executor).
    pub fn is_woken(&self) -> bool {
        self.waker_state.wakes() > self.wakes_at_last_poll
    }

    /// Wakes since the stepper was created.
    pub fn wake_count(&self) -> u64 {
        self.waker_state.wakes()
    }

    /// Polls made so far.
    pub fn polls(&self) -> usize {
        self.polls
    }

    /// The events recorded so far.
    pub fn trace(&self) -> Trace {
        self.recorder.snapshot()
    }

    /// The future, pinned.
    pub fn future(&self) -> Pin<&F> {
        self.future.as_ref()
    }

    /// The future, pinned, mutably.
    pub fn future_mut(&mut self) -> Pin<&mut F> {
        self.future.as_mut()
    }

    /// Drops the future (recording `drop future` and the drops it causes)
    /// and returns the whole trace.
    pub fn finish(self) -> Trace {
        let Stepper {
            future, recorder, ..
        } = self;
        recorder.push(Event::FutureDropped);
        if let Err(msg) = with_current(&recorder, || catch_quietly(move || drop(future))) {
            recorder.push(Event::Panicked(msg));
        }
        recorder.close()
    }
}

impl<F: Future + StateName> Stepper<F> {
    /// The name of the state the future is in (`Unresumed`, `Suspend0`, …).
    pub fn state_name(&self) -> &'static str {
        self.future.as_ref().get_ref().state_name()
    }

    /// Polls once and says which state the poll moved the future from and
    /// to; prints as `poll 2: Suspend0 -> Suspend1, Pending`.
    pub fn poll_traced(&mut self) -> TracedPoll<F::Output>
    where
        F::Output: Debug,
    {
        let from = self.state_name();
        let poll = self.poll();
        TracedPoll {
            number: self.polls,
            from,
            to: self.state_name(),
            poll,
        }
    }
}

impl<F> Debug for Stepper<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stepper")
            .field("polls", &self.polls)
            .finish_non_exhaustive()
    }
}

/// One poll made by [`Stepper::poll_traced`]: the states before and after,
/// and the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TracedPoll<O> {
    /// The poll's number, from 1.
    pub number: usize,
    /// The state before the poll.
    pub from: &'static str,
    /// The state after the poll.
    pub to: &'static str,
    /// What the poll returned.
    pub poll: Poll<O>,
}

impl<O: Debug> fmt::Display for TracedPoll<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "poll {}: {} -> {}, ", self.number, self.from, self.to)?;
        match &self.poll {
            Poll::Pending => f.write_str("Pending"),
            Poll::Ready(out) => write!(f, "Ready({out:?})"),
        }
    }
}
