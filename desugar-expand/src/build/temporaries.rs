//! Borrowed temporaries at the start of an awaited expression.
//!
//! `fetch(&format!("{base}/x")).await`: rustc keeps the `String` alive until
//! the end of the statement, across the suspension, because the future
//! borrows it. The builder names such temporaries so they can be kept too.
//! Only temporaries that the operand evaluates first qualify (everything
//! before them is a path or literal), so naming them earlier changes no
//! order of evaluation.

use quote::ToTokens;
use syn::Expr;
use syn::visit_mut::{self, VisitMut};

use super::awaits::has_await;
use crate::walk;

/// Replaces each leading `&value` / `&mut value` argument of the operand's
/// call chain with a borrow of a new local, and returns the locals with the
/// values they are initialized with, in evaluation order.
pub(crate) fn leading(
    operand: &mut Expr,
    mut name: impl FnMut() -> syn::Ident,
) -> Vec<(syn::Ident, Expr)> {
    let mut out = Vec::new();
    hoist(operand, &mut name, &mut out);
    out
}

/// The temporaries of a scrutinee that syntax can name: those of
/// [`leading`], and the value whose field the scrutinee reads
/// (`m.lock().unwrap().mode`: the guard). Nothing else runs before them.
pub(crate) fn of_scrutinee(
    scrutinee: &mut Expr,
    mut name: impl FnMut() -> syn::Ident,
) -> Vec<(syn::Ident, Expr)> {
    let mut out = Vec::new();
    if matches!(scrutinee, Expr::Field(_)) {
        let mut place = &mut *scrutinee;
        while let Expr::Field(field) = place {
            place = &mut *field.base;
        }
        if is_value(place) && !has_await(&*place) {
            let ident = name();
            let value = std::mem::replace(place, syn::parse_quote!(#ident));
            out.push((ident, value));
        }
        return out;
    }
    hoist(scrutinee, &mut name, &mut out);
    out
}

/// Returns whether everything in `expr` was pure or hoisted, so that what
/// follows it may be hoisted too.
fn hoist(
    expr: &mut Expr,
    name: &mut impl FnMut() -> syn::Ident,
    out: &mut Vec<(syn::Ident, Expr)>,
) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Paren(e) => hoist(&mut e.expr, name, out),
        Expr::Reference(e) if is_value(&e.expr) && !has_await(&*e.expr) => {
            let ident = name();
            let value = std::mem::replace(&mut *e.expr, syn::parse_quote!(#ident));
            out.push((ident, value));
            true
        }
        Expr::Reference(e) => is_place(&e.expr),
        Expr::Call(e) => {
            hoist(&mut e.func, name, out) && e.args.iter_mut().all(|arg| hoist(arg, name, out))
        }
        Expr::MethodCall(e) => {
            hoist(&mut e.receiver, name, out) && e.args.iter_mut().all(|arg| hoist(arg, name, out))
        }
        _ => false,
    }
}

/// A value expression whose whole value becomes the temporary: a call, a
/// macro, a literal aggregate. (`&f().field` borrows part of a temporary:
/// naming just the field would drop the rest early, so it is left alone.)
fn is_value(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Call(_)
            | Expr::MethodCall(_)
            | Expr::Macro(_)
            | Expr::Struct(_)
            | Expr::Tuple(_)
            | Expr::Binary(_)
    )
}

/// A place built from paths and fields only (no calls, so no effects):
/// borrowing it creates no temporary.
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(e) => is_place(&e.base),
        Expr::Paren(e) => is_place(&e.expr),
        _ => false,
    }
}

/// Where the temporaries of an await in an `if` condition can drop.
pub(crate) enum ConditionEnd {
    /// The drops are in place, at the end of the condition.
    Dropped,
    /// The condition has awaits left to take out first.
    Awaiting,
    /// No condition holds the await: they drop with the statement.
    NotFound,
}

/// Drops `temporaries` where the `if` condition holding `marker` (the
/// awaited value, once the await is taken out) ends: a condition is a
/// terminating scope, so rustc drops its temporaries before the branch runs.
///
/// Before: `if { __result } < 8 { a(); }` (from `if check(&Probe::new("t")).await < 8`)
/// After:  `if { let __condition2 = { __result } < 8; drop(__temporary1); __condition2 } { a(); }`
pub(crate) fn drop_where_condition_ends(
    stmt: &mut syn::Stmt,
    marker: &syn::Ident,
    temporaries: &[syn::Ident],
    value: &syn::Ident,
) -> ConditionEnd {
    let mut wrap = Wrap {
        marker: marker.to_string(),
        temporaries,
        value,
        found: ConditionEnd::NotFound,
    };
    wrap.visit_stmt_mut(stmt);
    wrap.found
}

struct Wrap<'a> {
    marker: String,
    temporaries: &'a [syn::Ident],
    value: &'a syn::Ident,
    found: ConditionEnd,
}

impl VisitMut for Wrap<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if !matches!(self.found, ConditionEnd::NotFound) {
            return;
        }
        match expr {
            Expr::If(e) => {
                // The innermost condition holding the await is the one that ends first.
                self.visit_expr_mut(&mut e.cond);
                if !matches!(self.found, ConditionEnd::NotFound)
                    || !walk::mentions(&e.cond.to_token_stream(), &self.marker)
                {
                    return;
                }
                if has_await(&*e.cond) {
                    self.found = ConditionEnd::Awaiting;
                    return;
                }
                let (cond, value) = (&e.cond, self.value);
                let drops = self.temporaries.iter().rev();
                e.cond = syn::parse_quote!({
                    let #value = #cond;
                    #(::core::mem::drop(#drops);)*
                    #value
                });
                self.found = ConditionEnd::Dropped;
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
