//! What the construct tests share: a leaf shorthand, the `Send` check, and a
//! `join!`/`select!` pair in the style of `futures::join!`, written here so
//! the suite needs no new dependency.

use core::future::{Future, poll_fn};
use core::pin::pin;
use core::task::Poll;

use desugar::harness::{Leaf, LeafFuture};

/// `Leaf::new(name).pending(pendings).ready(value)`, the scripted future the
/// tests await.
pub fn leaf<T>(name: &str, pendings: usize, value: T) -> LeafFuture<T> {
    Leaf::new(name).pending(pendings).ready(value)
}

/// Fails to compile unless the future is `Send` (DESIGN.md promise 5): the
/// tests call it on the desugared future wherever the twin is `Send`.
pub fn assert_send<T: Send>(_: &T) {}

/// Which side of a [`select2`] finished first.
#[derive(Debug, PartialEq)]
pub enum Either<A, B> {
    Left(A),
    Right(B),
}

/// Polls both futures (left first) until one is ready, then drops the
/// other, like `futures::select!`.
pub async fn select2<A: Future, B: Future>(a: A, b: B) -> Either<A::Output, B::Output> {
    let (mut a, mut b) = (pin!(a), pin!(b));
    poll_fn(|cx| {
        if let Poll::Ready(v) = a.as_mut().poll(cx) {
            return Poll::Ready(Either::Left(v));
        }
        b.as_mut().poll(cx).map(Either::Right)
    })
    .await
}

/// `join!(a, b)`: a macro whose own expansion awaits, as `futures::join!`'s
/// does, so `#[desugar]` cannot see that await in the tokens.
macro_rules! join {
    ($a:expr, $b:expr $(,)?) => {
        ::desugar::harness::join2($a, $b).await
    };
}
pub(crate) use join;

/// `select!(a, b)`: the first of two futures to finish, the other dropped.
macro_rules! select {
    ($a:expr, $b:expr $(,)?) => {
        $crate::constructs::support::select2($a, $b).await
    };
}
pub(crate) use select;

/// `select_biased! { x = a => .., y = b => .. }`: [`select!`] with code for
/// each branch, in the form of `futures::select_biased!`.
macro_rules! select_biased {
    ($a:pat = $fa:expr => $ea:expr, $b:pat = $fb:expr => $eb:expr $(,)?) => {
        match $crate::constructs::support::select2($fa, $fb).await {
            $crate::constructs::support::Either::Left($a) => $ea,
            $crate::constructs::support::Either::Right($b) => $eb,
        }
    };
}
pub(crate) use select_biased;

/// `poll!(fut)`: polls an `Unpin` future once and gives its `Poll`, as
/// `futures::poll!` does, written here with `poll_fn`.
macro_rules! poll {
    ($future:expr) => {{
        let mut future = $future;
        ::core::future::poll_fn(|cx| {
            ::core::task::Poll::Ready(::core::future::Future::poll(
                ::core::pin::Pin::new(&mut future),
                cx,
            ))
        })
        .await
    }};
}
pub(crate) use poll;
