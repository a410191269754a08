//! Definite assignment of locals declared without a value (`let x;`), the
//! way rustc's check sees it, for the shapes the lowering produces: an
//! assignment statement, an `if`/`else` or `match` that assigns in every
//! branch that goes on (one that returns, breaks, continues or panics does
//! not), a block that assigns, and a value loop (`let v = loop { … break x … }`),
//! whose value the lowering assigns to the hidden local when it ends.

use crate::ir::{AwaitId, Block, Else, If, Stmt};

/// Is `name` assigned on every path from the start of `block` to await `k`?
pub(crate) fn before(block: &Block, name: &syn::Ident, k: AwaitId) -> bool {
    for stmt in &block.stmts {
        if stmt.holds(k) {
            return match stmt {
                Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => {
                    before(block, name, k)
                }
                Stmt::If(node) => if_before(node, name, k),
                Stmt::Match(node) => node
                    .arms
                    .iter()
                    .find(|arm| arm.body.holds(k))
                    .is_some_and(|arm| before(&arm.body, name, k)),
                Stmt::Await(_) | Stmt::Plain { .. } | Stmt::Param(_) => false,
            };
        }
        if assigns(stmt, name) {
            return true;
        }
    }
    false
}

fn if_before(node: &If, name: &syn::Ident, k: AwaitId) -> bool {
    if node.then.holds(k) {
        return before(&node.then, name, k);
    }
    match &node.otherwise {
        Some(Else::Block(block)) => before(block, name, k),
        Some(Else::If(inner)) => if_before(inner, name, k),
        None => false,
    }
}

/// Does running `stmt` to its end always assign `name`?
fn assigns(stmt: &Stmt, name: &syn::Ident) -> bool {
    match stmt {
        Stmt::Param(_) => false,
        Stmt::Plain { stmt, .. } => is_assignment(stmt, name),
        Stmt::Await(suspension) => is_assignment(&suspension.rest, name),
        Stmt::Block { block, .. } => block_assigns(block, name),
        Stmt::If(node) => if_assigns(node, name),
        Stmt::Match(node) => {
            !node.arms.is_empty() && node.arms.iter().all(|arm| block_assigns(&arm.body, name))
        }
        // A value loop assigns its hidden value where it ends (a `break`
        // to an outer label leaves past what follows the loop).
        Stmt::Loop { value, .. } => {
            matches!(value, crate::ir::LoopValue::Assigned(assigned) if assigned == name)
        }
    }
}

fn block_assigns(block: &Block, name: &syn::Ident) -> bool {
    block.stmts.iter().any(|stmt| assigns(stmt, name))
}

fn if_assigns(node: &If, name: &syn::Ident) -> bool {
    block_assigns(&node.then, name)
        && match &node.otherwise {
            None => false,
            Some(Else::Block(block)) => block_assigns(block, name),
            Some(Else::If(inner)) => if_assigns(inner, name),
        }
}

/// A statement without awaits that assigns `name` on every path: `x = v;`,
/// a block, `if`/`else` or `match` whose every branch does, or one whose
/// value always runs such an assignment (a temporary made in place,
/// `let n = { t = make(); &t }.len();`).
fn is_assignment(stmt: &syn::Stmt, name: &syn::Ident) -> bool {
    match stmt {
        syn::Stmt::Expr(expr, _) => expr_assigns(expr, name),
        syn::Stmt::Local(syn::Local {
            init: Some(init), ..
        }) => expr_assigns(&init.expr, name),
        syn::Stmt::Macro(stmt) => crate::walk::never_returns(&stmt.mac),
        _ => false,
    }
}

fn expr_assigns(expr: &syn::Expr, name: &syn::Ident) -> bool {
    use syn::Expr;
    match expr {
        // Code after one that leaves is not reached from it: as far as what
        // follows can tell, that path assigned (`if c { g = open(); } else
        // { return 0; }`).
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Macro(call) if crate::walk::never_returns(&call.mac) => true,
        Expr::Assign(assign) => {
            matches!(&*assign.left, Expr::Path(p) if p.path.is_ident(name))
                || expr_assigns(&assign.right, name)
        }
        Expr::Call(call) => any_assigns(std::iter::once(&*call.func).chain(&call.args), name),
        Expr::MethodCall(call) => {
            any_assigns(std::iter::once(&*call.receiver).chain(&call.args), name)
        }
        // The right of `&&` and `||` may not run.
        Expr::Binary(binary) if matches!(binary.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
            expr_assigns(&binary.left, name)
        }
        Expr::Binary(binary) => any_assigns([&*binary.left, &*binary.right], name),
        Expr::Unary(unary) => expr_assigns(&unary.expr, name),
        Expr::Cast(cast) => expr_assigns(&cast.expr, name),
        Expr::Reference(reference) => expr_assigns(&reference.expr, name),
        Expr::Field(field) => expr_assigns(&field.base, name),
        Expr::Index(index) => any_assigns([&*index.expr, &*index.index], name),
        Expr::Tuple(tuple) => any_assigns(&tuple.elems, name),
        Expr::Array(array) => any_assigns(&array.elems, name),
        Expr::Repeat(repeat) => expr_assigns(&repeat.expr, name),
        Expr::Range(range) => any_assigns(range.start.iter().chain(&range.end).map(|e| &**e), name),
        Expr::Struct(fields) => {
            any_assigns(fields.fields.iter().map(|f| &f.expr), name)
                || fields
                    .rest
                    .as_deref()
                    .is_some_and(|rest| expr_assigns(rest, name))
        }
        Expr::Group(group) => expr_assigns(&group.expr, name),
        Expr::Try(question) => expr_assigns(&question.expr, name),
        Expr::Block(block) if block.label.is_none() => syn_block_assigns(&block.block, name),
        Expr::Unsafe(block) => syn_block_assigns(&block.block, name),
        Expr::If(node) => {
            expr_assigns(&node.cond, name)
                || (syn_block_assigns(&node.then_branch, name)
                    && node
                        .else_branch
                        .as_ref()
                        .is_some_and(|(_, other)| expr_assigns(other, name)))
        }
        Expr::Match(node) => {
            expr_assigns(&node.expr, name)
                || (!node.arms.is_empty()
                    && node.arms.iter().all(|arm| expr_assigns(&arm.body, name)))
        }
        Expr::Paren(inner) => expr_assigns(&inner.expr, name),
        // Every argument of `vec!`, `dbg!` and `matches!` runs (a temporary
        // of an element is made in place there: `vec![{ t = lock(); &t }.len()]`).
        Expr::Macro(call) if crate::walk::keeps_temporaries(&call.mac) => {
            crate::walk::MacroArgs::parse(&call.mac)
                .is_some_and(|mut args| args.args_mut().any(|(arg, _)| expr_assigns(arg, name)))
        }
        _ => false,
    }
}

/// Parts that run whenever the expression holding them does.
fn any_assigns<'a>(parts: impl IntoIterator<Item = &'a syn::Expr>, name: &syn::Ident) -> bool {
    parts.into_iter().any(|part| expr_assigns(part, name))
}

fn syn_block_assigns(block: &syn::Block, name: &syn::Ident) -> bool {
    block.stmts.iter().any(|stmt| is_assignment(stmt, name))
}
