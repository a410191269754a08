//! [`Run`] and [`Outcome`]: what the recording executor reports.

use std::string::String;

use crate::harness::trace::Trace;

/// How a run (or the extra poll after completion) ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<O> {
    /// The future returned `Ready` with this output.
    Ready(O),
    /// The last poll returned `Pending` and the poll limit was reached (or,
    /// for the poll after completion, the future returned `Pending`).
    Pending,
    /// The future returned `Pending` with nothing left to wake it.
    Stalled,
    /// A poll panicked with this message.
    Panicked(String),
}

/// The result of [`run`](super::run) and friends.
#[derive(Clone, Debug)]
#[must_use]
pub struct Run<O> {
    /// Everything that happened, from the factory call (for `run_with`) to
    /// the drop of the future.
    pub trace: Trace,
    /// How the polls ended.
    pub outcome: Outcome<O>,
    /// Outer polls made before `outcome` (not counting the one after it).
    pub polls: usize,
    /// The result of one more poll after `Ready` or a panic, when asked for
    /// with [`Executor::poll_after_end`](super::Executor::poll_after_end).
    pub after_end: Option<Outcome<O>>,
    /// `size_of` the future.
    pub size: usize,
}

impl<O> Run<O> {
    /// The output, if the future completed.
    pub fn output(&self) -> Option<&O> {
        match &self.outcome {
            Outcome::Ready(out) => Some(out),
            _ => None,
        }
    }

    /// The output; panics with the trace if the future did not complete.
    #[track_caller]
    pub fn unwrap(self) -> O {
        match self.outcome {
            Outcome::Ready(out) => out,
            _ => panic!("the future did not complete; its trace:\n{}", self.trace),
        }
    }

    /// The message of the panic that ended the run, if one did.
    pub fn panic_message(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Panicked(msg) => Some(msg),
            _ => None,
        }
    }

    /// The message of the panic of the poll after completion, if there was
    /// one (for an async fn: "`async fn` resumed after completion" or "…
    /// after panicking").
    pub fn after_end_panic(&self) -> Option<&str> {
        match &self.after_end {
            Some(Outcome::Panicked(msg)) => Some(msg),
            _ => None,
        }
    }

    /// Whether the run ended in a stall.
    pub fn is_stalled(&self) -> bool {
        matches!(self.outcome, Outcome::Stalled)
    }
}
