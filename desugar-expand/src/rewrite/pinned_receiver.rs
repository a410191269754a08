//! Calls of `Pin`'s own methods that take the pin by value
//! (`pin.get_mut()`), on a value the code visibly makes a `Pin`: syntax
//! alone takes `get_mut` for a borrowing method (`Cell::get_mut(&mut
//! self)`, `Mutex::get_mut`), so the machine keeps its receiver, the pin,
//! in place across a later await and calls the method through a
//! reference, from where it cannot move the pin (E0507, "cannot move out
//! of a mutable reference"). Where the receiver is visibly a pin, the call
//! is written as the move it is, which the analysis knows; rustc resolves
//! both forms to the same method.
//!
//! A value is visibly a pin where it is:
//! - the receiver, written `self: Pin<&mut Self>` (any `Pin<..>`), given
//!   to one of [`TAKE_THE_PIN`] itself;
//! - a parameter typed `Pin<&mut T>` or `Pin<&T>`, or a local pinned by
//!   `pin!` (`let rx = pin!(rx);`, `pin_mut!(rx);`, `tokio::pin!(rx);`),
//!   given to one of the methods of its kind of pin;
//! - `p.as_mut()` or `p.as_ref()` on any of those, on a parameter typed
//!   `Pin<..>` (`Pin<Box<T>>`), or on a local bound to `Box::pin(..)`:
//!   `Pin::as_mut` gives a `Pin<&mut T>` (`get_mut`, `into_ref`,
//!   `get_unchecked_mut`, `map_unchecked_mut`), `Pin::as_ref` a `Pin<&T>`
//!   (`get_ref`, `map_unchecked`).
//!
//! Not where the body binds the name again (a `let` of another value, a
//! closure's parameter, an arm's or a loop's pattern): a call there is of
//! that binding.
//!
//! Before: `let this = self.get_mut();` (after `rename_self`: `__self.get_mut()`)
//! After:  `let this = ::core::pin::Pin::get_mut(__self);`
//!
//! Before: `while let Some(x) = rx.as_mut().get_mut().recv().await { .. }` (`let mut rx = pin!(rx);`)
//! After:  `while let Some(x) = ::core::pin::Pin::get_mut(rx.as_mut()).recv().await { .. }`

use syn::visit_mut::{self, VisitMut};

use crate::walk::patterns::bindings;
use crate::walk::{OF_PIN_MUT, OF_PIN_REF, segment_names, strip_parens};

/// `Pin`'s methods that take `self` (the pin itself) by value.
const TAKE_THE_PIN: &[&str] = &[
    "get_mut",
    "get_ref",
    "into_ref",
    "get_unchecked_mut",
    "map_unchecked",
    "map_unchecked_mut",
];

/// What a name visibly holds.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Pinned {
    /// The receiver `self: Pin<..>`: every one of [`TAKE_THE_PIN`] on it
    /// is `Pin`'s.
    Receiver,
    /// A `Pin<&mut T>`: a parameter so typed, a local `pin!` pins.
    Mut,
    /// A `Pin<&T>`: a parameter so typed.
    Shared,
    /// Another pin (`Pin<Box<T>>`, `Box::pin(..)`): only what its
    /// `as_mut()` and `as_ref()` give is known.
    Other,
}

impl Pinned {
    /// The by-value methods of `Pin` a call of `method` on the value
    /// itself is.
    fn takes_itself(self, method: &syn::Ident) -> bool {
        let list = match self {
            Pinned::Receiver => TAKE_THE_PIN,
            Pinned::Mut => OF_PIN_MUT,
            Pinned::Shared => OF_PIN_REF,
            Pinned::Other => &[],
        };
        list.iter().any(|name| method == name)
    }
}

/// Rewrites the calls of `Pin`'s by-value methods on what the body
/// visibly pins. Runs after `rename_self`, before `pinning` (which hides
/// what `pin!` pins).
pub(crate) fn rewrite_body(body: &mut syn::Block, sig: &syn::Signature) {
    let mut names = Vec::new();
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(receiver) => {
                if let syn::ReceiverKind::Typed(_, ty) = &receiver.kind
                    && pin_type(ty).is_some()
                {
                    let ident = syn::Ident::new("__self", receiver.self_token.span);
                    names.push((ident, Pinned::Receiver));
                }
            }
            syn::FnArg::Typed(typed) => {
                if let syn::Pat::Ident(pat) = &*typed.pat
                    && pat.subpat.is_none()
                    && pat.by_ref.is_none()
                    && let Some(pinned) = pin_type(&typed.ty)
                {
                    names.push((pat.ident.clone(), pinned));
                }
            }
        }
    }
    PinnedReceiver(names).visit_block_mut(body);
}

