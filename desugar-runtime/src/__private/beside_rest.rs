//! A part bound by a pattern that skips others with `..` (`Pair(a, ..)`),
//! on a value the machine keeps across an await that follows. Where the
//! part moves out, rustc leaves the parts `..` skips in the value, partly
//! moved, and drops them at the end of its scope; the machine would bind
//! them apart, as it does the parts written `_`, but how many parts `..`
//! stands for, and in what order they drop, only the compiler knows (no
//! pattern binds them: `rest @ ..` is for slices alone). Where nothing
//! moves (a `Copy` part, or a `&mut` one bound through a reference), the
//! value stays whole and the machine keeps it as it is. Method resolution
//! tells the two apart: [`ViaCopyPart::kind`] or [`ViaBorrowedPart::kind`]
//! answer [`PartStays`], which [`bound_beside_rest`] accepts, and
//! [`ViaMovedPart::kind`] answers for every other part, so that the
//! expansion stops at the `..` saying what to write rather than with E0382.
//!
//! ```
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_rest};
//! let (n, mut text) = (3u32, String::new());
//! let borrowed = &mut text;
//! bound_beside_rest((&&BesideRest(&n)).kind());
//! bound_beside_rest((&&BesideRest(&borrowed)).kind());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_rest};
//! let text = String::new();
//! bound_beside_rest((&&BesideRest(&text)).kind());
//! ```

/// The part asked about, by reference.
pub struct BesideRest<'a, T>(pub &'a T);

/// Binding the part leaves the value whole.
pub struct PartStays;

/// Binding the part moves it out of the value.
pub struct PartMoved;

/// Chosen for a `Copy` part, which a binding copies.
pub trait ViaCopyPart {
    fn kind(&self) -> PartStays {
        PartStays
    }
}

impl<T: Copy> ViaCopyPart for &BesideRest<'_, T> {}

/// Chosen for a `&mut` part, which a pattern matched through a `&mut`
/// borrows (`(a, ..)` on `&mut pair`).
pub trait ViaBorrowedPart {
    fn kind(&self) -> PartStays {
        PartStays
    }
}

impl<T: ?Sized> ViaBorrowedPart for &BesideRest<'_, &mut T> {}

/// Chosen for every other part (or one whose type is not known there, as
/// in a generic fn): it moves out.
pub trait ViaMovedPart {
    fn kind(&self) -> PartMoved {
        PartMoved
    }
}

impl<T> ViaMovedPart for BesideRest<'_, T> {}

/// What [`bound_beside_rest`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot keep what this pattern's `..` leaves of the value across the `.await` that follows: a part is moved out beside it, and how many parts `..` skips only the compiler knows",
    label = "a part moved out beside a `..`",
    note = "write `_` for each part the `..` skips (`Pair(a, _)` for `Pair(a, ..)`; in a struct pattern, name each skipped field: `Req {{ body, meta: _ }}`): the machine binds those apart and drops them where rustc does"
)]
pub trait StaysBesideRest {}

impl StaysBesideRest for PartStays {}

/// Accepts a part bound beside a `..` only if binding it leaves the value
/// whole.
#[inline(always)]
pub fn bound_beside_rest<K: StaysBesideRest>(kind: K) {
    let _ = kind;
}

/// What [`bound_beside_kept_rest`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot move this part out of a value another arm keeps in place across an `.await`: that arm binds parts beside a `..`, which may bind them through a `&mut` the value holds",
    label = "a part moved out of a value kept in place",
    note = "in the arm that awaits, name each field or part the `..` skips (`State::Open {{ sock, sent: _ }}` for `State::Open {{ sock, .. }}`; `(a, _)` for `(a, ..)`): the machine then binds them apart, and the value need not stay in place"
)]
pub trait StaysBesideKeptRest {}

impl StaysBesideKeptRest for PartStays {}

/// Accepts a part bound by value by an arm of a `match` whose value
/// another arm keeps in place (it binds beside a `..` and awaits: see
/// `rewrite::skipped_temporary_parts` in the expansion) only if binding it
/// leaves the value whole: a `Copy` part, or a `&mut` one bound through a
/// reference. Any other part would move out of the place (E0507), and the
/// build stops at it saying what to write instead.
///
/// ```
/// use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_kept_rest};
/// let verb = "say";
/// bound_beside_kept_rest((&&BesideRest(&verb)).kind());
/// ```
///
/// ```compile_fail
/// use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_kept_rest};
/// let msg = String::new();
/// bound_beside_kept_rest((&&BesideRest(&msg)).kind());
/// ```
#[inline(always)]
pub fn bound_beside_kept_rest<K: StaysBesideKeptRest>(kind: K) {
    let _ = kind;
}
