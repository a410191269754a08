//! Fields a struct pattern skips with `_` beside a field it moves out
//! (`Conn { sock, buf: _, log: _ }`), with an await after: rustc leaves
//! them in the value, partly moved, and drops them at the end of its scope
//! in the order the struct declares its fields. The machine binds them
//! apart in the order the pattern lists them, which need not be that one,
//! so at most one of them may have something to drop. Each pair of them
//! is asked about ([`BesideRest`](super::BesideRest) answers
//! [`PartStays`] for a `Copy` part and [`PartMoved`] for the rest), and
//! [`skipped_fields_apart`] stops the build where both of a pair drop,
//! saying what to write.
//!
//! ```
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, skipped_fields_apart};
//! let (n, text) = (3u32, String::new());
//! skipped_fields_apart(((&&BesideRest(&n)).kind(), (&&BesideRest(&text)).kind()));
//! ```
//!
//! ```compile_fail
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, skipped_fields_apart};
//! let (log, text) = (String::new(), String::new());
//! skipped_fields_apart(((&&BesideRest(&log)).kind(), (&&BesideRest(&text)).kind()));
//! ```
//!
//! The fields a struct update names, its base a local
//! (`Opts { tag, log, ..o }` with an await after), are what rustc leaves
//! in `o` the same way: [`updated_fields_apart`] asks the same of each
//! pair of them, with a message of its own.
//!
//! ```compile_fail
//! use desugar_runtime::__private::{BesideRest, ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _, updated_fields_apart};
//! let (log, text) = (String::new(), String::new());
//! updated_fields_apart(((&&BesideRest(&log)).kind(), (&&BesideRest(&text)).kind()));
//! ```

use super::{PartMoved, PartStays};

/// Two skipped fields of which at most one has something to drop.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot keep the fields this struct pattern skips across the `.await` that follows: two of them have something to drop, and they drop in the order the struct declares its fields, which the macro cannot see",
    label = "skipped beside another field with something to drop",
    note = "bind all but one of the skipped fields to names (`log: _log`): those then drop at the end of the scope, the one left `_` with what is left of the value; where all the pattern binds is `Copy`, so that nothing moves out, skip the fields with `..` instead, which leaves the value whole"
)]
pub trait DropsAlone {}

#[diagnostic::do_not_recommend]
impl DropsAlone for (PartStays, PartStays) {}
#[diagnostic::do_not_recommend]
impl DropsAlone for (PartStays, PartMoved) {}
#[diagnostic::do_not_recommend]
impl DropsAlone for (PartMoved, PartStays) {}

/// Accepts a pair of skipped fields if at most one of them drops.
#[inline(always)]
pub fn skipped_fields_apart<P: DropsAlone>(pair: P) {
    let _ = pair;
}

/// Two fields a struct update names, left in its base, a local, of which
/// at most one has something to drop.
#[diagnostic::on_unimplemented(
    message = "#[desugar] cannot keep what this struct update leaves in its base across the `.await` that follows: two of the fields the literal names have something to drop in the base, and they drop in the order the struct declares its fields, which the macro cannot see",
    label = "named beside another field the base still owns with something to drop",
    note = "take the base apart with a `let` naming each of its fields and build the value from them (`let Opts {{ tag, log, retries }} = o; let o2 = Opts {{ tag: new_tag, log: new_log, retries }};`): the fields the literal replaces then drop as locals do"
)]
pub trait UpdatedDropsAlone {}

#[diagnostic::do_not_recommend]
impl UpdatedDropsAlone for (PartStays, PartStays) {}
#[diagnostic::do_not_recommend]
impl UpdatedDropsAlone for (PartStays, PartMoved) {}
#[diagnostic::do_not_recommend]
impl UpdatedDropsAlone for (PartMoved, PartStays) {}

/// Accepts a pair of fields a struct update names, left in its base, if
/// at most one of them drops.
#[inline(always)]
pub fn updated_fields_apart<P: UpdatedDropsAlone>(pair: P) {
    let _ = pair;
}
