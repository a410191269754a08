//! Which statements never finish when run from the start (they always
//! suspend, or loop forever): the emitter stops after them, since what
//! follows runs in a suspension's own arm.
//!
//! A loop whose emitted body always suspends still ends if that body can
//! `break` before suspending: `loop { if done { break } step().await }`.

use syn::visit::{self, Visit};

use crate::ir::{AwaitId, Block, Else, If, Stmt};

/// Does running `stmt` from its start always reach a suspension?
pub(crate) fn suspends(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Plain { .. } | Stmt::Param(_) => false,
        Stmt::Await(_) => true,
        Stmt::Block { label, block } => {
            block_suspends(block)
                && label
                    .as_ref()
                    .is_none_or(|l| !breaks(&block.stmts, Some(&l.name), false))
        }
        Stmt::If(node) => if_suspends(node),
        Stmt::Match(node) => {
            !node.arms.is_empty() && node.arms.iter().all(|arm| block_suspends(&arm.body))
        }
        // A loop ends only by a `break` (one that the emitted part of its
        // body reaches); without one it suspends or runs forever.
        Stmt::Loop { label, body } => !breaks(&body.stmts, label.as_ref().map(|l| &l.name), true),
    }
}

fn block_suspends(block: &Block) -> bool {
    block.stmts.iter().any(suspends)
}

fn if_suspends(node: &If) -> bool {
    block_suspends(&node.then)
        && match &node.otherwise {
            None => false,
            Some(Else::Block(block)) => block_suspends(block),
            Some(Else::If(inner)) => if_suspends(inner),
        }
}

/// Can the emitted part of `stmts` (up to the first that suspends) break out
/// of the construct they belong to? `is_loop`: an unlabeled `break` counts.
fn breaks(stmts: &[Stmt], label: Option<&syn::Lifetime>, is_loop: bool) -> bool {
    for stmt in stmts {
        let found = match stmt {
            Stmt::Plain { stmt, .. } => {
                let mut finder = BreakFinder {
                    label,
                    depth: usize::from(!is_loop),
                    found: false,
                };
                finder.visit_stmt(stmt);
                finder.found
            }
            Stmt::Await(_) | Stmt::Param(_) => false,
            Stmt::Block { block, .. } => breaks(&block.stmts, label, is_loop),
            Stmt::If(node) => if_breaks(node, label, is_loop),
            Stmt::Match(node) => node
                .arms
                .iter()
                .any(|arm| breaks(&arm.body.stmts, label, is_loop)),
            // Inside an inner loop, only a labeled break can leave ours.
            Stmt::Loop { body, .. } => label.is_some() && breaks(&body.stmts, label, false),
        };
        if found {
            return true;
        }
        if suspends(stmt) {
            return false;
        }
    }
    false
}

fn if_breaks(node: &If, label: Option<&syn::Lifetime>, is_loop: bool) -> bool {
    breaks(&node.then.stmts, label, is_loop)
        || match &node.otherwise {
            None => false,
            Some(Else::Block(block)) => breaks(&block.stmts, label, is_loop),
            Some(Else::If(inner)) => if_breaks(inner, label, is_loop),
        }
}

/// Resumed at suspension `k` inside `'label: { stmts }`, can the code break
/// out of the block? Counts every `break 'label` from the statement holding
/// `k` on, at any depth and in what runs after each suspension: a break
/// beyond the next suspension only makes the emitter write the block's
/// continuation where it is not reached, which is harmless.
///
/// ```text
/// 'b: { if f().await { break 'b 1; } g().await }   // resumed after f():
/// ```
/// the `if` can leave the block, so what follows it runs in the same arm.
pub(crate) fn resumed_breaks(stmts: &[Stmt], k: AwaitId, label: &syn::Lifetime) -> bool {
    let from = stmts
        .iter()
        .position(|stmt| stmt.holds(k))
        .unwrap_or(stmts.len());
    stmts[from..]
        .iter()
        .any(|stmt| breaks_anywhere(stmt, label))
}

fn breaks_anywhere(stmt: &Stmt, label: &syn::Lifetime) -> bool {
    let in_syn = |stmt: &syn::Stmt| {
        let mut finder = BreakFinder {
            label: Some(label),
            depth: 1,
            found: false,
        };
        finder.visit_stmt(stmt);
        finder.found
    };
    let in_block = |block: &Block| block.stmts.iter().any(|s| breaks_anywhere(s, label));
    match stmt {
        Stmt::Param(_) => false,
        Stmt::Plain { stmt, .. } => in_syn(stmt),
        Stmt::Await(suspension) => in_syn(&suspension.rest),
        Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => in_block(block),
        Stmt::If(node) => {
            let mut node = node;
            loop {
                if in_block(&node.then) {
                    return true;
                }
                match &node.otherwise {
                    None => return false,
                    Some(Else::Block(block)) => return in_block(block),
                    Some(Else::If(inner)) => node = inner,
                }
            }
        }
        Stmt::Match(node) => node.arms.iter().any(|arm| in_block(&arm.body)),
    }
}

struct BreakFinder<'a> {
    label: Option<&'a syn::Lifetime>,
    /// Loops entered inside the statement (an unlabeled `break` there is theirs).
    depth: usize,
    found: bool,
}

impl<'ast> Visit<'ast> for BreakFinder<'_> {
    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        match expr {
            syn::Expr::Loop(_) | syn::Expr::While(_) | syn::Expr::ForLoop(_) => {
                self.depth += 1;
                visit::visit_expr(self, expr);
                self.depth -= 1;
            }
            syn::Expr::Break(b) => {
                self.found |= match &b.label {
                    Some(label) => Some(label) == self.label,
                    None => self.depth == 0,
                };
                visit::visit_expr(self, expr);
            }
            syn::Expr::Closure(_) | syn::Expr::Async(_) => {}
            _ => visit::visit_expr(self, expr),
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Does the statement contain a `return` of the body (after the early-exit
/// rewrite, every way out of the body is one), outside closures and async
/// blocks?
pub(crate) fn returns(stmt: &syn::Stmt) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr_return(&mut self, _: &'ast syn::ExprReturn) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    finder.visit_stmt(stmt);
    finder.0
}
