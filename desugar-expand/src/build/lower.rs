//! Constructs that hold an await in their body: blocks, `if`, `match` and
//! loops. `while` and `for` become `loop`, as rustc lowers them, so the
//! emitter has one loop shape to resume inside:
//!
//! ```text
//! 'l: while cond { body }    =>  'l: loop { if cond { body } else { break } }
//! 'l: for pat in iter { body }
//!     =>  { let mut __iter = IntoIterator::into_iter(iter);
//!           'l: loop { match Iterator::next(&mut __iter) {
//!               Some(pat) => { body }
//!               None => break,
//!           } } }
//! ```
//!
//! A condition or scrutinee that awaits is evaluated into a hidden local
//! first, in a block that ends with the construct:
//! `match f().await { arms }` => `{ let __scrutinee = f().await; match __scrutinee { arms } }`.

use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Lifetime};

use super::awaits::{first_await, has_await};
use super::{Builder, Dest};
use super::{scrutinee, shared_items};
use crate::ir::{self, Block, Else, LocalId, LoopValue, MentionKind, Stmt};
use crate::walk;

/// Is `expr` a construct with an await inside its body (not only in its
/// condition or scrutinee, which a suspension statement handles)?
pub(crate) fn is_construct_with_await(expr: &Expr) -> bool {
    match expr {
        Expr::Block(e) => has_await(&e.block),
        Expr::Unsafe(e) => has_await(&e.block),
        // An `if let … else` whose scrutinee awaits is one too: its
        // scrutinee's temporaries drop before the `else` in Rust 2024 only,
        // which the construct's lowering handles.
        Expr::If(e) => {
            has_await(&e.then_branch)
                || e.else_branch.as_ref().is_some_and(|(_, b)| has_await(&**b))
                || (e.else_branch.is_some()
                    && matches!(&*e.cond, Expr::Let(l) if has_await(&*l.expr)))
        }
        Expr::Match(e) => e
            .arms
            .iter()
            .any(|arm| has_await(&arm.pat) || has_await(&*arm.body)),
        Expr::Loop(e) => has_await(&e.body),
        Expr::While(e) => has_await(&*e.cond) || has_await(&e.body),
        Expr::ForLoop(e) => has_await(&e.body),
        _ => false,
    }
}

impl Builder {
    pub(super) fn construct(&mut self, expr: Expr, dest: &Dest, out: &mut Vec<Stmt>) {
        match expr {
            Expr::Block(e) => {
                let mut block = e.block;
                if let Some(label) = &e.label {
                    retarget_breaks(&mut block, &label.name, dest);
                }
                // A `break` out of a labeled block may skip what follows
                // it: its statements do not run on every path past it.
                let block = if e.label.is_some() {
                    self.jump_target(e.label.as_ref(), false, |this| {
                        this.nested(|this| this.block(block.stmts, dest, &[]))
                    })
                } else {
                    self.block(block.stmts, dest, &[])
                };
                out.push(Stmt::Block {
                    label: e.label,
                    block,
                });
            }
            Expr::Unsafe(e) => {
                let span = first_await(&e.block).unwrap_or(e.unsafe_token.span);
                self.error(syn::Error::new(
                    span,
                    "#[desugar] cannot suspend inside an `unsafe` block: end the `unsafe` block before the `.await`",
                ));
            }
            Expr::If(mut e) => {
                let bodies_await = has_await(&e.then_branch)
                    || e.else_branch.as_ref().is_some_and(|(_, b)| has_await(&**b));
                if has_await(&e.then_branch) {
                    self.check_chain_temporaries(&e.cond);
                }
                let reference = leading_pat(&e.cond).is_some_and(walk::patterns::shows_reference);
                if let Some((scrutinee, whole)) = leading_part(&mut e.cond) {
                    if bodies_await {
                        self.note_block_tail_in_scrutinee(scrutinee);
                    }
                    let mut found =
                        scrutinee::temporaries(scrutinee, whole, bodies_await, reference, || {
                            self.hidden_local("temporary")
                        });
                    if let Expr::Let(l) = &mut *e.cond {
                        found.matched_by(&mut l.expr, [&*l.pat]);
                    }
                    if !found.is_empty() {
                        let rescope = observable_else(&e);
                        self.construct_after(found, None, Expr::If(e), rescope, dest, out);
                        return;
                    }
                }
                self.if_construct(e, dest, out);
            }
            Expr::Match(mut e) => {
                // Only a `match` whose arms await is lowered here.
                self.note_block_tail_in_scrutinee(&e.expr);
                let reference =
                    (e.arms.iter()).any(|arm| walk::patterns::shows_reference(&arm.pat));
                let mut found = scrutinee::temporaries(&mut e.expr, true, true, reference, || {
                    self.hidden_local("temporary")
                });
                found.matched_by(&mut e.expr, e.arms.iter().map(|arm| &arm.pat));
                if !found.is_empty() {
                    self.construct_after(found, None, Expr::Match(e), false, dest, out);
                    return;
                }
                self.match_construct(e, dest, out);
            }
            Expr::Loop(e) => {
                let value = match dest {
                    Dest::Discard => LoopValue::Discarded,
                    Dest::Assign(value) => LoopValue::Assigned(value.clone()),
                    Dest::Return => LoopValue::Returned,
                };
                self.loop_construct(e.label, e.body.stmts, value, out);
            }
            Expr::While(e) => {
                let (label, cond, body) = (e.label, e.cond, e.body);
                let lowered: Expr = syn::parse_quote_spanned! {e.while_token.span=>
                    #label loop { if #cond #body else { break } }
                };
                self.construct(lowered, dest, out);
            }
            Expr::ForLoop(e) => {
                self.for_construct(e, out);
                // A `for` loop's value is `()`, given once the loop ends (a
                // unit fn's tail returns it).
                if !matches!(dest, Dest::Discard) {
                    self.stmt(dest.statement(syn::parse_quote!(())), &Dest::Discard, out);
                }
            }
            other => self.simple(dest.statement(other), out),
        }
    }

