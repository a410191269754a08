//! Values that are visibly iterators, whose `take` is `Iterator::take`,
//! and whose `find` or `next` is `Iterator`'s, which borrows them.

use syn::Expr;

/// Is `method`, called on `receiver`, `Iterator::take(self, n)`, which
/// moves its receiver? Other types name a method that borrows so
/// (`Option::take(&mut self)`, `Cell::take(&self)`), so `take` is known to
/// move only a receiver that is visibly an iterator (`v.iter().take(n)`).
pub(crate) fn takes_iterator(method: &syn::Ident, receiver: &Expr) -> bool {
    method == "take" && is_iterator(receiver)
}

/// Is `method`, called on `receiver`, one of `Iterator`'s that take
/// `&mut self` (`v.into_iter().find(f)`, `v.drain(..).next()`)? Other
/// types name methods so that take `self` (a user's `find(self, f)`), so
/// they are known to borrow only a receiver that is visibly an iterator.
/// rustc keeps such a receiver, a temporary, and the items left in it, to
/// the end of the `match` or statement.
pub(crate) fn borrows_iterator(method: &syn::Ident, receiver: &Expr) -> bool {
    const BY_MUT_REF: &[&str] = &[
        "next",
        "next_back",
        "nth",
        "nth_back",
        "find",
        "rfind",
        "find_map",
        "position",
        "rposition",
        "any",
        "all",
        "try_fold",
        "try_rfold",
        "try_for_each",
        "advance_by",
    ];
    BY_MUT_REF.contains(&method.to_string().as_str()) && is_iterator(receiver)
}

/// Is `call` one of `str`'s or a slice's (or `Vec::drain`) that borrow
/// the receiver and answer with its parts or an iterator over them, given
/// what it splits by (`text.split(',')`, `v.chunks(2)`, `v.drain(..)`,
/// `text.split_once('=')`)? Unlike `iter` or `lines` (see `returns_view`),
/// the iterator may hold something of its own to drop: the pattern, a
/// closure, `Drain`'s tail. A method of the user's named so with those
/// arguments is taken to borrow too (a stream's `split(self)` has none).
pub(crate) fn lends_parts(call: &syn::ExprMethodCall) -> bool {
    const ONE_ARGUMENT: &[&str] = &[
        "split",
        "rsplit",
        "split_terminator",
        "rsplit_terminator",
        "split_inclusive",
        "matches",
        "rmatches",
        "match_indices",
        "rmatch_indices",
        "chunks",
        "chunks_exact",
        "rchunks",
        "rchunks_exact",
        "chunks_mut",
        "chunks_exact_mut",
        "windows",
        "drain",
        "split_once",
        "rsplit_once",
        "strip_prefix",
        "strip_suffix",
    ];
    const TWO_ARGUMENTS: &[&str] = &["splitn", "rsplitn"];
    let method = call.method.to_string();
    let names = match call.args.len() {
        1 => ONE_ARGUMENT,
        2 => TWO_ARGUMENTS,
        _ => return false,
    };
    names.contains(&method.as_str())
}

/// `Iterator`'s methods that take it and give another (`v.iter().map(f)`).
pub(super) const ADAPTERS: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "flat_map",
    "flatten",
    "rev",
    "zip",
    "chain",
    "enumerate",
    "skip",
    "take",
    "step_by",
    "peekable",
    "fuse",
    "copied",
    "cloned",
    "take_while",
    "skip_while",
    "map_while",
    "scan",
    "inspect",
    "cycle",
];

/// `Iterator`'s methods that take it and answer with a value of their own
/// (`v.into_iter().sum()`, `it.partition(f)`).
pub(super) const CONSUMERS: &[&str] = &[
    "collect",
    "sum",
    "product",
    "fold",
    "for_each",
    "partition",
    "reduce",
    "unzip",
    "min_by_key",
    "max_by_key",
    "min_by",
    "max_by",
];

