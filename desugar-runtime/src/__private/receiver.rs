//! Whether a method borrows or moves its receiver, asked of the compiler
//! where syntax cannot tell and the machine would drop a borrowed value at
//! the wrong time.
//!
//! Three cases. The receiver of a method syntax does not know, a value made
//! where rustc keeps it across an await if the method borrows it (a
//! `match` or `if let` scrutinee whose arms await, `match
//! make().label().len()`; a `for` loop's iterable whose body awaits; an
//! awaited call, `make().fetch().await`): the machine keeps nothing, right
//! for a builder's `send(self)`, a value dropped early for `label(&self)`
//! ([`receiver_moved`]). And a local used as the receiver of a method
//! named like the standard library's that take `self` (`unwrap`, `map`,
//! `count`, `into_…`): the machine takes the call for a move, and keeps
//! the local no further, where rustc would keep it to the end of its scope
//! if the method borrows it ([`receiver_consumed`]); so too where such a
//! call's arguments await, and the machine moves the local ahead of the
//! await as rustc moves it into the pending call. And a local used as the
//! receiver of a method syntax does not know in a call whose arguments
//! await (`a.combine(f().await)`): the machine keeps it in place across
//! the await, right for `v.push(f().await)`, where rustc, if the method
//! takes `self`, moves it into the pending call before the await and drops
//! it before the locals if the future is dropped there
//! ([`receiver_kept`]).
//!
//! The call goes through [`checked`] beside a check that never runs. The
//! check calls the same method, with the same arguments, on a value of the
//! receiver's type inside a closure, which captures the value by reference
//! if the method borrows it and by value if it moves it; the closure's type
//! reaches the verdict, which stops the build where the value is borrowed
//! (or, for [`receiver_kept`], moved) and has something to drop (a capture
//! by reference has nothing to drop, one by value has the value's own
//! drop). The check is written after a
//! `loop {}`, where the compiler types the code but does not borrow-check
//! it against the rest of the function: its copies of the arguments move
//! and borrow nothing the real call uses. The answer comes when the code
//! is compiled for a caller, as for the compiler's own `const` checks:
//! `cargo check` does not see it. Each place the call's arguments read
//! (`name`, `Some(name)`, `&other.field`) is given as a value of its type,
//! which the closure does not capture; a local moved in inside a macro's
//! arguments (`vec![name]`) makes the closure own that too, and the check
//! then finds nothing to say.
//!
//! ```
//! use core::marker::PhantomData;
//! use desugar_runtime::__private::{Check, checked, receiver_moved, type_of, value_of};
//! struct Builder(String);
//! impl Builder {
//!     fn send(self) -> usize { self.0.len() }
//! }
//! let sent = checked(Builder(String::from("x")), {
//!     let witness = PhantomData;
//!     if false {
//!         let mut found = None;
//!         receiver_moved(&found);
//!         loop {}
//!         #[allow(unreachable_code)]
//!         {
//!             let mut value = value_of(type_of(&(Builder(String::from("x")))));
//!             let of = type_of(&value);
//!             let call = || { let _ = value.send(); };
//!             found = Some((of, call));
//!         };
//!     }
//!     Check(witness)
//! })
//! .send();
//! assert_eq!(sent, 1);
//! ```
//!
//! ```compile_fail,E0080
//! use core::marker::PhantomData;
//! use desugar_runtime::__private::{Check, checked, receiver_consumed, same_as, type_of, value_of};
//! struct Bag(String);
//! impl Bag {
//!     fn count(&self) -> usize { self.0.len() }
//! }
//! let bag = Bag(String::from("x"));
//! let n = checked(bag.count(), {
//!     let witness = PhantomData;
//!     if false {
//!         let mut found = None;
//!         receiver_consumed(&found);
//!         loop {}
//!         #[allow(unreachable_code)]
//!         {
//!             let mut value = value_of(type_of(&bag));
//!             let of = type_of(&value);
//!             let call = || same_as(witness, value.count());
//!             found = Some((of, call));
//!         };
//!     }
//!     Check(witness)
//! });
//! assert_eq!(n, 1);
//! ```

