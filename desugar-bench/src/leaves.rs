//! The futures at the bottom of every benchmark: as cheap as a leaf can be,
//! so that what is measured is the machine around them.
//!
//! The harness's scripted leaves log every poll to a trace, which would
//! dwarf the cost of a state transition; these do nothing but answer.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// Ready on its first poll with the value it was built with.
pub struct Ready<T>(Option<T>);

/// A future ready at once with `value`.
pub fn ready<T>(value: T) -> Ready<T> {
    Ready(Some(value))
}

// `Ready` never pins its value, so it is `Unpin` whatever `T` is.
impl<T> Unpin for Ready<T> {}

impl<T> Future for Ready<T> {
    type Output = T;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<T> {
        Poll::Ready(self.0.take().expect("`Ready` polled after completion"))
    }
}

/// `Pending` on its first poll (waking the task by reference, as a leaf
/// whose event has already happened does), then ready with its value.
pub struct PendingOnce {
    value: u64,
    polled: bool,
}

/// A future that is `Pending` once, then ready with `value`.
pub fn pending_once(value: u64) -> PendingOnce {
    PendingOnce {
        value,
        polled: false,
    }
}

impl Future for PendingOnce {
    type Output = u64;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.polled {
            Poll::Ready(self.value)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Ready on its first poll, after adding one to the byte at `index` of the
/// buffer it borrows: a future that holds a borrow of a local across its
/// await and returns nothing that borrows it.
pub struct Poke<'a> {
    buf: &'a mut [u8],
    index: usize,
}

/// A future that adds one to `buf[index]` when polled.
pub fn poke(buf: &mut [u8], index: usize) -> Poke<'_> {
    Poke { buf, index }
}

impl Future for Poke<'_> {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let index = self.index;
        self.buf[index] = self.buf[index].wrapping_add(1);
        Poll::Ready(())
    }
}

#[cfg(test)]
mod tests {
    use super::{pending_once, poke, ready};
    use crate::executor::block_on;

    #[test]
    fn ready_answers_at_once() {
        assert_eq!(block_on(ready(7)), 7);
    }

    #[test]
    fn pending_once_answers_on_the_second_poll() {
        let mut future = core::pin::pin!(pending_once(9));
        let mut cx = core::task::Context::from_waker(core::task::Waker::noop());
        assert!(future.as_mut().poll(&mut cx).is_pending());
        assert_eq!(future.as_mut().poll(&mut cx), core::task::Poll::Ready(9));
    }

    #[test]
    fn poke_adds_one() {
        let mut buf = [0u8; 2];
        block_on(poke(&mut buf, 1));
        assert_eq!(buf, [0, 1]);
    }
}
