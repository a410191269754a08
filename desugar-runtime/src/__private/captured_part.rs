//! A local whose field a `move` closure or `async` block reads (`move ||
//! s.hits`): the expansion takes it for a capture of that field alone (Rust
//! 2021's precise captures), and keeps the rest of the local to the end of
//! its scope. Through a smart pointer (`s: Arc<Service>`) the capture stops
//! at its `Deref`, and the closure takes the pointer whole; the machine,
//! which keeps the local across the `.await`s that follow, would not build
//! (E0382, at `#[desugar]`). Where the local does not show that it is a
//! pointer, the compiler is asked: method resolution picks
//! [`PartOfPointer::captured`] for a type with a `Deref` impl that is not
//! `Copy` (a reference is copied in whole, and stays), whose answer
//! [`part_captured`] does not accept, with an error that says what to write.
//!
//! ```
//! use desugar_runtime::__private::{CapturedPart, PartOfCopy as _, PartOfPointer as _, PartOfValue as _, part_captured};
//! struct Service { hits: u32 }
//! let s = Service { hits: 1 };
//! part_captured((&&&CapturedPart(&s)).captured());
//! let r = &s;
//! part_captured((&&&CapturedPart(&r)).captured());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{CapturedPart, PartOfCopy as _, PartOfPointer as _, PartOfValue as _, part_captured};
//! struct Service { hits: u32 }
//! let s = std::sync::Arc::new(Service { hits: 1 });
//! part_captured((&&&CapturedPart(&s)).captured());
//! ```

use core::ops::Deref;

/// The local asked about, by reference.
pub struct CapturedPart<'a, T>(pub &'a T);

/// Its field is captured alone (a struct value), or it is copied whole (a
/// reference): the rest stays.
pub struct FieldAlone;

/// Its field is read through its `Deref`: the pointer is captured whole.
pub struct WholePointer;

/// Chosen for a `Copy` type: copied in whole, it stays.
pub trait PartOfCopy {
    fn captured(&self) -> FieldAlone {
        FieldAlone
    }
}

impl<T: Copy> PartOfCopy for &&CapturedPart<'_, T> {}

/// Chosen for a smart pointer, a type with a `Deref` impl that is not `Copy`.
pub trait PartOfPointer {
    fn captured(&self) -> WholePointer {
        WholePointer
    }
}

impl<T: Deref> PartOfPointer for &CapturedPart<'_, T> {}

/// Chosen for every other type.
pub trait PartOfValue {
    fn captured(&self) -> FieldAlone {
        FieldAlone
    }
}

impl<T> PartOfValue for CapturedPart<'_, T> {}

/// What [`part_captured`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] takes this field, named in a `move` closure or `async` block, for a capture of the field alone, and keeps the rest of the local across the `.await`s that follow, but the local is a smart pointer (`Arc`, `Rc`, `Box`): the closure reads the field through it, and takes the pointer whole",
    label = "a field read through a smart pointer",
    note = "write the local's type where it is made (`let s: Arc<Service> = shared.clone();`), and the machine moves it into the closure as rustc does; or copy the field out first (`let hits = s.hits; move || hits`)"
)]
pub trait PartCaptured {}

impl PartCaptured for FieldAlone {}

/// Accepts a local a `move` capture of a field leaves in place only if the
/// field is not read through a smart pointer.
#[inline(always)]
pub fn part_captured<K: PartCaptured>(kind: K) {
    let _ = kind;
}
