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
//! | `x.pop()` (`x` reached mutably, used once) | `(*x.place_mut()).pop()` |
//! | `match x { Ok(p) => f(p), _ => 0 }` | `match x.0 { Some(Ok(p)) => { x.0 = None; f(p) } _ => 0, None => unreachable!() }` |
//!
//! (A local reached mutably stays homed: its guard is its flag.)
//!
//! A `Copy` value has nothing to drop, so it needs no flag: where the
//! compiler knows the value is `Copy`, method resolution picks
//! [`FlagCopy::flagged`], which keeps it as an [`Unflagged`] (the value
//! alone, with the same methods), and a move of it is a copy
//! ([`FetchCopy`]). Any other value is a [`Flagged`], and a move takes it
//! ([`FetchMove`]). A closure or an `async` block is not known to be
//! `Copy` or not there (its captures are inferred later, and asking fails
//! to build): it is a [`Flagged`], picked by [`FlagValue`] alone, and one
//! not used after its move is taken by [`FetchMove`] alone. Both are
//! `Copy` for a `Copy` value, so a suspension that
//! keeps one only to drop it keeps nothing ([`super::DropOnly`]), as rustc
//! does; the drop that ends its scope then fetches that nothing.
//!
//! ```
//! use desugar_runtime::__private::{
//!     DropOnly, FetchCopy as _, FetchMove as _, FlagCopy as _, FlagValue as _,
//! };
//! let mut text = (&&DropOnly::new(String::from("moved"))).flagged();
//! let mut number = (&&DropOnly::new(5u32)).flagged();
//! assert_eq!(std::mem::size_of_val(&number), 4);
//! let moved: String = (&mut &mut text).fetch();
//! let copied: u32 = (&mut &mut number).fetch();
//! assert_eq!((moved.as_str(), copied, *number.place()), ("moved", 5, 5));
//! ```

use super::{DropOnly, NothingToDrop};

/// A local with a drop flag: `None` once its value has been moved away.
/// A `match` or `if let` whose patterns may take the value matches this
/// field in place, and an arm that takes it sets `None`.
#[derive(Clone, Copy)]
pub struct Flagged<T>(pub Option<T>);

/// The user's code reads a local only where rustc proved it holds a value
/// (the `_rustc` twin compiled), so this cannot be reached.
pub(super) const INITIALIZED: &str = "a moved local is not used again";

impl<T> Flagged<T> {
    #[inline]
    pub fn place(&self) -> &T {
        self.0.as_ref().expect(INITIALIZED)
    }

    /// The place of a local reached mutably, flagged because it has one use
    /// only (`if let Some(j) = q.lock().unwrap().pop()`: the guard, whose
    /// `pop` goes through `DerefMut`), where nothing else borrows it beside.
    #[inline]
    pub fn place_mut(&mut self) -> &mut T {
        self.0.as_mut().expect(INITIALIZED)
    }
}

/// A `Copy` local that a branch may have "moved": copied, it is still
/// there, so it needs no flag.
#[derive(Clone, Copy)]
pub struct Unflagged<T>(T);

impl<T> Unflagged<T> {
    #[inline]
    pub fn place(&self) -> &T {
        &self.0
    }

    /// See [`Flagged::place_mut`].
    #[inline]
    pub fn place_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// Chosen for a value known to be `Copy`: no flag.
pub trait FlagCopy<T> {
    fn flagged(&self) -> Unflagged<T>;
}

impl<T: Copy> FlagCopy<T> for &DropOnly<T> {
    #[inline]
    fn flagged(&self) -> Unflagged<T> {
        Unflagged(self.0.get().expect(INITIALIZED))
    }
}

/// Chosen for every other value (or a type not known there, as in a
/// generic fn): a flag.
pub trait FlagValue<T> {
    fn flagged(&self) -> Flagged<T>;
}

impl<T> FlagValue<T> for DropOnly<T> {
    #[inline]
    fn flagged(&self) -> Flagged<T> {
        Flagged(self.0.take())
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

impl<T: Copy> FetchCopy<T> for &mut &mut Unflagged<T> {
    #[inline]
    fn fetch(self) -> T {
        self.0
    }
}

/// A `Copy` value a suspension kept only to be dropped ([`super::DropOnly`]
/// kept nothing), moved into the drop the expansion writes where its scope
/// ends: nothing to move, and nothing to drop.
impl FetchCopy<NothingToDrop> for &mut &mut NothingToDrop {
    #[inline]
    fn fetch(self) -> NothingToDrop {
        NothingToDrop
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
