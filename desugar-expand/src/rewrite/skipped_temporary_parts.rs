//! Parts of a temporary that a pattern skips with `_` while it moves others
//! out (`match q.pop() { Some(Msg::Text(s, _)) => send(s).await, .. }`),
//! with an await after: rustc leaves the skipped parts in the temporary and
//! drops them where the temporary's scope ends. The machine keeps the
//! scrutinee across the await as a local of its own, which a partial move
//! leaves unusable (E0382), so the skipped parts are bound to hidden locals
//! that drop where the temporary would (see `skipped_parts` for locals).
//!
//! A `match` or `if let` statement (or a `let`'s value, or an `else if
//! let`) drops its scrutinee's temporary at its end: the hidden local is
//! declared in a block around it.
//!
//! Before: `match q.pop() { Some(Msg::Text(s, _)) => send(s).await, _ => 0 };`
//! After:  `{ let __skipped1; match q.pop() { Some(Msg::Text(s, __part1)) => { __skipped1 = (__part1,); send(s).await } _ => 0 } };`
//!
//! A `while let` or `for` drops it at the end of each iteration, after the
//! body and the pattern's bindings: the hidden local is declared at the
//! start of the body, and the bindings are bound again after it, so that
//! they still drop first.
//!
//! Before: `while let Some((msg, _)) = rx.recv().await { handle(&msg).await; }`
//! After:  `while let Some((msg, __part1)) = rx.recv().await { let __skipped1 = (__part1,); let msg = msg; handle(&msg).await; }`
//!
//! Only a scrutinee that makes no other temporary (a call whose receiver
//! and arguments are places, literals or borrows of places: `q.pop()`,
//! `next(&mut it)`, awaited or not), whose drop would then come after the
//! skipped parts' instead of before; a `for` loop's element is always
//! such a value. The patterns are those `skipped_parts` rewrites; one that
//! skips parts with `..` instead gets the check `skipped_parts` writes for
//! it, in an arm that awaits.

use syn::{Expr, Stmt};

use super::skipped_parts::{beside_rest, bind_skipped, rebinding_of, rewritable};
use crate::build::has_await;
use crate::walk::patterns::binds_by_ref;
use crate::walk::strip_parens;