use core::marker::PhantomData;

/// What a check that never runs evaluates to: the type of the value it
/// stands beside, which the check can take its receiver's type from, or
/// tie its call's result to.
pub struct Check<T>(pub PhantomData<T>);

/// The marks the expansion leaves beside a call whose receiver, a local,
/// is given to a method while the call's arguments await, for the check
/// it writes in their place once the machine's code is written (where it
/// cannot write one, the mark stays, and checks nothing).
impl<T> Check<T> {
    /// The local is moved ahead of the await, as a method named like the
    /// standard library's that take `self` moves it: see
    /// [`receiver_consumed`].
    pub const MOVED_AHEAD: Self = Check(PhantomData);
    /// The local is kept in place across the await, as a method syntax
    /// does not know may borrow it: see [`receiver_kept`].
    pub const KEPT: Self = Check(PhantomData);
}

/// `value` itself; `check` is compiled with it.
#[inline(always)]
pub fn checked<T>(value: T, check: Check<T>) -> T {
    let _ = check;
    value
}

/// `value`, typed by itself alone: the receiver of [`Checked::with`],
/// which gets no type from what the code around the call expects.
pub struct Checked<T>(pub T);

impl<T> Checked<T> {
    /// The value, beside `check`, a check tied to its own type. Where
    /// [`checked`] takes the type the context expects (`&str` in `let r:
    /// &str = k.key();`) and coerces the value to it in its argument, the
    /// check's copy of the call, of the method's own type (`&String`),
    /// would not match; here the check is typed by the call, and the
    /// value this gives is coerced where it is used, as the call's would
    /// be.
    #[inline(always)]
    pub fn with(self, check: Check<T>) -> T {
        let _ = check;
        self.0
    }
}

/// Gives `value` the type `of` stands for (the check's call answers with
/// the type of the call it copies, where the method leaves it to the
/// caller: `into`, `collect`).
#[inline(always)]
pub fn same_as<T>(of: PhantomData<T>, value: T) {
    let _ = (of, value);
}

/// The type of `value`, for the verdict and for [`value_of`].
#[inline(always)]
pub fn type_of<T>(value: &T) -> PhantomData<T> {
    let _ = value;
    PhantomData
}

/// The type of a place an argument of the check's copy of a call reads:
/// [`Typed::value`] gives a value of that type, which the call then
/// coerces as it would the place (a fn item given for a fn pointer). As a
/// method's receiver, `Typed::of(..)` takes its type from the place alone,
/// where `value_of(type_of(..))` as an argument would take the parameter's
/// type and then mismatch the place's.
pub struct Typed<T>(PhantomData<T>);

impl<T> Typed<T> {
    #[inline(always)]
    pub fn of(value: &T) -> Self {
        let _ = value;
        Typed(PhantomData)
    }

    pub fn value(self) -> T {
        value_of(self.0)
    }
}

/// The type a `?` on a value of type `T` continues with (`u32` for
/// `Result<u32, E>`): the check's copy of an argument `raw.parse()?`, whose
/// `?` would return from the copy's closure.
#[inline(always)]
pub fn continue_of<T: crate::__private::Branch>(of: PhantomData<T>) -> PhantomData<T::Output> {
    let _ = of;
    PhantomData
}

/// A value of type `T`, for code that never runs: the receiver check's,
/// and the assignment that gives a local declared again after an await
/// the type of its value before it (see `same_type`).
pub fn value_of<T>(of: PhantomData<T>) -> T {
    let _ = of;
    unreachable!("#[desugar]: code written only for its types never runs")
}

