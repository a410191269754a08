//! A field read by value out of a local the machine keeps in place
//! (`self.items` in `async fn finish(mut self) -> Vec<u32> {
//! self.flush().await; self.items }`, where `flush(&mut self)`'s future
//! borrows `self`). The machine reaches such a local through a reference
//! to its home, so a part of it can be copied out, or reborrowed where it
//! is a `&mut`, but not moved: rustc's bare E0507 there ("cannot move out
//! of a mutable reference", with a wrong hint to clone) says nothing of
//! why. Only the compiler knows the field's type: method resolution picks
//! [`ViaCopiedKeptPart::kind`] for a `Copy` one, [`ViaReborrowedKeptPart::kind`]
//! for a `&mut`, and [`ViaMovedKeptPart::kind`] for any other, whose answer
//! [`moved_out_of_kept`] does not accept, so the build stops at the field
//! with a message saying what to write, before the borrow check runs.
//!
//! ```
//! use desugar_runtime::__private::{KeptPart, ViaCopiedKeptPart as _, ViaMovedKeptPart as _, ViaReborrowedKeptPart as _, moved_out_of_kept};
//! struct W<'a> { n: u32, out: &'a mut Vec<u8> }
//! let mut v = Vec::new();
//! let w = W { n: 1, out: &mut v };
//! moved_out_of_kept((&&KeptPart(&w.n)).kind());
//! moved_out_of_kept((&&KeptPart(&w.out)).kind());
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{KeptPart, ViaCopiedKeptPart as _, ViaMovedKeptPart as _, ViaReborrowedKeptPart as _, moved_out_of_kept};
//! struct W { items: Vec<u32> }
//! let w = W { items: Vec::new() };
//! moved_out_of_kept((&&KeptPart(&w.items)).kind());
//! ```

/// A part of a local kept in place, read by value.
pub struct KeptPart<'a, T: ?Sized>(pub &'a T);

/// Its type is `Copy`: reading it copies it, and the local stays whole.
pub struct CopiedKeptPart;

/// It is a `&mut`: where a reference is expected it is reborrowed.
pub struct ReborrowedKeptPart;

/// Any other type: reading it moves it out of the local.
pub struct MovedKeptPart;

/// Chosen for a `Copy` type.
pub trait ViaCopiedKeptPart {
    fn kind(&self) -> CopiedKeptPart {
        CopiedKeptPart
    }
}

impl<T: Copy> ViaCopiedKeptPart for &&KeptPart<'_, T> {}

/// Chosen for a `&mut`.
pub trait ViaReborrowedKeptPart {
    fn kind(&self) -> ReborrowedKeptPart {
        ReborrowedKeptPart
    }
}

impl<T: ?Sized> ViaReborrowedKeptPart for &KeptPart<'_, &mut T> {}

/// Chosen for every other type.
pub trait ViaMovedKeptPart {
    fn kind(&self) -> MovedKeptPart {
        MovedKeptPart
    }
}

impl<T: ?Sized> ViaMovedKeptPart for KeptPart<'_, T> {}

/// What [`moved_out_of_kept`] accepts.
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps this local in place, because an awaited future borrows it, and reaches it through a reference to that place: a field that is not `Copy` cannot be moved out of it there",
    label = "a part moved out of a local kept in place",
    note = "move the whole local into a new one after its last borrowing `.await` and take the part from that (`let this = self; this.items`)"
)]
pub trait PartLeftWhole {}

impl PartLeftWhole for CopiedKeptPart {}

impl PartLeftWhole for ReborrowedKeptPart {}

/// Accepts a part that reading leaves in the local (never called: the
/// expansion writes it in code that does not run).
pub fn moved_out_of_kept<K: PartLeftWhole>(_: K) {}
