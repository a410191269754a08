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

mod awaiting_macro;
mod awaits;
mod earlier;
mod exits;
mod extended;
mod lead;
mod line_breaks;
mod lower;
mod macro_lets;
mod nesting;
mod printed;
pub(crate) mod receiver_check;
mod roles;
mod scrutinee;
mod shared_items;
mod source_text;
mod statement;
pub(crate) mod struct_update;
mod tail_edition;
mod temporaries;
mod tried;
mod values;
mod written;

pub(crate) use printed::printed;
pub(crate) use source_text::compact;
use source_text::compact_type;
use values::{owns_value, recursive_call};

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::ir::{AwaitInfo, Block, Body, Local, LocalId, Mention, MentionKind, Stmt};
use crate::names;
use crate::rewrite::early_exit::finish;
use crate::signature::Plan;
use crate::walk::drop_witness::Witness;
use crate::walk::{self, Scope, patterns};

pub(crate) use awaits::{first_await, has_await};
pub(crate) use earlier::{plain_place, plain_value, tried};
pub(crate) use exits::always_jumps;
pub(crate) use extended::{RefBinding, name as extended_temporaries};
pub(crate) use lead::has_early_exit;
pub(crate) use lower::let_parts;
pub(crate) use tail_edition::{Needs2024, check as edition_check};
pub(crate) use values::{is_constructor, is_promoted, is_promoted_borrow};
pub(crate) use written::user_names;

/// Input: the planned signature, the rewritten body, the hidden locals
/// that hold pinned values (`rewrite::pinning`) and the names starting with
/// `__` that the user wrote ([`user_names`]). Output: the IR.
pub(crate) fn build(
    plan: &Plan,
    body: syn::Block,
    pinned: &[syn::Ident],
    user_names: std::collections::HashSet<String>,
) -> syn::Result<Body> {
    let mut builder = Builder {
        fn_name: plan.sig.ident.to_string(),
        self_borrows: shared_items::SelfBorrows::of(quote::ToTokens::to_token_stream(&body)),
        pinned: pinned.iter().map(ToString::to_string).collect(),
        written: written::Written::new(user_names),
        ..Builder::default()
    };
    builder.scopes.push(Vec::new());
    let mut params = Vec::new();
    let mut block = Block::default();
    for param in &plan.params {
        let id = builder.declare(param.ident.clone(), param.mutable, true);
        builder.locals[id].copy = param.copy;
        builder.locals[id].standard = param.standard;
        builder.locals[id].referent = param.referent;
        builder.locals[id].eager = param.eager;
        builder.locals[id].unique = param.unique;
        builder.locals[id].holds_mut = param.holds_mut;
        builder.locals[id].number = param.number;
        builder.locals[id].boxed = param.boxed;
        builder.locals[id].pointer = param.pointer;
        builder.locals[id].shared_ref =
            param.shared_ref && !builder.self_borrows.contains(&param.ident);
        params.push(id);
        block.stmts.push(Stmt::Param(id));
        if let Some(destructure) = &param.destructure {
            builder.stmt(destructure.clone(), &Dest::Discard, &mut block.stmts);
            let scope = builder.scope_map();
            for name in &param.boxed_parts {
                if let Some(&id) = scope.get(&name.to_string()) {
                    builder.locals[id].boxed = true;
                }
            }
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
    let mut dropped_before_else = vec![None; builder.locals.len()];
    for (local, dropped) in builder.rescoped_locals {
        dropped_before_else[local] = Some(dropped);
    }
    // Those made in place were recorded where their operand gives them
    // their value, after they were declared.
    for local in &mut builder.locals {
        if local.shown.is_none() {
            local.shown = builder.written.shown(&local.ident);
        }
    }
    Ok(Body {
        locals: builder.locals,
        params,
        block,
        awaits: builder.awaits,
        mentions: builder.mentions,
        loops: builder.loops,
        jumps: builder.jumps,
        leaving: builder.leaving,
        alternatives: builder.alternatives,
        edition_check: builder
            .rust_2024
            .map(|needs| tail_edition::check(needs, plan.sig.fn_token.span)),
        editions: builder.editions,
        dropped_before_else,
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

#[derive(Default)]
struct Builder {
    /// The async fn's name, to recognise it awaiting itself.
    fn_name: String,
    /// The names the body borrows themselves, which a local taken for a
    /// shared reference must not be among (see [`shared_items::SelfBorrows`]).
    self_borrows: shared_items::SelfBorrows,
    /// Locals whose `match` or `if let` around the code being lowered did
    /// not take them on this path (see [`Mention::untaken`]).
    untaken: Vec<LocalId>,
    /// Locals whose `match` around the code being lowered matched them
    /// against a pattern that leaves nothing to drop on this path (see
    /// [`AwaitInfo::emptied`]).
    emptied: Vec<LocalId>,
    /// Locals whose `match` or `if let` around the code being lowered took
    /// them by value on this path, in a flag's place if the analysis keeps
    /// one (see [`AwaitInfo::cleared`]).
    cleared: Vec<LocalId>,
    /// The locals the `else` branches around the code being lowered
    /// dropped in Rust 2024 only (see [`AwaitInfo::dropped_before_else`]).
    dropped_before_else: Vec<LocalId>,
    /// Per constant `__RUST_2024_n` (by name): the locals the `else` of its
    /// `if let` drops first in Rust 2024, by name (see
    /// [`lower::drop_before_else_in_2024`]), until that `else` is lowered.
    rescoped: std::collections::HashMap<String, (syn::Ident, Vec<syn::Ident>)>,
    /// See [`Body::dropped_before_else`].
    rescoped_locals: Vec<(LocalId, crate::ir::DroppedBeforeElse)>,
    /// The locals the code being lowered follows the end of (see
    /// [`Local::storage_ended`]), each with where that is: no await there
    /// keeps them.
    storage_ended: Vec<(LocalId, u32)>,
    /// Recording an operand of an `if` condition's `&&` chain after its
    /// first, which runs only where the operands before it hold: its uses
    /// are conditional (see [`Mention::conditional`]).
    short_circuited: bool,
    locals: Vec<Local>,
    mentions: Vec<Mention>,
    awaits: Vec<AwaitInfo>,
    loops: Vec<(u32, u32)>,
    /// See [`Body::jumps`].
    jumps: Vec<crate::ir::Jump>,
    /// See [`Body::leaving`]; those whose target is still being lowered
    /// have their `until` set where it ends.
    leaving: Vec<crate::ir::Leaving>,
    /// The loops and labeled blocks being lowered, innermost last: where a
    /// `break` or `continue` goes (see [`JumpTarget`]).
    targets: Vec<JumpTarget>,
    seq: u32,
    /// Locals in scope, innermost scope last.
    scopes: Vec<Vec<LocalId>>,
    hidden: usize,
    /// The names [`Self::hidden_local`] made: the expansion's own locals.
    made: std::collections::HashSet<String>,
    /// While walking an await's operand: that await.
    operand_of: Option<usize>,
    /// Whether the value of the await being recorded may hold a `&mut`,
    /// which the rest of its statement reads as `__result` (see
    /// [`Local::awaited_mut`]).
    result_holds_mut: bool,
    /// The branches, arms and loop bodies around the current statement.
    path: Vec<u32>,
    next_node: u32,
    /// See [`Body::alternatives`].
    alternatives: std::collections::HashMap<u32, (u32, u32)>,
    errors: Option<syn::Error>,
    /// A tail that may make a temporary, where the code must be Rust 2024
    /// (see [`tail_edition`]).
    rust_2024: Option<tail_edition::Needs2024>,
    /// See [`Body::editions`].
    editions: Vec<proc_macro2::TokenStream>,
    /// Does a statement after the current one in its block await?
    awaits_later: bool,
    /// Per block being lowered, outermost first: the names the statements
    /// after the current one mention (see [`lead::InScope::named_later`]).
    named_later: Vec<std::collections::HashSet<String>>,
    /// The names of the hidden locals that hold pinned values.
    pinned: std::collections::HashSet<String>,
    /// The user's code the expansion's own locals stand for, for the
    /// description.
    written: written::Written,
}

/// A loop or labeled block being lowered, that a `break` (and, for a
/// loop, a `continue`) inside it may go to the end of.
struct JumpTarget {
    label: Option<syn::Lifetime>,
    is_loop: bool,
    /// The [`Builder::leaving`] runs whose jump goes here, waiting for
    /// its end.
    pending: Vec<usize>,
}

/// One use the walk found.
struct Recorded {
    local: LocalId,
    kind: MentionKind,
    span: Span,
    conditional: bool,
    /// See [`Mention::drop`].
    drop: bool,
    /// See [`Mention::destructured`].
    destructured: Vec<Witness>,
    /// See [`Mention::consumed`].
    consumed: Option<String>,
    /// See [`Mention::in_awaiting_macro`].
    in_awaiting_macro: bool,
    /// See [`Mention::binds_parts`].
    binds_parts: bool,
    /// See [`Mention::through_referent`].
    through_referent: bool,
    /// See [`Mention::copied`].
    copied: bool,
    /// See [`Mention::borrowed_mut`].
    borrowed_mut: bool,
    /// A `&mut` taken through it, or a place reached through it assigned
    /// (see [`walk::Visitor::mutated`]).
    mutated_through: bool,
    /// See [`Mention::untaken`].
    untaken: bool,
}

/// Records each use the walk finds.
struct Recorder<'a> {
    found: Vec<Recorded>,
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
        self.conditional_mention(local, kind, None, span, false);
    }

    fn conditional_mention(
        &mut self,
        local: LocalId,
        kind: MentionKind,
        _: Option<&mut syn::Expr>,
        span: Span,
        conditional: bool,
    ) {
        self.found.push(Recorded {
            local,
            kind,
            span,
            conditional,
            drop: false,
            destructured: Vec::new(),
            consumed: None,
            in_awaiting_macro: false,
            binds_parts: false,
            through_referent: false,
            copied: false,
            borrowed_mut: false,
            mutated_through: false,
            untaken: false,
        });
    }

    fn destructured(&mut self, local: LocalId, parts: Vec<Witness>) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.destructured = parts;
        }
    }

    fn consumed_receiver(&mut self, local: LocalId, call: &mut syn::Expr) {
        let (kind, method) = match call {
            syn::Expr::MethodCall(call) => (MentionKind::Value, call.method.to_string()),
            syn::Expr::Call(_) => (
                MentionKind::Place {
                    may_move: true,
                    lasting: true,
                },
                crate::ir::CALLED.to_owned(),
            ),
            _ => return,
        };
        if let Some(found) = self
            .found
            .iter_mut()
            .rev()
            .find(|found| found.local == local && found.kind == kind)
        {
            found.consumed = Some(method);
        }
    }

    fn in_awaiting_macro(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.in_awaiting_macro = true;
        }
    }

    fn binds_parts(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.binds_parts = true;
        }
    }

    fn through_referent(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.through_referent = true;
        }
    }

    fn referent(&self, local: LocalId) -> Option<walk::Standard> {
        self.locals[local].referent
    }

    fn copied(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.copied = true;
        }
    }

    fn untaken(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.untaken = true;
        }
    }

    fn mutated(&mut self, local: LocalId, own: bool) {
        if let Some(found) = self
            .found
            .iter_mut()
            .rev()
            .find(|found| found.local == local)
        {
            found.mutated_through = true;
            found.borrowed_mut |= own;
        }
    }

    fn dropped(&mut self, local: LocalId) {
        if let Some(found) = self.found.last_mut()
            && found.local == local
        {
            found.drop = true;
        }
    }

    fn reborrows(&self, local: LocalId) -> bool {
        self.locals[local].unique
    }

    fn holds_mut(&self, local: LocalId) -> bool {
        self.locals[local].unique || self.locals[local].holds_mut
    }

    fn is_boxed(&self, local: LocalId) -> bool {
        self.locals[local].boxed
    }

    fn is_made(&self, local: LocalId) -> bool {
        self.locals[local].made
    }

    fn is_pointer(&self, local: LocalId) -> bool {
        self.locals[local].pointer
    }

    fn is_guard(&self, local: LocalId) -> bool {
        self.locals[local].guard
    }

    fn is_copy(&self, local: LocalId) -> bool {
        self.locals[local].plain_copy()
    }
}

