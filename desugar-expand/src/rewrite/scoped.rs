//! The scopes a rewrite that follows locals by name walks through: the
//! bindings of a closure's parameters, an arm's pattern, a `for` loop's
//! pattern and an `if let`'s or `while let`'s patterns hide a local of the
//! same name in what they scope, and only there.
//!
//! Before: `rx.as_mut().get_mut()` in `|rx| rx.as_mut().get_mut()`
//! After:  left alone (the closure's `rx` is not the pinned local)

use syn::visit_mut::VisitMut;

/// The `VisitMut` methods of a [`Scoped`] rewrite that enter the scopes
/// this module walks, written once for each rewrite's `impl VisitMut`.
macro_rules! scoped_visits {
    () => {
        fn visit_expr_closure_mut(&mut self, closure: &mut syn::ExprClosure) {
            $crate::rewrite::scoped::closure(self, closure);
        }

        fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
            $crate::rewrite::scoped::arm(self, arm);
        }

        fn visit_expr_for_loop_mut(&mut self, e: &mut syn::ExprForLoop) {
            $crate::rewrite::scoped::for_loop(self, e);
        }

        fn visit_expr_if_mut(&mut self, e: &mut syn::ExprIf) {
            $crate::rewrite::scoped::if_let(self, e);
        }

        fn visit_expr_while_mut(&mut self, e: &mut syn::ExprWhile) {
            $crate::rewrite::scoped::while_let(self, e);
        }
    };
}
pub(crate) use scoped_visits;

/// A rewrite that follows locals by name.
pub(crate) trait Scoped: VisitMut + Sized {
    /// Runs `visit` with the bindings of `pats` hidden, and restores what
    /// was followed after it.
    fn hiding<'p>(
        &mut self,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
        visit: impl FnOnce(&mut Self),
    );
}

/// The patterns of the `let`s in `cond` (`if let`, `while let`, chains),
/// whose bindings the block after it sees.
pub(crate) fn let_patterns(cond: &syn::Expr) -> Vec<syn::Pat> {
    let mut lets = Vec::new();
    crate::build::let_parts(cond, &mut lets);
    lets.into_iter().map(|part| (*part.pat).clone()).collect()
}

pub(crate) fn closure<V: Scoped>(v: &mut V, closure: &mut syn::ExprClosure) {
    let inputs: Vec<syn::Pat> = closure.inputs.iter().cloned().collect();
    v.hiding(&inputs, |this| this.visit_expr_mut(&mut closure.body));
}

pub(crate) fn arm<V: Scoped>(v: &mut V, arm: &mut syn::Arm) {
    let pat = arm.pat.clone();
    v.hiding([&pat], |this| {
        // The guard, which syn keeps in the pattern, sees its bindings.
        this.visit_pat_mut(&mut arm.pat);
        this.visit_expr_mut(&mut arm.body);
    });
}

pub(crate) fn for_loop<V: Scoped>(v: &mut V, e: &mut syn::ExprForLoop) {
    v.visit_expr_mut(&mut e.expr);
    let pat = (*e.pat).clone();
    v.hiding([&pat], |this| this.visit_block_mut(&mut e.body));
}

pub(crate) fn if_let<V: Scoped>(v: &mut V, e: &mut syn::ExprIf) {
    v.visit_expr_mut(&mut e.cond);
    let pats = let_patterns(&e.cond);
    v.hiding(&pats, |this| this.visit_block_mut(&mut e.then_branch));
    if let Some((_, other)) = &mut e.else_branch {
        v.visit_expr_mut(other);
    }
}

pub(crate) fn while_let<V: Scoped>(v: &mut V, e: &mut syn::ExprWhile) {
    v.visit_expr_mut(&mut e.cond);
    let pats = let_patterns(&e.cond);
    v.hiding(&pats, |this| this.visit_block_mut(&mut e.body));
}
