//! A braced macro call that ends a block, without a `;`, is the block's
//! tail expression, as rustc reads it (`tokio::select! { .. }` as a fn's or
//! an arm's last expression); syn parses it as a statement. Made an
//! expression here, before anything reads the body, for the macros known to
//! give a value: others may expand to statements, and stay one.
//!
//! Before: `{ let a = fetch(); select! { x = a => x, .. } }` (a `Stmt::Macro`)
//! After:  the same tokens, the last a `Stmt::Expr(Expr::Macro(..), None)`

use syn::visit_mut::{self, VisitMut};

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    BracedTails.visit_block_mut(body);
}

struct BracedTails;

impl VisitMut for BracedTails {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        if let Some(last) = block.stmts.last_mut() {
            as_tail(last);
        }
        visit_mut::visit_block_mut(self, block);
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

fn as_tail(last: &mut syn::Stmt) {
    let syn::Stmt::Macro(mac) = last else {
        return;
    };
    if mac.semi_token.is_some() || !crate::walk::gives_value(&mac.mac) {
        return;
    }
    let expr = syn::Expr::Macro(syn::ExprMacro {
        attrs: std::mem::take(&mut mac.attrs),
        mac: mac.mac.clone(),
    });
    *last = syn::Stmt::Expr(expr, None);
}
