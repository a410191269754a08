//! Definite assignment of locals declared without a value (`let x;`), the
//! way rustc's check sees it: the code is followed in the order it runs,
//! with whether the local has been given a value so far. An `if`/`else` or
//! `match` assigns where every branch that goes on does (one that returns,
//! breaks, continues or panics reaches nothing after it); a `loop` or a
//! labeled block ends assigned where every `break` out of it runs with the
//! local assigned (and, for a block, where its end does too): `let lease;
//! 'b: { if first { lease = a(); break 'b; } lease = b(); }`. A value loop
//! (`let v = loop { … break x … }`) assigns the hidden value the lowering
//! gives it where it ends.
//!
//! The same walk, with paths meeting by "or", tells whether the local may
//! be assigned at an await, on some path to it: there a branch that
//! leaves reaches nothing, and an iteration of a loop also starts as the
//! one before ended or `continue`d. Syntax cannot tell a call of a fn
//! returning `!` from any call, so a path through one is followed as if it
//! went on: what these answer "no" rustc may see assigned, and what they
//! answer "yes" it may not.

use quote::ToTokens;

use crate::ir::{AwaitId, Block, Else, If, LoopValue, Stmt};

/// Is `name` assigned on every path from the start of `block` to await `k`?
pub(crate) fn before(block: &Block, name: &syn::Ident, k: AwaitId) -> bool {
    Flow::new(name).before(block, k, false)
}

/// Is `name` assigned on some path from the start of `block` to await `k`?
pub(crate) fn maybe_before(block: &Block, name: &syn::Ident, k: AwaitId) -> bool {
    Flow {
        some_path: true,
        ..Flow::new(name)
    }
    .before(block, k, false)
}

/// Does `stmt` give `name` a value on every path that goes on past it,
/// where it starts without one? A `match` whose arms assign or leave
/// (`match step(c).await { Ok(q) => c = q, Err(e) => return e }`), the
/// `if let` form, or a plain assignment; a `break` or `continue` out of
/// it only with the value given (`Ok(q) => { c = q; break; }`).
pub(crate) fn settles(stmt: &syn::Stmt, name: &syn::Ident) -> bool {
    let mut flow = Flow::new(name);
    flow.syn_stmt(stmt, false) && !flow.escaped_unassigned
}

/// Does every read of `name` in `stmt` run where it has a value, where it
/// starts without one (`Some(b) => { buf = b; buf.push('+'); }`)? A
/// closure, an `async` block or a macro naming it counts as a read where
/// it runs.
pub(crate) fn reads_only_assigned(stmt: &syn::Stmt, name: &syn::Ident) -> bool {
    let mut flow = Flow::new(name);
    flow.syn_stmt(stmt, false);
    !flow.read_unassigned
}

/// [`settles`], for the statements a construct that awaits was lowered to
/// (`match step(c).await { Ok(q) => { leaf.await; c = q; } Err(e) => return e }`).
pub(crate) fn settles_lowered(stmts: &[Stmt], name: &syn::Ident) -> bool {
    let mut flow = Flow::new(name);
    let assigned = stmts
        .iter()
        .fold(false, |assigned, stmt| flow.stmt(stmt, assigned));
    assigned && !flow.escaped_unassigned
}

/// A `loop` (`while`, `for`) or labeled block being followed, which a
/// `break` may leave.
struct Target {
    label: Option<syn::Ident>,
    is_loop: bool,
    /// Assigned at every `break` out of it met so far (on some path, at
    /// any: see [`Flow::some_path`]).
    assigned: bool,
    /// For a loop, on some path: assigned at a `continue` of it.
    continued: bool,
}

/// Each method takes whether the local is assigned where the code starts,
/// and gives whether it is where the code ends normally: `true` where it
/// never does (a `return`, a `break`, a `loop` without a `break`), since
/// nothing after is reached from there (`false` on some path).
struct Flow<'a> {
    name: &'a syn::Ident,
    /// The loops and labeled blocks around the code followed, innermost
    /// last.
    targets: Vec<Target>,
    /// Assigned on some path, not on every one: paths meet by "or".
    some_path: bool,
    /// A `break` or `continue` out of the code followed ran with the local
    /// unassigned: it reaches code after it without a value.
    escaped_unassigned: bool,
    /// The local was read where it may have no value.
    read_unassigned: bool,
}

