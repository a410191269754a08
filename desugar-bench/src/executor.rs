//! The smallest executor that runs a future to completion: poll, and poll
//! again while it is `Pending`. Every leaf in the benchmarks wakes before it
//! returns `Pending`, so there is never anything to wait for, and the waker
//! is the no-op one: a wake costs the leaf one call through the vtable.

use core::future::Future;
use core::pin::pin;
use core::task::{Context, Poll, Waker};

/// Polls `future` until it is ready and returns its output.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}
