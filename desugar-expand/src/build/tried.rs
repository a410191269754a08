//! A `?` on an awaited value, taken out with its `.await`.
//!
//! `two(get().await?.len(), b.await)`: rustc runs the `?` as soon as the
//! await ends, and the value it gives is a temporary of the statement,
//! kept to its end, across `b.await`. The builder names an awaited value
//! that has later awaits beside it (`__awaited1`) and keeps it the same
//! way; named with its `?`, the value it keeps is the one the `?` gives,
//! borrowed or moved by the rest of the statement as rustc does. Without,
//! the statement would have to run the `?`'s value's method before the
//! later await and could not keep that value.

use syn::Expr;
use syn::visit_mut::{self, VisitMut};

use super::earlier::tried;

/// Takes the `?` tried on `{ ident }` (what a `?` became:
/// `rewrite::early_exit`) out of `stmt`, leaving `{ ident }` in its place,
/// and returns it trying `value` instead. `None` where `{ ident }` is not
/// tried, or only inside the arguments of a macro that prints their text
/// or that `#[desugar]` cannot read.
///
/// Before: `two(match Branch::branch({ __awaited1 }) { .. }.len(), b.await);`
/// After:  `two({ __awaited1 }.len(), b.await);`, returning
///         `match Branch::branch(value) { .. }`
pub(super) fn take_tried(stmt: &mut syn::Stmt, ident: &syn::Ident, value: Expr) -> Option<Expr> {
    struct Take<'a> {
        ident: &'a syn::Ident,
        value: Option<Expr>,
        taken: Option<Expr>,
    }
    impl VisitMut for Take<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            if self.taken.is_some() {
                return;
            }
            if let Expr::Match(m) = expr
                && let Some(arg) = tried(m).filter(|arg| is_block_of(arg, self.ident))
                && let Some(value) = self.value.take()
            {
                // The block keeps its span, where errors about the value
                // point.
                let block = arg.clone();
                let Expr::Match(mut m) = std::mem::replace(expr, block) else {
                    unreachable!("matched as a `match` above");
                };
                if let Expr::Call(call) = &mut *m.expr {
                    call.args = std::iter::once(value).collect();
                }
                self.taken = Some(Expr::Match(m));
                return;
            }
            visit_mut::visit_expr_mut(self, expr);
        }
        // The arguments of a macro read as expressions (`vec![a.await?.n,
        // b.await?.n]`, `format!(..)`) are lowered as any expression: the
        // `?` there is taken too (dogO2, finding 3a: left in the tokens, it
        // made the value a part to run ahead of the later await, which
        // could not be named). Not those of one that prints its
        // arguments' text (`dbg!`, `assert!`). Closures and `async` blocks
        // run later, where the awaited value is not.
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            let Some(mut args) = crate::walk::MacroArgs::parse(mac) else {
                return;
            };
            if args.quotes() {
                return;
            }
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            if self.taken.is_some() {
                args.write_back(&mut mac.tokens);
            }
        }
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    }
    let mut take = Take {
        ident,
        value: Some(value),
        taken: None,
    };
    take.visit_stmt_mut(stmt);
    take.taken
}

/// `{ ident }`, how the builder reads an awaited value in its statement.
fn is_block_of(expr: &Expr, ident: &syn::Ident) -> bool {
    match expr {
        Expr::Paren(e) => is_block_of(&e.expr, ident),
        Expr::Group(e) => is_block_of(&e.expr, ident),
        Expr::Block(block) => {
            block.label.is_none()
                && matches!(block.block.stmts.as_slice(),
                    [syn::Stmt::Expr(Expr::Path(path), None)] if path.path.is_ident(ident))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn take(stmt: &str) -> (String, Option<String>) {
        let mut stmt: syn::Stmt = syn::parse_str(stmt).unwrap();
        let ident: syn::Ident = syn::parse_quote!(__awaited1);
        let taken = take_tried(&mut stmt, &ident, syn::parse_quote!({ __result }));
        (
            stmt.to_token_stream().to_string(),
            taken.map(|t| t.to_token_stream().to_string()),
        )
    }

    #[test]
    fn a_tried_awaited_value_is_taken_with_its_try() {
        let (stmt, taken) = take(
            "two(match ::desugar::__private::Branch::branch({ __awaited1 }) { C(v) => v, B(r) => return r }.len(), b);",
        );
        assert_eq!(stmt, "two ({ __awaited1 } . len () , b) ;");
        let taken = taken.expect("the `?` is taken");
        assert!(taken.contains("branch ({ __result })"), "{taken}");
    }

    #[test]
    fn another_value_tried_or_one_in_a_macro_is_left() {
        let (_, taken) = take(
            "two(match ::desugar::__private::Branch::branch({ __awaited2 }) { C(v) => v, B(r) => return r }, b);",
        );
        assert!(taken.is_none());
        let (_, taken) = take(
            "two(dbg!(match ::desugar::__private::Branch::branch({ __awaited1 }) { C(v) => v, B(r) => return r }), b);",
        );
        assert!(taken.is_none());
    }

    #[test]
    fn a_tried_awaited_value_in_a_macro_read_as_expressions_is_taken() {
        let (stmt, taken) = take(
            "two(format!(\"{}\", match ::desugar::__private::Branch::branch({ __awaited1 }) { C(v) => v, B(r) => return r }.n), b);",
        );
        assert!(stmt.contains("{ __awaited1 } . n"), "{stmt}");
        assert!(taken.is_some());
    }
}
