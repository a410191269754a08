//! How a leaf arranges to be woken when it returns `Pending`.

use core::task::Context;
use std::sync::Arc;

use super::handle::HandleSlot;
use crate::harness::recorder;

/// How a leaf arranges to be woken each time it returns a scripted `Pending`.
#[derive(Clone)]
pub(crate) enum WakeMode {
    /// `wake_by_ref` before returning (the default; like `PendingOnce`).
    AtOnce,
    /// Clone the waker and wake it from a new thread.
    FromThread,
    /// Store the waker for a [`WakeHandle`](super::WakeHandle) to wake.
    Handle(Arc<HandleSlot>),
    /// Never wake: the future stalls unless something else wakes it.
    Never,
}

impl WakeMode {
    /// Arranges the wake for one `Pending`.
    pub(crate) fn arm(&self, cx: &mut Context<'_>) {
        match self {
            WakeMode::AtOnce => cx.waker().wake_by_ref(),
            WakeMode::FromThread => {
                let waker = cx.waker().clone();
                // Under the harness, the thread starts only once the outer
                // poll has returned, and the executor waits for it: the wake
                // then lands at the same place in every run's trace, just
                // after `=> Pending`. Elsewhere (a real executor), it starts
                // at once.
                match recorder::current() {
                    Some(recorder) => recorder.after_poll(move || {
                        // Waking an instrumented waker does not panic; a
                        // foreign waker's panic is not the harness's to
                        // report, so the join result is ignored.
                        let _ = std::thread::spawn(move || waker.wake()).join();
                    }),
                    None => {
                        std::thread::spawn(move || waker.wake());
                    }
                }
            }
            WakeMode::Handle(slot) => {
                slot.arm(cx.waker());
                if let Some(recorder) = recorder::current() {
                    recorder.add_wake_source(Arc::clone(slot) as _);
                }
            }
            WakeMode::Never => {}
        }
    }
}
