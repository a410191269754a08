//! The harness's assertion macros.
//!
//! `#[macro_export]` would put them at the crate root; they are exported
//! under hidden `__harness_*` names instead and re-exported from
//! `harness`, so users write `desugar_runtime::harness::assert_ready!`.

/// Polls a [`Stepper`](crate::harness::Stepper) once and panics (showing the
/// trace) unless the future returned `Pending`.
///
/// ```
/// use desugar_runtime::harness::{assert_pending, Leaf, Stepper};
///
/// let mut stepper = Stepper::new(Leaf::new("io").pending(1).ready(()));
/// assert_pending!(stepper);
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! __harness_assert_pending {
    ($stepper:expr $(,)?) => {
        $stepper.expect_pending()
    };
}

/// Polls a [`Stepper`](crate::harness::Stepper) once and panics (showing the
/// trace) unless the future returned `Ready`. `assert_ready!(s)` evaluates to
/// the output; `assert_ready!(s, expected)` also checks it equals `expected`.
///
/// ```
/// use desugar_runtime::harness::{assert_ready, Leaf, Stepper};
///
/// let mut stepper = Stepper::new(Leaf::new("io").ready(String::from("hi")));
/// assert_ready!(stepper, "hi");
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! __harness_assert_ready {
    ($stepper:expr $(,)?) => {
        $stepper.expect_ready()
    };
    ($stepper:expr, $expected:expr $(,)?) => {
        $stepper.expect_ready_eq($expected)
    };
}

/// [`assert_same`](crate::harness::assert_same()) for two future
/// expressions: `assert_same!(foo(1), foo_rustc(1))` wraps each in a closure
/// (so it is evaluated afresh for every run) and returns the
/// [`Report`](crate::harness::Report).
///
/// ```
/// use desugar_runtime::harness::{assert_same, Leaf};
///
/// async fn twice(x: u8) -> u8 { Leaf::new("x").ready(x).await * 2 }
/// async fn double(x: u8) -> u8 { let y = Leaf::new("x").ready(x).await; y + y }
/// assert_same!(twice(3), double(3));
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! __harness_assert_same {
    ($left:expr, $right:expr $(,)?) => {
        $crate::harness::assert_same(|| $left, || $right)
    };
}
