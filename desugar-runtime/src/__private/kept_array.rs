//! An element a slice pattern moves out of an array the machine kept
//! across an await before the pattern (`let pair = [a, b]; x.await; let
//! [a, b] = pair;`). rustc drops such an array, where the future is
//! dropped at that await or a poll there unwinds, element by element, in
//! an order of its own (last first, for most patterns) wherever elements
//! are moved out later on a path from there; the machine keeps the array
//! whole and drops it first to last. Where nothing moves (a `Copy`
//! element, or a `&mut` one bound through a reference), the array drops
//! whole in both, and the pattern is accepted. The same method resolution
//! as for a part beside a `..` (see `beside_rest`) tells the two apart:
//! [`moved_from_kept_array`] accepts [`PartStays`] alone, so that the
//! build stops at the element saying what to write.
//!
//! ```
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, moved_from_kept_array};
//! let (byte, mut text) = (3u8, String::new());
//! let borrowed = &mut text;
//! moved_from_kept_array((&&BesideRest(&byte)).kind());
//! moved_from_kept_array((&&BesideRest(&borrowed)).kind());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, moved_from_kept_array};
//! let text = String::new();
//! moved_from_kept_array((&&BesideRest(&text)).kind());
//! ```

use super::beside_rest::PartStays;

/// What [`moved_from_kept_array`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot take this element out of an array kept across an `.await` before the pattern: rustc drops what is left of such an array in an order of its own",
    label = "an element moved out of an array kept across an `.await`",
    note = "take the array apart before the `.await` (`let [a, b] = pair;` where it is made), or keep the values in a tuple (`let pair = (a, b);` … `let (a, b) = pair;`), which drops in the same order in the machine as in rustc"
)]
pub trait StaysInKeptArray {}

impl StaysInKeptArray for PartStays {}

/// Accepts an element a slice pattern binds out of an array kept across an
/// await only if binding it leaves the array whole.
#[inline(always)]
pub fn moved_from_kept_array<K: StaysInKeptArray>(kind: K) {
    let _ = kind;
}

/// What [`bound_beside_skipped_elements`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot keep what this array pattern leaves of the array across the `.await` that follows: an element is moved out beside the ones it skips, and rustc drops those in an order of its own",
    label = "more than one element skipped beside an element moved out",
    note = "skip one element at most with `_` and bind the others to names (`let [a, _, _c] = arr;`), or keep the values in a tuple (`let (a, _, _) = values;`), whose parts drop in the same order in the machine as in rustc"
)]
pub trait StaysBesideSkippedElements {}

impl StaysBesideSkippedElements for PartStays {}

/// Accepts a part a slice pattern binds beside more than one skipped
/// element (`[a, _, _]`, an await after it) only if binding it leaves the
/// array whole: one skipped element is bound apart, but of more, the
/// order rustc drops them in is its own.
///
/// ```compile_fail
/// use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_skipped_elements};
/// let text = String::new();
/// bound_beside_skipped_elements((&&BesideRest(&text)).kind());
/// ```
#[inline(always)]
pub fn bound_beside_skipped_elements<K: StaysBesideSkippedElements>(kind: K) {
    let _ = kind;
}
