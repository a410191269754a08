//! `#[desugar]` makes rustc's hidden async state machines visible.
//!
//! rustc turns every `async fn` into an anonymous state machine: an enum with
//! one variant per `.await`, holding the locals that live across it. Nobody
//! gets to see it. Put `#[desugar]` on the `async fn` and it is rewritten
//! into a plain `fn` that returns that machine, written out: a state enum you
//! can read in `cargo expand`, a step function that moves from state to
//! state, and pin projections for what must not move.
//!
//! ```
//! use desugar::desugar;
//! use desugar::harness::Leaf;
//!
//! #[desugar]
//! async fn fetch_two(a: u32, b: u32) -> u32 {
//!     let first = Leaf::new("fetch a").pending(1).ready(a).await;
//!     let second = Leaf::new("fetch b").pending(1).ready(b).await;
//!     first + second
//! }
//! # let _ = fetch_two(1, 2);
//! ```
//!
//! `fetch_two` now returns a machine with the states rustc gives its own:
//! `Unresumed { a, b }`, `Suspend0 { __awaitee, b }`,
//! `Suspend1 { __awaitee, first }`, `Returned` and `Panicked`. No type is
//! written out anywhere: every field has a type parameter, and rustc infers it
//! from the value moved in.
//!
//! # The twin
//!
//! The original `async fn` is kept as `fetch_two_rustc` (hidden from docs),
//! compiled by rustc as written. It is what the desugared fn is compared
//! against, and it is the borrow-check witness that makes the machine sound
//! (see `SOUNDNESS.md` in the repository).
//!
//! # Comparing with rustc
//!
//! [`harness::assert_same()`] runs both with scripted leaf futures and drop
//! probes, and fails with a side-by-side trace at the first difference: in
//! output, in leaf polls, in wakes, in drops (also when both are dropped
//! after every possible number of polls) or in panics.
//!
//! ```
//! # use desugar::desugar;
//! use desugar::harness::{Leaf, Probe, assert_same};
//!
//! #[desugar]
//! async fn greet(guest: Probe) -> usize {
//!     let name = Leaf::new("lookup").pending(2).ready("ferris").await;
//!     guest.touch();
//!     name.len()
//! }
//!
//! let report = assert_same(|| greet(Probe::new("guest")), || greet_rustc(Probe::new("guest")));
//! assert_eq!(report.outcome, "Ready(6)");
//! assert!(report.left_size <= report.right_size);
//! ```
//!
//! # Inspecting a machine
//!
//! Every desugared future implements [`Inspect`]: the state it is in, its
//! states and what each keeps, a Mermaid diagram, and the size of every kept
//! value in the format of rustc's `-Zprint-type-sizes`.
//!
//! ```
//! # use desugar::desugar;
//! use desugar::Inspect;
//! use desugar::harness::Leaf;
//!
//! #[desugar]
//! async fn self_ref() -> usize {
//!     let data = String::from("hello");
//!     let view = data.as_str();
//!     Leaf::new("wait").pending(1).ready(()).await;
//!     view.len()
//! }
//!
//! let future = self_ref();
//! assert_eq!(future.state_name(), "Unresumed");
//! let suspended = future.info().state(1).unwrap();
//! assert_eq!(suspended.name, "Suspend0");
//! // `data` is borrowed across the await (its only one), so it is kept in
//! // place in that await's variant, as rustc keeps it.
//! assert!(suspended.fields().any(|f| f.name == "data" && f.kind == desugar::inspect::FieldKind::InPlace));
//! println!("{}", future.layout());
//!
//! // Each kept value with its state and size.
//! let layout = future.layout();
//! let data: Vec<_> = layout
//!     .fields()
//!     .filter(|(_, field, _)| field.name == "data")
//!     .map(|(state, _, value)| (state.name, value.size))
//!     .collect();
//! assert_eq!(data, [("Suspend0", core::mem::size_of::<String>())]);
//! ```
//!
//! # What is not supported
//!
//! Anything `#[desugar]` cannot lower is a compile error at your code that
//! says what to write instead, never a machine that behaves differently from
//! rustc's. The README lists what is supported and the known differences.
#![no_std]

extern crate self as desugar;

pub use desugar_macro::desugar;

pub use desugar_runtime::Inspect;
pub use desugar_runtime::inspect;

#[cfg(feature = "std")]
pub use desugar_runtime::harness;

#[doc(hidden)]
pub use desugar_runtime::__private;
