//! The rest of a block after a suspension, written again after the
//! `continue` that leaves for the suspension's own arm, where it never runs
//! but the compiler reads it in the user's order.
//!
//! rustc infers a local's type from the whole body, but needs it known
//! where a method is called on it, and it reads the body in order. An arm
//! that suspends inside a loop or a branch goes on, in its own text, with
//! the code after the construct, which runs when the loop ends or the other
//! branch is taken; the code after the await in the same block is in the
//! suspension's arm, written later. So a type that code gives (`v.push(r)`
//! after `let r = fetch(u).await`) was not known to the code after the loop
//! in the first arm (`v.iter().map(|s| s.len())`: E0282, "type annotations
//! needed"), where the twin, read in order, builds.
//!
//! Before (in `Unresumed`):
//! ```text
//! Some(u) => {
//!     let __awaitee = IntoFuture::into_future(fetch(u));
//!     __state.set(__State::Suspend0 { __awaitee, v: v, .. });
//!     continue '__dispatch;
//! }
//! ```
//! After:
//! ```text
//! Some(u) => {
//!     let __awaitee = IntoFuture::into_future(fetch(u));
//!     __state.set(__State::Suspend0 { __awaitee, v: v, .. });
//!     continue '__dispatch;
//!     let _ = {
//!         let __result = ::desugar::__private::output_of(&__awaitee);
//!         let r = __result;
//!         v.push(r);
//!     };
//! }
//! ```
//! Unreachable code is type-checked but neither borrow-checked nor
//! compiled, so the copy costs nothing at run time and cannot disagree with
//! the moves above it. A later await in the copy gives its value through
//! `awaited(operand)`. The copy stops before anything that would make a
//! second type where the real code has one (a closure, an `async` block, a
//! nested item): a local holding it would then have two types. It is
//! written only for a suspension nested in a construct, where the arm's
//! text may go on after it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emit, builds_typed_value, eager_local};
use crate::emit::uses;
use crate::ir::{Await, Stmt};
use crate::names;

impl Emit<'_> {
    /// The copy for the suspension `node`, whose block goes on with
    /// `after`. Empty where the suspension is not nested.
    pub(super) fn rest_for_types(&mut self, node: &Await, after: &[Stmt]) -> TokenStream {
        if self.reading_ahead || self.depth == 0 || !await_allowed(node, &eager_local(self.body)) {
            return TokenStream::new();
        }
        let transitions = std::mem::take(&mut self.transitions);
        self.reading_ahead = true;
        self.stopped = false;
        self.scopes.push(Vec::new());
        let private = names::private();
        let result = names::hidden("__result");
        let awaitee = names::hidden("__awaitee");
        let mut out = quote!(let #result = #private::output_of(&#awaitee););
        out.extend(self.await_rest(node));
        // Nothing after a `return`, `break` or `continue` runs (the values
        // the lowering assigns there would tie types to `()`).
        if !crate::build::always_jumps(&node.rest) {
            out.extend(self.stmts(after));
        }
        self.scopes.pop();
        self.reading_ahead = false;
        self.stopped = false;
        self.transitions = transitions;
        // A statement: as a block's last expression it would give the block
        // its type, where the `continue` before it makes that `!`.
        quote!(let _ = { #out };)
    }

    /// A later await inside the copy: its value, typed by its operand.
    pub(super) fn awaited_ahead(&mut self, node: &Await) -> TokenStream {
        let private = names::private();
        let result = names::hidden("__result");
        let (captures, operand) = uses::operand(&node.operand, &self.scope(), self.layout);
        let mut out = quote!(#captures let #result = #private::awaited(#operand););
        out.extend(self.await_rest(node));
        out
    }

    /// Can the copy go on with `stmt`? Once it cannot, it stops for good:
    /// what follows may need what `stmt` would have declared or assigned.
    pub(super) fn may_read_ahead(&mut self, stmt: &Stmt) -> bool {
        let allowed = !self.stopped
            && match stmt {
                Stmt::Plain { stmt, .. } => {
                    !builds_typed_value(stmt, &eager_local(self.body)) && !holds_item(stmt)
                }
                Stmt::Await(node) => await_allowed(node, &eager_local(self.body)),
                Stmt::If(node) => expr_allowed(&node.cond, &eager_local(self.body)),
                Stmt::Match(node) => expr_allowed(&node.scrutinee, &eager_local(self.body)),
                Stmt::Block { .. } | Stmt::Loop { .. } | Stmt::Param(_) => true,
            };
        self.stopped = !allowed;
        allowed
    }
}

fn await_allowed(node: &Await, eager: &dyn Fn(&syn::Expr) -> bool) -> bool {
    expr_allowed(&node.operand, eager)
        && !builds_typed_value(&node.rest, eager)
        && !holds_item(&node.rest)
}

fn expr_allowed(expr: &syn::Expr, eager: &dyn Fn(&syn::Expr) -> bool) -> bool {
    let stmt = syn::Stmt::Expr(expr.clone(), None);
    !builds_typed_value(&stmt, eager) && !holds_item(&stmt)
}

/// Does `stmt` define an item (in a nested block: `{ struct S; S }`)? Its
/// copy would be a type of its own.
fn holds_item(stmt: &syn::Stmt) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_item(&mut self, _: &'ast syn::Item) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}
