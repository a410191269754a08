//! Locals that a branch may have moved away before an await they are kept
//! across only to be dropped (`if c { consume(x) }` then `.await`): rustc
//! gives such a local a drop flag, and drops what is left of it at the end
//! of its scope. The expansion keeps it as a [`Flagged`], an `Option` whose
//! `None` is the flag, and rewrites each use:
//!
//! | user code | expansion |
//! | --- | --- |
//! | `consume(x)` | `consume((&mut &mut x).fetch())` |
//! | `x.len()` | `(*x.place()).len()` |
//! | `x = v` | `x.set(v)` |
//!
//! A move of a `Copy` value copies it and leaves the flag alone
//! ([`FetchCopy`], chosen by method resolution where the value is known
//! to be `Copy`); any other move takes the value ([`FetchMove`]). A
//! `Flagged` of a `Copy` value is `Copy`, so a suspension that keeps it
//! only to drop it keeps nothing ([`super::DropOnly`]), as rustc does.
//!
//! ```
//! use desugar_runtime::__private::{FetchCopy as _, FetchMove as _, Flagged};
//! let mut text = Flagged::new(String::from("moved"));
//! let mut number = Flagged::new(5u32);
//! let moved: String = (&mut &mut text).fetch();
//! let copied: u32 = (&mut &mut number).fetch();
//! assert_eq!((moved.as_str(), copied, *number.place()), ("moved", 5, 5));
//! ```

/// A local with a drop flag: `None` once its value has been moved away.
#[derive(Clone, Copy)]
pub struct Flagged<T>(Option<T>);

/// The user's code reads a local only where rustc proved it holds a value
/// (the `_rustc` twin compiled), so this cannot be reached.
const INITIALIZED: &str = "a moved local is not used again";

impl<T> Flagged<T> {
    #[inline]
    pub fn new(value: T) -> Self {
        Flagged(Some(value))
    }

    #[inline]
    pub fn place(&self) -> &T {
        self.0.as_ref().expect(INITIALIZED)
    }

    #[inline]
    pub fn place_mut(&mut self) -> &mut T {
        self.0.as_mut().expect(INITIALIZED)
    }

    /// An assignment: the old value, if any, drops first, as in rustc.
    #[inline]
    pub fn set(&mut self, value: T) {
        self.0 = Some(value);
    }
}

/// A move of a `Copy` value: a copy, and the value stays.
pub trait FetchCopy<T> {
    fn fetch(self) -> T;
}

impl<T: Copy> FetchCopy<T> for &mut &mut Flagged<T> {
    #[inline]
    fn fetch(self) -> T {
        *self.place()
    }
}

/// A move of any other value: it leaves, and the flag says so.
pub trait FetchMove<T> {
    fn fetch(self) -> T;
}

impl<T> FetchMove<T> for &mut Flagged<T> {
    #[inline]
    fn fetch(self) -> T {
        self.0.take().expect(INITIALIZED)
    }
}
