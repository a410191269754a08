//! A walk over the user's expressions that finds every use of the body's
//! tracked locals, with how each is used ([`MentionKind`]), respecting the
//! bindings that shadow them inside the expression (closure parameters,
//! inner `let`s, match arms). The builder runs it to collect uses; the
//! emitter runs it to rewrite uses of homed locals.

pub(crate) mod copy;
pub(crate) mod drop_flag;
pub(crate) mod drop_witness;
pub(crate) mod eager;
pub(crate) mod extending;
mod format_string;
pub(crate) use format_string::literal_captures;
mod iterators;
pub(crate) use iterators::{takes_iterator, yields_shared_refs};
mod macros;
pub(crate) use macros::{
    MacroArgs, evaluates_nothing, format_string_position, gives_value, is_awaiting_macro,
    is_awaiting_macro_name, is_known, is_own_macro, keeps_temporaries, may_jump, never_returns,
    tokens_may_jump, tokens_may_leave,
};
pub(crate) mod patterns;

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::{BinOp, Expr, UnOp};

use crate::ir::{InMacro, LocalId, MentionKind};

/// `&x`: a borrow that may be kept.
const BORROW: MentionKind = MentionKind::Place {
    may_move: false,
    lasting: true,
};

/// What the walk reports and may change at each use.
pub(crate) trait Visitor {
    /// A use of `local`. `expr` is the path expression, or the whole
    /// assignment for [`MentionKind::Assign`]; `None` inside an unparsed macro.
    fn mention(&mut self, local: LocalId, kind: MentionKind, expr: Option<&mut Expr>, span: Span);

    /// A local named inside a format string (`"{x}"`): an expression to pass
    /// it as instead (`x = (*x)`), or `None` to leave the capture as it is.
    /// `captured`: the macro is inside a closure or `async` block, which
    /// captures the local by reference.
    fn inline_capture(
        &mut self,
        local: LocalId,
        name: &syn::Ident,
        captured: bool,
    ) -> Option<Expr> {
        let _ = (local, name, captured);
        None
    }

    /// As [`Visitor::mention`], also saying whether the use is conditional
    /// within the walked expression (in a branch, an arm, a loop, or on the
    /// right of `&&`/`||`): it may not run every time the expression does.
    fn conditional_mention(
        &mut self,
        local: LocalId,
        kind: MentionKind,
        expr: Option<&mut Expr>,
        span: Span,
        conditional: bool,
    ) {
        let _ = conditional;
        self.mention(local, kind, expr, span);
    }

    /// The use of `local` just reported is inside an awaiting macro's
    /// tokens (`join!(a, b)`), which the expansion cannot rewrite.
    fn in_awaiting_macro(&mut self, local: LocalId) {
        let _ = local;
    }

    /// Does `local` visibly hold a `&mut` reference? Passed to a call, it is
    /// then reborrowed (`f(m)` is `f(&mut *m)`, and `m` stays usable), not
    /// moved.
    fn reborrows(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// Does `local` visibly hold a `&mut`, itself or in a part (see
    /// [`crate::ir::Local::holds_mut`])?
    fn holds_mut(&self, local: LocalId) -> bool {
        self.reborrows(local)
    }

    /// Is `local` visibly a `Box` (see [`crate::ir::Local::boxed`])? `*b`
    /// read by value then moves it.
    fn is_boxed(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// Did the expansion make `local` (see [`crate::ir::Local::made`])? An
    /// `if let`'s scrutinee it names is a temporary, which rustc drops
    /// where the pattern fails (see [`patterns::may_fail_with_rest`]).
    fn is_made(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// Is `local` visibly a smart pointer (see [`crate::ir::Local::pointer`])?
    /// A `move` closure capturing `x.field` through it captures it whole.
    fn is_pointer(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// Is `local` visibly `Copy`, and not a `&mut` (see
    /// [`crate::ir::Local::plain_copy`])? Named in a `move` closure or
    /// `async move` block inside a closure without `move`, it is borrowed
    /// by the outer closure, not moved into it.
    fn is_copy(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// Is `local` visibly a guard of a lock or a cell (see
    /// [`crate::ir::Local::guard`])? A method named like a standard one
    /// that takes `self` then borrows it, for the call only.
    fn is_guard(&self, local: LocalId) -> bool {
        let _ = local;
        false
    }

    /// `local`, matched by patterns that may take it ([`MentionKind::Taken`]):
    /// the name of its drop flag, if it is kept with one. The walk then
    /// matches the flag's place (see [`drop_flag`]).
    fn drop_flag(&self, local: LocalId) -> Option<syn::Ident> {
        let _ = local;
        None
    }

    /// The use of `local` just reported is its destructuring by a pattern
    /// that may only copy fields of a type with a `Drop` impl: `parts` says
    /// which (see [`drop_witness`]).
    fn destructured(&mut self, local: LocalId, parts: Vec<drop_witness::Witness>) {
        let _ = (local, parts);
    }

    /// The use of `local` just reported is a match of its name by patterns
    /// that bind some of its parts by value, as a read of the place (see
    /// [`crate::ir::Mention::binds_parts`]).
    fn binds_parts(&mut self, local: LocalId) {
        let _ = local;
    }

    /// The use of `local` just reported, visibly a `&mut`
    /// ([`Visitor::reborrows`]), borrows only what it points to, never
    /// the local itself (see [`crate::ir::Mention::through_referent`]).
    fn through_referent(&mut self, local: LocalId) {
        let _ = local;
    }

    /// The standard type `local`, visibly a `&mut`, visibly points to
    /// (see [`crate::ir::Local::referent`]), if any.
    fn referent(&self, local: LocalId) -> Option<Standard> {
        let _ = local;
        None
    }

    /// The use of `local` just reported is the receiver of a method that
    /// copies its value (see [`crate::ir::Mention::copied`]).
    fn copied(&mut self, local: LocalId) {
        let _ = local;
    }

    /// The use of `local` just reported runs only where a `match` or `if
    /// let` on it did not take it (see [`crate::ir::Mention::untaken`]).
    fn untaken(&mut self, local: LocalId) {
        let _ = local;
    }

    /// The use of `local` just reported is written as the expansion's own
    /// drop of a hidden temporary where its scope ends
    /// (`::core::mem::drop(__temporary1)`), which ends the value's life
    /// without reading it; the caller knows which locals are its own.
    fn dropped(&mut self, local: LocalId) {
        let _ = local;
    }

    /// `call` (`bag.count()`, `text.into_bytes()`) has `local` for its
    /// receiver, just reported as moved because the method is named like
    /// the standard library's that take `self` ([`consumes_receiver`]);
    /// the visitor may put the call through a check that it does (see
    /// `receiver_check::consumed`).
    fn consumed_receiver(&mut self, local: LocalId, call: &mut Expr) {
        let _ = (local, call);
    }

    /// Is `method`, named like the standard library's that take `self`,
    /// known to borrow (or copy) `local` when called on it? The analysis
    /// says so of a local kept in place that the code reads again after
    /// such a call, which rustc would reject if the call moved it (see
    /// `analysis::Decisions::borrowed_calls`): the call is then a use of
    /// the local's place, not a move.
    fn borrowed_call(&self, local: LocalId, method: &syn::Ident) -> bool {
        let _ = (local, method);
        false
    }

    /// `call` (`req.send()`, `conn.query(sql)`) has `local` for its
    /// receiver, just reported as a place, and its method is one syntax
    /// does not know: neither named like the standard library's that take
    /// `self` nor known to borrow ([`call_borrows_receiver`]). Where the
    /// visitor keeps the local in place, a method taking `self` cannot
    /// move it out, and the visitor may put the call through a check that
    /// says so (see `receiver_check::in_place`).
    fn unknown_method_receiver(&mut self, local: LocalId, call: &mut Expr) {
        let _ = (local, call);
    }

    /// `deref` (`*b`) reads `local`, visibly a `Box`, by value, just
    /// reported as moved: the visitor may rewrite it for where it keeps
    /// the box (see `emit::uses`).
    fn moved_out_of_box(&mut self, local: LocalId, deref: &mut Expr) {
        let _ = (local, deref);
    }

    /// `field` (`x.items`, `x.a.b`) reads a part of `local` by value,
    /// outside a closure, just reported as a place read through: the
    /// visitor may check it for where it keeps the local (see
    /// `emit::uses`).
    fn moved_part(&mut self, local: LocalId, field: &mut Expr) {
        let _ = (local, field);
    }

    /// A `&mut` is taken of `local` or of a place reached through it, or
    /// such a place is assigned (`&mut *slot`, `&mut slot[0]`, `*slot = v`,
    /// `slot.len += 1`), just after its use was reported. `own`: written
    /// `&mut local`, outside a closure, a unique borrow of the local's own
    /// place (see [`crate::ir::Mention::borrowed_mut`]).
    fn mutated(&mut self, local: LocalId, own: bool) {
        let _ = (local, own);
    }
}

/// What `call` drops, if it is written as the expansion writes its own drops
/// of hidden temporaries: `::core::mem::drop(x)`.
pub(crate) fn expansion_drop_arg(call: &syn::ExprCall) -> Option<&Expr> {
    let Expr::Path(func) = &*call.func else {
        return None;
    };
    if func.path.leading_colon.is_none() || segment_names(&func.path) != ["core", "mem", "drop"] {
        return None;
    }
    match call.args.iter().collect::<Vec<_>>()[..] {
        [arg] => Some(arg),
        _ => None,
    }
}

/// The names of `path`'s segments, in order (`core::mem::drop`: `core`,
/// `mem`, `drop`).
pub(crate) fn segment_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// Names of tracked locals in scope: the innermost binding of each name.
pub(crate) type Scope = HashMap<String, LocalId>;

/// Walks `expr`, evaluated as a value.
pub(crate) fn expr<V: Visitor>(expr: &mut Expr, scope: &Scope, visitor: &mut V) {
    Walk::new(scope, visitor).expr(expr, MentionKind::Value);
}

/// Walks an await's operand, `expr` in `expr.await`, which the builder
/// took out of its statement: a method called there whose name is also a
/// borrowing iterator's is the one giving a future (see
/// [`lends_iterator`]).
pub(crate) fn awaited<V: Visitor>(expr: &mut Expr, scope: &Scope, visitor: &mut V) {
    let mut walk = Walk::new(scope, visitor);
    walk.awaited = true;
    walk.expr(expr, MentionKind::Value);
}

/// Walks `expr` evaluated in a place context such as a `match` scrutinee.
pub(crate) fn place<V: Visitor>(
    expr: &mut Expr,
    kind: MentionKind,
    scope: &Scope,
    visitor: &mut V,
) {
    Walk::new(scope, visitor).expr(expr, kind);
}

/// The local `expr` names, if it is a bare name of one in scope.
pub(crate) fn resolve(expr: &Expr, scope: &Scope) -> Option<LocalId> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => {
            scope.get(&path.path.get_ident()?.to_string()).copied()
        }
        _ => None,
    }
}

/// Walks an `if`'s condition; returns the drop flag an `if let` that is
/// the whole condition is matched in (see [`Visitor::drop_flag`]), which
/// the `then` block must clear first.
pub(crate) fn condition<V: Visitor>(
    cond: &mut Expr,
    scope: &Scope,
    visitor: &mut V,
) -> Option<syn::Ident> {
    Walk::new(scope, visitor).condition(cond)
}

/// Walks a statement.
pub(crate) fn stmt<V: Visitor>(stmt: &mut syn::Stmt, scope: &Scope, visitor: &mut V) {
    Walk::new(scope, visitor).stmt(stmt);
}

/// Walks the guard of an arm of a `match` on `scrutinee`.
pub(crate) fn pat<V: Visitor>(
    pat: &mut syn::Pat,
    scrutinee: &Expr,
    scope: &Scope,
    visitor: &mut V,
) {
    let mut walk = Walk::new(scope, visitor);
    let matched = walk.resolve_path(scrutinee);
    walk.arm_pat(pat, matched);
}

struct Walk<'a, V> {
    scope: &'a Scope,
    /// Names bound inside the walked expression, innermost last.
    shadowed: Vec<Vec<String>>,
    visitor: &'a mut V,
    /// Inside a closure or async block: `Some(by_move)`.
    capture: Option<bool>,
    /// The outermost closure or async block around the walk has no `move`:
    /// it captures what a `move` one inside it takes by value, as that one
    /// uses it (see [`Self::report`]).
    capture_borrows: bool,
    /// Inside a `move` closure or `async move` block that such a closure
    /// makes: the `Copy` locals it takes, to be copied where it is made
    /// (see [`Self::copy_in`]).
    copied_in: Vec<syn::Ident>,
    /// Branches, arms, loops and `&&`/`||` right operands around the walk.
    conditional: usize,
    /// Inside a closure or async block: [`Self::conditional`] where the
    /// outermost one is made. Its captures happen there, whatever branches
    /// or loops its body runs them in.
    capture_conditional: usize,
    /// Loops around the walk, inside the walked expression.
    loops: usize,
    /// Locals whose `match` or `if let` around the walk did not take them
    /// on this path (see [`crate::ir::Mention::untaken`]).
    untaken: Vec<LocalId>,
    /// Inside the arguments of a macro that prints their text (see
    /// [`MacroArgs::quotes`]).
    quoted: usize,
    /// The branches being walked, innermost last: each with its
    /// [`Self::conditional`] depth and the locals it moves whole on every
    /// path through it (see [`Self::enter_branch`]).
    branches: Vec<(usize, Vec<LocalId>)>,
    /// The expression walked next is awaited at once (`x.bytes().await`).
    awaited: bool,
    /// Inside a guard of a `match` on this local's name: see [`Self::guard`].
    guarded: Option<LocalId>,
}

impl<'a, V: Visitor> Walk<'a, V> {
    fn new(scope: &'a Scope, visitor: &'a mut V) -> Self {
        Walk {
            scope,
            shadowed: vec![Vec::new()],
            visitor,
            capture: None,
            capture_borrows: false,
            copied_in: Vec::new(),
            conditional: 0,
            capture_conditional: 0,
            loops: 0,
            untaken: Vec::new(),
            quoted: 0,
            branches: Vec::new(),
            awaited: false,
            guarded: None,
        }
    }

    fn resolve(&self, ident: &syn::Ident) -> Option<LocalId> {
        let name = ident.to_string();
        if self.shadowed.iter().flatten().any(|n| *n == name) {
            return None;
        }
        self.scope.get(&name).copied()
    }

    /// The local a place is reached through, by fields, indexes and
    /// derefs (`slot`, `*slot`, `slot.items[0]`), if any.
    fn place_root(&self, place: &Expr) -> Option<LocalId> {
        match place {
            Expr::Field(e) => self.place_root(&e.base),
            Expr::Index(e) => self.place_root(&e.expr),
            Expr::Unary(e) if matches!(e.op, UnOp::Deref(_)) => self.place_root(&e.expr),
            Expr::Paren(e) => self.place_root(&e.expr),
            Expr::Group(e) => self.place_root(&e.expr),
            _ => self.resolve_path(place),
        }
    }

    /// The local `place` is a field of, through fields only (`x` for
    /// `x.a.b`), or `place` itself if it is one.
    fn field_root(&self, place: &Expr) -> Option<LocalId> {
        match place {
            Expr::Field(e) => self.field_root(&e.base),
            Expr::Paren(e) => self.field_root(&e.expr),
            Expr::Group(e) => self.field_root(&e.expr),
            _ => self.resolve_path(place),
        }
    }

    /// `base`, just walked as the base of a place (`*slot`, `slot.conn`,
    /// `slot[0]`): see [`Self::referent_borrowed`]. (A reference has no
    /// fields nor index of its own, and its `*` is the referent.)
    fn reached_through(&mut self, base: &Expr) {
        if let Some(local) = self.resolve_path(base) {
            self.referent_borrowed(local);
        }
    }

    /// `local`, just reported as the base of a place or the receiver of a
    /// method that lends what it points to (see [`lends_referent`]):
    /// where it visibly holds a `&mut`, that use borrows what it points
    /// to, not the local itself, and the visitor is told (see
    /// [`Visitor::through_referent`]). Not inside a closure, which
    /// captures what it names as it uses it.
    ///
    /// Before: `let c = slot.as_mut().unwrap(); c.exec().await` (`slot:
    ///         &mut Option<Conn>`): `slot` borrowed as long as `c` lives
    /// After:  `*slot` borrowed as long as `c` lives, which does not keep
    ///         `slot` itself in place
    fn referent_borrowed(&mut self, local: LocalId) {
        if self.capture.is_none() && self.visitor.reborrows(local) {
            self.visitor.through_referent(local);
        }
    }

    /// Reports a `&mut` taken of `place`, or `place` assigned, to the
    /// visitor (see [`Visitor::mutated`]).
    fn mutated(&mut self, place: &Expr, own: bool) {
        if let Some(local) = self.place_root(place) {
            self.visitor.mutated(local, own);
        }
    }

    /// `&mut place` given to a call whose value borrows none of it (see
    /// [`takes_out_of_place`]): mutated, as any `&mut` makes it, but not
    /// borrowed past the call, so not kept in place for the value's sake.
    fn borrowed_for_call(&mut self, place: &mut syn::ExprReference) {
        let own = self.capture.is_none();
        let local = self.resolve_path(&place.expr).filter(|_| own);
        self.expr(
            &mut place.expr,
            MentionKind::Place {
                may_move: false,
                lasting: false,
            },
        );
        match local {
            Some(local) => self.visitor.mutated(local, true),
            None => self.mutated(&place.expr, false),
        }
    }

    fn resolve_path(&self, expr: &Expr) -> Option<LocalId> {
        match expr {
            Expr::Path(path) if path.qself.is_none() => {
                path.path.get_ident().and_then(|i| self.resolve(i))
            }
            _ => None,
        }
    }

    /// The drop flag `scrutinee` is matched in, if it names a local kept
    /// with one and `kind` takes it (see [`Visitor::drop_flag`]); never
    /// inside a closure, which captures the local instead.
    fn flag(&self, scrutinee: &Expr, kind: MentionKind) -> Option<syn::Ident> {
        if self.capture.is_some() || !matches!(kind, MentionKind::Taken { in_place: true, .. }) {
            return None;
        }
        self.visitor.drop_flag(self.resolve_path(scrutinee)?)
    }

    /// Reports `scrutinee`, just walked, as destructured where `kind` takes
    /// it and a pattern may only copy the fields of a type with a `Drop`
    /// impl (see [`Visitor::destructured`]), or as read with some of its
    /// parts bound by value (see [`Visitor::binds_parts`]).
    fn destructure<'p>(
        &mut self,
        scrutinee: &Expr,
        kind: MentionKind,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
    ) {
        if self.capture.is_some() {
            return;
        }
        let Some(local) = self.resolve_path(scrutinee) else {
            return;
        };
        let pats: Vec<&syn::Pat> = pats.into_iter().collect();
        if drop_flag::binds_parts(kind, pats.iter().copied()) {
            self.visitor.binds_parts(local);
        }
        let parts = drop_witness::matched(pats, kind);
        if !parts.is_empty() {
            self.visitor.destructured(local, parts);
        }
    }

    /// Is `scrutinee` the name of a temporary the expansion made (see
    /// [`Visitor::is_made`])?
    fn is_temporary(&self, scrutinee: &Expr) -> bool {
        self.resolve_path(scrutinee)
            .is_some_and(|local| self.visitor.is_made(local))
    }

    /// `kind`, how a match by `pats` uses `scrutinee`, or, where that is
    /// the name of a local visibly holding a `&mut`, what
    /// [`drop_flag::through_mut`] says of it.
    fn through_mut<'p>(
        &self,
        scrutinee: &Expr,
        kind: MentionKind,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
    ) -> MentionKind {
        match self.resolve_path(scrutinee) {
            Some(local) if self.visitor.reborrows(local) => drop_flag::through_mut(kind, pats),
            _ => kind,
        }
    }

