//! How deep inside its statement each value a suspension keeps lives, for
//! the order in which a dropped machine drops them.
//!
//! Dropped while suspended, rustc drops what is alive innermost scope
//! first: the temporaries of a terminating scope inside a pending call's
//! arguments (a `format!`'s, an operand of `||`), then the operands that
//! call has already evaluated, then those of the calls around it, then the
//! statement's temporaries. Every such scope and call holds the await, so
//! they all lie on the one path from the statement down to it, and their
//! depth on that path orders them.
//!
//! Before: `let n = { __awaited1 }.map_or({ let __scope_value3 = format!("{}", { __result }); drop(__temporary2); __scope_value3 }, f);`
//! After:  `__temporary2` ranks above `__awaited1`: its scope, the block in
//!         `map_or`'s arguments, is deeper than the call `__awaited1` is
//!         an operand of, so it drops first.

use syn::Expr;
use syn::visit::{self, Visit};

use super::values::value_ident;
use crate::walk::{self, MacroArgs};

/// The rank of each value the path to the await `marker` holds: higher
/// drops first. At path depth `d`, an operand of the expression there ranks
/// `2d + 2` and a temporary of a scope that ends there `2d + 1`, so the
/// operands of a call that is itself a scope (the right of `||`) drop
/// before the scope's temporaries. `pending` are the temporaries of scopes
/// whose drops are not written yet, each with the awaited value that marks
/// its scope. Values off the path are not listed (rank 0: the statement's).
/// `made` says which names are the expansion's own locals: only those are
/// a scope's temporaries. A local of the user's that a `format!`-like
/// macro borrows bare (`println!("{:?}", o)`) is no temporary of the
/// macro's scope: it drops with its block, newest declared first.
pub(super) fn ranks(
    stmt: &syn::Stmt,
    marker: &syn::Ident,
    pending: &[(syn::Ident, Vec<syn::Ident>)],
    made: impl Fn(&syn::Ident) -> bool,
) -> Vec<(syn::Ident, u32)> {
    let mut path = Path {
        marker: marker.to_string(),
        stack: Vec::new(),
        found: None,
        next_is_scope: false,
    };
    path.visit_stmt(stmt);
    let Some(nodes) = path.found else {
        return Vec::new();
    };
    let mut ranks = Vec::new();
    for (depth, node) in (0u32..).zip(&nodes) {
        for ident in &node.operands {
            ranks.push((ident.clone(), 2 * depth + 2));
        }
        for ident in node.drops.iter().filter(|ident| made(ident)) {
            ranks.push((ident.clone(), 2 * depth + 1));
        }
    }
    for (scope_marker, temporaries) in pending {
        let name = scope_marker.to_string();
        // The innermost scope on the path that holds the scope's marker.
        let depth = (0u32..)
            .zip(&nodes)
            .filter(|(_, node)| {
                node.tokens
                    .as_ref()
                    .is_some_and(|tokens| walk::mentions(tokens, &name))
            })
            .map(|(depth, _)| depth)
            .last();
        if let Some(depth) = depth {
            for ident in temporaries {
                ranks.push((ident.clone(), 2 * depth + 1));
            }
        }
    }
    ranks
}

/// An expression on the path from the statement to the await.
#[derive(Clone)]
struct Node {
    /// Values read as `{ x }` or `x` directly in an operand position.
    operands: Vec<syn::Ident>,
    /// Temporaries a block drops (`::core::mem::drop(x);`), where a scope
    /// ends.
    drops: Vec<syn::Ident>,
    /// For a terminating scope (an `if` condition, an operand of `&&`/`||`,
    /// a macro whose arguments drop their temporaries where it ends: those
    /// `temporaries::drop_where_scope_ends` puts drops at the end of), its
    /// tokens, to find the values it holds.
    tokens: Option<proc_macro2::TokenStream>,
}

struct Path {
    marker: String,
    stack: Vec<Node>,
    found: Option<Vec<Node>>,
    /// The expression visited next is a terminating scope.
    next_is_scope: bool,
}

impl Path {
    fn is_marker(&self, expr: &Expr) -> bool {
        value_ident(expr).is_some_and(|ident| *ident == self.marker)
    }

    fn scope_child(&mut self, expr: &Expr) {
        self.next_is_scope = true;
        self.visit_expr(expr);
    }
}

/// The expressions `expr` evaluates and then consumes or combines.
fn operand_children(expr: &Expr) -> Vec<&Expr> {
    match expr {
        Expr::Call(e) => e.args.iter().collect(),
        Expr::MethodCall(e) => std::iter::once(&*e.receiver).chain(&e.args).collect(),
        Expr::Binary(e) => vec![&e.left, &e.right],
        Expr::Tuple(e) => e.elems.iter().collect(),
        Expr::Array(e) => e.elems.iter().collect(),
        Expr::Struct(e) => e.fields.iter().map(|f| &f.expr).collect(),
        Expr::Unary(e) => vec![&e.expr],
        Expr::Cast(e) => vec![&e.expr],
        Expr::Index(e) => vec![&e.expr, &e.index],
        Expr::Field(e) => vec![&e.base],
        Expr::Try(e) => vec![&e.expr],
        _ => Vec::new(),
    }
}

