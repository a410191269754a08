//! [`WakeHandle`]: the test's remote control for a leaf that waits to be woken.

use core::fmt;
use core::task::Waker;
use std::sync::{Arc, Mutex};

use crate::harness::recorder::{WakeSource, lock};

/// What a leaf and its handle share: the waker the leaf registered when it
/// last returned `Pending`, and whether the handle still exists.
pub(crate) struct HandleSlot {
    state: Mutex<SlotState>,
}

struct SlotState {
    waker: Option<Waker>,
    handle_alive: bool,
}

impl HandleSlot {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(HandleSlot {
            state: Mutex::new(SlotState {
                waker: None,
                handle_alive: true,
            }),
        })
    }

    /// Stores the leaf's waker, as a well-behaved leaf future does: it keeps
    /// the waker it has if that one would wake the same task, and otherwise
    /// replaces it with a clone of the new one.
    pub(crate) fn arm(&self, waker: &Waker) {
        let mut state = lock(&self.state);
        if state.waker.as_ref().is_some_and(|w| w.will_wake(waker)) {
            return;
        }
        let old = state.waker.replace(waker.clone());
        // Drop the old waker after unlocking: its drop logs, and the log must
        // not wait on this lock.
        core::mem::drop(state);
        core::mem::drop(old);
    }

    /// Forgets (drops) the stored waker, if any.
    pub(crate) fn disarm(&self) {
        let old = lock(&self.state).waker.take();
        core::mem::drop(old);
    }
}

impl WakeSource for HandleSlot {
    fn is_armed(&self) -> bool {
        let state = lock(&self.state);
        state.handle_alive && state.waker.is_some()
    }
}

/// Wakes a leaf built with [`Leaf::with_handle`](super::Leaf::with_handle)
/// when the test says so.
///
/// The leaf stores the waker it receives each time it returns `Pending`;
/// [`WakeHandle::wake`] consumes it. While a handle is alive and holds a
/// waker, the executor treats a `Pending` as "waiting for the handle" rather
/// than a stall (it waits a while for another thread to fire it, then
/// reports the stall). Dropping the handle drops the stored waker.
pub struct WakeHandle {
    slot: Arc<HandleSlot>,
}

impl WakeHandle {
    pub(crate) fn new(slot: Arc<HandleSlot>) -> Self {
        WakeHandle { slot }
    }

    /// Wakes the stored waker (`Waker::wake`, logged as `  wake`); returns
    /// whether there was one.
    pub fn wake(&self) -> bool {
        // Wake while holding the lock: an executor deciding whether it has
        // stalled reads `is_armed` under the same lock, so it cannot see the
        // handle disarmed before the wake is counted.
        let mut state = lock(&self.slot.state);
        match state.waker.take() {
            Some(waker) => {
                waker.wake();
                true
            }
            None => false,
        }
    }

    /// Whether the leaf has registered a waker that has not been woken yet.
    pub fn is_armed(&self) -> bool {
        self.slot.is_armed()
    }
}

impl Drop for WakeHandle {
    fn drop(&mut self) {
        lock(&self.slot.state).handle_alive = false;
        self.slot.disarm();
    }
}

impl fmt::Debug for WakeHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WakeHandle")
            .field("armed", &self.is_armed())
            .finish()
    }
}
