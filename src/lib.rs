//! `#[desugar]` makes rustc's hidden async state machines visible.
#![no_std]

extern crate self as desugar;

pub use desugar_macro::desugar;

#[cfg(feature = "std")]
pub use desugar_runtime::harness;

#[doc(hidden)]
pub use desugar_runtime::__private;
