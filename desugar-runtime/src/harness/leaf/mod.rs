//! Scripted leaf futures: the awaited futures at the bottom of an async fn,
//! replaced by ones whose every poll, result and drop is logged.

mod handle;
mod wake_mode;

use core::fmt::{self, Debug};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::format;
use std::string::String;

use self::handle::HandleSlot;
pub use self::handle::WakeHandle;
use self::wake_mode::WakeMode;
use super::event::Event;
use super::recorder;

/// Builder of a scripted leaf future.
///
/// `Leaf::new("fetch").pending(2).ready(7)` is a future that returns
/// `Pending` twice, then `Ready(7)`; it logs `  leaf fetch: polled`,
/// `  leaf fetch: Pending` / `  leaf fetch: Ready(7)` and `  drop leaf fetch`
/// to the current trace (and nothing when no trace is being recorded).
///
/// Each scripted `Pending` arranges a wake; by default the leaf calls
/// `wake_by_ref` before returning. Other modes: [`Leaf::wake_from_thread`],
/// [`Leaf::with_handle`], [`Leaf::never_wake`].
///
/// Under [`Comparison::interleave_pending`](super::Comparison::interleave_pending)
/// every leaf also returns one extra `Pending` (waking at once) before each
/// scripted step, like `futures-test`'s `InterleavePending`.
pub struct Leaf {
    name: String,
    pendings: usize,
    wake: WakeMode,
}

impl Leaf {
    /// A leaf named `name` that is ready on its first poll.
    pub fn new(name: impl Into<String>) -> Self {
        Leaf {
            name: name.into(),
            pendings: 0,
            wake: WakeMode::AtOnce,
        }
    }

    /// Returns `Pending` `n` times before the result.
    #[must_use]
    pub fn pending(mut self, n: usize) -> Self {
        self.pendings = n;
        self
    }

    /// Wakes by `wake_by_ref` before returning each `Pending` (the default).
    #[must_use]
    pub fn wake_at_once(mut self) -> Self {
        self.wake = WakeMode::AtOnce;
        self
    }

    /// Wakes from a new thread with a clone of the waker. Under the harness
    /// the thread runs right after the outer poll returns, so the trace is
    /// the same on every run.
    #[must_use]
    pub fn wake_from_thread(mut self) -> Self {
        self.wake = WakeMode::FromThread;
        self
    }

    /// Never wakes: unless something else does, the executor reports a stall.
    #[must_use]
    pub fn never_wake(mut self) -> Self {
        self.wake = WakeMode::Never;
        self
    }

    /// Stores the waker on each `Pending` for the returned [`WakeHandle`] to
    /// wake when the test chooses (with a [`Stepper`](super::Stepper), or
    /// from another thread while the executor runs).
    #[must_use]
    pub fn with_handle(mut self) -> (Self, WakeHandle) {
        let slot = HandleSlot::new();
        self.wake = WakeMode::Handle(slot.clone());
        (self, WakeHandle::new(slot))
    }

    /// Finishes the script: the future's output is `value`.
    pub fn ready<T>(self, value: T) -> LeafFuture<T> {
        self.finish(End::Ready(value))
    }

    /// Finishes the script with a panic (message `message`) instead of a
    /// result, to test unwinding through the awaiting future.
    pub fn panics<T>(self, message: impl Into<String>) -> LeafFuture<T> {
        self.finish(End::Panic(message.into()))
    }

    fn finish<T>(self, end: End<T>) -> LeafFuture<T> {
        LeafFuture {
            name: self.name,
            pendings_left: self.pendings,
            end: Some(end),
            wake: self.wake,
            extra_pending_returned: false,
        }
    }
}

impl Debug for Leaf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Leaf")
            .field("name", &self.name)
            .field("pending", &self.pendings)
            .finish()
    }
}

/// How a leaf's script ends.
enum End<T> {
    Ready(T),
    Panic(String),
}

/// The future built by [`Leaf`]. `Send`/`Sync` when `T` is; always `Unpin`,
/// since it never pins its value.
pub struct LeafFuture<T> {
    name: String,
    pendings_left: usize,
    /// `None` once the leaf has returned `Ready`.
    end: Option<End<T>>,
    wake: WakeMode,
    /// Under interleaving: the extra `Pending` before the next scripted step
    /// has been returned, so the next poll runs the step.
    extra_pending_returned: bool,
}

/// The value is never pinned (the leaf moves it out by value), so pinning a
/// `LeafFuture` pins nothing inside it.
impl<T> Unpin for LeafFuture<T> {}

impl<T> LeafFuture<T> {
    /// The leaf's name, as it appears in traces.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn log_pending(&self) {
        recorder::log(|| Event::LeafReturned {
            leaf: self.name.clone(),
            poll: Poll::Pending,
        });
    }
}

impl<T: Debug> Future for LeafFuture<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.get_mut();
        let recorder = recorder::current();
        if let Some(recorder) = &recorder {
            let foreign_waker = !recorder.is_harness_waker(cx.waker());
            recorder.push(Event::LeafPolled {
                leaf: this.name.clone(),
                foreign_waker,
            });
        }
        if this.end.is_none() {
            // A correct awaiter never does this; a loud panic (recorded by
            // the executor) points straight at the bug.
            panic!("leaf `{}` polled after it returned Ready", this.name);
        }
        let interleave = recorder.as_ref().is_some_and(|r| r.interleave_pending());
        if interleave && !this.extra_pending_returned {
            this.extra_pending_returned = true;
            cx.waker().wake_by_ref();
            this.log_pending();
            return Poll::Pending;
        }
        this.extra_pending_returned = false;
        if this.pendings_left > 0 {
            this.pendings_left -= 1;
            this.wake.arm(cx);
            this.log_pending();
            return Poll::Pending;
        }
        match this.end.take() {
            Some(End::Ready(value)) => {
                recorder::log(|| Event::LeafReturned {
                    leaf: this.name.clone(),
                    poll: Poll::Ready(format!("{value:?}")),
                });
                Poll::Ready(value)
            }
            Some(End::Panic(message)) => panic!("{message}"),
            None => unreachable!("checked above"),
        }
    }
}

impl<T> Drop for LeafFuture<T> {
    fn drop(&mut self) {
        recorder::log(|| Event::LeafDropped(self.name.clone()));
        // A real leaf deregisters its waker when dropped (tokio's `Notified`
        // does); the handle then has nothing left to wake.
        if let WakeMode::Handle(slot) = &self.wake {
            slot.disarm();
        }
    }
}

impl<T> Debug for LeafFuture<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LeafFuture")
            .field("name", &self.name)
            .field("pending_left", &self.pendings_left)
            .field("finished", &self.end.is_none())
            .finish()
    }
}
