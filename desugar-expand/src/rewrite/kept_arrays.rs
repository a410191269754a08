//! An array local kept across an await and taken apart after it by a slice
//! pattern that moves its elements out (`let [a, b] = pair;`). Where the
//! future is dropped at that await, or a poll there unwinds, rustc drops
//! the array element by element, in an order of its own (last first for
//! `[a, b]`; for `[a, ..]` on three elements, the second, the third, then
//! the first) wherever elements are moved out later on a path from there;
//! the machine keeps the array whole in its state and drops it first to
//! last. Tuples and structs drop in field order either way: only arrays
//! differ. Where nothing moves (`Copy` elements, or an array reached
//! through a reference, whose elements the pattern borrows), the array
//! drops whole in both.
//!
//! Which elements move, only the compiler knows: each by-value binding of
//! the slice pattern gets a check (see `__private::kept_array`) that stops
//! the build at it where it moves, saying to take the array apart before
//! the await or to use a tuple.
//!
//! Before:
//! ```text
//! let pair = [open("a"), open("b")];
//! first.await;
//! let [a, b] = pair;
//! ```
//! After:
//! ```text
//! let pair = [open("a"), open("b")];
//! first.await;
//! let [a, b] = pair;
//! { moved_from_kept_array((&&BesideRest(&a)).kind()); moved_from_kept_array((&&BesideRest(&b)).kind()); }
//! ```
//! The same check goes at the start of a `match` arm's body, or of an `if
//! let` or `while let` block. A local counts as kept across an await where
//! one is written between where it is bound and the pattern, or where the
//! pattern is in a loop that awaits and the local is bound outside it.
//! The value matched may be a place in the local (`s.pair`, `*boxed`).
//! Awaits that run on no path before the pattern count too, where the
//! array is whole across them (an earlier arm's, an `else`'s): rustc then
//! drops it at the end of its scope as a partly moved one, in its own
//! order. Not those of the `else` of a `let … else` that fails only on
//! `None` (`let Some([a, _, c]) = o else { return x.await };`), nor of an
//! earlier arm that takes the matched array apart itself (`[a, _] if w =>
//! { x.await; .. }`).

use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat, Stmt};

use crate::build::has_await;
use crate::walk;

/// Rewrites `body`, whose fn takes `params`.
pub(crate) fn rewrite_body(body: &mut syn::Block, params: &[&syn::PatType]) {
    let mut checker = Checker {
        locals: Vec::new(),
        pending: Vec::new(),
    };
    for param in params {
        checker.bind(&param.pat);
    }
    checker.visit_block_mut(body);
}

/// A local in scope: whether an await ran since it was bound.
struct Local {
    name: syn::Ident,
    awaited: bool,
}

struct Checker {
    /// The locals in scope, innermost last.
    locals: Vec<Local>,
    /// The checks of the `let`s of the condition being visited, for the
    /// block they bind for.
    pending: Vec<Stmt>,
}

impl Checker {
    fn bind(&mut self, pat: &Pat) {
        for binding in walk::patterns::bindings(pat) {
            self.locals.push(Local {
                name: binding.ident,
                awaited: false,
            });
        }
    }

    fn awaited(&mut self) {
        self.locals
            .iter_mut()
            .for_each(|local| local.awaited = true);
    }

    /// Whether an await ran since each local in scope was bound.
    fn awaits(&self) -> Vec<bool> {
        self.locals.iter().map(|local| local.awaited).collect()
    }

    /// Back to `awaits`, taken with the same locals in scope.
    fn restore(&mut self, awaits: &[bool]) {
        for (local, &awaited) in self.locals.iter_mut().zip(awaits) {
            local.awaited = awaited;
        }
    }

