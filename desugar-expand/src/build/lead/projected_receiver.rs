//! A method's receiver that is a place in a value the statement makes
//! (`st.borrow_mut().log` in `st.borrow_mut().log.push(x.await)`).
//!
//! rustc makes the value (the guard) and borrows the place in it before it
//! runs the arguments, then keeps the value to the end of the statement.
//! Bound ahead whole, the place would be moved out of the value (E0507
//! through a guard's `Deref`): the value is bound ahead instead, and the
//! place is left to be reached through it after the await, borrowed as the
//! method takes it, where it can only be borrowed (see
//! [`borrowed_in_value`]). An index along the place is checked ahead, as
//! for a place of a local ([`Taker::check_index_ahead`]).
//!
//! Before: `st.borrow_mut().log.push(x.await)`
//! After:  `let mut __earlier1 = st.borrow_mut();` ahead, and
//!         `{ __earlier1 }.log.push({ __result })`

use syn::Expr;

use super::{Ahead, NotLeading, Taker, is_place_syntax, is_pure, read_before_change};
use crate::build::temporaries::reads_through_guard;

/// A field, index or deref of a value made by the statement, reached
/// through an index or a guard (`st.borrow_mut().log`, `grid()[0]`,
/// `(*m.lock().unwrap()).n`, and `db.lock().log` of a lock whose `lock`
/// gives the guard itself, as `parking_lot`'s does: the standard library's
/// `Result` has no field to read): nothing can be moved out through `Index`
/// or a guard's `Deref`, so the method borrows the place (or copies it). A field
/// of a value of another type (`make().v`) may be moved out by a method
/// taking `self`, which rustc does before the await, dropping it with the
/// pending call's operands: that is left to be bound whole, which rejects
/// it.
pub(super) fn borrowed_in_value(expr: &Expr) -> bool {
    fn through(expr: &Expr, borrowed: bool) -> bool {
        match expr {
            Expr::Field(e) => through(&e.base, borrowed || reads_through_guard(&e.base)),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
                through(&e.expr, borrowed || reads_through_guard(&e.expr))
            }
            Expr::Index(e) => through(&e.expr, true),
            Expr::Paren(e) => through(&e.expr, borrowed),
            value => borrowed && !is_place_syntax(value),
        }
    }
    through(expr, false)
}

impl Taker<'_> {
    /// Binds the value `receiver` ([`borrowed_in_value`]) is a place in ahead
    /// of the await, and what its indexes run, leaving the place.
    pub(super) fn name_projected_receiver(
        &mut self,
        receiver: &mut Expr,
        ahead: &mut Ahead<'_>,
    ) -> Result<(), NotLeading> {
        // `named` is read last first: the check, pushed before the parts
        // it indexes with, runs after them.
        let check_at = ahead.named.len();
        if let Some(ident) = self.name_projection(receiver, ahead)? {
            // The method may borrow the place mutably, through the value
            // (`DerefMut`, `IndexMut`).
            if let Some(bound) = ahead.named.iter_mut().find(|bound| bound.ident == ident) {
                bound.mutable = true;
            }
            if super::indexes(receiver) {
                let mut place = receiver.clone();
                unwrap_value(&mut place, &ident);
                let check = self.index_check(&place);
                ahead.named.insert(check_at, check);
            }
        }
        Ok(())
    }

    /// Names the indexes along `place`, last first, then the value it
    /// projects: the local that now stands for the value (`{ __earlier1 }`),
    /// if it was bound.
    fn name_projection(
        &mut self,
        place: &mut Expr,
        ahead: &mut Ahead<'_>,
    ) -> Result<Option<syn::Ident>, NotLeading> {
        match place {
            Expr::Field(e) => self.name_projection(&mut e.base, ahead),
            Expr::Paren(e) => self.name_projection(&mut e.expr, ahead),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
                self.name_projection(&mut e.expr, ahead)
            }
            Expr::Index(e) => {
                if is_pure(&e.index) && read_before_change(&e.index, ahead) {
                    self.bind_ahead(&mut e.index, ahead);
                } else {
                    self.name_part(&mut e.index, ahead)?;
                }
                self.name_projection(&mut e.expr, ahead)
            }
            value => {
                self.name_part(value, ahead)?;
                Ok(super::super::values::value_ident(value).cloned())
            }
        }
    }
}

/// `place` with the value bound ahead, `{ ident }`, read in place (`ident`):
/// the check borrows it, where the block would move it.
fn unwrap_value(place: &mut Expr, ident: &syn::Ident) {
    match place {
        Expr::Field(e) => unwrap_value(&mut e.base, ident),
        Expr::Paren(e) => unwrap_value(&mut e.expr, ident),
        Expr::Unary(e) => unwrap_value(&mut e.expr, ident),
        Expr::Index(e) => unwrap_value(&mut e.expr, ident),
        value => {
            if super::super::values::value_ident(value) == Some(ident) {
                *value = crate::syntax::path(ident.clone());
            }
        }
    }
}
