//! Names the expansion introduces. All are `Span::mixed_site()` (so user code
//! can neither see nor shadow them) except where user code must see them.

use proc_macro2::{Ident, Span};

/// A generated identifier invisible to the user's code.
pub(crate) fn hidden(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// Words that are identifiers in an edition the user's code may be in but
/// keywords in Rust 2024, the edition of this crate: an identifier the
/// expansion makes with its own span (`Span::call_site()` and
/// `Span::mixed_site()` take the macro's edition) cannot be one of them.
/// `gen` is the only one; `async`, `await`, `dyn` and `try` are keywords
/// from Rust 2018 on, in which the user writes them raw (`r#try`) already.
pub(crate) const RESERVED_IN_2024: [&str; 1] = ["gen"];

/// The base of a name the expansion makes from a user's `ident` with its
/// own span (a field of the state enum): a raw identifier loses its `r#`,
/// and a word reserved in Rust 2024 (and so in the macro's spans) gains
/// `_`, as a raw one does.
///
/// Before: `gen`, `r#type`, `count`
/// After:  `gen_`, `type_`, `count`
pub(crate) fn made_from(ident: &Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(word) => format!("{word}_"),
        None if RESERVED_IN_2024.contains(&name.as_str()) => format!("{name}_"),
        None => name,
    }
}

/// A local's name as the user wrote it: the receiver, renamed `__self` in
/// the body (`rewrite::receiver`), is `self` in messages and descriptions.
pub(crate) fn shown(name: &str) -> &str {
    if name == "__self" { "self" } else { name }
}

/// `tokens` moved to `at` in the user's code, each keeping its hygiene:
/// rustc's errors about generated code that stands for the user's (an
/// awaited value, a `?`) then point at what the user wrote, not at
/// `#[desugar]`.
pub(crate) fn located_at(tokens: proc_macro2::TokenStream, at: Span) -> proc_macro2::TokenStream {
    use proc_macro2::{Group, TokenTree};
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut located = Group::new(group.delimiter(), located_at(group.stream(), at));
                located.set_span(group.span().located_at(at));
                tree = TokenTree::Group(located);
            } else {
                tree.set_span(tree.span().located_at(at));
            }
            tree
        })
        .collect()
}

/// `tokens` with `span` itself, its place and its hygiene: code that stands
/// for the user's (what a `?` calls), reported and located there.
pub(crate) fn spanned_as(tokens: proc_macro2::TokenStream, span: Span) -> proc_macro2::TokenStream {
    use proc_macro2::{Group, TokenTree};
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut spanned = Group::new(group.delimiter(), spanned_as(group.stream(), span));
                spanned.set_span(span);
                tree = TokenTree::Group(spanned);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// The path of the runtime support module, absolute so a user's `mod core`
/// or `mod desugar` cannot capture it.
pub(crate) fn private() -> proc_macro2::TokenStream {
    quote::quote!(::desugar::__private)
}

/// The machine's own types. They are items, which `Span::mixed_site()` does
/// not hide, so an item of the same name in the body would shadow them.
pub(crate) const MACHINE_TYPES: [&str; 4] = [STATE, STATE_PROJ, STATE_REPLACE, HOMES];
pub(crate) const STATE: &str = "__State";
pub(crate) const STATE_PROJ: &str = "__StateProj";
pub(crate) const STATE_REPLACE: &str = "__StateReplace";
pub(crate) const HOMES: &str = "__Homes";

/// Input: the fn as written. Output: an error at the first item (or `use`
/// name) in its body that would shadow one of [`MACHINE_TYPES`] where the
/// machine's code runs, or at the first parameter or local named `self`
/// (syn parses `(self): u32` and `let self = ..`, rustc does not, and the
/// machine would make it a field name that does not parse either). Items
/// inside nested items, closures and `async` blocks are their own scopes, so
/// they are left alone: they are written out as they are, and rustc judges
/// them.
pub(crate) fn check_names(item_fn: &syn::ItemFn) -> syn::Result<()> {
    use syn::visit::Visit;

    struct Finder(Option<syn::Error>);

    impl Finder {
        fn check(&mut self, ident: &Ident) {
            if self.0.is_none() && MACHINE_TYPES.iter().any(|name| ident == name) {
                self.0 = Some(syn::Error::new(
                    ident.span(),
                    format!(
                        "`{ident}` is the name of a type in the machine #[desugar] writes, and an item here would hide it; rename this item"
                    ),
                ));
            }
        }
    }

    impl<'ast> Visit<'ast> for Finder {
        fn visit_item(&mut self, item: &'ast syn::Item) {
            let ident = match item {
                syn::Item::Const(i) => Some(&i.ident),
                syn::Item::Enum(i) => Some(&i.ident),
                syn::Item::Fn(i) => Some(&i.sig.ident),
                syn::Item::Mod(i) => Some(&i.ident),
                syn::Item::Static(i) => Some(&i.ident),
                syn::Item::Struct(i) => Some(&i.ident),
                syn::Item::Trait(i) => Some(&i.ident),
                syn::Item::TraitAlias(i) => Some(&i.ident),
                syn::Item::Type(i) => Some(&i.ident),
                syn::Item::Union(i) => Some(&i.ident),
                syn::Item::Macro(i) => i.ident.as_ref(),
                syn::Item::Use(i) => {
                    self.visit_use_tree(&i.tree);
                    None
                }
                _ => None,
            };
            if let Some(ident) = ident {
                self.check(ident);
            }
        }
        fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
            if self.0.is_none() && pat.ident == "self" {
                self.0 = Some(syn::Error::new(
                    pat.ident.span(),
                    "`self` is a keyword and cannot name a local; give this binding another name",
                ));
            }
            syn::visit::visit_pat_ident(self, pat);
        }
        fn visit_use_name(&mut self, name: &'ast syn::UseName) {
            self.check(&name.ident);
        }
        fn visit_use_rename(&mut self, rename: &'ast syn::UseRename) {
            self.check(&rename.rename);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    }

    let mut finder = Finder(None);
    for input in &item_fn.sig.inputs {
        if let syn::FnArg::Typed(typed) = input {
            finder.visit_pat(&typed.pat);
        }
    }
    finder.visit_block(&item_fn.block);
    finder.0.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_made_from_the_users_are_never_keywords_in_2024() {
        let made = |name: &str| made_from(&syn::parse_str::<Ident>(name).unwrap());
        assert_eq!(made("count"), "count");
        assert_eq!(made("r#type"), "type_");
        assert_eq!(made("r#gen"), "gen_");
        assert_eq!(made("gen"), "gen_");
        assert_eq!(made("generation"), "generation");
    }
}
