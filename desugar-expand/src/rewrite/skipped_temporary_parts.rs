//! Parts of a temporary that a pattern skips with `_` while it moves others
//! out (`match q.pop() { Some(Msg::Text(s, _)) => send(s).await, .. }`),
//! with an await after: rustc leaves the skipped parts in the temporary and
//! drops them where the temporary's scope ends, after the pattern's
//! bindings and before the temporaries made ahead of it (a receiver,
//! `items.iter_mut()` in `items.iter_mut().next()`). The machine keeps the
//! scrutinee across the await as a local of its own, which a partial move
//! leaves unusable (E0382), so the skipped parts are bound to a hidden
//! local (see `skipped_parts` for locals).
//!
//! In a `match` or `if let` statement (or a `let`'s value, or an `else if
//! let`) nothing runs between the end of the arm (or the `then` block) and
//! the end of the statement, where the temporary drops, which holds nothing
//! else to drop: the hidden local is declared at the start of the arm, and
//! the pattern's bindings are bound again after it, so that they still
//! drop first. The arm's value is bound inside, so that its temporaries
//! drop before both, as an arm's do, in every edition.
//!
//! Before: `match items.iter_mut().next() { Some((_, name)) => { x.await; name.len() } None => 0 }`
//! After:  `match items.iter_mut().next() { Some((__part1, name)) => { let __skipped2 = (..,); let name = name; let __arm_value = { x.await; name.len() }; __arm_value } None => 0 }`
//!
//! A `while let` or `for` drops it at the end of each iteration, after the
//! body and the pattern's bindings: the hidden local is declared at the
//! start of the body in the same way.
//!
//! Before: `while let Some((msg, _)) = rx.recv().await { handle(&msg).await; }`
//! After:  `while let Some((msg, __part1)) = rx.recv().await { let __skipped2 = (..,); let msg = msg; handle(&msg).await; }`
//!
//! Only a value made by a call, awaited or not, or a tuple literal, which
//! moves its elements into a temporary (a place's parts drop with the
//! place); a `for` loop's element is always such a value. The
//! temporaries a `while let`'s value is made with (`lock(&mut q)` in
//! `lock(&mut q).pop()`, `&Probe::new(..)` in `recv(&mut q,
//! &Probe::new(..)).await`) drop at the end of the iteration too, after
//! the body, so after the hidden local, as rustc drops them after the
//! value. The patterns are
//! those `skipped_parts` rewrites; one that skips parts with `..` instead
//! gets the check `skipped_parts` writes for it, in an arm that awaits.
//!
//! Where the construct also binds parts of the value by `ref` beside parts
//! it moves, in a `match` or `if let` on a value that makes no other
//! temporary, those go into a hidden local at the start of the arm too,
//! with the `_` parts beside them (see `borrowed_temporary_parts`); where
//! they cannot be (also in a `while let` or a `for`), a part moved beside
//! them is checked instead, in any value the construct makes (see
//! `borrowed_temporary_parts::moves_checked`). Otherwise, where an
//! arm borrows the value across an await (`Some((ref p, n)) => x.await`),
//! it is kept in place, and the `_` of another arm is left as written (see
//! [`borrowed_across_await`]).

use quote::ToTokens;
use syn::{Expr, Pat, Stmt};

use super::borrowed_temporary_parts;
use super::skipped_parts::{
    Skipped, beside_rest, bind_skipped, moved_part_checks, rebinding_of, rewritable,
};
use crate::build::has_await;
use crate::names;
use crate::walk::patterns::binds_by_ref;
use crate::walk::strip_parens;

/// Rewrites the `match` or `if let` that `stmt` is or gives its `let` its
/// value, if it fits (see the module docs).
/// `unique`: the parameters visibly `&mut` (`st: &mut St`, `&mut self`).
pub(super) fn rewrite_stmt(stmt: &mut Stmt, counter: &mut usize, unique: &[syn::Ident]) {
    match stmt {
        Stmt::Expr(expr, _) => rewrite_expr(expr, counter, unique),
        Stmt::Local(syn::Local {
            init: Some(init), ..
        }) if init.diverge.is_none() => rewrite_expr(&mut init.expr, counter, unique),
        _ => {}
    }
}