impl Builder {
    fn error(&mut self, err: syn::Error) {
        match &mut self.errors {
            Some(errors) => errors.combine(err),
            None => self.errors = Some(err),
        }
    }

    /// Notes that the statements of the current block since `from` always
    /// reach the jump just lowered (see [`Body::leaving`]), once its target
    /// is known: the fn's end, or a loop or labeled block around it, whose
    /// end sets `until` (see [`Self::jump_target`]). A label the expansion
    /// does not know of (a loop without awaits, a block not lowered) says
    /// nothing.
    ///
    /// Before: `if bad { log(req); return reply(400).await; }`
    /// After:  the `then` block's run, skipping all after the `return`
    fn leave(&mut self, from: u32, leaves: &exits::Leaves) {
        let jump = self.seq;
        let (label, is_continue) = match leaves {
            exits::Leaves::Out => {
                self.leaving.push(crate::ir::Leaving {
                    from,
                    jump,
                    until: u32::MAX,
                    crosses: 0,
                });
                return;
            }
            exits::Leaves::Break(label) => (label, false),
            exits::Leaves::Continue(label) => (label, true),
        };
        let Some(index) = self.targets.iter().rposition(|target| match label {
            Some(label) => target.label.as_ref() == Some(label),
            None => target.is_loop,
        }) else {
            return;
        };
        let Some((target, inner)) = self.targets[index..].split_first_mut() else {
            return;
        };
        if is_continue && !target.is_loop {
            return;
        }
        let crosses = inner.iter().filter(|inner| inner.is_loop).count();
        target.pending.push(self.leaving.len());
        self.leaving.push(crate::ir::Leaving {
            from,
            jump,
            until: jump,
            crosses,
        });
    }

    /// Runs `f`, lowering the body of a loop (`is_loop`) or a labeled
    /// block, as the target of the `break`s and `continue`s inside it
    /// (see [`Self::leave`]). The runs that jump to its end skip up to
    /// what `f` numbered last.
    fn jump_target<T>(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.targets.push(JumpTarget {
            label: label.map(|label| label.name.clone()),
            is_loop,
            pending: Vec::new(),
        });
        let out = f(self);
        if let Some(target) = self.targets.pop() {
            for index in target.pending {
                self.leaving[index].until = self.seq;
            }
        }
        out
    }

