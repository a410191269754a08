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
//! ([`SelfBorrows`]).

use std::collections::HashSet;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
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
        && !SelfBorrows::of(body.to_token_stream()).contains(&ident.ident)
}

/// The names a body borrows themselves: `&name`, not a place through it
/// (`&name.field`, `&name[0]`), macros' arguments included; a tuple's
/// field (`&e.0`), since a map's items (`for e in &m`) are tuples of
/// references whose fields are the variable's own. A `ref` binding (`let
/// ref r = name;`) or `addr_of!` anywhere counts for every name: which
/// name they borrow is not read here. One scan serves every local of the
/// body, where asking per local would rescan it each time.
#[derive(Default)]
pub(super) struct SelfBorrows {
    names: HashSet<String>,
    every_name: bool,
}

impl SelfBorrows {
    pub(super) fn of(tokens: TokenStream) -> Self {
        let mut found = SelfBorrows::default();
        found.scan(tokens);
        found
    }

    pub(super) fn contains(&self, name: &syn::Ident) -> bool {
        self.every_name || self.names.contains(&name.to_string())
    }

    fn scan(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Group(group) => self.scan(group.stream()),
                // `addr_of!(name)`, `addr_of_mut!(name)`: a raw borrow.
                TokenTree::Ident(word)
                    if word == "ref" || word == "addr_of" || word == "addr_of_mut" =>
                {
                    self.every_name = true;
                }
                TokenTree::Ident(found)
                    if matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.')
                        && matches!(tokens.get(i + 2), Some(TokenTree::Literal(_))) =>
                {
                    self.names.insert(found.to_string());
                }
                TokenTree::Punct(p) if p.as_char() == '&' => {
                    self.names.extend(borrowed_whole(&tokens[i + 1..]));
                }
                _ => {}
            }
        }
    }
}

/// The name `rest`, read after a `&`, borrows whole: `&name`, `&mut
/// name`, `&raw const name`, `&raw mut name`, or `&(name)` as a macro's
/// `&($e)` writes it, not followed by a field, a method, a path or an
/// index.
fn borrowed_whole(mut rest: &[TokenTree]) -> Option<String> {
    if matches!(rest.first(), Some(TokenTree::Ident(raw)) if raw == "raw") {
        rest = rest.get(2..).unwrap_or_default();
    } else if matches!(rest.first(), Some(TokenTree::Ident(m)) if m == "mut") {
        rest = &rest[1..];
    }
    let name = match rest.first()? {
        TokenTree::Ident(found) => found.to_string(),
        TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
            let mut inner = group.stream().into_iter();
            match (inner.next(), inner.next()) {
                (Some(TokenTree::Ident(found)), None) => found.to_string(),
                _ => return None,
            }
        }
        _ => return None,
    };
    let continued = match rest.get(1) {
        Some(TokenTree::Punct(p)) => matches!(p.as_char(), '.' | ':'),
        Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::Bracket,
        _ => false,
    };
    (!continued).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrow_of_the_variable_itself_is_seen() {
        let name: syn::Ident = syn::parse_quote!(s);
        let borrows = |text: &str| SelfBorrows::of(text.parse().unwrap()).contains(&name);
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