    /// An `if`'s condition. An `if let` that is the whole condition may be
    /// matched in a drop flag's place: its pattern is wrapped, and the flag
    /// returned for the `then` block to clear.
    fn condition(&mut self, cond: &mut Expr) -> Option<syn::Ident> {
        let Expr::Let(e) = cond else {
            self.expr(cond, MentionKind::Value);
            return None;
        };
        let temporary = self.is_temporary(&e.expr);
        let kind = self.through_mut(
            &e.expr,
            drop_flag::if_let_kind(e, self.loops > 0, temporary),
            [&*e.pat],
        );
        let flag = self.flag(&e.expr, kind);
        self.expr(&mut e.expr, kind);
        self.destructure(&e.expr, kind, [&*e.pat]);
        self.shadow(&e.pat);
        if flag.is_some() {
            drop_flag::wrap(&mut e.pat);
        }
        flag
    }

    fn shadow(&mut self, pat: &syn::Pat) {
        let names = patterns::bindings(pat)
            .into_iter()
            .map(|b| b.ident.to_string());
        if let Some(top) = self.shadowed.last_mut() {
            top.extend(names);
        }
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        self.shadowed.push(Vec::new());
        f(self);
        self.shadowed.pop();
    }

    fn report(&mut self, local: LocalId, kind: MentionKind, expr: Option<&mut Expr>, span: Span) {
        let kind = match (kind, self.capture) {
            // Unparsed tokens stay unparsed inside a closure too.
            (MentionKind::Opaque { .. } | MentionKind::Value, _) if expr.is_none() => kind,
            // A `Copy` value a `move` closure or `async move` block takes
            // inside a closure without `move` is a copy made from the
            // outer closure's borrow (see `copy_in`), named as written.
            (_, Some(true)) if self.capture_borrows && self.visitor.is_copy(local) => {
                let name = self.scope.iter().find(|&(_, &id)| id == local);
                if let Some((name, _)) = name
                    && !self.copied_in.iter().any(|ident| ident == name)
                {
                    self.copied_in.push(syn::Ident::new(name, span));
                }
                return;
            }
            (_, Some(by_move)) => MentionKind::Capture { by_move },
            (kind, None) => kind,
        };
        let conditional = match self.capture {
            Some(_) => self.capture_conditional > 0,
            None => self.conditional > 0,
        };
        if kind.moves_whole()
            && self.capture.is_none()
            && let Some((depth, moved)) = self.branches.last_mut()
            && *depth == self.conditional
        {
            moved.push(local);
        }
        // Given a value again (on some path, or by a closure): not moved.
        if matches!(kind, MentionKind::Assign | MentionKind::Capture { .. }) {
            for (_, moved) in &mut self.branches {
                moved.retain(|&l| l != local);
            }
        }
        self.visitor
            .conditional_mention(local, kind, expr, span, conditional);
        if self.untaken.contains(&local) {
            self.visitor.untaken(local);
        }
    }

    /// Walks `f` as code where the construct matching `local` (if any) did
    /// not take it.
    fn untaken_by(&mut self, local: Option<LocalId>, f: impl FnOnce(&mut Self)) {
        self.untaken.extend(local);
        f(self);
        if local.is_some() {
            self.untaken.pop();
        }
    }

