//! `std::task::ready!(poll)` (and `futures::ready!`) is a `match` that
//! gives the value of a `Poll::Ready` and returns `Poll::Pending` from the
//! closure or fn around it. Its tokens are an expression the expansion
//! could read, but a macro it does not know is out of sight: a local kept
//! in place named there (`ready!(f.as_mut().poll(cx))` in a `poll_fn`
//! closure, `f` a pinned local the closure borrows across its await)
//! could not be rewritten to its home, and the build stopped. So each call
//! is written out as the `match` it expands to, which the walk reads like
//! any other code: the same scrutinee, the same arms, the same `return`.
//!
//! Before: `let v = ready!(f.as_mut().poll(cx));`
//! After:  `let v = match f.as_mut().poll(cx) { ::core::task::Poll::Ready(__ready) => __ready,`
//!         `            ::core::task::Poll::Pending => { return ::core::task::Poll::Pending; } };`
//!
//! Also inside closures and `async` blocks, whose uses of the fn's locals
//! the walk rewrites; not inside items, which see no local. A `ready!` by
//! another path than `std::task`'s, `core::task`'s or the `futures`
//! crates' is left alone, and so is every call where the body defines a
//! `macro_rules! ready` of its own.

use quote::quote_spanned;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};

use crate::names;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    if defines_ready(body) {
        return;
    }
    Calls.visit_block_mut(body);
}

struct Calls;

impl VisitMut for Calls {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Macro(mac) = expr
            && mac.attrs.is_empty()
            && let Some(written) = written_out(&mac.mac)
        {
            *expr = written;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(mac) = stmt
            && mac.attrs.is_empty()
            && let Some(written) = written_out(&mac.mac)
        {
            *stmt = syn::Stmt::Expr(written, mac.semi_token);
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The `match` that `mac` expands to, if it is a `ready!` of the standard
/// library or of `futures`, given one expression.
fn written_out(mac: &syn::Macro) -> Option<syn::Expr> {
    let names: Vec<String> = mac
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let known = match names
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["ready"] => true,
        [.., "task", "ready"] => matches!(names[0].as_str(), "std" | "core" | "task"),
        [krate, "ready"] => matches!(*krate, "futures" | "futures_core" | "futures_util"),
        _ => false,
    };
    if !known || mac.path.segments.iter().any(|s| !s.arguments.is_none()) {
        return None;
    }
    let poll: syn::Expr = mac
        .parse_body_with(|input: syn::parse::ParseStream| {
            let poll: syn::Expr = input.parse()?;
            if input.peek(syn::Token![,]) {
                input.parse::<syn::Token![,]>()?;
            }
            Ok(poll)
        })
        .ok()?;
    let span = mac.path.span();
    let value = names::hidden("__ready");
    syn::parse2(quote_spanned! {span=>
        match #poll {
            ::core::task::Poll::Ready(#value) => #value,
            ::core::task::Poll::Pending => {
                return ::core::task::Poll::Pending;
            }
        }
    })
    .ok()
}

/// Does the body define a `macro_rules! ready` (anywhere: its calls may be
/// in its scope)?
fn defines_ready(body: &syn::Block) -> bool {
    struct Finder(bool);
    impl Visit<'_> for Finder {
        fn visit_item_macro(&mut self, def: &syn::ItemMacro) {
            self.0 |= def.mac.path.is_ident("macro_rules")
                && def.ident.as_ref().is_some_and(|name| name == "ready");
        }
    }
    let mut finder = Finder(false);
    finder.visit_block(body);
    finder.0
}
