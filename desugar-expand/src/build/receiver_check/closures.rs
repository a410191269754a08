//! The check's copy of a closure given to the method it checks. Copied as
//! written, a closure whose result's type the code after the call settles
//! (`parts.map(|p| p.parse().unwrap()).collect::<Vec<u32>>()`) does not
//! build in a copy whose result goes nowhere; a method of the standard
//! library's whose closure's type the call settles without it is checked
//! all the same, as the compiler picks the method from the receiver's
//! type alone, whatever the arguments.
//!
//! Where the closure's result is a type of the method's own (`map`,
//! `map_or`, `unwrap_or_else`), the copy is a closure that never returns:
//! its result's type is whatever the method asks, and nothing later needs
//! to settle it.
//!
//! Before: `guard.map_or(0, |x| x.into())`
//! After:  `__value.map_or(0, |_| loop {})`
//!
//! Where the method asks for a `bool` (`find`, `any`, `is_some_and`), or a
//! future of one (a stream's `any`), the closure's own body gives its
//! type: copied as written.
//!
//! Before: `make_iter().find(|p| p.label() == "a")`
//! After:  `__value.find(|p| p.label() == "a")`

use syn::Expr;

/// The standard library's methods whose closure answers with a type
/// parameter of the method's (`map`: `FnOnce(T) -> U`) or one the
/// receiver's type gives (`unwrap_or_else`: `FnOnce() -> T`), with no
/// bound on it: a closure that never returns fits.
const ANSWERED_BY_ANY: &[&str] = &[
    "map",
    "map_or",
    "map_or_else",
    "map_err",
    "unwrap_or_else",
    "ok_or_else",
    "inspect",
    "inspect_err",
    "get_or_insert_with",
];

/// The standard library's methods whose closure answers with a `bool`: a
/// closure that never returns would not fit a stream's, which asks for a
/// future of one, but the closure's own body gives its type.
const ANSWERED_BY_BOOL: &[&str] = &[
    "find",
    "rfind",
    "position",
    "rposition",
    "any",
    "all",
    "filter",
    "take_while",
    "skip_while",
    "is_some_and",
    "is_none_or",
    "is_ok_and",
    "is_err_and",
];

/// What the check's copy of `method`'s call passes for `arg`: `arg`
/// itself, a closure that never returns in its place, or `None` where the
/// copy may not build (see [`typed_by_later_code`]).
pub(super) fn copy_of(method: &syn::Ident, arg: &Expr) -> Option<Expr> {
    let name = method.to_string();
    match crate::walk::strip_parens(arg) {
        Expr::Closure(closure) if closure.asyncness.is_none() => {
            if ANSWERED_BY_ANY.contains(&name.as_str()) {
                Some(never_returning(closure))
            } else {
                ANSWERED_BY_BOOL
                    .contains(&name.as_str())
                    .then(|| arg.clone())
            }
        }
        _ => (!typed_by_later_code(arg)).then(|| arg.clone()),
    }
}

/// A closure taking as many arguments as `closure`, of the types written
/// there, that never returns.
///
/// Before: `|x, y: &u32| x + y`
/// After:  `|_, _: &u32| loop {}`
fn never_returning(closure: &syn::ExprClosure) -> Expr {
    let inputs = closure.inputs.iter().map(|input| match input {
        syn::Pat::Type(typed) => {
            let ty = &typed.ty;
            quote::quote!(_: #ty)
        }
        _ => quote::quote!(_),
    });
    Expr::Verbatim(quote::quote_spanned!(proc_macro2::Span::mixed_site()=> |#(#inputs),*| loop {}))
}

/// May `arg`'s type be inferred from what the code after the call does
/// with its result? A closure's return type may be (`parts.map(|p|
/// p.parse().unwrap()).collect::<Vec<u32>>()`), and so may an `async`
/// block's output or a generic function's (`map(Into::into)`); a copy of
/// the call, whose result goes nowhere, would not build.
fn typed_by_later_code(arg: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {
            self.0 = true;
        }
        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            // `Into::into`, `String::from`; not a constant or a variant
            // (`u32::MAX`, `Level::Info`), whose type is its own.
            let segments = &path.path.segments;
            let names_function = segments.last().is_some_and(|s| {
                s.ident
                    .to_string()
                    .starts_with(|c: char| c.is_lowercase() || c == '_')
            });
            let generic = segments.len() > 1
                && names_function
                && segments.iter().all(|s| s.arguments.is_none())
                || path.qself.is_some();
            self.0 |= generic;
        }
        // A function called is not a value whose type is to be found.
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if !matches!(&*call.func, Expr::Path(_)) {
                syn::visit::visit_expr(self, &call.func);
            }
            for arg in &call.args {
                syn::visit::visit_expr(self, arg);
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, arg);
    finder.0
}