impl<'a> Flow<'a> {
    /// Following where `name` is assigned on every path.
    fn new(name: &'a syn::Ident) -> Self {
        Flow {
            name,
            targets: Vec::new(),
            some_path: false,
            escaped_unassigned: false,
            read_unassigned: false,
        }
    }
    /// What a path that never goes on gives where it would.
    fn ends(&self) -> bool {
        !self.some_path
    }

    /// Where paths assigned as `a` and `b` meet.
    fn meet(&self, a: bool, b: bool) -> bool {
        meet(self.some_path, a, b)
    }

    /// How a loop's iterations start, from `entry`: on every path as the
    /// first does (a later one is no less assigned); on some path also as
    /// an earlier one ends or `continue`s, which `run` follows from a
    /// state it is given, with the body's end.
    fn iteration(
        &mut self,
        label: Option<&syn::Label>,
        entry: bool,
        run: &mut impl FnMut(&mut Self, bool) -> (bool, bool),
    ) -> bool {
        if !self.some_path || entry {
            return entry;
        }
        self.targets.push(Target {
            label: label.map(|label| label.name.ident.clone()),
            is_loop: true,
            assigned: false,
            continued: false,
        });
        let (end, _) = run(self, entry);
        let continued = self.targets.pop().is_some_and(|target| target.continued);
        end || continued
    }

    /// Follows a loop: `run` follows its body from a state it is given and
    /// gives where the body ends and where the loop ends normally (a
    /// `while`'s condition false; never, for a `loop`). Gives that met
    /// with its `break`s.
    fn looped(
        &mut self,
        label: Option<&syn::Label>,
        entry: bool,
        mut run: impl FnMut(&mut Self, bool) -> (bool, bool),
    ) -> bool {
        let entry = self.iteration(label, entry, &mut run);
        self.breakable(label, true, |flow| run(flow, entry).1)
    }

    fn before(&mut self, block: &Block, k: AwaitId, mut assigned: bool) -> bool {
        for stmt in &block.stmts {
            if stmt.holds(k) {
                return match stmt {
                    Stmt::Block { block, .. } => self.before(block, k, assigned),
                    Stmt::Loop { label, body, .. } => {
                        let mut run = |flow: &mut Self, entry| (flow.block(body, entry), false);
                        let entry = self.iteration(label.as_ref(), assigned, &mut run);
                        self.before(body, k, entry)
                    }
                    Stmt::If(node) => self.if_before(node, k, assigned),
                    Stmt::Match(node) => {
                        let assigned = self.expr(&node.scrutinee, assigned);
                        node.arms
                            .iter()
                            .find(|arm| arm.body.holds(k))
                            .is_some_and(|arm| self.before(&arm.body, k, assigned))
                    }
                    Stmt::Await(suspension) => self.expr(&suspension.operand, assigned),
                    Stmt::Plain { .. } | Stmt::Param(_) => assigned,
                };
            }
            assigned = self.stmt(stmt, assigned);
        }
        assigned
    }

    fn if_before(&mut self, node: &If, k: AwaitId, assigned: bool) -> bool {
        let assigned = self.expr(&node.cond, assigned);
        if node.then.holds(k) {
            return self.before(&node.then, k, assigned);
        }
        match &node.otherwise {
            Some(Else::Block(block)) => self.before(block, k, assigned),
            Some(Else::If(inner)) => self.if_before(inner, k, assigned),
            None => assigned,
        }
    }

