//! Which statements never finish when run from the start (they always
//! suspend, or loop forever): the emitter stops after them, since what
//! follows runs in a suspension's own arm.
//!
//! A loop whose emitted body always suspends still ends if that body can
//! `break` before suspending: `loop { if done { break } step().await }`.
//! So does one holding a macro of the user's own, whose expansion (out of
//! sight) may hold that `break`: `loop { step().await; stop_if!(done); }`.

use proc_macro2::TokenTree;
use syn::visit::{self, Visit};

use crate::ir::{Block, Else, If, Stmt};
use crate::walk;

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
        Stmt::Loop { label, body, .. } => {
            !breaks(&body.stmts, label.as_ref().map(|l| &l.name), true)
        }
    }
}

/// Does the statement end its block's run: it always suspends, or always
/// jumps away (`break`, `continue`, `return`)? Nothing after it is reached.
pub(crate) fn ends_run(stmt: &Stmt) -> bool {
    suspends(stmt)
        || match stmt {
            Stmt::Plain { stmt, .. } => crate::build::always_jumps(stmt),
            _ => false,
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

/// Can the code emitted for a resumed construct (`'label: { .. }`, or a
/// loop with `is_loop`) leave it by a `break`? Then what follows the
/// construct runs in the same arm. Read from the emitted block itself, which
/// holds exactly what this arm runs: a `break` after the next suspension is
/// not in it.
///
/// ```text
/// 'b: { if f().await { break 'b 1; } g().await }   // resumed after f():
/// ```
/// the `if` can leave the block; resumed after `g()`, nothing can.
pub(crate) fn emitted_breaks(
    emitted: &proc_macro2::TokenStream,
    label: Option<&syn::Lifetime>,
    is_loop: bool,
) -> bool {
    // Unparsable (it never is): assume it can, as writing the continuation
    // where it is not reached is the safe mistake.
    let Ok(block) = syn::parse2::<syn::Block>(emitted.clone()) else {
        return true;
    };
    let mut finder = BreakFinder {
        label,
        depth: usize::from(!is_loop),
        found: false,
    };
    finder.visit_block(&block);
    finder.found
}

#[derive(Clone, Copy)]
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

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // The arguments of a macro the walk reads are code like any other.
        if let Some(args) = walk::MacroArgs::parse(mac) {
            for arg in args.args() {
                let mut inner = BreakFinder {
                    found: false,
                    ..*self
                };
                inner.visit_expr(arg);
                self.found |= inner.found;
            }
            return;
        }
        // Tokens: a macro of the user's own may expand to a `break` of the
        // loop it is in (`stop_if!(done)`), or of a label it is given
        // (`leave!('outer)`).
        if walk::may_jump(mac) {
            self.found |=
                self.depth == 0 || self.label.is_some_and(|l| names_label(&mac.tokens, l));
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Do the tokens name the label (`'outer`), at any depth?
fn names_label(tokens: &proc_macro2::TokenStream, label: &syn::Lifetime) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.iter().enumerate().any(|(index, tree)| match tree {
        TokenTree::Punct(p) if p.as_char() == '\'' => {
            matches!(trees.get(index + 1), Some(TokenTree::Ident(name)) if *name == label.ident)
        }
        TokenTree::Group(group) => names_label(&group.stream(), label),
        _ => false,
    })
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
