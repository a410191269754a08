//! The "current trace": where leaves, probes and the harness waker log events.
//!
//! Leaves and probes are created by user code deep inside the future, so they
//! cannot be handed a recorder; they find it in a thread-local slot that the
//! executor fills while it polls or drops the future. The waker keeps its own
//! `Arc<Recorder>` instead, because it may be woken, cloned or dropped from
//! another thread.

use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use core::task::Waker;
use std::boxed::Box;
use std::string::String;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

use super::event::Event;
use super::trace::Trace;

/// Something outside the future that may still wake it: the executor waits
/// for a wake instead of declaring a stall while one of these is armed.
pub(crate) trait WakeSource: Send + Sync {
    /// Whether this source holds a waker and may still fire.
    fn is_armed(&self) -> bool;
}

/// An action to run right after the outer poll returns (see
/// [`Recorder::after_poll`]).
type AfterPoll = Box<dyn FnOnce() + Send>;

/// The sink of one run's events, and the per-run knobs leaves read.
pub(crate) struct Recorder {
    events: Mutex<Vec<Event>>,
    /// Cleared when the run is over: later events (a waker dropped with the
    /// executor, a probe returned as output and dropped by the test) are not
    /// part of the run.
    open: AtomicBool,
    /// Leaves return an extra `Pending` before each scripted step.
    interleave_pending: bool,
    /// Address of the harness waker's data, to tell leaves whether the waker
    /// they get is the executor's own. 0 until the waker exists.
    waker_data: AtomicUsize,
    after_poll: Mutex<Vec<AfterPoll>>,
    wake_sources: Mutex<Vec<Arc<dyn WakeSource>>>,
}

/// Locks a mutex, ignoring poison: the data (a log, a list of callbacks)
/// stays consistent even if a thread panicked while holding it.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Recorder {
    pub(crate) fn new(interleave_pending: bool) -> Arc<Self> {
        Arc::new(Recorder {
            events: Mutex::new(Vec::new()),
            open: AtomicBool::new(true),
            interleave_pending,
            waker_data: AtomicUsize::new(0),
            after_poll: Mutex::new(Vec::new()),
            wake_sources: Mutex::new(Vec::new()),
        })
    }

    /// Appends an event, unless the run is over.
    pub(crate) fn push(&self, event: Event) {
        if self.open.load(Ordering::Acquire) {
            lock(&self.events).push(event);
        }
    }

    /// The events so far.
    pub(crate) fn snapshot(&self) -> Trace {
        Trace::from(lock(&self.events).clone())
    }

    /// Ends the run and returns its trace.
    pub(crate) fn close(&self) -> Trace {
        self.open.store(false, Ordering::Release);
        Trace::from(core::mem::take(&mut *lock(&self.events)))
    }

    pub(crate) fn interleave_pending(&self) -> bool {
        self.interleave_pending
    }

    /// Remembers which waker is the executor's own.
    pub(crate) fn set_harness_waker(&self, waker: &Waker) {
        self.waker_data
            .store(waker.data() as usize, Ordering::Relaxed);
    }

    /// Whether `waker` is the executor's waker (or a clone of it), as opposed
    /// to one a combinator built around it.
    pub(crate) fn is_harness_waker(&self, waker: &Waker) -> bool {
        super::waker::is_instrumented(waker)
            && waker.data() as usize == self.waker_data.load(Ordering::Relaxed)
    }

    /// Registers an action for right after the current outer poll returns.
    /// A leaf that wakes from another thread uses it to hold that thread back
    /// until the poll is over, so the wake lands at the same place in the
    /// trace on every run.
    pub(crate) fn after_poll(&self, action: impl FnOnce() + Send + 'static) {
        lock(&self.after_poll).push(Box::new(action));
    }

    /// Runs (and forgets) the actions registered during the last poll.
    pub(crate) fn run_after_poll(&self) {
        let actions = core::mem::take(&mut *lock(&self.after_poll));
        for action in actions {
            action();
        }
    }

    /// Registers something that may wake the future later.
    /// Registering the same source again is a no-op.
    pub(crate) fn add_wake_source(&self, source: Arc<dyn WakeSource>) {
        let mut sources = lock(&self.wake_sources);
        let addr = Arc::as_ptr(&source).cast::<()>();
        if !sources.iter().any(|s| Arc::as_ptr(s).cast::<()>() == addr) {
            sources.push(source);
        }
    }

    /// Whether any registered wake source is still armed.
    pub(crate) fn wake_outstanding(&self) -> bool {
        lock(&self.wake_sources).iter().any(|s| s.is_armed())
    }
}

std::thread_local! {
    static CURRENT: RefCell<Option<Arc<Recorder>>> = const { RefCell::new(None) };
}

/// Puts the previous current recorder back, also when the closure unwinds.
struct Restore(Option<Arc<Recorder>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        // `try_with`: the slot may already be gone during thread teardown.
        let _ = CURRENT.try_with(|c| *c.borrow_mut() = previous);
    }
}

/// Runs `f` with `recorder` as this thread's current recorder.
pub(crate) fn with_current<R>(recorder: &Arc<Recorder>, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|c| c.borrow_mut().replace(Arc::clone(recorder)));
    let _restore = Restore(previous);
    f()
}

/// This thread's current recorder, if the harness is driving a future here.
pub(crate) fn current() -> Option<Arc<Recorder>> {
    CURRENT.try_with(|c| c.borrow().clone()).ok().flatten()
}

/// Logs the event `make` builds to the current trace; does nothing (and
/// builds nothing) when no trace is being recorded on this thread.
pub(crate) fn log(make: impl FnOnce() -> Event) {
    if let Some(recorder) = current() {
        recorder.push(make());
    }
}

/// Leaves a free-form mark in the current trace (printed `  note: …`), for
/// example between two statements of an async fn under test. Does nothing
/// when no trace is being recorded on this thread.
pub fn note(text: impl Into<String>) {
    log(|| Event::Note(text.into()));
}
