//! Stage 3: the body as [`ir`](crate::ir), with every use of a local recorded
//! for the analysis.
//!
//! Before:
//! ```text
//! let trimmed = input.trim().to_string();
//! let result = fetch_length(&trimmed).await;
//! result * 2
//! ```
//! After (as IR):
//! ```text
//! Plain   let trimmed = input.trim().to_string();       declares trimmed
//! Await#0 operand fetch_length(&trimmed)
//!         rest    let result = { __result };            declares result
//! Plain   return Poll::Ready(result * 2);
//! ```

mod awaits;
mod exits;
mod lead;
mod lower;
mod roles;
mod scrutinee;
mod source_text;
mod tail_edition;
mod temporaries;
mod values;

pub(crate) use source_text::compact;
use source_text::describe;
use temporaries::ScopeEnd;
use values::{owns_value, recursive_call};

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::ir::{AwaitInfo, Block, Body, Local, LocalId, Mention, MentionKind, Stmt};
use crate::names;
use crate::rewrite::early_exit::finish;
use crate::signature::Plan;
use crate::walk::{self, Scope, patterns};

pub(crate) use awaits::has_await;
pub(crate) use exits::always_jumps;

/// Input: the planned signature and the rewritten body. Output: the IR.
pub(crate) fn build(plan: &Plan, body: syn::Block) -> syn::Result<Body> {
    let mut builder = Builder {
        fn_name: plan.sig.ident.to_string(),
        ..Builder::default()
    };
    builder.scopes.push(Vec::new());
    let mut params = Vec::new();
    let mut block = Block::default();
    for param in &plan.params {
        let id = builder.declare(param.ident.clone(), param.mutable, true);
        builder.locals[id].copy = param.copy;
        builder.locals[id].unique = param.unique;
        params.push(id);
        block.stmts.push(Stmt::Param(id));
        if let Some(destructure) = &param.destructure {
            builder.stmt(destructure.clone(), &Dest::Discard, &mut block.stmts);
        }
    }
    builder.stmts_into(body.stmts, &Dest::Return, &mut block.stmts);
    builder.close_scope();
    if let Some(err) = builder.errors {
        return Err(err);
    }
    for (k, info) in builder.awaits.iter_mut().enumerate() {
        info.leaves_loops = exits::loops_left(&block, k);
    }
    Ok(Body {
        locals: builder.locals,
        params,
        block,
        awaits: builder.awaits,
        mentions: builder.mentions,
        loops: builder.loops,
        edition_check: builder.rust_2024_tail.map(tail_edition::check),
    })
}

/// Where a block's value goes.
#[derive(Clone)]
pub(crate) enum Dest {
    /// Nowhere: a statement.
    Discard,
    /// It finishes the future: the body's tail.
    Return,
    /// Into a hidden local declared before the construct.
    Assign(syn::Ident),
}

impl Dest {
    /// The statement that sends `value` to this destination.
    fn statement(&self, value: syn::Expr) -> syn::Stmt {
        match self {
            Dest::Discard => syn::Stmt::Expr(value, Some(Default::default())),
            Dest::Return => syn::Stmt::Expr(finish(&value), Some(Default::default())),
            Dest::Assign(ident) => syn::parse_quote_spanned!(value.span()=> #ident = #value;),
        }
    }
}

/// Where a statement [`Builder::statement`] lowers stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Statement,
    /// A block's tail expression, written as a statement (`__value = ..;`).
    Tail,
    /// A scrutinee's (`let __scrutinee = ..;`): its temporaries live on
    /// with the construct.
    Scrutinee,
}

