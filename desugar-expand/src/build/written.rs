//! The user's code behind the expansion's own locals, for the machine's
//! description (the variants' doc comments, the Mermaid diagram,
//! `Inspect::info()` and the layout report).
//!
//! The builder and the rewrites before it name values the user did not: a
//! temporary an awaited call borrows, a value awaited or made before a
//! later await of its statement, a scrutinee, the value `pin!` pins. An
//! await's text quoted from the lowered operand, and a kept value listed by
//! its local's name, would show those names, which the user never wrote.
//! So each such local is recorded here with the code that made it, where
//! it is declared (a `let`) or, made in place, where the operand assigns
//! it; reading an expression back puts that code where the local is read,
//! and takes out the calls the expansion wrapped around the user's code
//! (a receiver's check, a `?`, a `poll!`).
//!
//! Before: `let __temporary1 = Probe::new("t");`, then the awaited operand
//!         `look(&__temporary1)`, keeping `__temporary1`
//! After:  the await `look(&Probe::new("t")).await`, keeping the temporary
//!         `Probe::new("t")`
//!
//! Before: `pair(count(), { __temporary1 = Probe::new("u"); &__temporary1 })` (made in place)
//! After:  `pair(count(), &Probe::new("u"))`
//!
//! Before: `let __awaited1 = { __result };` (after awaiting `number(1)`), then `add({ __awaited1 }, ..)`
//! After:  `__awaited1` is `number(1).await`, and the operand `add(number(1).await, ..)`

use std::collections::{HashMap, HashSet};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::ToTokens;
use syn::Expr;
use syn::visit_mut::{self, VisitMut};

use super::source_text::compact;
use crate::ir::Shown;

/// The recorded locals, by name.
#[derive(Default)]
pub(super) struct Written {
    /// Each local of the expansion's, as the user's code it stands for,
    /// read back already (so one substitution gives the user's code).
    values: HashMap<String, Expr>,
    /// Those shown by a name of rustc's own rather than as a value (the
    /// iterator of a `for` loop, `iter` in rustc's lowering and its
    /// `-Zprint-type-sizes`).
    named: HashSet<String>,
    /// Names starting with `__` that the user wrote: theirs, not the
    /// expansion's.
    users: HashSet<String>,
}

/// The name the builder gives the value an await gives, while the rest of
/// its statement is recorded (`let __awaited1 = { __result };`).
pub(super) const RESULT: &str = "__result";

impl Written {
    /// `users`: the names starting with `__` that the user's code writes
    /// (see [`user_names`]).
    pub(super) fn new(users: HashSet<String>) -> Self {
        Written {
            users,
            ..Written::default()
        }
    }

    /// Is `name` one of the expansion's own locals (hidden names all start
    /// with `__`), not the user's? The receiver, `__self` in the body, is
    /// the user's `self`.
    pub(super) fn is_expansions(&self, name: &str) -> bool {
        name.starts_with("__") && name != "__self" && !self.users.contains(name)
    }

    /// Records `local` as made by `value` (the lowered code), unless it is
    /// shown by a name of rustc's.
    pub(super) fn record(&mut self, local: &syn::Ident, value: &Expr) {
        let name = local.to_string();
        if self.is_expansions(&name) && !self.named.contains(&name) {
            let value = self.expr(value);
            self.values.insert(name, value);
        }
    }

    /// Records `local` as shown by rustc's `name` for it.
    pub(super) fn record_named(&mut self, local: &syn::Ident, name: &str) {
        let local = local.to_string();
        self.values.insert(
            local.clone(),
            crate::syntax::path(crate::names::hidden(name)),
        );
        self.named.insert(local);
    }

    /// Records the local a `let` of one hidden name with a value declares
    /// (`let __temporary1 = Probe::new("t");`).
    pub(super) fn record_let(&mut self, stmt: &syn::Stmt) {
        let syn::Stmt::Local(local) = stmt else {
            return;
        };
        let pat = match &local.pat {
            syn::Pat::Type(typed) => &*typed.pat,
            pat => pat,
        };
        if let (syn::Pat::Ident(pat), Some(init)) = (pat, &local.init)
            && pat.by_ref.is_none()
            && pat.subpat.is_none()
            && init.diverge.is_none()
        {
            self.record(&pat.ident, &init.expr);
        }
    }

