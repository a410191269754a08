//! Statements a condition may leave in place without a machine of their
//! own: code that touches nothing the analysis follows. Such a statement
//! (`#[cfg(feature = "metrics")] metrics::count("hits");`) stays in the
//! one machine with its `#[cfg(..)]`, and rustc keeps it or not there as
//! in the twin: it awaits nothing, jumps nowhere (no `break`, `continue`,
//! `return` or `?`), declares nothing, makes no closure or `async` block,
//! calls no macro (whose expansion is out of sight), and names no local
//! of the fn (no name any pattern of the fn binds, `self` included).

use std::collections::HashSet;

use syn::visit::{self, Visit};

/// Every name a pattern of the fn binds (parameters, `let`s, arms,
/// closures' parameters), and `self` for a method.
pub(super) fn bound_names(item: &syn::ItemFn) -> HashSet<String> {
    struct Names(HashSet<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            self.0.insert(pat.ident.to_string());
            visit::visit_pat_ident(self, pat);
        }
        fn visit_receiver(&mut self, receiver: &'ast syn::Receiver) {
            self.0.insert("self".to_owned());
            visit::visit_receiver(self, receiver);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut names = Names(HashSet::new());
    names.visit_signature(&item.sig);
    names.visit_block(&item.block);
    names.0
}

/// Is `stmt` such a statement, given the names the fn binds?
pub(super) fn is_inert(stmt: &syn::Stmt, bound: &HashSet<String>) -> bool {
    struct Finder<'a> {
        bound: &'a HashSet<String>,
        inert: bool,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr(&mut self, expr: &'ast syn::Expr) {
            use syn::Expr;
            if matches!(
                expr,
                Expr::Await(_)
                    | Expr::Break(_)
                    | Expr::Continue(_)
                    | Expr::Return(_)
                    | Expr::Try(_)
                    | Expr::Yield(_)
                    | Expr::Closure(_)
                    | Expr::Async(_)
                    | Expr::Let(_)
            ) {
                self.inert = false;
            }
            visit::visit_expr(self, expr);
        }
        fn visit_macro(&mut self, _: &'ast syn::Macro) {
            self.inert = false;
        }
        fn visit_ident(&mut self, ident: &'ast proc_macro2::Ident) {
            self.inert &= !self.bound.contains(&ident.to_string());
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {
            self.inert = false;
        }
    }
    let syn::Stmt::Expr(expr, Some(_)) = stmt else {
        return false;
    };
    let mut finder = Finder { bound, inert: true };
    finder.visit_expr(expr);
    finder.inert
}