#[derive(Default)]
struct Builder {
    /// The async fn's name, to recognise it awaiting itself.
    fn_name: String,
    locals: Vec<Local>,
    mentions: Vec<Mention>,
    awaits: Vec<AwaitInfo>,
    loops: Vec<(u32, u32)>,
    seq: u32,
    /// Locals in scope, innermost scope last.
    scopes: Vec<Vec<LocalId>>,
    hidden: usize,
    /// While walking an await's operand: that await.
    operand_of: Option<usize>,
    /// The branches, arms and loop bodies around the current statement.
    path: Vec<u32>,
    next_node: u32,
    errors: Option<syn::Error>,
    /// A lowered tail that may make a temporary, where the code must be
    /// Rust 2024 (see [`tail_edition`]).
    rust_2024_tail: Option<Span>,
}

/// Records each use the walk finds: local, kind, span, conditional.
struct Recorder<'a> {
    found: Vec<(LocalId, MentionKind, Span, bool)>,
    locals: &'a [Local],
}

impl<'a> Recorder<'a> {
    fn new(locals: &'a [Local]) -> Self {
        Recorder {
            found: Vec::new(),
            locals,
        }
    }
}

impl walk::Visitor for Recorder<'_> {
    fn mention(
        &mut self,
        local: LocalId,
        kind: MentionKind,
        _: Option<&mut syn::Expr>,
        span: Span,
    ) {
        self.found.push((local, kind, span, false));
    }

    fn conditional_mention(
        &mut self,
        local: LocalId,
        kind: MentionKind,
        _: Option<&mut syn::Expr>,
        span: Span,
        conditional: bool,
    ) {
        self.found.push((local, kind, span, conditional));
    }

    fn reborrows(&self, local: LocalId) -> bool {
        self.locals[local].unique
    }
}

impl Builder {
    fn error(&mut self, err: syn::Error) {
        match &mut self.errors {
            Some(errors) => errors.combine(err),
            None => self.errors = Some(err),
        }
    }

