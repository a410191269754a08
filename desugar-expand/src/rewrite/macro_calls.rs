//! The walk the macro-call rewrites share (`assertions`, `poll_macro`):
//! each macro call in the body, as an expression or a statement, that the
//! rewrite has an expression for is replaced by it, and the replacement is
//! walked in turn (a `debug_assert!` becomes an `if` holding an `assert!`).
//! Closures, `async` blocks and items are left alone: their bodies are not
//! lowered, rustc reads them as written.
//!
//! Before: `poll!(fut.as_mut());` (a statement)
//! After:  `::desugar::__private::poll_once(fut.as_mut()).await;`

use syn::visit_mut::{self, VisitMut};

pub(crate) fn replace(body: &mut syn::Block, with: impl FnMut(&syn::Macro) -> Option<syn::Expr>) {
    Replace(with).visit_block_mut(body);
}

struct Replace<F>(F);

impl<F: FnMut(&syn::Macro) -> Option<syn::Expr>> VisitMut for Replace<F> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Macro(mac) = expr
            && let Some(replacement) = (self.0)(&mac.mac)
        {
            *expr = replacement;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(mac) = stmt
            && let Some(replacement) = (self.0)(&mac.mac)
        {
            *stmt = syn::Stmt::Expr(replacement, mac.semi_token);
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
