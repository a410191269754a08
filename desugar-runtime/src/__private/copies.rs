//! The awaited future of an await the expansion writes more than once.
//!
//! To resume inside a loop, or after a branch that awaits, the expansion
//! writes the code again, once per way of reaching it. An `async` block (or
//! an awaiting macro, awaited through one) in that code is then several
//! types, one per copy, for the one `__awaitee` field of its state. Each
//! copy wraps its future in its own variant of [`Copies`], nested for
//! three copies or more (`Rest { future: First { future } }`), so that
//! the field has one type, with the tag a variant needs beside it.
//!
//! Before (written twice: `Unresumed` and the arm resumed in the loop):
//! `let __awaitee = IntoFuture::into_future(async { .. });`
//!
//! After:
//! ```text
//! let __awaitee = Copies::First { future: IntoFuture::into_future(async { .. }) };  // first copy
//! let __awaitee = Copies::Rest { future: IntoFuture::into_future(async { .. }) };   // second copy
//! ```

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

pin_project_lite::pin_project! {
    /// One copy's future among the copies of one await: polled, and
    /// dropped, exactly as that future alone.
    #[project = CopiesProj]
    pub enum Copies<A, B> {
        /// The first copy.
        First { #[pin] future: A },
        /// One of the others (a `Copies` again when there are more than two).
        Rest { #[pin] future: B },
    }
}

impl<A, B> Future for Copies<A, B>
where
    A: Future,
    B: Future<Output = A::Output>,
{
    type Output = A::Output;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A::Output> {
        match self.project() {
            CopiesProj::First { future } => future.poll(cx),
            CopiesProj::Rest { future } => future.poll(cx),
        }
    }
}
