//! The receiver of a method syntax does not know, made where rustc keeps
//! it across an await if the method borrows it: the expansion asks the
//! compiler whether it does (see `__private::receiver`).
//!
//! rustc keeps the temporaries of a scrutinee to the end of the construct,
//! and those of an awaited call to the end of its statement. A value a
//! method borrows is one (`Probe::new("t")` in
//! `match Probe::new("t").label().len()`); a value a method moves is not
//! (a builder's `send(self)`). Naming the receiver would keep a moved value
//! (a compile error for every builder chain), so it is left unnamed, and
//! the machine would drop a borrowed one before the await. So the receiver
//! goes through a check that never runs, which calls the method on a value
//! of its type in a closure whose captures tell a borrow from a move:
//!
//! Before: `match Probe::new("t").label(&name).len() { 1 => a().await, _ => 0 }`
//! After:
//! ```text
//! let __temporary1 = Token::new();
//! match checked(Probe::new("t"), (__temporary1,), |mut __value, (__temporary1,)| {
//!     let __of = type_of(&__value);
//!     let __call = || { let _ = __value.label(__temporary1.value()); };
//!     receiver_moved(__of, &__call);
//! }).label(pass(__temporary1, &name)).len() { 1 => a().await, _ => 0 }
//! ```
//! The arguments are values of their own types in the check, through a
//! token each (a literal is copied): a generic parameter gets its type
//! from the call. The check captures nothing; only the receiver decides
//! what its inner closure captures.

use proc_macro2::Span;
use quote::quote;
use syn::Expr;
use syn::spanned::Spanned;

use super::awaits::has_await;
use crate::names;
use crate::walk;

/// Does `call`'s receiver need the check? Its method is not one syntax
/// knows, and the receiver is a value with something that may drop (not
/// a place, a literal, a reference or an awaited value, which the
/// expansion keeps itself). A receiver made before an await in the
/// arguments is named by the statement's own lowering, and kept
/// (`match Counter::new("c").add(number(2).await)`).
pub(crate) fn needed(call: &syn::ExprMethodCall) -> bool {
    let method = call.method.to_string();
    let known = walk::borrows_receiver(&call.method)
        || walk::consumes_receiver(&call.method)
        || walk::copy::NUMERIC.contains(&method.as_str());
    !known
        && is_made_value(&call.receiver)
        && !is_checked(&call.receiver)
        && !call.args.iter().any(has_await)
}

/// `"a"`, `1`, `-1`.
fn is_literal(arg: &Expr) -> bool {
    match arg {
        Expr::Lit(_) => true,
        Expr::Unary(e) => matches!(e.op, syn::UnOp::Neg(_)) && matches!(&*e.expr, Expr::Lit(_)),
        _ => false,
    }
}

/// Is it a receiver [`wrap`] made already? (A construct is lowered again
/// once its scrutinee's temporaries are named, and an `if let`'s scrutinee
/// stays where it was.)
fn is_checked(receiver: &Expr) -> bool {
    matches!(receiver, Expr::Call(call) if checked_receiver(call).is_some())
}

/// The receiver `call` checks, if it is a check [`wrap`] wrote: the
/// closure beside it is never kept, and holds nothing of the user's.
pub(crate) fn checked_receiver(call: &syn::ExprCall) -> Option<&Expr> {
    wrapped_by(call, "checked", 0)
}

/// What `expr` wraps, if it is a call [`wrap`] wrote: the receiver of
/// `checked`, the argument of `pass`.
fn wrapped(expr: &Expr) -> Option<&Expr> {
    let Expr::Call(call) = expr else {
        return None;
    };
    wrapped_by(call, "checked", 0).or_else(|| wrapped_by(call, "pass", 1))
}

/// Argument `index` of `call`, if it calls `::desugar::__private::<helper>`.
fn wrapped_by<'e>(call: &'e syn::ExprCall, helper: &str, index: usize) -> Option<&'e Expr> {
    let Expr::Path(func) = &*call.func else {
        return None;
    };
    let mut segments = func.path.segments.iter().map(|s| s.ident.to_string());
    let ours = func.path.leading_colon.is_some()
        && segments.next().as_deref() == Some("desugar")
        && segments.next().as_deref() == Some("__private")
        && segments.next().as_deref() == Some(helper)
        && segments.next().is_none();
    ours.then(|| call.args.iter().nth(index)).flatten()
}

/// `expr` as the user wrote it, for a description: the checks taken out.
///
/// Before: `checked(Probe::new("t"), (__temporary1,), |mut __value, (__temporary1,)| { .. }).label(pass(__temporary1, &name))`
/// After:  `Probe::new("t").label(&name)`
pub(crate) fn unwrapped(expr: &Expr) -> Expr {
    struct Unwrap;
    impl syn::visit_mut::VisitMut for Unwrap {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            while let Some(inner) = wrapped(expr) {
                *expr = inner.clone();
            }
            syn::visit_mut::visit_expr_mut(self, expr);
        }
    }
    let mut expr = expr.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Unwrap, &mut expr);
    expr
}

