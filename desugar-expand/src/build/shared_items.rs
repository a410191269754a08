//! A `for` loop's variable bound to the shared references its iterable
//! lends (`for s in v.iter()`, `m.values()`, `&v`): what a method, a field
//! or an index borrows through it (`fetch(s.label()).await`) is the
//! referent, not the variable, which the machine then need not keep in
//! place across the await, as rustc does not (see `ir::Local::shared_ref`).
//!
//! Before: `for s in v.iter() { n += fetch(s.label()).await; }`
//! After:  `s` kept only where used after the await, and by value.
//!
//! A borrow of the variable itself (`show(&s).await`, a `&&Probe` a
//! generic fn may keep) borrows the variable, not the referent: a loop
//! whose body writes one keeps the variable as any local. So does a
//! parameter or a `let` the builder takes for a shared reference (`p:
//! &Probe`, `let t = s.trim();`) that the body borrows itself
//! ([`borrows_itself`]).

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

use crate::walk;

/// Is the variable `pat` binds, for each item of `iterable`, a shared
/// reference whose borrows `body` never takes of the variable itself?
pub(super) fn lent_items(pat: &syn::Pat, iterable: &syn::Expr, body: &syn::Block) -> bool {
    let syn::Pat::Ident(ident) = pat else {
        return false;
    };
    ident.by_ref.is_none()
        && ident.subpat.is_none()
        && walk::yields_shared_refs(iterable)
        && !borrows_itself(body.to_token_stream(), &ident.ident)
}

/// Does `tokens` take `&name` of the name itself, not of a place through
/// it (`&name.field`, `&name[0]`), macros' arguments included? So does a
/// `ref` binding (`let ref r = name;`), and a tuple's field (`&e.0`): a
/// map's items (`for e in &m`) are tuples of references, whose fields are
/// the variable's own.
pub(super) fn borrows_itself(tokens: TokenStream, name: &syn::Ident) -> bool {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    tokens.iter().enumerate().any(|(i, token)| match token {
        TokenTree::Group(group) => borrows_itself(group.stream(), name),
        TokenTree::Ident(word) if word == "ref" => true,
        TokenTree::Ident(found) if found == name => {
            matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                && matches!(tokens.get(i + 2), Some(TokenTree::Literal(_)))
        }
        TokenTree::Punct(p) if p.as_char() == '&' => {
            // `&mut name`, `&raw const name`, `&raw mut name`.
            let mut rest = &tokens[i + 1..];
            if matches!(rest.first(), Some(TokenTree::Ident(raw)) if raw == "raw") {
                rest = rest.get(2..).unwrap_or_default();
            } else if matches!(rest.first(), Some(TokenTree::Ident(m)) if m == "mut") {
                rest = &rest[1..];
            }
            let whole = match rest.first() {
                Some(TokenTree::Ident(found)) => found == name,
                // `&(name)`, as a macro's `&($e)` writes it.
                Some(TokenTree::Group(group)) if group.delimiter() == proc_macro2::Delimiter::Parenthesis => {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    matches!(inner.as_slice(), [TokenTree::Ident(found)] if found == name)
                }
                _ => false,
            };
            whole
                && !matches!(rest.get(1), Some(TokenTree::Punct(p)) if matches!(p.as_char(), '.' | ':'))
                && !matches!(rest.get(1), Some(TokenTree::Group(g)) if g.delimiter() == proc_macro2::Delimiter::Bracket)
        }
        // `addr_of!(name)`, `addr_of_mut!(name)`: a raw borrow of it.
        TokenTree::Ident(mac) if mac == "addr_of" || mac == "addr_of_mut" => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrow_of_the_variable_itself_is_seen() {
        let name: syn::Ident = syn::parse_quote!(s);
        let borrows = |text: &str| borrows_itself(text.parse().unwrap(), &name);
        for text in [
            "show(&s).await",
            "f(&&s)",
            "log!(\"{}\", &s)",
            "g(&mut s)",
            "let ref r = s;",
            "look(&s.0).await",
            "let p = &raw const s;",
            "let p = &raw mut s;",
            "look(&(s)).await",
            "let p = std::ptr::addr_of!(s);",
        ] {
            assert!(borrows(text), "{text}");
        }
        for text in [
            "fetch(s.label()).await",
            "f(&s.id)",
            "f(&s[0])",
            "f(&sx)",
            "f(s)",
        ] {
            assert!(!borrows(text), "{text}");
        }
    }
}
