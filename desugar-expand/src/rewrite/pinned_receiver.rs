//! A receiver written `self: Pin<&mut Self>` given to one of `Pin`'s own
//! methods that take the pin by value (`self.get_mut()`): syntax alone
//! takes the call for a borrow of `self`, which the machine then keeps
//! across a later await and calls through a reference (E0507, "cannot move
//! out of a mutable reference"). The receiver's type is written in the
//! signature, so the call is written as the move it is, which the analysis
//! knows; rustc resolves both forms to the same method.
//!
//! Before: `let this = self.get_mut();` (after `rename_self`: `__self.get_mut()`)
//! After:  `let this = ::core::pin::Pin::get_mut(__self);`

use syn::visit_mut::{self, VisitMut};

use crate::walk::segment_names;

/// `Pin`'s methods that take `self` (the pin itself) by value.
const TAKE_THE_PIN: &[&str] = &[
    "get_mut",
    "get_ref",
    "into_ref",
    "get_unchecked_mut",
    "map_unchecked",
    "map_unchecked_mut",
];

/// Rewrites the calls of `Pin`'s by-value methods on the receiver, if
/// `sig` declares it a `Pin`. Runs after `rename_self`.
pub(crate) fn rewrite_body(body: &mut syn::Block, sig: &syn::Signature) {
    if sig.receiver().is_some_and(
        |receiver| matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if is_pin(ty)),
    ) {
        PinnedReceiver.visit_block_mut(body);
    }
}

/// `Pin<..>`, `std::pin::Pin<..>` or `core::pin::Pin<..>`.
fn is_pin(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => {
            let names = segment_names(&path.path);
            names.last().is_some_and(|name| name == "Pin")
                && (names.len() == 1 || ["std", "core"].contains(&names[0].as_str()))
        }
        syn::Type::Paren(inner) => is_pin(&inner.elem),
        syn::Type::Group(inner) => is_pin(&inner.elem),
        _ => false,
    }
}

struct PinnedReceiver;

impl VisitMut for PinnedReceiver {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        visit_mut::visit_expr_mut(self, expr);
        let syn::Expr::MethodCall(call) = expr else {
            return;
        };
        let on_receiver = matches!(&*call.receiver, syn::Expr::Path(path)
            if path.qself.is_none() && path.path.is_ident("__self"));
        if !on_receiver || !TAKE_THE_PIN.contains(&call.method.to_string().as_str()) {
            return;
        }
        let (method, turbofish) = (&call.method, &call.turbofish);
        let func: syn::Expr = syn::parse_quote_spanned! {method.span()=>
            ::core::pin::Pin::#method #turbofish
        };
        let mut args = syn::punctuated::Punctuated::new();
        args.push((*call.receiver).clone());
        args.extend(call.args.iter().cloned());
        *expr = syn::Expr::Call(syn::ExprCall {
            attrs: std::mem::take(&mut call.attrs),
            func: Box::new(func),
            paren_token: call.paren_token,
            args,
        });
    }

    // A nested item's `self` is its own.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn rewritten(sig: &str, body: &str) -> String {
        let sig: syn::Signature = syn::parse_str(sig).expect("a signature");
        let mut body: syn::Block = syn::parse_str(body).expect("a block");
        rewrite_body(&mut body, &sig);
        body.to_token_stream().to_string()
    }

    #[test]
    fn a_pinned_receiver_given_to_pin_s_own_method_is_moved() {
        let text = rewritten(
            "async fn bump(self: Pin<&mut Self>)",
            "{ let this = __self.get_mut(); __self.as_mut(); }",
        );
        assert!(
            text.contains(":: core :: pin :: Pin :: get_mut (__self)"),
            "{text}"
        );
        assert!(text.contains("__self . as_mut ()"), "{text}");
    }

    #[test]
    fn another_receiver_is_left() {
        for sig in ["async fn bump(&mut self)", "async fn bump(self: Box<Self>)"] {
            let text = rewritten(sig, "{ let this = __self.get_mut(); }");
            assert!(text.contains("__self . get_mut ()"), "{text}");
        }
    }
}
