//! A parameter whose type says its call moves it (`cb: impl FnOnce(u32) ->
//! T`, `Box<dyn FnOnce()>`, `f: F` with `F: FnOnce() -> T`, `impl
//! AsyncFnOnce(u32) -> T`): syntax alone
//! takes a call of a local closure for one that may borrow it (`Fn`), and
//! where what the call gives crosses an await, keeps the closure in place
//! as the borrow's referent, from where the call cannot move it (E0507).
//! The call is written as the move the signature says it is, `{ cb }(..)`,
//! the form the analysis knows for a closure moved into its call.
//!
//! Before: `let made = cb(1); tick().await; made.len()`
//! After:  `let made = { cb }(1); tick().await; made.len()`
//!
//! Not where the body binds the name again (after `let cb = ..;` in its
//! block, in a closure whose parameter it is, in an arm or a loop whose
//! pattern binds it): a call there is of that binding.

use syn::visit_mut::{self, VisitMut};

/// Rewrites the calls of `sig`'s parameters that are called once.
pub(crate) fn rewrite_body(body: &mut syn::Block, sig: &syn::Signature) {
    let generic = called_once_types(&sig.generics);
    let names: Vec<syn::Ident> = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(typed) => Some(typed),
            syn::FnArg::Receiver(_) => None,
        })
        .filter(|typed| {
            called_once(&typed.ty)
                || matches!(&*typed.ty, syn::Type::Path(path) if path.qself.is_none()
                    && path.path.get_ident().is_some_and(|ident| generic.contains(ident)))
        })
        .filter_map(|typed| match &*typed.pat {
            syn::Pat::Ident(pat) if pat.subpat.is_none() => Some(pat.ident.clone()),
            _ => None,
        })
        .collect();
    if !names.is_empty() {
        CalledOnce(names).visit_block_mut(body);
    }
}

/// The names of the parameters called once, where no binding of the body
/// hides them.
struct CalledOnce(Vec<syn::Ident>);

impl super::scoped::Scoped for CalledOnce {
    fn hiding<'p>(
        &mut self,
        pats: impl IntoIterator<Item = &'p syn::Pat>,
        visit: impl FnOnce(&mut Self),
    ) {
        let saved = self.0.clone();
        for pat in pats {
            for binding in crate::walk::patterns::bindings(pat) {
                self.0.retain(|name| *name != binding.ident);
            }
        }
        visit(self);
        self.0 = saved;
    }
}

impl VisitMut for CalledOnce {
    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        visit_mut::visit_expr_call_mut(self, call);
        if let syn::Expr::Path(path) = &*call.func
            && path.qself.is_none()
            && path
                .path
                .get_ident()
                .is_some_and(|ident| self.0.contains(ident))
        {
            let func = &call.func;
            *call.func = syn::parse_quote!({ #func });
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let saved = self.0.clone();
        for stmt in &mut block.stmts {
            self.visit_stmt_mut(stmt);
            if let syn::Stmt::Local(local) = stmt {
                for binding in crate::walk::patterns::bindings(&local.pat) {
                    self.0.retain(|name| *name != binding.ident);
                }
            }
        }
        self.0 = saved;
    }

    super::scoped::scoped_visits!();

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// A closure its call moves, by its type: `impl FnOnce(..) -> R`, or
/// `Box<dyn FnOnce(..) -> R>`.
fn called_once(ty: &syn::Type) -> bool {
    let bounds = match ty {
        syn::Type::ImplTrait(t) => &t.bounds,
        syn::Type::Path(path) => {
            let Some(last) = path.path.segments.last() else {
                return false;
            };
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return false;
            };
            return last.ident == "Box"
                && matches!(args.args.first(), Some(syn::GenericArgument::Type(syn::Type::TraitObject(t)))
                    if is_fn_once(&t.bounds));
        }
        _ => return false,
    };
    is_fn_once(bounds)
}

/// The type parameters bounded by `FnOnce` (`F: FnOnce() -> T`, inline or
/// in the `where` clause).
fn called_once_types(generics: &syn::Generics) -> Vec<syn::Ident> {
    let mut found: Vec<syn::Ident> = generics
        .type_params()
        .filter(|param| is_fn_once(&param.bounds))
        .map(|param| param.ident.clone())
        .collect();
    let predicates = generics
        .where_clause
        .iter()
        .flat_map(|clause| &clause.predicates);
    for predicate in predicates {
        if let syn::WherePredicate::Type(predicate) = predicate
            && is_fn_once(&predicate.bounds)
            && let syn::Type::Path(path) = &predicate.bounded_ty
            && let Some(ident) = path.path.get_ident()
        {
            found.push(ident.clone());
        }
    }
    found
}

fn is_fn_once(bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>) -> bool {
    bounds.iter().any(|bound| {
        matches!(bound, syn::TypeParamBound::Trait(t)
            if t.path.segments.last().is_some_and(|last| last.ident == "FnOnce" || last.ident == "AsyncFnOnce"))
    })
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    fn rewritten(sig: &str, body: &str) -> String {
        let sig: syn::Signature = syn::parse_str(sig).expect("a signature");
        let mut body: syn::Block = syn::parse_str(body).expect("a block");
        super::rewrite_body(&mut body, &sig);
        body.to_token_stream().to_string().replace(' ', "")
    }

    #[test]
    fn calls_of_the_parameter_are_moves_where_no_binding_hides_it() {
        let sig = "async fn f(cb: impl FnOnce(u32) -> u32, g: impl Fn(u32) -> u32)";
        assert_eq!(
            rewritten(sig, "{ let a = cb(1); g(a) }"),
            "{leta={cb}(1);g(a)}"
        );
        assert_eq!(
            rewritten(sig, "{ let a = cb(1); let cb = g; cb(a) }"),
            "{leta={cb}(1);letcb=g;cb(a)}"
        );
        for hidden in [
            "{ let h = |cb: fn(u32) -> u32| cb(1); }",
            "{ match x { Some(cb) => cb(1), None => 0 } }",
            "{ for cb in v { cb(1); } }",
            "{ if let Some(cb) = x { cb(1); } }",
            "{ while let Some(cb) = x.pop() { cb(1); } }",
        ] {
            assert!(!rewritten(sig, hidden).contains("{cb}"), "{hidden}");
        }
        let generic = "async fn f<F: FnOnce() -> u32, G>(f: F, g: G) where G: FnOnce() -> u32";
        // (Printed in parentheses at the start of a statement.)
        assert_eq!(rewritten(generic, "{ f() + g() }"), "{({f})()+{g}()}");
        let boxed = "async fn f(b: Box<dyn FnOnce() + Send>)";
        assert_eq!(rewritten(boxed, "{ b() }"), "{({b})()}");
    }
}
