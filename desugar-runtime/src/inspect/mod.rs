//! Seeing the machine: what a desugared future is made of, while it runs.
//!
//! Every future a `#[desugar]` fn returns implements [`Inspect`]: the state
//! it is in, the list of its states with the values each keeps, a Mermaid
//! state diagram, and a [`Layout`] report with the size of every kept value
//! as rustc inferred its type, in the format of rustc's
//! `-Zprint-type-sizes`.
//!
//! The `desugar` crate's documentation has a runnable example.

mod encoding;
mod info;
mod layout;

pub use self::info::{FieldInfo, FieldKind, Fields, MachineInfo, StateInfo, States};
pub use self::layout::{FieldLayout, Layout};

/// What a desugared future can tell about itself.
pub trait Inspect {
    /// The state the machine is in: `Unresumed`, `Suspend0`, …, `Returned`
    /// or `Panicked`.
    fn state_name(&self) -> &'static str;

    /// The machine's states and what each keeps, as the expansion laid them
    /// out (the same for every call of the fn).
    fn info(&self) -> &'static MachineInfo;

    /// Sizes: of the whole future, of its homes area, and of every value each
    /// state keeps, computed from the types rustc inferred.
    fn layout(&self) -> Layout;
}