    /// Starts a branch of an `if … else` or an arm of a `match`, to be
    /// walked as conditional; [`Self::leave_branch`] gives the locals it
    /// moves whole on every path through it.
    fn enter_branch(&mut self) {
        self.branches.push((self.conditional + 1, Vec::new()));
    }

    fn leave_branch(&mut self) -> Vec<LocalId> {
        self.branches
            .pop()
            .map(|(_, moved)| moved)
            .unwrap_or_default()
    }

    /// Reports a local that every branch of a construct moves whole
    /// (`branches`: what each moves, one for every path through it) as
    /// moved by the construct itself, on every path: `let n = if ok {
    /// commit(g) } else { rollback(g) };` moves `g`, which is then neither
    /// kept with a drop flag nor kept at all.
    fn moved_on_every_path(&mut self, branches: Vec<Vec<LocalId>>, span: Span) {
        let mut branches = branches.into_iter();
        let Some(mut every) = branches.next() else {
            return;
        };
        for moved in branches {
            every.retain(|local| moved.contains(local));
        }
        every.sort_unstable();
        every.dedup();
        for local in every {
            self.report(local, MentionKind::Value, None, span);
        }
    }

    /// The local `call` drops, if it is written as the expansion writes its
    /// own drops (see [`Visitor::dropped`]).
    fn expansion_drop(&self, call: &syn::ExprCall) -> Option<LocalId> {
        self.resolve_path(expansion_drop_arg(call)?)
    }

    /// An argument of a call: moved, or reborrowed if it holds a `&mut`.
    fn argument(&mut self, arg: &mut Expr) {
        let kind = match self.resolve_path(arg) {
            Some(local) if self.visitor.reborrows(local) => BORROW,
            _ => MentionKind::Value,
        };
        self.expr(arg, kind);
    }

    fn expr(&mut self, expr: &mut Expr, kind: MentionKind) {
        // `x == y`, `x += 1`: a borrow for the expression only.
        const TRANSIENT: MentionKind = MentionKind::Place {
            may_move: false,
            lasting: false,
        };
        let awaited = std::mem::take(&mut self.awaited);
        if let Some(local) = self.resolve_path(expr) {
            let span = expr.span();
            let kind = self.guard(local, kind);
            self.report(local, kind, Some(expr), span);
            return;
        }
        // The base of `x.f`, `x[i]` or `*x`: as lasting as the borrow of the
        // whole, or a read when the whole is used by value. That read may be
        // a partial move; taking it for one could drop the rest of the local
        // too early, so it is not (see `MentionKind::may_move`).
        let projected = match kind {
            MentionKind::Value => MentionKind::Place {
                may_move: false,
                lasting: false,
            },
            MentionKind::Place { lasting, .. } => MentionKind::Place {
                may_move: false,
                lasting,
            },
            MentionKind::Taken { .. } => MentionKind::Place {
                may_move: false,
                lasting: false,
            },
            other => other,
        };
        match expr {
            Expr::Reference(e) => {
                // `&mut x` borrows the local's own place, whatever it holds:
                // the visitor is told (see `Mention::borrowed_mut`).
                let own = e.mutability.is_some() && self.capture.is_none();
                let local = self.resolve_path(&e.expr).filter(|_| own);
                self.expr(&mut e.expr, BORROW);
                match local {
                    Some(local) => self.visitor.mutated(local, true),
                    None if e.mutability.is_some() => self.mutated(&e.expr, false),
                    None => {}
                }
            }
            Expr::RawAddr(e) => self.expr(&mut e.expr, BORROW),
            Expr::Field(e) => {
                // A part read by value out of a local reached through its
                // fields only (`self.items`, `c.a.b`), reported below.
                let part_of = if kind == MentionKind::Value && self.capture.is_none() {
                    self.field_root(&e.base)
                } else {
                    None
                };
                match self.resolve_path(&e.base) {
                    // A `move` closure or `async` block captures the field
                    // alone (Rust 2021's precise captures), moving or copying
                    // that part only: what is left of the local stays, to be
                    // dropped at the end of its scope. Kept whole, the local
                    // does not build where the part was moved (E0382), rather
                    // than drop the rest early. Through a smart pointer the
                    // capture stops at its `Deref`: the pointer is moved in
                    // whole (`move || s.hits` with `s: Arc<Service>`).
                    Some(_) if self.captured_part(&mut e.base) => return,
                    _ => {
                        self.expr(&mut e.base, projected);
                        self.reached_through(&e.base);
                    }
                }
                if let Some(local) = part_of {
                    self.visitor.moved_part(local, expr);
                }
            }
            Expr::Index(e) => {
                self.expr(&mut e.expr, projected);
                self.reached_through(&e.expr);
                self.expr(&mut e.index, MentionKind::Value);
            }
            Expr::MethodCall(e) => {
                // `x.unwrap()` moves `x`; `x.len()` borrows it, perhaps for
                // as long as the result lives (`x.iter()`, `s.bytes()` not
                // awaited).
                // An iterator adapter's name awaited at once is a method of
                // the user's (see [`awaited_adapter_is_own`]).
                let consumes = consumes_receiver(&e.method)
                    && (awaited || !lends_iterator(&e.method))
                    && !(awaited && awaited_adapter_is_own(&e.method));
                // `g.ok_or(0)` on a guard copies the `Option` out through
                // its `Deref`; `into` (a blanket impl) would take the guard.
                let through_guard = consumes
                    && !e.method.to_string().starts_with("into")
                    && e.method != "try_into"
                    && self
                        .resolve_path(&e.receiver)
                        .is_some_and(|local| self.visitor.is_guard(local));
                // A `&mut` receiver is reborrowed, not moved, whatever the
                // method takes (`r.into_iter()` with `r: &mut Vec<T>`),
                // for as long as the result lives.
                let reborrowed = consumes
                    && self
                        .resolve_path(&e.receiver)
                        .is_some_and(|local| self.visitor.reborrows(local));
                // A call the analysis found borrows the local (it is read
                // again after it): a use of its place, kept in place.
                // Before: `lx.skip(2); lx.pos` with `lx` homed
                // After:  `(*unsafe { __home_lx.place_mut() }).skip(2); (*lx).pos`
                let borrowed = consumes
                    && self
                        .resolve_path(&e.receiver)
                        .is_some_and(|local| self.visitor.borrowed_call(local, &e.method));
                let consumes = consumes && !through_guard && !reborrowed && !borrowed;
                let receiver = if borrowed {
                    MentionKind::Place {
                        may_move: false,
                        lasting: true,
                    }
                } else if consumes {
                    MentionKind::Value
                } else if through_guard {
                    MentionKind::Place {
                        may_move: false,
                        lasting: false,
                    }
                } else if reborrowed {
                    BORROW
                } else {
                    let lasting =
                        (!returns_owned(&e.method) || inserts_into_local(e)) && !takes_out(e);
                    MentionKind::Place {
                        may_move: false,
                        lasting,
                    }
                };
                // Inside a closure the local is captured, not moved by
                // the call. The check is not written where a macro prints
                // the call's text (`assert!(bag.count() > 0)` would print
                // the check's).
                let consumed = self
                    .resolve_path(&e.receiver)
                    .filter(|_| consumes && self.capture.is_none() && self.quoted == 0);
                // Taken for a borrow, by a method syntax does not know, or
                // by one named like a collection's borrowing method that a
                // map entry's takes `self` for (`v.insert(x)` on a
                // `VacantEntry`, see [`entry_takes_self`]): the visitor may
                // ask whether it moves the local after all. Not inside a
                // closure, which captures the local, nor where a macro
                // prints the call's text.
                let unknown = self.resolve_path(&e.receiver).filter(|_| {
                    !consumes
                        && !through_guard
                        && !reborrowed
                        && (!call_borrows_receiver(e) || entry_takes_self(&e.method))
                        && self.capture.is_none()
                        && self.quoted == 0
                });
                // Asked before the walk, which may rewrite the receiver.
                let referent = (receiver != MentionKind::Value)
                    .then(|| self.resolve_path(&e.receiver))
                    .flatten()
                    .filter(|&local| lends_referent(e, self.visitor.referent(local)));
                self.expr(&mut e.receiver, receiver);
                if let Some(local) = referent {
                    self.referent_borrowed(local);
                }
                if copies_value(&e.method)
                    && let Some(local) = self.resolve_path(&e.receiver)
                {
                    self.visitor.copied(local);
                }
                for arg in e.args.iter_mut() {
                    self.argument(arg);
                }
                if let Some(local) = consumed {
                    self.visitor.consumed_receiver(local, expr);
                }
                if let Some(local) = unknown {
                    self.visitor.unknown_method_receiver(local, expr);
                }
            }
            Expr::Call(e) => {
                // A local called: a closure, which the call may move
                // (`FnOnce`) or borrow, and whose result may hold the
                // borrow (an async closure's future: `c(1).await`). Taken
                // for a move, the call is checked as a consuming method's
                // is (see `receiver_check::consumed`).
                //
                // Where a macro prints the call's text (`assert!(ok(1))`)
                // the check is not written: the call is taken for a borrow
                // instead, which keeps the closure to the end of its scope
                // (an `FnOnce` one there does not build).
                let callee = strip_parens(&e.func);
                let local = self.resolve_path(callee).filter(|_| self.capture.is_none());
                let called = local.filter(|_| self.quoted == 0);
                let may_move = local.is_none() || called.is_some();
                self.expr(
                    &mut e.func,
                    MentionKind::Place {
                        may_move,
                        lasting: true,
                    },
                );
                let out_of_place = takes_out_of_place(e);
                // A field of a scrutinee's temporary read by value, which
                // the expansion checks itself (`copied_from_temporary`
                // says what to write where it is not `Copy`): read as a
                // place, as its base is, not reported as a part moved.
                let copied = crate::syntax::is_private_path(&e.func, "copied_from_temporary")
                    || crate::syntax::is_private_path(&e.func, "copied_out_of_kept_value");
                for arg in e.args.iter_mut() {
                    match arg {
                        Expr::Reference(place) if out_of_place && place.mutability.is_some() => {
                            self.borrowed_for_call(place)
                        }
                        Expr::Field(_) if copied => self.expr(
                            arg,
                            MentionKind::Place {
                                may_move: false,
                                lasting: false,
                            },
                        ),
                        _ => self.argument(arg),
                    }
                }
                if let Some(local) = self.expansion_drop(e) {
                    self.visitor.dropped(local);
                }
                if let Some(local) = called {
                    self.visitor.consumed_receiver(local, expr);
                }
            }
            Expr::Binary(e) => {
                let (left, right) = match e.op {
                    BinOp::Eq(_)
                    | BinOp::Ne(_)
                    | BinOp::Lt(_)
                    | BinOp::Le(_)
                    | BinOp::Gt(_)
                    | BinOp::Ge(_) => (TRANSIENT, TRANSIENT),
                    op if is_compound_assign(op) => (TRANSIENT, MentionKind::Value),
                    _ => (MentionKind::Value, MentionKind::Value),
                };
                self.expr(&mut e.left, left);
                if is_compound_assign(e.op) {
                    self.mutated(&e.left, false);
                }
                let short_circuit = matches!(e.op, BinOp::And(_) | BinOp::Or(_));
                self.maybe(short_circuit, |walk| walk.expr(&mut e.right, right));
            }
            Expr::Assign(e) => {
                // `_ = x;` reads `x` as a place, like `let _ = x;`.
                let wild = matches!(&*e.left, Expr::Infer(_));
                let right = if wild { TRANSIENT } else { MentionKind::Value };
                if !(wild && self.uncaptured_place(&e.right)) {
                    self.expr(&mut e.right, right);
                }
                match self.resolve_path(&e.left) {
                    Some(local) => {
                        let span = e.left.span();
                        self.report(local, MentionKind::Assign, Some(expr), span);
                    }
                    None => {
                        self.expr(&mut e.left, TRANSIENT);
                        self.mutated(&e.left, false);
                    }
                }
            }
            Expr::Unary(e) => {
                // `let inner = *boxed;` moves the box's value out, and with
                // it the box: nothing of it is kept after.
                let moved_box = if matches!(e.op, UnOp::Deref(_)) && kind.moves_whole() {
                    self.resolve_path(&e.expr)
                        .filter(|&local| self.visitor.is_boxed(local))
                } else {
                    None
                };
                let inner = match e.op {
                    UnOp::Deref(_) if moved_box.is_some() => MentionKind::Value,
                    UnOp::Deref(_) => projected,
                    _ => MentionKind::Value,
                };
                self.expr(&mut e.expr, inner);
                if matches!(e.op, UnOp::Deref(_)) && moved_box.is_none() {
                    self.reached_through(&e.expr);
                }
                if let Some(local) = moved_box {
                    self.visitor.moved_out_of_box(local, expr);
                }
            }
            Expr::Paren(e) => self.expr(&mut e.expr, kind),
            Expr::Group(e) => self.expr(&mut e.expr, kind),
            Expr::Cast(e) => self.expr(&mut e.expr, MentionKind::Value),
            // A `break` out of a labeled block may skip what follows it.
            Expr::Block(e) => {
                let labeled = e.label.is_some();
                self.maybe(labeled, |walk| walk.block(&mut e.block));
            }
            Expr::Unsafe(e) => self.block(&mut e.block),
            Expr::If(e) => self.scoped(|walk| {
                let head = match &*e.cond {
                    Expr::Let(l) => walk.resolve_path(&l.expr),
                    _ => None,
                };
                let flag = walk.condition(&mut e.cond);
                walk.enter_branch();
                walk.maybe(true, |walk| walk.block(&mut e.then_branch));
                let then_moved = walk.leave_branch();
                if let Some(flag) = flag {
                    e.then_branch.stmts.insert(0, drop_flag::clear(&flag));
                }
                walk.shadowed.pop();
                walk.shadowed.push(Vec::new());
                if let Some((_, otherwise)) = &mut e.else_branch {
                    walk.enter_branch();
                    walk.untaken_by(head, |walk| {
                        walk.maybe(true, |walk| walk.expr(otherwise, MentionKind::Value));
                    });
                    let else_moved = walk.leave_branch();
                    walk.moved_on_every_path(vec![then_moved, else_moved], e.if_token.span);
                }
            }),
            // Inside a condition (`a && let p = x`, `while let`), where it
            // is not rewritten for a drop flag.
            Expr::Let(e) => {
                let may_fail = patterns::may_fail_with_rest(&e.pat, self.is_temporary(&e.expr));
                let kind = drop_flag::kind(&e.expr, [&*e.pat], may_fail, false);
                let kind = self.through_mut(&e.expr, kind, [&*e.pat]);
                self.expr(&mut e.expr, kind);
                self.destructure(&e.expr, kind, [&*e.pat]);
                self.shadow(&e.pat);
            }
            Expr::Match(e) => {
                let arms = e.arms.iter().map(|arm| &arm.pat);
                let holds_mut = self
                    .resolve_path(&e.expr)
                    .is_some_and(|local| self.visitor.holds_mut(local));
                let kind =
                    drop_flag::match_kind_holding(&e.expr, arms.clone(), self.loops > 0, holds_mut);
                let kind = self.through_mut(&e.expr, kind, arms);
                let flag = self.flag(&e.expr, kind);
                let unused = e.arms.iter().all(|arm| patterns::is_wild(&arm.pat))
                    && self.uncaptured_place(&e.expr);
                // Before the walk rewrites the scrutinee (`v` into its flag's place).
                let head = self.resolve_path(&e.expr);
                // A tuple pattern that skips a part: see the `let` in `stmt`.
                let part = e.arms.iter().any(|arm| {
                    matches!(patterns::unguarded(&arm.pat), syn::Pat::Tuple(_))
                        && patterns::skips_part(&arm.pat)
                });
                let reported = unused || (part && self.captured_part(&mut e.expr));
                if !reported {
                    self.expr(&mut e.expr, kind);
                }
                self.destructure(&e.expr, kind, e.arms.iter().map(|arm| &arm.pat));
                let untaken: Vec<Option<LocalId>> = e
                    .arms
                    .iter()
                    .map(|arm| head.filter(|_| patterns::bindings(&arm.pat).is_empty()))
                    .collect();
                if let Some(flag) = &flag {
                    drop_flag::arms(&mut e.arms, flag);
                }
                let mut arms_moved = Vec::new();
                for (arm, untaken) in e.arms.iter_mut().zip(untaken) {
                    self.enter_branch();
                    self.scoped(|walk| {
                        walk.maybe(true, |walk| {
                            walk.arm_pat(&mut arm.pat, head);
                            walk.untaken_by(untaken, |walk| {
                                walk.expr(&mut arm.body, MentionKind::Value);
                            });
                        });
                    });
                    arms_moved.push(self.leave_branch());
                }
                self.moved_on_every_path(arms_moved, e.match_token.span);
            }
            Expr::Loop(e) => self.looping(|walk| walk.block(&mut e.body)),
            Expr::While(e) => self.scoped(|walk| {
                walk.looping(|walk| {
                    walk.expr(&mut e.cond, MentionKind::Value);
                    walk.block(&mut e.body);
                });
            }),
            Expr::ForLoop(e) => {
                self.expr(&mut e.expr, MentionKind::Value);
                self.scoped(|walk| {
                    walk.shadow(&e.pat);
                    walk.looping(|walk| walk.block(&mut e.body));
                });
            }
            Expr::Closure(e) => {
                let by_move = e.capture.is_some();
                let copies = self.captured(by_move, |walk| {
                    for input in &e.inputs {
                        walk.shadow(input);
                    }
                    walk.expr(&mut e.body, MentionKind::Value);
                });
                self.copy_in(expr, copies);
            }
            Expr::Async(e) => {
                let by_move = e.capture.is_some();
                let copies = self.captured(by_move, |walk| walk.block(&mut e.block));
                self.copy_in(expr, copies);
            }
            Expr::Macro(e) => self.mac(&mut e.mac),
            Expr::Struct(e) => {
                for field in e.fields.iter_mut() {
                    // `S { x }` prints its member only, so a rewritten use of
                    // `x` would not be printed: written out as `S { x: x }`.
                    field.colon_token.get_or_insert_with(Default::default);
                    self.expr(&mut field.expr, MentionKind::Value);
                }
                if let Some(rest) = &mut e.rest {
                    self.expr(
                        rest,
                        MentionKind::Place {
                            may_move: false,
                            lasting: false,
                        },
                    );
                }
            }
            Expr::Tuple(e) => e
                .elems
                .iter_mut()
                .for_each(|x| self.expr(x, MentionKind::Value)),
            Expr::Array(e) => e
                .elems
                .iter_mut()
                .for_each(|x| self.expr(x, MentionKind::Value)),
            Expr::Repeat(e) => self.expr(&mut e.expr, MentionKind::Value),
            Expr::Range(e) => {
                if let Some(start) = &mut e.start {
                    self.expr(start, MentionKind::Value);
                }
                if let Some(end) = &mut e.end {
                    self.expr(end, MentionKind::Value);
                }
            }
            Expr::Return(e) => {
                if let Some(value) = &mut e.expr {
                    self.expr(value, MentionKind::Value);
                }
            }
            Expr::Break(e) => {
                if let Some(value) = &mut e.expr {
                    self.expr(value, MentionKind::Value);
                }
            }
            Expr::Try(e) => self.expr(&mut e.expr, MentionKind::Value),
            Expr::Await(e) => {
                self.awaited = true;
                self.expr(&mut e.base, MentionKind::Value);
            }
            Expr::TryBlock(e) => self.block(&mut e.block),
            Expr::Yield(e) => {
                if let Some(value) = &mut e.expr {
                    self.expr(value, MentionKind::Value);
                }
            }
            // Paths to non-locals, literals, `continue`, consts (which cannot
            // use locals) and anything syn keeps as tokens.
            _ => {}
        }
    }

