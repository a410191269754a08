//! Constants borrowed where rustc may promote them to a `static`, checked
//! for a `Drop` impl.
//!
//! rustc promotes a borrowed constant (`&Some(3)`, `&Config { retries: 3
//! }`, the receiver of `Some(3).as_ref()`) to a `static` unless a type in it
//! has a `Drop` impl: the borrow is then a `&'static`, which the user's code
//! may keep beyond the future. The machine leaves such a value as written
//! (see `build::is_promoted`) rather than keep it in its own memory, where
//! it would dangle once the future is gone. A value of a type with a `Drop`
//! impl is not promoted, though: it is a temporary, which rustc keeps to the
//! end of its statement (or its block, where a `let` extends it), across
//! the awaits there, where the machine, leaving it as written, would drop it
//! at the first. Only the compiler knows the types: before each statement
//! that awaits, and each `let`, code that never runs asks it about every
//! struct and variant such a constant builds (see `__private::promoted`),
//! and the build stops at one with a `Drop` impl.
//!
//! Before: `send(&Config { retries: 3 }).await;`
//! After:
//! ```text
//! if false {
//!     use ::desugar::__private::{ViaDrop as _, ViaFields as _};
//!     ::desugar::__private::promoted((&&::desugar::__private::Destructured(&Config { retries: 3 })).kind());
//! }
//! send(&Config { retries: 3 }).await;
//! ```
//!
//! A constant whose type the code alone does not settle (`Wrapper(None)`,
//! `Reply(Ok(1))`: the code that never runs could not be typed) is not
//! asked about; nor is one inside a block that declares items, which the
//! check, written before the statement, could not name.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::Expr;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use crate::build::{has_await, is_constructor, is_promoted};
use crate::names;
use crate::walk;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    let stmts = std::mem::take(&mut body.stmts);
    for stmt in stmts {
        if matches!(stmt, syn::Stmt::Local(_)) || has_await(&stmt) {
            let mut found = Borrowed::default();
            found.visit_stmt(&stmt);
            if !found.checks.is_empty() {
                let private = names::private();
                let checks = found.checks;
                body.stmts.push(syn::parse_quote! {
                    if false {
                        use #private::{ViaDrop as _, ViaFields as _};
                        #(#checks)*
                    }
                });
            }
        }
        body.stmts.push(stmt);
    }
}

/// The checks for the structs and variants of the constants a statement
/// borrows.
#[derive(Default)]
struct Borrowed {
    checks: Vec<TokenStream>,
    /// Inside blocks that declare items.
    in_items: usize,
}

impl Borrowed {
    /// `expr` may be borrowed where it is: if the value it projects is a
    /// constant rustc may promote, check what it builds.
    fn borrowed(&mut self, expr: &Expr) {
        let root = projected_value(expr);
        if self.in_items == 0 && is_promoted(root) && !unsettled(root) {
            let mut built = Built::default();
            built.visit_expr(root);
            let private = names::private();
            for node in built.0 {
                self.checks.push(quote_spanned! {node.span()=>
                    #private::promoted((&&#private::Destructured(&#node)).kind());
                });
            }
        }
    }
}

impl<'ast> Visit<'ast> for Borrowed {
    fn visit_expr_reference(&mut self, e: &'ast syn::ExprReference) {
        self.borrowed(&e.expr);
        visit::visit_expr_reference(self, e);
    }

    fn visit_expr_method_call(&mut self, e: &'ast syn::ExprMethodCall) {
        // A method known to take `self` (`Some(Tok(7)).unwrap()`) borrows
        // nothing.
        if !walk::consumes_receiver(&e.method) {
            self.borrowed(&e.receiver);
        }
        visit::visit_expr_method_call(self, e);
    }

    fn visit_expr_match(&mut self, e: &'ast syn::ExprMatch) {
        self.borrowed(&e.expr);
        visit::visit_expr_match(self, e);
    }

    fn visit_expr_let(&mut self, e: &'ast syn::ExprLet) {
        self.borrowed(&e.expr);
        visit::visit_expr_let(self, e);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        // `let ref r = Some(3);` borrows the value it binds into.
        if let Some(init) = &local.init
            && walk::patterns::binds_by_ref(&local.pat)
        {
            self.borrowed(&init.expr);
        }
        visit::visit_local(self, local);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // A format argument is borrowed; `vec![Job(1)]` moves its own.
        if let Some(mut args) = walk::MacroArgs::parse(mac) {
            for (arg, kind) in args.args_mut() {
                if matches!(kind, crate::ir::MentionKind::Place { .. }) {
                    self.borrowed(arg);
                }
                self.visit_expr(arg);
            }
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        let items = block
            .stmts
            .iter()
            .any(|stmt| matches!(stmt, syn::Stmt::Item(_)));
        self.in_items += usize::from(items);
        visit::visit_block(self, block);
        self.in_items -= usize::from(items);
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The value a place expression projects: `Some(3)` in `Some(3).0`.
fn projected_value(expr: &Expr) -> &Expr {
    match expr {
        Expr::Field(e) => projected_value(&e.base),
        Expr::Index(e) => projected_value(&e.expr),
        Expr::Paren(e) => projected_value(&e.expr),
        other => other,
    }
}

/// The structs and variants a constant builds, other than the standard
/// library's (`Some`, `Ok`, `Err`, `None`), which have no `Drop` impl, and
/// the constants it names (`SPARE`, `Ticket::NONE`, the unit variant
/// `Slot::Empty`): rustc promotes none whose type has one.
#[derive(Default)]
struct Built<'ast>(Vec<&'ast Expr>);

impl<'ast> Visit<'ast> for Built<'ast> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        let user_made = match expr {
            Expr::Call(call) => {
                is_constructor(&call.func) && !calls_one_of(&call.func, &["Some", "Ok", "Err"])
            }
            Expr::Struct(_) => true,
            Expr::Path(path) => is_promoted(expr) && !path.path.is_ident("None"),
            _ => false,
        };
        if user_made {
            self.0.push(expr);
        }
        match expr {
            // The constructor called is a function, not a constant.
            Expr::Call(call) => call.args.iter().for_each(|arg| self.visit_expr(arg)),
            _ => visit::visit_expr(self, expr),
        }
    }
}

/// A path whose last segment is one of `names` (`Some`, `Result::Ok`).
fn calls_one_of(func: &Expr, names: &[&str]) -> bool {
    matches!(func, Expr::Path(p) if p.path.segments.last()
        .is_some_and(|s| names.iter().any(|name| s.ident == name)))
}

/// Does the constant leave a type for its context to settle: a `None`, an
/// `Ok` or `Err` (the other side's type), an empty array?
fn unsettled(expr: &Expr) -> bool {
    #[derive(Default)]
    struct Find(bool);
    impl<'ast> Visit<'ast> for Find {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            self.0 |= match expr {
                Expr::Path(p) => p.path.is_ident("None"),
                Expr::Call(call) => calls_one_of(&call.func, &["Ok", "Err"]),
                Expr::Array(array) => array.elems.is_empty(),
                _ => false,
            };
            visit::visit_expr(self, expr);
        }
    }
    let mut find = Find::default();
    find.visit_expr(expr);
    find.0
}