    fn stmt(&mut self, stmt: &Stmt, assigned: bool) -> bool {
        match stmt {
            Stmt::Param(_) => assigned,
            Stmt::Plain { stmt, .. } => self.syn_stmt(stmt, assigned),
            Stmt::Await(suspension) => {
                let assigned = self.expr(&suspension.operand, assigned);
                self.syn_stmt(&suspension.rest, assigned)
            }
            Stmt::Block { label, block } => match label {
                Some(label) => {
                    self.breakable(Some(label), false, |flow| flow.block(block, assigned))
                }
                None => self.block(block, assigned),
            },
            Stmt::If(node) => self.if_stmt(node, assigned),
            Stmt::Match(node) => {
                let assigned = self.expr(&node.scrutinee, assigned);
                meet_all(
                    self.some_path,
                    node.arms.iter().map(|arm| {
                        let assigned = self.guard(&arm.pat, assigned);
                        self.block(&arm.body, assigned)
                    }),
                )
            }
            Stmt::Loop { label, body, value } => {
                // The loop's body loops back: only a `break` ends it.
                let never = self.ends();
                let at_breaks = self.looped(label.as_ref(), assigned, |flow, entry| {
                    (flow.block(body, entry), never)
                });
                match value {
                    LoopValue::Assigned(value) => at_breaks || value == self.name,
                    LoopValue::Returned => self.ends(),
                    LoopValue::Discarded => at_breaks,
                }
            }
        }
    }

    fn block(&mut self, block: &Block, assigned: bool) -> bool {
        block
            .stmts
            .iter()
            .fold(assigned, |assigned, stmt| self.stmt(stmt, assigned))
    }

    fn if_stmt(&mut self, node: &If, assigned: bool) -> bool {
        let assigned = self.expr(&node.cond, assigned);
        let then = self.block(&node.then, assigned);
        let otherwise = match &node.otherwise {
            None => assigned,
            Some(Else::Block(block)) => self.block(block, assigned),
            Some(Else::If(inner)) => self.if_stmt(inner, assigned),
        };
        self.meet(then, otherwise)
    }

    /// Follows `body`, a loop's or a labeled block's, and gives what it
    /// gives where it ends normally (a loop's body gives `true`: it loops
    /// back) met with what the `break`s out of it give.
    fn breakable(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        body: impl FnOnce(&mut Self) -> bool,
    ) -> bool {
        self.targets.push(Target {
            label: label.map(|label| label.name.ident.clone()),
            is_loop,
            assigned: self.ends(),
            continued: false,
        });
        let end = body(self);
        let at_breaks = self
            .targets
            .pop()
            .map_or(self.ends(), |target| target.assigned);
        self.meet(end, at_breaks)
    }

    /// A `break` with the local as `assigned` says: what it leaves is
    /// assigned only if the local is (may be, if it may). One out of the
    /// code followed leaves past everything after it.
    fn leave(&mut self, label: Option<&syn::Lifetime>, assigned: bool) {
        let some_path = self.some_path;
        match self.target(label) {
            Some(target) => target.assigned = meet(some_path, target.assigned, assigned),
            None => self.escaped_unassigned |= !assigned,
        }
    }

    /// A `continue` with the local as `assigned`, for the next iteration.
    fn repeat(&mut self, label: Option<&syn::Lifetime>, assigned: bool) {
        match self.target(label) {
            Some(target) => target.continued |= assigned,
            None => self.escaped_unassigned |= !assigned,
        }
    }

    /// The loop or labeled block a `break` or `continue` with `label` is of.
    fn target(&mut self, label: Option<&syn::Lifetime>) -> Option<&mut Target> {
        self.targets.iter_mut().rev().find(|target| match label {
            Some(label) => target.label.as_ref() == Some(&label.ident),
            None => target.is_loop,
        })
    }

