//! The receiver of a method syntax does not know, a value made where rustc
//! keeps it across an await if the method borrows it: a `match` or
//! `if let` scrutinee whose arms await (`match make().label().len()`), a
//! `for` loop's iterable whose body awaits, an awaited call
//! (`make().fetch().await`).
//!
//! A method taking `&self` borrows the value, a temporary rustc keeps to
//! the end of the construct or statement; one taking `self` moves it. The
//! expansion cannot tell them apart and keeps nothing: right for a
//! builder's `send(self)`, a value dropped early for `label(&self)`. So it
//! asks the compiler. The receiver is passed through [`checked`] beside a
//! closure, never called, that calls the same method on a value of its type
//! inside another closure, which captures the value by reference if the
//! method borrows it and by value if it moves it. [`receiver_moved`] stops
//! the build where the value is borrowed and has something to drop (a
//! capture by reference has nothing to drop, one by value has the value's
//! own drop). The answer comes when the code is compiled for a caller, as
//! for the compiler's own `const` checks: `cargo check` does not see it.
//! The call's arguments other than literals go through [`pass`], which
//! ties each one's type to a [`Token`] declared before the statement, so
//! that the check calls the method with values of the same types (a
//! generic parameter gets its type from the call).
//!
//! ```
//! use desugar_runtime::__private::{checked, receiver_moved, type_of};
//! struct Builder(String);
//! impl Builder {
//!     fn send(self) -> usize { self.0.len() }
//! }
//! let sent = checked(Builder(String::from("x")), (), |mut value, ()| {
//!     let of = type_of(&value);
//!     let call = || { let _ = value.send(); };
//!     receiver_moved(of, &call);
//! })
//! .send();
//! assert_eq!(sent, 1);
//! ```
//!
//! ```compile_fail,E0080
//! use desugar_runtime::__private::{checked, receiver_moved, type_of};
//! struct Probe(String);
//! impl Probe {
//!     fn label(&self) -> &str { &self.0 }
//! }
//! let len = checked(Probe(String::from("x")), (), |mut value, ()| {
//!     let of = type_of(&value);
//!     let call = || { let _ = value.label(); };
//!     receiver_moved(of, &call);
//! })
//! .label()
//! .len();
//! assert_eq!(len, 1);
//! ```

use core::marker::PhantomData;

/// Stands for the type of one argument of the call ([`pass`]), for the
/// check to call the method with ([`Token::value`]); holds nothing.
pub struct Token<T>(PhantomData<fn() -> T>);

// By hand: a derive would ask `T: Copy`.
impl<T> Clone for Token<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Token<T> {}

impl<T> Token<T> {
    #[inline(always)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Token(PhantomData)
    }

    /// A value of the argument's type, for the check, which never runs.
    pub fn value(self) -> T {
        never_made()
    }
}

/// The argument itself, its type tied to `token`.
#[inline(always)]
pub fn pass<T>(token: Token<T>, argument: T) -> T {
    let _ = token;
    argument
}

/// The receiver itself. `check` is never called, but compiled with it;
/// `tokens` are the call's arguments' ([`pass`]), for `check` to call the
/// method with.
#[inline(always)]
pub fn checked<T, A, W: FnOnce(T, A)>(receiver: T, tokens: A, check: W) -> T {
    if false {
        check(never_made(), tokens)
    }
    receiver
}

/// A value for code that never runs.
fn never_made<T>() -> T {
    unreachable!("the receiver check of #[desugar] never runs")
}

/// The type of `value`, for [`receiver_moved`] after `value` is captured.
#[inline(always)]
pub fn type_of<T>(value: &T) -> PhantomData<T> {
    let _ = value;
    PhantomData
}

/// `call` uses a value of type `T` as the method does: stops the build if
/// it borrows a value that has something to drop.
#[inline(always)]
pub fn receiver_moved<T, F>(of: PhantomData<T>, call: &F) {
    let _ = (of, call);
    const {
        if core::mem::needs_drop::<T>() && !core::mem::needs_drop::<F>() {
            panic!(
                "#[desugar]: a method here borrows its receiver, a value that rustc keeps to the end of the `match`, `if let`, `for` loop or statement, across the `.await` that follows, where the machine would drop it before. Bind the value with `let` first (`let value = make(); match value.label() {{ .. }}`); the note below says where"
            )
        }
    }
}