/// What a `Pin<..>`, `std::pin::Pin<..>` or `core::pin::Pin<..>` holds,
/// by its pointer's type.
fn pin_type(ty: &syn::Type) -> Option<Pinned> {
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => {
            let names = segment_names(&path.path);
            let is_pin = names.last().is_some_and(|name| name == "Pin")
                && (names.len() == 1 || ["std", "core"].contains(&names[0].as_str()));
            if !is_pin {
                return None;
            }
            let pointer = match &path.path.segments.last()?.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.first(),
                _ => None,
            };
            Some(match pointer {
                Some(syn::GenericArgument::Type(syn::Type::Reference(r))) => {
                    if r.mutability.is_some() {
                        Pinned::Mut
                    } else {
                        Pinned::Shared
                    }
                }
                _ => Pinned::Other,
            })
        }
        syn::Type::Paren(inner) => pin_type(&inner.elem),
        syn::Type::Group(inner) => pin_type(&inner.elem),
        _ => None,
    }
}

/// What `init`, a `let`'s initializer, visibly makes: a `Pin<&mut T>`
/// (`pin!(..)`) or another pin (`Box::pin(..)`).
fn pinned_by(init: &syn::Expr) -> Option<Pinned> {
    match init {
        syn::Expr::Macro(mac) if is_macro(&mac.mac, &["pin"]) => Some(Pinned::Mut),
        syn::Expr::Call(call) => match &*call.func {
            syn::Expr::Path(func) if func.qself.is_none() => {
                let names = segment_names(&func.path);
                matches!(names.as_slice(), [.., owner, name] if owner == "Box" && name == "pin")
                    .then_some(Pinned::Other)
            }
            _ => None,
        },
        syn::Expr::Paren(inner) => pinned_by(&inner.expr),
        _ => None,
    }
}

fn is_macro(mac: &syn::Macro, names: &[&str]) -> bool {
    mac.path
        .segments
        .last()
        .is_some_and(|segment| names.iter().any(|name| segment.ident == name))
}

/// The names visibly bound to a pin, where no later binding hides them.
struct PinnedReceiver(Vec<(syn::Ident, Pinned)>);

impl PinnedReceiver {
    /// What `expr` is, if it is a name visibly bound to a pin.
    fn pinned(&self, expr: &syn::Expr) -> Option<Pinned> {
        let syn::Expr::Path(path) = expr else {
            return None;
        };
        let ident = path.path.get_ident().filter(|_| path.qself.is_none())?;
        // The newest binding of the name decides.
        self.0
            .iter()
            .rev()
            .find(|(name, _)| name == ident)
            .map(|&(_, pinned)| pinned)
    }

    /// Binds the names of `pat` to what `pinned` says (`None`: hides them).
    fn bind(&mut self, pat: &syn::Pat, pinned: Option<Pinned>) {
        for binding in bindings(pat) {
            self.0.retain(|(name, _)| *name != binding.ident);
            if let Some(pinned) = pinned {
                self.0.push((binding.ident, pinned));
            }
        }
    }

    /// Is `call` one of `Pin`'s by-value methods on a visible pin?
    fn takes_the_pin(&self, call: &syn::ExprMethodCall) -> bool {
        let receiver = strip_parens(&call.receiver);
        if let Some(pinned) = self.pinned(receiver) {
            return pinned.takes_itself(&call.method);
        }
        // `p.as_mut().get_mut()`, `p.as_ref().get_ref()`.
        let syn::Expr::MethodCall(inner) = receiver else {
            return false;
        };
        crate::walk::takes_view_whole(call) && self.pinned(strip_parens(&inner.receiver)).is_some()
    }
}

impl super::scoped::Scoped for PinnedReceiver {
    fn hiding<'p>(
        &mut self,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
        visit: impl FnOnce(&mut Self),
    ) {
        let saved = self.0.clone();
        for pat in pats {
            self.bind(pat, None);
        }
        visit(self);
        self.0 = saved;
    }
}

impl VisitMut for PinnedReceiver {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        visit_mut::visit_expr_mut(self, expr);
        let syn::Expr::MethodCall(call) = expr else {
            return;
        };
        if !self.takes_the_pin(call) {
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

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let saved = self.0.clone();
        for stmt in &mut block.stmts {
            self.visit_stmt_mut(stmt);
            match stmt {
                syn::Stmt::Local(local) => {
                    let pinned = local
                        .init
                        .as_ref()
                        .filter(|init| init.diverge.is_none())
                        .and_then(|init| pinned_by(&init.expr));
                    // `let rx = pin!(rx);` binds one name to the pin.
                    let pinned = pinned.filter(|_| {
                        matches!(strip_pat(&local.pat), syn::Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none())
                    });
                    self.bind(&local.pat, pinned);
                }
                // `pin_mut!(a, b);`, `tokio::pin!(a);`: each local shadowed
                // by a pin of its value.
                syn::Stmt::Macro(mac) if is_macro(&mac.mac, &["pin_mut", "pin"]) => {
                    let locals = mac.mac.parse_body_with(
                        syn::punctuated::Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated,
                    );
                    for local in locals.into_iter().flatten() {
                        self.0.retain(|(name, _)| *name != local);
                        self.0.push((local, Pinned::Mut));
                    }
                }
                _ => {}
            }
        }
        self.0 = saved;
    }

