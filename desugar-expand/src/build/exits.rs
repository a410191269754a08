//! How the code after a suspension leaves the loops around it.
//!
//! `let v = loop { if done { break fetch(x).await; } … };`: after the await
//! the loop never goes on to another iteration, so what the loop does
//! before the await in a later iteration is not a later use of `x` (which
//! may have moved into the awaited future).

use quote::ToTokens;
use syn::{Expr, Lifetime};

use crate::ir::{AwaitId, Block, Else, If, Stmt};
use crate::walk;

/// How many of the loops around await `k` (innermost first) never run
/// another iteration once it completes: what runs after it, up to the end
/// of the innermost loop's body, always reaches a `break` out of them (or a
/// `continue` of an outer one, or a `return`) and nothing before can jump
/// elsewhere. Where that cannot be told, none. A `break` out of a labeled
/// block around loops around `k` leaves those loops too (a search's
/// `'scan: { for i in &items { if hit { x.await; break 'scan; } } .. }`):
/// the resumed iteration is the loop's last, and the code after the loop
/// in the block does not follow `k`.
///
/// Before: `loop { if c { break f(x).await; } … }`, `k` the await of `f(x)`
/// After:  1
pub(super) fn loops_left(block: &Block, k: AwaitId) -> usize {
    match flow(block, k, &mut Vec::new()) {
        Flow::Leaves(n) => n,
        Flow::End | Flow::Unknown => 0,
    }
}

/// A loop or labeled block around `k` (outermost first), as a jump's
/// target: its label and whether it is a loop (whose iterations a `break`
/// out of it ends).
struct Around {
    label: Option<Lifetime>,
    is_loop: bool,
}

enum Flow {
    /// Leaves this many loops, counted from the innermost around `k`.
    Leaves(usize),
    /// Runs to the end of the block.
    End,
    /// Anything else (a jump elsewhere, a loop's next iteration).
    Unknown,
}

fn flow(block: &Block, k: AwaitId, labels: &mut Vec<Around>) -> Flow {
    let Some(index) = block.stmts.iter().position(|stmt| stmt.holds(k)) else {
        return Flow::Unknown;
    };
    let inner = match &block.stmts[index] {
        Stmt::Await(suspension) => syn_flow(&suspension.rest, labels),
        // Falling off a block's end, labelled or not, goes on after it; a
        // `break` to its label leaves the loops inside it around `k`, and
        // goes on after it (a `break` to it from the block's own level
        // leaves none: `syn_flow` finds no loop left, and the flow there is
        // unknown).
        Stmt::Block { label, block } => {
            labels.push(Around {
                label: label.as_ref().map(|l| l.name.clone()),
                is_loop: false,
            });
            let inner = flow(block, k, labels);
            labels.pop();
            inner
        }
        Stmt::If(node) => if_flow(node, k, labels),
        Stmt::Match(node) => node
            .arms
            .iter()
            .find(|arm| arm.body.holds(k))
            .map_or(Flow::Unknown, |arm| flow(&arm.body, k, labels)),
        Stmt::Loop { label, body, .. } => {
            labels.push(Around {
                label: label.as_ref().map(|l| l.name.clone()),
                is_loop: true,
            });
            let inner = flow(body, k, labels);
            labels.pop();
            // Reaching the end of its body runs the loop again.
            match inner {
                Flow::Leaves(n) => Flow::Leaves(n),
                Flow::End | Flow::Unknown => Flow::Unknown,
            }
        }
        Stmt::Plain { .. } | Stmt::Param(_) => Flow::Unknown,
    };
    if !matches!(inner, Flow::End) {
        return inner;
    }
    for stmt in &block.stmts[index + 1..] {
        let next = match stmt {
            Stmt::Plain { stmt, .. } => syn_flow(stmt, labels),
            // Its operand runs first; what follows it, once it completes.
            Stmt::Await(suspension) => syn_flow(&suspension.rest, labels),
            _ => Flow::Unknown,
        };
        if !matches!(next, Flow::End) {
            return next;
        }
    }
    Flow::End
}

fn if_flow(node: &If, k: AwaitId, labels: &mut Vec<Around>) -> Flow {
    if node.then.holds(k) {
        return flow(&node.then, k, labels);
    }
    match &node.otherwise {
        Some(Else::Block(block)) => flow(block, k, labels),
        Some(Else::If(inner)) => if_flow(inner, k, labels),
        None => Flow::Unknown,
    }
}

/// A statement without awaits: ends in a `break`, `continue` or `return`,
/// runs to its end with no jump in it, or neither.
fn syn_flow(stmt: &syn::Stmt, labels: &[Around]) -> Flow {
    let left = match stmt {
        syn::Stmt::Expr(expr, _) => expr_leaves(expr, labels),
        syn::Stmt::Local(_) | syn::Stmt::Item(_) | syn::Stmt::Macro(_) => 0,
    };
    if left > 0 {
        Flow::Leaves(left)
    } else if walk::tokens_may_jump(stmt.to_token_stream()) {
        Flow::Unknown
    } else {
        Flow::End
    }
}