/// Rewrites the `match` or `if let` that `stmt` is or gives its `let` its
/// value, if it fits (see the module docs).
pub(super) fn rewrite_stmt(stmt: &mut Stmt, counter: &mut usize) {
    let expr = match stmt {
        Stmt::Expr(expr, _) => expr,
        Stmt::Local(syn::Local {
            init: Some(init), ..
        }) if init.diverge.is_none() => &mut *init.expr,
        _ => return,
    };
    let hidden = match expr {
        Expr::Match(m)
            if makes_one_temporary(&m.expr)
                && m.arms.iter().any(|arm| has_await(&*arm.body))
                && !borrowed_across_await(&m.arms) =>
        {
            let mut hidden = Vec::new();
            for arm in &mut m.arms {
                let assign = match bind_skipped(&mut arm.pat, counter) {
                    Some((skipped, assign)) => {
                        hidden.push(skipped);
                        assign
                    }
                    None => match beside_rest(&arm.pat) {
                        Some(check) if has_await(&*arm.body) => check,
                        _ => continue,
                    },
                };
                let body = &arm.body;
                *arm.body = syn::parse_quote!({ #assign #body });
                arm.comma.get_or_insert_with(Default::default);
            }
            hidden
        }
        Expr::If(e) => match &mut *e.cond {
            Expr::Let(l) if makes_one_temporary(&l.expr) && has_await(&e.then_branch) => {
                let Some((skipped, assign)) = bind_skipped(&mut l.pat, counter) else {
                    if let Some(check) = beside_rest(&l.pat) {
                        e.then_branch.stmts.insert(0, check);
                    }
                    return;
                };
                e.then_branch.stmts.insert(0, assign);
                vec![skipped]
            }
            _ => return,
        },
        _ => return,
    };
    if hidden.is_empty() {
        return;
    }
    let taken = std::mem::replace(expr, Expr::Verbatim(Default::default()));
    *expr = syn::parse_quote!({ #(let #hidden;)* #taken });
}

/// Does an arm borrow the scrutinee across an await (`Some((ref p, n)) =>
/// x.await`)? Then it is kept in place, where no part can move out of it,
/// and a `_` beside is left as written, where it moves nothing.
pub(super) fn borrowed_across_await(arms: &[syn::Arm]) -> bool {
    arms.iter()
        .any(|arm| binds_by_ref(&arm.pat) && has_await(&*arm.body))
}

/// Rewrites the `else if let` of `e`, if it fits, as the `if let`
/// statement of a block, where a statement's rewrite applies (`else { if
/// let .. }` is the same code).
///
/// Before: `if a { .. } else if let Some((s, _)) = q.pop() { send(s).await } else { .. }`
/// After:  `if a { .. } else { let __skipped1; if let Some((s, __part1)) = q.pop() { __skipped1 = (__part1,); send(s).await } else { .. } }`
pub(super) fn rewrite_else_if(e: &mut syn::ExprIf, counter: &mut usize) {
    let Some((_, otherwise)) = &mut e.else_branch else {
        return;
    };
    if !matches!(&**otherwise, Expr::If(_)) {
        return;
    }
    let mut stmt = Stmt::Expr((**otherwise).clone(), None);
    rewrite_stmt(&mut stmt, counter);
    if let Stmt::Expr(block @ Expr::Block(_), None) = stmt {
        **otherwise = block;
    }
}

/// Rewrites a `while let` or `for` whose pattern skips parts of each value
/// beside parts it moves, if it fits (see the module docs).
pub(super) fn rewrite_loop(expr: &mut Expr, counter: &mut usize) -> bool {
    let (pat, body) = match expr {
        Expr::While(e) => match &mut *e.cond {
            Expr::Let(l) if makes_one_temporary(&l.expr) => (&mut *l.pat, &mut e.body),
            _ => return false,
        },
        Expr::ForLoop(e) => (&mut *e.pat, &mut e.body),
        _ => return false,
    };
    if !has_await(&*body) {
        return false;
    }
    if !rewritable(pat) {
        if let Some(check) = beside_rest(pat) {
            body.stmts.insert(0, check);
        }
        return false;
    }
    let rebound = rebinding_of(pat);
    let Some((skipped, assign)) = bind_skipped(pat, counter) else {
        return false;
    };
    let Stmt::Expr(Expr::Assign(assign), _) = assign else {
        return false;
    };
    let parts = &assign.right;
    let mut first: Vec<Stmt> = vec![syn::parse_quote!(let #skipped = #parts;)];
    first.extend(rebound);
    body.stmts.splice(0..0, first);
    true
}

/// A value made by a call whose receiver and arguments make no temporary
/// of their own (`q.pop()`, `rx.recv().await`, `next(&mut it)`).
fn makes_one_temporary(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Await(e) => makes_one_temporary(&e.base),
        Expr::MethodCall(call) => is_place(&call.receiver) && call.args.iter().all(is_operand),
        Expr::Call(call) => {
            matches!(&*call.func, Expr::Path(_)) && call.args.iter().all(is_operand)
        }
        _ => false,
    }
}

fn is_place(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Path(_) => true,
        Expr::Field(e) => is_place(&e.base),
        _ => false,
    }
}

/// An argument that makes no temporary: a place, a literal, a borrow of a
/// place.
fn is_operand(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Lit(_) => true,
        Expr::Reference(e) => is_place(&e.expr),
        other => is_place(other),
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    fn rewritten(stmt: &str) -> String {
        let mut stmt: syn::Stmt = syn::parse_str(stmt).expect("a statement");
        let mut counter = 0;
        super::rewrite_stmt(&mut stmt, &mut counter);
        if let syn::Stmt::Expr(expr, _) = &mut stmt {
            super::rewrite_loop(expr, &mut counter);
        }
        stmt.to_token_stream().to_string()
    }

    #[test]
    fn temporaries_made_alone_get_their_skipped_parts_bound() {
        for stmt in [
            "match q.pop() { Some(Msg::Text(s, _)) => send(s).await, _ => 0 };",
            "let n = match rx.recv().await { Some((s, _)) => send(s).await, None => 0 };",
            "if let Some((s, _)) = next(&mut it) { send(s).await; }",
            "while let Some((s, _)) = q.pop() { send(s).await; }",
            "for (s, _) in pairs { send(s).await; }",
        ] {
            assert!(rewritten(stmt).contains("__skipped"), "{stmt}");
        }
    }

    #[test]
    fn scrutinees_making_other_temporaries_are_left() {
        for stmt in [
            // An arm borrows the value across an await: kept in place.
            "match q.pop() { Some((ref p, n)) => look(p).await, Some((_, n)) => n, None => 0 };",
            // The guard drops after the popped value, before the parts.
            "match m.lock().unwrap().pop() { Some((s, _)) => send(s).await, _ => 0 };",
            "match q.pop_with(&make()) { Some((s, _)) => send(s).await, _ => 0 };",
            // Nothing awaits.
            "match q.pop() { Some((s, _)) => s.len(), _ => 0 };",
        ] {
            assert!(!rewritten(stmt).contains("__skipped"), "{stmt}");
        }
    }
}