    /// Walks what `f` walks as conditional when `conditional` holds.
    fn maybe(&mut self, conditional: bool, f: impl FnOnce(&mut Self)) {
        self.conditional += usize::from(conditional);
        f(self);
        self.conditional -= usize::from(conditional);
    }

    /// Inside a loop: conditional, and run again.
    fn looping(&mut self, f: impl FnOnce(&mut Self)) {
        self.loops += 1;
        self.maybe(true, f);
        self.loops -= 1;
    }

    /// Is `expr` a place of a local of the body (`p`, `p.field`) read,
    /// inside a closure or `async` block, by a pattern that binds nothing
    /// and tests nothing (`let _ = p;`, `_ = p;`, `match p { _ => .. }`)?
    /// Rust 2021 captures no place for that: the local stays where it is,
    /// whole, even for a `move` closure, and drops at the end of its scope.
    ///
    /// Before: `let f = async move { let _ = permit; 1 }; x.await; f.await`
    /// After:  `permit` kept across `x.await`, as rustc keeps it, not taken
    ///         for moved into the block.
    fn uncaptured_place(&self, expr: &Expr) -> bool {
        fn root(expr: &Expr) -> Option<&Expr> {
            match expr {
                Expr::Field(e) => root(&e.base),
                Expr::Paren(e) => root(&e.expr),
                Expr::Group(e) => root(&e.expr),
                Expr::Path(_) => Some(expr),
                _ => None,
            }
        }
        self.capture.is_some() && root(expr).is_some_and(|root| self.resolve_path(root).is_some())
    }

    /// Reports `place`, a local's name, as a part of it that a `move`
    /// closure or `async` block captures (see [`MentionKind::CapturedPart`]),
    /// if it is in one and the local is not visibly a smart pointer, whose
    /// `Deref` the capture stops at.
    fn captured_part(&mut self, place: &mut Expr) -> bool {
        let Some(local) = self.resolve_path(place) else {
            return false;
        };
        // A `Copy` local is copied whole where a closure without `move`
        // makes the closure (see `copy_in`).
        let copied_in = self.capture_borrows && self.visitor.is_copy(local);
        if self.capture != Some(true) || self.visitor.is_pointer(local) || copied_in {
            return false;
        }
        let span = place.span();
        let conditional = self.conditional > 0;
        self.visitor.conditional_mention(
            local,
            MentionKind::CapturedPart,
            Some(place),
            span,
            conditional,
        );
        true
    }

    /// Walks a closure or `async` block with `f`; gives the `Copy` locals
    /// it takes by value where a closure without `move` makes it (see
    /// [`Self::copy_in`]).
    fn captured(&mut self, by_move: bool, f: impl FnOnce(&mut Self)) -> Vec<syn::Ident> {
        let outer = self.capture;
        let outer_borrows = self.capture_borrows;
        let outer_copies = std::mem::take(&mut self.copied_in);
        if outer.is_none() {
            self.capture_conditional = self.conditional;
            self.capture_borrows = !by_move;
        }
        self.capture = Some(by_move || outer == Some(true));
        self.scoped(f);
        self.capture = outer;
        self.capture_borrows = outer_borrows;
        let copies = std::mem::replace(&mut self.copied_in, outer_copies);
        if by_move && outer == Some(false) {
            copies
        } else {
            self.copied_in.extend(copies);
            Vec::new()
        }
    }

