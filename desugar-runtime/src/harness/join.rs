//! What a `join!` awaits, for testing macros that await in their own
//! expansion without a runtime.

use core::future::{Future, poll_fn};
use core::pin::pin;
use core::task::Poll;

/// Both futures, polled in turn (`a`, then `b`) until both are done, as
/// `futures::join!` and `tokio::join!` poll theirs. A test can define a
/// `join!` of its own with it, to see how `#[desugar]` awaits a macro whose
/// `.await` is in its expansion (through an inner `async` block):
///
/// ```
/// use desugar_runtime::harness::{Leaf, join2, run};
///
/// macro_rules! join {
///     ($a:expr, $b:expr $(,)?) => {
///         join2($a, $b).await
///     };
/// }
///
/// let run = run(async {
///     join!(Leaf::new("a").pending(2).ready(1), Leaf::new("b").pending(1).ready(2))
/// });
/// assert_eq!(run.unwrap(), (1, 2));
/// ```
pub async fn join2<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let mut a = pin!(a);
    let mut b = pin!(b);
    let (mut out_a, mut out_b) = (None, None);
    // `move`: the closure owns the pins and the outputs rather than holding
    // references to them, which would make the future four words larger.
    poll_fn(move |cx| {
        if out_a.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            out_a = Some(v);
        }
        if out_b.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            out_b = Some(v);
        }
        match (out_a.take(), out_b.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                (out_a, out_b) = (a, b);
                Poll::Pending
            }
        }
    })
    .await
}
