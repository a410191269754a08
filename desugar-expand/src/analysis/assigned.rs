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

use crate::ir::{AwaitId, Block, Else, If, LoopValue, Stmt};

/// Is `name` assigned on every path from the start of `block` to await `k`?
pub(crate) fn before(block: &Block, name: &syn::Ident, k: AwaitId) -> bool {
    Flow {
        name,
        targets: Vec::new(),
    }
    .before(block, k, false)
}

/// A `loop` (`while`, `for`) or labeled block being followed, which a
/// `break` may leave.
struct Target {
    label: Option<syn::Ident>,
    is_loop: bool,
    /// Assigned at every `break` out of it met so far.
    assigned: bool,
}

/// Each method takes whether the local is assigned where the code starts,
/// and gives whether it is where the code ends normally: `true` where it
/// never does (a `return`, a `break`, a `loop` without a `break`), since
/// nothing after is reached from there.
struct Flow<'a> {
    name: &'a syn::Ident,
    /// The loops and labeled blocks around the code followed, innermost
    /// last.
    targets: Vec<Target>,
}

impl Flow<'_> {
    fn before(&mut self, block: &Block, k: AwaitId, mut assigned: bool) -> bool {
        for stmt in &block.stmts {
            if stmt.holds(k) {
                return match stmt {
                    Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => {
                        // A loop's first iteration starts as the loop does,
                        // and a later one no less assigned.
                        self.before(block, k, assigned)
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
                all(node.arms.iter().map(|arm| {
                    let assigned = self.guard(&arm.pat, assigned);
                    self.block(&arm.body, assigned)
                }))
            }
            Stmt::Loop { label, body, value } => {
                // The loop's body loops back: only a `break` ends it.
                let at_breaks = self.breakable(label.as_ref(), true, |flow| {
                    flow.block(body, assigned);
                    true
                });
                match value {
                    LoopValue::Assigned(value) => at_breaks || value == self.name,
                    LoopValue::Returned => true,
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
        then && otherwise
    }

    /// Follows `body`, a loop's or a labeled block's, and gives what it
    /// gives where it ends normally (a loop's body gives `true`: it loops
    /// back) and the local is assigned at every `break` out of it.
    fn breakable(
        &mut self,
        label: Option<&syn::Label>,
        is_loop: bool,
        body: impl FnOnce(&mut Self) -> bool,
    ) -> bool {
        self.targets.push(Target {
            label: label.map(|label| label.name.ident.clone()),
            is_loop,
            assigned: true,
        });
        let end = body(self);
        let at_breaks = self.targets.pop().is_none_or(|target| target.assigned);
        end && at_breaks
    }

    /// A `break` with the local as `assigned` says: what it leaves is
    /// assigned only if the local is. One out of the code followed leaves
    /// past everything after it.
    fn leave(&mut self, label: Option<&syn::Lifetime>, assigned: bool) {
        let target = self.targets.iter_mut().rev().find(|target| match label {
            Some(label) => target.label.as_ref() == Some(&label.ident),
            None => target.is_loop,
        });
        if let Some(target) = target {
            target.assigned &= assigned;
        }
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
                true
            }
            Expr::Break(node) => {
                let assigned = match &node.expr {
                    Some(value) => self.expr(value, assigned),
                    None => assigned,
                };
                self.leave(node.label.as_ref(), assigned);
                true
            }
            Expr::Continue(_) => true,
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
                self.expr(&binary.right, left);
                left
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
                then && otherwise
            }
            Expr::Match(node) => {
                let assigned = self.expr(&node.expr, assigned);
                all(node.arms.iter().map(|arm| {
                    let assigned = self.guard(&arm.pat, assigned);
                    self.expr(&arm.body, assigned)
                }))
            }
            Expr::Loop(node) => self.breakable(node.label.as_ref(), true, |flow| {
                flow.syn_block(&node.body, assigned);
                true
            }),
            // Ends where its condition is false, or by a `break`.
            Expr::While(node) => self.breakable(node.label.as_ref(), true, |flow| {
                let assigned = flow.expr(&node.cond, assigned);
                flow.syn_block(&node.body, assigned);
                assigned
            }),
            Expr::ForLoop(node) => {
                let assigned = self.expr(&node.expr, assigned);
                self.breakable(node.label.as_ref(), true, |flow| {
                    flow.syn_block(&node.body, assigned);
                    assigned
                })
            }
            // A closure's or `async` block's code does not run here, and a
            // `break` cannot leave it.
            _ => assigned,
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
            return true;
        }
        // A macro of the user's own may `break` out of any loop around it
        // (or a labeled block whose label it is given), before anything
        // it is given runs.
        if crate::walk::may_jump(mac) {
            for target in &mut self.targets {
                target.assigned &= assigned;
            }
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
        assigned
    }
}

/// `true` where every one of `ends` is. Every one is followed, for the
/// `break`s it holds: `&`, not the `&&` that would skip the rest.
fn all(ends: impl Iterator<Item = bool>) -> bool {
    ends.fold(true, |all, end| all & end)
}
