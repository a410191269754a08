//! Where the executor keeps the future between polls: pinned in place, or
//! (for `Unpin` futures) moved to a new address before every poll.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::boxed::Box;

/// Owns the future for the executor; dropping the holder drops the future.
pub(super) trait Holder {
    /// The future's output.
    type Output;
    /// Polls the future once.
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<Self::Output>;
    /// Called before every poll but the first.
    fn between_polls(&mut self) {}
    /// `size_of` the future.
    fn size(&self) -> usize;
}

/// Pinned on the heap for its whole life, as a real executor keeps it.
pub(super) struct Pinned<F>(pub(super) Pin<Box<F>>);

impl<F: Future> Holder for Pinned<F> {
    type Output = F::Output;
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.0.as_mut().poll(cx)
    }
    fn size(&self) -> usize {
        size_of::<F>()
    }
}

/// Moved to a fresh heap allocation before every poll but the first: an
/// `Unpin` future may be moved between polls, so one that misbehaves when
/// moved (`AssertUnmoved` in reverse) shows it here.
pub(super) struct Moving<F>(pub(super) Option<Box<F>>);

impl<F: Future + Unpin> Holder for Moving<F> {
    type Output = F::Output;
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<F::Output> {
        let future = self
            .0
            .as_mut()
            .expect("the future is always present between moves");
        Pin::new(&mut **future).poll(cx)
    }
    fn between_polls(&mut self) {
        if let Some(old) = self.0.take() {
            // The new box is allocated while the old one still exists, so the
            // future really lands at a different address.
            self.0 = Some(Box::new(*old));
        }
    }
    fn size(&self) -> usize {
        size_of::<F>()
    }
}