    /// Records the values made in place in `stmt` (`{ __extended1 =
    /// make(); &__extended1 }` in `let r = ..;`), outside an await's
    /// operand, where [`Self::awaited`] records them.
    pub(super) fn record_in_place(&mut self, stmt: &syn::Stmt) {
        struct Found<'a, 'w> {
            written: &'w Written,
            assigned: Vec<(&'a syn::Ident, &'a Expr)>,
            /// Those found in macro arguments, parsed apart.
            owned: Vec<(syn::Ident, Expr)>,
        }
        impl<'a> syn::visit::Visit<'a> for Found<'a, '_> {
            fn visit_expr_block(&mut self, block: &'a syn::ExprBlock) {
                if let Some((syn::Stmt::Expr(_, None), assigns)) = block.block.stmts.split_last() {
                    self.assigned
                        .extend(assigns.iter().map_while(|stmt| self.written.assigned(stmt)));
                }
                syn::visit::visit_expr_block(self, block);
            }
            fn visit_macro(&mut self, mac: &'a syn::Macro) {
                // Parsed here, so the values found borrow nothing of `mac`;
                // only where they read a local of the expansion's (parsing
                // is a proc macro's largest cost).
                if self.written.mentions_expansions(mac.tokens.clone())
                    && let Some(args) = macro_args(mac)
                {
                    let mut found = Found {
                        written: self.written,
                        assigned: Vec::new(),
                        owned: Vec::new(),
                    };
                    for arg in &args {
                        syn::visit::Visit::visit_expr(&mut found, arg);
                    }
                    let assigned: Vec<_> = found
                        .assigned
                        .into_iter()
                        .map(|(ident, value)| (ident.clone(), value.clone()))
                        .collect();
                    self.owned.extend(assigned);
                }
            }
            // Their own scopes, which the builder does not lower.
            fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
            fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
            fn visit_item(&mut self, _: &'a syn::Item) {}
        }
        let mut found = Found {
            written: self,
            assigned: Vec::new(),
            owned: Vec::new(),
        };
        syn::visit::Visit::visit_stmt(&mut found, stmt);
        let mut assigned: Vec<(syn::Ident, Expr)> = found
            .assigned
            .into_iter()
            .map(|(ident, value)| (ident.clone(), value.clone()))
            .collect();
        assigned.extend(found.owned);
        for (ident, value) in assigned {
            self.record(&ident, &value);
        }
    }

    /// How `local` is shown, if it is the expansion's and recorded as code
    /// that is all the user's: a value that still reads one of the
    /// expansion's names (the parts of a local a pattern skips, bound in
    /// that pattern) is shown by its own name, as before.
    pub(super) fn shown(&self, local: &syn::Ident) -> Option<Shown> {
        let name = local.to_string();
        let value = self.values.get(&name)?;
        let tokens = value.to_token_stream();
        if self.mentions_expansions(tokens.clone()) {
            return None;
        }
        let text = compact(tokens);
        Some(if self.named.contains(&name) {
            Shown::Name(text)
        } else {
            Shown::Value(shortened(text))
        })
    }

    /// An await (`operand.await`), as the user wrote it, for the variant's
    /// doc comment.
    pub(super) fn awaited(&mut self, awaited: &Expr) -> String {
        shortened(compact(self.expr(awaited).to_token_stream()))
    }

    /// `expr` as the user wrote it: each recorded local read there given as
    /// the code that made it, each value made in place (`{ __temporary1 =
    /// value; &__temporary1 }`) recorded and given as that code, and the
    /// expansion's wrappers taken out.
    pub(super) fn expr(&mut self, expr: &Expr) -> Expr {
        let mut expr =
            crate::rewrite::moved_derefs::as_written(&super::receiver_check::unwrapped(expr));
        self.visit_expr_mut(&mut expr);
        expr
    }

    /// A recorded local read bare, as what made it.
    fn value_of(&self, expr: &Expr) -> Option<Expr> {
        let Expr::Path(path) = expr else { return None };
        if path.qself.is_some() || !path.attrs.is_empty() {
            return None;
        }
        let ident = path.path.get_ident()?;
        if ident == "__self" {
            return Some(syn::parse_quote!(self));
        }
        self.values.get(&ident.to_string()).cloned()
    }

    /// Do `tokens` name one of the expansion's locals, or its runtime
    /// (`::desugar::__private`)?
    fn mentions_expansions(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tree| match tree {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                name == "__private" || self.is_expansions(&name)
            }
            TokenTree::Group(group) => self.mentions_expansions(group.stream()),
            _ => false,
        })
    }

    /// Macro arguments as the user wrote them: tokens, read as
    /// [`Self::expr`] reads code where they are a recorded local (bare or
    /// as `{ __awaited1 }`), and the name the expansion gave a macro of the
    /// user's own named as a standard one (`rewrite::own_macro_names`)
    /// given back.
    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = TokenStream::new();
        for tree in trees {
            match &tree {
                TokenTree::Ident(ident) => {
                    let name = ident.to_string();
                    if let Some(value) = self.value_of(&crate::syntax::path(ident.clone())) {
                        out.extend(parenthesized(value).into_token_stream());
                    } else if let Some(own) = name.strip_prefix("__own_") {
                        out.extend([TokenTree::Ident(syn::Ident::new(own, ident.span()))]);
                    } else {
                        out.extend([tree]);
                    }
                }
                TokenTree::Group(group) => {
                    let block = (group.delimiter() == Delimiter::Brace)
                        .then(|| syn::parse2::<Expr>(group.stream()).ok())
                        .flatten()
                        .and_then(|inner| self.value_of(&inner));
                    match block {
                        Some(value) => out.extend(parenthesized(value).into_token_stream()),
                        None => {
                            let mut inner =
                                Group::new(group.delimiter(), self.tokens(group.stream()));
                            inner.set_span(group.span());
                            out.extend([TokenTree::Group(inner)]);
                        }
                    }
                }
                _ => out.extend([tree]),
            }
        }
        out
    }
}