    /// A `let` chain keeps the temporaries of all its parts to the end of
    /// its `then` block (`if let Some(v) = a && make().ready() { .. }`),
    /// across the awaits there. Those of its first part, which runs
    /// whenever the `if` does, are named ahead of it ([`leading_part`]);
    /// those of a later part, which runs only if the ones before it hold,
    /// cannot be: an error, where the machine would drop them at the first
    /// await.
    fn check_chain_temporaries(&mut self, cond: &Expr) {
        for (part, whole) in later_lets(cond) {
            let mut part = part.clone();
            let found = scrutinee::temporaries(&mut part, whole, true, false, || {
                syn::Ident::new("__temporary", proc_macro2::Span::call_site())
            });
            if found.named.iter().any(|named| named.temporary) {
                self.error(syn::Error::new(
                    part.span(),
                    "#[desugar] cannot keep the temporaries of this part of a `let` chain, which rustc keeps to the end of the `then` block, across the `.await` there yet: bind the value with `let` before the `if`, or nest an `if` for this part",
                ));
            }
        }
    }

    /// A scrutinee's temporaries live, in rustc, to the end of the `match`
    /// (or `if let`), across the awaits in its arms: they become locals of a
    /// block that ends with the construct (see [`scrutinee`]), and so do
    /// the temporaries borrowed by their own awaits.
    ///
    /// Before: `match m.lock().await.mode { A => a().await, B => {} }`
    /// After:  `{ let __temporary1 = m.lock().await; match __temporary1.mode { .. } }`
    ///
    /// Before: `match fetch(&format!("{id}")).await { .. }`
    /// After:  `{ let __temporary1 = format!("{id}"); let __temporary2 = fetch(&__temporary1).await;
    ///            match __temporary2 { .. } }`
    ///
    /// `rescope`: the construct is an `if let … else` whose `else` starts by
    /// dropping all of them in Rust 2024 (see [`drop_before_else_in_2024`]).
    fn construct_after(
        &mut self,
        found: scrutinee::Scrutinee,
        scrutinee: Option<(syn::Ident, Expr)>,
        mut construct: Expr,
        rescope: bool,
        dest: &Dest,
        out: &mut Vec<Stmt>,
    ) {
        // A block of its own, not a branch: its statements run whenever the
        // construct does (a move in the scrutinee is a move on every path).
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        // The temporaries, in the order they are made (those an awaited
        // value borrows come before it). The scrutinee's own value is
        // not one: the arms' patterns may move out of it.
        let mut kept = Vec::new();
        // Those made for the receiver of a method syntax does not know
        // (see `ir::Local::receiver`).
        let receivers: Vec<syn::Ident> = (found.named.iter())
            .filter(|n| n.receiver)
            .map(|n| n.ident.clone())
            .collect();
        let values = found
            .named
            .into_iter()
            .map(|n| ((n.ident, n.value), n.temporary, n.mutable, !n.temporary));
        // In Rust 2024 an `if let`'s `else` starts by dropping the
        // scrutinee's value too (`if let Ok(n) = fetch().await { .. } else
        // { .. }`).
        let dropped_before_else = scrutinee.as_ref().map(|(ident, _)| ident.clone());
        let scrutinee = scrutinee.map(|(ident, value)| ((ident, Some(value)), false, false, false));
        for ((ident, value), temporary, mutable, operand) in values.chain(scrutinee) {
            let with_await = value.as_ref().is_some_and(is_construct_with_await);
            let first = crate::syntax::let_local(ident.clone(), mutable, value);
            if with_await {
                self.stmt(first, &Dest::Discard, &mut stmts);
            } else {
                // Left undropped: they are locals of this block.
                kept.extend(self.simple_keeping(first, &mut stmts));
            }
            if receivers.contains(&ident)
                && let Some(&id) = self.scope_map().get(&ident.to_string())
            {
                self.locals[id].receiver = true;
            }
            if temporary {
                kept.push(ident);
            } else if operand && let Some(&id) = self.scope_map().get(&ident.to_string()) {
                // Named only to run before a later part's temporary: while
                // an await of a later part is pending, it is an operand of
                // a pending call, which rustc drops before the scrutinee's
                // temporaries (`a.await.into_sum(f(&t()).await)`).
                self.locals[id].operand = true;
            }
        }
        if rescope && let Expr::If(e) = &mut construct {
            let name = crate::names::hidden(&format!("__RUST_2024_{}", self.editions.len()));
            self.editions.push(rust_2024(&name, e.if_token.span));
            // What the `else` takes of the scrutinee is the scrutinee.
            if let Some(value) = &dropped_before_else {
                self.written.record(
                    &crate::names::hidden(UNMATCHED),
                    &crate::syntax::path(value.clone()),
                );
            }
            let dropped = drop_before_else_in_2024(
                e,
                &name,
                &kept.iter().collect::<Vec<_>>(),
                dropped_before_else,
            );
            // The `else`'s awaits keep them only in Rust 2021 (see
            // `Builder::enter_rescoped_else`).
            self.rescoped.insert(name.to_string(), (name, dropped));
        }
        self.stmt(syn::Stmt::Expr(construct, None), dest, &mut stmts);
        self.close_scope();
        let block = Block { stmts };
        out.push(Stmt::Block { label: None, block });
    }

