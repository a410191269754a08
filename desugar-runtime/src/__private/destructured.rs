//! A local destructured by a pattern that binds every field by value
//! (`let Token { id } = token;`, `match token { Token { id } => .. }`):
//! the expansion takes it for moved, and keeps nothing of it across the
//! next await. That holds unless its type implements `Drop`: then no field
//! can be moved out (rustc rejects the twin), the pattern only copies, and
//! rustc drops the whole value at the end of its scope. Which it is, only
//! the compiler knows: method resolution picks [`ViaDrop::kind`] for a type
//! with a `Drop` impl, whose answer [`taken_whole`] does not accept, so the
//! expansion does not build rather than drop the value early.
//!
//! ```
//! use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, taken_whole};
//! struct Point { x: u32 }
//! let point = Point { x: 1 };
//! taken_whole((&&Destructured(&point)).kind());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, taken_whole};
//! struct Token { id: u32 }
//! impl Drop for Token { fn drop(&mut self) {} }
//! let token = Token { id: 1 };
//! taken_whole((&&Destructured(&token)).kind());
//! ```

/// The value asked about, by reference: a local a pattern destructures, or
/// a constant the machine leaves for rustc to promote (see [`promoted`]).
pub struct Destructured<'a, T>(pub &'a T);

/// Its type has no `Drop` impl the compiler can see: destructured, it is
/// taken whole.
pub struct NoDropImpl;

/// Its type implements `Drop`: destructured, it stays.
pub struct DropImpl;

/// Chosen for a type with a `Drop` impl.
pub trait ViaDrop {
    fn kind(&self) -> DropImpl {
        DropImpl
    }
}

// A `Drop` bound is what tells the two apart here: it holds exactly for a
// type with a `Drop` impl of its own.
#[allow(drop_bounds)]
impl<T: Drop> ViaDrop for &Destructured<'_, T> {}

/// Chosen for every other type. (A `Drop` impl cannot be conditional, so
/// even in a generic fn a struct or variant type has one or has none.)
pub trait ViaFields {
    fn kind(&self) -> NoDropImpl {
        NoDropImpl
    }
}

impl<T> ViaFields for Destructured<'_, T> {}

/// What [`taken_whole`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes this pattern for a move, but the type it destructures here implements `Drop`, so the pattern only copies its fields and rustc drops the value at the end of its scope, after the `.await`s that follow",
    label = "a type with a `Drop` impl, destructured here",
    note = "bind the fields by reference (`Token {{ ref id }}`) or copy them out first (`let id = token.id;`): the value is then kept, as in rustc"
)]
pub trait TakenWhole {}

impl TakenWhole for NoDropImpl {}

/// Accepts a destructured local only if its type has no `Drop` impl.
#[inline(always)]
pub fn taken_whole<K: TakenWhole>(kind: K) {
    let _ = kind;
}

/// What [`left_in_value`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes the value this path matches for one with nothing to drop, but its type implements `Drop`: rustc leaves it in the value the pattern takes apart, and drops it at the end of that value's scope, after the `.await`s that follow",
    label = "a unit variant or unit struct of a type with a `Drop` impl, matched here",
    note = "bind that part by name and test it in the arm (`Some(lease) => match lease {{ Lease::Free => .., _ => .. }}`), or match a reference to the value (`match &value`)"
)]
pub trait LeftInValue {}

impl LeftInValue for NoDropImpl {}

/// Accepts a unit variant or unit struct a path matches beside parts a
/// pattern takes (`(Kind::A, s)`) only if its type has no `Drop` impl: it
/// then holds nothing to drop, and the value may be taken whole.
///
/// ```compile_fail
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, left_in_value};
/// enum Lease { Free }
/// impl Drop for Lease { fn drop(&mut self) {} }
/// left_in_value((&&Destructured(&Lease::Free)).kind());
/// ```
#[inline(always)]
pub fn left_in_value<K: LeftInValue>(kind: K) {
    let _ = kind;
}

/// What [`left_in_local`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes this `match` for a move of the local, as its other arms take all of it, but its type implements `Drop`: where this path matches, rustc leaves the value in the local and drops it at the end of the local's scope, which the machine would drop before",
    label = "a unit variant or unit struct of a type with a `Drop` impl, matched here",
    note = "test the path first and match the rest where it does not hold: `if matches!(value, Kind::A) {{ .. }} else {{ match value {{ other => .. }} }}`"
)]
pub trait LeftInLocal {}

impl LeftInLocal for NoDropImpl {}

/// Accepts a local matched by a path (`Kind::A =>`) beside arms that take
/// it whole (`other =>`) only if its type has no `Drop` impl: that arm
/// then leaves nothing to drop, and the local may be taken out for the
/// match.
///
/// ```compile_fail
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, left_in_local};
/// enum Lease { Free }
/// impl Drop for Lease { fn drop(&mut self) {} }
/// left_in_local((&&Destructured(&Lease::Free)).kind());
/// ```
#[inline(always)]
pub fn left_in_local<K: LeftInLocal>(kind: K) {
    let _ = kind;
}

/// What [`promoted`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] leaves this borrowed constant for rustc to promote to a `static`, but its type implements `Drop`, so rustc keeps it as a temporary across the `.await` that follows, where the machine would drop it before",
    label = "a type with a `Drop` impl, borrowed here",
    note = "bind the value with `let` first (`let value = Guard(1); use_it(&value).await;`): the machine then keeps it, as rustc does"
)]
pub trait Promoted {}

impl Promoted for NoDropImpl {}

/// Accepts a struct or variant of a borrowed constant only if its type has
/// no `Drop` impl: rustc then promotes the constant to a `static`, and the
/// machine, which leaves it as written, may too.
///
/// ```
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, promoted};
/// struct Config { retries: u32 }
/// promoted((&&Destructured(&Config { retries: 3 })).kind());
/// ```
///
/// ```compile_fail
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, promoted};
/// struct Guard(u32);
/// impl Drop for Guard { fn drop(&mut self) {} }
/// promoted((&&Destructured(&Guard(1))).kind());
/// ```
#[inline(always)]
pub fn promoted<K: Promoted>(kind: K) {
    let _ = kind;
}

/// What [`made_in_place`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] leaves this constant where it is written, in a statement that awaits, but its type implements `Drop`: rustc makes the value where the statement reaches it and drops it if the future is dropped at an `.await` after that, where the machine may make it only once the `.await` is done",
    label = "a constant of a type with a `Drop` impl, in a statement that awaits",
    note = "bind it with `let` before the statement (`let spare = Ticket::SPARE;`) and use that: the machine then keeps it, as rustc does"
)]
pub trait MadeInPlace {}

impl MadeInPlace for NoDropImpl {}

/// Accepts a constant used by value in a statement that awaits only if its
/// type has no `Drop` impl, whose value nothing can see made or dropped.
///
/// ```
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, made_in_place};
/// struct Limit(u32);
/// const LIMIT: Limit = Limit(3);
/// made_in_place((&&Destructured(&LIMIT)).kind());
/// ```
///
/// ```compile_fail
/// use desugar_runtime::__private::{Destructured, ViaDrop as _, ViaFields as _, made_in_place};
/// struct Ticket(u32);
/// impl Drop for Ticket { fn drop(&mut self) {} }
/// const SPARE: Ticket = Ticket(9);
/// made_in_place((&&Destructured(&SPARE)).kind());
/// ```
#[inline(always)]
pub fn made_in_place<K: MadeInPlace>(kind: K) {
    let _ = kind;
}
