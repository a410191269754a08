//! `futures::poll!(fut)` polls `fut` once by awaiting a future that does
//! so inside its own expansion, which `#[desugar]` cannot see. The same
//! future, awaited in the body, is an await like any other (its operand
//! may borrow a local, which is then kept in place).
//!
//! Before: `let first = futures::poll!(fut.as_mut());`
//! After:  `let first = ::desugar::__private::poll_once(fut.as_mut()).await;`
//!
//! A `poll!` by another path is taken for `futures`' (`use futures::poll;`,
//! `futures_util::poll!`).

use quote::quote_spanned;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use crate::names;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    PollMacros.visit_block_mut(body);
}

struct PollMacros;

/// The await that stands for `mac`, if it is a `poll!`.
fn awaited(mac: &syn::Macro) -> Option<syn::Expr> {
    if mac.path.segments.last()?.ident != "poll" {
        return None;
    }
    let future: syn::Expr = mac.parse_body().ok()?;
    let span = mac.path.span();
    let private = names::private();
    syn::parse2(quote_spanned! {span=> #private::poll_once(#future).await }).ok()
}

impl VisitMut for PollMacros {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Macro(mac) = expr
            && let Some(awaited) = awaited(&mac.mac)
        {
            *expr = awaited;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(mac) = stmt
            && let Some(awaited) = awaited(&mac.mac)
        {
            *stmt = syn::Stmt::Expr(awaited, mac.semi_token);
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
