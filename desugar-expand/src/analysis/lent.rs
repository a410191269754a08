//! Locals lent bare to an awaited call: `bump(l).await`, with `l` read
//! after the await.

use super::Facts;
use crate::ir::{AwaitId, LocalId, MentionKind};

impl Facts<'_> {
    /// Is `local` one that may hold a `&mut` its type does not show
    /// ([`crate::ir::Local::holds_mut`]: `let l = v.as_mut_slice();`, `let
    /// (l, r) = v.split_at_mut(2);`, `let slot = m.entry(k).or_default();`),
    /// named bare in the expression awaited at `k` (`bump(l).await`), and
    /// read after `k` with the value it had there?
    ///
    /// rustc accepts that only for a `Copy` value, or for a `&mut` that the
    /// call reborrows where it takes it (`bump(&mut *l)`): a move would be
    /// E0382 at the read. A reborrowed one is borrowed by the awaited
    /// future, so it stays where it is while the machine is suspended there
    /// (moved into the state, it is E0505 "cannot move out of `l` because
    /// it is borrowed"): it is kept in place as a local the future borrows
    /// with `&mut`, reached mutably, which does for a `Copy` value too.
    ///
    /// Before: `let l = v.as_mut_slice(); bump(l).await; bump(l).await;`
    /// After:  `l` in a home (`let l = unsafe { __home_l.place_mut() };`),
    ///         the call given a copy of the reference from there, which
    ///         leaves it in place (`bump(unsafe { __home_l.take() })`; SAFETY: below
    ///         below), and
    ///         the state keeping only its guard (`Suspend0 { l:
    ///         __home_l.store(), .. }`), not the reference itself.
    ///         SAFETY: of those blocks, as for every use of a home
    ///         (`emit/uses.rs`): the twin's borrow check of the same uses, and
    ///         a slot that keeps its bytes when taken from (`Home::take`).
    ///
    /// Not any other local named so: one that visibly holds a `&mut` is
    /// reborrowed there already (`walk::Visitor::reborrows`), a parameter
    /// has its type written, and one of no such making is nearly always a
    /// `Copy` value (`let id = lookup(name).await;`), which rustc keeps by
    /// value, in fewer bytes than a home and its guard.
    pub(super) fn lent_to_awaitee(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.locals[local].holds_mut
            && !self.body.params.contains(&local)
            && self.by_local[local]
                .iter()
                .any(|m| m.kind == MentionKind::Value && m.in_operand == Some(k))
            && self.value_read_after(local, k)
    }
}
