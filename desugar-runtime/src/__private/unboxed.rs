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
//!
//! The same deref read by value anywhere else that moves it (a call's
//! argument, a tuple's element: `consume(*b).await`, `let (a, b) = (*a,
//! *b);`), where a `*` in front of a call would leave the emptied box a
//! temporary of the statement, and so kept across its await: [`unbox`]
//! takes the pointer and gives the value, freeing a box's allocation
//! there (rustc frees it at the end of the box's scope, which nothing can
//! tell apart).
//!
//! ```
//! use desugar_runtime::__private::{Unboxing, unbox};
//! let b = Box::new(String::from("b"));
//! let n = 5u32;
//! let (s, m) = (unbox(Unboxing(b)), unbox(Unboxing(&n)));
//! # let _ = (s, m);
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{Unboxing, unbox};
//! let rc = std::rc::Rc::new(1u8);
//! let n = unbox(Unboxing(rc));
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

/// What a deref read by value may move into a call of [`unbox`]: a `Box`
/// gives its value, a reference a copy of its referent (rustc, compiling
/// the twin, proved it `Copy`).
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes this `*` read by value for a move out of a `Box`, which takes the box with it, but the value is not a `Box` or a reference",
    label = "moved out of here, with an `.await` after it in the pointer's scope",
    note = "write the pointer's type first (`let p: Rc<u32> = p;`): the machine then keeps it to the end of its scope, as rustc does"
)]
pub trait Unbox {
    /// What `*` reads.
    type Target;
    /// Moves the value out (or copies it).
    fn unbox(self) -> Self::Target;
}

#[cfg(feature = "std")]
impl<T> Unbox for Unboxing<std::boxed::Box<T>> {
    type Target = T;
    #[inline(always)]
    fn unbox(self) -> T {
        *self.0
    }
}

impl<T: Copy> Unbox for Unboxing<&T> {
    type Target = T;
    #[inline(always)]
    fn unbox(self) -> T {
        *self.0
    }
}

impl<T: Copy> Unbox for Unboxing<&mut T> {
    type Target = T;
    #[inline(always)]
    fn unbox(self) -> T {
        *self.0
    }
}

/// `*pointer`, taking the pointer: a `Box`'s value, or a copy of a
/// reference's referent.
#[inline(always)]
pub fn unbox<P>(pointer: Unboxing<P>) -> <Unboxing<P> as Unbox>::Target
where
    Unboxing<P>: Unbox,
{
    pointer.unbox()
}
