//! A destructuring assignment, as rustc lowers it: a `let` that takes the
//! value apart into fresh locals, then one plain assignment per place, in
//! order. The engine reads plain assignments (`a = v`): a local given a new
//! value there is assigned, not moved, so it is kept to the end of its
//! scope as in rustc.
//!
//! Before: `(a, b) = (b, a);`
//! After:  `{ let (__lhs1, __lhs2) = (b, a); a = __lhs1; b = __lhs2; };`
//!
//! Before: `Point { x, y: _ } = fetch().await;`
//! After:  `{ let Point { x: __lhs1, y: _ } = fetch().await; x = __lhs1; };`
//!
//! It is rustc's own lowering (the value's temporaries drop at the end of
//! the `let`, before the old values of the places), so nothing runs in
//! another order. `_` and `..` stay patterns, as do paths that name no
//! local (`None`, a unit struct or a constant: `(Some(a), None) = pair`).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat};

use crate::names;

pub(crate) fn rewrite_body(body: &mut syn::Block) {
    Destructuring.visit_block_mut(body);
}

struct Destructuring;

impl VisitMut for Destructuring {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        visit_mut::visit_expr_mut(self, expr);
        if let Expr::Assign(assign) = expr
            && destructures(&assign.left)
            && let Some(lowered) = lower(assign)
        {
            *expr = lowered;
        }
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Is `left` a pattern of places rather than one place?
fn destructures(left: &Expr) -> bool {
    match left {
        Expr::Tuple(_) | Expr::Array(_) | Expr::Struct(_) | Expr::Call(_) => true,
        Expr::Paren(e) => is_rest(&e.expr) || destructures(&e.expr),
        _ => false,
    }
}

/// `{ let pattern = value; place = __lhs1; .. }`, or `None` for what is not
/// a destructuring rustc accepts (`S { ..base } = s`), left to rustc's error.
fn lower(assign: &syn::ExprAssign) -> Option<Expr> {
    let mut places = Vec::new();
    let pattern = pattern(&assign.left, &mut places)?;
    let value = &assign.right;
    let span = assign.left.span();
    let assignments = places.iter().map(|(place, fresh)| -> syn::Stmt {
        syn::parse_quote_spanned!(place.span()=> #place = #fresh;)
    });
    Some(syn::parse_quote_spanned! {span=>
        {
            let #pattern = #value;
            #(#assignments)*
        }
    })
}

/// The pattern `left` stands for, its places pushed with the fresh local
/// each one takes its value from.
fn pattern(left: &Expr, places: &mut Vec<(Expr, syn::Ident)>) -> Option<Pat> {
    let pat = match left {
        Expr::Infer(e) => Pat::Wild(syn::PatWild {
            attrs: Vec::new(),
            underscore_token: e.underscore_token,
        }),
        Expr::Range(e) if is_rest(left) => Pat::Rest(syn::PatRest {
            attrs: Vec::new(),
            dot2_token: syn::Token![..](e.span()),
        }),
        Expr::Paren(e) if is_rest(&e.expr) => syn::parse_quote_spanned!(e.span()=> (..)),
        Expr::Paren(e) => return pattern(&e.expr, places),
        Expr::Tuple(e) => {
            let elems = elements(e.elems.iter(), places)?;
            let trailing = (e.elems.len() == 1).then(syn::token::Comma::default);
            syn::parse_quote_spanned!(e.span()=> (#(#elems),* #trailing))
        }
        Expr::Array(e) => {
            let elems = elements(e.elems.iter(), places)?;
            syn::parse_quote_spanned!(e.span()=> [#(#elems),*])
        }
        Expr::Call(e) => {
            let Expr::Path(path) = &*e.func else {
                return None;
            };
            let elems = elements(e.args.iter(), places)?;
            syn::parse_quote_spanned!(e.span()=> #path(#(#elems),*))
        }
        Expr::Struct(e) => {
            if e.rest.is_some() {
                return None;
            }
            let path = &e.path;
            let mut fields = Vec::new();
            for field in &e.fields {
                let member = &field.member;
                let sub = pattern(&field.expr, places)?;
                fields.push(quote::quote_spanned!(field.span()=> #member: #sub));
            }
            let rest = e.dot2_token.map(|dots| match fields.is_empty() {
                true => quote::quote!(#dots),
                false => quote::quote!(, #dots),
            });
            syn::parse_quote_spanned!(e.span()=> #path { #(#fields),* #rest })
        }
        Expr::Path(path) if !names_local(path) => Pat::Path(path.clone()),
        place if assignable(place) => {
            let fresh = fresh(places.len() + 1, place.span());
            places.push((place.clone(), fresh.clone()));
            Pat::Ident(syn::PatIdent {
                attrs: Vec::new(),
                by_ref: None,
                mutability: None,
                ident: fresh,
                subpat: None,
            })
        }
        // Not a place (`[..a.0] = v`, a range): left to rustc's error.
        _ => return None,
    };
    Some(pat)
}

fn elements<'a>(
    elems: impl Iterator<Item = &'a Expr>,
    places: &mut Vec<(Expr, syn::Ident)>,
) -> Option<Vec<Pat>> {
    elems.map(|elem| pattern(elem, places)).collect()
}

/// Can `expr` stand on the left of `=`: a local, a field, an index, a
/// dereference?
fn assignable(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) => true,
        Expr::Unary(e) => matches!(e.op, syn::UnOp::Deref(_)),
        Expr::Paren(e) => assignable(&e.expr),
        _ => false,
    }
}

/// `..` in a tuple or slice: the elements it skips stay in the value.
fn is_rest(expr: &Expr) -> bool {
    matches!(expr, Expr::Range(e)
        if e.start.is_none() && e.end.is_none() && matches!(e.limits, syn::RangeLimits::HalfOpen(_)))
}

/// rustc resolves the path: a local is assigned, anything else (a unit
/// struct, a variant, a constant) is matched. Syntax reads a lone
/// lowercase name as a local, as Rust's naming conventions have it.
fn names_local(path: &syn::ExprPath) -> bool {
    path.qself.is_none()
        && path.path.get_ident().is_some_and(|ident| {
            !ident
                .to_string()
                .starts_with(|c: char| c.is_ascii_uppercase())
        })
}

fn fresh(index: usize, at: Span) -> syn::Ident {
    let mut ident = names::hidden(&format!("__lhs{index}"));
    ident.set_span(ident.span().located_at(at));
    ident
}