/// Does `F`, a closure that calls the method on a value of type `T`,
/// borrow the value where it has something to drop? (A capture by
/// reference has nothing to drop; one by value has the value's drop.)
const fn borrows_what_drops<T, F>() -> bool {
    core::mem::needs_drop::<T>() && !core::mem::needs_drop::<F>()
}

/// Does `F`, a closure that calls the method on a value of type `T`, move
/// the value where it has something to drop? (A capture by value has the
/// value's drop.)
const fn moves_what_drops<T, F>() -> bool {
    core::mem::needs_drop::<T>() && core::mem::needs_drop::<F>()
}

/// The call found uses a value of type `T` as the method does: stops the
/// build if it borrows a value that has something to drop, where the
/// machine keeps no value made for the method.
#[inline(always)]
pub fn receiver_moved<T, F>(found: &Option<(PhantomData<T>, F)>) {
    let _ = found;
    const {
        if borrows_what_drops::<T, F>() {
            panic!(
                "#[desugar]: a method here borrows its receiver, a value that rustc keeps to the end of the `match`, `if let`, `for` loop or statement, across the `.await` that follows, where the machine would drop it before. Bind the value with `let` first (`let value = make(); match value.label() {{ .. }}`); the note below says where"
            )
        }
    }
}

/// As [`receiver_consumed`], for a local closure called, which the
/// machine takes the call for a move of (`FnOnce`): the copy of the call
/// borrows the closure if it is `Fn` or `FnMut`.
#[inline(always)]
pub fn callee_consumed<T, F>(found: &Option<(PhantomData<T>, F)>) {
    let _ = found;
    const {
        if borrows_what_drops::<T, F>() {
            panic!(
                "#[desugar]: this call borrows the closure it calls (`Fn` or `FnMut`), which has something to drop, so rustc keeps the closure to the end of its scope, across the `.await` that follows; the machine, which cannot tell a call that borrows a closure from one that consumes it (`FnOnce`), would drop it at that `.await`. Use the closure after the `.await` (`drop(name);` where its scope ends) and the machine keeps it; the note below says where"
            )
        }
    }
}

/// As [`receiver_moved`], for a local the machine takes the call for a
/// move of.
#[inline(always)]
pub fn receiver_consumed<T, F>(found: &Option<(PhantomData<T>, F)>) {
    let _ = found;
    const {
        if borrows_what_drops::<T, F>() {
            panic!(
                "#[desugar]: this method borrows its receiver, a local, but has the name of a standard method that takes `self` (`map`, `count`, `into_…`), so the machine takes the call for a move and drops the local at the next `.await`, where rustc keeps it to the end of its scope. Write the borrow out: `Type::count(&value)`, or `Type::count(&mut value)` for a method taking `&mut self`; for a method of the value it derefs to (an `Option` in a lock guard), write the deref: `(*value).unwrap_or(0)`; the note below says where"
            )
        }
    }
}

/// As [`receiver_moved`], for a local given to a method syntax does not
/// know in a call whose arguments await, which the machine keeps in place
/// across that await: stops the build if the method moves it and it has
/// something to drop. rustc moves such a receiver into the pending call
/// before the await, and drops it before the locals if the future is
/// dropped there or the awaited future panics.
#[inline(always)]
pub fn receiver_kept<T, F>(found: &Option<(PhantomData<T>, F)>) {
    let _ = found;
    const {
        if moves_what_drops::<T, F>() {
            panic!(
                "#[desugar]: this method takes its receiver, a local with something to drop, by value (`self`), and the call's arguments await: rustc moves the local into the pending call before the `.await` and, if the future is dropped there or the awaited future panics, drops it before the other locals; the machine, which cannot tell this method from one that borrows its receiver (`v.push(f().await)`), keeps the local in place and drops it with them. Write the move as a call, `Type::method(value, ..)` (or `{{ value }}.method(..)`), or bind the awaited value with `let` first (`let x = f().await; value.method(x)`); the note below says where"
            )
        }
    }
}
