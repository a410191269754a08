//! Where a statement reads `*b` by value, `b` a local whose type does not
//! show (see `rewrite::unboxed`): a call's argument, a tuple's, an array's
//! or a struct literal's element, an assigned or returned value, the value
//! of a block, an `if` or a `match` arm that is itself read so. Out of a
//! `Box` that moves the value, and the box goes with it; the machine would
//! keep `b` across an await of the statement, or a later one, as a value
//! of a type it cannot see, and a box moved out of cannot be kept (E0382).
//! So `b` is moved into a call that gives the value, through a check that
//! it is a `Box` or a reference (whose referent rustc, compiling the
//! twin, proved `Copy`): see `__private::unbox`. A call, not a `*` in front
//! of one, which would leave the emptied box a temporary of the
//! statement, kept across its await as rustc keeps `*make_box()`'s.
//!
//! Before: `Some(b) => consume(*b).await,`
//! After:  `Some(b) => consume(::desugar::__private::unbox(::desugar::__private::Unboxing(b))).await,`
//!
//! Before: `let (a, b) = (*a, *b);`
//! After:  `let (a, b) = (unbox(Unboxing(a)), unbox(Unboxing(b)));` (paths abridged)
//!
//! Not in a place read (`&*b`, `(*b).len()`, `match *b`), nor in an
//! operator's operand (`*n + 1`, which copies, and where `n` may be any
//! pointer), nor inside a loop, a closure, an `async` block or a macro
//! that is not a standard one: in a loop a `Copy` value read again would
//! find the pointer moved, and the others are not lowered, or not read.

use syn::{Expr, Stmt};

use super::unboxed::{deref_of_local, moves_out};
use crate::ir::MentionKind;
use crate::walk;

/// `expr` as the user wrote it, for a description: each `*b` rewritten
/// by [`unbox`] given back.
///
/// Before: `consume(::desugar::__private::unbox(::desugar::__private::Unboxing(b)))`
/// After:  `consume(*b)`
pub(crate) fn as_written(expr: &Expr) -> Expr {
    struct Written;
    impl syn::visit_mut::VisitMut for Written {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            if let Some(name) = unboxed_local(expr) {
                *expr = syn::parse_quote!(*#name);
                return;
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Written, &mut expr);
    expr
}

/// `b`, where `expr` is the call [`unbox`] wrote for `*b`.
fn unboxed_local(expr: &Expr) -> Option<syn::Ident> {
    let Expr::Call(call) = expr else { return None };
    let [Expr::Call(pointer)] = call.args.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let [Expr::Path(name)] = pointer.args.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let ours = crate::syntax::is_private_path(&call.func, "unbox")
        && crate::syntax::is_private_path(&pointer.func, "Unboxing");
    ours.then(|| name.path.get_ident().cloned()).flatten()
}

/// Rewrites the one `*name` in `expr`, if `expr` reads it by value
/// (`moving`: `expr` itself is read by value). Says whether it did.
pub(super) fn unbox(expr: &mut Expr, name: &syn::Ident, moving: bool) -> bool {
    if moving && deref_of_local(expr).as_ref() == Some(name) {
        let span = syn::spanned::Spanned::span(&*expr);
        *expr = syn::parse_quote_spanned!(span=>
            ::desugar::__private::unbox(::desugar::__private::Unboxing(#name))
        );
        return true;
    }
    let read = |expr: &mut Expr| unbox(expr, name, false);
    let moved = |expr: &mut Expr| unbox(expr, name, true);
    match expr {
        Expr::Paren(e) => unbox(&mut e.expr, name, moving),
        Expr::Group(e) => unbox(&mut e.expr, name, moving),
        Expr::Call(e) => read(&mut e.func) || e.args.iter_mut().any(moved),
        Expr::MethodCall(e) => read(&mut e.receiver) || e.args.iter_mut().any(moved),
        Expr::Tuple(e) => e.elems.iter_mut().any(moved),
        Expr::Array(e) => e.elems.iter_mut().any(moved),
        Expr::Struct(e) => {
            e.fields.iter_mut().any(|field| moved(&mut field.expr))
                || e.rest.as_deref_mut().is_some_and(read)
        }
        Expr::Return(e) => e.expr.as_deref_mut().is_some_and(moved),
        Expr::Break(e) => e.expr.as_deref_mut().is_some_and(moved),
        Expr::Assign(e) => moved(&mut e.right) || read(&mut e.left),
        // A labeled block's `break` may leave it with another value.
        Expr::Block(e) if e.label.is_none() => block(&mut e.block, name, moving),
        Expr::If(e) => {
            read(&mut e.cond)
                || block(&mut e.then_branch, name, moving)
                || e.else_branch
                    .as_mut()
                    .is_some_and(|(_, otherwise)| unbox(otherwise, name, moving))
        }
        Expr::Match(e) => {
            read(&mut e.expr)
                || e.arms
                    .iter_mut()
                    .any(|arm| unbox(&mut arm.body, name, moving))
        }
        Expr::Await(e) => read(&mut e.base),
        Expr::Try(e) => read(&mut e.expr),
        Expr::Field(e) => read(&mut e.base),
        Expr::Index(e) => read(&mut e.expr) || read(&mut e.index),
        Expr::Reference(e) => read(&mut e.expr),
        Expr::Unary(e) => read(&mut e.expr),
        Expr::Cast(e) => read(&mut e.expr),
        Expr::Binary(e) => read(&mut e.left) || read(&mut e.right),
        Expr::Let(e) => read(&mut e.expr),
        Expr::Macro(e) => in_macro(&mut e.mac, name),
        _ => false,
    }
}

/// As [`unbox`], in the arguments of a standard macro that reads them as
/// expressions (`format!("{}", eval(*a).await?)`, `vec![*b]`); not of one
/// that prints their text (`assert!`'s, `dbg!`), which would print the
/// rewritten text.
pub(super) fn in_macro(mac: &mut syn::Macro, name: &syn::Ident) -> bool {
    let Some(mut args) = walk::MacroArgs::parse(mac) else {
        return false;
    };
    if args.quotes() {
        return false;
    }
    let done = args
        .args_mut()
        .any(|(arg, kind)| unbox(arg, name, kind == MentionKind::Value));
    if done {
        args.write_back(&mut mac.tokens);
    }
    done
}

/// As [`unbox`], in a block: its tail is read as the block is.
fn block(block: &mut syn::Block, name: &syn::Ident, moving: bool) -> bool {
    block.stmts.iter_mut().any(|stmt| match stmt {
        Stmt::Local(local) => local.init.as_mut().is_some_and(|init| {
            unbox(&mut init.expr, name, moves_out(&local.pat))
                || init
                    .diverge
                    .as_mut()
                    .is_some_and(|(_, otherwise)| unbox(otherwise, name, false))
        }),
        Stmt::Expr(expr, semi) => unbox(expr, name, moving && semi.is_none()),
        Stmt::Macro(stmt) => in_macro(&mut stmt.mac, name),
        Stmt::Item(_) => false,
    })
}
