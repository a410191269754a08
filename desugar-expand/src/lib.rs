//! The expansion of `#[desugar]`, as a library on `proc_macro2` tokens, so
//! the attribute, the `cargo desugar` tool and the tests share one engine.
//! Use the attribute through the `desugar` crate, which documents it.
//!
//! The expansion runs in stages, one module each:
//!
//! 0. [`configured`]: one copy of the fn for each way the `#[cfg(..)]`
//!    conditions in its body can go, each lowered on its own;
//! 1. [`signature`]: check the item is an `async fn` and plan its new
//!    signature (named lifetimes, parameters that become locals);
//! 2. [`rewrite`]: syntactic rewrites of the body that do not depend on the
//!    analysis (`self` → `__self`, `?` and `return` → finishing the future);
//! 3. [`build`]: turn the body into the [`ir`]: blocks of statements where each
//!    `.await` is a suspension statement, loops and conditions normalised the
//!    way rustc lowers them;
//! 4. [`analysis`]: decide, per local and suspension, whether the local is
//!    carried in the state enum, homed in the pinned area, or not kept;
//! 5. [`emit`]: print the state enum, the homes area, the step closure and the
//!    `_rustc` twin.
#![forbid(unsafe_code)]
// The stage list above links the private stage modules, for contributors
// reading `cargo doc --document-private-items`.
#![allow(rustdoc::private_intra_doc_links)]

mod analysis;
mod args;
mod build;
mod configured;
mod emit;
mod expand;
mod ir;
mod names;
mod rewrite;
mod signature;
mod syntax;
mod walk;

pub use emit::describe::{Description, FieldDescription, FieldKind, StateDescription};
pub use expand::{describe, expand, expand_and_describe};
