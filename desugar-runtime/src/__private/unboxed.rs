//! A local destructured whole out of a deref (`let (n, p) = *b;`), or
//! moved out of it by name (`let l = *l;`), whose type does not show (`b`
//! bound by `Some(b)`), with an await after it in its scope. Out of a `Box` that moves the parts, and the box goes with
//! them: rustc frees it at the end of its scope, and nothing else of it is
//! left to drop. The machine would keep `b` across the await as a value of
//! a type it cannot see, and a box moved out of cannot be kept (E0382), so
//! the expansion moves it into the `let` (`let (n, p) = *unboxed(Unboxing(b));`).
//! Out of a reference that copies the value or its parts, and moving the
//! reference changes nothing. Any other pointer (`Rc`, a lock's guard)
//! only lends `Copy` values, and stays whole, to be dropped at the end of
//! its scope:
//! moved into the `let`, it would drop there, so [`unboxed`] stops the
//! build, saying what to write.
//!
//! ```
//! use desugar_runtime::__private::{Unboxing, unboxed};
//! let b = Box::new((3u32, String::from("p")));
//! let (n, p) = *unboxed(Unboxing(b));
//! let r = &(1u8, 2u8);
//! let (x, y) = *unboxed(Unboxing(r));
//! let l = Box::new(String::from("l"));
//! let l = *unboxed(Unboxing(l));
//! # let _ = (n, p, x, y, l);
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{Unboxing, unboxed};
//! let rc = std::rc::Rc::new((1u8, 2u8));
//! let (x, y) = *unboxed(Unboxing(rc));
//! ```

/// The pointer asked about, by value.
pub struct Unboxing<P>(pub P);

/// What a `let` may move into itself to destructure whole, or to move out
/// of by name.
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes this `let` out of a deref for a move out of a `Box`, which takes the box with it, but the value is not a `Box` or a reference",
    label = "taken out of here, with an `.await` after it in the pointer's scope",
    note = "write the pointer's type first (`let p: Rc<(u32, u32)> = p;`): the machine then keeps it to the end of its scope, as rustc does; or, to destructure it, copy the parts out instead (`let (a, b) = (p.0, p.1);`)"
)]
pub trait Unboxed {}

// Without `std` the runtime links no allocator crate, and names no `Box`.
#[cfg(feature = "std")]
impl<T: ?Sized> Unboxed for Unboxing<std::boxed::Box<T>> {}
impl<T: ?Sized> Unboxed for Unboxing<&T> {}
impl<T: ?Sized> Unboxed for Unboxing<&mut T> {}

/// Gives the pointer back: moved into the `let` that destructures what it
/// points to, where it is a `Box` or a reference.
#[inline(always)]
pub fn unboxed<P>(pointer: Unboxing<P>) -> P
where
    Unboxing<P>: Unboxed,
{
    pointer.0
}