    /// The check of `pat` matched on `value`, where `value` is a place in a
    /// local kept across an await and `pat` moves elements out of an array.
    fn check(&self, pat: &Pat, value: &Expr) -> Option<Stmt> {
        let root = root_local(value)?;
        let kept = self
            .locals
            .iter()
            .rev()
            .find(|local| local.name == *root)
            .is_some_and(|local| local.awaited);
        let mut elements = Vec::new();
        in_slices(pat, false, &mut elements);
        if !kept || elements.is_empty() {
            return None;
        }
        let elements = elements.into_iter().map(|element| {
            let at = element.span();
            (element, at)
        });
        Some(super::skipped_parts::moved_part_checks(
            "moved_from_kept_array",
            elements,
        ))
    }

    /// Visits the condition of an `if` or `while`, then `block` with the
    /// bindings of its `let`s in scope, their checks put first.
    fn conditional(&mut self, cond: &mut Expr, block: &mut syn::Block) {
        let outer = std::mem::take(&mut self.pending);
        let scope = self.locals.len();
        self.visit_expr_mut(cond);
        let checks = std::mem::replace(&mut self.pending, outer);
        self.visit_block_mut(block);
        self.locals.truncate(scope);
        block.stmts.splice(0..0, checks);
    }
}

impl VisitMut for Checker {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let scope = self.locals.len();
        let mut at = 0;
        while at < block.stmts.len() {
            if matches!(block.stmts[at], Stmt::Macro(_)) && has_await(&block.stmts[at]) {
                self.awaited();
            }
            match &mut block.stmts[at] {
                Stmt::Local(local) => {
                    let mut check = None;
                    if let Some(init) = &mut local.init {
                        self.visit_expr_mut(&mut init.expr);
                        // The `else` runs only where the pattern fails;
                        // where it fails only on `None` (`Some([a, _, c])`)
                        // no array is whole across its awaits.
                        let before_else = fails_only_on_none(&local.pat)
                            .then(|| self.check(&local.pat, &init.expr));
                        if let Some((_, diverge)) = &mut init.diverge {
                            self.visit_expr_mut(diverge);
                        }
                        check = before_else.unwrap_or_else(|| self.check(&local.pat, &init.expr));
                    }
                    self.bind(&local.pat);
                    if let Some(check) = check {
                        at += 1;
                        block.stmts.insert(at, check);
                    }
                }
                Stmt::Macro(_) => {}
                stmt => self.visit_stmt_mut(stmt),
            }
            at += 1;
        }
        self.locals.truncate(scope);
    }

    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Await(e) => {
                self.visit_expr_mut(&mut e.base);
                self.awaited();
            }
            Expr::Macro(_) => {
                if has_await(&*expr) {
                    self.awaited();
                }
            }
            Expr::Let(e) => {
                self.visit_expr_mut(&mut e.expr);
                if let Some(check) = self.check(&e.pat, &e.expr) {
                    self.pending.push(check);
                }
                self.bind(&e.pat);
            }
            Expr::If(e) => {
                self.conditional(&mut e.cond, &mut e.then_branch);
                if let Some((_, otherwise)) = &mut e.else_branch {
                    self.visit_expr_mut(otherwise);
                }
            }
            Expr::While(e) => {
                // From the second pass on, every await in the loop ran
                // before any point in it.
                if has_await(&*e.cond) || has_await(&e.body) {
                    self.awaited();
                }
                self.conditional(&mut e.cond, &mut e.body);
            }
            Expr::Loop(e) => {
                if has_await(&e.body) {
                    self.awaited();
                }
                self.visit_block_mut(&mut e.body);
            }
            Expr::ForLoop(e) => {
                self.visit_expr_mut(&mut e.expr);
                if has_await(&e.body) {
                    self.awaited();
                }
                let scope = self.locals.len();
                self.bind(&e.pat);
                self.visit_block_mut(&mut e.body);
                self.locals.truncate(scope);
            }
            Expr::Match(e) => {
                self.visit_expr_mut(&mut e.expr);
                // An earlier arm's awaits count for a later arm's pattern,
                // though they never run before it: where an array is whole
                // across them, rustc drops it at the end of its scope in
                // the order of a partly moved one, which later arms make
                // it. Not those of an arm that takes the matched array
                // apart itself (`[a, _] if w => { x.await; .. }`): no
                // array is whole across them.
                let matched = root_local(&e.expr)
                    .and_then(|root| self.locals.iter().rposition(|local| local.name == *root));
                let mut seen = self.awaits();
                let mut after = seen.clone();
                for arm in &mut e.arms {
                    self.restore(&seen);
                    let check = self.check(&arm.pat, &e.expr);
                    let scope = self.locals.len();
                    self.bind(&arm.pat);
                    self.visit_expr_mut(&mut arm.body);
                    self.locals.truncate(scope);
                    let taken_apart = moves_an_element(&arm.pat);
                    for (at, local) in self.locals.iter().enumerate() {
                        after[at] |= local.awaited;
                        if !(taken_apart && matched == Some(at)) {
                            seen[at] |= local.awaited;
                        }
                    }
                    if let Some(check) = check {
                        let body = &arm.body;
                        *arm.body = syn::parse_quote!({ #check #body });
                        arm.comma.get_or_insert_with(Default::default);
                    }
                }
                self.restore(&after);
            }
            // Their bodies are not lowered; rustc reads them as written.
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The local `value` is a place in: `pair`, `s.pair`, `*boxed`.
fn root_local(value: &Expr) -> Option<&syn::Ident> {
    match value {
        Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
        Expr::Paren(e) => root_local(&e.expr),
        Expr::Group(e) => root_local(&e.expr),
        Expr::Field(e) => root_local(&e.base),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => root_local(&e.expr),
        _ => None,
    }
}

/// Does `pat` move an element out of an array it matches: an element
/// bound by value as it is (`a` in `Some([a, _])`)? Where the element type
/// is `Copy`, so is the array, which has nothing to drop.
fn moves_an_element(pat: &Pat) -> bool {
    match pat {
        Pat::Slice(p) => p.elems.iter().any(|element| match element {
            Pat::Ident(e) => e.by_ref.is_none() && walk::patterns::is_binding(e),
            other => moves_an_element(other),
        }),
        Pat::Paren(p) => moves_an_element(&p.pat),
        Pat::Type(p) => moves_an_element(&p.pat),
        Pat::Guard(p) => moves_an_element(&p.pat),
        Pat::Struct(p) => p.fields.iter().any(|f| moves_an_element(&f.pat)),
        Pat::Tuple(p) => p.elems.iter().any(moves_an_element),
        Pat::TupleStruct(p) => p.elems.iter().any(moves_an_element),
        _ => false,
    }
}

/// Does `pat` fail only where the value is `None` (`Some([a, _, c])`), or
/// never: does it leave nothing to drop where it fails?
fn fails_only_on_none(pat: &Pat) -> bool {
    match pat {
        Pat::TupleStruct(p) if p.path.is_ident("Some") && p.elems.len() == 1 => {
            p.elems.iter().all(walk::patterns::irrefutable)
        }
        Pat::Paren(p) => fails_only_on_none(&p.pat),
        Pat::Type(p) => fails_only_on_none(&p.pat),
        other => walk::patterns::irrefutable(other),
    }
}

/// The bindings by value (`a`, `mut a`, `rest @ ..`) in the slice patterns
/// of `pat` (`inside` one already), in the order written.
fn in_slices(pat: &Pat, inside: bool, out: &mut Vec<syn::Ident>) {
    match pat {
        Pat::Ident(p) => {
            // `None`, a unit variant or a constant, as rustc's naming
            // lints have it, is not a binding.
            if inside && p.by_ref.is_none() && walk::patterns::is_binding(p) {
                out.push(p.ident.clone());
            }
            if let Some((_, sub)) = &p.subpat {
                in_slices(sub, inside, out);
            }
        }
        Pat::Slice(p) => p.elems.iter().for_each(|e| in_slices(e, true, out)),
        // Every alternative binds the same names.
        Pat::Or(p) => {
            if let Some(first) = p.cases.first() {
                in_slices(first, inside, out);
            }
        }
        Pat::Paren(p) => in_slices(&p.pat, inside, out),
        Pat::Reference(p) => in_slices(&p.pat, inside, out),
        Pat::Struct(p) => p.fields.iter().for_each(|f| in_slices(&f.pat, inside, out)),
        Pat::Tuple(p) => p.elems.iter().for_each(|e| in_slices(e, inside, out)),
        Pat::TupleStruct(p) => p.elems.iter().for_each(|e| in_slices(e, inside, out)),
        Pat::Type(p) => in_slices(&p.pat, inside, out),
        Pat::Guard(p) => in_slices(&p.pat, inside, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite_body;
    use quote::ToTokens;

    /// How many element checks the rewrite puts in `body`.
    fn checks(body: &str) -> usize {
        let mut block: syn::Block = syn::parse_str(body).expect("a block");
        rewrite_body(&mut block, &[]);
        let text = block.to_token_stream().to_string();
        text.matches("moved_from_kept_array").count()
    }

    #[test]
    fn slice_patterns_after_an_await() {
        for (body, count) in [
            ("{ let p = mk(); x.await; let [a, b] = p; }", 2),
            (
                "{ let p = mk(); x.await; match p { [a, ..] => 0, _ => 1 } }",
                1,
            ),
            ("{ let p = mk(); x.await; if let [Some(a), _] = p { } }", 1),
            ("{ let s = mk(); x.await; let [a, rest @ ..] = s.pair; }", 2),
            (
                "{ let p = mk(); loop { if c { let [a, b] = p; break; } x.await; } }",
                2,
            ),
            ("{ for p in ps { x.await; let [a, b] = p; } }", 2),
            // An await on any branch ran before what follows the branches.
            (
                "{ let p = mk(); match n { 0 => { x.await; } _ => {} } let [a, b] = p; }",
                2,
            ),
            (
                "{ let p = mk(); if c { x.await; } else if let [a, b] = p { } }",
                2,
            ),
            // An array whole across an earlier arm's await, or across the
            // `else` of a pattern that may fail with it.
            (
                "{ let p = mk(); match p { [_, _] if w => { x.await; } [a, b] => {} } }",
                2,
            ),
            (
                "{ let p = mk(); match n { 0 => { x.await; } _ => { let [a, b] = p; } } }",
                2,
            ),
            (
                "{ let o = mk(); let Some([a, Ok(c)]) = o else { return x.await; }; }",
                2,
            ),
        ] {
            assert_eq!(checks(body), count, "{body}");
        }
    }

    #[test]
    fn left_as_written() {
        for body in [
            // Taken apart before the await, or made after it.
            "{ let p = mk(); let [a, b] = p; x.await; }",
            "{ x.await; let p = mk(); let [a, b] = p; y.await; }",
            "{ for p in ps { let [a, b] = p; x.await; } }",
            // An await that runs only where the pattern does not bind, or
            // on another branch.
            "{ let o = mk(); let Some([a, _, c]) = o else { return x.await; }; }",
            "{ let p = mk(); match p { [a, _] if w => { x.await; } [a, b] => {} } }",
            // Shadowed after the await.
            "{ let p = mk(); x.await; let p = mk(); let [a, b] = p; }",
            // Not a slice pattern, or binding nothing by value.
            "{ let p = mk(); x.await; let (a, b) = p; }",
            "{ let p = mk(); x.await; let [ref a, _] = p; }",
            // In a closure, whose body rustc reads as written.
            "{ let p = mk(); x.await; let f = move || { let [a, b] = p; }; }",
        ] {
            assert_eq!(checks(body), 0, "{body}");
        }
    }
}
