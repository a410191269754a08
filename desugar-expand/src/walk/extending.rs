//! The extending places of a `let`'s initializer, where rustc keeps what is
//! made to the end of the `let`'s block (its temporary lifetime extension):
//! an array's, tuple's or struct literal's element, a cast's or
//! parenthesis' operand, a block's (or `unsafe` block's) tail, an `if`'s
//! branches and a `match`'s arms. Walked in the order they run, for the two
//! rewrites that name what is made there, borrowed values
//! (`build::extended`) and `pin!`s (`rewrite::pinning::extending`), each of
//! which says which places it names; both need to know whether something
//! with an effect ran before a place, or the place is in a branch, where a
//! value can only be made in place.

use syn::Expr;

/// A rewrite of the values made in extending places.
pub(crate) trait Extending {
    /// Takes `expr`, in an extending place, if it is one this rewrite
    /// names (or handles otherwise); the walk goes into the others.
    fn named(&mut self, expr: &mut Expr) -> bool;

    /// Has something with an effect run before the current point, or is
    /// the current point in a branch?
    fn ran(&mut self) -> &mut bool;
}

/// Walks the extending places of `expr`, itself in one.
pub(crate) fn extending(rewrite: &mut impl Extending, expr: &mut Expr) {
    if rewrite.named(expr) {
        return;
    }
    match expr {
        Expr::Array(e) => e.elems.iter_mut().for_each(|elem| extending(rewrite, elem)),
        Expr::Tuple(e) => e.elems.iter_mut().for_each(|elem| extending(rewrite, elem)),
        Expr::Cast(e) => extending(rewrite, &mut e.expr),
        Expr::Paren(e) => extending(rewrite, &mut e.expr),
        Expr::Group(e) => extending(rewrite, &mut e.expr),
        Expr::Struct(e) => {
            for field in &mut e.fields {
                extending(rewrite, &mut field.expr);
            }
            if let Some(rest) = &e.rest {
                runs(rewrite, rest);
            }
        }
        Expr::Block(e) => block_tail(rewrite, &mut e.block),
        Expr::Unsafe(e) => block_tail(rewrite, &mut e.block),
        Expr::If(e) => {
            runs(rewrite, &e.cond);
            // A branch runs or not: what it makes is made in place.
            *rewrite.ran() = true;
            block_tail(rewrite, &mut e.then_branch);
            if let Some((_, otherwise)) = &mut e.else_branch {
                extending(rewrite, otherwise);
            }
        }
        Expr::Match(e) => {
            runs(rewrite, &e.expr);
            *rewrite.ran() = true;
            for arm in &mut e.arms {
                if let syn::Pat::Guard(guarded) = &arm.pat {
                    runs(rewrite, &guarded.guard);
                }
                extending(rewrite, &mut arm.body);
            }
        }
        _ => runs(rewrite, expr),
    }
}

/// The statements of a block run first; its tail is extending.
pub(crate) fn block_tail(rewrite: &mut impl Extending, block: &mut syn::Block) {
    let Some((syn::Stmt::Expr(tail, None), stmts)) = block.stmts.split_last_mut() else {
        *rewrite.ran() |= !block.stmts.is_empty();
        return;
    };
    *rewrite.ran() |= !stmts.is_empty();
    extending(rewrite, tail);
}

/// `expr` runs, outside the extending places: anything but a literal or a
/// path may have an effect.
pub(crate) fn runs(rewrite: &mut impl Extending, expr: &Expr) {
    if !matches!(expr, Expr::Lit(_) | Expr::Path(_)) {
        *rewrite.ran() = true;
    }
}