impl VisitMut for Written {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        loop {
            if let Some(value) = self.value_of(expr) {
                *expr = value;
                return;
            }
            // A scope whose temporaries drop where it ends:
            // `{ let __scope_value2 = format!(..); drop(..); __scope_value2 }`.
            if let Some(scope) = super::temporaries::scope_wrapped(expr) {
                *expr = scope.clone();
                continue;
            }
            match expr {
                // Made in place: `{ __temporary1 = value; &__temporary1 }`.
                Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
                    let stmts = &block.block.stmts;
                    let Some((syn::Stmt::Expr(tail, None), assigns)) = stmts.split_last() else {
                        return visit_mut::visit_expr_mut(self, expr);
                    };
                    let assigned: Option<Vec<(&syn::Ident, &Expr)>> =
                        assigns.iter().map(|stmt| self.assigned(stmt)).collect();
                    match assigned {
                        // `{ __awaited1 }`: the value read.
                        Some(assigned) if assigned.is_empty() => match self.value_of(tail) {
                            Some(value) => {
                                *expr = value;
                                return;
                            }
                            None => break,
                        },
                        Some(assigned) => {
                            let assigned: Vec<(syn::Ident, Expr)> = assigned
                                .into_iter()
                                .map(|(ident, value)| (ident.clone(), value.clone()))
                                .collect();
                            let tail = tail.clone();
                            for (ident, value) in assigned {
                                self.record(&ident, &value);
                            }
                            *expr = tail;
                        }
                        None => break,
                    }
                }
                // A receiver made in place is borrowed there (`{
                // __temporary1 = m.lock(); &__temporary1 }.len()`), where
                // the user wrote the value, which the call borrows itself.
                Expr::MethodCall(call) => {
                    self.borrowed_in_place(&mut call.receiver);
                    break;
                }
                // `?`: `match Branch::branch(value) { Continue(v) => v, Break(r) => return .. }`.
                Expr::Match(matched) if tried(matched).is_some() => {
                    let operand = tried(matched).cloned();
                    if let Some(operand) = operand {
                        *expr = syn::parse_quote!(#operand?);
                    }
                }
                // A `poll!`, which awaits inside its own expansion
                // (`rewrite::poll_macro`).
                Expr::Await(awaited)
                    if matches!(&*awaited.base, Expr::Call(call)
                        if crate::syntax::is_private_path(&call.func, "poll_once")) =>
                {
                    if let Expr::Call(call) = &*awaited.base {
                        let args = &call.args;
                        *expr = syn::parse_quote!(poll!(#args));
                    }
                }
                // `return value`, finishing the future.
                Expr::Return(ret) => {
                    if let Some(Expr::Call(call)) = ret.expr.as_deref()
                        && crate::syntax::is_private_item(&call.func, &["Poll", "Ready"])
                        && let Some(value) = call.args.first()
                    {
                        ret.expr = Some(Box::new(value.clone()));
                    }
                    break;
                }
                Expr::Macro(mac) => {
                    // Arguments that read as expressions (`format!`'s,
                    // `vec!`'s) are read as code is; others token by token.
                    // Only where they read something of the expansion's:
                    // parsing is a proc macro's largest cost.
                    if self.mentions_expansions(mac.mac.tokens.clone()) {
                        mac.mac.tokens = match macro_args(&mac.mac) {
                            Some(args) => {
                                let args = args.iter().map(|arg| self.expr(arg));
                                quote::quote!(#(#args),*)
                            }
                            None => self.tokens(mac.mac.tokens.clone()),
                        };
                    }
                    if let Some(last) = mac.mac.path.segments.last_mut()
                        && let Some(own) = last.ident.to_string().strip_prefix("__own_")
                    {
                        last.ident = syn::Ident::new(own, last.ident.span());
                    }
                    return;
                }
                _ => break,
            }
        }
        visit_mut::visit_expr_mut(self, expr);
    }
}

impl Written {
    /// Takes the borrow out of `receiver`'s tail where it is a value made
    /// in place and borrowed (`{ __temporary1 = value; &__temporary1 }`).
    fn borrowed_in_place(&self, receiver: &mut Expr) {
        let Expr::Block(block) = receiver else {
            return;
        };
        let Some((syn::Stmt::Expr(tail, None), assigns)) = block.block.stmts.split_last_mut()
        else {
            return;
        };
        let Expr::Reference(borrow) = tail else {
            return;
        };
        let made_here = assigns.iter().any(|stmt| {
            self.assigned(stmt).is_some_and(
                |(ident, _)| matches!(&*borrow.expr, Expr::Path(p) if p.path.is_ident(ident)),
            )
        });
        if made_here {
            *tail = (*borrow.expr).clone();
        }
    }

