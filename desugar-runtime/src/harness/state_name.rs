//! [`StateName`]: reading which state a desugared future is in.

use crate::inspect::Inspect;

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

/// Every desugared future, whatever its (opaque) type: they all implement
/// [`Inspect`].
impl<T: Inspect + ?Sized> StateName for T {
    fn state_name(&self) -> &'static str {
        Inspect::state_name(self)
    }
}
