//! `self` cannot be the name of a local, and the body runs inside a closure
//! whose locals are restored from the state enum, so the receiver becomes an
//! ordinary local named `__self`.
//!
//! Before: `self.count += x; println!("{}", self.name);`
//! After:  `__self.count += x; println!("{}", __self.name);`
//!
//! Nested items keep their own `self`; in macro arguments every `self` token
//! not followed by `::` (a path such as `self::module`) is renamed.

use proc_macro2::{Group, TokenStream, TokenTree};
use syn::visit_mut::VisitMut;

use crate::signature::receiver_ident;

/// Renames the receiver throughout `body`.
pub(crate) fn rename_self(body: &mut syn::Block) {
    RenameSelf.visit_block_mut(body);
}

struct RenameSelf;

impl VisitMut for RenameSelf {
    fn visit_expr_path_mut(&mut self, expr: &mut syn::ExprPath) {
        if expr.qself.is_none() && expr.path.segments.len() == 1 {
            let segment = &mut expr.path.segments[0];
            if segment.ident == "self" {
                segment.ident = receiver_ident(segment.ident.span());
            }
        }
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = rename_in_tokens(mac.tokens.clone());
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {
        // A nested item's `self` is its own.
    }
}

fn rename_in_tokens(tokens: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tree) = iter.next() {
        out.push(match tree {
            TokenTree::Ident(ident) if ident == "self" => {
                let is_path =
                    matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                if is_path {
                    TokenTree::Ident(ident)
                } else {
                    TokenTree::Ident(receiver_ident(ident.span()))
                }
            }
            TokenTree::Group(group) => {
                let mut renamed = Group::new(group.delimiter(), rename_in_tokens(group.stream()));
                renamed.set_span(group.span());
                TokenTree::Group(renamed)
            }
            other => other,
        });
    }
    out.into_iter().collect()
}