/// A value the expression makes (a call's result, a literal struct, a
/// block's value), rather than a place, a reference or what is most often
/// a number (an operator's or a cast's result).
fn is_made_value(expr: &Expr) -> bool {
    match expr {
        Expr::Paren(e) => is_made_value(&e.expr),
        Expr::Group(e) => is_made_value(&e.expr),
        Expr::Try(e) => !matches!(&*e.expr, Expr::Await(_)),
        Expr::Path(_)
        | Expr::Unary(_)
        | Expr::Field(_)
        | Expr::Index(_)
        | Expr::Lit(_)
        | Expr::Reference(_)
        | Expr::RawAddr(_)
        | Expr::Closure(_)
        | Expr::Await(_)
        | Expr::Cast(_)
        | Expr::Binary(_) => false,
        _ => true,
    }
}

/// Puts `call`'s receiver through the check, and each argument but a
/// literal through a token of its own, which the check calls the method
/// with: a generic parameter gets its type from the call. Returns the
/// tokens, to be declared before the statement.
///
/// Before: `Probe::new("t").label(&name, 1)`
/// After:  `checked(Probe::new("t"), (__temporary1,), |mut __value, (__temporary1,)| { .. })`
///         `.label(pass(__temporary1, &name), 1)`
pub(crate) fn wrap(
    call: &mut syn::ExprMethodCall,
    mut token: impl FnMut() -> syn::Ident,
) -> Vec<syn::Ident> {
    let at = call.receiver.span();
    let private = names::private();
    let value = names::hidden("__value");
    let of = names::hidden("__of");
    let closure = names::hidden("__call");
    let tokens: Vec<Option<syn::Ident>> = call
        .args
        .iter()
        .map(|arg| (!is_literal(arg)).then(&mut token))
        .collect();
    let args = call
        .args
        .iter()
        .zip(&tokens)
        .map(|(arg, token)| match token {
            Some(token) => quote!(#private::Token::value(#token)),
            None => quote!(#arg),
        });
    let method = &call.method;
    let turbofish = &call.turbofish;
    // Where the compiler points when the check fails: the receiver.
    let verdict = names::located_at(quote!(#private::receiver_moved(#of, &#closure)), at);
    let given: Vec<&syn::Ident> = tokens.iter().flatten().collect();
    let check = quote::quote_spanned! {Span::mixed_site()=>
        |mut #value, (#(#given,)*)| {
            let #of = #private::type_of(&#value);
            let #closure = || { let _ = #value.#method #turbofish (#(#args),*); };
            #verdict;
        }
    };
    // Only the method's name, its turbofish and literals are the user's
    // here, all parsed once already; a check that does not parse is left
    // out rather than have the macro panic.
    let Ok(check) = syn::parse2::<Expr>(check) else {
        return Vec::new();
    };
    for (arg, token) in call.args.iter_mut().zip(&tokens) {
        if let Some(token) = token {
            let span = arg.span();
            let passed = std::mem::replace(arg, crate::syntax::path(token.clone()));
            *arg = crate::syntax::private_call(
                "pass",
                vec![crate::syntax::path(token.clone()), passed],
                span,
            );
        }
    }
    let mut elems: syn::punctuated::Punctuated<Expr, syn::Token![,]> = given
        .into_iter()
        .cloned()
        .map(crate::syntax::path)
        .collect();
    if elems.len() == 1 {
        elems.push_punct(Default::default());
    }
    let given = Expr::Tuple(syn::ExprTuple {
        attrs: Vec::new(),
        paren_token: Default::default(),
        elems,
    });
    let receiver = std::mem::replace(&mut *call.receiver, crate::syntax::path(value));
    *call.receiver = crate::syntax::private_call("checked", vec![receiver, given, check], at);
    tokens.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn call(text: &str) -> syn::ExprMethodCall {
        syn::parse_str(text).expect("a method call")
    }

    #[test]
    fn a_description_shows_the_call_as_written() {
        let mut outer = call(r#"Leaf::new("a").pending(1).ready(x)"#);
        let mut n = 0;
        let mut token = || {
            n += 1;
            names::hidden(&format!("__temporary{n}"))
        };
        assert!(needed(&outer));
        let Expr::MethodCall(inner) = &mut *outer.receiver else {
            unreachable!("a chain")
        };
        assert!(needed(inner));
        assert!(
            wrap(inner, &mut token).is_empty(),
            "a literal needs no token"
        );
        assert_eq!(wrap(&mut outer, &mut token).len(), 1);
        let wrapped = Expr::MethodCall(outer);
        let text = wrapped.to_token_stream().to_string();
        assert!(text.contains("checked") && text.contains("pass"), "{text}");
        assert_eq!(
            unwrapped(&wrapped).to_token_stream().to_string(),
            call(r#"Leaf::new("a").pending(1).ready(x)"#)
                .to_token_stream()
                .to_string()
        );
    }

    #[test]
    fn places_references_and_known_methods_are_not_checked() {
        for text in [
            "probe.label()",
            "(&make()).label()",
            "make().len()",
            "make().unwrap()",
            "f().await.label()",
            "make().label(g().await)",
        ] {
            assert!(!needed(&call(text)), "{text}");
        }
        assert!(needed(&call("make().label()")));
        assert!(needed(&call("Named { p }.label(&x, 1)")));
    }
}
