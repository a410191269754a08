//! Values that are visibly an `Option`, a `Result` or a `bool`, whose
//! `map`, `and_then`, `filter`, `then` or `map_err` runs the closure given
//! to it at once and gives a value that does not hold it, where an
//! iterator's, a future's or a stream's methods so named keep the closure
//! in the adapter they give (`v.iter().map(f)`).
//!
//! Syntax cannot tell the two apart by the method's name, so a closure
//! given to such a method is taken to be run at once only where the
//! receiver is visibly one of these types: made by `Some(..)`, `None`,
//! `Ok(..)`, `Err(..)`, a comparison, a method of the standard library
//! that gives one (`v.pop()`, `s.parse()`, `m.get(k)`, `v.is_empty()`),
//! a chain of their own methods (`v.first().copied()`), or a local of
//! the fn that is one by its type or by what made it (see
//! `ir::Local::eager`).

use syn::Expr;

/// Is `method` one that an `Option`, a `Result` or a `bool` has, which
/// runs the closure it is given before it returns (or drops it unrun), and
/// gives a value that does not hold it?
pub(crate) fn runs_closure_at_once(method: &syn::Ident) -> bool {
    const AT_ONCE: &[&str] = &[
        "map",
        "and_then",
        "filter",
        "then",
        "map_err",
        "or_else",
        "inspect",
        "inspect_err",
        "take_if",
    ];
    AT_ONCE.contains(&method.to_string().as_str())
}

/// Is `ty` visibly an `Option`, a `Result` or a `bool`?
pub(crate) fn is_eager_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) if path.qself.is_none() && path.path.is_ident("bool") => true,
        syn::Type::Paren(inner) => is_eager_type(&inner.elem),
        syn::Type::Group(inner) => is_eager_type(&inner.elem),
        _ => matches!(
            super::Standard::of(ty),
            Some(super::Standard::Option | super::Standard::Result)
        ),
    }
}

/// Is `expr` visibly an `Option`, a `Result` or a `bool` (see the module's
/// comment)? `local` answers for a path that names a local of the fn.
pub(crate) fn is_eager_value(expr: &Expr, local: &dyn Fn(&Expr) -> bool) -> bool {
    // `Option`'s and `Result`'s methods that give one of the two again,
    // or a `bool`, taking no closure or one run at once. Named on another
    // type, they may give anything: only a receiver visibly one counts.
    const KEEPS: &[&str] = &[
        "copied",
        "cloned",
        "as_ref",
        "as_mut",
        "as_deref",
        "as_deref_mut",
        "take",
        "or",
        "and",
        "xor",
        "zip",
        "flatten",
        "ok",
        "err",
        "ok_or",
        "ok_or_else",
        "transpose",
        "then_some",
    ];
    // The standard library's methods that give an `Option`, a `Result` or
    // a `bool` whatever they are called on (a collection, a slice, text,
    // an iterator, a number; `is_some` and the like, an `Option`'s or a
    // `Result`'s own, on a value whose type does not show). A method of
    // the user's named so is taken to do the same.
    const GIVES: &[&str] = &[
        "pop",
        "pop_front",
        "pop_back",
        "pop_first",
        "pop_last",
        "first",
        "first_mut",
        "last",
        "last_mut",
        "get",
        "get_mut",
        "get_key_value",
        "next",
        "next_back",
        "nth",
        "peek",
        "position",
        "rposition",
        "find",
        "find_map",
        "parse",
        "split_once",
        "rsplit_once",
        "strip_prefix",
        "strip_suffix",
        "binary_search",
        "try_into",
        "checked_add",
        "checked_sub",
        "checked_mul",
        "checked_div",
        "checked_rem",
        "is_empty",
        "is_some",
        "is_none",
        "is_ok",
        "is_err",
        "is_some_and",
        "is_none_or",
        "is_ok_and",
        "is_err_and",
        "contains",
        "contains_key",
        "starts_with",
        "ends_with",
        "eq",
        "ne",
    ];
    match super::strip_parens(expr) {
        Expr::Path(path) if path.qself.is_none() && path.path.is_ident("None") => true,
        Expr::Path(_) => local(expr),
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(_),
            ..
        }) => true,
        Expr::Call(call) => matches!(&*call.func, Expr::Path(path)
            if path.qself.is_none()
                && ["Some", "Ok", "Err"].iter().any(|name| path.path.is_ident(name))),
        Expr::Binary(binary) => matches!(
            binary.op,
            syn::BinOp::Eq(_)
                | syn::BinOp::Ne(_)
                | syn::BinOp::Lt(_)
                | syn::BinOp::Le(_)
                | syn::BinOp::Gt(_)
                | syn::BinOp::Ge(_)
                | syn::BinOp::And(_)
                | syn::BinOp::Or(_)
        ),
        Expr::Unary(unary) => {
            matches!(unary.op, syn::UnOp::Not(_)) && is_eager_value(&unary.expr, local)
        }
        Expr::MethodCall(call) => {
            let method = call.method.to_string();
            GIVES.contains(&method.as_str())
                || ((KEEPS.contains(&method.as_str()) || runs_closure_at_once(&call.method))
                    && is_eager_value(&call.receiver, local))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eager(text: &str) -> bool {
        let named = |expr: &Expr| matches!(expr, Expr::Path(p) if p.path.is_ident("best"));
        is_eager_value(&syn::parse_str(text).unwrap(), &named)
    }

    #[test]
    fn options_results_and_bools_are_seen() {
        for text in [
            "v.pop()",
            "v.pop().map(|p| p + 1)",
            "v.first().copied()",
            "best",
            "best.map(|b| b.len())",
            "None",
            "Some(3)",
            "s.parse::<u32>()",
            "(n > 0)",
            "!v.is_empty()",
            "m.get(&k).and_then(|v| v.first())",
        ] {
            assert!(eager(text), "{text}");
        }
    }

    #[test]
    fn iterators_and_unknown_values_are_not() {
        for text in [
            "v.iter()",
            "v.iter().map(|p| p + 1)",
            "it",
            "it.map(|p| p + 1)",
            "fut.then(|x| x)",
            "make()",
            "self.slot",
            "v.iter().filter(|x| **x > 1)",
            "!n",
        ] {
            assert!(!eager(text), "{text}");
        }
    }
}
