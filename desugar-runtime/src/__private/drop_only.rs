//! Values a machine keeps across an await only so that they drop where
//! rustc drops them: at the end of their scope, not used again.
//!
//! rustc keeps such a value only if it has something to drop; the macro
//! cannot see types, so the expansion asks the compiler, by method
//! resolution ("autoref specialization"): for a `Copy` value, which has
//! nothing to drop, `(&&DropOnly::new(x)).kept()` resolves to
//! [`ViaCopy::kept`] and keeps a zero-sized [`NothingToDrop`] instead; for
//! anything else (or a type not known there, as in a generic fn) to
//! [`ViaValue::kept`], which keeps the value itself. A `&mut` has nothing
//! to drop either; where the expansion also names [`ViaBorrowed`], one
//! keeps nothing too.
//!
//! ```
//! use desugar_runtime::__private::{DropOnly, ViaBorrowed as _, ViaCopy as _, ViaValue as _};
//! let number = (&&DropOnly::new(5u64)).kept();
//! let text = (&&DropOnly::new(String::from("dropped later"))).kept();
//! let mut place = 1u32;
//! let borrowed = (&&DropOnly::new(&mut place)).kept();
//! assert_eq!(std::mem::size_of_val(&number), 0);
//! assert_eq!(std::mem::size_of_val(&borrowed), 0);
//! assert_eq!(text, "dropped later");
//! ```

use core::cell::Cell;

/// A value on its way into a machine's state.
pub struct DropOnly<T>(pub(super) Cell<Option<T>>);

impl<T> DropOnly<T> {
    pub fn new(value: T) -> Self {
        DropOnly(Cell::new(Some(value)))
    }
}

/// What the state keeps for a `Copy` value: nothing.
#[derive(Clone, Copy, Debug)]
pub struct NothingToDrop;

/// Chosen for `Copy` values.
pub trait ViaCopy {
    fn kept(&self) -> NothingToDrop;
}

impl<T: Copy> ViaCopy for &DropOnly<T> {
    #[inline]
    fn kept(&self) -> NothingToDrop {
        NothingToDrop
    }
}

/// Chosen for a `&mut` value, which has nothing to drop either (a part a
/// pattern binds through a reference: `(_, name)` matched on a `&mut`),
/// where the expansion names this trait; elsewhere such a value is kept.
pub trait ViaBorrowed {
    fn kept(&self) -> NothingToDrop;
}

impl<T: ?Sized> ViaBorrowed for &DropOnly<&mut T> {
    #[inline]
    fn kept(&self) -> NothingToDrop {
        NothingToDrop
    }
}

/// Chosen for every other value: it is kept, and drops with the state.
pub trait ViaValue<T> {
    fn kept(&self) -> T;
}

impl<T> ViaValue<T> for DropOnly<T> {
    #[inline]
    fn kept(&self) -> T {
        match self.0.take() {
            Some(value) => value,
            // `DropOnly::new` put it there, and the expansion calls `kept`
            // once per value.
            None => unreachable!("a DropOnly value is kept once"),
        }
    }
}
