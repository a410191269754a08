//! What expansions of `#[desugar]` name at run time. Not public API: the
//! macro refers to these items as `::desugar::__private::…`, and they may
//! change in any release.

mod awaited;
mod awaited_field;
mod awaited_macro;
mod beside_ref;
mod beside_rest;
mod captured_part;
mod copied_constant;
mod copies;
mod destructured;
mod drop_only;
mod field_types;
mod flagged;
mod flagged_box;
mod home;
mod kept_array;
mod kept_part;
mod later;
mod machine;
mod poll_once;
mod receiver;
mod receiver_in_place;
mod skipped_fields;
mod struct_base;
mod temporary_field;
mod try_op;
mod unboxed;
mod vacant;

pub use self::awaited::Awaited;
pub use self::awaited_field::{AwaitedFieldCopied, awaited_field};
pub use self::awaited_macro::{AwaitedMacro, AwaitedMacroValue, BlockValue, awaited_macro};
pub use self::beside_ref::{
    StaysBesideRef, StaysBesideRefArm, bound_beside_ref, bound_beside_ref_arm,
};
pub use self::beside_rest::{
    BesideRest, PartMoved, PartStays, StaysBesideKeptRest, StaysBesideRest, ViaBorrowedPart,
    ViaCopyPart, ViaMovedPart, bound_beside_kept_rest, bound_beside_rest,
};
pub use self::captured_part::{
    CapturedPart, FieldAlone, PartCaptured, PartOfCopy, PartOfPointer, PartOfValue, WholePointer,
    part_captured,
};
pub use self::copied_constant::{CopiedConstant, copied_constant};
pub use self::copies::Copies;
pub use self::destructured::{
    Destructured, DropImpl, LeftInLocal, LeftInValue, MadeInPlace, NoDropImpl, Promoted,
    TakenWhole, ViaDrop, ViaFields, left_in_local, left_in_value, made_in_place, promoted,
    taken_whole,
};
pub use self::drop_only::{DropOnly, NothingToDrop, ViaBorrowed, ViaCopy, ViaValue};
pub use self::field_types::{Field, FieldTree, Row, StateTree};
pub use self::flagged::{FetchCopy, FetchMove, FlagCopy, FlagValue, Flagged, Unflagged};
pub use self::flagged_box::{Copied, UnboxCopy, UnboxMove};
pub use self::home::{Edition, Home, Homed, Live, Slot, edition_slot, restore_in_edition};
pub use self::kept_array::{
    StaysBesideSkippedElements, StaysInKeptArray, bound_beside_skipped_elements,
    moved_from_kept_array,
};
pub use self::kept_part::{
    CopiedKeptPart, KeptPart, MovedKeptPart, PartLeftWhole, ReborrowedKeptPart, ViaCopiedKeptPart,
    ViaMovedKeptPart, ViaReborrowedKeptPart, moved_out_of_kept,
};
pub use self::later::Later;
pub use self::machine::{Machine, State};
pub use self::poll_once::{PollOnce, poll_once};
pub use self::receiver::{
    Check, Checked, Typed, callee_consumed, checked, continue_of, receiver_consumed, receiver_kept,
    receiver_moved, same_as, type_of, value_of,
};
pub use self::receiver_in_place::{
    InPlace, InTemporary, KeptInPlace, NothingInPlace, TemporaryKeptInPlace, in_place, in_place_of,
    once, receiver_in_place, temporary_in_place,
};
pub use self::skipped_fields::{
    DropsAlone, UpdatedDropsAlone, skipped_fields_apart, updated_fields_apart,
};
pub use self::struct_base::made_before_base;
pub use self::temporary_field::{
    CopiedFromTemporary, CopiedOutOfKeptValue, copied_from_temporary, copied_out_of_kept_value,
};
pub use self::try_op::{Branch, FromResidual};
pub use self::unboxed::{Unbox, Unboxed, Unboxing, unbox, unboxed};
pub use self::vacant::{KeptIn, Refill, Vacant, Vacate, VacateIn};
pub use crate::inspect::{FieldInfo, FieldKind, FieldLayout, Inspect, MachineInfo, StateInfo};
pub use core::future::{Future, IntoFuture};
pub use core::marker::PhantomPinned;
pub use core::ops::ControlFlow;
pub use core::pin::Pin;
pub use core::task::{Context, Poll};
pub use pin_project_lite::pin_project;

/// Names the lifetimes a desugared fn's future borrows, so that the returned
/// `impl Future` captures them in every edition (editions before 2024 only
/// capture lifetimes that appear in the bounds).
pub trait Captures<T: ?Sized> {}
impl<T: ?Sized, U: ?Sized> Captures<T> for U {}

/// Ties the type of a local the expansion writes more than once (in each
/// state that runs code after it) to one marker, so that what one copy
/// assigns tells the others their type, as the one body tells rustc in the
/// twin. Does nothing at run time.
#[inline(always)]
pub fn same_type<T>(_: &T, _: core::marker::PhantomData<T>) {}

/// The value `future` gives when it is ready, for code the expansion writes
/// after a suspension only for the compiler to read in the user's order (a
/// copy of the rest of the block, after the `continue` that leaves for the
/// suspension's arm). It never runs.
pub fn output_of<F: Future>(future: &F) -> F::Output {
    let _ = future;
    unreachable!("#[desugar]: code written only for its types never runs")
}

/// The value `.await` on `future` gives, in the same code, for an await
/// after the first.
pub fn awaited<F: IntoFuture>(future: F) -> F::Output {
    let _ = future;
    unreachable!("#[desugar]: code written only for its types never runs")
}

/// The `else` of a match on a state the machine cannot be in (the take of a
/// resumed state's values, another variant's arm). A call rather than
/// `unreachable!()`, so that each of the many such arms costs rustc a path,
/// not a macro to expand. It never runs.
#[cold]
#[track_caller]
pub fn unreachable_state() -> ! {
    unreachable!("#[desugar]: the machine is not in this state")
}

/// rustc's message when a finished `async fn` future is polled again.
#[cold]
#[track_caller]
pub fn resumed_after_completion() -> ! {
    panic!("`async fn` resumed after completion")
}

/// rustc's message when an `async fn` future whose body panicked is polled again.
#[cold]
#[track_caller]
pub fn resumed_after_panicking() -> ! {
    panic!("`async fn` resumed after panicking")
}
