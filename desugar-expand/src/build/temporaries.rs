//! Borrowed temporaries at the start of an awaited expression.
//!
//! `fetch(&format!("{base}/x")).await`: rustc keeps the `String` alive until
//! the end of the statement, across the suspension, because the future
//! borrows it. The builder names such temporaries so they can be kept too.
//! Only temporaries that the operand evaluates first qualify (everything
//! before them is a path or literal), so naming them earlier changes no
//! order of evaluation.

use syn::Expr;

use super::awaits::has_await;

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
