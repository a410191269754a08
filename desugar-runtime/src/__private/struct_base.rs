//! The base of a struct update made after the literal's fields, as rustc
//! makes it, where the expansion names the base (see the macro's
//! `build::struct_update`): the last field's value is given to
//! [`made_before_base`] beside the block that makes the base, so the field
//! keeps its place, and the type the literal expects of it (a closure boxed
//! as `Box<dyn Fn(u32) -> u32>`), which a `let` of its own would lose.
//!
//! ```
//! use desugar_runtime::__private::made_before_base;
//! #[derive(Default)]
//! struct Opts { retries: u32, name: String }
//! let base;
//! let opts = Opts { name: made_before_base("x".into(), { base = Opts::default(); }), ..base };
//! // What the base still owns is the field the literal names.
//! assert_eq!((opts.name.len(), opts.retries, base.name.len()), (1, 0, 0));
//! ```

/// The field's value, made before the base the second argument made.
#[inline(always)]
pub fn made_before_base<T>(field: T, _base_made: ()) -> T {
    field
}
