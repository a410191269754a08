//! A local visibly a `Box` (`b: Box<T>`), kept with a drop flag (see
//! [`super::Flagged`]) because a branch may move out of it (`let p = if
//! flag { *b } else { fresh() };`, then an await): `*b` read by value moves
//! the value out of the box, and the box with it, where the value is not
//! `Copy`; where it is, `*b` copies it and leaves the box to later uses.
//! The expansion cannot see which, so it asks the compiler, by method
//! resolution as for [`super::FetchCopy`]: `*b` becomes `*(&mut &mut
//! b).unboxing()`, which takes the box out of the flag ([`UnboxMove`]), or
//! gives a copy of the value to deref ([`UnboxCopy`]).
//!
//! ```
//! use desugar_runtime::__private::{
//!     DropOnly, FlagCopy as _, FlagValue as _, UnboxCopy as _, UnboxMove as _,
//! };
//! let mut text = (&&DropOnly::new(Box::new(String::from("moved")))).flagged();
//! let mut number = (&&DropOnly::new(Box::new(5u32))).flagged();
//! let moved: String = *(&mut &mut text).unboxing();
//! let copied: u32 = *(&mut &mut number).unboxing();
//! assert_eq!((moved.as_str(), copied, **number.place()), ("moved", 5, 5));
//! assert!(text.0.is_none());
//! ```

use super::Flagged;

/// A copy of a boxed `Copy` value, for the expansion's `*` to read.
pub struct Copied<T>(T);

impl<T> core::ops::Deref for Copied<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Chosen for a box of a `Copy` value: copied, and the box stays.
pub trait UnboxCopy<T> {
    fn unboxing(self) -> Copied<T>;
}

#[cfg(feature = "std")]
impl<T: Copy> UnboxCopy<T> for &mut &mut Flagged<std::boxed::Box<T>> {
    #[inline]
    fn unboxing(self) -> Copied<T> {
        Copied(**self.place())
    }
}

/// Chosen for a box of any other value: the box leaves with its value,
/// and the flag says so.
pub trait UnboxMove<T> {
    fn unboxing(self) -> T;
}

impl<T> UnboxMove<T> for &mut Flagged<T> {
    #[inline]
    fn unboxing(self) -> T {
        self.0.take().expect(super::flagged::INITIALIZED)
    }
}
