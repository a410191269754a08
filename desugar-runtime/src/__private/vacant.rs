//! Flagged locals moved away on every path to an await (`let a = fetch();
//! if go { return a.await; }`): their flag is empty there, and rustc keeps
//! nothing for them. The state keeps their type alone, a zero-sized
//! [`Vacant`], and resuming declares the empty flag again from it, of the
//! type the flag has elsewhere, for the awaits after it that keep it. What
//! a `Copy` value keeps (no flag) stays as it is.
//!
//! ```
//! use desugar_runtime::__private::{Flagged, Refill, Vacate};
//! let moved: Flagged<String> = Flagged(None);
//! let kept = Vacate::vacate(moved);
//! assert_eq!(std::mem::size_of_val(&kept), 0);
//! let again: Flagged<String> = Refill::refill(kept);
//! assert!(again.0.is_none());
//! ```

use core::marker::PhantomData;

use super::{Flagged, NothingToDrop, Unflagged};

/// The type of a flag that is empty where the machine suspends. (`fn() ->
/// T`: it holds no `T`, so it is `Send`, `Sync` and `Unpin` whatever `T`
/// is, as rustc's state without the value is.)
pub struct Vacant<T>(PhantomData<fn() -> T>);

/// What the state keeps of a flagged local emptied on every path to an
/// await.
pub trait Vacate {
    type Kept: Refill;
    fn vacate(self) -> Self::Kept;
}

/// Moved on every path, a value that is not `Copy` has left its flag; one
/// of a type parameter that is `Copy` after all leaves a copy, with nothing
/// to drop, which nothing after the await reads.
impl<T> Vacate for Flagged<T> {
    type Kept = Vacant<T>;
    #[inline]
    fn vacate(self) -> Vacant<T> {
        Vacant(PhantomData)
    }
}

/// A `Copy` value (see `FlagCopy`), copied and still there: as it is,
/// since a later await that keeps it (a parameter) keeps it whole.
impl<T> Vacate for Unflagged<T> {
    type Kept = Unflagged<T>;
    #[inline]
    fn vacate(self) -> Unflagged<T> {
        self
    }
}

/// What [`super::DropOnly`] keeps of a `Copy` value: nothing.
impl Vacate for NothingToDrop {
    type Kept = NothingToDrop;
    #[inline]
    fn vacate(self) -> NothingToDrop {
        self
    }
}

/// Says whether a flagged local is kept where the `else` of its `if let`
/// dropped it first in Rust 2024 only (an `if let` on a temporary, `if let
/// Some(v) = cache.lock().get(&k) { .. } else { load(k).await }`): `KEPT`
/// is the edition's constant negated, `true` in Rust 2021, where the value
/// is still there, `false` in Rust 2024, where its flag is empty and the
/// state keeps its type alone ([`Vacant`]), as rustc keeps nothing.
///
/// ```
/// use desugar_runtime::__private::{Flagged, KeptIn, Refill, VacateIn};
/// let dropped: Flagged<String> = Flagged(None);
/// let kept = <KeptIn<false> as VacateIn<_>>::vacate_in(dropped);
/// assert_eq!(std::mem::size_of_val(&kept), 0);
/// let again: Flagged<String> = Refill::refill(kept);
/// assert!(again.0.is_none());
/// let held = Flagged(Some(String::from("x")));
/// let kept = <KeptIn<true> as VacateIn<_>>::vacate_in(held);
/// let again: Flagged<String> = Refill::refill(kept);
/// assert_eq!(again.0.as_deref(), Some("x"));
/// ```
pub struct KeptIn<const KEPT: bool>;

/// What the state keeps of a flagged local in the `else` that drops it
/// first in Rust 2024 (see [`KeptIn`]).
pub trait VacateIn<V> {
    type Kept: Refill;
    fn vacate_in(value: V) -> Self::Kept;
}

/// Rust 2024: the flag is empty; its type alone.
impl<V: Vacate> VacateIn<V> for KeptIn<false> {
    type Kept = V::Kept;
    #[inline]
    fn vacate_in(value: V) -> V::Kept {
        value.vacate()
    }
}

/// Rust 2021: the value is there, and kept as it is.
impl<V: Refill> VacateIn<V> for KeptIn<true> {
    type Kept = V;
    #[inline]
    fn vacate_in(value: V) -> V {
        value
    }
}

/// The local declared again on resuming.
pub trait Refill {
    type Local;
    fn refill(self) -> Self::Local;
}

impl<T> Refill for Vacant<T> {
    type Local = Flagged<T>;
    #[inline]
    fn refill(self) -> Flagged<T> {
        Flagged(None)
    }
}

/// Kept whole where the edition keeps it (see [`KeptIn`]): as it is.
impl<T> Refill for Flagged<T> {
    type Local = Flagged<T>;
    #[inline]
    fn refill(self) -> Flagged<T> {
        self
    }
}

impl<T> Refill for Unflagged<T> {
    type Local = Unflagged<T>;
    #[inline]
    fn refill(self) -> Unflagged<T> {
        self
    }
}

impl Refill for NothingToDrop {
    type Local = NothingToDrop;
    #[inline]
    fn refill(self) -> NothingToDrop {
        NothingToDrop
    }
}
