//! Uses of homed locals, rewritten to go through the home.
//!
//! Before (user code, `data` homed):
//! `let n = data.len(); consume(data); data = String::new();`
//!
//! After:
//! ```text
//! let n = (*data).len();                       // `data` is now `&mut String`
//! consume(__home_data.take());                 // moved out (an `unsafe` call): the guard stops owning it
//! __home_data.set(String::new());              // assigned: the guard owns it again
//! ```
//!
//! The guard is the local's drop flag: a conditional move leaves it armed on
//! the path that did not move, exactly like rustc's own drop flags.
//!
//! Uses of a renamed local (kept while shadowed) name its hidden name:
//! `x.len()` becomes `__shadowed_x.len()`; those of a flagged one go
//! through its `Flagged` (`(*__flagged_x.place()).len()`).

use proc_macro2::Span;
use syn::Expr;

use super::layout::Layout;
use crate::ir::{LocalId, MentionKind};
use crate::names;
use crate::walk::{self, Scope};

/// The guard that owns a homed local's value.
pub(crate) fn guard(field: &syn::Ident) -> syn::Ident {
    names::hidden(&format!("__home_{field}"))
}

/// A renamed local's hidden name, pointing at the user's use of it.
fn located(hidden: &syn::Ident, span: Span) -> syn::Ident {
    syn::Ident::new(&hidden.to_string(), hidden.span().located_at(span))
}

/// A use of a flagged local (see `__private::Flagged`): a move asks it for
/// its value, any other use reads it in place. (It is not reached mutably:
/// see `Facts::flaggable`.)
fn flagged(kind: MentionKind, hidden: &syn::Ident) -> Expr {
    let private = names::private();
    match kind {
        MentionKind::Value => syn::parse_quote!({
            use #private::{FetchCopy as _, FetchMove as _};
            (&mut &mut #hidden).fetch()
        }),
        _ => syn::parse_quote!((*#hidden.place())),
    }
}

/// Rewrites the uses of homed locals in a statement.
pub(crate) fn stmt(stmt: &syn::Stmt, scope: &Scope, layout: &Layout) -> syn::Stmt {
    let mut stmt = stmt.clone();
    walk::stmt(&mut stmt, scope, &mut HomedUses { layout });
    stmt
}

/// Rewrites the uses of homed locals in an expression evaluated as a value.
pub(crate) fn expr(expr: &Expr, scope: &Scope, layout: &Layout) -> Expr {
    let mut expr = expr.clone();
    walk::expr(&mut expr, scope, &mut HomedUses { layout });
    expr
}

/// Rewrites a `match` scrutinee (a place: arms may bind into it).
pub(crate) fn scrutinee(expr: &Expr, scope: &Scope, layout: &Layout) -> Expr {
    let mut expr = expr.clone();
    let kind = MentionKind::Place {
        may_move: false,
        lasting: true,
    };
    walk::place(&mut expr, kind, scope, &mut HomedUses { layout });
    expr
}

/// Rewrites a match arm's guard.
pub(crate) fn pat(pat: &syn::Pat, scope: &Scope, layout: &Layout) -> syn::Pat {
    let mut pat = pat.clone();
    walk::pat(&mut pat, scope, &mut HomedUses { layout });
    pat
}

struct HomedUses<'a> {
    layout: &'a Layout,
}

impl walk::Visitor for HomedUses<'_> {
    /// `format!("{x}")` with `x` homed names the arm's reference (or, for a
    /// local without one, nothing): pass the value explicitly,
    /// `format!("{x}", x = (*x))`, which also lets a closure or async block
    /// capture `*x` rather than the arm's own reference.
    fn inline_capture(&mut self, local: LocalId, name: &syn::Ident) -> Option<Expr> {
        if let Some(hidden) = self.layout.renamed(local) {
            let hidden = located(hidden, name.span());
            if self.layout.is_flagged(local) {
                return Some(syn::parse_quote!((*#hidden.place())));
            }
            return Some(syn::parse_quote!(#hidden));
        }
        if !self.layout.is_homed(local) {
            return None;
        }
        if self.layout.is_deferred(local) {
            let guard = guard(self.layout.field(local));
            // SAFETY: as for `Home::place`: used by the user's code within
            // the local's scope only, as rustc checked in the twin.
            return Some(syn::parse_quote_spanned!(name.span()=> (*unsafe { #guard.place_mut() })));
        }
        Some(syn::parse_quote_spanned!(name.span()=> (*#name)))
    }

    fn reborrows(&self, local: LocalId) -> bool {
        self.layout.is_unique(local)
    }

    fn mention(&mut self, local: LocalId, kind: MentionKind, expr: Option<&mut Expr>, span: Span) {
        if let Some(hidden) = self.layout.renamed(local) {
            // A renamed local has no use inside a macro the expansion
            // cannot read (`expr` is `None` there only).
            let hidden = located(hidden, span);
            match expr {
                Some(expr) if self.layout.is_flagged(local) => *expr = flagged(kind, &hidden),
                Some(Expr::Assign(assign)) => *assign.left = syn::parse_quote!(#hidden),
                Some(expr) => *expr = syn::parse_quote!(#hidden),
                None => {}
            }
            return;
        }
        if !self.layout.is_homed(local) {
            return;
        }
        // Uses the expansion cannot rewrite were reported by the analysis.
        let Some(expr) = expr else { return };
        let guard = guard(self.layout.field(local));
        match kind {
            MentionKind::Value => {
                // SAFETY: rustc accepted the twin, where this is a move or
                // copy of an initialized local, so the home holds a value.
                *expr = syn::parse_quote_spanned!(span=> (unsafe { #guard.take() }));
            }
            // A borrow that may be kept in the state (`for x in &v`) takes a
            // fresh reference from the guard, so it is not tied to the arm's
            // own reference and later uses of `v` in the arm do not conflict
            // with it; so do all uses of a local declared without a value,
            // whose home may be empty (it has no reference of its own).
            // rustc checked these very uses in the twin.
            MentionKind::Place { .. } | MentionKind::Capture { by_move: false }
                if self.layout.is_deferred(local)
                    || matches!(kind, MentionKind::Place { lasting: true, .. }) =>
            {
                let place =
                    if self.layout.is_reached_mutably(local) || self.layout.is_deferred(local) {
                        quote::quote_spanned!(span=> place_mut)
                    } else {
                        quote::quote_spanned!(span=> place)
                    };
                // SAFETY: as for the arm's reference to the home (see
                // `Home::place`): used within the local's scope only.
                *expr = syn::parse_quote_spanned!(span=> (*unsafe { #guard.#place() }));
            }
            // Other uses go through the arm's reference: `(*v).len()`; a
            // closure captures through it too, never the guard itself, which
            // moves into the state at the next await.
            MentionKind::Place { .. } | MentionKind::Capture { by_move: false } => {
                if let Expr::Path(path) = &*expr {
                    let path = path.clone();
                    *expr = syn::parse_quote_spanned!(span=> (*#path));
                }
            }
            MentionKind::Assign => {
                if let Expr::Assign(assign) = &*expr {
                    let value = &assign.right;
                    *expr = syn::parse_quote_spanned!(span=> #guard.set(#value));
                }
            }
            MentionKind::Capture { by_move: true } | MentionKind::Opaque => {}
        }
    }
}
