//! A stable mirror of the unstable `Try` / `FromResidual` traits.
//!
//! Inside the step closure a `?` cannot be left as is: it would return from
//! the closure with the residual, not finish the future with it. The macro
//! rewrites `expr?` into
//!
//! ```text
//! match Branch::branch(expr) {
//!     ControlFlow::Continue(v) => v,
//!     ControlFlow::Break(r) => return Poll::Ready(FromResidual::from_residual(r)),
//! }
//! ```
//!
//! which is what rustc's own desugaring of `?` does, for every type that
//! implements `Try` on stable Rust.

use core::convert::Infallible;
use core::ops::ControlFlow;
use core::task::Poll;

/// `Try::branch`: split a value into the one `?` continues with and the one
/// it returns early with.
///
/// The message is rustc's own for `?`, so that a `?` on a value that has
/// none reads the same in the machine as in its twin, rather than naming
/// this trait. The impls are `do_not_recommend`: they mirror the standard
/// ones and listing them would only name this crate's internals.
#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be applied to values that implement `Try`",
    label = "the `?` operator cannot be applied to type `{Self}`"
)]
pub trait Branch {
    type Output;
    type Residual;
    fn branch(self) -> ControlFlow<Self::Residual, Self::Output>;
}

/// `FromResidual::from_residual`: build the function's return value from a
/// residual, converting the error with `From` as `?` does.
///
/// One message covers both ways this fails: a function that returns
/// neither `Result` nor `Option`, and an error type without the `From`
/// conversion (the twin's error says which).
#[diagnostic::on_unimplemented(
    message = "`?` cannot return early with this value from an async function that returns `{Self}`",
    label = "the async function returns `{Self}`",
    note = "`?` needs the function to return `Result` or `Option`, and for a `Result`, an error type that implements `From` for the error `?` is applied to"
)]
pub trait FromResidual<R> {
    fn from_residual(residual: R) -> Self;
}

#[diagnostic::do_not_recommend]
impl<T, E> Branch for Result<T, E> {
    type Output = T;
    type Residual = Result<Infallible, E>;
    #[inline]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Ok(v) => ControlFlow::Continue(v),
            Err(e) => ControlFlow::Break(Err(e)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T> Branch for Option<T> {
    type Output = T;
    type Residual = Option<Infallible>;
    #[inline]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Some(v) => ControlFlow::Continue(v),
            None => ControlFlow::Break(None),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T, E> Branch for Poll<Result<T, E>> {
    type Output = Poll<T>;
    type Residual = Result<Infallible, E>;
    #[inline]
    fn branch(self) -> ControlFlow<Self::Residual, Poll<T>> {
        match self {
            Poll::Ready(Ok(v)) => ControlFlow::Continue(Poll::Ready(v)),
            Poll::Ready(Err(e)) => ControlFlow::Break(Err(e)),
            Poll::Pending => ControlFlow::Continue(Poll::Pending),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T, E> Branch for Poll<Option<Result<T, E>>> {
    type Output = Poll<Option<T>>;
    type Residual = Result<Infallible, E>;
    #[inline]
    fn branch(self) -> ControlFlow<Self::Residual, Poll<Option<T>>> {
        match self {
            Poll::Ready(Some(Ok(v))) => ControlFlow::Continue(Poll::Ready(Some(v))),
            Poll::Ready(Some(Err(e))) => ControlFlow::Break(Err(e)),
            Poll::Ready(None) => ControlFlow::Continue(Poll::Ready(None)),
            Poll::Pending => ControlFlow::Continue(Poll::Pending),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<B, C> Branch for ControlFlow<B, C> {
    type Output = C;
    type Residual = ControlFlow<B, Infallible>;
    #[inline]
    fn branch(self) -> ControlFlow<Self::Residual, C> {
        match self {
            ControlFlow::Continue(c) => ControlFlow::Continue(c),
            ControlFlow::Break(b) => ControlFlow::Break(ControlFlow::Break(b)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Result<T, F> {
    #[inline]
    #[track_caller]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(e) => Err(From::from(e)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T> FromResidual<Option<Infallible>> for Option<T> {
    #[inline]
    fn from_residual(_: Option<Infallible>) -> Self {
        None
    }
}

#[diagnostic::do_not_recommend]
impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Poll<Result<T, F>> {
    #[inline]
    #[track_caller]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(e) => Poll::Ready(Err(From::from(e))),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Poll<Option<Result<T, F>>> {
    #[inline]
    #[track_caller]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(e) => Poll::Ready(Some(Err(From::from(e)))),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<B, C> FromResidual<ControlFlow<B, Infallible>> for ControlFlow<B, C> {
    #[inline]
    fn from_residual(residual: ControlFlow<B, Infallible>) -> Self {
        match residual {
            ControlFlow::Break(b) => ControlFlow::Break(b),
        }
    }
}