    /// `construct`, a `move` closure or `async move` block made by a
    /// closure (or `async` block) without `move`, takes `copies`, `Copy`
    /// locals of the fn: rustc's outer closure borrows them (it captures a
    /// by-value use of a `Copy` place by reference) and the inner one
    /// copies them when it is made. So the copies are made there, in the
    /// outer closure, whose capture is then a closure's plain borrow of a
    /// local, kept where the local lives for as long as the closure does.
    /// (The inner one naming a kept local would copy the reference the
    /// local is reached through, and the outer one would borrow that
    /// reference, a local of the step: E0373.)
    ///
    /// Before: `let mk = |id: u32| async move { id + base };`
    /// After:  `let mk = |id: u32| { let mut base = base; async move { id + base } };`
    fn copy_in(&mut self, construct: &mut Expr, copies: Vec<syn::Ident>) {
        if copies.is_empty() {
            return;
        }
        let inner = construct.clone();
        let mut block: Expr = syn::parse_quote! {
            {
                #(
                    #[allow(unused_mut)]
                    let mut #copies = #copies;
                )*
                #inner
            }
        };
        // The copies are the outer closure's own uses of the locals.
        if let Expr::Block(e) = &mut block {
            for stmt in &mut e.block.stmts {
                if let syn::Stmt::Local(local) = stmt
                    && let Some(init) = &mut local.init
                {
                    self.expr(&mut init.expr, MentionKind::Value);
                }
            }
        }
        *construct = block;
    }

    /// `matched`: the local the `match` is on, if it is on a local's name.
    fn arm_pat(&mut self, pat: &mut syn::Pat, matched: Option<LocalId>) {
        if let syn::Pat::Guard(guard) = pat {
            self.shadow(&guard.pat);
            let outer = std::mem::replace(&mut self.guarded, matched);
            self.expr(&mut guard.guard, MentionKind::Value);
            self.guarded = outer;
        } else {
            self.shadow(pat);
        }
    }

    /// How a guard uses the local its `match` is on, named by value: the
    /// `match` holds that local borrowed while its guards run, so the use
    /// can only be a copy (rustc rejects a move there, E0507), a read of
    /// the place that neither moves it nor asks its drop flag for it.
    ///
    /// Before: `match v { Some(n) if big(v) => n, _ => x.await }`
    /// After:  `big(v)` reads `v` where the arm matched it, not a move out
    ///         of the flag the `match` holds borrowed (E0502).
    fn guard(&self, local: LocalId, kind: MentionKind) -> MentionKind {
        match kind {
            MentionKind::Value if self.guarded == Some(local) => MentionKind::Place {
                may_move: false,
                lasting: false,
            },
            kind => kind,
        }
    }

    fn block(&mut self, block: &mut syn::Block) {
        self.scoped(|walk| {
            for stmt in &mut block.stmts {
                walk.stmt(stmt);
            }
        });
    }

    fn stmt(&mut self, stmt: &mut syn::Stmt) {
        match stmt {
            syn::Stmt::Local(local) => {
                if let Some(init) = &mut local.init
                    && !(patterns::is_wild(&local.pat) && self.uncaptured_place(&init.expr))
                {
                    // `let (a, ref b) = pair;` borrows `pair` for as long as
                    // `b` lives (and moves `a` out of it).
                    // `let _ = x;` (a pattern that binds nothing) reads the
                    // place `x` and neither moves nor borrows it.
                    // `let (a, _) = pair;` takes a part and leaves the
                    // rest: see `drop_flag::kind`.
                    let kind = if patterns::binds_by_ref(&local.pat)
                        || patterns::leaves_rest(&local.pat)
                    {
                        MentionKind::Place {
                            may_move: false,
                            lasting: patterns::binds_by_ref(&local.pat),
                        }
                    } else if patterns::bindings(&local.pat).is_empty() {
                        MentionKind::Place {
                            may_move: false,
                            lasting: false,
                        }
                    } else {
                        MentionKind::Value
                    };
                    let kind = self.through_mut(&init.expr, kind, [&local.pat]);
                    // Inside a `move` closure, `let (x, _) = pair;` captures
                    // `pair.0` alone, as `move || pair.0` does (Rust 2021's
                    // precise captures; a `let`'s pattern cannot test a
                    // variant, which would take all of `pair`).
                    //
                    // Before: `let f = move || { let (x, _) = pair; x.len() }; t.await;`
                    // After:  `pair.1` stays in `pair`, kept to drop where
                    //         its scope ends, not taken for moved with it.
                    let part = init.diverge.is_none() && patterns::skips_part(&local.pat);
                    if !(part && self.captured_part(&mut init.expr)) {
                        self.expr(&mut init.expr, kind);
                    }
                    self.destructure(&init.expr, kind, [&local.pat]);
                    // The `else` block runs only if the pattern fails.
                    if let Some((_, diverge)) = &mut init.diverge {
                        self.maybe(true, |walk| walk.expr(diverge, MentionKind::Value));
                    }
                }
                self.shadow(&local.pat);
            }
            syn::Stmt::Expr(expr, _) => self.expr(expr, MentionKind::Value),
            syn::Stmt::Macro(mac) => self.mac(&mut mac.mac),
            // A nested item cannot use the body's locals.
            syn::Stmt::Item(_) => {}
        }
    }

    fn mac(&mut self, mac: &mut syn::Macro) {
        if evaluates_nothing(mac) {
            // `stringify!(retries)`: a name, no use of the local.
            return;
        }
        if let Some(mut args) = macros::MacroArgs::parse(mac) {
            let quoted = usize::from(args.quotes());
            // `assert!(cond)` says "assertion failed: <cond>" in its own
            // words: where a use in `cond` is rewritten (`(*host)` for a
            // local kept in place), it says the user's words explicitly,
            // spaced as rustc prints an expression (`stringify!` of the
            // tokens would print `v [0]`).
            let condition = args.bare_assertion().map(quote::ToTokens::to_token_stream);
            self.quoted += quoted;
            for (arg, kind) in args.args_mut() {
                self.expr(arg, kind);
            }
            self.quoted -= quoted;
            if let Some(condition) = condition
                && let Some(rewritten) = args.bare_assertion()
                && quote::ToTokens::to_token_stream(rewritten).to_string() != condition.to_string()
            {
                args.push_message(crate::rewrite::assertion_messages::message(condition));
                crate::rewrite::assertion_messages::formats_message(mac);
            }
            for (ident, span) in args.inline_captures() {
                if let Some(local) = self.resolve(&ident) {
                    self.report(
                        local,
                        MentionKind::Place {
                            may_move: false,
                            lasting: false,
                        },
                        None,
                        span,
                    );
                    let captured = self.capture == Some(false);
                    if let Some(value) = self.visitor.inline_capture(local, &ident, captured) {
                        args.push_named(ident, value);
                    }
                }
            }
            args.write_back(&mut mac.tokens);
        } else {
            // An awaiting macro takes the futures it is given (`join!(a, b)`
            // moves `a` and `b`); anything else may do anything.
            let kind = if is_awaiting_macro(mac) {
                MentionKind::Value
            } else {
                MentionKind::Opaque {
                    named: InMacro::Token,
                    captured: false,
                }
            };
            let tokens = mac.tokens.clone();
            self.opaque_tokens(tokens, kind);
        }
    }

    fn opaque_tokens(&mut self, tokens: TokenStream, kind: MentionKind) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (index, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(ident) => {
                    if let Some(local) = self.resolve(ident) {
                        let field = matches!(trees.get(index + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                            && !method_call_at(&trees, index + 2);
                        self.opaque_use(local, kind, !field, ident.span());
                    }
                }
                TokenTree::Group(group) => self.opaque_tokens(group.stream(), kind),
                // A string the macro may hand on to `format!` (a logging
                // macro's `info!("saved {id:?}")`): what it would capture
                // is taken for a use, as a name among the tokens is.
                TokenTree::Literal(literal) => {
                    for capture in literal_captures(literal) {
                        let ident = syn::Ident::new(&capture.name, literal.span());
                        let Some(local) = self.resolve(&ident) else {
                            continue;
                        };
                        let kind = match kind {
                            MentionKind::Opaque { captured, .. } => MentionKind::Opaque {
                                named: if capture.formatted {
                                    InMacro::Formatted
                                } else {
                                    InMacro::Read
                                },
                                captured,
                            },
                            kind => kind,
                        };
                        self.opaque_use(local, kind, true, literal.span());
                    }
                }
                TokenTree::Punct(_) => {}
            }
        }
    }

    /// A use of `local` among a macro's tokens; `whole`: named alone, not
    /// as `x.field`.
    fn opaque_use(&mut self, local: LocalId, kind: MentionKind, whole: bool, span: Span) {
        let kind = match kind {
            // Inside a `move` closure or `async move` block, a local named
            // whole (not `x.field`, which Rust 2021 captures alone) is moved
            // in when it is made, whatever the macro does with it there
            // (`async move { pin_mut!(fut); fut.await }`).
            MentionKind::Opaque { .. } if self.capture == Some(true) && whole => {
                MentionKind::Capture { by_move: true }
            }
            MentionKind::Opaque { named, .. } => MentionKind::Opaque {
                named,
                captured: self.capture == Some(false),
            },
            kind => kind,
        };
        self.report(local, kind, None, span);
        if kind == MentionKind::Value {
            self.visitor.in_awaiting_macro(local);
        }
    }
}

/// Do `trees` from `index` on call a method (`label()` in `tag.label()`,
/// `parse::<u32>()`), not name a field? A `move` closure captures the
/// local a method is called on whole, a field alone.
fn method_call_at(trees: &[TokenTree], index: usize) -> bool {
    let Some(TokenTree::Ident(_)) = trees.get(index) else {
        return false;
    };
    match trees.get(index + 1) {
        Some(TokenTree::Group(group)) => group.delimiter() == proc_macro2::Delimiter::Parenthesis,
        Some(TokenTree::Punct(p)) => p.as_char() == ':',
        _ => false,
    }
}

/// `==`, `<`, … (a comparison, which takes both sides by reference).
pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt(_) | BinOp::Le(_) | BinOp::Gt(_) | BinOp::Ge(_)
    )
}

/// `+=`, `-=`, … (a compound assignment).
pub(crate) fn is_compound_assign(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
            | BinOp::BitXorAssign(_)
            | BinOp::BitAndAssign(_)
            | BinOp::BitOrAssign(_)
            | BinOp::ShlAssign(_)
            | BinOp::ShrAssign(_)
    )
}