    super::scoped::scoped_visits!();

    // A nested item's names and `self` are its own.
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `mut rx: Pin<..>` as `mut rx`.
fn strip_pat(pat: &syn::Pat) -> &syn::Pat {
    match pat {
        syn::Pat::Type(typed) => strip_pat(&typed.pat),
        syn::Pat::Paren(inner) => strip_pat(&inner.pat),
        _ => pat,
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn rewritten(sig: &str, body: &str) -> String {
        let sig: syn::Signature = syn::parse_str(sig).expect("a signature");
        let mut body: syn::Block = syn::parse_str(body).expect("a block");
        rewrite_body(&mut body, &sig);
        body.to_token_stream().to_string().replace(' ', "")
    }

    #[test]
    fn a_pinned_receiver_given_to_pin_s_own_method_is_moved() {
        let text = rewritten(
            "async fn bump(self: Pin<&mut Self>)",
            "{ let this = __self.get_mut(); __self.as_mut(); }",
        );
        assert!(text.contains("::core::pin::Pin::get_mut(__self)"), "{text}");
        assert!(text.contains("__self.as_mut()"), "{text}");
        let text = rewritten(
            "async fn bump(mut self: Pin<&mut Self>)",
            "{ __self.as_mut().get_mut().n += 1; }",
        );
        assert!(
            text.contains("::core::pin::Pin::get_mut(__self.as_mut())"),
            "{text}"
        );
    }

    #[test]
    fn another_receiver_is_left() {
        for sig in ["async fn bump(&mut self)", "async fn bump(self: Box<Self>)"] {
            let text = rewritten(sig, "{ let this = __self.get_mut(); }");
            assert!(text.contains("__self.get_mut()"), "{text}");
        }
    }

    #[test]
    fn a_pinned_local_s_as_mut_given_to_pin_s_own_method_is_moved() {
        let sig = "async fn f(rx: Rx, p: Pin<&mut Rx>, b: Pin<Box<Rx>>, s: Pin<&Rx>)";
        for (body, out) in [
            (
                "{ let mut rx = pin!(rx); rx.as_mut().get_mut().recv() }",
                "::core::pin::Pin::get_mut(rx.as_mut()).recv()",
            ),
            (
                "{ pin_mut!(rx); rx.as_mut().get_mut() }",
                "::core::pin::Pin::get_mut(rx.as_mut())",
            ),
            (
                "{ tokio::pin!(rx); rx.get_mut() }",
                "::core::pin::Pin::get_mut(rx)",
            ),
            ("{ p.get_mut() }", "::core::pin::Pin::get_mut(p)"),
            ("{ s.get_ref() }", "::core::pin::Pin::get_ref(s)"),
            (
                "{ b.as_mut().get_mut() }",
                "::core::pin::Pin::get_mut(b.as_mut())",
            ),
            (
                "{ let mut q = Box::pin(rx); q.as_ref().get_ref() }",
                "::core::pin::Pin::get_ref(q.as_ref())",
            ),
        ] {
            let text = rewritten(sig, body);
            assert!(text.contains(out), "{body}: {text}");
        }
    }

    #[test]
    fn what_is_not_visibly_a_pin_is_left() {
        let sig = "async fn f(rx: Rx, p: Pin<&mut Rx>, b: Pin<Box<Rx>>, s: Pin<&Rx>)";
        for body in [
            // Not a pin.
            "{ rx.as_mut().get_mut() }",
            "{ let rx = make(); rx.get_mut() }",
            // Bound again.
            "{ let mut rx = pin!(rx); let rx = other(); rx.as_mut().get_mut() }",
            "{ let p = make(); p.get_mut() }",
            "{ let f = |p: &mut Cell<u8>| p.get_mut(); }",
            "{ match x { Some(p) => p.get_mut(), None => 0 } }",
            "{ for p in v { p.get_mut(); } }",
            "{ if let Some(p) = x { p.get_mut(); } }",
            // Not a method of that kind of pin, which rustc finds on what it points to.
            "{ b.get_mut() }",
            "{ p.get_ref() }",
            "{ s.get_mut() }",
            "{ p.as_ref().get_mut() }",
            "{ p.as_mut().get_ref() }",
        ] {
            let text = rewritten(sig, body);
            assert!(!text.contains("::core::pin::Pin::"), "{body}: {text}");
        }
        // The pin is back in sight after the block that hid it.
        let text = rewritten(sig, "{ { let p = make(); } p.get_mut() }");
        assert!(text.contains("::core::pin::Pin::get_mut(p)"), "{text}");
    }
}
