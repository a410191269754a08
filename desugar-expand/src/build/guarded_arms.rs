//! A guarded arm whose body awaits, in a `match` on a place reached
//! through `&mut`: its bindings made again once the guard holds.
//!
//! rustc makes a guarded arm's bindings before it runs the guard, which
//! reads them, so where the guard fails the next arm is tried with the
//! guard's borrows taken. In rustc's future those borrows end there,
//! unused. In the machine, a binding the body keeps across its await is a
//! field of the state, whose borrows outlive the whole step closure: the
//! borrow checker sees the guard's `&mut` still held where a later arm
//! binds the same part (E0499). So the body binds the pattern again, from
//! the same place, which matches again as it did (the guard cannot change
//! it): the guard's bindings end with the guard, and only the body's, made
//! after it held, are kept.
//!
//! Before: `match &mut v { Some(n) if flag => { x.await; *n } Some(n) => *n, None => 0 }`
//! After:  `match &mut v { Some(n) if flag => { let Some(n) = &mut v else { unreachable!() }; x.await; *n } .. }`

use syn::Expr;
use syn::spanned::Spanned;

use super::awaits::has_await;
use crate::walk;

/// The statement that binds `arm`'s pattern again at the start of its
/// body, where the arm is guarded, its body awaits, and the scrutinee is a
/// place matched through `&mut` (`&mut v`, `&mut h.slot`, `&mut *c`, or a local
/// visibly a `&mut`: `cur` with `let mut cur = &mut head;`), which
/// matching again reads without running any code, and whose patterns bind
/// references or copies, never a move. `unique`: is a name a local
/// visibly a `&mut`?
pub(super) fn rebinding(
    arm: &syn::Arm,
    scrutinee: &Expr,
    unique: impl Fn(&Expr) -> bool,
) -> Option<syn::Stmt> {
    let syn::Pat::Guard(guarded) = &arm.pat else {
        return None;
    };
    let through_mut = match walk::strip_parens(scrutinee) {
        Expr::Reference(r) => r.mutability.is_some() && is_place(&r.expr),
        path @ Expr::Path(_) => unique(path),
        _ => false,
    };
    if !through_mut || !has_await(&*arm.body) || walk::patterns::bindings(&guarded.pat).is_empty() {
        return None;
    }
    let pat = &guarded.pat;
    Some(syn::parse_quote_spanned! {pat.span()=>
        let #pat = #scrutinee else { ::core::unreachable!() };
    })
}

/// A local, a field of one or what one points to (`*c`, with `c` a
/// binding of `v.iter_mut()`), which naming again reads as before.
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(p) => p.qself.is_none(),
        Expr::Field(e) => is_place(&e.base),
        Expr::Unary(e) => matches!(e.op, syn::UnOp::Deref(_)) && is_place(&e.expr),
        Expr::Paren(e) => is_place(&e.expr),
        _ => false,
    }
}
