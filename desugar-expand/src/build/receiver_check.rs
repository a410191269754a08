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
//! Before: `match Probe::new("t").label().len() { 1 => a().await, _ => 0 }`
//! After:
//! ```text
//! match checked(Probe::new("t"), |mut __value| {
//!     let __of = type_of(&__value);
//!     let __call = || { let _ = __value.label(); };
//!     receiver_moved(__of, &__call);
//! }).label().len() { 1 => a().await, _ => 0 }
//! ```
//! (the call's arguments are values of their types in the check, through
//! tokens declared before the statement: only the receiver decides what
//! the closure captures).

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
    let Expr::Call(call) = receiver else {
        return false;
    };
    let Expr::Path(func) = &*call.func else {
        return false;
    };
    let segments: Vec<String> = func
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    func.path.leading_colon.is_some() && segments == ["desugar", "__private", "checked"]
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
/// After:  `checked(Probe::new("t"), move |mut __value| { .. __value.label(__temporary1.value(), 1) .. })`
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
    let mut tokens = Vec::new();
    let mut args = Vec::new();
    for arg in call.args.iter_mut() {
        if is_literal(arg) {
            args.push(quote!(#arg));
            continue;
        }
        let ident = token();
        let span = arg.span();
        let passed = std::mem::replace(arg, crate::syntax::path(ident.clone()));
        *arg = syn::parse_quote_spanned!(span=> #private::pass(#ident, #passed));
        args.push(quote!(#private::Token::value(#ident)));
        tokens.push(ident);
    }
    let method = &call.method;
    let turbofish = &call.turbofish;
    // Where the compiler points when the check fails: the receiver.
    let check = names::located_at(quote!(#private::receiver_moved(#of, &#closure)), at);
    let receiver = std::mem::replace(&mut *call.receiver, crate::syntax::path(value.clone()));
    *call.receiver = syn::parse_quote_spanned! {Span::mixed_site()=>
        #private::checked(#receiver, move |mut #value| {
            let #of = #private::type_of(&#value);
            let #closure = || { let _ = #value.#method #turbofish (#(#args),*); };
            #check;
        })
    };
    tokens
}
