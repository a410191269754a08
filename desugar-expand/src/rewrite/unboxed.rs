//! A local whose type does not show, destructured whole out of a deref
//! (`let (n, p) = *b;`) or moved out of it by name (`let l = *l;`), with
//! `b` bound by a pattern (`Some(b)` in a `match` arm, an `if let`, a
//! `let … else`, a tuple `let`) or by `let b = ..;`, named nowhere after
//! (a name bound again by that `let` is another local), with an await
//! after it in its block. Out of a
//! `Box` the parts move, and the box goes with them (rustc frees it at the
//! end of its scope; nothing else of it is left to drop); but the machine
//! would keep `b` across the await, as a value of a type it cannot see,
//! and a box moved out of cannot be kept (E0382). So `b` is moved into the
//! `let`, through a check that it is a `Box` or a reference (which the
//! pattern copies out of, and whose move changes nothing): any other
//! pointer (an `Rc`, a lock's guard) only lends `Copy` parts and stays
//! whole to the end of its scope, and the check stops the build saying
//! what to write (see `__private::unboxed`).
//!
//! Before: `Some(b) => { let (n, p) = *b; x.await; p.touch(); n }`
//! After:  `Some(b) => { let (n, p) = *::desugar::__private::unboxed(::desugar::__private::Unboxing(b));`
//!          `  x.await; p.touch(); n }`
//!
//! Before: `Tree::Node(l) => { let l = *l; x.await; depth(l) }`
//! After:  `Tree::Node(l) => { let l = *::desugar::__private::unboxed(::desugar::__private::Unboxing(l));`
//!          `  x.await; depth(l) }`
//!
//! Read by value elsewhere, `consume(*b).await`, `let (a, b) = (*a,
//! *b);`, the same `b` moves into a call that gives the value: see
//! `rewrite::moved_derefs`.
//!
//! A local whose type is written (`b: Box<T>`, `let b: Rc<T> = ..;`) is
//! left to what its type says (`ir::Local::boxed`).

use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat, Stmt};

use super::moved_derefs;
use crate::build::has_await;
use crate::walk::{self, patterns};

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    Unboxing.visit_block_mut(body);
}

struct Unboxing;