fn rewrite_expr(expr: &mut Expr, counter: &mut usize, unique: &[syn::Ident]) {
    match expr {
        Expr::Match(m) if is_value(&m.expr) && m.arms.iter().any(|arm| has_await(&*arm.body)) => {
            let pats = || m.arms.iter().map(|arm| &arm.pat);
            let borrowed =
                makes_one_temporary(&m.expr) && borrowed_temporary_parts::beside_move(pats());
            let stopped = !borrowed && borrowed_temporary_parts::borrows_beside_move(pats());
            let holds_mut = holds_mut(&m.expr, unique);
            let rest_kept = !borrowed && !stopped && kept_for_rest(&m.arms, holds_mut);
            let rewritten =
                is_call(&m.expr) && (borrowed || !(borrowed_across_await(&m.arms) || rest_kept));
            for arm in &mut m.arms {
                // Read before the pattern's `_` parts are bound by value.
                let check = stopped
                    .then(|| borrowed_temporary_parts::moves_checked(&arm.pat))
                    .flatten()
                    .or_else(|| {
                        rest_kept
                            .then(|| kept_rest_checks(&arm.pat, &arm.body))
                            .flatten()
                    });
                let body = &mut *arm.body;
                let mut changed = false;
                if rewritten {
                    if let Some(block) = bound_in_arm(&mut arm.pat, &*body, borrowed, counter) {
                        *body = syn::parse_quote!(#block);
                        changed = true;
                    } else if let Some(rest) = beside_rest(&arm.pat).filter(|_| has_await(&*body)) {
                        *body = syn::parse_quote!({ #rest #body });
                        changed = true;
                    }
                }
                if let Some(check) = check {
                    *body = syn::parse_quote!({ #check #body });
                    changed = true;
                }
                if changed {
                    arm.comma.get_or_insert_with(Default::default);
                }
            }
        }
        Expr::If(e) => {
            // An `else` that awaits keeps the value made for the condition
            // too, matched in place, where no part can move out of it.
            let awaits = has_await(&e.then_branch)
                || e.else_branch
                    .as_ref()
                    .is_some_and(|(_, otherwise)| has_await(&**otherwise));
            match &mut *e.cond {
                Expr::Let(l) if is_value(&l.expr) && awaits => {
                    let borrowed = makes_one_temporary(&l.expr)
                        && borrowed_temporary_parts::beside_move([&*l.pat]);
                    let check = (!borrowed
                        && borrowed_temporary_parts::borrows_beside_move([&*l.pat]))
                    .then(|| borrowed_temporary_parts::moves_checked(&l.pat))
                    .flatten();
                    if is_call(&l.expr) {
                        if let Some(block) =
                            bound_in_arm(&mut l.pat, &e.then_branch, borrowed, counter)
                        {
                            e.then_branch = block;
                        } else if let Some(rest) = beside_rest(&l.pat) {
                            e.then_branch.stmts.insert(0, rest);
                        }
                    }
                    e.then_branch.stmts.splice(0..0, check);
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// Where `pat` fits, binds its `_` parts (and its `ref` parts, where
/// `borrowed`: see `borrowed_temporary_parts`), and returns `body`, the
/// arm its bindings are for, rewritten to keep them (see the module docs).
fn bound_in_arm(
    pat: &mut Pat,
    body: &dyn ToTokens,
    borrowed: bool,
    counter: &mut usize,
) -> Option<syn::Block> {
    let first = if borrowed && binds_by_ref(pat) {
        let rebound = rebinding_of(pat);
        let mut first = borrowed_temporary_parts::bind(pat, counter)?;
        first.extend(rebound);
        first
    } else {
        bound_apart(pat, counter)?
    };
    let value = names::hidden("__arm_value");
    Some(syn::parse_quote!({
        #(#first)*
        let #value = #body;
        #value
    }))
}

/// Where `pat` fits, binds its `_` parts; returns the statements that
/// start the scope of its bindings: the hidden local given the parts, then
/// the bindings bound again.
fn bound_apart(pat: &mut Pat, counter: &mut usize) -> Option<Vec<Stmt>> {
    if !rewritable(pat) {
        return None;
    }
    let rebound = rebinding_of(pat);
    let Skipped {
        local: skipped,
        parts,
        checks,
    } = bind_skipped(pat, counter)?;
    let mut first = checks;
    first.push(syn::parse_quote!(let #skipped = #parts;));
    first.extend(rebound);
    Some(first)
}

/// Does an arm borrow the scrutinee across an await (`Some((ref p, n)) =>
/// x.await`)? Then it is kept in place, where no part can move out of it,
/// and a `_` beside is left as written, where it moves nothing.
pub(super) fn borrowed_across_await(arms: &[syn::Arm]) -> bool {
    arms.iter()
        .any(|arm| binds_by_ref(&arm.pat) && has_await(&*arm.body))
}

/// Does an arm bind parts by value beside a `..` and await (`(State::Open
/// { sock, .. }, Ev::Close) => { x.await; sock.touch() }`), where no arm
/// takes every part of the value (`Err(HttpError { code: 404, body, conn
/// })`: see `patterns::matched`; on a value visibly holding a `&mut`,
/// `holds_mut`, a tuple naming an element by a path, `(St::Idle,
/// Cmd::Start(j))`, takes nothing of it)? An arm taking it whole (`other
/// =>`) moves it out of its place first, and is not checked. Its bindings may borrow through a `&mut` the
/// value holds (`st` in `match (st, ev)`, with `st: &mut State`), and the
/// value is then kept in place across the await (see the analysis'
/// `bound_through_unknown`), where no part can move out of it: the `_` of
/// another arm is left as written, as beside an arm that borrows it (see
/// [`borrowed_across_await`]), and what the other arms bind by value is
/// checked to leave the value whole (see [`kept_rest_checks`]).
///
/// Before: `match (st, ev) { (State::Open { sock, .. }, Ev::Close) => { x.await; .. } (v, _) => .. }`
/// After:  `match (st, ev) { (State::Open { sock, .. }, Ev::Close) => { .. } (v, _) => { { bound_beside_kept_rest(..v..); } .. } }`
fn kept_for_rest(arms: &[syn::Arm], holds_mut: bool) -> bool {
    !arms
        .iter()
        .any(|arm| crate::walk::patterns::takes_every_part(&arm.pat, holds_mut))
        && arms
            .iter()
            .any(|arm| beside_rest(&arm.pat).is_some() && has_await(&*arm.body))
}

/// For an arm of a `match` whose value [`kept_for_rest`] keeps in place:
/// where it binds beside a `..` and awaits, the check of the parts it
/// binds (see [`beside_rest`]); otherwise a check of each part it binds by
/// value, which stops the build at one that moves out of the value
/// (`msg` in `(_, Ev::Send(msg)) => ..`), saying to name what the `..`
/// skips instead (see `__private::bound_beside_kept_rest`).
///
/// Before: `(_, Ev::Send(msg)) => msg.len()`
/// After:  `(_, Ev::Send(msg)) => { { bound_beside_kept_rest((&&BesideRest(&msg)).kind()); } msg.len() }`
fn kept_rest_checks(pat: &Pat, body: &Expr) -> Option<Stmt> {
    if let Some(rest) = beside_rest(pat).filter(|_| has_await(body)) {
        return Some(rest);
    }
    // Taking the value whole, it moves it out of its place first (see
    // `patterns::matched`).
    if crate::walk::patterns::takes_whole(pat) {
        return None;
    }
    let parts: Vec<_> = super::skipped_parts::by_value(pat)
        .into_iter()
        .map(|part| {
            let at = part.span();
            (part, at)
        })
        .collect();
    (!parts.is_empty()).then(|| moved_part_checks("bound_beside_kept_rest", parts))
}

/// Rewrites the `else if let` of `e`, if it fits, as an `if let`
/// statement's: nothing runs after it in the statement either.
pub(super) fn rewrite_else_if(e: &mut syn::ExprIf, counter: &mut usize, unique: &[syn::Ident]) {
    if let Some((_, otherwise)) = &mut e.else_branch {
        rewrite_expr(otherwise, counter, unique);
    }
}

/// Does the value `expr` makes visibly hold a `&mut`: a tuple with an
/// element `&mut ..` or one of the parameters `unique` names (`(st,
/// cmd)` with `st: &mut St`, `(&mut self.state, ev)`)? As the builder
/// sees it (see `ir::Local::holds_mut`), which decides the same way
/// whether the value is kept in place (see `patterns::takes_every_part`).
fn holds_mut(expr: &Expr, unique: &[syn::Ident]) -> bool {
    match strip_parens(expr) {
        Expr::Tuple(t) => t.elems.iter().any(|elem| match strip_parens(elem) {
            Expr::Reference(r) => r.mutability.is_some(),
            Expr::Path(p) => p.qself.is_none() && unique.iter().any(|name| p.path.is_ident(name)),
            _ => false,
        }),
        _ => false,
    }
}

/// Rewrites a `while let` or `for` whose pattern skips parts of each value
/// beside parts it moves, if it fits (see the module docs).
pub(super) fn rewrite_loop(expr: &mut Expr, counter: &mut usize) -> bool {
    // A `while let` matches each value again: no hidden local at the
    // start of the body outlives the borrows of the next (see
    // `borrowed_temporary_parts`). A `for` loop's element may be a
    // reference whose parts its pattern binds by reference (`for (ref a,
    // b) in v.iter()`, in Rust 2021), where a `ref` part bound apart would
    // be a reference to that reference, and syntax cannot tell: where a
    // part moves beside a `ref` one, the build stops at it instead.
    let looped = match expr {
        Expr::While(e) => match &*e.cond {
            Expr::Let(l) if is_value(&l.expr) => Some((&*l.pat, &mut e.body)),
            _ => None,
        },
        Expr::ForLoop(e) => Some((&*e.pat, &mut e.body)),
        _ => None,
    };
    if let Some((pat, body)) = looped
        && has_await(&*body)
        && borrowed_temporary_parts::borrows_beside_move([pat])
    {
        let check = borrowed_temporary_parts::moves_checked(pat);
        body.stmts.splice(0..0, check);
        return false;
    }
    let (pat, body) = match expr {
        Expr::While(e) => match &mut *e.cond {
            Expr::Let(l) if is_call(&l.expr) => (&mut *l.pat, &mut e.body),
            _ => return false,
        },
        Expr::ForLoop(e) => (&mut *e.pat, &mut e.body),
        _ => return false,
    };
    if !has_await(&*body) {
        return false;
    }
    let Some(first) = bound_apart(pat, counter) else {
        if let Some(check) = beside_rest(pat) {
            body.stmts.insert(0, check);
        }
        return false;
    };
    body.stmts.splice(0..0, first);
    true
}

/// A value made by a call (or an await), or a tuple of values, not a
/// place: a tuple literal moves its elements into a temporary of its own
/// (`match (x.take(), y.take())`, `match (taken, k)`), whose skipped parts
/// rustc drops at the end of the statement as a call's. So is the value a
/// `?` gives (`match pair().await? { .. }`, `while let Some((p, _)) =
/// src.next().await?`): `Try::branch` takes the operand, and what it gives
/// back is a temporary of the construct.
fn is_call(expr: &Expr) -> bool {
    matches!(
        strip_parens(expr),
        Expr::Await(_) | Expr::MethodCall(_) | Expr::Call(_) | Expr::Tuple(_) | Expr::Try(_)
    )
}

/// A value made by a call whose receiver and arguments make no temporary
/// of their own (`q.pop()`, `rx.recv().await`, `next(&mut it)`).
fn makes_one_temporary(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Await(e) => makes_one_temporary(&e.base),
        // The operand is moved into `Try::branch`: the value it gives is
        // the one temporary, beside those of the operand.
        Expr::Try(e) => makes_one_temporary(&e.expr),
        Expr::MethodCall(call) => is_place(&call.receiver) && call.args.iter().all(is_operand),
        Expr::Call(call) => {
            matches!(&*call.func, Expr::Path(_)) && call.args.iter().all(is_operand)
        }
        _ => false,
    }
}

/// A value the construct makes itself, not a place (`x`, `self.slot`,
/// `&v`, `*r`): a temporary.
fn is_value(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) | Expr::Reference(_) => false,
        Expr::Unary(e) => !matches!(e.op, syn::UnOp::Deref(_)),
        _ => true,
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
        super::rewrite_stmt(&mut stmt, &mut counter, &[]);
        if let syn::Stmt::Expr(expr, _) = &mut stmt {
            super::rewrite_loop(expr, &mut counter);
        }
        stmt.to_token_stream().to_string()
    }

    #[test]
    fn temporaries_get_their_skipped_parts_bound() {
        for stmt in [
            "match q.pop() { Some(Msg::Text(s, _)) => send(s).await, _ => 0 };",
            "let n = match rx.recv().await { Some((s, _)) => send(s).await, None => 0 };",
            "if let Some((s, _)) = next(&mut it) { send(s).await; }",
            "while let Some((s, _)) = q.pop() { send(s).await; }",
            // Beside temporaries made for it, which drop after the body.
            "while let Some((s, _)) = lock(&mut q).pop() { send(s).await; }",
            "while let Some((s, _)) = Leaf::new(\"r\").ready(q.pop()).await { send(s).await; }",
            "for (s, _) in pairs { send(s).await; }",
            // A tuple literal is a temporary too, whatever its elements.
            "match (x.take(), y.take()) { (Some(p), _) => look(&p).await, _ => 0 };",
            "match (state, k) { (Some(p), _) => look(&p).await, _ => 0 };",
            // Beside temporaries made before it, which drop after the arm.
            "match items.iter_mut().next() { Some((_, s)) => send(s).await, _ => 0 };",
            "if let Some((s, _)) = m.lock().unwrap().pop() { send(s).await; } else { m.lock(); }",
            // Kept across the `else`'s await too.
            "if let Some((s, _)) = q.pop() { s.len() } else { send(t).await };",
        ] {
            assert!(rewritten(stmt).contains("__skipped"), "{stmt}");
        }
    }

    #[test]
    fn the_bindings_are_bound_again_after_the_parts() {
        let text = rewritten("match q.pop() { Some((mut s, _)) => send(s).await, _ => 0 };");
        assert!(
            text.contains("Some ((s , __part1))"),
            "the pattern's `mut` moves to the binding again: {text}"
        );
        let skipped = text.find("let __skipped").expect("the parts bound");
        assert!(
            skipped < text.find("let mut s = s").expect("s bound again"),
            "{text}"
        );
    }

    #[test]
    fn parts_borrowed_beside_moved_ones_are_bound_in_the_arm() {
        let text = rewritten(
            "match q.pop() { Some((ref p, n)) => look(p).await, Some((_, n)) => n, None => 0 };",
        );
        let left = text
            .find("let __left")
            .expect("the borrowed part bound apart");
        assert!(
            left < text.find("let p = & __left").expect("p borrows it"),
            "{text}"
        );
        assert!(
            text.contains("let __skipped"),
            "the other arm's `_`: {text}"
        );
    }

    #[test]
    fn parts_moved_beside_ref_bindings_not_bound_apart_are_checked() {
        for stmt in [
            "match m.lock().unwrap().pop() { Some(ref p) if ok => x.await, Some(p) => 0, None => 0 };",
            "while let Some((ref n, s)) = v.pop() { x.await; }",
            "for (ref n, s) in v { x.await; }",
            "if let Some((ref n, s, ..)) = v.pop() { x.await; }",
        ] {
            assert!(rewritten(stmt).contains("bound_beside_ref"), "{stmt}");
        }
        // Bound apart: nothing to check.
        let stmt = "if let Some((ref n, s)) = v.pop() { x.await; }";
        assert!(!rewritten(stmt).contains("bound_beside_ref"), "{stmt}");
    }

    #[test]
    fn parts_beside_a_rest_that_awaits_are_checked() {
        let stmt = "match (st, ev) { (State::Open { sock, .. }, Ev::Close) => { x.await; } (v, _) => v.len(), _ => 1 };";
        let text = rewritten(stmt);
        assert!(
            !text.contains("__skipped"),
            "the `_` left as written: {text}"
        );
        assert!(text.contains("bound_beside_kept_rest"), "{text}");
        // Beside an arm that takes the value whole: not kept in place.
        let stmt = "match q.pop() { Some(Job { id, .. }) => { x.await; } other => 0 };";
        assert!(
            !rewritten(stmt).contains("bound_beside_kept_rest"),
            "{stmt}"
        );
    }

    #[test]
    fn values_left_as_written() {
        for stmt in [
            // A place, whose parts drop with it.
            "match self.pair { (s, _) => send(s).await };",
            // An arm borrows the value across an await, and its parts
            // cannot be moved out apart: kept in place.
            "match m.lock().unwrap().pop() { Some((ref p, n)) => look(p).await, Some((_, n)) => n, None => 0 };",
            // Nothing awaits.
            "match q.pop() { Some((s, _)) => s.len(), _ => 0 };",
        ] {
            assert!(!rewritten(stmt).contains("__skipped"), "{stmt}");
        }
    }
}