/// Methods that take `self` by value, so a local used as their receiver is
/// moved: the standard library's (and the most used HTTP client's), and any
/// method named `into_…`, which the Rust API guidelines (C-CONV) reserve for
/// conversions that consume `self` and clippy's default `wrong_self_convention`
/// lint enforces. Any other method is assumed to borrow its receiver (see
/// [`MentionKind::may_move`] for why that is the safe guess).
pub(crate) fn consumes_receiver(method: &syn::Ident) -> bool {
    const CONSUMING: &[&str] = &[
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_else",
        "unwrap_or_default",
        "unwrap_err",
        "expect_err",
        "unwrap_unchecked",
        "ok",
        "err",
        "map_err",
        "map_or",
        "map_or_else",
        "and_then",
        "or_else",
        "ok_or",
        "ok_or_else",
        "into",
        "try_into",
        // `Option`'s and `Result`'s own, which no other type is likely
        // to name.
        "or",
        "xor",
        "and",
        "inspect_err",
        "is_some_and",
        "is_none_or",
        "is_ok_and",
        "is_err_and",
        // A map entry's, which answer with the `&mut` into the map (or,
        // `and_modify`, with the entry again): nothing is left of the
        // `Entry` to keep (`m.entry(k).or_default().push(f().await)`).
        "or_insert",
        "or_insert_with",
        "or_insert_with_key",
        "or_default",
        "and_modify",
        // `bool`'s (and `FutureExt`'s and `StreamExt`'s `then(self, f)`):
        // what they answer holds the value given, never the `bool`.
        "then",
        "then_some",
    ];
    let name = method.to_string();
    // Of `Iterator`'s, not `take`, nor `last` or `join`, which are no
    // adapters: `Option::take(&mut self)`, `[T]::last(&self)` and
    // `[T]::join(&self, sep)` borrow (a visible iterator's `take` is known:
    // `takes_iterator`).
    CONSUMING.contains(&name.as_str())
        || (iterators::ADAPTERS.contains(&name.as_str()) && name != "take")
        || iterators::CONSUMERS.contains(&name.as_str())
        || AMBIGUOUS.contains(&name.as_str())
        || name.starts_with("into_")
}

/// Names of the standard library's (and the most used HTTP client's)
/// methods taking `self` that are as often a borrowing method's: see
/// [`consumes_receiver_ambiguously`].
const AMBIGUOUS: &[&str] = &[
    "text",
    "json",
    "bytes",
    "boxed",
    // `Iterator`'s, which answer with an owned value (see `returns_owned`)
    // but take the iterator.
    "count",
    "max",
    "min",
    // `Option`'s and `Result`'s, and a matrix's `transpose(&self)`.
    "transpose",
    // `Box`'s, `Rc`'s and `Arc`'s of a `dyn Any` (and `Box<dyn Error>`'s),
    // which give the value back in the `Err`; pyo3's `Bound::downcast(&self)`
    // borrows. (`downcast_ref` and `downcast_mut` borrow, in both.)
    "downcast",
];

/// Of [`AMBIGUOUS`]'s names, those the standard library gives a method
/// that borrows its receiver and answers with an iterator over it
/// (`str::bytes(&self)`), where the method taking `self` answers with a
/// future (an HTTP response's `bytes(self)`, awaited at once:
/// `resp.bytes().await`). Called on a local and not awaited, the call
/// borrows the local for as long as the iterator lives (`for b in
/// s.bytes()`). `io::Read::bytes(self)` is taken for the borrowing one
/// too, as `last` is (see [`consumes_receiver`]): where the machine keeps
/// the reader in place, write the move, `Read::bytes(reader)`.
pub(crate) fn lends_iterator(method: &syn::Ident) -> bool {
    method == "bytes"
}

/// Is `method`, named like one of `Iterator`'s adapters (`take_while`,
/// `skip_while`, `filter`, `zip`), a method of the user's where what it
/// gives is awaited at once (`s.take_while(|x| *x < 3).await`)? An
/// iterator's adapters give iterators, and a stream's so named
/// (`futures`' and `tokio-stream`'s `StreamExt`) give streams: neither
/// is a future, so neither is awaited. A future's own adapters are
/// (`FutureExt`'s `map`, `flatten`, `fuse`, `inspect`), and take `self`.
/// So the call is taken as one of a method syntax does not know, which
/// may borrow its receiver (a stream's `take_while(&mut self, f)` whose
/// future borrows it across the await, as rustc keeps it): a local is
/// kept in place, and a method taking `self` after all stops the build
/// there, saying what to write (`__private::receiver_in_place`).
///
/// Before: `let v = s.take_while(|x| *x < 3).await;`: `s` moved into the call
/// After:  `s` borrowed by the awaited future, kept in place across the await
pub(crate) fn awaited_adapter_is_own(method: &syn::Ident) -> bool {
    const FUTURE_ADAPTERS: &[&str] = &["map", "flatten", "fuse", "inspect"];
    let name = method.to_string();
    iterators::ADAPTERS.contains(&name.as_str()) && !FUTURE_ADAPTERS.contains(&name.as_str())
}

/// Of [`consumes_receiver`]'s names, those a type of the user's as often
/// gives a method that borrows (`text(&self) -> &str`, `count(&self)`), or
/// the standard library does too (`str::bytes`). On a local they are taken
/// for a move, checked as every such name is; on a value made for them
/// (`make().text()`), which the machine would not keep, the compiler is
/// asked whether the method borrows it, as for a name syntax does not know.
pub(crate) fn consumes_receiver_ambiguously(method: &syn::Ident) -> bool {
    AMBIGUOUS.contains(&method.to_string().as_str())
}

/// Does the condition hold a `let` (an `if let`, a `let` chain)?
pub(crate) fn has_let(cond: &Expr) -> bool {
    match cond {
        Expr::Let(_) => true,
        Expr::Binary(e) if matches!(e.op, BinOp::And(_)) => has_let(&e.left) || has_let(&e.right),
        Expr::Paren(e) => has_let(&e.expr),
        _ => false,
    }
}

/// `expr` without the parentheses around it: `f` in `(f)(x)`.
pub(crate) fn strip_parens(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(e) => strip_parens(&e.expr),
        Expr::Group(e) => strip_parens(&e.expr),
        other => other,
    }
}

/// A type with a `&mut` inside, not at its top (`Option<&mut T>`, `(&mut
/// A, u32)`, `Vec<&mut T>`): a value of it holds a `&mut` its type, named
/// by a local's, does not show as `&mut T` does.
pub(crate) fn has_mut_inside(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_reference(&mut self, r: &'ast syn::TypeReference) {
            self.0 |= r.mutability.is_some();
            syn::visit::visit_type_reference(self, r);
        }
    }
    let mut finder = Finder(false);
    match ty {
        syn::Type::Reference(r) => syn::visit::Visit::visit_type(&mut finder, &r.elem),
        ty => syn::visit::Visit::visit_type(&mut finder, ty),
    }
    finder.0
}

/// `Box<T>`, `std::boxed::Box<T>`.
pub(crate) fn is_box_type(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let names = segment_names(&path.path);
    path.qself.is_none()
        && names.last().is_some_and(|n| n == "Box")
        && (names.len() == 1 || ["std", "alloc"].contains(&names[0].as_str()))
}

/// `Ref<'_, T>`, `RefMut<'_, T>`, `MutexGuard<'_, T>`, `RwLockReadGuard<'_,
/// T>`, `RwLockWriteGuard<'_, T>`, by name: a guard, whose methods of the
/// guarded value's names are reached through `Deref`.
pub(crate) fn is_guard_type(ty: &syn::Type) -> bool {
    const GUARDS: &[&str] = &[
        "Ref",
        "RefMut",
        "MutexGuard",
        "RwLockReadGuard",
        "RwLockWriteGuard",
    ];
    let syn::Type::Path(path) = ty else {
        return false;
    };
    path.qself.is_none()
        && path
            .path
            .segments
            .last()
            .is_some_and(|last| GUARDS.contains(&last.ident.to_string().as_str()))
}

/// `Box<T>`, `Rc<T>`, `Arc<T>` (`std::sync::Arc<T>`): a smart pointer, whose
/// fields `x.field` reads through its `Deref`.
pub(crate) fn is_pointer_type(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let names = segment_names(&path.path);
    path.qself.is_none()
        && names.last().is_some_and(|n| POINTERS.contains(&n.as_str()))
        && (names.len() == 1 || ["std", "alloc"].contains(&names[0].as_str()))
}

/// `Arc::new(v)`, `Rc::clone(&p)`, `Box::from(v)`: what it makes is a smart
/// pointer ([`is_pointer_type`]).
pub(crate) fn makes_pointer(expr: &Expr) -> bool {
    let Expr::Call(call) = strip_parens(expr) else {
        return false;
    };
    let Expr::Path(func) = &*call.func else {
        return false;
    };
    let names = segment_names(&func.path);
    let [.., pointer, made] = names.as_slice() else {
        return false;
    };
    POINTERS.contains(&pointer.as_str()) && ["new", "clone", "from"].contains(&made.as_str())
}

const POINTERS: [&str; 3] = ["Box", "Rc", "Arc"];

/// Methods giving the `Option` of a view of text: `s.strip_prefix('/')`.
const OPTIONAL_VIEW: &[&str] = &["strip_prefix", "strip_suffix"];

/// Methods giving the `Option` of a pair of views, text's or a slice's:
/// `line.split_once('=')`, `buf.split_first()`.
const OPTIONAL_SPLIT: &[&str] = &["split_once", "rsplit_once", "split_first", "split_last"];

/// `"text"`, `b"bytes"`, `c"text"`: a shared reference to a constant.
pub(crate) fn is_text_literal(lit: &syn::Lit) -> bool {
    matches!(
        lit,
        syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)
    )
}

/// A borrow of text or bytes, made by a `str`/`String` method that returns
/// one (`s.trim()`, `line.as_bytes()`), or taken out of the `Option` of one
/// (`s.strip_prefix('/')?`, `.unwrap()`, `.expect(..)`, `.unwrap_or(..)`,
/// `.ok_or(..)?`); `parts`: a pair of them, split (`s.split_once(':')?`,
/// `s.split_at(n)`, `buf.split_first().unwrap()`).
///
/// A method of the user's own so named that returns an owned value is
/// taken for a reference all the same: where something borrows that value
/// across an await, the machine moves it while it is borrowed, a compile
/// error (E0505), never a value dropped early.
pub(crate) fn borrows_text(expr: &Expr, parts: bool) -> bool {
    const WHOLE: &[&str] = &["as_str", "as_bytes"];
    const SPLIT: &[&str] = &["split_at", "split_at_checked"];
    let method = |expr: &Expr, names: &[&str]| {
        matches!(strip_parens(expr), Expr::MethodCall(call)
            if names.contains(&call.method.to_string().as_str()))
    };
    let (whole, optional) = if parts {
        (SPLIT, OPTIONAL_SPLIT)
    } else {
        (WHOLE, OPTIONAL_VIEW)
    };
    if method(expr, whole) || (!parts && method(expr, TRIMS)) {
        return true;
    }
    unwrapped(expr).is_some_and(|inner| method(inner, optional))
}

/// A shared borrow of an element of a slice, a vector or a map, taken out
/// of the `Option` `first` or `get` gives (`v.first().unwrap()`, `m.get(k)?`;
/// see [`borrows_text`] for a method of the user's own so named).
pub(crate) fn borrows_element(expr: &Expr) -> bool {
    unwrapped(expr).is_some_and(|inner| {
        matches!(strip_parens(inner), Expr::MethodCall(call)
            if ["first", "get"].contains(&call.method.to_string().as_str()))
    })
}

/// What an `Option` given as it is comes out of: the receiver of an
/// unwrap, or what `?` became (`rewrite::early_exit`), on the `Option` or
/// on the `Result` `ok_or` makes of it.
fn unwrapped(expr: &Expr) -> Option<&Expr> {
    // A default given beside the value has the same type.
    const UNWRAPS: &[&str] = &[
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_else",
        "unwrap_or_default",
    ];
    match strip_parens(expr) {
        Expr::Match(m) => crate::build::tried(m).map(|tried| match strip_parens(tried) {
            Expr::MethodCall(call)
                if ["ok_or", "ok_or_else"].contains(&call.method.to_string().as_str()) =>
            {
                &*call.receiver
            }
            tried => tried,
        }),
        Expr::MethodCall(call) if UNWRAPS.contains(&call.method.to_string().as_str()) => {
            Some(&*call.receiver)
        }
        _ => None,
    }
}