    fn syn_stmt(&mut self, stmt: &syn::Stmt, assigned: bool) -> bool {
        match stmt {
            syn::Stmt::Local(local) => match &local.init {
                Some(init) => {
                    let assigned = self.expr(&init.expr, assigned);
                    // A `let … else`'s `else` never goes on.
                    if let Some((_, diverge)) = &init.diverge {
                        self.expr(diverge, assigned);
                    }
                    assigned
                }
                // The local's own `let x;` in a loop's body declares it
                // afresh each iteration: what the one before assigned
                // dropped with it (`for i in 0..n { let x; if c { x = a }
                // else { x = b.await } }` is unassigned at the await).
                None if crate::walk::patterns::bindings(&local.pat)
                    .iter()
                    .any(|binding| binding.ident == *self.name) =>
                {
                    false
                }
                None => assigned,
            },
            syn::Stmt::Expr(expr, _) => self.expr(expr, assigned),
            syn::Stmt::Macro(stmt) => self.mac(&stmt.mac, assigned),
            syn::Stmt::Item(_) => assigned,
        }
    }

    fn syn_block(&mut self, block: &syn::Block, assigned: bool) -> bool {
        block
            .stmts
            .iter()
            .fold(assigned, |assigned, stmt| self.syn_stmt(stmt, assigned))
    }