    /// `if`, or the block that evaluates its awaiting condition first.
    ///
    /// Before: `if let p = e.await {..}`
    /// After:  `{ let __scrutinee = e.await; if let p = __scrutinee {..} }`
    ///
    /// Before: `if c.await {..}`
    /// After:  `{ let __condition = c.await; if __condition {..} }`
    ///
    /// A condition is a terminating scope: its temporaries drop with the
    /// `let`. A scrutinee's live to the end of the `if let` (to the start of
    /// its `else` in Rust 2024; see [`Self::construct_after`]).
    fn if_construct(&mut self, mut e: syn::ExprIf, dest: &Dest, out: &mut Vec<Stmt>) {
        if !has_await(&*e.cond) {
            let node = self.if_node(e, dest);
            out.push(Stmt::If(node));
            return;
        }
        if let Expr::Let(let_expr) = &*e.cond {
            let local = self.hidden_local("scrutinee");
            let scrutinee = (*let_expr.expr).clone();
            let pat = &let_expr.pat;
            e.cond = Box::new(syn::parse_quote!(let #pat = #local));
            let rescope = observable_else(&e);
            let scrutinee = Some((local, scrutinee));
            self.construct_after(
                Default::default(),
                scrutinee,
                Expr::If(e),
                rescope,
                dest,
                out,
            );
        } else if let Some(scrutinee) = awaited_first_scrutinee(&mut e.cond) {
            // The first part of a chain runs first, whenever the `if` does:
            // its awaited scrutinee is made ahead, as a lone `if let`'s is.
            let local = self.hidden_local("scrutinee");
            let value = std::mem::replace(scrutinee, crate::syntax::path(local.clone()));
            let rescope = observable_else(&e);
            self.construct_after(
                Default::default(),
                Some((local, value)),
                Expr::If(e),
                rescope,
                dest,
                out,
            );
        } else if is_let_chain(&e.cond) {
            let span = first_await(&*e.cond).unwrap_or_else(|| e.cond.span());
            self.error(syn::Error::new(
                span,
                "#[desugar] cannot suspend inside an `if let` chain yet: bind the awaited value with `let` before the `if`",
            ));
        } else {
            let local = self.hidden_local("condition");
            let cond = std::mem::replace(&mut *e.cond, crate::syntax::path(local.clone()));
            let stmts = vec![
                crate::syntax::let_local(local, false, Some(cond)),
                syn::Stmt::Expr(Expr::If(e), None),
            ];
            let block = self.block(stmts, dest, &[]);
            out.push(Stmt::Block { label: None, block });
        }
    }

    fn if_node(&mut self, e: syn::ExprIf, dest: &Dest) -> ir::If {
        let mut lets = Vec::new();
        let_parts(&e.cond, &mut lets);
        let mut binds: Vec<LocalId> = Vec::new();
        for part in &lets {
            let part_binds = self.allocate_pattern(&part.pat, true);
            self.bound_from(&part.expr, &part_binds);
            self.bound_text(&part.pat, &part.expr, &part_binds);
            binds.extend(part_binds);
        }
        let whole = matches!(&*e.cond, Expr::Let(_));
        let head = match &*e.cond {
            Expr::Let(l) => walk::resolve(&l.expr, &self.scope_map()),
            _ => None,
        };
        let first = leftmost(&e.cond);
        let mut taken_in_place = false;
        for part in lets {
            // A `let` after the chain's first operand runs only where the
            // operands before it hold.
            self.short_circuited = !matches!(first, Expr::Let(l) if std::ptr::eq(l, part));
            let temporary = walk::resolve(&part.expr, &self.scope_map())
                .is_some_and(|local| self.locals[local].made);
            let kind = if whole {
                walk::drop_flag::if_let_kind(part, false, temporary)
            } else {
                let may_fail = walk::patterns::may_fail_with_rest(&part.pat, temporary);
                walk::drop_flag::kind(&part.expr, [&*part.pat], may_fail, false)
            };
            let kind = self.through_mut(&part.expr, kind, [&*part.pat]);
            taken_in_place = whole && matches!(kind, MentionKind::Taken { in_place: true, .. });
            // The bindings may hold a borrow the scrutinee takes, or one it
            // holds and hands on (`match r { x => .. }` with `r = &v`).
            self.record_place(&part.expr, kind, &binds);
            self.mark_destructured(&part.expr, kind, [&*part.pat]);
        }
        self.short_circuited = false;
        self.record_conditions(&e.cond, false);
        self.short_circuited = false;
        let construct = self.construct_id();
        // Where an `if let`'s pattern took all of the local, nothing of it
        // is left to keep in the `then` block.
        let emptied = match &*e.cond {
            Expr::Let(l) => head.filter(|_| walk::patterns::leaves_nothing(&l.pat)),
            _ => None,
        };
        // Where it took the local in a flag's place, the `then` block
        // starts by clearing the flag (see `walk::drop_flag`).
        let cleared = head.filter(|_| taken_in_place);
        if let (Some(local), Expr::Let(l)) = (head, &*e.cond)
            && walk::drop_witness::known_without_drop(&l.pat)
        {
            self.locals[local].matched_without_drop = true;
        }
        let then = self.alternative(construct, 0, |this| {
            this.emptied.extend(emptied);
            this.cleared.extend(cleared);
            let then = this.block(e.then_branch.stmts, dest, &binds);
            if emptied.is_some() {
                this.emptied.pop();
            }
            if cleared.is_some() {
                this.cleared.pop();
            }
            then
        });
        // The `else` runs only where an `if let`'s pattern did not match.
        let otherwise = self.untaken_by(head, |this| match e.else_branch.map(|(_, b)| *b) {
            None if matches!(dest, Dest::Discard) => None,
            None => Some(Else::Block(this.branch(construct, Vec::new(), dest))),
            // An `else if` runs where the `then` branch does not: its
            // condition is on the `else` branch's path too. One whose
            // scrutinee has temporaries to keep across its awaits is a
            // statement of the `else` block instead, where they are named
            // as for any `if let` (`else if let Some(n) = f(&make()) {
            // x.await }` keeps `make()` to the end of the `if let`).
            Some(Expr::If(inner)) if !has_await(&*inner.cond) && !keeps_temporaries(&inner) => {
                let inner = this.alternative(construct, 1, |this| this.if_node(inner, dest));
                Some(Else::If(Box::new(inner)))
            }
            Some(Expr::Block(block)) if block.label.is_none() => {
                Some(Else::Block(this.branch(construct, block.block.stmts, dest)))
            }
            Some(other) => Some(Else::Block(this.branch(
                construct,
                vec![syn::Stmt::Expr(other, None)],
                dest,
            ))),
        });
        ir::If {
            cond: *e.cond,
            binds,
            then,
            otherwise,
        }
    }

    /// The `else` branch of the `if` numbered `construct`.
    fn branch(&mut self, construct: u32, stmts: Vec<syn::Stmt>, dest: &Dest) -> Block {
        self.alternative(construct, 1, |this| this.block(stmts, dest, &[]))
    }

    /// Lowers `f` as code where the construct matching `local` (if any)
    /// did not take it (see [`crate::ir::Mention::untaken`]).
    fn untaken_by<T>(&mut self, local: Option<LocalId>, f: impl FnOnce(&mut Self) -> T) -> T {
        self.untaken.extend(local);
        let out = f(self);
        if local.is_some() {
            self.untaken.pop();
        }
        out
    }

    /// Uses in the non-`let` parts of a condition (`a && let Some(x) = b`).
    /// An operand right of a `&&` runs only where the ones left of it
    /// hold: its uses are conditional (`if flag && take(a) { x.await }`
    /// leaves `a` where `flag` is false, to drop at the end of its scope).
    fn record_conditions(&mut self, cond: &Expr, short_circuited: bool) {
        match cond {
            Expr::Let(_) => {}
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.record_conditions(&b.left, short_circuited);
                self.record_conditions(&b.right, true);
            }
            other => {
                self.short_circuited = short_circuited;
                self.record_expr(other, &[]);
            }
        }
    }

    fn match_construct(&mut self, e: syn::ExprMatch, dest: &Dest, out: &mut Vec<Stmt>) {
        if has_await(&*e.expr) {
            let local = self.hidden_local("scrutinee");
            let scrutinee = (*e.expr).clone();
            let mut rest = e;
            rest.expr = Box::new(crate::syntax::path(local.clone()));
            self.construct_after(
                Default::default(),
                Some((local, scrutinee)),
                Expr::Match(rest),
                false,
                dest,
                out,
            );
            return;
        }
        if let Some(span) = e.arms.iter().find_map(|arm| first_await(&arm.pat)) {
            self.error(syn::Error::new(
                span,
                "#[desugar] cannot suspend in a match guard yet: await before the `match`, or move the condition into the arm",
            ));
            return;
        }
        let (e, taken_in_arm) = self.whole_taken_in_arm(e);
        let arm_binds: Vec<Vec<LocalId>> = e
            .arms
            .iter()
            .map(|arm| self.allocate_pattern(&arm.pat, true))
            .collect();
        let all_binds: Vec<LocalId> = arm_binds.iter().flatten().copied().collect();
        self.bound_from(&e.expr, &all_binds);
        for (arm, binds) in e.arms.iter().zip(&arm_binds) {
            self.bound_text(walk::patterns::unguarded(&arm.pat), &e.expr, binds);
        }
        let pats: Vec<&syn::Pat> = e.arms.iter().map(|arm| &arm.pat).collect();
        // The bindings may hold a borrow the scrutinee takes, or one it
        // holds and hands on (`match r { x => .. }` with `r = &v`).
        let holds_mut = walk::resolve(&e.expr, &self.scope_map()).is_some_and(|local| {
            let local = &self.locals[local];
            local.unique || local.holds_mut
        });
        let kind =
            walk::drop_flag::match_kind_holding(&e.expr, pats.iter().copied(), false, holds_mut);
        let kind = self.through_mut(&e.expr, kind, pats.iter().copied());
        self.record_place(&e.expr, kind, &all_binds);
        self.mark_destructured(&e.expr, kind, pats.iter().copied());
        let mut arms = Vec::new();
        let construct = self.construct_id();
        let head = walk::resolve(&e.expr, &self.scope_map());
        let arms_in = e.arms.into_iter().zip(arm_binds).zip(taken_in_arm);
        for (index, ((arm, binds), taken)) in (0..).zip(arms_in) {
            // An arm that takes the value in its first statement (see
            // `whole_taken_in_arm`) leaves it no more than its pattern did.
            let untaken =
                head.filter(|_| taken.is_none() && walk::patterns::bindings(&arm.pat).is_empty());
            let emptied = head.filter(|_| walk::patterns::leaves_nothing(&arm.pat));
            // An arm that takes the value in a flag's place clears the flag
            // first (see `walk::drop_flag::arm_in_flag`).
            let cleared = head.filter(|_| {
                matches!(kind, MentionKind::Taken { in_place: true, .. })
                    && walk::patterns::binds_by_value(&arm.pat)
                    && !walk::patterns::leaves_rest(&arm.pat)
            });
            let arm = self.alternative(construct, index, |this| {
                this.emptied.extend(emptied);
                this.cleared.extend(cleared);
                let arm = this.untaken_by(untaken, |this| this.arm(arm, taken, binds, dest));
                if emptied.is_some() {
                    this.emptied.pop();
                }
                if cleared.is_some() {
                    this.cleared.pop();
                }
                arm
            });
            arms.push(arm);
        }
        out.push(Stmt::Match(ir::Match {
            scrutinee: *e.expr,
            arms,
        }));
    }

    /// A `match` on a local that may hold a `&mut` (the tuple of `match
    /// (&mut self.state, ev)`, named `__temporary1`), beside an arm whose
    /// bindings borrow through that reference and that awaits, an arm
    /// taking the value whole (`other => 99`). rustc matches its value in
    /// place, where the first arm's bindings borrow through the `&mut`,
    /// and the other arm moves it out. The machine keeps the local in
    /// place for the first arm (moved into the state at its await, the
    /// value would take along the `&mut` the bindings borrow through,
    /// E0505), where a pattern cannot move it out (E0507); so the other
    /// arm binds nothing and moves the value out in its first statement,
    /// as its binding did before its body: dropped at the end of the arm,
    /// after the body's temporaries, as rustc drops it. Not an arm with a
    /// guard, which reads the binding before it is taken, nor one whose
    /// `@` subpattern binds too: left as written.
    ///
    /// Before: `match __temporary1 { (State::Open { sent, .. }, Ev::Data(n)) => { .. } other => 99 }`
    /// After:  `match __temporary1 { (State::Open { sent, .. }, Ev::Data(n)) => { .. } _ => { let other = __temporary1; 99 } }`
    ///
    /// Gives the `match` and, per arm, the statement it starts with.
    fn whole_taken_in_arm(
        &self,
        mut e: syn::ExprMatch,
    ) -> (syn::ExprMatch, Vec<Option<syn::Stmt>>) {
        let mut taken = vec![None; e.arms.len()];
        let holds_mut = walk::resolve(&e.expr, &self.scope_map()).is_some_and(|local| {
            let local = &self.locals[local];
            local.unique || local.holds_mut
        });
        let named =
            matches!(&*e.expr, Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some());
        let borrows_across = e.arms.iter().any(|arm| {
            !walk::patterns::takes_whole(&arm.pat)
                && walk::patterns::binds_through_reference(&arm.pat)
                && has_await(&*arm.body)
        });
        if !(named && holds_mut && borrows_across) {
            return (e, taken);
        }
        for (arm, taken) in e.arms.iter_mut().zip(&mut taken) {
            let syn::Pat::Ident(p) = &mut arm.pat else {
                continue;
            };
            let binds_more = p
                .subpat
                .as_ref()
                .is_some_and(|(_, sub)| !walk::patterns::bindings(sub).is_empty());
            if p.by_ref.is_some() || !walk::patterns::is_binding(p) || binds_more {
                continue;
            }
            let (ident, mutable) = (p.ident.clone(), p.mutability.is_some());
            let rest = match p.subpat.take() {
                Some((_, sub)) => *sub,
                None => syn::Pat::Wild(syn::PatWild {
                    attrs: Vec::new(),
                    underscore_token: syn::Token![_](ident.span()),
                }),
            };
            arm.pat = rest;
            let value = (*e.expr).clone();
            *taken = Some(crate::syntax::let_local(ident, mutable, Some(value)));
        }
        (e, taken)
    }

    /// `taken`: a statement the arm starts with, which takes the matched
    /// value whole (see [`Builder::whole_taken_in_arm`]).
    fn arm(
        &mut self,
        arm: syn::Arm,
        taken: Option<syn::Stmt>,
        binds: Vec<LocalId>,
        dest: &Dest,
    ) -> ir::Arm {
        {
            self.scopes.push(Vec::new());
            for &id in &binds {
                self.enter(id);
            }
            if let syn::Pat::Guard(guard) = &arm.pat {
                self.record_expr(&guard.guard, &[]);
            }
            let first = |mut stmts: Vec<syn::Stmt>| {
                stmts.splice(0..0, taken.clone());
                stmts
            };
            let body = match *arm.body {
                Expr::Block(block) if block.label.is_none() && block.attrs.is_empty() => {
                    self.block(first(block.block.stmts), dest, &[])
                }
                // An arm's expression, unlike a block's tail, is a scope
                // around the operands of its calls: it is lowered as the
                // statement that sends its value on.
                //
                // Before: `1 => take(a.await, b.await.add(c.await)),`
                // After:  `1 => { __value = take(a.await, b.await.add(c.await)); }`
                body if !is_construct_with_await(&body) => {
                    let stmt = match dest {
                        Dest::Discard => syn::Stmt::Expr(body, Some(Default::default())),
                        dest => dest.statement(body),
                    };
                    self.block(first(vec![stmt]), &Dest::Discard, &[])
                }
                body => self.block(first(vec![syn::Stmt::Expr(body, None)]), dest, &[]),
            };
            self.close_scope();
            ir::Arm {
                attrs: arm.attrs,
                pat: arm.pat,
                binds,
                body,
            }
        }
    }

    fn loop_construct(
        &mut self,
        label: Option<syn::Label>,
        stmts: Vec<syn::Stmt>,
        value: LoopValue,
        out: &mut Vec<Stmt>,
    ) {
        let start = self.tick();
        let body = self.jump_target(label.as_ref(), true, |this| {
            this.nested(|this| this.block(stmts, &Dest::Discard, &[]))
        });
        let end = self.tick();
        self.loops.push((start, end));
        // The loop's value is assigned where it ends, after its awaits.
        if let LoopValue::Assigned(ident) = &value {
            self.record_place(
                &crate::syntax::path(ident.clone()),
                MentionKind::Assign,
                &[],
            );
        }
        out.push(Stmt::Loop { label, body, value });
    }

    fn for_construct(&mut self, mut e: syn::ExprForLoop, out: &mut Vec<Stmt>) {
        let iter = self.hidden_local("iter");
        // rustc's lowering of `for` names it `iter`, as its
        // `-Zprint-type-sizes` shows it.
        self.written.record_named(&iter, "iter");
        let span = e.for_token.span;
        let mut inner = Vec::new();
        self.scopes.push(Vec::new());
        // The iterable is a scrutinee in rustc's lowering of `for`: its
        // temporaries live to the end of the loop, as locals of this block,
        // across the body's awaits (only a loop whose body awaits is
        // lowered here).
        self.note_block_tail_in_scrutinee(&e.expr);
        let found = scrutinee::temporaries(&mut e.expr, false, true, false, || {
            self.hidden_local("temporary")
        });
        for scrutinee::Named {
            ident,
            value,
            mutable,
            ..
        } in found.named
        {
            self.simple_keeping(crate::syntax::let_local(ident, mutable, value), &mut inner);
        }
        // `into_iter` is generic in its argument, so rustc moves a local
        // holding a `&mut` there (`for x in v` with `v: &mut Vec<T>`), where
        // a call of the local's own type would reborrow it and lend the
        // iterator a borrow of the local. Given as a block, it is walked as
        // the move it is, and not kept in place for the iterator.
        //
        // Before: `for x in v { .. }`
        // After:  `let mut __iter1 = IntoIterator::into_iter({ v }); ..`
        if walk::resolve(&e.expr, &self.scope_map()).is_some_and(|local| self.locals[local].unique)
        {
            let moved = std::mem::replace(&mut *e.expr, syn::parse_quote!(()));
            *e.expr = syn::parse_quote_spanned!(span=> { #moved });
        }
        let iterable = &e.expr;
        let init: syn::Stmt = syn::parse_quote_spanned! {span=>
            let mut #iter = ::core::iter::IntoIterator::into_iter(#iterable);
        };
        self.simple_keeping(init, &mut inner);

        let start = self.tick();
        self.scopes.push(Vec::new());
        let next: Expr = syn::parse_quote_spanned!(span=> ::core::iter::Iterator::next(&mut #iter));
        // The item does not borrow the iterator: nothing holds this borrow.
        let kind = MentionKind::Place {
            may_move: false,
            lasting: false,
        };
        let pat = &e.pat;
        let some_pat: syn::Pat = syn::parse_quote!(::core::option::Option::Some(#pat));
        // rustc matches the item as a `match` scrutinee, a temporary kept
        // to the end of the body: where the pattern does not take all of
        // it (`Ticket(ref id)`), or may only copy the fields of a type
        // with a `Drop` impl (`Ticket(id)`), it is named, and kept, or
        // asked about, as a local matched so is.
        //
        // Before: `for Ticket(ref id) in ts { .. }`
        // After:  `.. loop { let __item1 = next(&mut __iter1); match __item1 { Some(Ticket(ref id)) => { .. } None => break } }`
        let mut stmts = Vec::new();
        let item = names_scrutinee(&some_pat).then(|| self.hidden_local("item"));
        self.record_place(&next, kind, &[]);
        let scrutinee = match &item {
            Some(item) => {
                let named = crate::syntax::let_local(item.clone(), false, Some(next));
                let declares = self.plain_declares(&named);
                for &id in &declares {
                    self.enter(id);
                }
                self.bound_from(&e.expr, &declares);
                stmts.push(Stmt::Plain {
                    stmt: named,
                    declares,
                });
                crate::syntax::path(item.clone())
            }
            None => next,
        };
        let binds = self.allocate_pattern(&e.pat, true);
        self.bound_from(&e.expr, &binds);
        let none: syn::Pat = syn::parse_quote!(::core::option::Option::None);
        if item.is_some() {
            let pats = [&some_pat, &none];
            let kind = walk::drop_flag::match_kind(&scrutinee, pats, false);
            self.record_place(&scrutinee, kind, &binds);
            self.mark_destructured(&scrutinee, kind, pats);
        }
        // `for i in 0..n`: the counter is a number.
        if matches!(&*e.expr, Expr::Range(_)) {
            for &id in &binds {
                self.locals[id].copy = true;
            }
        }
        // `for s in v.iter()`: `s` is a shared reference, and what
        // `s.label()` borrows across an await is the referent, not `s`.
        if shared_items::lent_items(&e.pat, &e.expr, &e.body) {
            for &id in &binds {
                self.locals[id].shared_ref = true;
            }
        }
        let body = self.jump_target(e.label.as_ref(), true, |this| {
            this.nested(|this| this.block(e.body.stmts, &Dest::Discard, &binds))
        });
        let none_arm = ir::Arm {
            attrs: Vec::new(),
            pat: none,
            binds: Vec::new(),
            body: Block {
                stmts: vec![Stmt::Plain {
                    stmt: syn::parse_quote!(break;),
                    declares: Vec::new(),
                }],
            },
        };
        let arms = vec![
            ir::Arm {
                attrs: Vec::new(),
                pat: some_pat,
                binds,
                body,
            },
            none_arm,
        ];
        let matched = Stmt::Match(ir::Match { scrutinee, arms });
        stmts.push(matched);
        self.close_scope();
        let end = self.tick();
        self.loops.push((start, end));
        inner.push(Stmt::Loop {
            value: LoopValue::Discarded,
            label: e.label,
            body: Block { stmts },
        });
        self.close_scope();
        out.push(Stmt::Block {
            label: None,
            block: Block { stmts: inner },
        });
    }
}

/// The name the `else` of [`drop_before_else_in_2024`] binds the
/// scrutinee's value by.
const UNMATCHED: &str = "__unmatched";

/// The `else` of an `if let` whose scrutinee's temporaries are kept (as
/// locals around it) starts by dropping them if the user's code is in
/// Rust 2024, which drops them before the `else` branch; Rust 2021 keeps
/// them to the end of the `if let`. The edition is the compiler's to tell,
/// as the constant `rust_2024` (see [`rust_2024`]).
///
/// Before: `if let Some(x) = f(&__temporary1).await { a } else { b }`
/// After:  `if let Some(x) = f(&__temporary1).await { a } else { if __RUST_2024_0 { drop(__temporary1); } b }`
///
/// The scrutinee's own value (`unmatched`), which the pattern did not
/// match, is taken by an `else if let` on it: it then reads as the local
/// the `if let` left whole (see `MentionKind::Taken`), which a local kept
/// with a drop flag is matched in place for. (One the pattern borrows, by
/// `ref`, or the first `let` of a chain matches, is dropped as a temporary
/// is.)
///
/// Before: `if let Ok(n) = __scrutinee1 { a } else { b }`
/// After:  `if let Ok(n) = __scrutinee1 { a } else if let __unmatched = __scrutinee1 { if __RUST_2024_0 { drop(__unmatched); } b } else { unreachable!() }`
///
/// Returns the locals the `else` drops, which its awaits keep in Rust 2021
/// only (see `ir::AwaitInfo::dropped_before_else`).
fn drop_before_else_in_2024(
    e: &mut syn::ExprIf,
    rust_2024: &syn::Ident,
    temporaries: &[&syn::Ident],
    unmatched: Option<syn::Ident>,
) -> Vec<syn::Ident> {
    let Some((else_token, otherwise)) = e.else_branch.take() else {
        return Vec::new();
    };
    // After a chain's first `let`, whose pattern may have matched (and
    // moved out of the value) before a later part failed, the value is
    // dropped as a temporary is: where a part was moved, that does not
    // build (E0382), never drops it twice.
    let by_ref = match &*e.cond {
        Expr::Let(l) => walk::patterns::binds_by_ref(&l.pat),
        _ => true,
    };
    let mut dropped: Vec<&syn::Ident> = temporaries.to_vec();
    let taken = match &unmatched {
        Some(value) if by_ref => {
            dropped.push(value);
            None
        }
        Some(value) => Some((value, crate::names::hidden(UNMATCHED))),
        None => None,
    };
    let mut drops = Vec::new();
    if let Some((_, binding)) = &taken {
        drops.extend(super::temporaries::drops_newest_first(&[binding]));
    }
    drops.extend(super::temporaries::drops_newest_first(&dropped));
    let mut dropped: Vec<syn::Ident> = dropped.into_iter().cloned().collect();
    dropped.extend(taken.as_ref().map(|(_, binding)| binding.clone()));
    let stmts: Vec<syn::Stmt> = match *otherwise {
        Expr::Block(block) if block.label.is_none() => block.block.stmts,
        other => vec![syn::Stmt::Expr(other, None)],
    };
    let body: syn::Block = syn::parse_quote!({
        if #rust_2024 {
            #(#drops)*
        }
        #(#stmts)*
    });
    let otherwise: Expr = match taken {
        // Irrefutable: the `else` never runs, and gives the `if` a value.
        Some((value, binding)) => {
            syn::parse_quote!(if let #binding = #value #body else { ::core::unreachable!() })
        }
        None => Expr::Block(syn::ExprBlock {
            attrs: Vec::new(),
            label: None,
            block: body,
        }),
    };
    e.else_branch = Some((else_token, Box::new(otherwise)));
    dropped
}

/// `const NAME: bool`, `true` where the code `span` comes from is Rust
/// 2024 (Rust 2021's `if let` keeps its scrutinee's temporaries through the
/// `else`). The compiler reads a `macro_rules!` fragment by the edition of
/// the tokens it is written with, and only Rust 2024's `expr` matches `_`:
/// written with the user's `if`, the edition is that of the code the `if
/// let` is in, also where another crate's macro wrote it. An item of the
/// fn, so the `else` reads a constant.
///
/// Before: (the `if` of `if let Some(x) = f(&make()) { .. } else { .. }`)
/// After:  `const __RUST_2024_0: bool = { macro_rules! __rust_2024 { ($_:expr) => { true }; ($($_:tt)*) => { false }; } __rust_2024!(_) };`
fn rust_2024(name: &syn::Ident, span: proc_macro2::Span) -> proc_macro2::TokenStream {
    let probe = crate::names::hidden("__rust_2024");
    quote::quote_spanned! {span=>
        const #name: bool = {
            macro_rules! #probe {
                ($_value:expr) => { true };
                ($($_other:tt)*) => { false };
            }
            #probe!(_)
        };
    }
}

/// Does the `if` have an `else` whose code could show where the
/// scrutinee's temporaries drop? One that only ends the loop (what
/// `while let` lowers to) runs nothing that could.
fn observable_else(e: &syn::ExprIf) -> bool {
    e.else_branch.as_ref().is_some_and(|(_, b)| !only_breaks(b))
}

/// `else { break }` or `else { break; }`.
fn only_breaks(branch: &Expr) -> bool {
    match branch {
        Expr::Block(b) => match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(Expr::Break(brk), _)] => brk.expr.is_none(),
            _ => false,
        },
        _ => false,
    }
}

/// What of an `if` condition runs first, whenever the `if` does, and keeps
/// its temporaries to the end of the `then` block: an `if let`'s scrutinee,
/// or the first part of a `let` chain (`make().id()` in `if let Some(v) =
/// make().id() && ok`). With it, whether its own value is kept too: a
/// pattern binding by reference borrows it (`if let Some(ref p) =
/// make()`), and one that leaves some of it leaves that to be dropped at
/// the end of the `then` block (`if let Some(_) = map.remove(&k)`, `Ok(Reply
/// { body, .. })`); one that takes all of it moves it out, and is named
/// where it may only copy out of a `Drop` type ([`names_scrutinee`]).
/// Does the `if` statement `e` name temporaries of its scrutinee, to keep
/// them across the awaits of its branches (see the `Expr::If` statement
/// in [`Builder::construct`])?
fn keeps_temporaries(e: &syn::ExprIf) -> bool {
    let bodies_await =
        has_await(&e.then_branch) || e.else_branch.as_ref().is_some_and(|(_, b)| has_await(&**b));
    let reference = leading_pat(&e.cond).is_some_and(walk::patterns::shows_reference);
    let mut cond = (*e.cond).clone();
    leading_part(&mut cond).is_some_and(|(scrutinee, whole)| {
        let unnamed = || syn::Ident::new("__unnamed", proc_macro2::Span::call_site());
        !scrutinee::temporaries(scrutinee, whole, bodies_await, reference, unnamed).is_empty()
    })
}

fn leading_part(cond: &mut Expr) -> Option<(&mut Expr, bool)> {
    if !is_let_chain(cond) {
        return None;
    }
    leading(cond)
}

/// The pattern of the part [`leading_part`] gives.
fn leading_pat(cond: &Expr) -> Option<&syn::Pat> {
    match cond {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => leading_pat(&b.left),
        Expr::Let(part) => Some(&part.pat),
        _ => None,
    }
}

fn leading(cond: &mut Expr) -> Option<(&mut Expr, bool)> {
    if matches!(cond, Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_))) {
        let Expr::Binary(b) = cond else {
            return None;
        };
        return leading(&mut b.left);
    }
    match cond {
        Expr::Let(part) => Some((&mut part.expr, names_scrutinee(&part.pat))),
        // A condition's temporaries drop where it ends, as in an `&&`
        // outside a chain.
        _ => None,
    }
}

/// Is a scrutinee's own value named, for `pat` to match a local? So where
/// the value is kept ([`keeps_scrutinee`]), and where the pattern may only
/// copy the fields of a type with a `Drop` impl (`Job::Run(n)`), which
/// leaves the value to rustc to drop at the end of the construct: the
/// expansion asks the compiler about a local destructured so (see
/// `walk::drop_witness`).
fn names_scrutinee(pat: &syn::Pat) -> bool {
    keeps_scrutinee(pat) || !walk::drop_witness::witnesses(pat).is_empty()
}

fn keeps_scrutinee(pat: &syn::Pat) -> bool {
    let leaves = !matches!(
        walk::patterns::matched([pat], false),
        walk::patterns::Matched::Taken
    );
    leaves || walk::patterns::binds_by_ref(pat)
}

/// The scrutinee of a `let` chain's first part, where it is the only part
/// that awaits (`if let Some(v) = fetch().await && ok`).
fn awaited_first_scrutinee(cond: &mut Expr) -> Option<&mut Expr> {
    if matches!(cond, Expr::Let(_)) {
        return None;
    }
    let mut rest = cond.clone();
    let (first, _) = leading_part(&mut rest)?;
    if !has_await(&*first) {
        return None;
    }
    *first = syn::parse_quote!(());
    if has_await(&rest) {
        return None;
    }
    leading_part(cond).map(|(first, _)| first)
}

/// The scrutinees of a `let` chain's `let`s after its first part (`b` in
/// `let a = x && let b = y()`, and in `ok && let b = y()`), each with
/// whether its own value is kept ([`keeps_scrutinee`]).
fn later_lets(cond: &Expr) -> Vec<(&Expr, bool)> {
    let mut lets = Vec::new();
    let_parts(cond, &mut lets);
    let mut first = cond;
    while let Expr::Binary(b) = first
        && matches!(b.op, syn::BinOp::And(_))
    {
        first = &b.left;
    }
    lets.into_iter()
        .filter(|part| !matches!(first, Expr::Let(l) if std::ptr::eq(l, *part)))
        .map(|part| (&*part.expr, keeps_scrutinee(&part.pat)))
        .collect()
}

/// `let p = e`, or a `&&` chain with a `let` in it.
pub(super) fn is_let_chain(cond: &Expr) -> bool {
    let mut lets = Vec::new();
    let_parts(cond, &mut lets);
    !lets.is_empty()
}

/// The `let` parts of a condition: `let p = e` or `a && let p = e && c`.
/// The first operand of a condition's `&&` chain, which runs whenever the
/// condition does.
fn leftmost(cond: &Expr) -> &Expr {
    match cond {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => leftmost(&b.left),
        other => other,
    }
}

pub(crate) fn let_parts<'a>(cond: &'a Expr, out: &mut Vec<&'a syn::ExprLet>) {
    match cond {
        Expr::Let(l) => out.push(l),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            let_parts(&b.left, out);
            let_parts(&b.right, out);
        }
        _ => {}
    }
}

