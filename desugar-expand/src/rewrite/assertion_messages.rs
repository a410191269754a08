//! The message of an `assert!` whose condition the expansion rewrites,
//! said explicitly before any rewrite.
//!
//! rustc's `assert!(cond)` fails with `"assertion failed: <cond>"`, printed
//! from the tokens the macro is given. The expansion rewrites some of them
//! (an await becomes the awaited value, `?` a `match`, `self` a hidden
//! local), and the message would print the rewrite. So the message is
//! written out from the user's tokens first, printed as rustc's
//! pretty-printer prints the expression (`build::printed`: spacing and
//! line breaks), as a literal with no arguments: the panic's payload is a
//! `&'static str`, as rustc's is.
//!
//! Before: `assert!(get(v).await? > 3);`
//! After:  `assert!(get(v).await? > 3, "assertion failed: get(v).await? > 3");`

use proc_macro2::{Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit::Visit;
use syn::visit_mut::VisitMut;

use crate::build::{compact, first_await, has_early_exit, printed};
use crate::walk::MacroArgs;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    Messages.visit_block_mut(body);
}

struct Messages;

impl VisitMut for Messages {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(condition) = rewritten_condition(mac) {
            let mut tokens = condition.clone();
            tokens.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
            message(condition).to_tokens(&mut tokens);
            mac.tokens = tokens;
            formats_message(mac);
            return;
        }
        // An assertion inside another macro's arguments (`vec![{
        // assert!(ok(x).await); x }]`).
        if let Some(mut args) = MacroArgs::parse(mac) {
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            args.write_back(&mut mac.tokens);
        }
    }

    // A nested item's code is its own.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// What rustc's `assert!` says where `condition` fails, as a format
/// string: braces doubled, no arguments.
pub(crate) fn message(condition: TokenStream) -> syn::LitStr {
    let span = syn::spanned::Spanned::span(&condition);
    let text = match syn::parse2::<syn::Expr>(condition.clone()) {
        Ok(expr) => printed(&expr),
        Err(_) => compact(condition),
    };
    let text = text.replace('{', "{{").replace('}', "}}");
    syn::LitStr::new(&format!("assertion failed: {text}"), span)
}

/// The `assert!` call read in the expansion's edition (Rust 2024), not
/// the user's: before Rust 2021 a message without arguments is printed as
/// it is, with its braces doubled. (The name keeps its place in the
/// user's code, for the panic's location, and resolves as written there.)
pub(crate) fn formats_message(mac: &mut syn::Macro) {
    for segment in &mut mac.path.segments {
        let span = segment.ident.span();
        segment.ident.set_span(Span::call_site().located_at(span));
    }
}

/// The condition's tokens, as written (without a trailing comma), of an
/// `assert!`/`debug_assert!` given no message whose condition the
/// expansion rewrites.
fn rewritten_condition(mac: &syn::Macro) -> Option<TokenStream> {
    let name = &mac.path.segments.last()?.ident;
    if name != "assert" && name != "debug_assert" {
        return None;
    }
    let mut trees: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
    if matches!(trees.last(), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        trees.pop();
    }
    let condition: TokenStream = trees.into_iter().collect();
    let expr: syn::Expr = syn::parse2(condition.clone()).ok()?;
    (first_await(&expr).is_some() || exits(&expr) || names_self(condition.clone()))
        .then_some(condition)
}

/// A `?` or `return` of the fn's own (not a closure's or an `async`
/// block's), which `rewrite::early_exit` rewrites.
fn exits(expr: &syn::Expr) -> bool {
    struct Exits(bool);
    impl<'ast> Visit<'ast> for Exits {
        fn visit_expr(&mut self, expr: &'ast syn::Expr) {
            self.0 |= matches!(expr, syn::Expr::Try(_) | syn::Expr::Return(_));
            syn::visit::visit_expr(self, expr);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0 |= has_early_exit(mac.tokens.clone());
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut exits = Exits(false);
    exits.visit_expr(expr);
    exits.0
}

/// `self`, which `rewrite::receiver` renames (not `self::path`).
fn names_self(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(index, tree)| match tree {
        TokenTree::Ident(ident) => {
            ident == "self"
                && !matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':')
        }
        TokenTree::Group(group) => names_self(group.stream()),
        _ => false,
    })
}
