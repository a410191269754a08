//! The check's copy of a call's arguments takes every place they name as a
//! value of its type, so that its closure captures none of them by value:
//! a capture by value of something with a drop would hide the answer about
//! the receiver.
//!
//! Before: `bag.map_with(Some(name), &other.field)`
//! After:  `__value.map_with(Some(Typed::of(&(name)).value()), &Typed::of(&(other.field)).value())`
//!
//! Before: `bag.count(mk())` (`mk` a local closure, or a function)
//! After:  `__value.count(Typed::of(&(mk)).value()())`
//!
//! Before: `log(raw.parse()?)` (the `?` rewritten: `match Branch::branch(..)`)
//! After:  `(__value)(value_of(continue_of(type_of(&(raw.parse())))))`
//!
//! The compiler types each one as the place it stands for, and coerces it
//! as it would the place (`.select(is_even)`, a fn item given for a fn
//! pointer); the copy runs never, so taking a value out of a borrowed place
//! is not checked.

use syn::Expr;
use syn::visit_mut::{self, VisitMut};

use crate::names;

/// `arg` with each place it reads written as a value of its type.
pub(super) fn places_as_values(arg: &mut Expr) {
    PlacesAsValues.visit_expr_mut(arg);
}

struct PlacesAsValues;

impl VisitMut for PlacesAsValues {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if super::super::lead::is_place_syntax(expr) {
            let private = names::private();
            let place = expr.clone();
            *expr = Expr::Verbatim(quote::quote!(#private::Typed::of(&(#place)).value()));
            return;
        }
        match expr {
            // `raw.parse()?` (as a `?` became): a value of the type the `?`
            // continues with, whose `return` the copy does not make.
            Expr::Match(m) if super::super::earlier::tried(m).is_some() => {
                let private = names::private();
                let Some(mut tried) = super::super::earlier::tried(m).cloned() else {
                    return;
                };
                self.visit_expr_mut(&mut tried);
                *expr = Expr::Verbatim(quote::quote!(
                    #private::value_of(#private::continue_of(#private::type_of(&(#tried))))
                ));
            }
            // A callee named by a path is a function, not a value to take;
            // but one plain name may be a local closure, which a call
            // moving it (`mk()`, `FnOnce`) would make the closure own.
            // Given as a value of its type, a function is called alike.
            Expr::Call(call) => {
                for arg in call.args.iter_mut() {
                    self.visit_expr_mut(arg);
                }
                if !matches!(&*call.func, Expr::Path(path) if !may_be_local(path)) {
                    self.visit_expr_mut(&mut call.func);
                }
            }
            // What an assignment writes stays a place.
            Expr::Assign(assign) => self.visit_expr_mut(&mut assign.right),
            Expr::Binary(binary) if crate::syntax::is_compound_assignment(&binary.op) => {
                self.visit_expr_mut(&mut binary.right);
            }
            // `S { name }` names its field too: written out in full.
            Expr::Struct(literal) => {
                for field in literal.fields.iter_mut() {
                    field.colon_token.get_or_insert_with(Default::default);
                    self.visit_expr_mut(&mut field.expr);
                }
                if let Some(rest) = &mut literal.rest {
                    self.visit_expr_mut(rest);
                }
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    // Their bodies are not copied by the check (see `typed_by_later_code`).
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Could `path` name a local: one name, with no generic arguments?
fn may_be_local(path: &syn::ExprPath) -> bool {
    path.qself.is_none()
        && path.path.leading_colon.is_none()
        && path.path.segments.len() == 1
        && path.path.segments[0].arguments.is_none()
}