/// The loops (innermost first, they and the labeled blocks around them in
/// `labels`, innermost last) that `expr` leaves: a `break`, a `continue
/// 'outer`, a `return`, or a plain block ending in one with no other jump
/// before it.
fn expr_leaves(expr: &Expr, labels: &[Around]) -> usize {
    let loops = |around: &[Around]| around.iter().filter(|a| a.is_loop).count();
    // Loops from the innermost out, up to and including the loop or block
    // labelled `label`: a block's `break` leaves only those inside it.
    let up_to = |label: &Lifetime| {
        labels
            .iter()
            .rposition(|a| a.label.as_ref() == Some(label))
            .map_or(0, |index| loops(&labels[index..]))
    };
    match expr {
        // A `break` or `continue` inside the value (`return match x {
        // .. => continue }`) may go on with a loop instead.
        Expr::Return(r)
            if r.expr
                .as_ref()
                .is_some_and(|e| walk::tokens_may_jump(e.to_token_stream())) =>
        {
            0
        }
        Expr::Return(_) => loops(labels),
        Expr::Break(b) => match &b.label {
            None => usize::from(loops(labels) > 0),
            Some(label) => up_to(label),
        },
        // `continue 'outer` leaves the loops inside `'outer`.
        Expr::Continue(c) => c
            .label
            .as_ref()
            .map_or(0, |label| up_to(label).saturating_sub(1)),
        Expr::Block(b) if b.label.is_none() => match b.block.stmts.split_last() {
            Some((syn::Stmt::Expr(last, _), before))
                if !before
                    .iter()
                    .any(|s| walk::tokens_may_jump(s.to_token_stream())) =>
            {
                expr_leaves(last, labels)
            }
            _ => 0,
        },
        Expr::Paren(e) => expr_leaves(&e.expr, labels),
        _ => 0,
    }
}

/// Does the statement always jump away: a `break`, `continue` or `return`,
/// or a plain block ending in one? What follows it in its block never runs.
pub(crate) fn always_jumps(stmt: &syn::Stmt) -> bool {
    fn expr_jumps(expr: &Expr) -> bool {
        match expr {
            Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
            Expr::Block(b) if b.label.is_none() => b.block.stmts.iter().any(always_jumps),
            Expr::Paren(e) => expr_jumps(&e.expr),
            _ => false,
        }
    }
    match stmt {
        syn::Stmt::Expr(expr, _) => expr_jumps(expr),
        syn::Stmt::Local(_) | syn::Stmt::Item(_) | syn::Stmt::Macro(_) => false,
    }
}

/// Where a statement that always jumps goes, as far as syntax tells.
pub(super) enum Leaves {
    /// `return`: out of the fn.
    Out,
    /// `break` of the innermost loop, or of the loop or block labeled so.
    Break(Option<Lifetime>),
    /// `continue` of the innermost loop, or of the loop labeled so.
    Continue(Option<Lifetime>),
}

/// The jump a statement always makes (see [`Leaves`]): a `return`, a
/// `break` or a `continue`, or a plain block ending in one with no other
/// jump before it (`{ __value = count; break 'found; }`, as a labeled
/// block's `break` with a value is lowered). Not one whose value may jump
/// elsewhere first (`return match x { .. => continue }`).
///
/// Before: `continue;`, `return reply(400).await;`, `break 'outer;`
/// After:  `Continue(None)`, `Out`, `Break(Some('outer))`
pub(super) fn leaves_to(stmt: &syn::Stmt) -> Option<Leaves> {
    fn expr_leaves_to(expr: &Expr) -> Option<Leaves> {
        let value_jumps = |value: &Option<Box<Expr>>| {
            value
                .as_ref()
                .is_some_and(|e| walk::tokens_may_jump(e.to_token_stream()))
        };
        match expr {
            Expr::Return(r) if !value_jumps(&r.expr) => Some(Leaves::Out),
            Expr::Break(b) if !value_jumps(&b.expr) => Some(Leaves::Break(b.label.clone())),
            Expr::Continue(c) => Some(Leaves::Continue(c.label.clone())),
            Expr::Block(b) if b.label.is_none() => match b.block.stmts.split_last() {
                Some((syn::Stmt::Expr(last, _), before))
                    if !before
                        .iter()
                        .any(|s| walk::tokens_may_jump(s.to_token_stream())) =>
                {
                    expr_leaves_to(last)
                }
                _ => None,
            },
            Expr::Paren(e) => expr_leaves_to(&e.expr),
            _ => None,
        }
    }
    match stmt {
        syn::Stmt::Expr(expr, _) => expr_leaves_to(expr),
        syn::Stmt::Local(_) | syn::Stmt::Item(_) | syn::Stmt::Macro(_) => None,
    }
}
