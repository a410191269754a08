//! A local the machine keeps in place given to a method syntax does not
//! know: the call is checked for a method taking `self`, which cannot move
//! the local out of its place (see `__private::receiver_in_place`).
//!
//! Syntax cannot tell `send(self)` from `send(&self)`. The machine keeps
//! in place a local the awaited future may borrow, and reaches it through
//! a reference there, which is right for the borrowing methods, the more
//! common; a builder's `send(self)` then fails rustc's borrow check with a
//! bare E0507 ("cannot move out of a shared reference") at the user's
//! code. The check makes it an error of the type check instead, at the
//! receiver, that says what to write (`Req::send(req)`, `{ req }.send()`);
//! rustc does not borrow-check a function whose type check failed, so the
//! E0507 does not show. It never runs, and asks nothing of a method that
//! borrows.
//!
//! Before: `(*req).send()` (`req` kept in place; its uses rewritten)
//! After:
//! ```text
//! Checked((*req).send()).with({
//!     let __witness = PhantomData;
//!     if false {
//!         let mut __found = None;
//!         receiver_in_place(&__found);
//!         loop {}
//!         {
//!             let mut __value = in_place(&__home_req);
//!             __found = Some(once(|| { same_as(__witness, __value.value.send()); }));
//!         };
//!     }
//!     Check(__witness)
//! })
//! ```
//! The copy of the call is given the call's type (`same_as`), so that a
//! result whose type the caller chooses (`let v: String =
//! con.get(key).await?`) is typed as the call's (not where a closure is
//! given, whose copy is of another type, which an adapter's result
//! holds); the closure is an
//! `FnOnce` (`once`), so that what the copy answers may borrow the value
//! it captures (`conn.transaction()`). The call is the receiver of
//! `Checked(..).with(..)`, not an argument of `checked(..)`: a receiver
//! gets no type from what the code around it expects, so the check's type
//! is the call's own (`&String` of `fn key(&self) -> &String`), and the
//! result is coerced where it is used, as rustc coerces the call's (`let
//! r: &str = k.key();`, `load(v.key())` with `load(&str)`, `let r: &u32 =
//! slot.get_or_insert_with(..)`); an argument of a generic fn would take
//! the expected `&str` as its type, and the copy's `&String` would not
//! match it.

use proc_macro2::Span;
use quote::quote;
use syn::Expr;
use syn::spanned::Spanned;

use super::{copied_args, holds_macro};
use crate::names;

/// Puts `call`, a method call whose receiver is a local kept in place
/// whose owner is `home`, through the check. Left unchecked where the
/// arguments cannot be copied (see `copied_args`), or hold a macro, which
/// may move a local into the check's closure and read as the receiver
/// moved. `temporary`: the local holds a value the user's code made for
/// the method, not a local of the user's, and the message says so
/// (`__private::temporary_in_place`).
pub(crate) fn in_place(call: &mut Expr, home: &syn::Ident, temporary: bool) {
    let Expr::MethodCall(method_call) = &*call else {
        return;
    };
    if !checkable(method_call) {
        return;
    }
    let Some(args) = copied_args(method_call) else {
        return;
    };
    let at = method_call.receiver.span();
    let private = names::private();
    let witness = names::hidden("__witness");
    let found = names::hidden("__found");
    let value = names::hidden("__value");
    let method = &method_call.method;
    let turbofish = &method_call.turbofish;
    let of = if temporary {
        quote!(temporary_in_place)
    } else {
        quote!(in_place)
    };
    let copied = quote!(#value.value.#method #turbofish (#(#args),*));
    // A closure given is copied as a closure of another type, which the
    // result of an adapter holds (`s.take_while(|x| *x < 3)`'s
    // `TakeWhile<'_, F>`): that copy's result is not of the call's type,
    // and is left untied.
    let used = if closure_given(method_call) {
        quote!(let _ = #copied)
    } else {
        quote!(#private::same_as(#witness, #copied))
    };
    let copy = quote::quote_spanned! {Span::mixed_site()=>
        let mut #value = #private::#of(&#home);
        #found = ::core::option::Option::Some(#private::once(|| {
            #used;
        }));
    };
    let Some(check) = super::unreachable_check(quote!(#private::receiver_in_place), at, copy)
    else {
        return;
    };
    let value = std::mem::replace(call, Expr::Verbatim(Default::default()));
    *call = Expr::MethodCall(syn::ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(crate::syntax::private_call("Checked", vec![value], at)),
        dot_token: Default::default(),
        method: syn::Ident::new("with", Span::call_site().located_at(at)),
        turbofish: None,
        paren_token: Default::default(),
        args: std::iter::once(check).collect(),
    });
}

/// Is one of `call`'s arguments a closure, which the check copies (see
/// `closures::copy_of`)?
fn closure_given(call: &syn::ExprMethodCall) -> bool {
    call.args.iter().any(|arg| {
        matches!(
            crate::walk::strip_parens(&super::unwrapped(arg)),
            Expr::Closure(_)
        )
    })
}

/// Can [`in_place`] check `call`? Not where its arguments cannot be
/// copied or hold a macro.
pub(crate) fn checkable(call: &syn::ExprMethodCall) -> bool {
    !call.args.iter().any(holds_macro) && copied_args(call).is_some()
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    #[test]
    fn a_call_is_checked_unless_its_arguments_cannot_be_copied() {
        let home = names::hidden("__home_req");
        for (text, checked) in [
            ("(*req).send()", true),
            ("(*req).header(3)", true),
            ("(*req).get::<String>(&key)", true),
            ("(*req).body(vec![name])", false),
            ("(*req).body(f()?)", false),
            ("(*req).and_then_with(|x| x + 1)", false),
        ] {
            let mut expr: Expr = syn::parse_str(text).expect("a call");
            in_place(&mut expr, &home, false);
            let text = expr.to_token_stream().to_string();
            assert_eq!(text.contains("receiver_in_place"), checked, "{text}");
            if checked {
                assert!(text.contains("__home_req"), "{text}");
            }
        }
    }
}
