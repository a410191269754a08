//! Values pinned in the body: `let x = pin!(fut);` (`std::pin::pin!`) and
//! `pin_mut!(fut);` (`futures::pin_mut!`, `tokio::pin!`). Each macro pins
//! its value where it is, in a place of its own expansion that
//! `#[desugar]` cannot see. The value is given a hidden local of the body
//! instead, pinned where that local lives: the analysis keeps such a local
//! in place (homed) wherever an await is in its scope, and it is never
//! moved, since no code names it but the one borrow here.
//!
//! Before: `let mut ticks = pin!(interval(5));`
//! After:
//! ```text
//! let mut __pinned1 = interval(5);
//! let mut ticks = unsafe { ::core::pin::Pin::new_unchecked(&mut __pinned1) };
//! // SAFETY: `__pinned1` is hidden from the user's code, never moved again.
//! ```
//!
//! Before: `pin_mut!(stream);`
//! After:  `let mut __pinned1 = stream; let mut stream = unsafe { .. (&mut __pinned1) };`
//!
//! SAFETY: of both blocks, the hidden local is never named by the user's
//! code, so it is never moved again (see `rewrite_body`).

use proc_macro2::Span;
use quote::quote_spanned;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use crate::names;

mod extending;

/// Rewrites the body's pinning macros; returns the hidden locals it made,
/// which the analysis keeps in place. A `pin!` elsewhere in a statement
/// that awaits is an error: its value is a temporary of the statement,
/// which the expansion cannot keep where it is across the await.
pub(crate) fn rewrite_body(body: &mut syn::Block) -> syn::Result<Vec<syn::Ident>> {
    let mut pinning = Pinning {
        made: Vec::new(),
        error: None,
    };
    pinning.visit_block_mut(body);
    pinning.error.map_or(Ok(pinning.made), Err)
}

struct Pinning {
    made: Vec<syn::Ident>,
    error: Option<syn::Error>,
}

impl Pinning {
    /// `let mut __pinnedN = value; let <pat> = <pin of __pinnedN>;`
    fn pinned(&mut self, pat: syn::Pat, value: syn::Expr, span: Span) -> Option<[syn::Stmt; 2]> {
        let hidden = names::hidden(&format!("__pinned{}", self.made.len() + 1));
        // SAFETY: (of the `unsafe` block written here) the hidden local is
        // never moved: nothing names it but this borrow, and where an await
        // is in its scope the analysis keeps it in place (homed), in a slot
        // of the pinned machine that drops it where it is. Within one step
        // it is a local of the step, dropped where it is at its scope's end.
        let stmts = quote_spanned! {span=>
            let mut #hidden = #value;
            let #pat = unsafe { ::core::pin::Pin::new_unchecked(&mut #hidden) };
        };
        let block: syn::Block = syn::parse2(quote_spanned!(span=> { #stmts })).ok()?;
        let [first, second]: [syn::Stmt; 2] = block.stmts.try_into().ok()?;
        self.made.push(hidden);
        Some([first, second])
    }

    /// The statements that stand for `stmt`, if it pins. `awaits_after`:
    /// does the block await in `stmt` or after it, where what a `let`
    /// extends must be kept?
    fn lowered(&mut self, stmt: &syn::Stmt, awaits_after: bool) -> Option<Vec<syn::Stmt>> {
        match stmt {
            // `let x = pin!(value);`
            syn::Stmt::Local(local) => {
                let init = local.init.as_ref()?;
                if init.diverge.is_some() {
                    return None;
                }
                let syn::Expr::Macro(mac) = &*init.expr else {
                    return awaits_after.then(|| self.extending(local)).flatten();
                };
                if !is_named(&mac.mac, &["pin"]) {
                    return None;
                }
                let value: syn::Expr = mac.mac.parse_body().ok()?;
                let pinned = self.pinned(local.pat.clone(), value, mac.mac.path.span())?;
                Some(pinned.into())
            }
            // `pin_mut!(a, b);`: each local shadowed by a pin of its value.
            syn::Stmt::Macro(mac) if is_named(&mac.mac, &["pin_mut", "pin"]) => {
                let locals = mac
                    .mac
                    .parse_body_with(Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated)
                    .ok()?;
                let mut out = Vec::new();
                for local in locals {
                    let pat: syn::Pat = syn::parse_quote_spanned!(local.span()=> mut #local);
                    let value: syn::Expr = syn::parse_quote!(#local);
                    out.extend(self.pinned(pat, value, local.span())?);
                }
                Some(out)
            }
            _ => None,
        }
    }

    /// `local`, whose initializer may pin in an extending place, with the
    /// hidden locals it pins into declared ahead (see [`extending`]).
    fn extending(&mut self, local: &syn::Local) -> Option<Vec<syn::Stmt>> {
        let mut local = local.clone();
        let made = &mut self.made;
        let mut hidden = || {
            let ident = names::hidden(&format!("__pinned{}", made.len() + 1));
            made.push(ident.clone());
            ident
        };
        match extending::lowered(&mut local, &mut hidden) {
            Ok(ahead) => ahead.map(|mut stmts| {
                stmts.push(syn::Stmt::Local(local));
                stmts
            }),
            Err(error) => {
                self.report(error);
                None
            }
        }
    }

    fn report(&mut self, error: syn::Error) {
        match &mut self.error {
            Some(errors) => errors.combine(error),
            None => self.error = Some(error),
        }
    }
}

/// A `pin!` in `stmt`, outside closures and `async` blocks.
fn pin_in(stmt: &syn::Stmt) -> Option<Span> {
    struct Finder(Option<Span>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.0.is_none() && is_named(mac, &["pin"]) {
                self.0 = Some(mac.path.span());
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(None);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}

fn is_named(mac: &syn::Macro, names: &[&str]) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| names.iter().any(|name| segment.ident == name))
}

impl VisitMut for Pinning {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let mut stmts = Vec::with_capacity(block.stmts.len());
        let mut awaits_after = false;
        let awaits_from: Vec<bool> = (block.stmts.iter().rev())
            .map(|stmt| {
                awaits_after |= crate::build::has_await(stmt);
                awaits_after
            })
            .collect();
        for (stmt, awaits_after) in std::mem::take(&mut block.stmts)
            .into_iter()
            .zip(awaits_from.into_iter().rev())
        {
            match self.lowered(&stmt, awaits_after) {
                Some(lowered) => stmts.extend(lowered),
                None => stmts.push(stmt),
            }
        }
        block.stmts = stmts;
        visit_mut::visit_block_mut(self, block);
        // What inner blocks pinned with `let` is lowered by now.
        for stmt in &block.stmts {
            if crate::build::has_await(stmt)
                && let Some(span) = pin_in(stmt)
            {
                self.report(syn::Error::new(
                    span,
                    "#[desugar] cannot keep a value `pin!` pins inside a statement that awaits where it is: \
                     pin it in a `let` of its own first (`let fut = pin!(..);`) and use `fut`",
                ));
            }
        }
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
