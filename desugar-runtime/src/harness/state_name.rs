//! [`StateName`]: reading which state a desugared future is in.

use crate::__private::{Machine, State};

/// A future that can say which state it is in: `Unresumed`, `Suspend0`, …,
/// `Returned`, `Panicked` — rustc's names for the variants of its own state
/// machine (the ones `-Zprint-type-sizes` prints).
///
/// Every `#[desugar]` future implements it; rustc's own futures cannot.
/// [`Stepper::poll_traced`](super::Stepper::poll_traced) uses it to print
/// each poll's transition.
pub trait StateName {
    /// The name of the current state.
    fn state_name(&self) -> &'static str;
}

impl<S: State<H>, H, F> StateName for Machine<S, H, F> {
    fn state_name(&self) -> &'static str {
        // The inherent method; path syntax picks it over this trait method.
        Machine::state_name(self)
    }
}

impl<T: StateName + ?Sized> StateName for &T {
    fn state_name(&self) -> &'static str {
        (**self).state_name()
    }
}

impl<T: StateName + ?Sized> StateName for &mut T {
    fn state_name(&self) -> &'static str {
        (**self).state_name()
    }
}

impl<T: StateName + ?Sized> StateName for std::boxed::Box<T> {
    fn state_name(&self) -> &'static str {
        (**self).state_name()
    }
}

impl<P> StateName for core::pin::Pin<P>
where
    P: core::ops::Deref,
    P::Target: StateName,
{
    fn state_name(&self) -> &'static str {
        (**self).state_name()
    }
}
