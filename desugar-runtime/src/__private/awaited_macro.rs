//! A macro that awaits in its own expansion (`join!`, `select!`), which
//! the expansion awaits through an inner `async` block.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;

/// What the inner `async` block gives: the macro's value, wrapped. In
/// rustc's future a `return` or a `?` in the macro leaves the fn; in the
/// block it would leave the block, and its value would go on as the
/// macro's. The expansion says so where it sees one, but not inside a
/// macro of the user's own (`select! { x = a => { check!(x); .. } }`).
/// Wrapped, the block's value cannot be one: a `return` gives the block a
/// value of another type (E0308, and [`BlockValue`]'s message), a `?` one
/// that is not `Try` (E0277).
pub struct AwaitedMacroValue<T>(pub T);

/// The value an inner `async` block gives: [`AwaitedMacroValue`] only.
#[diagnostic::on_unimplemented(
    message = "a `return` inside a macro of your own, within a macro that awaits (`select!`, `join!`), would leave the inner `async` block #[desugar] awaits that macro through, not the fn",
    label = "the block would give `{Self}` here",
    note = "write the `return` outside your macro: let the branch give a value and return after the `select!` or `join!`"
)]
pub trait BlockValue {
    type Value;
    fn into_value(self) -> Self::Value;
}

impl<T> BlockValue for AwaitedMacroValue<T> {
    type Value = T;
    fn into_value(self) -> T {
        self.0
    }
}

pin_project! {
    /// The inner `async` block, ready with the macro's value.
    pub struct AwaitedMacro<F> {
        #[pin]
        block: F,
    }
}

/// Awaits `block`, an `async` block ending in [`AwaitedMacroValue`]. (Its
/// `Future` impl asks for that, once: a bound here would say it again.)
pub fn awaited_macro<F>(block: F) -> AwaitedMacro<F> {
    AwaitedMacro { block }
}

impl<F> Future for AwaitedMacro<F>
where
    F: Future<Output: BlockValue>,
{
    type Output = <F::Output as BlockValue>::Value;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.project().block.poll(cx).map(BlockValue::into_value)
    }
}
