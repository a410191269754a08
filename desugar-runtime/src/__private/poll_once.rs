//! `futures::poll!`, as an awaited future the expansion can see.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// Polls the future it holds once, in the task that awaits it, and is
/// ready at once with what that poll gave: `futures::poll!(fut)` awaits the
/// same inside its own expansion, which `#[desugar]` cannot see, so the
/// expansion awaits this in its place.
#[derive(Debug)]
pub struct PollOnce<F> {
    future: F,
}

/// `futures::poll!(future)` without the macro: `poll_once(future).await`.
pub fn poll_once<F: Future + Unpin>(future: F) -> PollOnce<F> {
    PollOnce { future }
}

impl<F: Future + Unpin> Future for PollOnce<F> {
    type Output = Poll<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Poll::Ready(Pin::new(&mut self.future).poll(cx))
    }
}
