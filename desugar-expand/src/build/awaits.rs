//! Where the awaits are.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

pub(crate) use crate::walk::is_awaiting_macro;

/// The span of the first `.await` that belongs to this body (not to a
/// closure, async block or nested item inside it), if any.
pub(crate) fn first_await<T: AwaitSearch + ?Sized>(node: &T) -> Option<Span> {
    let mut finder = Finder(None);
    node.search(&mut finder);
    finder.0
}

/// Does `node` await, in this body?
pub(crate) fn has_await<T: AwaitSearch + ?Sized>(node: &T) -> bool {
    first_await(node).is_some()
}

/// The syntax nodes [`first_await`] searches.
pub(crate) trait AwaitSearch {
    #[doc(hidden)]
    fn search(&self, finder: &mut Finder);
}

impl AwaitSearch for syn::Expr {
    fn search(&self, finder: &mut Finder) {
        finder.visit_expr(self);
    }
}
impl AwaitSearch for syn::Stmt {
    fn search(&self, finder: &mut Finder) {
        finder.visit_stmt(self);
    }
}
impl AwaitSearch for syn::Block {
    fn search(&self, finder: &mut Finder) {
        finder.visit_block(self);
    }
}
impl AwaitSearch for syn::Pat {
    fn search(&self, finder: &mut Finder) {
        finder.visit_pat(self);
    }
}

#[doc(hidden)]
pub(crate) struct Finder(Option<Span>);

impl<'ast> Visit<'ast> for Finder {
    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        if self.0.is_some() {
            return;
        }
        if let syn::Expr::Await(e) = expr {
            // The operand runs first: an await inside it is the first one.
            self.visit_expr(&e.base);
            if self.0.is_none() {
                self.0 = Some(e.await_token.span);
            }
            return;
        }
        visit::visit_expr(self, expr);
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if self.0.is_some() {
            return;
        }
        // `stringify!` only quotes its tokens.
        if mac
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "stringify")
        {
            return;
        }
        if is_awaiting_macro(mac) {
            self.0 = Some(mac.span());
        } else {
            self.0 = await_in_tokens(mac.tokens.clone());
        }
    }
}

/// `.await` in macro input, or a call of a macro that awaits in its own
/// expansion (`vec![join!(a, b).0]`), outside `async { … }` blocks and
/// closures.
fn await_in_tokens(tokens: TokenStream) -> Option<Span> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "await" => {
                if matches!(index.checked_sub(1).map(|i| &trees[i]), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                {
                    return Some(ident.span());
                }
            }
            TokenTree::Ident(ident)
                if crate::walk::is_awaiting_macro_name(ident)
                    && matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                    && matches!(trees.get(index + 2), Some(TokenTree::Group(_))) =>
            {
                return Some(ident.span());
            }
            TokenTree::Group(group) => {
                let after_async = trees[..index]
                    .iter()
                    .rev()
                    .take(2)
                    .any(|t| matches!(t, TokenTree::Ident(i) if i == "async"));
                // `stringify!(…)` only quotes its tokens.
                let quoted = index >= 2
                    && matches!(&trees[index - 1], TokenTree::Punct(p) if p.as_char() == '!')
                    && matches!(&trees[index - 2], TokenTree::Ident(i) if i == "stringify");
                if !after_async
                    && !quoted
                    && let Some(span) = await_in_tokens(group.stream())
                {
                    return Some(span);
                }
            }
            _ => {}
        }
    }
    None
}

impl<T: AwaitSearch + ?Sized> AwaitSearch for Box<T> {
    fn search(&self, finder: &mut Finder) {
        (**self).search(finder);
    }
}
