//! Whether a method takes its receiver by value, asked of the compiler
//! while it type-checks, for a local the machine keeps in place.
//!
//! Syntax cannot tell `req.send()` with `send(self)` from one with
//! `send(&self)`. Where the awaited future may borrow a local
//! (`conn.query(sql).await`, `rx.recv().await`), the machine keeps the
//! local in place, in its home, and every use reaches it through a
//! reference: `(*req).send()`. A method taking `self` cannot move it out
//! of there, and rustc's borrow check says only "cannot move out of a
//! shared reference" (E0507), at the user's code, with no word of
//! `#[desugar]` or of what to write. So the expansion puts such a call
//! (a local kept in place, a method syntax does not know) beside a check
//! that never runs, which stops the build at the receiver with
//! [`KeptInPlace`]'s message when the method takes `self`.
//!
//! The check calls the same method, with the same arguments, on the field
//! of an [`InPlace`] of the local's type, inside a closure. The closure
//! captures the field by reference (`&T`, `&mut T`) where the method
//! borrows it, and, where the method moves it, the whole `InPlace` by
//! value, as Rust captures a value a field is moved out of when the
//! value has a `Drop` of its own. A reference is `Unpin` whatever it
//! points to; an `InPlace` is `Unpin` only where its value implements
//! [`KeptInPlace`], which no type does: so the closure is `Unpin` exactly
//! where the method borrows its receiver, and [`receiver_in_place`]'s
//! bound says so while the compiler type-checks the function. That error
//! comes before the borrow check, which rustc then skips for the
//! function, so the user sees it and not the E0507. (Asking whether the
//! closure is `FnMut`, which it is only where the method borrows, would
//! answer as well, but rustc reports a closure that is not with its own
//! message, E0525, whatever the bound's.) The closure is given as an
//! `FnOnce`, so that what the copy of the call answers may borrow the
//! captured field for as long as the capture lives, and is tied to the
//! type of the call it stands beside (a result whose type the caller
//! chooses, `let v: String = con.get(key).await?`, is typed as the
//! call's). The call is the receiver of [`Checked::with`](super::Checked),
//! so that the check's type is the call's own, not the one the code
//! around it expects (`let r: &str = k.key();` with `key(&self) ->
//! &String`), which rustc reaches by coercing the call's result.
//!
//! ```
//! use core::marker::PhantomData;
//! use desugar_runtime::__private::{Check, Checked, in_place_of, receiver_in_place, same_as, type_of, once};
//! struct Req(String);
//! impl Req {
//!     fn peek(&self) -> usize { self.0.len() }
//! }
//! let req = Req(String::from("x"));
//! let place = &req;
//! let n = Checked((*place).peek()).with({
//!     let witness = PhantomData;
//!     if false {
//!         let mut found = None;
//!         receiver_in_place(&found);
//!         loop {}
//!         #[allow(unreachable_code)]
//!         {
//!             let mut value = in_place_of(type_of(&*place));
//!             found = Some(once(|| same_as(witness, value.value.peek())));
//!         };
//!     }
//!     Check(witness)
//! });
//! assert_eq!(n, 1);
//! ```
//!
//! ```compile_fail,E0277
//! use core::marker::PhantomData;
//! use desugar_runtime::__private::{Check, checked, in_place_of, receiver_in_place, same_as, type_of, once};
//! struct Req(String);
//! impl Req {
//!     fn send(self) -> usize { self.0.len() }
//! }
//! let req = Req(String::from("x"));
//! let place = &req;
//! let n = checked(0, {
//!     let witness = PhantomData;
//!     if false {
//!         let mut found = None;
//!         receiver_in_place(&found);
//!         loop {}
//!         #[allow(unreachable_code)]
//!         {
//!             let mut value = in_place_of(type_of(&*place));
//!             found = Some(once(|| same_as(witness, value.value.send())));
//!         };
//!     }
//!     Check(witness)
//! });
//! ```

use core::marker::{PhantomData, PhantomPinned};

use super::Home;