/// Does `pat`, matched against `expr`, bind only borrows of text (see
/// [`borrows_text`])? The `Option` of one or of a pair, its parts named:
/// `Some(rest)` against `s.strip_prefix('/')`, `Some((k, _))` against
/// `line.split_once('=')`, `Some((_, rest))` against `buf.split_first()`,
/// and `Some((&len, rest))`, whose `&len` copies the element out (see
/// [`copied_part`]: a name bound so is a copy of the referent, not a
/// borrow).
pub(crate) fn binds_text(pat: &syn::Pat, expr: &Expr) -> bool {
    let Expr::MethodCall(call) = strip_parens(expr) else {
        return false;
    };
    let name = |pat: &syn::Pat| matches!(pat, syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none());
    let part = |pat: &syn::Pat| {
        name(pat) || matches!(pat, syn::Pat::Wild(_)) || copied_part(pat).is_some()
    };
    let syn::Pat::TupleStruct(some) = pat else {
        return false;
    };
    if !some.path.is_ident("Some") || some.elems.len() != 1 {
        return false;
    }
    let method = call.method.to_string();
    match &some.elems[0] {
        inner if OPTIONAL_VIEW.contains(&method.as_str()) => name(inner),
        syn::Pat::Tuple(pair) if OPTIONAL_SPLIT.contains(&method.as_str()) => {
            pair.elems.len() == 2 && pair.elems.iter().all(part)
        }
        _ => false,
    }
}

/// The name a `&` pattern binds by value (`&len` in `Some((&len, rest))`):
/// it copies the referent out (which rustc accepts only for a `Copy` one),
/// so what it holds is an element, not a borrow of text.
pub(crate) fn copied_part(pat: &syn::Pat) -> Option<&syn::Ident> {
    match pat {
        syn::Pat::Reference(r) if r.mutability.is_none() => match &*r.pat {
            syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => Some(&p.ident),
            _ => None,
        },
        _ => None,
    }
}

/// `s.trim().parse()`, `"9".parse()`: `str::parse` on a text view or a
/// literal, a `&str` the call is given as it is (nothing to drop, nothing
/// made for the call to borrow).
pub(crate) fn parses_text(call: &syn::ExprMethodCall) -> bool {
    call.method == "parse"
        && match strip_parens(&call.receiver) {
            Expr::Lit(lit) => matches!(lit.lit, syn::Lit::Str(_)),
            receiver => borrows_text(receiver, false),
        }
}

/// `Box::new(v)`: what it makes is a `Box`, whose contents `*` moves out.
pub(crate) fn makes_box(expr: &Expr) -> bool {
    matches!(strip_parens(expr), Expr::Call(call)
        if matches!(&*call.func, Expr::Path(f)
            if segment_names(&f.path).ends_with(&["Box".to_owned(), "new".to_owned()])))
}

/// A standard library type a local visibly has, whose methods named like
/// those that take `self` ([`consumes_receiver`]) do take it, so that a
/// call of one of its own needs no check (see [`Standard::takes_self`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standard {
    Option,
    Result,
    /// `Vec` and the other collections.
    Collection,
    /// `impl Iterator`.
    Iterator,
}

impl Standard {
    /// The standard type `ty` visibly is, if any. Not `String` (`bytes` is
    /// `str`'s, and borrows), nor a smart pointer, whose methods may be its
    /// target's. (A type of the user's named like these, in scope instead
    /// of the standard one, is taken for it.)
    pub(crate) fn of(ty: &syn::Type) -> Option<Standard> {
        const COLLECTIONS: &[&str] = &[
            "Vec",
            "VecDeque",
            "HashMap",
            "HashSet",
            "BTreeMap",
            "BTreeSet",
            "BinaryHeap",
            "LinkedList",
        ];
        const ITERATORS: &[&str] = &["Iterator", "DoubleEndedIterator", "ExactSizeIterator"];
        match ty {
            syn::Type::Path(path) if path.qself.is_none() => {
                let names = segment_names(&path.path);
                let standard =
                    names.len() == 1 || ["std", "core", "alloc"].contains(&names[0].as_str());
                match names.last().map(String::as_str) {
                    _ if !standard => None,
                    Some("Option") => Some(Standard::Option),
                    Some("Result") => Some(Standard::Result),
                    Some(name) if COLLECTIONS.contains(&name) => Some(Standard::Collection),
                    _ => None,
                }
            }
            syn::Type::ImplTrait(bounds) => bounds
                .bounds
                .iter()
                .any(|bound| {
                    matches!(bound, syn::TypeParamBound::Trait(t)
                        if t.path.segments.last().is_some_and(|s| ITERATORS.contains(&s.ident.to_string().as_str())))
                })
                .then_some(Standard::Iterator),
            syn::Type::Paren(inner) => Standard::of(&inner.elem),
            syn::Type::Group(inner) => Standard::of(&inner.elem),
            _ => None,
        }
    }

    /// Is `method` one of the type's own that take `self`? Another name
    /// may be a method of a trait of the user's, which may borrow.
    pub(crate) fn takes_self(self, method: &str) -> bool {
        const OPTION_AND_RESULT: &[&str] = &[
            "unwrap",
            "expect",
            "unwrap_or",
            "unwrap_or_else",
            "unwrap_or_default",
            "unwrap_unchecked",
            "map",
            "map_or",
            "map_or_else",
            "and_then",
            "or_else",
            "flatten",
            "copied",
            "cloned",
            "into",
            "into_iter",
            "or",
            "and",
            "inspect",
        ];
        const OPTION: &[&str] = &["ok_or", "ok_or_else", "filter", "zip", "xor", "unzip"];
        const RESULT: &[&str] = &["unwrap_err", "expect_err", "ok", "err", "map_err"];
        const COLLECTION: &[&str] = &[
            "into",
            "into_iter",
            "into_keys",
            "into_values",
            "into_boxed_slice",
            "into_sorted_vec",
            "into_vec",
        ];
        // Besides its adapters and consumers (`iterators::ADAPTERS`,
        // `iterators::CONSUMERS`).
        const ITERATOR: &[&str] = &["count", "max", "min", "into", "into_iter"];
        let own: &[&[&str]] = match self {
            Standard::Option => &[OPTION_AND_RESULT, OPTION],
            Standard::Result => &[OPTION_AND_RESULT, RESULT],
            Standard::Collection => &[COLLECTION],
            Standard::Iterator => &[iterators::ADAPTERS, iterators::CONSUMERS, ITERATOR],
        };
        own.iter().any(|names| names.contains(&method))
    }
}

/// Does `name` occur in `tokens`, at any depth, or would a string there
/// capture it as a format string (`"{name}"`, `"{v:name$}"`)?
pub(crate) fn mentions(tokens: &proc_macro2::TokenStream, name: &str) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == name,
        TokenTree::Group(group) => mentions(&group.stream(), name),
        TokenTree::Literal(literal) => literal_captures(&literal)
            .iter()
            .any(|captured| captured.name == name),
        TokenTree::Punct(_) => false,
    })
}

/// Methods of the standard library that take `&self` or `&mut self`: those
/// of [`returns_owned`] that neither consume their receiver (`count`) nor
/// take a number by value (`wrapping_mul`), those whose result is a view
/// of the receiver (`x.iter()`, `x.as_str()`, see [`returns_view`]), and
/// those whose result is a guard (`m.lock()`, `c.borrow()`).
pub(crate) fn borrows_receiver(method: &syn::Ident) -> bool {
    const GUARDS: &[&str] = &["lock", "try_lock", "borrow", "borrow_mut"];
    // A number's own methods take it by value (it is `Copy`).
    let by_value = copy::NUMERIC.contains(&method.to_string().as_str());
    !consumes_receiver(method)
        && !by_value
        && (returns_owned(method)
            || returns_view(method)
            || GUARDS.contains(&method.to_string().as_str()))
}

/// As [`borrows_receiver`], knowing the receiver and the arguments:
/// `Iterator`'s methods that take `&mut self` borrow one that is visibly an
/// iterator too (`v.drain(..).find(f)`, see [`iterators::borrows_iterator`]),
/// and so do `str`'s and a slice's that split it by what they are given
/// (`s.split(',')`, `v.chunks(2)`, see [`iterators::lends_parts`]).
pub(crate) fn call_borrows_receiver(call: &syn::ExprMethodCall) -> bool {
    borrows_receiver(&call.method)
        || iterators::borrows_iterator(&call.method, &call.receiver)
        || iterators::lends_parts(call)
}

/// As [`borrows_receiver_mutably`], knowing the receiver (see
/// [`call_borrows_receiver`]): `drain(..)` too.
pub(crate) fn call_borrows_receiver_mutably(call: &syn::ExprMethodCall) -> bool {
    borrows_receiver_mutably(&call.method)
        || iterators::borrows_iterator(&call.method, &call.receiver)
        || (call.method == "drain" && iterators::lends_parts(call))
}

/// Does `call`, on a local visibly holding a `&mut` that points to a
/// value of type `referent` (where that shows), borrow only what the
/// local points to? Methods are looked up on the `&mut` first and then on
/// what it points to; the standard library's traits implemented for a
/// `&mut T` itself forward to `T`'s, and those whose method takes `self`
/// or `&mut self` are found taking the `&mut` by value, which hands on a
/// reborrow of what it points to. Those whose method takes `&self` and
/// gives a borrow, `AsRef` (in the prelude), `Borrow` and `Deref`, are
/// found on the `&mut` first, and borrow the local itself (`v.as_ref()`
/// with `v: &mut Vec<u8>` is `<&mut Vec<u8> as AsRef<[u8]>>::as_ref(&v)`):
/// not these, except `as_ref` where the referent is visibly an `Option`
/// or a `Result`, which implement no `AsRef` and whose own `as_ref` it
/// is. Otherwise, a method known to borrow its receiver (see
/// [`call_borrows_receiver`]), or one known to take `self`, which the
/// `&mut` is given to by value (reborrowed). A method of a trait of the
/// user's implemented for the `&mut` itself, of such a name, borrows the
/// local after all: the machine, which does not keep the local for it
/// then, fails to build (rustc's borrow check: the local does not live
/// long enough, or is moved while borrowed), and never runs differently,
/// since the call is left as written.
pub(crate) fn lends_referent(call: &syn::ExprMethodCall, referent: Option<Standard>) -> bool {
    let method = call.method.to_string();
    match method.as_str() {
        "as_ref" => matches!(referent, Some(Standard::Option | Standard::Result)),
        "borrow" | "deref" | "deref_mut" => false,
        _ => call_borrows_receiver(call) || consumes_receiver(&call.method),
    }
}

/// Of [`borrows_receiver`]'s methods, those that borrow it mutably
/// (`iter_mut`, `get_mut`, `as_mut_slice`, `borrow_mut`): a temporary named
/// for such a receiver is declared `mut`.
pub(crate) fn borrows_receiver_mutably(method: &syn::Ident) -> bool {
    let method = method.to_string();
    method.contains("mut") || COLLECTION_CHANGES.contains(&method.as_str())
}

/// Of [`COLLECTION_CHANGES`], the names a map entry's own methods take
/// `self` for: `VacantEntry::insert(self, v)`, `OccupiedEntry::remove(self)`
/// (`hash_map`'s and `btree_map`'s). Syntax cannot tell the entry's from
/// `HashMap::insert(&mut self, ..)` or `Vec::remove(&mut self, i)`; a
/// local kept in place given to one of them is asked about as one given to
/// a method syntax does not know (see `receiver_check::in_place`), which
/// asks nothing of the collection's.
pub(crate) fn entry_takes_self(method: &syn::Ident) -> bool {
    method == "insert" || method == "remove"
}