    /// `ident` and `value` of `ident = value;`, where `ident` is the
    /// expansion's.
    fn assigned<'a>(&self, stmt: &'a syn::Stmt) -> Option<(&'a syn::Ident, &'a Expr)> {
        let syn::Stmt::Expr(Expr::Assign(assign), Some(_)) = stmt else {
            return None;
        };
        let Expr::Path(left) = &*assign.left else {
            return None;
        };
        let ident = left.path.get_ident()?;
        self.is_expansions(&ident.to_string())
            .then_some((ident, &*assign.right))
    }
}

/// The arguments of `mac`, where they read as expressions separated by
/// commas (`format!("{}", a)`, `vec![a, b]`).
fn macro_args(mac: &syn::Macro) -> Option<Vec<Expr>> {
    use syn::parse::Parser;
    let args = syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated
        .parse2(mac.tokens.clone())
        .ok()?;
    Some(args.into_iter().collect())
}

/// The operand of the `?` that `matched` is (`rewrite::early_exit`).
fn tried(matched: &syn::ExprMatch) -> Option<&Expr> {
    let Expr::Call(call) = &*matched.expr else {
        return None;
    };
    let ours = crate::syntax::is_private_item(&call.func, &["Branch", "branch"])
        && call.args.len() == 1
        && matched.arms.len() == 2;
    ours.then(|| call.args.first()).flatten()
}

/// `value`, in parentheses where it is more than one operand (`a + b`), so
/// that it reads as one among the tokens around it.
fn parenthesized(value: Expr) -> Expr {
    match value {
        Expr::Binary(_)
        | Expr::Unary(_)
        | Expr::Cast(_)
        | Expr::Range(_)
        | Expr::Reference(_)
        | Expr::Closure(_)
        | Expr::Assign(_)
        | Expr::Let(_)
        | Expr::Return(_)
        | Expr::Break(_) => syn::parse_quote!((#value)),
        value => value,
    }
}

/// Text of at most 80 characters, for a doc comment or a table.
pub(super) fn shortened(text: String) -> String {
    if text.chars().count() > 80 {
        format!("{} …", text.chars().take(77).collect::<String>())
    } else {
        text
    }
}

/// The names starting with `__` that `tokens` (the user's fn) writes:
/// the user's own, never taken for the expansion's.
pub(crate) fn user_names(tokens: TokenStream) -> HashSet<String> {
    let mut names = HashSet::new();
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                if name.starts_with("__") {
                    names.insert(name);
                }
            }
            TokenTree::Group(group) => names.extend(user_names(group.stream())),
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(lets: &[&str], operand: &str) -> String {
        let mut written = Written::default();
        for stmt in lets {
            written.record_let(&syn::parse_str(stmt).expect("a statement"));
        }
        let operand: Expr = syn::parse_str(operand).expect("an expression");
        written.awaited(&syn::parse_quote!(#operand.await))
    }

    #[test]
    fn a_temporary_is_read_as_the_code_that_made_it() {
        assert_eq!(
            written(
                &["let __temporary1 = Probe::new(\"t\");"],
                "look(&__temporary1)"
            ),
            "look(&Probe::new(\"t\")).await"
        );
        assert_eq!(
            written(
                &[],
                "pair(count(), { __temporary1 = Probe::new(\"u\"); &__temporary1 })"
            ),
            "pair(count(), &Probe::new(\"u\")).await"
        );
        assert_eq!(
            written(
                &[
                    "let __result = number(1).await;",
                    "let __awaited1 = { __result };"
                ],
                "add({ __awaited1 }, look(&__temporary2))"
            ),
            "add(number(1).await, look(&__temporary2)).await"
        );
        assert_eq!(
            written(
                &["let __earlier1 = a + b;"],
                "f(__earlier1.len(), __self.n)"
            ),
            "f((a + b).len(), self.n).await"
        );
        assert_eq!(
            written(&[], "f({ __temporary1 = m.lock(); &__temporary1 }.len())"),
            "f(m.lock().len()).await"
        );
    }

    #[test]
    fn wrappers_and_macros_are_read_as_written() {
        assert_eq!(
            written(
                &["let __temporary1 = x;"],
                "fetch(match ::desugar::__private::Branch::branch(make()) { a => a, b => b })"
            ),
            "fetch(make()?).await"
        );
        assert_eq!(
            written(&[], "::desugar::__private::poll_once(fut.as_mut())"),
            "poll!(fut.as_mut())"
        );
        assert_eq!(
            written(
                &["let __awaited1 = number(1).await;"],
                "look(&format!(\"{}\", { __awaited1 }))"
            ),
            "look(&format!(\"{}\", number(1).await)).await"
        );
        assert_eq!(
            written(&[], "look(&__own_line!(\"n={}\", n))"),
            "look(&line!(\"n={}\", n)).await"
        );
    }

    #[test]
    fn the_users_own_names_are_theirs() {
        let mut written = Written::new(user_names("let __mine = make();".parse().unwrap()));
        written.record_let(&syn::parse_str("let __mine = make();").unwrap());
        assert!(written.shown(&crate::names::hidden("__mine")).is_none());
        assert_eq!(
            written.awaited(&syn::parse_quote!(look(&__mine).await)),
            "look(&__mine).await"
        );
    }
}
