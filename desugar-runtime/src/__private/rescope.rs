//! Which edition's `if let` the user's code is in.
//!
//! Rust 2024 drops an `if let` scrutinee's temporaries before the `else`
//! branch; Rust 2021 keeps them to the end of the `if let`. A macro cannot
//! see the edition of the tokens it is given, but the compiler applies it
//! to an `if let` written with the user's span: the expansion writes one
//! whose scrutinee holds a [`Rescope`] and reads, in the `else` branch,
//! whether it was dropped already.
//!
//! ```
//! use desugar_runtime::__private::Rescope;
//! let rescoped = core::cell::Cell::new(false);
//! // A `let`, so that in Rust 2021 the probe drops before `rescoped`.
//! let edition_2024 = if let Some(()) = Rescope::new(&rescoped).never() {
//!     false
//! } else {
//!     rescoped.get()
//! };
//! assert!(edition_2024, "this crate is in Rust 2024");
//! ```

use core::cell::Cell;

/// Sets its flag when dropped.
pub struct Rescope<'a>(&'a Cell<bool>);

impl<'a> Rescope<'a> {
    pub fn new(flag: &'a Cell<bool>) -> Self {
        Rescope(flag)
    }

    /// A pattern that never matches, so the `else` branch runs.
    pub fn never(&self) -> Option<()> {
        None
    }
}

impl Drop for Rescope<'_> {
    fn drop(&mut self) {
        self.0.set(true);
    }
}