/// A collection's methods that move an item in or out (`q.pop_front()`):
/// they borrow it mutably for the call, and answer with no borrow of it.
const COLLECTION_CHANGES: &[&str] = &[
    "push",
    "push_back",
    "push_front",
    "pop",
    "pop_back",
    "pop_front",
    "insert",
    "remove",
    "clear",
];

/// Methods of the standard library whose result borrows from the receiver
/// and has nothing of its own to drop: a reference, an `Option` of one,
/// an iterator over it (`x.as_str()`, `m.get(k)`, `v.iter()`).
pub(crate) fn returns_view(method: &syn::Ident) -> bool {
    const VIEWS: &[&str] = &[
        "iter",
        "iter_mut",
        "as_str",
        "as_slice",
        "as_mut_slice",
        "as_bytes",
        "as_ref",
        "as_mut",
        "as_deref",
        "as_deref_mut",
        "as_path",
        "get",
        "get_mut",
        "first",
        "last",
        "front",
        "back",
        "keys",
        "values",
        "values_mut",
        "chars",
        "lines",
        "split_whitespace",
        "split_ascii_whitespace",
        "char_indices",
    ];
    let method = method.to_string();
    VIEWS.contains(&method.as_str()) || TRIMS.contains(&method.as_str())
}

/// `Pin`'s methods that take the pin itself by value (`pin.get_mut()`),
/// those of a `Pin<&mut T>` (what `Pin::as_mut` gives) and those of a
/// `Pin<&T>` (what `Pin::as_ref` gives).
pub(crate) const OF_PIN_MUT: &[&str] = &[
    "get_mut",
    "into_ref",
    "get_unchecked_mut",
    "map_unchecked_mut",
];
pub(crate) const OF_PIN_REF: &[&str] = &["get_ref", "map_unchecked"];

/// `p.as_mut().get_mut()`, `p.as_ref().get_ref()`: one of `Pin`'s methods
/// that take the pin by value ([`OF_PIN_MUT`], [`OF_PIN_REF`]) called on
/// the view `as_mut()` or `as_ref()` gives, whatever `p` is. On a pin
/// (`self.rx: Pin<Box<Rx>>`), `Pin::as_mut` gives a `Pin<&mut Rx>` that
/// `Pin::get_mut` moves; on another value, `AsMut::as_mut` gives a `&mut
/// U` (`Box<Cell<u32>>`'s `&mut Cell<u32>`) whose own `get_mut(&mut self)`
/// reborrows through it, and gives a borrow of what it points to, not of
/// the reference. Either way the view is used as a value: nothing of it is
/// left to keep (a view has nothing to drop, see [`returns_view`]), and
/// kept in place, borrowed, the pin could not be moved out (E0507).
pub(crate) fn takes_view_whole(call: &syn::ExprMethodCall) -> bool {
    let Expr::MethodCall(view) = strip_parens(&call.receiver) else {
        return false;
    };
    if !view.args.is_empty() || view.turbofish.is_some() {
        return false;
    }
    let methods = if view.method == "as_mut" {
        OF_PIN_MUT
    } else if view.method == "as_ref" {
        OF_PIN_REF
    } else {
        return false;
    };
    methods.iter().any(|name| call.method == name)
}

/// `str`'s methods that give a part of it, trimmed.
const TRIMS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "trim_matches",
    "trim_start_matches",
    "trim_end_matches",
    "trim_ascii",
];

/// `clone` and `to_vec`: their result borrows nothing of the receiver, but
/// is a copy of it, holding the borrows it holds (`Vec<&str>`, `&str`).
pub(crate) fn copies_value(method: &syn::Ident) -> bool {
    method == "clone" || method == "to_vec"
}

/// `slot.take()` or `slot.replace(v)`: the standard `take` without
/// arguments (`Option`, `Cell`, `RefCell`) and `replace` (those and
/// `HashSet`'s; `str`'s gives a new `String`) move a value out of their
/// receiver and borrow none of it: `let id = pend.slot.take();` kept
/// across an await does not keep `pend` in place, so another field can
/// still be moved out of it after. (A method of the user's of such a name
/// that does return a borrow of its receiver makes the machine fail to
/// build, where rustc's borrow check sees the local moved while borrowed;
/// it never runs.) Not `Iterator::take(n)`, whose adapter borrows what
/// the iterator does. Nor is the receiver borrowed for longer than the
/// call: `eat(pair.1.take()).await` does not keep `pair` across the await.
pub(crate) fn takes_out(call: &syn::ExprMethodCall) -> bool {
    (call.method == "take" && call.args.is_empty()) || call.method == "replace"
}

/// A standard method that moves a value out of its receiver and gives it
/// (see [`takes_out`]), or an element out of a collection: `v.pop()`,
/// `q.pop_front()`, `q.pop_back()`, `s.pop_first()`, `s.pop_last()`,
/// `m.remove(&k)`, `v.swap_remove(i)`. What it gives is what the place
/// held, not a borrow of it.
pub(crate) fn moves_out(call: &syn::ExprMethodCall) -> bool {
    const POPS: &[&str] = &["pop", "pop_front", "pop_back", "pop_first", "pop_last"];
    let method = call.method.to_string();
    takes_out(call)
        || (call.args.is_empty() && POPS.contains(&method.as_str()))
        || (call.args.len() == 1 && (method == "remove" || method == "swap_remove"))
}

/// `slot.insert(v)` on a local: `Option::insert` gives a `&mut` into it,
/// where a set's `insert` gives a `bool`, and syntax cannot tell the two
/// apart: the local is taken for borrowed for as long as the value lives,
/// as it is by `Option::insert` (`let r = slot.insert(v); *r +=
/// x.await;`). A set so kept is kept in place, which costs nothing where
/// it is later moved whole. (On a field, `s.seen.insert(k)`, it is taken
/// for a set's, whose local may have another field moved out after.)
pub(crate) fn inserts_into_local(call: &syn::ExprMethodCall) -> bool {
    call.method == "insert"
        && call.args.len() == 1
        && matches!(strip_parens(&call.receiver), Expr::Path(path) if path.path.get_ident().is_some())
}

/// `mem::replace(&mut line.o, None)` or `mem::take(&mut pair.1)` (any path
/// ending so, `std::mem::take` too): as [`takes_out`], the value moved
/// out of the place borrows none of it, and the place is borrowed for the
/// call only.
pub(crate) fn takes_out_of_place(call: &syn::ExprCall) -> bool {
    mem_fn(&call.func).is_some_and(|name| name == "replace" || name == "take")
}

/// The name of the `mem` fn `func` is a path to (`mem::replace`,
/// `std::mem::take`, `core::mem::swap`).
pub(crate) fn mem_fn(func: &Expr) -> Option<String> {
    let Expr::Path(func) = strip_parens(func) else {
        return None;
    };
    match segment_names(&func.path).as_slice() {
        [.., module, name] if module == "mem" => Some(name.clone()),
        _ => None,
    }
}

/// Methods of the standard library whose result never borrows from the
/// receiver (`x.len()`, `x.to_string()`): the receiver is borrowed for the
/// call only.
pub(crate) fn returns_owned(method: &syn::Ident) -> bool {
    const OWNED: &[&str] = &[
        "to_string",
        "to_owned",
        "clone",
        "to_vec",
        "to_uppercase",
        "to_lowercase",
        "into_owned",
        "cmp",
        "partial_cmp",
    ];
    let method = method.to_string();
    // An iterator's `min`/`max` answer with one of its items, which may
    // borrow what the iterator borrows.
    let item = method == "min" || method == "max";
    !item
        && [OWNED, COLLECTION_CHANGES, copy::ANSWERS, copy::NUMERIC]
            .iter()
            .any(|names| names.contains(&method.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{Standard, awaited_adapter_is_own, consumes_receiver, takes_view_whole};

    #[test]
    fn pin_s_own_methods_on_a_view_take_it_whole() {
        let call = |text: &str| -> syn::ExprMethodCall { syn::parse_str(text).expect("a call") };
        for text in [
            "self.rx.as_mut().get_mut()",
            "s.rx.as_ref().get_ref()",
            "(b.as_mut()).into_ref()",
            "p.as_mut().map_unchecked_mut(|x| &mut x.0)",
        ] {
            assert!(takes_view_whole(&call(text)), "{text}");
        }
        for text in [
            "self.rx.get_mut()",
            "self.rx.as_ref().get_mut()",
            "self.rx.as_mut().get_ref()",
            "self.rx.as_mut::<T>().get_mut()",
            "self.rx.as_mut(1).get_mut()",
            "self.rx.as_mut().recv()",
        ] {
            assert!(!takes_view_whole(&call(text)), "{text}");
        }
    }

    #[test]
    fn an_iterator_adapter_s_name_awaited_is_the_user_s() {
        let ident = |name: &str| syn::Ident::new(name, proc_macro2::Span::call_site());
        for name in ["take_while", "skip_while", "filter", "zip", "skip"] {
            assert!(awaited_adapter_is_own(&ident(name)), "{name}");
        }
        // A future's own adapters, and consumers, which a stream's give futures.
        for name in [
            "map", "flatten", "fuse", "inspect", "collect", "fold", "count", "unwrap",
        ] {
            assert!(!awaited_adapter_is_own(&ident(name)), "{name}");
        }
    }

    #[test]
    fn standard_types_whose_methods_of_those_names_take_self() {
        for (text, standard) in [
            ("Option<String>", Some(Standard::Option)),
            ("std::vec::Vec<u32>", Some(Standard::Collection)),
            ("Result<u32, E>", Some(Standard::Result)),
            ("impl Iterator<Item = u32>", Some(Standard::Iterator)),
            ("String", None),
            ("Box<Option<u32>>", None),
            ("Arc<Bag>", None),
            ("my::Option<u32>", None),
            ("Bag", None),
        ] {
            let ty: syn::Type = syn::parse_str(text).expect("a type");
            assert_eq!(Standard::of(&ty), standard, "{text}");
        }
        assert!(Standard::Option.takes_self("unwrap_or_default"));
        assert!(Standard::Collection.takes_self("into_iter"));
        // Not a method of `Option` or `Vec`: a trait of the user's may
        // give them one that borrows.
        assert!(!Standard::Option.takes_self("count"));
        assert!(!Standard::Collection.takes_self("map"));
        assert!(Standard::Option.takes_self("xor"));
        assert!(Standard::Iterator.takes_self("partition"));
        assert!(!Standard::Result.takes_self("xor"));
    }

    #[test]
    fn values_moved_out_of_a_place_by_mem_functions() {
        for (text, out) in [
            ("std::mem::replace(&mut a.f, None)", true),
            ("mem::take(&mut a.f)", true),
            ("core::mem::take(&mut a)", true),
            ("replace(&mut a.f, None)", false),
            ("mem::swap(&mut a, &mut b)", false),
        ] {
            let call: syn::ExprCall = syn::parse_str(text).expect("a call");
            assert_eq!(super::takes_out_of_place(&call), out, "{text}");
        }
    }

    #[test]
    fn names_a_standard_type_gives_a_borrowing_method_are_not_consuming() {
        let ident = |name: &str| syn::Ident::new(name, proc_macro2::Span::call_site());
        for name in [
            "or",
            "and",
            "reduce",
            "unzip",
            "scan",
            "min_by_key",
            "or_default",
        ] {
            assert!(consumes_receiver(&ident(name)), "{name}");
        }
        // `[T]::last(&self)`, `Option::take(&mut self)`, `[T]::join(&self, sep)`.
        for name in ["last", "take", "join", "downcast_ref", "downcast_mut"] {
            assert!(!consumes_receiver(&ident(name)), "{name}");
        }
    }
}
