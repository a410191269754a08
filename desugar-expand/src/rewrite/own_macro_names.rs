//! A `macro_rules!` defined in the body under the name of a standard macro
//! the expansion reads (`line!`, `format!`, `vec!`, `assert!`). rustc calls
//! the body's own macro where its definition is in scope, but the walk
//! knows a macro by its name and would read the call as the standard one:
//! `line!("n={}", n)` as the `line!()` that names no local, so `n` would
//! not be kept across an await before it (E0373 at the attribute). So the
//! definition and each call in its scope take a name the expansion does
//! not know, and the walk treats the macro as one of the user's own.
//!
//! Before: `macro_rules! line { ($($a:tt)*) => { format!($($a)*) } } line!("n={}", n)`
//! After:  `macro_rules! __own_line { ($($a:tt)*) => { format!($($a)*) } } __own_line!("n={}", n)`
//!
//! A definition of the same name later in its scope replaces it there and
//! is renamed the same way, so each call still means the macro it meant.
//! A path (`std::line!()`) names the standard macro and is left alone.

use proc_macro2::{Group, Ident, TokenStream, TokenTree};
use syn::visit_mut::{self, VisitMut};

use crate::walk::is_known;

/// Renames each `macro_rules!` of `body` named as a standard macro the
/// expansion knows, and its calls.
pub(crate) fn rewrite_body(body: &mut syn::Block) {
    Definitions.visit_block_mut(body);
}

struct Definitions;

impl VisitMut for Definitions {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        for index in 0..block.stmts.len() {
            let (done, later) = block.stmts.split_at_mut(index + 1);
            if let syn::Stmt::Item(syn::Item::Macro(def)) = &mut done[index]
                && def.mac.path.is_ident("macro_rules")
                && let Some(name) = def.ident.clone()
                && is_known(&name.to_string())
            {
                let renamed = Ident::new(&format!("__own_{name}"), name.span());
                let mut rename = Rename {
                    name: &name,
                    renamed: &renamed,
                };
                // Its own rules may call it again, as it is then in scope.
                def.mac.tokens = rename.tokens(def.mac.tokens.clone());
                def.ident = Some(renamed.clone());
                for stmt in later.iter_mut() {
                    rename.visit_stmt_mut(stmt);
                }
            }
            self.visit_stmt_mut(&mut done[index]);
        }
    }
}

/// Calls `name!(..)` renamed to `renamed!(..)`, in code and in any macro's
/// tokens.
struct Rename<'a> {
    name: &'a Ident,
    renamed: &'a Ident,
}

impl Rename<'_> {
    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
        for index in 0..trees.len() {
            let call = matches!(
                (index.checked_sub(1).map(|before| &trees[before]), &trees[index], trees.get(index + 1)),
                (before, TokenTree::Ident(word), Some(TokenTree::Punct(bang)))
                    if *word == *self.name
                        && bang.as_char() == '!'
                        // `$line!` calls the macro a metavariable names;
                        // `::line!` and `std::line!` name a path.
                        && !matches!(before, Some(TokenTree::Punct(p)) if p.as_char() == '$' || p.as_char() == ':')
            );
            if call {
                trees[index] =
                    TokenTree::Ident(Ident::new(&self.renamed.to_string(), trees[index].span()));
            } else if let TokenTree::Group(group) = &trees[index] {
                let mut inner = Group::new(group.delimiter(), self.tokens(group.stream()));
                inner.set_span(group.span());
                trees[index] = TokenTree::Group(inner);
            }
        }
        trees.into_iter().collect()
    }
}

impl VisitMut for Rename<'_> {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if mac.path.is_ident(self.name)
            && let Some(segment) = mac.path.segments.first_mut()
        {
            segment.ident = Ident::new(&self.renamed.to_string(), segment.ident.span());
        }
        mac.tokens = self.tokens(mac.tokens.clone());
        visit_mut::visit_macro_mut(self, mac);
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite_body;
    use quote::ToTokens;

    fn rewritten(body: &str) -> String {
        let mut block: syn::Block = syn::parse_str(body).expect("a block");
        rewrite_body(&mut block);
        block.to_token_stream().to_string()
    }

    #[test]
    fn a_body_macro_named_as_a_standard_one_and_its_calls_are_renamed() {
        let out = rewritten(
            "{ line!(); macro_rules! line { ($($a:tt)*) => { line!() + format!($($a)*) } } \
             let s = line!(\"n={}\", n); println!(\"{}\", line!(n)); std::line!(); \
             { macro_rules! line { () => { 1 } } line!() } }",
        );
        assert!(out.starts_with("{ line ! () ;"), "{out}");
        assert!(
            out.contains("macro_rules ! __own_line { ($ ($ a : tt) *) => { __own_line ! () + format ! ($ ($ a) *) } }"),
            "{out}"
        );
        assert!(out.contains("let s = __own_line ! (\"n={}\" , n)"), "{out}");
        assert!(
            out.contains("println ! (\"{}\" , __own_line ! (n))"),
            "{out}"
        );
        assert!(out.contains("std :: line ! ()"), "{out}");
        assert!(
            out.contains("{ macro_rules ! __own_line { () => { 1 } } __own_line ! () }"),
            "{out}"
        );
    }

    #[test]
    fn a_macro_of_a_name_of_its_own_is_left_alone() {
        let body = "{ macro_rules! fl { () => { 1 } } fl!() }";
        assert_eq!(
            rewritten(body),
            syn::parse_str::<syn::Block>(body)
                .expect("a block")
                .to_token_stream()
                .to_string()
        );
    }
}