impl VisitMut for Unboxing {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        rewrite(&mut block.stmts, Vec::new(), &[]);
        visit_mut::visit_block_mut(self, block);
    }

    // A pattern's bindings whose scope is a block: the arm's, the `if
    // let`'s, the loop's.
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Match(e) => {
                for arm in &mut e.arms {
                    match &mut *arm.body {
                        Expr::Block(body) => {
                            rewrite(&mut body.block.stmts, bound_by(&arm.pat), &[]);
                        }
                        // An arm's value, read by value: the statement of
                        // its own the arm is (`Some(b) => consume(*b).await`).
                        body if has_await(&*body) => {
                            for name in bound_by(&arm.pat) {
                                if mention_count(&quote::quote!(#body), &name) == 1 {
                                    moved_derefs::unbox(body, &name, true);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Expr::If(e) => {
                if let Expr::Let(l) = &*e.cond {
                    rewrite(&mut e.then_branch.stmts, bound_by(&l.pat), &[]);
                }
            }
            Expr::While(e) => {
                if let Expr::Let(l) = &*e.cond {
                    rewrite(&mut e.body.stmts, bound_by(&l.pat), &[]);
                }
            }
            Expr::ForLoop(e) => {
                // `for x in &v`, `v.iter()`: shared references, which `*x`
                // copies out of, leaving nothing to keep but the reference.
                let lent = if walk::yields_shared_refs(&e.expr) {
                    bound_by(&e.pat)
                } else {
                    Vec::new()
                };
                rewrite(&mut e.body.stmts, bound_by(&e.pat), &lent);
            }
            _ => {}
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The names `pat` binds by value: their types do not show.
fn bound_by(pat: &Pat) -> Vec<syn::Ident> {
    patterns::bindings(pat)
        .into_iter()
        .filter(|binding| !binding.ref_mut)
        .map(|binding| binding.ident)
        .collect()
}

/// Rewrites the `let`s of `stmts` that destructure one of `untyped` (or a
/// local an untyped `let` of `stmts` binds by name) whole out of a deref,
/// and the other reads of such a deref by value (see `moved_derefs`), but
/// of one of `lent`, visibly a shared reference, which `*` copies out of.
fn rewrite(stmts: &mut [Stmt], mut untyped: Vec<syn::Ident>, lent: &[syn::Ident]) {
    // Bound whole by a plain `let g = ..;`: a lock's or a cell's guard as
    // often as a box (`let g = m.lock().unwrap(); let v = *g;`), which
    // copying out of by name leaves whole to the end of its scope, and the
    // check would stop such a build. A box bound so is moved out of only
    // by a pattern that takes it apart.
    let mut plain: Vec<syn::Ident> = Vec::new();
    for at in 0..stmts.len() {
        let (head, rest) = stmts.split_at_mut(at + 1);
        // Read by value elsewhere in the statement (see `moved_derefs`),
        // before the `let` below rebinds a name.
        if has_await(&head[at]) || rest.iter().any(has_await) {
            for name in untyped
                .iter()
                .filter(|name| !plain.contains(name) && !lent.contains(name))
            {
                moved_once(&mut head[at], rest, name);
            }
        }
        let Stmt::Local(local) = &mut head[at] else {
            continue;
        };
        if let Some(init) = &mut local.init
            && init.diverge.is_none()
            && let Some(name) = deref_of_local(&init.expr)
            && untyped.contains(&name)
            && (destructures_whole(&local.pat)
                || (moves_whole(&local.pat) && !plain.contains(&name)))
            && rest.iter().any(has_await)
            && (binds(&local.pat, &name)
                || !rest
                    .iter()
                    .any(|stmt| walk::mentions(&quote::quote!(#stmt), &name.to_string())))
        {
            let span = syn::spanned::Spanned::span(&*init.expr);
            *init.expr = syn::parse_quote_spanned!(span=>
                *::desugar::__private::unboxed(::desugar::__private::Unboxing(#name))
            );
        }
        // A name bound again is another local, whose type may show.
        untyped.retain(|name| !binds(&local.pat, name));
        plain.retain(|name| !binds(&local.pat, name));
        if !matches!(local.pat, Pat::Type(_)) {
            untyped.extend(bound_by(&local.pat));
        }
        if let Pat::Ident(p) = &local.pat
            && local
                .init
                .as_ref()
                .is_some_and(|init| init.diverge.is_none())
        {
            plain.push(p.ident.clone());
        }
    }
}

/// Rewrites the one `*name` that `stmt` reads by value, if `stmt` names
/// `name` there only and nothing after it names the same local (see
/// `moved_derefs`). A `let`'s pattern is left out: a name it binds again
/// is another local.
fn moved_once(stmt: &mut Stmt, rest: &[Stmt], name: &syn::Ident) {
    let named_after = rest
        .iter()
        .any(|stmt| walk::mentions(&quote::quote!(#stmt), &name.to_string()));
    match stmt {
        Stmt::Local(local) => {
            let Some(init) = &mut local.init else { return };
            if (named_after && !binds(&local.pat, name))
                || mention_count(&local_init(init), name) != 1
                || deref_of_local(&init.expr).as_ref() == Some(name)
            {
                return;
            }
            moved_derefs::unbox(&mut init.expr, name, moves_out(&local.pat));
        }
        Stmt::Expr(expr, semi) => {
            if !named_after && mention_count(&quote::quote!(#expr), name) == 1 {
                moved_derefs::unbox(expr, name, semi.is_none());
            }
        }
        Stmt::Macro(stmt) => {
            if !named_after && mention_count(&quote::quote!(#stmt), name) == 1 {
                moved_derefs::in_macro(&mut stmt.mac, name);
            }
        }
        Stmt::Item(_) => {}
    }
}

/// A `let`'s value and `else` block, as tokens.
fn local_init(init: &syn::LocalInit) -> proc_macro2::TokenStream {
    let expr = &init.expr;
    let otherwise = init.diverge.as_ref().map(|(_, otherwise)| otherwise);
    quote::quote!(#expr #otherwise)
}

/// How many times `tokens` name `name`, format strings' captures included.
fn mention_count(tokens: &proc_macro2::TokenStream, name: &syn::Ident) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) => usize::from(ident == *name),
            proc_macro2::TokenTree::Group(group) => mention_count(&group.stream(), name),
            proc_macro2::TokenTree::Literal(literal) => walk::literal_captures(&literal)
                .iter()
                .filter(|captured| *name == captured.name)
                .count(),
            proc_macro2::TokenTree::Punct(_) => 0,
        })
        .sum()
}

/// `*b`, `b` a local's name.
pub(super) fn deref_of_local(expr: &Expr) -> Option<syn::Ident> {
    let Expr::Unary(e) = walk::strip_parens(expr) else {
        return None;
    };
    if !matches!(e.op, syn::UnOp::Deref(_)) {
        return None;
    }
    match walk::strip_parens(&e.expr) {
        Expr::Path(path) if path.qself.is_none() => path.path.get_ident().cloned(),
        _ => None,
    }
}

/// Does `pat` bind `name`?
fn binds(pat: &Pat, name: &syn::Ident) -> bool {
    patterns::bindings(pat)
        .iter()
        .any(|binding| binding.ident == *name)
}

/// A pattern that moves all of a value out of a `Box` (see [`moves_whole`]
/// and [`destructures_whole`]).
pub(super) fn moves_out(pat: &Pat) -> bool {
    moves_whole(pat) || destructures_whole(pat)
}

/// A name bound by value (`l`, `mut l`): out of a `Box` it takes all of
/// the value.
fn moves_whole(pat: &Pat) -> bool {
    matches!(pat, Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none())
}

/// A tuple, tuple struct or struct pattern that binds every part by value
/// (`(n, p)`, `Pair { a, b }`): out of a `Box` it takes all of the value.
fn destructures_whole(pat: &Pat) -> bool {
    match pat {
        Pat::Paren(p) => destructures_whole(&p.pat),
        Pat::Type(p) => destructures_whole(&p.pat),
        Pat::Tuple(_) | Pat::TupleStruct(_) | Pat::Struct(_) => {
            patterns::binds_by_value(pat) && !patterns::leaves_rest(pat)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    fn rewritten(body: &str) -> String {
        let mut block: syn::Block = syn::parse_str(body).expect("a block");
        super::rewrite_body(&mut block);
        block.to_token_stream().to_string()
    }

    #[test]
    fn a_local_whose_type_does_not_show_moves_into_the_let() {
        for body in [
            "{ match s.take() { Some(b) => { let (n, p) = *b; x.await; p.touch(); n } None => 0 } }",
            "{ let b = make(); let Pair { a, b: c } = *b; x.await; c.touch() }",
            "{ if let Some(b) = next() { let (n, p) = *b; x.await; n } }",
            "{ let Some(b) = item else { return 0 }; let (n, p) = *b; x.await; n }",
            "{ let (inner, outer) = *b; let (n, p) = *inner; x.await; n }",
            "{ match s.take() { Some(b) => { let v = *b; x.await; v } None => 0 } }",
            // The name bound again is another local.
            "{ match t { Node(l) => { let l = *l; x.await; depth(l) } Leaf(n) => n } }",
        ] {
            assert!(rewritten(body).contains("unboxed"), "{body}");
        }
    }

    #[test]
    fn a_deref_read_by_value_elsewhere_takes_the_local() {
        for body in [
            "{ match e { Some(b) => consume(*b).await, None => 0 } }",
            "{ for k in kids { n += consume(*k).await; } }",
            "{ let Some((a, b)) = e else { return 0 }; let (a, b) = (*a, *b); f(a).await }",
            "{ match e { Some(b) => { let p = if c { *b } else { fresh() }; f(p).await } None => 0 } }",
            "{ match e { Add(a, b) => Ok(format!(\"{}\", eval(*a).await?)), _ => todo!() } }",
        ] {
            assert!(rewritten(body).contains(":: unbox ("), "{body}");
        }
    }

    #[test]
    fn a_deref_read_as_a_place_or_again_left_as_written() {
        for body in [
            // Read as a place, or by an operator, which copies.
            "{ match e { Some(b) => f(&*b).await, None => 0 } }",
            "{ match e { Some(b) => f((*b).len()).await, None => 0 } }",
            "{ match e { Some(n) => f(*n + 1).await, None => 0 } }",
            // Named again, in the statement or after it.
            "{ match e { Some(b) => f(*b, b.len()).await, None => 0 } }",
            "{ match e { Some(b) => { f(*b).await; b.len() } None => 0 } }",
            // In a loop inside the statement: read again.
            "{ match e { Some(n) => { loop { f(*n).await; } } None => 0 } }",
            // Bound whole by a plain `let`: a guard as often as a box.
            "{ let g = m.lock().unwrap(); send(*g).await }",
            // A `for` loop's shared references.
            "{ for x in &v { total += f(*x).await; } }",
            // In an `assert!`, which prints its condition's text.
            "{ match e { Some(b) => assert!(f(*b).await), None => {} } }",
            // No await after it.
            "{ match e { Some(b) => { x.await; consume(*b) } None => 0 } }",
        ] {
            assert!(!rewritten(body).contains(":: unbox ("), "{body}");
        }
    }

    #[test]
    fn left_as_written() {
        for body in [
            // Its type written.
            "{ let b: Rc<(u8, u8)> = make(); let (n, m) = *b; x.await; n }",
            // Named after, or nothing awaited after.
            "{ match s.take() { Some(b) => { let (n, p) = *b; x.await; b.len() } None => 0 } }",
            "{ match s.take() { Some(b) => { let (n, p) = *b; n } None => 0 } }",
            // Part of it left, or borrowed.
            "{ match s.take() { Some(b) => { let (n, _) = *b; x.await; n } None => 0 } }",
            "{ match s.take() { Some(b) => { let ref v = *b; x.await; v.len() } None => 0 } }",
            // Copied out of by name where a plain `let` bound it whole:
            // a guard as often as a box.
            "{ let g = m.lock().unwrap(); let v = *g; x.await; v }",
            // Its type written in the pattern that binds it.
            "{ let (b, m): (Rc<(u8, u8)>, u8) = make(); let (n, k) = *b; x.await; n }",
            // A parameter, whose type is written.
            "{ let (n, p) = *b; x.await; n }",
        ] {
            assert!(!rewritten(body).contains("unboxed"), "{body}");
        }
    }
}
