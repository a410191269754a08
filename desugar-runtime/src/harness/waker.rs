//! The instrumented waker: logs every wake, clone and drop, and counts wakes
//! so the executor knows whether to poll again or report a stall.
//!
//! `std::task::Wake` would give a waker without `unsafe`, but it cannot see
//! clones and drops (they are plain `Arc` operations there), and those are
//! part of what the harness compares. So this is a hand-written
//! `RawWakerVTable` over an `Arc<WakerState>`; the `unsafe` is confined to the
//! four vtable functions and the constructor below.

use core::mem::ManuallyDrop;
use core::task::{RawWaker, RawWakerVTable, Waker};
use core::time::Duration;
use std::sync::{Arc, Condvar, Mutex};

use super::event::Event;
use super::recorder::{Recorder, lock};

/// What every clone of one harness waker shares.
pub(crate) struct WakerState {
    recorder: Arc<Recorder>,
    /// Wakes so far (both kinds). Counting, rather than a flag, lets the
    /// executor compare against the count when a poll began.
    wakes: Mutex<u64>,
    woken: Condvar,
}

impl WakerState {
    pub(crate) fn new(recorder: Arc<Recorder>) -> Arc<Self> {
        Arc::new(WakerState {
            recorder,
            wakes: Mutex::new(0),
            woken: Condvar::new(),
        })
    }

    /// Wakes so far.
    pub(crate) fn wakes(&self) -> u64 {
        *lock(&self.wakes)
    }

    /// Blocks until the wake count exceeds `seen` or `timeout` passes;
    /// returns whether it did.
    pub(crate) fn wait_for_wake(&self, seen: u64, timeout: Duration) -> bool {
        let guard = lock(&self.wakes);
        let (guard, _) = self
            .woken
            .wait_timeout_while(guard, timeout, |wakes| *wakes <= seen)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *guard > seen
    }

    fn record_wake(&self, event: Event) {
        // Log before counting: a waiting executor resumes on the count, and
        // the wake must already be in the trace when it does.
        self.recorder.push(event);
        *lock(&self.wakes) += 1;
        self.woken.notify_all();
    }
}

/// The vtable of every harness waker. A `static` (not a `const`) so that it
/// has one address, which [`is_instrumented`] compares against.
static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop);

/// Builds the harness waker. Creating it logs nothing: the executor's own
/// handle is not one of the future's clones.
pub(crate) fn new_waker(state: Arc<WakerState>) -> Waker {
    let raw = RawWaker::new(Arc::into_raw(state).cast(), &VTABLE);
    // SAFETY: `data` is a pointer from `Arc::into_raw` that this waker owns
    // one strong count of; the vtable functions below keep the `RawWaker`
    // contract for such pointers (clone takes a count, wake and drop give one
    // back, wake_by_ref leaves it), and `WakerState` is `Send + Sync`, so the
    // waker may be used from any thread.
    unsafe { Waker::from_raw(raw) }
}

/// Whether `waker` is a harness waker (of any run).
pub(crate) fn is_instrumented(waker: &Waker) -> bool {
    core::ptr::eq(waker.vtable(), &VTABLE)
}

/// Borrows the state behind `data` without touching its count.
///
/// # Safety
/// `data` comes from `Arc::into_raw` in `new_waker` or `clone`, and the
/// waker it belongs to (so one strong count) is alive for the borrow.
unsafe fn state<'a>(data: *const ()) -> &'a WakerState {
    // SAFETY: per the contract above the `Arc` is alive, so its contents are.
    unsafe { &*data.cast::<WakerState>() }
}

// The four vtable functions. Their contract (`RawWakerVTable`'s): `data` is
// the pointer of a live harness waker, i.e. one from `Arc::into_raw` in
// `new_waker` or `clone`, and that waker owns one strong count of it.

unsafe fn clone(data: *const ()) -> RawWaker {
    // SAFETY: the waker being cloned owns `data` (vtable contract), so the
    // `Arc` is alive. `ManuallyDrop` keeps that waker's count untouched; the
    // clone below takes a new count that the new waker owns.
    let arc = ManuallyDrop::new(unsafe { Arc::from_raw(data.cast::<WakerState>()) });
    let new = Arc::clone(&arc);
    new.recorder.push(Event::WakerCloned);
    RawWaker::new(Arc::into_raw(new).cast(), &VTABLE)
}

unsafe fn wake(data: *const ()) {
    // SAFETY: `wake` consumes the waker, so its strong count is ours to take
    // back; the `Arc` is dropped at the end of this function.
    let arc = unsafe { Arc::from_raw(data.cast::<WakerState>()) };
    arc.record_wake(Event::Wake);
}

unsafe fn wake_by_ref(data: *const ()) {
    // SAFETY: the caller's waker is alive for the call.
    unsafe { state(data) }.record_wake(Event::WakeByRef);
}

unsafe fn drop(data: *const ()) {
    // SAFETY: dropping the waker gives its strong count back.
    let arc = unsafe { Arc::from_raw(data.cast::<WakerState>()) };
    arc.recorder.push(Event::WakerDropped);
}
