//! A constant a struct pattern matches beside another part it skips
//! (`Frame { kind: DATA, payload, trailer: _ }`, moving `payload`): the
//! machine binds the skipped parts apart, in the order the pattern lists
//! them, which for a struct pattern need not be the order rustc drops
//! them in (that of the fields' declarations), so only one of them may
//! have something to drop. The constant's part is taken for `Copy`, as the
//! constants patterns compare almost always are, and [`copied_constant`]
//! stops the build where it is not.
//!
//! ```
//! use desugar_runtime::__private::copied_constant;
//! copied_constant(1u8);
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::copied_constant;
//! copied_constant(String::new());
//! ```

/// A part of a type that is `Copy`: nothing of it drops.
#[diagnostic::on_unimplemented(
    message = "#[desugar] binds apart the fields this struct pattern skips, in the order the pattern lists them, which need not be the order rustc drops them in; it takes this constant's field for `Copy`, with nothing to drop, but its type is not `Copy`",
    label = "a constant of a type that is not `Copy`, matched beside another skipped field",
    note = "bind the field and compare it in a guard instead (`Frame {{ kind, payload, trailer: _ }} if kind == DATA`)"
)]
pub trait CopiedConstant {}

impl<T: Copy> CopiedConstant for T {}

/// Takes the part a constant matched, which is `Copy`.
pub fn copied_constant<T: CopiedConstant>(_: T) {}