/// `break 'label value` that leaves this labeled block sends `value` to
/// `dest`. (A loop keeps its `break`s, and sends its own value on: see
/// [`ir::LoopValue`].)
///
/// Before: `let n = 'found: { if done { break 'found count; } step().await; 0 };`
/// After:  `'found: { if done { { __value = count; break 'found; } } step().await; __value = 0; }`
fn retarget_breaks(block: &mut syn::Block, label: &Lifetime, dest: &Dest) {
    if matches!(dest, Dest::Discard) {
        return;
    }
    let mut retarget = Retarget {
        label: label.clone(),
        dest: dest.clone(),
    };
    retarget.visit_block_mut(block);
}

/// An unlabeled `break` leaves a loop (inside the block, or around it),
/// never the block.
struct Retarget {
    label: Lifetime,
    dest: Dest,
}

impl VisitMut for Retarget {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Break(b) => {
                if let Some(value) = &mut b.expr {
                    self.visit_expr_mut(value);
                }
                let ours = b.label.as_ref() == Some(&self.label);
                if ours {
                    let value = b.expr.take().map_or_else(|| syn::parse_quote!(()), |v| *v);
                    let stmt = self.dest.statement(value);
                    *expr = syn::parse_quote!({ #stmt #b });
                }
            }
            Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}