    /// Runs `f` inside a new branch, arm or loop body.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.next_node += 1;
        self.path.push(self.next_node);
        let out = f(self);
        self.path.pop();
        out
    }

    fn tick(&mut self) -> u32 {
        self.seq += 1;
        self.seq
    }

    fn scope_map(&self) -> Scope {
        let mut map = Scope::new();
        for &id in self.scopes.iter().flatten() {
            map.insert(self.locals[id].ident.to_string(), id);
        }
        map
    }

    /// A new local in the innermost scope.
    fn declare(&mut self, ident: syn::Ident, mutable: bool, initialized: bool) -> LocalId {
        let id = self.allocate(ident, mutable, initialized);
        self.enter(id);
        id
    }

    /// A local that a statement will declare once its value is evaluated.
    fn allocate(&mut self, ident: syn::Ident, mutable: bool, initialized: bool) -> LocalId {
        self.locals.push(Local {
            ident,
            mutable,
            initialized,
            copy: false,
            unique: false,
            operand: false,
            scope: (0, 0),
        });
        self.locals.len() - 1
    }

    fn enter(&mut self, id: LocalId) {
        let start = self.tick();
        self.locals[id].scope.0 = start;
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(id);
        }
    }

    fn allocate_pattern(&mut self, pat: &syn::Pat, initialized: bool) -> Vec<LocalId> {
        patterns::bindings(pat)
            .into_iter()
            .map(|b| self.allocate(b.ident, b.mutable, initialized))
            .collect()
    }

    fn hidden_local(&mut self, base: &str) -> syn::Ident {
        self.hidden += 1;
        names::hidden(&format!("__{base}{}", self.hidden))
    }

    fn close_scope(&mut self) {
        let end = self.tick();
        if let Some(scope) = self.scopes.pop() {
            for id in scope {
                self.locals[id].scope.1 = end;
            }
        }
    }

    fn record(&mut self, found: Vec<(LocalId, MentionKind, Span, bool)>, holders: &[LocalId]) {
        for (local, kind, span, conditional) in found {
            let seq = self.tick();
            self.mentions.push(Mention {
                local,
                seq,
                kind,
                conditional,
                path: self.path.clone(),
                in_operand: self.operand_of,
                holders: holders.to_vec(),
                span,
            });
        }
    }

    fn record_expr(&mut self, expr: &syn::Expr, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::expr(&mut expr.clone(), &self.scope_map(), &mut recorder);
        let found = recorder.found;
        self.record(found, holders);
    }

    fn record_place(&mut self, expr: &syn::Expr, kind: MentionKind, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::place(&mut expr.clone(), kind, &self.scope_map(), &mut recorder);
        let found = recorder.found;
        self.record(found, holders);
    }

    /// The locals that may hold a borrow `stmt` takes: those it declares
    /// and those it assigns (`x = &v[1];`), unless its value is new by
    /// construction.
    fn holders(&self, stmt: &syn::Stmt, declares: &[LocalId]) -> Vec<LocalId> {
        if owns_value(stmt) {
            return Vec::new();
        }
        let mut recorder = Recorder::new(&self.locals);
        walk::stmt(&mut stmt.clone(), &self.scope_map(), &mut recorder);
        let mut holders = declares.to_vec();
        for (local, kind, _, _) in recorder.found {
            if kind == MentionKind::Assign && !holders.contains(&local) {
                holders.push(local);
            }
        }
        holders
    }

    fn record_stmt(&mut self, stmt: &syn::Stmt, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::stmt(&mut stmt.clone(), &self.scope_map(), &mut recorder);
        let found = recorder.found;
        self.record(found, holders);
    }

    /// A block of statements in a new scope, with `prelude` locals (pattern
    /// bindings of the construct that owns the block) declared first.
    fn block(&mut self, stmts: Vec<syn::Stmt>, dest: &Dest, prelude: &[LocalId]) -> Block {
        self.scopes.push(Vec::new());
        for &id in prelude {
            self.enter(id);
        }
        let block = self.block_in_scope(stmts, dest);
        self.close_scope();
        block
    }

    fn block_in_scope(&mut self, stmts: Vec<syn::Stmt>, dest: &Dest) -> Block {
        let mut out = Block::default();
        self.stmts_into(stmts, dest, &mut out.stmts);
        out
    }

    fn stmts_into(&mut self, stmts: Vec<syn::Stmt>, dest: &Dest, out: &mut Vec<Stmt>) {
        let count = stmts.len();
        let mut has_tail = false;
        for (index, stmt) in stmts.into_iter().enumerate() {
            let is_tail = index + 1 == count && matches!(stmt, syn::Stmt::Expr(_, None));
            has_tail |= is_tail;
            if let syn::Stmt::Expr(tail, None) = &stmt
                && is_tail
                && self.rust_2024_tail.is_none()
            {
                self.rust_2024_tail = tail_edition::temporary(tail);
            }
            self.stmt(stmt, if is_tail { dest } else { &Dest::Discard }, out);
        }
        // A block with no tail has the value `()`.
        if !has_tail && !matches!(dest, Dest::Discard) {
            let unit = dest.statement(syn::parse_quote!(()));
            self.stmt(unit, &Dest::Discard, out);
        }
    }

    fn stmt(&mut self, stmt: syn::Stmt, dest: &Dest, out: &mut Vec<Stmt>) {
        match stmt {
            syn::Stmt::Local(local) => self.local(local, out),
            syn::Stmt::Expr(expr, semi) => {
                if lower::is_construct_with_await(&expr) {
                    self.construct(expr, dest, out);
                } else {
                    match (semi, dest) {
                        (Some(_), _) => self.simple(syn::Stmt::Expr(expr, semi), out),
                        (None, Dest::Discard) => self.simple_tail(syn::Stmt::Expr(expr, None), out),
                        (None, dest) => self.simple_tail(dest.statement(expr), out),
                    }
                }
            }
            syn::Stmt::Macro(mac) => {
                let expr = syn::Expr::Macro(syn::ExprMacro {
                    attrs: mac.attrs,
                    mac: mac.mac,
                });
                match mac.semi_token {
                    Some(semi) => self.simple(syn::Stmt::Expr(expr, Some(semi)), out),
                    None => self.simple_tail(dest.statement(expr), out),
                }
            }
            syn::Stmt::Item(item) => out.push(Stmt::Plain {
                stmt: syn::Stmt::Item(item),
                declares: Vec::new(),
            }),
        }
    }

    fn local(&mut self, mut local: syn::Local, out: &mut Vec<Stmt>) {
        let value_construct = local.init.as_ref().is_some_and(|init| {
            init.diverge.is_none() && lower::is_construct_with_await(&init.expr)
        });
        if value_construct {
            // `let p = if c { a.await } else { b };` becomes
            // `let __value; if c { __value = a.await } else { __value = b }; let p = __value;`
            let value = self.hidden_local("value");
            let id = self.allocate(value.clone(), false, false);
            out.push(Stmt::Plain {
                stmt: syn::parse_quote!(let #value;),
                declares: vec![id],
            });
            self.enter(id);
            let init = local.init.take().map(|init| *init.expr);
            if let Some(init) = init {
                self.construct(init, &Dest::Assign(value.clone()), out);
            }
            local.init = Some(syn::LocalInit {
                eq_token: Default::default(),
                expr: Box::new(syn::parse_quote!(#value)),
                diverge: None,
            });
        }
        self.simple(syn::Stmt::Local(local), out);
    }

    /// A statement that is not a construct with awaits in its body: plain,
    /// or a chain of suspensions each taking the first-running await.
    fn simple(&mut self, stmt: syn::Stmt, out: &mut Vec<Stmt>) {
        let temporaries = self.statement(stmt, Kind::Statement, out);
        self.drop_temporaries(temporaries, out);
    }

    /// [`Self::simple`] for what was a block's tail expression.
    fn simple_tail(&mut self, stmt: syn::Stmt, out: &mut Vec<Stmt>) {
        let temporaries = self.statement(stmt, Kind::Tail, out);
        self.drop_temporaries(temporaries, out);
    }

    /// [`Self::simple`] for a scrutinee's statement (a `match`'s, a `for`
    /// loop's iterable), leaving the temporaries that live to the end of the
    /// statement undropped: they are returned, for the caller to leave to
    /// the end of the enclosing block, which ends with the construct.
    fn simple_keeping(&mut self, stmt: syn::Stmt, out: &mut Vec<Stmt>) -> Vec<syn::Ident> {
        self.statement(stmt, Kind::Scrutinee, out)
    }

    /// Lowers a statement with its awaits, returning the temporaries that
    /// live to its end. In a scrutinee's statement, an awaited value the
    /// statement does not move is one of those, to be kept with the others.
    fn statement(
        &mut self,
        mut stmt: syn::Stmt,
        kind: Kind,
        out: &mut Vec<Stmt>,
    ) -> Vec<syn::Ident> {
        let keep = kind == Kind::Scrutinee;
        // Temporaries hoisted for any of the statement's awaits: they live to
        // the end of the whole statement, past its later awaits.
        let mut temporaries = Vec::new();
        // Those of awaits in terminating scopes (an `if` condition, a
        // `format!`), by the awaited value's name: they drop where the
        // scope ends, once it has no await left.
        let mut in_scopes = Vec::new();
        // The values awaited before a later await of the statement, and
        // whether each is in a terminating scope.
        let mut awaited = Vec::new();
        // Those of them that became temporaries of a macro call.
        let mut macro_temporaries: Vec<syn::Ident> = Vec::new();
        loop {
            if !has_await(&stmt) {
                let declares = self.plain_declares(&stmt);
                let holders = self.holders(&stmt, &declares);
                self.record_stmt(&stmt, &holders);
                for &id in &declares {
                    self.enter(id);
                }
                out.push(Stmt::Plain { stmt, declares });
                awaited.retain(|(ident, _)| !macro_temporaries.contains(ident));
                return self.operands(awaited, temporaries);
            }
            let awaits_left = count_awaits(&stmt);
            let result = names::hidden("__result");
            // In a scrutinee the last awaited value is named too: a
            // temporary there (`match a.await.label()`) lives on with the
            // construct.
            let mut value = if awaits_left > 1 || keep {
                Some(self.hidden_local("awaited"))
            } else {
                None
            };
            // A block, not the local: the awaited value is a temporary of
            // the statement, made where the `.await` stood. Borrowed (the
            // receiver of `a.await.method(b.await)`), it drops at the end of
            // the statement, as in rustc, not at the end of the block that
            // declares the local; moved (by value, or into a method taking
            // `self`), nothing is left of it to drop. A scrutinee's
            // temporaries live on with the construct: there the local itself
            // is the temporary, kept with the others (unless a terminating
            // scope, a `format!`'s arguments, ends it first).
            //
            // Before: `let n = a.await.add(b.await);`
            // After:  `let __awaited1 = a.await;` (a suspension)
            //         `let n = { __awaited1 }.add(b.await);` (another)
            let replacement: syn::Expr = match &value {
                Some(ident) => syn::parse_quote!({ #ident }),
                None => syn::parse_quote!({ #result }),
            };
            let found = match take_from_stmt(&mut stmt, &replacement) {
                Ok(Some(found)) => found,
                // Nothing `#[desugar]` can suspend on after all: the statement
                // stays as written (never dropped); rustc rejects any
                // `.await` left in it.
                Ok(None) => {
                    let declares = self.plain_declares(&stmt);
                    self.record_stmt(&stmt, &declares);
                    for &id in &declares {
                        self.enter(id);
                    }
                    out.push(Stmt::Plain { stmt, declares });
                    return temporaries;
                }
                Err(lead::NotLeading::After(span)) => {
                    self.error(syn::Error::new(
                        span,
                        "#[desugar] cannot suspend here yet: this `.await` runs after other parts of its statement that have effects; bind the awaited value with `let` in a statement of its own first",
                    ));
                    return Vec::new();
                }
                Err(lead::NotLeading::Reads(span, name)) => {
                    self.error(syn::Error::new(
                        span,
                        format!(
                            "#[desugar] cannot suspend here yet: `{name}` is read before this `.await` and used by the awaited expression, \
                             which may change it; bind the awaited value with `let` in a statement of its own first"
                        ),
                    ));
                    return Vec::new();
                }
                Err(lead::NotLeading::Unsupported(span, msg)) => {
                    self.error(syn::Error::new(span, msg));
                    return Vec::new();
                }
            };
            // Errors about the awaited value (a kept one moved by a method
            // taking `self`) point at the await it stands for.
            if let Some(ident) = &mut value {
                ident.set_span(Span::mixed_site().located_at(found.operand.span()));
            }
            let in_scope = found.in_scope;
            let in_let_else = found.in_let_else;
            let (found, hoisted, hoisted_at) = self.hoist_temporaries(found, out);
            if let Some(span) = in_let_else
                && !in_scope
                && !hoisted.is_empty()
            {
                self.error(temporaries::edition_dependent(hoisted_at.unwrap_or(span)));
            }
            let marker = value.clone().unwrap_or_else(|| result.clone());
            // Values awaited earlier in the same macro arguments, to drop at
            // their end with these temporaries.
            let mut in_this_scope = Vec::new();
            if !hoisted.is_empty() {
                // A value awaited earlier and read as `{ __awaited1 }` would
                // drop when the statement (or macro call) ends, before
                // these, which rustc drops first (they are newer, or in a
                // scope that ends sooner): it becomes one of the statement's
                // (or the macro call's) temporaries, dropped after them.
                for (ident, earlier_in_scope) in &awaited {
                    if !earlier_in_scope && temporaries::unwrap_awaited(&mut stmt, ident) {
                        temporaries.push(ident.clone());
                    } else if *earlier_in_scope && in_scope {
                        let receiver = temporaries::awaited_receiver(&stmt, ident);
                        let known = receiver.as_ref().map(|(name, call)| {
                            let by_value = walk::consumes_receiver(name)
                                || walk::copy::NUMERIC.contains(&name.to_string().as_str());
                            (*call && by_value, *call && walk::borrows_receiver(name))
                        });
                        if let Some((true, _)) = known {
                            // Moved into its method's pending call (or a
                            // number, with nothing to drop): an operand,
                            // dropped before the macro's temporaries.
                            continue;
                        }
                        if let Some((_, false)) = known {
                            // Both in terminating scopes (a `format!`'s
                            // arguments): which drops first depends on
                            // whether the earlier value is borrowed or moved
                            // by its method, which syntax cannot tell for
                            // this one.
                            self.error(syn::Error::new(
                                hoisted_at.unwrap_or_else(|| ident.span()),
                                "#[desugar] cannot suspend here yet: this `.await` borrows a temporary in the same macro arguments as a value awaited before it; bind the awaited value with `let` in a statement of its own first",
                            ));
                            return Vec::new();
                        }
                        if temporaries::in_same_macro(&stmt, ident, &marker)
                            && temporaries::unwrap_awaited(&mut stmt, ident)
                        {
                            in_this_scope.push(ident.clone());
                            // Borrowed by the macro, never moved by it.
                            macro_temporaries.push(ident.clone());
                        }
                    }
                }
            }
            // A tail's temporaries and the operands of its pending calls
            // share one scope (Rust 2024), where all drop newest first, as
            // the machine drops values read as `{ __awaitedN }`.
            if kind != Kind::Tail {
                roles::settle(&mut stmt, &awaited, &mut temporaries);
            }
            if in_scope && !hoisted.is_empty() {
                in_this_scope.extend(hoisted);
                in_scopes.push((marker, in_this_scope));
            } else {
                temporaries.extend(hoisted);
            }

            self.drop_in_scopes(&mut stmt, &mut in_scopes, &mut temporaries);
            let rest: syn::Stmt = match &value {
                Some(ident) => syn::parse_quote!(let #ident = { #result };),
                None => stmt.clone(),
            };
            // The temporaries drop after the statement: a block's tail
            // becomes a statement (of type `()`) so that they can follow it.
            let rest = match rest {
                syn::Stmt::Expr(expr, None) if !temporaries.is_empty() => {
                    syn::Stmt::Expr(expr, Some(Default::default()))
                }
                rest => rest,
            };
            self.suspension(found, rest, out);
            match value {
                Some(ident) => {
                    if keep && !in_scope && temporaries::unwrap_awaited(&mut stmt, &ident) {
                        temporaries.push(ident.clone());
                    }
                    awaited.push((ident, in_scope));
                }
                None => {
                    awaited.retain(|(ident, _)| !macro_temporaries.contains(ident));
                    return self.operands(awaited, temporaries);
                }
            }
        }
    }

    /// Puts the drops of temporaries hoisted from terminating scopes at the
    /// ends of those scopes, innermost (latest) first, for each scope that
    /// has no await left.
    fn drop_in_scopes(
        &mut self,
        stmt: &mut syn::Stmt,
        pending: &mut Vec<(syn::Ident, Vec<syn::Ident>)>,
        temporaries: &mut Vec<syn::Ident>,
    ) {
        let mut waiting = Vec::new();
        while let Some((marker, hoisted)) = pending.pop() {
            let value = self.hidden_local("scope_value");
            match temporaries::drop_where_scope_ends(stmt, &marker, &hoisted, &value) {
                ScopeEnd::Dropped => {}
                ScopeEnd::Awaiting => waiting.push((marker, hoisted)),
                ScopeEnd::NotFound => temporaries.extend(hoisted),
            }
        }
        waiting.reverse();
        *pending = waiting;
    }

    /// The end of a statement that hoisted temporaries: they drop in the
    /// reverse of the order they were made, as rustc drops them.
    ///
    /// Their scope ends there too, so that a later local kept in place can
    /// share a temporary's slot in the homes area, as rustc overlaps them.
    /// Once a statement is lowered: marks the values `awaited` before its
    /// later awaits that it moves as operands, and returns its
    /// `temporaries` without them (nothing is left of them to drop).
    fn operands(
        &mut self,
        awaited: Vec<(syn::Ident, bool)>,
        mut temporaries: Vec<syn::Ident>,
    ) -> Vec<syn::Ident> {
        for (ident, _) in &awaited {
            if let Some(id) = self.moved(ident) {
                self.locals[id].operand = true;
                temporaries.retain(|temporary| temporary != ident);
            }
        }
        temporaries
    }

    /// The local named `ident` (the latest of that name), if a use moves
    /// it, or perhaps moves it (inside a macro `#[desugar]` cannot read).
    fn moved(&self, ident: &syn::Ident) -> Option<LocalId> {
        let id = self
            .locals
            .iter()
            .rposition(|local| local.ident == *ident)?;
        self.mentions
            .iter()
            .any(|m| m.local == id && (m.kind.may_move() || m.kind == MentionKind::Opaque))
            .then_some(id)
    }

    fn drop_temporaries(&mut self, temporaries: Vec<syn::Ident>, out: &mut Vec<Stmt>) {
        for temporary in temporaries.into_iter().rev() {
            let drop: syn::Stmt = syn::parse_quote!(::core::mem::drop(#temporary););
            self.simple(drop, out);
            let end = self.tick();
            if let Some(scope) = self.scopes.last_mut()
                && let Some(index) = scope
                    .iter()
                    .position(|&id| self.locals[id].ident == temporary)
            {
                let id = scope.remove(index);
                self.locals[id].scope.1 = end;
            }
        }
    }

    /// Temporaries the awaited future borrows live, in rustc, to the end of
    /// the statement: across the suspension. When such a temporary is the
    /// first thing the operand evaluates, it becomes a hidden local (homed,
    /// as the future borrows it) declared just before and dropped just after
    /// the statement.
    ///
    /// Before: `let page = fetch(&format!("{base}/x")).await;`
    /// After:  `let __temporary1 = format!("{base}/x");`
    ///         `let page = fetch(&__temporary1).await;`
    ///         `::core::mem::drop(__temporary1);`
    fn hoist_temporaries(
        &mut self,
        mut found: lead::Found,
        out: &mut Vec<Stmt>,
    ) -> (lead::Found, Vec<syn::Ident>, Option<Span>) {
        let mut hoisted = Vec::new();
        let mut first_at = None;
        for value in temporaries::leading(&mut found.operand, || self.hidden_local("temporary")) {
            let (ident, value) = value;
            first_at = first_at.or(Some(value.span()));
            let stmt: syn::Stmt = syn::parse_quote!(let #ident = #value;);
            self.simple(stmt, out);
            hoisted.push(ident);
        }
        (found, hoisted, first_at)
    }

    /// A closure or `async` block whose captured locals are all visibly
    /// `Copy` (`|a| a ^ n`, `|| self.p.touch()` with `&self`): whether it
    /// captures them by reference or by value, it holds nothing to drop.
    fn captures_only_copies(&self, expr: &syn::Expr) -> bool {
        if !matches!(expr, syn::Expr::Closure(_) | syn::Expr::Async(_)) {
            return false;
        }
        let mut recorder = Recorder::new(&self.locals);
        walk::expr(&mut expr.clone(), &self.scope_map(), &mut recorder);
        recorder
            .found
            .iter()
            .all(|&(local, ..)| self.locals[local].copy)
    }

    fn plain_declares(&mut self, stmt: &syn::Stmt) -> Vec<LocalId> {
        let syn::Stmt::Local(local) = stmt else {
            return Vec::new();
        };
        let ids = self.allocate_pattern(&local.pat, local.init.is_some());
        // `let n: u32 = ..;` or `let n = 5;`: visibly `Copy`, and so is every
        // part of such a value (`let Some(x) = None::<u32> else { .. };`).
        let copy = match &local.pat {
            syn::Pat::Type(typed) if walk::copy::is_copy_type(&typed.ty) => true,
            _ => local.init.as_ref().is_some_and(|init| {
                walk::copy::is_copy_value(&init.expr) || self.captures_only_copies(&init.expr)
            }),
        };
        // `let m = &mut v;` or `let m: &mut T = ..;`.
        let unique = match &local.pat {
            syn::Pat::Type(typed) => {
                matches!(&*typed.ty, syn::Type::Reference(r) if r.mutability.is_some())
            }
            _ => local.init.as_ref().is_some_and(
                |init| matches!(&*init.expr, syn::Expr::Reference(r) if r.mutability.is_some()),
            ),
        };
        for &id in &ids {
            self.locals[id].copy = copy;
            self.locals[id].unique = unique;
        }
        ids
    }

    /// Records a suspension: the operand's uses, the await itself, then the
    /// rest of the statement.
    fn suspension(&mut self, found: lead::Found, rest: syn::Stmt, out: &mut Vec<Stmt>) {
        if let Some(span) = recursive_call(&found.operand, &self.fn_name) {
            let name = &self.fn_name;
            self.error(syn::Error::new(
                span,
                format!(
                    "#[desugar] cannot await `{name}` from inside `{name}`: the machine's type would contain itself. \
                     Erase the recursive future's type with a trait object (the machine is then not `Send`): \
                     `(Box::pin({name}(..)) as ::core::pin::Pin<Box<dyn ::core::future::Future<Output = ..>>>).await`"
                ),
            ));
        }
        let id = self.awaits.len();
        let declares = self.plain_declares(&rest);
        let holders = self.holders(&rest, &declares);
        self.operand_of = Some(id);
        self.record_expr(&found.operand, &holders);
        self.operand_of = None;
        let seq = self.tick();
        let in_scope = self.scopes.iter().flatten().copied().collect();
        self.awaits.push(AwaitInfo {
            seq,
            in_scope,
            path: self.path.clone(),
            source: describe(&found.operand),
            via_async_block: found.via_async_block,
            leaves_loops: 0,
        });
        self.record_stmt(&rest, &holders);
        for &id in &declares {
            self.enter(id);
        }
        out.push(Stmt::Await(Box::new(crate::ir::Await {
            id,
            operand: found.operand,
            rest,
            declares,
        })));
    }
}

fn take_from_stmt(
    stmt: &mut syn::Stmt,
    replacement: &syn::Expr,
) -> Result<Option<lead::Found>, lead::NotLeading> {
    match stmt {
        syn::Stmt::Local(local) => match &mut local.init {
            Some(init) => {
                if let Some(span) = init
                    .diverge
                    .as_ref()
                    .and_then(|(_, d)| awaits::first_await(&**d))
                {
                    return Err(lead::NotLeading::Unsupported(
                        span,
                        "#[desugar] cannot suspend in the `else` of a `let … else` yet: move the `.await` before the `let`",
                    ));
                }
                lead::take(&mut init.expr, replacement)
            }
            None => Ok(None),
        },
        syn::Stmt::Expr(expr, _) => lead::take(expr, replacement),
        syn::Stmt::Macro(_) | syn::Stmt::Item(_) => Ok(None),
    }
}

fn count_awaits(stmt: &syn::Stmt) -> usize {
    let mut copy = stmt.clone();
    let mut count = 0;
    let placeholder: syn::Expr = syn::parse_quote!(());
    while let Ok(Some(_)) = take_from_stmt(&mut copy, &placeholder) {
        count += 1;
    }
    count + usize::from(has_await(&copy))
}
