//! A field of a local (or of `self` taken by value) awaited directly
//! (`h.fut.await`, `self.fut.await`). The local stays in scope after the
//! await, so the machine keeps it, whole, in the await's state, to drop it
//! at the end of its scope as rustc does. Awaiting the field moves it into
//! the awaited future: a copy only where the field is `Copy`, which leaves
//! the local whole. One that is not would be moved out, and rustc keeps
//! what is left of the local (its other fields) to drop at the end of its
//! scope, where the machine cannot (which fields are left, only the
//! compiler knows): [`awaited_field`] stops the build there, saying to take
//! the value apart with a pattern first.
//!
//! ```
//! use desugar_runtime::__private::awaited_field;
//! #[derive(Clone, Copy)]
//! struct Ticket(u32);
//! let pair = (Ticket(7), String::new());
//! let Ticket(n) = awaited_field(pair.0);
//! assert_eq!((n, pair.1.len()), (7, 0));
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::awaited_field;
//! struct Holder { fut: std::future::Ready<u32>, tag: String }
//! let h = Holder { fut: std::future::ready(1), tag: String::new() };
//! awaited_field(h.fut);
//! ```

/// An awaited field that the await copies out of the local, leaving it whole.
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps the value this field is awaited out of whole across the `.await`, to drop it at the end of its scope as rustc does, but the field is not `Copy`: awaiting it moves it out, and rustc then keeps the rest of the value to drop at the end of its scope, which the machine cannot keep",
    label = "a field that is not `Copy`, moved out of a value kept across this `.await`",
    note = "take the value apart first, with a pattern that names every field, and await that local: `let Holder {{ fut, tag }} = h; fut.await`, or in a method `let Self {{ fut, tag: _tag }} = self; fut.await`"
)]
pub trait AwaitedFieldCopied: Copy {}

impl<T: Copy> AwaitedFieldCopied for T {}

/// The awaited field, copied out of the local the machine keeps.
#[inline(always)]
pub fn awaited_field<T: AwaitedFieldCopied>(field: T) -> T {
    field
}