/// Does iterating `expr` visibly give shared references: a standard
/// method that lends the items (`v.iter()`, `m.values()`, `m.keys()`), a
/// shared borrow (`&v`), or an adapter that passes such items on as they
/// are (`v.iter().rev()`, `m.values().filter(f)`)? A `for` loop's
/// variable bound to one is a shared reference, through which what a
/// method borrows is the referent (see `ir::Local::shared_ref`).
pub(crate) fn yields_shared_refs(expr: &Expr) -> bool {
    const LENDERS: &[&str] = &["iter", "keys", "values"];
    const PASSING_ON: &[&str] = &[
        "rev",
        "skip",
        "take",
        "step_by",
        "filter",
        "skip_while",
        "take_while",
        "fuse",
        "peekable",
    ];
    match super::strip_parens(expr) {
        Expr::MethodCall(call) => {
            let method = call.method.to_string();
            (LENDERS.contains(&method.as_str()) && call.args.is_empty())
                || (PASSING_ON.contains(&method.as_str()) && yields_shared_refs(&call.receiver))
        }
        Expr::Reference(r) => r.mutability.is_none(),
        _ => false,
    }
}

/// Is `expr` visibly an iterator: made by a standard method that makes
/// one (`v.iter()`, `s.chars()`, `m.keys()`, `v.into_iter()`), a range
/// (`(0..n)`), or by an adapter applied to one (`v.iter().map(f)`,
/// `s.chars().rev()`)?
fn is_iterator(expr: &Expr) -> bool {
    const MAKERS: &[&str] = &[
        "iter",
        "iter_mut",
        "into_iter",
        "chars",
        "char_indices",
        "lines",
        "split_whitespace",
        "split_ascii_whitespace",
        "keys",
        "values",
        "values_mut",
        "drain",
    ];
    match super::strip_parens(expr) {
        Expr::MethodCall(call) => {
            let method = call.method.to_string();
            MAKERS.contains(&method.as_str())
                || (ADAPTERS.contains(&method.as_str()) && is_iterator(&call.receiver))
        }
        Expr::Range(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn takes(text: &str) -> bool {
        let Ok(Expr::MethodCall(call)) = syn::parse_str::<Expr>(text) else {
            panic!("{text} is a method call");
        };
        takes_iterator(&call.method, &call.receiver)
    }

    #[test]
    fn take_of_an_iterator_moves_it() {
        for text in [
            "v.iter().take(n)",
            "s.chars().rev().take(2)",
            "v.iter().map(|x| x + 1).take(3)",
            "(v.into_iter()).take(1)",
            "(0..5).take(n)",
        ] {
            assert!(takes(text), "{text}");
        }
    }

    #[test]
    fn a_visible_iterator_is_borrowed_by_find_and_next() {
        let borrows = |text: &str| {
            let Ok(Expr::MethodCall(call)) = syn::parse_str::<Expr>(text) else {
                panic!("{text} is a method call");
            };
            borrows_iterator(&call.method, &call.receiver)
        };
        for text in [
            "v.into_iter().find(|p| p.ok())",
            "v.drain(..).any(|p| p.ok())",
            "v.iter().map(f).position(|p| p)",
            "v.into_iter().next()",
        ] {
            assert!(borrows(text), "{text}");
        }
        for text in [
            "make().find(|p| p.ok())",
            "v.into_iter().count()",
            "it.find(f)",
        ] {
            assert!(!borrows(text), "{text}");
        }
    }

    #[test]
    fn split_parts_borrow_what_they_split() {
        let lends = |text: &str| {
            let Ok(Expr::MethodCall(call)) = syn::parse_str::<Expr>(text) else {
                panic!("{text} is a method call");
            };
            lends_parts(&call)
        };
        for text in [
            "s.to_lowercase().split(',')",
            "s.splitn(2, ':')",
            "v.chunks(2)",
            "v.drain(..)",
        ] {
            assert!(lends(text), "{text}");
        }
        for text in ["stream.split()", "s.splitn(2)", "v.windows()"] {
            assert!(!lends(text), "{text}");
        }
    }

    #[test]
    fn lent_items_are_shared_references() {
        let yields = |text: &str| yields_shared_refs(&syn::parse_str(text).unwrap());
        for text in [
            "v.iter()",
            "self.map.values()",
            "m.keys().rev()",
            "&v",
            "v.iter().skip(1)",
        ] {
            assert!(yields(text), "{text}");
        }
        for text in [
            "v",
            "v.iter_mut()",
            "&mut v",
            "v.iter().copied()",
            "v.iter().map(f)",
            "it.iter(3)",
        ] {
            assert!(!yields(text), "{text}");
        }
    }

    #[test]
    fn take_of_anything_else_may_borrow() {
        for text in [
            "slot.take()",
            "self.current.take()",
            "m.get_mut(&k).unwrap().take()",
            "opt.map(f).take()",
            "v.iter().len()",
        ] {
            assert!(!takes(text), "{text}");
        }
    }
}
