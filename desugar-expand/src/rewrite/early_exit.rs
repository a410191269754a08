//! `?` and `return` leave the async fn's body; inside the step closure they
//! must finish the future instead of returning from the closure.
//!
//! Before: `let n = parse(s)?;` and `return Err(e);`
//!
//! After:
//! ```text
//! let n = match Branch::branch(parse(s)) {
//!     ControlFlow::Continue(v) => v,
//!     ControlFlow::Break(r) => return Poll::Ready(FromResidual::from_residual(r)),
//! };
//! return Poll::Ready(Err(e));
//! ```
//!
//! Closures, async blocks and nested items have their own `return` and `?`:
//! they are left alone.

use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use crate::names;

/// Rewrites every `?` and `return` that exits `body`.
pub(crate) fn rewrite_body(body: &mut syn::Block) {
    EarlyExit.visit_block_mut(body);
}

/// `return Poll::Ready(value)`, spanned at the user's expression.
pub(crate) fn finish(value: &syn::Expr) -> syn::Expr {
    let private = names::private();
    let span = value.span();
    let mut finish = syn::parse_quote_spanned!(span=> return #private::Poll::Ready(()));
    if let syn::Expr::Return(syn::ExprReturn {
        expr: Some(ready), ..
    }) = &mut finish
    {
        put_operand(ready, value.clone());
    }
    finish
}

/// Puts the user's expression into a call parsed with `()` in its place:
/// the rewrite parses only its own few tokens, not the user's expression
/// again (parsing is most of a proc macro's time: `crate::syntax`).
fn put_operand(call: &mut syn::Expr, operand: syn::Expr) {
    if let syn::Expr::Call(call) = call {
        call.args = std::iter::once(operand).collect();
    }
}

struct EarlyExit;

impl EarlyExit {
    /// A macro of the user's own, whose arguments read as expressions
    /// (`log!("{}", n?)`, `some_or!(x, return None)`): they are rewritten
    /// as code, since the macro puts them in the step's code, where a `?`
    /// or `return` left as written would leave the step, not finish the
    /// future (E0308, or E0277 for an `Option`'s `?`). What the macro's own
    /// definition holds is out of sight (README, "Macros of your own").
    ///
    /// Before: `log!("{}", s.parse::<u32>().ok()?);`
    /// After:  `log!("{}", match Branch::branch(s.parse::<u32>().ok()) { .. });`
    fn own_macro(&mut self, mac: &mut syn::Macro) {
        if !crate::walk::is_own_macro(mac) || !crate::build::has_early_exit(mac.tokens.clone()) {
            return;
        }
        let Ok(mut args) =
            mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        else {
            return;
        };
        for arg in &mut args {
            self.visit_expr_mut(arg);
        }
        // Left as written where nothing changed (a `?` in a closure there):
        // a macro that prints its tokens prints them as the user wrote them.
        let rewritten = args.into_token_stream();
        if rewritten.to_string() != mac.tokens.to_string() {
            mac.tokens = rewritten;
        }
    }
}

impl VisitMut for EarlyExit {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        visit_mut::visit_expr_mut(self, expr);
        let private = names::private();
        match expr {
            syn::Expr::Try(try_expr) => {
                let span = try_expr.question_token.span;
                // What `?` stands for is located at the `?`, so that a `?`
                // rustc rejects is reported there rather than at
                // `#[desugar]`; the user's operand keeps its own spans.
                let at = |tokens| names::located_at(tokens, span);
                let value = at(names::hidden("__value").into_token_stream());
                let residual = at(names::hidden("__residual").into_token_stream());
                let branch = at(quote!(#private::Branch::branch));
                // The call of the conversion is the user's code, as
                // rustc's own `?` is: a `#[track_caller]` `From` (an error
                // that records where it was raised) sees the start of the
                // operand, not `#[desugar]`, where tokens the expansion
                // made point. The function's path is the `?`'s, where an
                // error about its bound is reported.
                let operand = syn::spanned::Spanned::span(&*try_expr.expr);
                let mut path =
                    names::spanned_as(quote!(#private::FromResidual::from_residual), span)
                        .into_iter();
                let start = path.next().map(|mut first| {
                    first.set_span(operand);
                    first
                });
                let from_residual = quote::quote_spanned!(operand=> #start #(#path)*(#residual));
                let inner = (*try_expr.expr).clone();
                let mut rewritten: syn::ExprMatch = syn::parse_quote_spanned! {span=>
                    match #branch(()) {
                        #private::ControlFlow::Continue(#value) => #value,
                        #private::ControlFlow::Break(#residual) => {
                            return #private::Poll::Ready(#from_residual)
                        }
                    }
                };
                put_operand(&mut rewritten.expr, inner);
                *expr = syn::Expr::Match(rewritten);
            }
            syn::Expr::Return(ret) => {
                let span = ret.return_token.span;
                let value = match &ret.expr {
                    Some(value) => (**value).clone(),
                    None => syn::parse_quote_spanned!(span=> ()),
                };
                *expr = finish(&value);
            }
            _ => {}
        }
    }

    // `format!("{}", x?)`: the arguments of the macros whose arguments are
    // expressions are rewritten like any other code.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(mut args) = crate::walk::MacroArgs::parse(mac) {
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            args.write_back(&mut mac.tokens);
            return;
        }
        self.own_macro(mac);
    }

    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_expr_const_mut(&mut self, _: &mut syn::ExprConst) {}
    fn visit_expr_try_block_mut(&mut self, _: &mut syn::ExprTryBlock) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
