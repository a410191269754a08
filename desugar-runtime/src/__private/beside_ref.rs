//! A part moved out of a `match`'s or `if let`'s own value (a temporary)
//! beside a `ref` binding into it (`Some(ref p) if ok => { x.await; .. }`
//! beside `Some(p) => ..`), with an await in the construct, where the
//! expansion cannot move the borrowed parts out apart (the value makes
//! other temporaries, `m.lock().unwrap().pop()`; a `while let`; a `for`
//! loop's element, `for (ref a, b) in v`; a pattern with `..`): the machine keeps the value in place, borrowed where it is,
//! and nothing can move out of it there. A `Copy` part, or a `&mut` one
//! bound through a reference, only copies or borrows, and builds. Method
//! resolution tells them apart, as for [`bound_beside_rest`](super::bound_beside_rest),
//! so that the expansion stops at the part saying what to write rather
//! than with E0507.
//!
//! ```
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_ref};
//! let n = 3u32;
//! bound_beside_ref((&&BesideRest(&n)).kind());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_ref};
//! let text = String::new();
//! bound_beside_ref((&&BesideRest(&text)).kind());
//! ```

use super::PartStays;

/// What [`bound_beside_ref`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot move this part out of a value the same `match`, `if let`, `while let` or `for` binds by `ref` across an `.await`: the machine keeps that value in place, borrowed where it is",
    label = "a part moved out beside a `ref` binding",
    note = "bind by value in every arm and pattern, and borrow in the arm or the loop's body (`Some(p) if p.ready() => {{ let p = &p; .. }}`, `Some((n, p)) => {{ let n = &n; .. }}`, `for (a, b) in v {{ let a = &a; .. }}`): the machine then moves the value into the bindings"
)]
pub trait StaysBesideRef {}

impl StaysBesideRef for PartStays {}

/// Accepts a part bound by value beside a `ref` binding only if binding
/// it leaves the value whole.
#[inline(always)]
pub fn bound_beside_ref<K: StaysBesideRef>(kind: K) {
    let _ = kind;
}

/// What [`bound_beside_ref_arm`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot move this part out of a local another arm of this `match` binds by `ref`, where an arm awaits: the machine keeps the local in place, where nothing can move out of it",
    label = "a part moved out beside an arm binding by `ref`",
    note = "bind the whole value by value in the `ref` arm, with a guard for what its pattern tests (`fresh if fresh.id == 0 => ..` for `ref fresh @ Job {{ id: 0, .. }} => ..`): the machine then keeps the value by value, with a drop flag, as rustc keeps it"
)]
pub trait StaysBesideRefArm {}

impl StaysBesideRefArm for PartStays {}

/// Accepts a part bound by value by an arm of a `match` on a local beside
/// an arm binding into it by `ref`, where an arm binding by value awaits
/// (`ref fresh @ Job { id: 0, .. } => ..` beside `Job { to, .. } =>
/// send(&to).await`): the machine keeps the local in place, and only a
/// part that binding leaves there (a `Copy` one, or a `&mut` bound through
/// a reference) builds; any other would move out of the place (E0507),
/// and the build stops at it saying what to write instead.
///
/// ```
/// use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_ref_arm};
/// let id = 3u32;
/// bound_beside_ref_arm((&&BesideRest(&id)).kind());
/// ```
///
/// ```compile_fail
/// use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, bound_beside_ref_arm};
/// let to = String::new();
/// bound_beside_ref_arm((&&BesideRest(&to)).kind());
/// ```
#[inline(always)]
pub fn bound_beside_ref_arm<K: StaysBesideRefArm>(kind: K) {
    let _ = kind;
}