/// What a local the machine keeps in place would have to be for a method
/// to take it by value there: nothing is. Named in the message the build
/// stops with.
///
/// Its lifetime is the check's own (see [`in_place`]): rustc reports an
/// unmet bound once for each predicate a function's body holds, and two
/// checks on values of one type would otherwise ask the same.
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps this local, a `{Self}`, in place across the `.await`s after it, as a method syntax cannot tell from one that borrows it might borrow it; this method takes it by value (`self`), and cannot move it out of its place",
    label = "kept in place: a method taking `self` cannot move it out",
    note = "write the move out, with a block that moves the local, `{{ local }}.method(..)`, or as a call, `Type::method(local, ..)`: the machine then moves the local as rustc does"
)]
pub trait KeptInPlace<'a> {}

/// Only so that rustc does not suggest implementing the trait; hidden, so
/// that it does not list this impl either.
#[doc(hidden)]
pub struct NothingInPlace(());

#[doc(hidden)]
impl KeptInPlace<'_> for NothingInPlace {}

/// The value of a local kept in place, in the check of a method called on
/// it (see the module's docs): `Unpin` only where the value is
/// [`KeptInPlace`], never.
pub struct InPlace<'a, T> {
    pub value: T,
    pinned: PhantomPinned,
    check: PhantomData<&'a ()>,
}

/// Makes a closure that moves `value` out capture the whole `InPlace`,
/// which is not `Unpin`, rather than the field alone.
impl<T> Drop for InPlace<'_, T> {
    fn drop(&mut self) {
        let _ = (&self.pinned, &self.check);
    }
}

impl<'a, T: KeptInPlace<'a>> Unpin for InPlace<'a, T> {}

/// What a value the user's code makes for a method syntax does not know,
/// kept in place by the machine, would have to be for the method to take
/// it by value there: nothing is. As [`KeptInPlace`], for a value with no
/// local of the user's (`Builder::new()` in `match
/// Builder::new().build().len()`, whose result is kept to the end of the
/// `match`: the machine keeps the value too, in case the method borrows
/// it, as rustc keeps such a temporary).
#[diagnostic::on_unimplemented(
    message = "#[desugar] keeps this value, a `{Self}`, in place to the end of the `match`, `if let` or `while let`, as rustc keeps a temporary a method borrows, since syntax cannot tell this method from one that borrows it; this method takes it by value (`self`), and cannot move it out of its place",
    label = "kept in place: a method taking `self` cannot move it out",
    note = "write the call with the value as its argument, `Type::method(value, ..)`: the machine then moves the value into the call as rustc does; or bind the method's result with `let` before the `match`"
)]
pub trait TemporaryKeptInPlace<'a> {}

#[doc(hidden)]
impl TemporaryKeptInPlace<'_> for NothingInPlace {}

/// As [`InPlace`], for a value with no local of the user's: `Unpin` only
/// where the value is [`TemporaryKeptInPlace`], never.
pub struct InTemporary<'a, T> {
    pub value: T,
    pinned: PhantomPinned,
    check: PhantomData<&'a ()>,
}

/// As [`InPlace`]'s.
impl<T> Drop for InTemporary<'_, T> {
    fn drop(&mut self) {
        let _ = (&self.pinned, &self.check);
    }
}

impl<'a, T: TemporaryKeptInPlace<'a>> Unpin for InTemporary<'a, T> {}

/// An [`InTemporary`] of the type of the value `home` owns, for code that
/// never runs (see [`in_place`]).
pub fn temporary_in_place<T>(home: &Home<T>) -> InTemporary<'_, T> {
    let _ = home;
    unreachable!("#[desugar]: code written only for its types never runs")
}

/// An [`InPlace`] of the type `of` stands for, for code that never runs.
pub fn in_place_of<'a, T>(of: PhantomData<T>) -> InPlace<'a, T> {
    let _ = of;
    unreachable!("#[desugar]: code written only for its types never runs")
}

/// An [`InPlace`] of the type of the value `home` owns, for code that
/// never runs; its lifetime is the borrow of `home`, one of its own for
/// each check.
pub fn in_place<T>(home: &Home<T>) -> InPlace<'_, T> {
    let _ = home;
    in_place_of(PhantomData)
}

/// `call`, given as an `FnOnce`: what it answers may borrow what it
/// captures for as long as the capture lives.
#[inline(always)]
pub fn once<F: FnOnce()>(call: F) -> F {
    call
}

/// Stops the build where the call found moves the [`InPlace`] it is
/// given (see the module's docs): the closure then holds it, and is not
/// `Unpin`.
#[inline(always)]
pub fn receiver_in_place<F: Unpin>(found: &Option<F>) {
    let _ = found;
}