    /// Parts that run one after the other.
    fn exprs<'e>(
        &mut self,
        parts: impl IntoIterator<Item = &'e syn::Expr>,
        assigned: bool,
    ) -> bool {
        parts
            .into_iter()
            .fold(assigned, |assigned, part| self.expr(part, assigned))
    }

    fn expr(&mut self, expr: &syn::Expr, assigned: bool) -> bool {
        use syn::Expr;
        match expr {
            Expr::Return(node) => {
                if let Some(value) = &node.expr {
                    self.expr(value, assigned);
                }
                self.ends()
            }
            Expr::Break(node) => {
                let assigned = match &node.expr {
                    Some(value) => self.expr(value, assigned),
                    None => assigned,
                };
                self.leave(node.label.as_ref(), assigned);
                self.ends()
            }
            Expr::Continue(node) => {
                self.repeat(node.label.as_ref(), assigned);
                self.ends()
            }
            Expr::Macro(call) => self.mac(&call.mac, assigned),
            Expr::Assign(assign) => {
                let assigned = self.expr(&assign.right, assigned);
                matches!(&*assign.left, Expr::Path(p) if p.path.is_ident(self.name))
                    || self.expr(&assign.left, assigned)
            }
            Expr::Call(call) => {
                self.exprs(std::iter::once(&*call.func).chain(&call.args), assigned)
            }
            Expr::MethodCall(call) => {
                self.exprs(std::iter::once(&*call.receiver).chain(&call.args), assigned)
            }
            // The right of `&&` and `||` may not run.
            Expr::Binary(binary) if matches!(binary.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                let left = self.expr(&binary.left, assigned);
                let right = self.expr(&binary.right, left);
                self.meet(left, right)
            }
            Expr::Binary(binary) => self.exprs([&*binary.left, &*binary.right], assigned),
            Expr::Unary(unary) => self.expr(&unary.expr, assigned),
            Expr::Cast(cast) => self.expr(&cast.expr, assigned),
            Expr::Reference(reference) => self.expr(&reference.expr, assigned),
            Expr::Field(field) => self.expr(&field.base, assigned),
            Expr::Index(index) => self.exprs([&*index.expr, &*index.index], assigned),
            Expr::Tuple(tuple) => self.exprs(&tuple.elems, assigned),
            Expr::Array(array) => self.exprs(&array.elems, assigned),
            Expr::Repeat(repeat) => self.expr(&repeat.expr, assigned),
            Expr::Range(range) => {
                self.exprs(range.start.iter().chain(&range.end).map(|e| &**e), assigned)
            }
            Expr::Struct(fields) => self.exprs(
                fields
                    .fields
                    .iter()
                    .map(|f| &f.expr)
                    .chain(fields.rest.as_deref()),
                assigned,
            ),
            Expr::Group(group) => self.expr(&group.expr, assigned),
            Expr::Paren(inner) => self.expr(&inner.expr, assigned),
            Expr::Try(question) => self.expr(&question.expr, assigned),
            Expr::Let(node) => self.expr(&node.expr, assigned),
            Expr::Block(block) => match &block.label {
                Some(label) => self.breakable(Some(label), false, |flow| {
                    flow.syn_block(&block.block, assigned)
                }),
                None => self.syn_block(&block.block, assigned),
            },
            Expr::Unsafe(block) => self.syn_block(&block.block, assigned),
            Expr::If(node) => {
                let assigned = self.expr(&node.cond, assigned);
                let then = self.syn_block(&node.then_branch, assigned);
                let otherwise = match &node.else_branch {
                    Some((_, other)) => self.expr(other, assigned),
                    None => assigned,
                };
                self.meet(then, otherwise)
            }
            Expr::Match(node) => {
                let assigned = self.expr(&node.expr, assigned);
                meet_all(
                    self.some_path,
                    node.arms.iter().map(|arm| {
                        let assigned = self.guard(&arm.pat, assigned);
                        self.expr(&arm.body, assigned)
                    }),
                )
            }
            Expr::Loop(node) => {
                let never = self.ends();
                self.looped(node.label.as_ref(), assigned, |flow, entry| {
                    (flow.syn_block(&node.body, entry), never)
                })
            }
            // Ends where its condition is false, or by a `break`.
            Expr::While(node) => self.looped(node.label.as_ref(), assigned, |flow, entry| {
                let assigned = flow.expr(&node.cond, entry);
                (flow.syn_block(&node.body, assigned), assigned)
            }),
            Expr::ForLoop(node) => {
                let assigned = self.expr(&node.expr, assigned);
                self.looped(node.label.as_ref(), assigned, |flow, entry| {
                    (flow.syn_block(&node.body, entry), entry)
                })
            }
            Expr::Path(path) => {
                self.read_unassigned |= !assigned && path.path.is_ident(self.name);
                assigned
            }
            // A closure's or `async` block's code does not run here, and a
            // `break` cannot leave it; it may read the local when made.
            other => {
                self.read(other.to_token_stream(), assigned);
                assigned
            }
        }
    }

    /// An arm's guard (syn keeps it in the pattern) runs before its body.
    fn guard(&mut self, pat: &syn::Pat, assigned: bool) -> bool {
        match pat {
            syn::Pat::Guard(guarded) => self.expr(&guarded.guard, assigned),
            _ => assigned,
        }
    }

    fn mac(&mut self, mac: &syn::Macro, assigned: bool) -> bool {
        if crate::walk::never_returns(mac) {
            return self.ends();
        }
        // A macro of the user's own may `break` out of any loop around it
        // (or a labeled block whose label it is given), or `continue` one,
        // before anything it is given runs.
        if crate::walk::may_jump(mac) {
            let some_path = self.some_path;
            for target in &mut self.targets {
                target.assigned = meet(some_path, target.assigned, assigned);
                target.continued |= assigned;
            }
            self.escaped_unassigned |= !assigned;
        }
        // Every argument of `vec!`, `dbg!` and `matches!` runs (a temporary
        // of an element is made in place there: `vec![{ t = lock(); &t }.len()]`).
        if crate::walk::keeps_temporaries(mac)
            && let Some(mut args) = crate::walk::MacroArgs::parse(mac)
        {
            return args
                .args_mut()
                .fold(assigned, |assigned, (arg, _)| self.expr(arg, assigned));
        }
        self.read(mac.tokens.clone(), assigned);
        assigned
    }

    /// Code the walk does not follow, which reads the local if it names it.
    fn read(&mut self, tokens: proc_macro2::TokenStream, assigned: bool) {
        self.read_unassigned |= !assigned && crate::walk::mentions(&tokens, &self.name.to_string());
    }
}

/// [`Flow::meet`], for a flow borrowed elsewhere.
fn meet(some_path: bool, a: bool, b: bool) -> bool {
    if some_path { a || b } else { a && b }
}

/// Where all of `ends` meet. Every one is followed, for the `break`s it
/// holds: `&` or `|`, not the `&&` or `||` that would skip the rest.
fn meet_all(some_path: bool, ends: impl Iterator<Item = bool>) -> bool {
    if some_path {
        ends.fold(false, |any, end| any | end)
    } else {
        ends.fold(true, |all, end| all & end)
    }
}
