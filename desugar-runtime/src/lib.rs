//! Run-time support for [`desugar`](https://docs.rs/desugar): what the
//! expansions of `#[desugar]` use, and the poll harness that compares a
//! desugared future with rustc's own.
//!
//! The [`harness`] module (feature `std`, on by default) is the public part:
//! scripted leaf futures, drop probes, a recording executor and
//! [`harness::assert_same()`], which runs a `#[desugar]` fn and its rustc twin
//! side by side and fails with a diff of their traces when they differ.
//!
//! ```
//! use desugar_runtime::harness::{Leaf, Probe, assert_same};
//!
//! async fn a(p: Probe) -> u8 { let x = Leaf::new("x").pending(1).ready(2).await; p.touch(); x }
//! async fn b(p: Probe) -> u8 { let x = Leaf::new("x").pending(1).ready(2).await; p.touch(); x }
//! assert_same(|| a(Probe::new("p")), || b(Probe::new("p")));
//! ```
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

#[doc(hidden)]
pub mod __private;

pub mod inspect;
pub use inspect::Inspect;

#[cfg(feature = "std")]
pub mod harness;