/// The values read directly in `expr`'s operand positions, and the
/// temporaries of the scope it is, if it ends one. A macro takes some
/// arguments by value (`vec![row, { __result }]` moves `row` into the
/// array it builds, pending while the await is) and borrows others, which
/// are temporaries: of its own scope where it ends one (`format!("{:?}",
/// row, ..)`), of the statement otherwise (`write!`), ranked with it.
fn operands_and_drops(expr: &Expr) -> (Vec<syn::Ident>, Vec<syn::Ident>) {
    let Expr::Macro(e) = expr else {
        let operands = operand_children(expr)
            .into_iter()
            .filter_map(value_ident)
            .cloned()
            .collect();
        return (operands, block_drops(expr));
    };
    let Some(mut args) = MacroArgs::parse(&e.mac) else {
        return (Vec::new(), Vec::new());
    };
    let scope = super::temporaries::macro_ends_scope(&e.mac);
    let (mut operands, mut drops) = (Vec::new(), Vec::new());
    for (arg, kind) in args.args_mut() {
        let Some(ident) = value_ident(arg) else {
            continue;
        };
        if kind == crate::ir::MentionKind::Value {
            operands.push(ident.clone());
        } else if scope {
            drops.push(ident.clone());
        }
    }
    (operands, drops)
}

/// `::core::mem::drop(x);` statements of a block.
fn block_drops(expr: &Expr) -> Vec<syn::Ident> {
    let Expr::Block(block) = expr else {
        return Vec::new();
    };
    block
        .block
        .stmts
        .iter()
        .filter_map(|stmt| match stmt {
            syn::Stmt::Expr(Expr::Call(call), Some(_)) => Some(call),
            _ => None,
        })
        .filter_map(|call| walk::expansion_drop_arg(call))
        .filter_map(value_ident)
        .cloned()
        .collect()
}

impl<'ast> Visit<'ast> for Path {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        let scope = std::mem::take(&mut self.next_is_scope);
        if self.found.is_some() {
            return;
        }
        if self.is_marker(expr) {
            self.found = Some(self.stack.clone());
            return;
        }
        let macro_scope =
            matches!(expr, Expr::Macro(e) if super::temporaries::macro_ends_scope(&e.mac));
        let (operands, drops) = operands_and_drops(expr);
        let scope = scope || macro_scope;
        self.stack.push(Node {
            operands,
            drops,
            tokens: scope.then(|| quote::ToTokens::to_token_stream(expr)),
        });
        match expr {
            Expr::If(e) => {
                self.scope_child(&e.cond);
                self.visit_block(&e.then_branch);
                if let Some((_, otherwise)) = &e.else_branch {
                    self.visit_expr(otherwise);
                }
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                for operand in [&e.left, &e.right] {
                    if super::lower::is_let_chain(operand) {
                        self.visit_expr(operand);
                    } else {
                        self.scope_child(operand);
                    }
                }
            }
            Expr::Macro(e) => {
                if let Some(mut args) = MacroArgs::parse(&e.mac) {
                    for (arg, _) in args.args_mut() {
                        self.visit_expr(arg);
                    }
                }
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit::visit_expr(self, expr),
        }
        self.stack.pop();
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ident(name: &str) -> syn::Ident {
        syn::Ident::new(name, proc_macro2::Span::call_site())
    }

    fn rank_of(ranks: &[(syn::Ident, u32)], name: &str) -> u32 {
        ranks
            .iter()
            .find(|(ident, _)| ident == name)
            .map_or(0, |(_, rank)| *rank)
    }

    #[test]
    fn a_scope_inside_a_pending_call_ranks_above_its_operand() {
        let stmt: syn::Stmt = syn::parse_quote!(
            let n = { __awaited1 }.map_or({ let __scope_value3 = format!("{}", { __result }); ::core::mem::drop(__temporary2); __scope_value3 }, f);
        );
        let ranks = ranks(&stmt, &ident("__result"), &[], |_| true);
        assert!(rank_of(&ranks, "__temporary2") > rank_of(&ranks, "__awaited1"));
        assert!(rank_of(&ranks, "__awaited1") > 0);
    }

    #[test]
    fn a_local_of_the_users_a_scope_borrows_is_no_temporary_of_it() {
        // `format!("{} {:?}", get().await, o)`: `o` drops with its block.
        let stmt: syn::Stmt = syn::parse_quote!(
            let s = format!("{} {:?} {:?}", { __result }, o, { __awaited1 });
        );
        let ranks = ranks(&stmt, &ident("__result"), &[], |ident| ident != "o");
        assert_eq!(rank_of(&ranks, "o"), 0);
        assert!(rank_of(&ranks, "__awaited1") > 0);
    }

    #[test]
    fn a_call_inside_a_scope_ranks_its_operand_above_the_scope() {
        // `format!("{}{}", t.len(), a.await.into_sum(g().await))`, its
        // temporary `t` pending: `a` is an operand of a call inside it.
        let stmt: syn::Stmt = syn::parse_quote!(
            let s = format!("{}{}", __temporary1.len(), { __awaited2 }.into_sum({ __result }));
        );
        let pending = [(ident("__awaited2"), vec![ident("__temporary1")])];
        let ranks = ranks(&stmt, &ident("__result"), &pending, |_| true);
        assert!(rank_of(&ranks, "__awaited2") > rank_of(&ranks, "__temporary1"));
        assert!(rank_of(&ranks, "__temporary1") > 0);
    }

    #[test]
    fn the_operands_of_a_call_that_is_a_scope_drop_before_its_temporaries() {
        let stmt: syn::Stmt = syn::parse_quote!(
            let b = ready || { __awaited2 }.into_check({ __result });
        );
        let pending = [(ident("__awaited2"), vec![ident("__temporary1")])];
        let ranks = ranks(&stmt, &ident("__result"), &pending, |_| true);
        assert!(rank_of(&ranks, "__awaited2") > rank_of(&ranks, "__temporary1"));
    }
}
