//! An expression a `macro_rules!` macro spliced in as an `$e:expr`
//! fragment reaches the attribute wrapped in an invisible group, which
//! keeps it whole (`$base * n` with `1 + 2` is `(1 + 2) * n`). syn keeps
//! the group, but rustc reads the invisible groups of a proc macro's
//! output as if they were not there: printed back as it is, the fn (the
//! machine and the twin alike) would compute `1 + 2 * n`. Such a group is
//! made parentheses here, before anything reads the item, unless what it
//! holds binds tighter than any operator around it: then the group is
//! taken away, so that the rest of the expansion reads the expression as
//! if written in place (`$guard.len()` with `$guard` =
//! `m.lock().unwrap()` keeps the guard, a temporary, to the end of its
//! statement). So in the tokens of macro calls (`format!("{}", $secs *
//! 1000)`), where a group that holds no expression (a type, a pattern, a
//! statement) is left as it is.
//!
//! Before: `$base * attempts` with `$base` = `1 + 2`, an invisible group
//! After:  `(1 + 2) * attempts`

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use syn::Expr;
use syn::visit_mut::{self, VisitMut};

/// Parenthesizes the invisible groups in `item` (a fn, or an `impl`
/// block, whose other items are printed back too).
pub(crate) fn parenthesize(item: &mut impl Visited) {
    item.visit(&mut Parenthesize);
}

/// The items the expansion parses and prints back.
pub(crate) trait Visited {
    fn visit(&mut self, visitor: &mut Parenthesize);
}

impl Visited for syn::ItemFn {
    fn visit(&mut self, visitor: &mut Parenthesize) {
        visitor.visit_item_fn_mut(self);
    }
}

impl Visited for syn::ItemImpl {
    fn visit(&mut self, visitor: &mut Parenthesize) {
        visitor.visit_item_impl_mut(self);
    }
}

pub(crate) struct Parenthesize;

impl VisitMut for Parenthesize {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        visit_mut::visit_expr_mut(self, expr);
        if !matches!(expr, Expr::Group(_)) {
            return;
        }
        let Expr::Group(group) = std::mem::replace(expr, Expr::PLACEHOLDER) else {
            return;
        };
        *expr = if binds_tightest(&group.expr) && group.attrs.is_empty() {
            *group.expr
        } else {
            Expr::Paren(syn::ExprParen {
                attrs: group.attrs,
                paren_token: syn::token::Paren(group.group_token.span),
                expr: group.expr,
            })
        };
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = regroup(std::mem::take(&mut mac.tokens));
    }
}

/// [`Parenthesize`] in tokens: each invisible group holding an expression
/// made parentheses, or taken away where the expression binds tightest.
///
/// Before: `"{}", $secs * 1000` with `$secs` = `1 + 2`, an invisible group
/// After:  `"{}", (1 + 2) * 1000`
fn regroup(tokens: TokenStream) -> TokenStream {
    let mut out = TokenStream::new();
    for tree in tokens {
        let TokenTree::Group(group) = tree else {
            out.extend([tree]);
            continue;
        };
        let inner = regroup(group.stream());
        if group.delimiter() != Delimiter::None {
            let mut regrouped = Group::new(group.delimiter(), inner);
            regrouped.set_span(group.span());
            out.extend([TokenTree::Group(regrouped)]);
            continue;
        }
        match syn::parse2::<Expr>(inner.clone()) {
            Ok(expr) if binds_tightest(&expr) => out.extend(inner),
            // A `$body:block` may stand where only a block can (a fn's
            // body), and reads the same without the group.
            Ok(Expr::Block(_)) => out.extend(inner),
            Ok(_) => {
                let mut paren = Group::new(Delimiter::Parenthesis, inner);
                paren.set_span(group.span());
                out.extend([TokenTree::Group(paren)]);
            }
            Err(_) => {
                let mut kept = Group::new(Delimiter::None, inner);
                kept.set_span(group.span());
                out.extend([TokenTree::Group(kept)]);
            }
        }
    }
    out
}

/// Does `expr` read the same wherever it stands, without the group: a
/// name, a literal, a delimited expression (`(a, b)`, `[a, b]`, `m!(..)`),
/// or calls, indexes and field reads of one (`f(x)`, `v[0].len()`)? A
/// struct literal is not one (it cannot stand in an `if` condition).
fn binds_tightest(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Path(_) | Expr::Paren(_) | Expr::Tuple(_) | Expr::Array(_) => true,
        Expr::Macro(_) | Expr::Repeat(_) => true,
        Expr::Call(call) => binds_tightest(&call.func),
        Expr::Index(index) => binds_tightest(&index.expr),
        Expr::MethodCall(call) => binds_tightest(&call.receiver),
        Expr::Field(field) => binds_tightest(&field.base),
        _ => false,
    }
}
