//! Stage 2: rewrites of the body that need no analysis.

pub(crate) mod assertion_messages;
pub(crate) mod assertions;
mod borrowed_temporary_parts;
pub(crate) mod braced_tail;
pub(crate) mod called_once;
pub(crate) mod destructuring;
pub(crate) mod early_exit;
pub(crate) mod invisible_groups;
pub(crate) mod item_macros;
pub(crate) mod kept_arrays;
pub(crate) mod let_else;
pub(crate) mod macro_calls;
pub(crate) mod macro_locals;
pub(crate) mod moved_derefs;
pub(crate) mod own_macro_awaits;
pub(crate) mod own_macro_names;
pub(crate) mod pinned_receiver;
pub(crate) mod pinning;
pub(crate) mod poll_macro;
pub(crate) mod promoted;
pub(crate) mod raw_borrows;
pub(crate) mod ready_macro;
pub(crate) mod receiver;
pub(crate) mod scoped;
pub(crate) mod skipped_parts;
mod skipped_temporary_parts;
pub(crate) mod unboxed;
