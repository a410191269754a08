//! A field read by value out of a value a statement makes, where an await
//! follows before the statement ends (`visit(frame().depth).await`, or a
//! `match pair().a { .. }` whose arms await). rustc keeps that value, the
//! temporary, to the end of the statement (or of the `match` or `if let`),
//! across the await, and drops it there: its `Drop` impl or the fields
//! beside the one read. The machine keeps it too, named, and reads the
//! field out of it; that is a copy only where the field is `Copy`, as it
//! always is in a type with a `Drop` impl (rustc's E0509 forbids the
//! move). A field that is not `Copy` would be moved out, which leaves rustc
//! a part of the value to drop late and the machine a value it cannot keep
//! (what is left of it, only the compiler knows): [`copied_from_temporary`]
//! stops the build there, saying to bind the field with `let` first.
//!
//! ```
//! use desugar_runtime::__private::copied_from_temporary;
//! struct Frame { depth: usize, name: String }
//! let frame = Frame { depth: 1, name: String::new() };
//! assert_eq!(copied_from_temporary(frame.depth), 1);
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::copied_from_temporary;
//! struct Frame { depth: usize, name: String }
//! let frame = Frame { depth: 1, name: String::new() };
//! copied_from_temporary(frame.name);
//! ```

/// A field that reading copies out of the temporary, leaving it whole.
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps the value this field is read out of to the end of the statement (or of the `match` or `if let`), across the `.await` that follows, as rustc does, but the field is not `Copy`: reading it moves it out, and rustc then drops the rest of the value after the `.await`, which the machine cannot keep",
    label = "a field that is not `Copy`, moved out of a value made here",
    note = "bind the field with `let` first (`let body = request().body;`) and use that local"
)]
pub trait CopiedFromTemporary: Copy {}

impl<T: Copy> CopiedFromTemporary for T {}

/// The field, copied out of the temporary the machine keeps.
#[inline(always)]
pub fn copied_from_temporary<T: CopiedFromTemporary>(field: T) -> T {
    field
}

/// A field that reading copies out of a value the statement keeps whole
/// to its end, to drop after the values made after it, as rustc drops the
/// temporary it is read out of (`let u = User { tag, name:
/// get(a).await?.body, status: get(b).await?.status };`, where `tag` or a
/// temporary of the later await is dropped before the rest of the first
/// response).
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps the value this field is read out of whole to the end of the statement, to drop what is left of it after the values made after it, as rustc does, but the field is not `Copy`: reading it moves it out, which leaves a part of the value the machine cannot drop there",
    label = "a field that is not `Copy`, moved out of a value the statement keeps",
    note = "bind the field with `let` in a statement of its own first (`let name = get(a).await?.body;`) and use that local"
)]
pub trait CopiedOutOfKeptValue: Copy {}

impl<T: Copy> CopiedOutOfKeptValue for T {}

/// The field, copied out of the value the statement keeps.
#[inline(always)]
pub fn copied_out_of_kept_value<T: CopiedOutOfKeptValue>(field: T) -> T {
    field
}