    /// Runs `f` inside a new branch, arm or loop body.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.next_node += 1;
        self.path.push(self.next_node);
        let out = f(self);
        self.path.pop();
        out
    }

    /// [`Self::nested`] for alternative `index` of the `if` or `match`
    /// numbered `construct` (see [`Self::construct_id`]).
    fn alternative<T>(&mut self, construct: u32, index: u32, f: impl FnOnce(&mut Self) -> T) -> T {
        self.alternatives
            .insert(self.next_node + 1, (construct, index));
        self.nested(f)
    }

    /// A number for an `if` or a `match`, whose branches are alternatives.
    fn construct_id(&mut self) -> u32 {
        self.next_node += 1;
        self.next_node
    }

    /// The locals in scope that code after the current statement names
    /// (see [`lead::InScope::named_later`]).
    fn named_later_in_scope(&self) -> Vec<String> {
        let scope = self.scope_map();
        scope
            .keys()
            .filter(|name| self.named_later.iter().any(|later| later.contains(*name)))
            .cloned()
            .collect()
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
        let ident_name = ident.to_string();
        let shown = self.written.shown(&ident);
        self.locals.push(Local {
            ident,
            mutable,
            initialized,
            written_type: None,
            copy: false,
            unique: false,
            operand: false,
            scope: (0, 0),
            standard: None,
            referent: None,
            pinned: self.pinned.contains(&ident_name),
            matched_without_drop: false,
            pin: false,
            storage_ended: Vec::new(),
            holds_mut: false,
            awaited_mut: false,
            shared_ref: false,
            boxed: false,
            eager: false,
            closure: false,
            pointer: false,
            guard: false,
            receiver: false,
            number: false,
            made: self.written.is_expansions(&ident_name),
            shown,
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
            .map(|b| {
                let id = self.allocate(b.ident, b.mutable, initialized);
                // `ref mut b`: visibly a `&mut`, reborrowed where it is
                // given bare (`fill(b).await`), as `let b = &mut ..;` is.
                self.locals[id].unique = b.ref_mut;
                id
            })
            .collect()
    }

    fn hidden_local(&mut self, base: &str) -> syn::Ident {
        self.hidden += 1;
        let name = format!("__{base}{}", self.hidden);
        self.made.insert(name.clone());
        names::hidden(&name)
    }

    fn close_scope(&mut self) {
        let end = self.tick();
        if let Some(scope) = self.scopes.pop() {
            for id in scope {
                self.locals[id].scope.1 = end;
            }
        }
    }

    /// Records the uses `found` in one statement or expression. A hidden
    /// temporary the expansion drops there, where a scope inside the
    /// statement ends (an operand of `||`), is gone from then on: a later
    /// await of the statement does not keep it.
    fn record(&mut self, mut found: Vec<Recorded>, holders: &[LocalId]) {
        // A user's local of such a name, dropped by the user's own
        // `::core::mem::drop`, may be assigned again: only the expansion's
        // temporaries end there.
        for found in &mut found {
            found.drop &= self
                .made
                .contains(&self.locals[found.local].ident.to_string());
        }
        let ended: Vec<syn::Ident> = found
            .iter()
            .filter(|found| found.drop && !found.conditional)
            .map(|found| self.locals[found.local].ident.clone())
            .collect();
        for found in found {
            // Mutated through though not declared `mut` (`&mut *slot`,
            // `slot[0] = 1`), which rustc allows only where it holds a
            // `&mut` (or a raw pointer): whatever made it
            // (`store.slot(k)`), it is one.
            if found.mutated_through && !self.locals[found.local].mutable {
                self.locals[found.local].holds_mut = true;
            }
            let seq = self.tick();
            self.mentions.push(Mention {
                local: found.local,
                seq,
                kind: found.kind,
                conditional: found.conditional || self.short_circuited,
                path: self.path.clone(),
                in_operand: self.operand_of,
                holders: holders.to_vec(),
                span: found.span,
                drop: found.drop,
                destructured: found.destructured,
                consumed: found.consumed,
                in_awaiting_macro: found.in_awaiting_macro,
                binds_parts: found.binds_parts,
                through_referent: found.through_referent,
                copied: found.copied,
                borrowed_mut: found.borrowed_mut,
                untaken: found.untaken || self.untaken.contains(&found.local),
                settled: None,
            });
        }
        self.end_scopes(&ended);
    }

    fn record_expr(&mut self, expr: &syn::Expr, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::expr(&mut expr.clone(), &self.scope_map(), &mut recorder);
        let found = recorder.found;
        self.record(found, holders);
        let always = matches!(
            expr,
            syn::Expr::Return(_) | syn::Expr::Break(_) | syn::Expr::Continue(_)
        );
        self.record_jumps(quote::ToTokens::to_token_stream(expr), always);
    }

    fn record_place(&mut self, expr: &syn::Expr, kind: MentionKind, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::place(&mut expr.clone(), kind, &self.scope_map(), &mut recorder);
        let found = recorder.found;
        self.record(found, holders);
        self.record_jumps(quote::ToTokens::to_token_stream(expr), false);
    }

    /// Notes where code just recorded may leave the code after it (see
    /// [`Body::jumps`]): numbered as its last use, so that a use in it or
    /// before it comes no later.
    fn record_jumps(&mut self, tokens: proc_macro2::TokenStream, always: bool) {
        if walk::tokens_may_leave(tokens) {
            self.jumps.push(crate::ir::Jump {
                seq: self.seq,
                path: self.path.clone(),
                always,
            });
        }
    }

    /// `kind`, how a match by `pats` uses `scrutinee`, or, where that is
    /// the name of a local visibly holding a `&mut`, what
    /// [`walk::drop_flag::through_mut`] says of it, as the walk does in
    /// statements.
    fn through_mut<'p>(
        &self,
        scrutinee: &syn::Expr,
        kind: MentionKind,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
    ) -> MentionKind {
        match walk::resolve(scrutinee, &self.scope_map()) {
            Some(local) if self.locals[local].unique => walk::drop_flag::through_mut(kind, pats),
            _ => kind,
        }
    }

    /// A `match` or `if let` scrutinee, just recorded with `kind`: marks
    /// its mention destructured, or read with parts bound by value, as the
    /// walk does in statements (see [`Mention::destructured`] and
    /// [`Mention::binds_parts`]).
    fn mark_destructured<'p>(
        &mut self,
        scrutinee: &syn::Expr,
        kind: MentionKind,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
    ) {
        let Some(local) = walk::resolve(scrutinee, &self.scope_map()) else {
            return;
        };
        let Some(mention) = self.mentions.last_mut().filter(|m| m.local == local) else {
            return;
        };
        let pats: Vec<&syn::Pat> = pats.into_iter().collect();
        mention.binds_parts = walk::drop_flag::binds_parts(kind, pats.iter().copied());
        mention.destructured = walk::drop_witness::matched(pats, kind);
    }

    /// The locals that may hold a borrow `stmt` takes: those it declares
    /// and those it assigns (`x = &v[1];`), unless its value is new by
    /// construction, and those a standard method stores an argument in
    /// (`queue.push(async { name.len() })`, see [`values::stored_into`]).
    fn holders(&self, stmt: &syn::Stmt, declares: &[LocalId]) -> Vec<LocalId> {
        let scope = self.scope_map();
        let stored = values::stored_into(stmt, &scope);
        if owns_value(stmt) {
            return stored;
        }
        let mut recorder = Recorder::new(&self.locals);
        walk::stmt(&mut stmt.clone(), &scope, &mut recorder);
        let mut holders = declares.to_vec();
        let assigned = recorder
            .found
            .into_iter()
            .filter(|found| found.kind == MentionKind::Assign)
            .map(|found| found.local);
        for local in assigned.chain(stored) {
            if !holders.contains(&local) {
                holders.push(local);
            }
        }
        holders
    }

    fn record_stmt(&mut self, stmt: &syn::Stmt, holders: &[LocalId]) {
        let mut recorder = Recorder::new(&self.locals);
        walk::stmt(&mut stmt.clone(), &self.scope_map(), &mut recorder);
        let found = recorder.found;
        let first = self.mentions.len();
        let before = self.seq;
        self.record(found, holders);
        self.record_jumps(quote::ToTokens::to_token_stream(stmt), always_jumps(stmt));
        for mention in &mut self.mentions[first..] {
            let name = &self.locals[mention.local].ident;
            if mention.kind == MentionKind::Assign
                && mention.conditional
                && crate::analysis::assigned::settles(stmt, name)
            {
                // Where the statement's own reads follow an assignment on
                // their paths (`Some(b) => { buf = b; buf.push('+'); }`),
                // they read the value given back too.
                let end = if crate::analysis::assigned::reads_only_assigned(stmt, name) {
                    before
                } else {
                    self.seq
                };
                mention.settled = Some(crate::ir::Settled {
                    end,
                    path: self.path.clone(),
                });
            }
        }
    }

    /// Marks the assignments in branches of a construct that awaits,
    /// recorded from mention `first` on, where the statements it was
    /// lowered to give their local a value on every path that goes on
    /// (see [`Mention::settled`]); one already marked keeps the innermost
    /// statement that does.
    fn settle_construct(&mut self, first: usize, lowered: &[Stmt]) {
        let settled = crate::ir::Settled {
            end: self.seq,
            path: self.path.clone(),
        };
        let depth = self.path.len();
        for index in first..self.mentions.len() {
            let mention = &self.mentions[index];
            let in_branch = mention.conditional || mention.path.len() > depth;
            if mention.kind == MentionKind::Assign
                && mention.settled.is_none()
                && in_branch
                && crate::analysis::assigned::settles_lowered(
                    lowered,
                    &self.locals[mention.local].ident,
                )
            {
                self.mentions[index].settled = Some(settled.clone());
            }
        }
    }

    /// Is `stmt` the statement an `if let`'s `else` starts with, that drops
    /// the scrutinee's values in Rust 2024 (see
    /// [`lower::drop_before_else_in_2024`])? Then the constant it reads and
    /// the values it drops.
    ///
    /// Before: `if __RUST_2024_0 { drop(__home___temporary1.take()); }` (the `else`'s first statement)
    /// After:  `Some((__RUST_2024_0, [__temporary1]))`
    fn rescoped_by(&mut self, stmt: &syn::Stmt) -> Option<(syn::Ident, Vec<syn::Ident>)> {
        let syn::Stmt::Expr(syn::Expr::If(e), _) = stmt else {
            return None;
        };
        let syn::Expr::Path(path) = &*e.cond else {
            return None;
        };
        let name = path.path.get_ident()?.to_string();
        self.rescoped.remove(&name)
    }

    /// The rest of the block is the `else` of an `if let` whose first
    /// statement dropped `dropped` in Rust 2024 only: its awaits keep them
    /// as the constant `rust_2024` says, and their scopes, in Rust 2024,
    /// end here.
    fn enter_rescoped_else(&mut self, rust_2024: syn::Ident, dropped: &[syn::Ident]) {
        let scope = self.scope_map();
        let else_starts = self.tick();
        for ident in dropped {
            let Some(&local) = scope.get(&ident.to_string()) else {
                continue;
            };
            self.dropped_before_else.push(local);
            let dropped = crate::ir::DroppedBeforeElse {
                rust_2024: rust_2024.clone(),
                else_starts,
            };
            self.rescoped_locals.push((local, dropped));
        }
    }

    /// The local `stmt` drops with its storage, as rustc ends it (see
    /// [`Local::storage_ended`]): a `let … else`'s temporary, dropped by
    /// the expansion's own statement as its `else` starts.
    ///
    /// `::core::mem::drop(__else_extended1);`
    fn storage_ends_by(&self, stmt: &syn::Stmt) -> Option<LocalId> {
        let ident = crate::rewrite::let_else::storage_ends(stmt)?;
        let name = ident.to_string();
        if !self.written.is_expansions(&name) {
            return None;
        }
        self.scope_map().get(&name).copied()
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

    fn stmts_into(&mut self, mut stmts: Vec<syn::Stmt>, dest: &Dest, out: &mut Vec<Stmt>) {
        // A block whose value is used and that ends in a panic
        // (`{ log(); panic!(".."); }`) has the type `!`, which its value
        // takes: the panic is made its tail (`{ log(); panic!("..") }`), of
        // the same type, where the block would otherwise give `()`.
        if !matches!(dest, Dest::Discard)
            && let Some(last) = stmts.last_mut()
        {
            panic_as_tail(last);
        }
        let count = stmts.len();
        let mut has_tail = false;
        let awaits: Vec<bool> = stmts.iter().map(awaits::has_await).collect();
        // For each statement: does one after it await?
        let mut awaits_after = vec![false; count];
        for index in (1..count).rev() {
            awaits_after[index - 1] = awaits_after[index] || awaits[index];
        }
        // For each statement: the names the statements after it mention.
        let mut named_after = vec![std::collections::HashSet::new(); count];
        for index in (1..count).rev() {
            let mut names = named_after[index].clone();
            names_in(quote::ToTokens::to_token_stream(&stmts[index]), &mut names);
            named_after[index - 1] = names;
        }
        let macro_lets = macro_lets::MacroLets::new(&stmts, awaits);
        // A tail's temporaries drop after the block's locals in Rust 2021,
        // before them in Rust 2024: only a block with locals (its own, or
        // the body's parameters) tells the two apart.
        let has_locals = (self.scopes.len() == 1 && self.scopes.iter().flatten().next().is_some())
            || stmts.iter().any(|s| matches!(s, syn::Stmt::Local(_)));
        let outer = self.awaits_later;
        // The first await of the statements since the last that may jump
        // elsewhere: the code after each of them reaches a later `return`
        // of this block, if there is one.
        let mut reaching = self.awaits.len();
        // Where those statements start, in `Mention::seq` numbers (see
        // `Leaving::from`).
        let mut reaching_seq = self.seq;
        let dropped_before = self.dropped_before_else.len();
        let ended_before = self.storage_ended.len();
        self.named_later.push(std::collections::HashSet::new());
        for (index, stmt) in stmts.into_iter().enumerate() {
            self.awaits_later = awaits_after[index];
            if let Some(later) = self.named_later.last_mut() {
                *later = std::mem::take(&mut named_after[index]);
            }
            let returns = matches!(&stmt, syn::Stmt::Expr(syn::Expr::Return(_), _));
            let may_jump = walk::tokens_may_jump(quote::ToTokens::to_token_stream(&stmt));
            let is_tail = index + 1 == count && matches!(stmt, syn::Stmt::Expr(_, None));
            has_tail |= is_tail;
            if let syn::Stmt::Expr(tail, None) = &stmt
                && is_tail
                && has_locals
                && self.rust_2024.is_none()
            {
                let scope = self.scope_map();
                let standard = |ident: &syn::Ident| {
                    scope
                        .get(&ident.to_string())
                        .is_some_and(|&id| self.locals[id].standard.is_some())
                };
                self.rust_2024 = tail_edition::temporary(tail, &standard).map(|span| {
                    tail_edition::Needs2024::LoweredTail(span, tail_edition::unit(tail))
                });
            }
            let rescoped = self.rescoped_by(&stmt);
            let storage_ends = self.storage_ends_by(&stmt);
            let leaves = exits::leaves_to(&stmt);
            self.stmt(stmt, if is_tail { dest } else { &Dest::Discard }, out);
            if let Some((rust_2024, dropped)) = rescoped {
                self.enter_rescoped_else(rust_2024, &dropped);
            }
            if let Some(local) = storage_ends {
                self.storage_ended.push((local, self.seq));
            }
            if let Some(leaves) = leaves {
                self.leave(reaching_seq, &leaves);
            }
            if returns && !may_jump {
                let seq = self.seq;
                // The loops inside this block are lowered, and recorded;
                // those around it are not yet.
                let loops = &self.loops;
                for info in &mut self.awaits[reaching..] {
                    let loops_inside = loops
                        .iter()
                        .filter(|&&(start, end)| (start..=end).contains(&info.seq))
                        .count();
                    info.returns_by
                        .get_or_insert(crate::ir::ReturnsBy { seq, loops_inside });
                }
            }
            if returns || may_jump {
                reaching = self.awaits.len();
                reaching_seq = self.seq;
            }
        }
        self.awaits_later = outer;
        self.dropped_before_else.truncate(dropped_before);
        // Their storage ended in this block, which ends here.
        let end = self.seq;
        for (local, from) in self.storage_ended.split_off(ended_before) {
            self.locals[local].storage_ended.push((from, end));
        }
        self.named_later.pop();
        for err in macro_lets.check(&self.locals) {
            self.error(err);
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
                    let (first, from) = (self.mentions.len(), out.len());
                    self.construct(expr, dest, out);
                    self.settle_construct(first, &out[from..]);
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
        self.extend_temporaries(&mut local, out);
        let value_construct = local.init.as_ref().is_some_and(|init| {
            init.diverge.is_none() && lower::is_construct_with_await(&init.expr)
        });
        if value_construct {
            // `let p = if c { a.await } else { b };` becomes
            // `let __value; if c { __value = a.await } else { __value = b }; let p = __value;`
            let value = self.hidden_local("value");
            if let Some(init) = &local.init {
                self.written.record(&value, &init.expr);
            }
            let id = self.allocate(value.clone(), false, false);
            // What the `let` binds from it may hold a `&mut` the block
            // yields (`let Some(slot) = v.get_mut(0) else { .. }` whose
            // `else` awaits, rewritten to such a block).
            self.locals[id].holds_mut = local
                .init
                .as_ref()
                .is_some_and(|init| self.yields_mut(&init.expr));
            // The type the `let` writes is the value's: each of its
            // assignments coerces to it, as rustc coerces the construct's
            // tail and `break` values to it (`let s: &str = 'p: { if c {
            // break 'p "none"; } x.await; &names[0] };`), where apart they
            // would be typed each on its own (a `&str` and a `&String`).
            // Before: `let s: &str = 'p: { .. };`
            // After:  `let __value1: &str; 'p: { .. __value1 = &names[0]; } let s: &str = __value1;`
            let stmt = match &local.pat {
                syn::Pat::Type(typed) => {
                    let ty = &typed.ty;
                    self.locals[id].written_type = Some(syn::parse_quote!(#value: #ty));
                    syn::parse_quote!(let #value: #ty;)
                }
                _ => syn::parse_quote!(let #value;),
            };
            out.push(Stmt::Plain {
                stmt,
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

    /// The temporaries `local` extends to the end of its block become
    /// locals declared before it (see [`extended`]). One that cannot be
    /// named would drop where the machine suspends: before an await later
    /// in the block, that is an error. A `let … else`'s `else` block starts
    /// by dropping them, as rustc drops them before it runs; one made in
    /// place might not be made by then, so there that is an error too.
    ///
    /// Before: `let Some(x) = &make() else { return };`
    /// After:  `let __extended1 = make(); let Some(x) = &__extended1 else { { __extended1 }; return };`
    fn extend_temporaries(&mut self, local: &mut syn::Local, out: &mut Vec<Stmt>) {
        let Some(init) = &mut local.init else {
            return;
        };
        let by_ref = extended::RefBinding {
            any: walk::patterns::binds_by_ref(&local.pat),
            mutable: walk::patterns::binds_by_ref_mut(&local.pat),
        };
        let Some((_, diverge)) = &mut init.diverge else {
            let found = extended::name(&mut init.expr, by_ref, || self.hidden_local("extended"));
            if let (Some(at), true) = (found.left, self.awaits_later) {
                self.error(syn::Error::new(
                    at,
                    "#[desugar] cannot keep this temporary, which the `let` extends to the end of the block, across the `.await` after it yet: bind the borrowed value with a `let` of its own first (`let value = make(); let x = Some(&value);`)",
                ));
            }
            self.declare_extended(found.named, out);
            return;
        };
        // A `let … else`: named on a copy, kept only if all can be moved
        // out at the start of the `else` block.
        let mut value = (*init.expr).clone();
        let found = extended::name(&mut value, by_ref, || self.hidden_local("extended"));
        let syn::Expr::Block(otherwise) = &mut **diverge else {
            return;
        };
        if found.left.is_some() || found.named.iter().any(|named| named.ahead.is_none()) {
            if self.awaits_later {
                self.error(syn::Error::new(
                    init.expr.span(),
                    "#[desugar] cannot keep a temporary that this `let … else` extends across the `.await` after it yet: bind the borrowed value with a `let` of its own first (`let value = make(); let Some(x) = &value else { .. };`)",
                ));
            }
            return;
        }
        // rustc drops them before the `else` block runs: each is moved into
        // a statement of its own there, newest first.
        let moves = found.named.iter().rev().map(|named| {
            syn::Stmt::Expr(
                crate::syntax::value_block(&named.ident, None),
                Some(Default::default()),
            )
        });
        otherwise.block.stmts.splice(0..0, moves);
        *init.expr = value;
        self.declare_extended(found.named, out);
    }

    /// The locals [`extended::name`] named, declared in order before the
    /// `let` (made there, or in place: declared without a value).
    fn declare_extended(&mut self, named: Vec<temporaries::Named>, out: &mut Vec<Stmt>) {
        for named in named {
            let mutable = named.mutable || named.ahead.is_none();
            let stmt = crate::syntax::let_local(named.ident, mutable, named.ahead);
            self.stmt(stmt, &Dest::Discard, out);
        }
    }

    /// Does `expr` give a `&mut`, or a value holding one, that its type
    /// does not show (see [`Local::holds_mut`])? `&mut x`, a method named
    /// for one (`split_at_mut`, `as_mut_slice`, `or_default`: see
    /// [`values::gives_mut`]; and what is taken from its result: `unwrap`,
    /// `next`, `?`), a local that holds one, a struct, tuple or call given
    /// one, a `match` on one (its bindings take parts of it), an `if` or
    /// `match` one of whose branches gives one (`if c { front } else { back
    /// }`, an arm's `o.into_mut()`), an `insert(value)` on a field of a
    /// local that holds one (`self.cur.insert(v)`: `Option::insert` gives
    /// a `&mut` into the field), as the value of a block.
    fn yields_mut(&self, expr: &syn::Expr) -> bool {
        self.yields_mut_within(expr, &[])
    }

    /// [`Self::yields_mut`], with the names the blocks around `expr` bind
    /// by `let` before it and whether each holds a `&mut`: the block a
    /// `let … else` whose `else` awaits becomes (`rewrite::let_else`)
    /// names the value it matches `__else_value` inside it, where the
    /// builder has not yet made a local for it.
    fn yields_mut_within(&self, expr: &syn::Expr, lets: &[(&syn::Ident, bool)]) -> bool {
        use syn::Expr;
        let yields = |expr: &syn::Expr| self.yields_mut_within(expr, lets);
        match expr {
            Expr::Reference(r) => r.mutability.is_some(),
            // A value moved out of a place (`slot.take()`, `v.pop()`,
            // `q.pop_front()`, `m.remove(&k)`) is what the place held, not
            // a borrow of it, though the receiver is a `&mut` (`slot: &mut
            // Option<T>`): it holds a `&mut` only where what it replaced
            // does (`slot.replace(&mut n)`) or where the receiver's type
            // shows it may hold one inside (`v: &mut Vec<&mut T>`, see
            // [`Local::holds_mut`]). Taken for one, the value was kept in
            // place, where an arm of a `match` on it could not move its
            // parts out beside an arm taking it whole (E0507 in `match
            // slot.take() { Some(p) => { x.await; .. } other => .. }`).
            Expr::MethodCall(call) if walk::moves_out(call) => {
                (call.method == "replace" && call.args.iter().any(yields))
                    || self.may_hold_mut_inside(&call.receiver, lets)
            }
            // `mem::replace(&mut self.st, St::Idle)`, `mem::take(&mut
            // slot)`: as a method moving out, above; what is put back
            // (`St::Idle`) is what the value may hold.
            Expr::Call(call) if walk::takes_out_of_place(call) => {
                call.args.iter().skip(1).any(yields)
                    || call.args.first().is_some_and(|place| match place {
                        Expr::Reference(r) => self.may_hold_mut_inside(&r.expr, lets),
                        other => self.may_hold_mut_inside(other, lets),
                    })
            }
            Expr::MethodCall(call) => {
                values::gives_mut(&call.method)
                    || yields(&call.receiver)
                    || (call.method == "insert"
                        && call.args.len() == 1
                        && matches!(&*call.receiver, Expr::Field(field) if yields(&field.base)))
            }
            Expr::Try(e) => yields(&e.expr),
            Expr::Paren(e) => yields(&e.expr),
            Expr::Group(e) => yields(&e.expr),
            Expr::Match(e) => yields(&e.expr) || e.arms.iter().any(|arm| yields(&arm.body)),
            Expr::If(e) => {
                self.block_yields_mut(&e.then_branch, lets)
                    || e.else_branch
                        .as_ref()
                        .is_some_and(|(_, other)| yields(other))
            }
            Expr::Block(e) => self.block_yields_mut(&e.block, lets),
            Expr::Path(path) if path.path.is_ident(written::RESULT) => self.result_holds_mut,
            Expr::Path(path) => match lets.iter().find(|(name, _)| path.path.is_ident(*name)) {
                Some(&(_, holds)) => holds,
                None => walk::resolve(expr, &self.scope_map()).is_some_and(|local| {
                    let local = &self.locals[local];
                    local.unique || local.holds_mut
                }),
            },
            Expr::Struct(e) => e.fields.iter().any(|field| yields(&field.expr)),
            Expr::Tuple(e) => e.elems.iter().any(yields),
            Expr::Call(e) => e.args.iter().any(yields),
            _ => false,
        }
    }

    /// May a value moved out of `place` (`slot.take()`, `mem::take(&mut
    /// self.st)`) hold a `&mut`: is the place in a local whose type may
    /// hold one inside (see [`Local::holds_mut`]; not one that is a `&mut`
    /// whose referent's type shows none, `slot: &mut Option<Probe>`)? A
    /// place syntax cannot follow to a local (`slot.as_mut().take()`) may,
    /// where the value it is in gives one.
    fn may_hold_mut_inside(&self, place: &syn::Expr, lets: &[(&syn::Ident, bool)]) -> bool {
        let Some(root) = place_root(place) else {
            return self.yields_mut_within(place, lets);
        };
        match lets
            .iter()
            .find(|(name, _)| matches!(root, syn::Expr::Path(p) if p.path.is_ident(*name)))
        {
            Some(&(_, holds)) => holds,
            None => walk::resolve(root, &self.scope_map())
                .is_some_and(|local| self.locals[local].holds_mut),
        }
    }

    /// Is `expr` the pin `rewrite::pinning` makes of one of its hidden
    /// locals?
    ///
    /// `unsafe { ::core::pin::Pin::new_unchecked(&mut __pinned1) }`
    fn pins_hidden(&self, expr: &syn::Expr) -> bool {
        let syn::Expr::Unsafe(block) = expr else {
            return false;
        };
        let [syn::Stmt::Expr(syn::Expr::Call(call), None)] = block.block.stmts.as_slice() else {
            return false;
        };
        let syn::Expr::Path(func) = &*call.func else {
            return false;
        };
        let segments: Vec<String> = (func.path.segments.iter())
            .map(|segment| segment.ident.to_string())
            .collect();
        let [.., pin, new_unchecked] = segments.as_slice() else {
            return false;
        };
        let [syn::Expr::Reference(reference)] = (call.args.iter()).collect::<Vec<_>>()[..] else {
            return false;
        };
        let syn::Expr::Path(hidden) = &*reference.expr else {
            return false;
        };
        pin == "Pin"
            && new_unchecked == "new_unchecked"
            && reference.mutability.is_some()
            && hidden
                .path
                .get_ident()
                .is_some_and(|ident| self.pinned.contains(&ident.to_string()))
    }

    /// Does `block`'s value hold a `&mut` (see [`Self::yields_mut_within`])?
    fn block_yields_mut(&self, block: &syn::Block, lets: &[(&syn::Ident, bool)]) -> bool {
        let mut lets = lets.to_vec();
        for stmt in &block.stmts {
            match stmt {
                syn::Stmt::Local(syn::Local {
                    pat: syn::Pat::Ident(pat),
                    init: Some(init),
                    ..
                }) => {
                    let holds = self.yields_mut_within(&init.expr, &lets);
                    lets.insert(0, (&pat.ident, holds));
                }
                syn::Stmt::Expr(tail, None) => return self.yields_mut_within(tail, &lets),
                _ => {}
            }
        }
        false
    }

    /// Marks `declares`, bound by `rest` (`let conn = { __result }?;`)
    /// without a type written, as possibly holding a `&mut` where the
    /// awaited `operand` would give one called without `async` (see
    /// [`Local::awaited_mut`]).
    ///
    /// Before: `let conn = self.ensure().await?; let a = conn.write(n).await;`
    /// After:  `conn` reached mutably in its home: `let conn = unsafe {
    ///         __home_conn.place_mut() };`, `(*conn).write(n)` (through
    ///         `place()`, the reborrow of `*conn` is E0596).
    fn mark_awaited_mut(&mut self, operand: &syn::Expr, rest: &syn::Stmt, declares: &[LocalId]) {
        let syn::Stmt::Local(syn::Local {
            pat,
            init: Some(init),
            ..
        }) = rest
        else {
            return;
        };
        if matches!(pat, syn::Pat::Type(_)) {
            // The type says what it is (`let conn: &mut Conn = ..`).
            return;
        }
        self.result_holds_mut = self.yields_mut(operand);
        let awaited_mut = self.result_holds_mut && self.yields_mut(&init.expr);
        self.result_holds_mut = false;
        if awaited_mut {
            for &id in declares {
                self.locals[id].awaited_mut = true;
            }
        }
    }

    /// Marks `binds`, bound from `source`, as holding a `&mut` where it
    /// yields one (see [`Local::holds_mut`]).
    fn bound_from(&mut self, source: &syn::Expr, binds: &[LocalId]) {
        if self.yields_mut(source) {
            for &id in binds {
                self.locals[id].holds_mut = true;
            }
        }
    }

    /// Marks `binds`, bound by `pat` from `source`, as shared references
    /// where they are borrows of text (see [`walk::binds_text`]): what
    /// `k.trim()` borrows of `if let Some((k, _)) = line.split_once('=')`
    /// is the text, not `k`, which is not kept in place for it. So is what
    /// `tail.split_at(n)` borrows of `while let Some((&len, tail)) =
    /// rest.split_first()`: `tail` was kept in place across the await
    /// after it, where rustc keeps nothing of it (144 bytes against 128).
    /// `len`, a copy of the element (see [`walk::copied_part`]), is not
    /// a reference.
    fn bound_text(&mut self, pat: &syn::Pat, source: &syn::Expr, binds: &[LocalId]) {
        if walk::binds_text(pat, source) {
            let copied = copied_parts(pat);
            for &id in binds {
                let ident = &self.locals[id].ident;
                self.locals[id].shared_ref =
                    !self.self_borrows.contains(ident) && !copied.contains(&ident);
            }
        }
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
        // Not a pin (`let f = pin!(fut);`): a closure that takes it has
        // nothing to drop either, but is not `Copy`.
        recorder
            .found
            .iter()
            .all(|found| self.locals[found.local].copy && !self.locals[found.local].pin)
    }

    fn plain_declares(&mut self, stmt: &syn::Stmt) -> Vec<LocalId> {
        self.written.record_in_place(stmt);
        let syn::Stmt::Local(local) = stmt else {
            return Vec::new();
        };
        self.written.record_let(stmt);
        let ids = self.allocate_pattern(&local.pat, local.init.is_some());
        // `let n: u32 = ..;` or `let n = 5;`: visibly `Copy`, and so is every
        // part of such a value (`let Some(x) = None::<u32> else { .. };`).
        let scope = self.scope_map();
        let number_local = |expr: &syn::Expr| {
            walk::resolve(expr, &scope).is_some_and(|local| self.locals[local].number)
        };
        let number = match &local.pat {
            syn::Pat::Type(typed) => walk::copy::is_number_type(&typed.ty),
            _ => local
                .init
                .as_ref()
                .is_some_and(|init| walk::copy::is_number_value(&init.expr, &number_local)),
        };
        // `let mut cur = head;`: what another local holds, moved or copied
        // whole, with what is visible of it (a `&mut` parameter's).
        let same_as = match &local.pat {
            syn::Pat::Ident(_) => local
                .init
                .as_ref()
                .and_then(|init| walk::resolve(&init.expr, &scope))
                .map(|other| &self.locals[other]),
            _ => None,
        };
        let copy = number
            || same_as.is_some_and(|other| other.copy)
            || match &local.pat {
                syn::Pat::Type(typed) if walk::copy::is_copy_type(&typed.ty) => true,
                _ => local.init.as_ref().is_some_and(|init| {
                    walk::copy::is_copy_value(&init.expr) || self.captures_only_copies(&init.expr)
                }),
            };
        // `let f = pin!(fut);`, lowered to the pin of a hidden local: a
        // `Pin<&mut _>`, with nothing to drop, moved as a `&mut` is.
        let pin = matches!(local.pat, syn::Pat::Ident(_))
            && local
                .init
                .as_ref()
                .is_some_and(|init| init.diverge.is_none() && self.pins_hidden(&init.expr));
        let copy = copy || pin;
        // `let m = &mut v;` or `let m: &mut T = ..;`.
        let unique = same_as.is_some_and(|other| other.unique)
            || match &local.pat {
                syn::Pat::Type(typed) => {
                    matches!(&*typed.ty, syn::Type::Reference(r) if r.mutability.is_some())
                }
                _ => local.init.as_ref().is_some_and(
                    |init| matches!(&*init.expr, syn::Expr::Reference(r) if r.mutability.is_some()),
                ),
            };
        // `let r = &v;` (or `let r = { &make() };`, a block whose value is
        // its tail's), `let r: &T = ..;`, `let t = s.trim();`, `let f =
        // v.first().unwrap();` or `let s = "text";` (also `b".."` and
        // `c".."`), bound whole; `let (dir, file)
        // = path.rsplit_once('/')?;`, a pair; `let k = k;`, a copy of one (a
        // binding bound again after the parts its pattern skips, see
        // `rewrite::skipped_parts`).
        let shared_ref = same_as.is_some_and(|other| other.shared_ref)
            || bound_whole(
                local,
                |ty| matches!(ty, syn::Type::Reference(r) if r.mutability.is_none()),
                |value| {
                    matches!(block_value(value), syn::Expr::Reference(r) if r.mutability.is_none())
                        || matches!(value, syn::Expr::Lit(lit) if walk::is_text_literal(&lit.lit))
                        || walk::borrows_text(value, false)
                        || walk::borrows_element(value)
                },
            )
            || split_text(local);
        // `len` of `let (&len, tail) = cur.split_first()?;` is a copy.
        let copied = copied_parts(&local.pat);
        // `let b: Box<T> = ..;` or `let b = Box::new(..);`, bound whole;
        // or a part of a tuple whose type is written (`let (b, n): (Box<T>,
        // u32) = ..;`).
        let boxed = bound_whole(local, walk::is_box_type, walk::makes_box);
        let boxed_parts = match &local.pat {
            syn::Pat::Type(typed) => patterns::boxed_parts(&typed.pat, &typed.ty),
            _ => Vec::new(),
        };
        // `let make = move || ..;`, bound whole and untyped.
        let closure = bound_whole(
            local,
            |_| false,
            |value| matches!(value, syn::Expr::Closure(c) if c.asyncness.is_none()),
        );
        // `let best: Option<&T> = ..;`, `let mut best = None;`, `let a =
        // v.pop().map(|p| p + 1);`, `let b = best;`.
        let eager_local = |expr: &syn::Expr| {
            walk::resolve(expr, &scope).is_some_and(|local| self.locals[local].eager)
        };
        let eager = bound_whole(local, walk::eager::is_eager_type, |value| {
            walk::eager::is_eager_value(value, &eager_local)
        });
        // `let s: Arc<T> = ..;` or `let s = Arc::clone(&shared);`.
        let pointer = bound_whole(local, walk::is_pointer_type, walk::makes_pointer);
        // `let g: Ref<'_, T> = ..;` or `let g = cell.borrow();`.
        let guard = bound_whole(local, walk::is_guard_type, temporaries::is_guard_value);
        // `let v: Vec<u32> = ..;`
        let standard = match &local.pat {
            syn::Pat::Type(typed) => walk::Standard::of(&typed.ty),
            _ => None,
        };
        // `let m: &mut Vec<u32> = ..;`, `let m = &mut best;` with `best`
        // visibly an `Option`, `let cur = slot;` with `slot: &mut
        // Option<T>`.
        let referent = match &local.pat {
            syn::Pat::Type(typed) => match &*typed.ty {
                syn::Type::Reference(r) if r.mutability.is_some() => walk::Standard::of(&r.elem),
                _ => None,
            },
            syn::Pat::Ident(_) => local.init.as_ref().and_then(|init| match &*init.expr {
                syn::Expr::Reference(r) if r.mutability.is_some() => {
                    walk::resolve(&r.expr, &scope).and_then(|other| self.locals[other].standard)
                }
                _ => same_as.and_then(|other| other.referent),
            }),
            _ => None,
        };
        // Or its written type has a `&mut` inside (`let c: Option<&mut
        // Node> = slot.take();`), which what made it does not show.
        let holds_mut = local
            .init
            .as_ref()
            .is_some_and(|init| self.yields_mut(&init.expr))
            || matches!(&local.pat, syn::Pat::Type(typed) if walk::has_mut_inside(&typed.ty));
        // `let b: u8;`, `let (mask, shift): (u8, u32);`
        let written_type = match &local.pat {
            syn::Pat::Type(typed) if local.init.is_none() => Some(typed.clone()),
            _ => None,
        };
        for &id in &ids {
            self.locals[id].written_type.clone_from(&written_type);
            self.locals[id].copy = copy;
            self.locals[id].unique |= unique;
            self.locals[id].standard = standard;
            self.locals[id].referent = referent.filter(|_| self.locals[id].unique);
            self.locals[id].holds_mut = holds_mut || pin;
            self.locals[id].pin = pin;
            self.locals[id].shared_ref = shared_ref
                && !self.self_borrows.contains(&self.locals[id].ident)
                && !copied.contains(&&self.locals[id].ident);
            self.locals[id].boxed = boxed || boxed_parts.contains(&self.locals[id].ident);
            self.locals[id].closure = closure;
            self.locals[id].eager = eager;
            self.locals[id].pointer = pointer;
            self.locals[id].guard = guard;
            // A pattern's parts of a number (`let (a, b) = (1, 2)`) are
            // not known to be numbers; only a name bound whole is.
            self.locals[id].number =
                number && matches!(local.pat, syn::Pat::Ident(_) | syn::Pat::Type(_));
        }
        ids
    }

    /// Records a suspension: the operand's uses, the await itself, then the
    /// rest of the statement.
    /// `ranks`: see [`nesting::ranks`].
    fn suspension(
        &mut self,
        found: lead::Found,
        rest: syn::Stmt,
        ranks: Vec<(syn::Ident, u32)>,
        out: &mut Vec<Stmt>,
    ) {
        if let Some(span) = recursive_call(&found.operand, &self.fn_name) {
            let name = &self.fn_name;
            self.error(syn::Error::new(
                span,
                format!(
                    "#[desugar] cannot await `{name}` from inside `{name}`: the machine's type would contain itself. \
                     Erase the recursive future's type with a trait object: \
                     `(Box::pin({name}(..)) as ::core::pin::Pin<Box<dyn ::core::future::Future<Output = ..>>>).await`; \
                     for a `Send` future, box it in a fn of its own that returns `Pin<Box<dyn Future<Output = ..> + Send>>`, and await that"
                ),
            ));
        }
        let id = self.awaits.len();
        // The text of the await, and the value the rest of the statement
        // reads as `__result`, as the user wrote them.
        let awaited = syn::Expr::Await(syn::ExprAwait {
            attrs: Vec::new(),
            base: Box::new(found.operand.clone()),
            dot_token: Default::default(),
            await_token: Default::default(),
        });
        let source = self.written.awaited(&awaited);
        self.written
            .record(&names::hidden(written::RESULT), &awaited);
        let declares = self.plain_declares(&rest);
        self.mark_awaited_mut(&found.operand, &rest, &declares);
        let holders = self.holders(&rest, &declares);
        self.operand_of = Some(id);
        let mut recorder = Recorder::new(&self.locals);
        walk::awaited(&mut found.operand.clone(), &self.scope_map(), &mut recorder);
        self.record(recorder.found, &holders);
        self.operand_of = None;
        let seq = self.tick();
        // Not a local whose storage rustc has ended (see
        // `Local::storage_ended`): it has no value here, nor any borrow.
        let in_scope = (self.scopes.iter().flatten().copied())
            .filter(|&local| !self.storage_ended.iter().any(|&(ended, _)| ended == local))
            .collect();
        let scope = self.scope_map();
        let drop_ranks = ranks
            .into_iter()
            .filter_map(|(ident, rank)| Some((*scope.get(&ident.to_string())?, rank)))
            .collect();
        self.awaits.push(AwaitInfo {
            seq,
            in_scope,
            path: self.path.clone(),
            source,
            via_async_block: found.via_async_block,
            leaves_loops: 0,
            returns_by: None,
            drop_ranks,
            emptied: self.emptied.clone(),
            cleared: self.cleared.clone(),
            dropped_before_else: self.dropped_before_else.clone(),
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

/// Makes a call of one of the standard library's macros that never return
/// (`panic!`, `unreachable!`, `todo!`, `unimplemented!`), written as a
/// statement, the block's tail.
///
/// Before: `panic!("boom");` (a statement)
/// After:  `panic!("boom")` (the tail)
/// Adds the identifiers among `tokens`, at any depth, to `names`.
fn names_in(tokens: proc_macro2::TokenStream, names: &mut std::collections::HashSet<String>) {
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Ident(ident) => {
                names.insert(ident.to_string());
            }
            proc_macro2::TokenTree::Group(group) => names_in(group.stream(), names),
            proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => {}
        }
    }
}

fn panic_as_tail(last: &mut syn::Stmt) {
    let expr = match last {
        syn::Stmt::Macro(stmt) if stmt.semi_token.is_some() => syn::Expr::Macro(syn::ExprMacro {
            attrs: stmt.attrs.clone(),
            mac: stmt.mac.clone(),
        }),
        syn::Stmt::Expr(expr @ syn::Expr::Macro(_), Some(_)) => expr.clone(),
        _ => return,
    };
    if let syn::Expr::Macro(call) = &expr
        && walk::never_returns(&call.mac)
    {
        *last = syn::Stmt::Expr(expr, None);
    }
}

/// The names `pat` binds by copying a referent out (`&len` in `Some((&len,
/// tail))`, see [`walk::copied_part`]), in a tuple inside a variant: the
/// parts of a split [`split_text`] and [`walk::binds_text`] read.
fn copied_parts(pat: &syn::Pat) -> Vec<&syn::Ident> {
    match pat {
        syn::Pat::TupleStruct(p) => p.elems.iter().flat_map(copied_parts).collect(),
        syn::Pat::Tuple(p) => p.elems.iter().flat_map(copied_parts).collect(),
        syn::Pat::Type(p) => copied_parts(&p.pat),
        pat => walk::copied_part(pat).into_iter().collect(),
    }
}

/// `let (head, tail) = s.split_at(n);`: a pair of names (or `_`) bound to
/// the two borrows a split of text makes (see [`walk::borrows_text`]); or `let
/// Some((k, v)) = line.split_once(':') else { .. };`, the parts of the
/// `Option` of one (see [`walk::binds_text`]).
fn split_text(local: &syn::Local) -> bool {
    let part = |pat: &syn::Pat| {
        matches!(pat, syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none())
            || matches!(pat, syn::Pat::Wild(_))
            || walk::copied_part(pat).is_some()
    };
    let Some(init) = &local.init else {
        return false;
    };
    match &init.diverge {
        None => {
            matches!(&local.pat, syn::Pat::Tuple(t) if t.elems.len() == 2 && t.elems.iter().all(part))
                && walk::borrows_text(&init.expr, true)
        }
        Some(_) => walk::binds_text(&local.pat, &init.expr),
    }
}

/// Does `local` bind its value whole to one name, and is that value what
/// `by_type` says of its written type (`let r: &T = ..;`), or, without one,
/// what `by_value` says of its initializer (`let r = &v;`)?
/// The expression whose value `expr` gives where it is a block (`&make(k)`
/// of `{ &make(k) }`, or of `{ log(); &make(k) }`): its tail, through nested
/// blocks and parentheses. The block's value has the tail's type, whatever
/// its statements do; any other expression is its own value.
/// The expression naming the local a place is in: `slot` of `slot`,
/// `self.st`, `*slot`, `v[0].inner`, `(q)`.
fn place_root(place: &syn::Expr) -> Option<&syn::Expr> {
    match place {
        syn::Expr::Path(_) => Some(place),
        syn::Expr::Field(e) => place_root(&e.base),
        syn::Expr::Index(e) => place_root(&e.expr),
        syn::Expr::Paren(e) => place_root(&e.expr),
        syn::Expr::Group(e) => place_root(&e.expr),
        syn::Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => place_root(&e.expr),
        _ => None,
    }
}

fn block_value(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
            match block.block.stmts.last() {
                Some(syn::Stmt::Expr(tail, None)) => block_value(tail),
                _ => expr,
            }
        }
        syn::Expr::Paren(paren) => block_value(&paren.expr),
        _ => expr,
    }
}

fn bound_whole(
    local: &syn::Local,
    by_type: impl Fn(&syn::Type) -> bool,
    by_value: impl Fn(&syn::Expr) -> bool,
) -> bool {
    let named = |pat: &syn::Pat| matches!(pat, syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none());
    match &local.pat {
        syn::Pat::Type(typed) => named(&typed.pat) && by_type(&typed.ty),
        pat => {
            named(pat)
                && local
                    .init
                    .as_ref()
                    .is_some_and(|init| init.diverge.is_none() && by_value(&init.expr))
        }
    }
}
