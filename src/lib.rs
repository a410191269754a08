//! `#[desugar]` makes rustc's hidden async state machines visible.
#![no_std]

extern crate self as desugar;

pub use desugar_macro::desugar;

#[doc(hidden)]
pub use desugar_runtime::__private;
