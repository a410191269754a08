//! Macro calls in statement position that make items: `thread_local!`,
//! and a call of a `macro_rules!` defined in the body whose every rule
//! expands to items alone. rustc makes an item visible in the whole block
//! it is declared in, before and after every await; the machine declares
//! the block's items (`fn`, `static`, `struct`, a `macro_rules!`) once,
//! where every state's code sees them (`emit::scan::items`), but a macro
//! statement stays in the code of the state that runs it, and the code
//! after the next await would not find what it declares (E0425). So such a
//! call becomes an item statement: the same tokens, declared with the
//! block's items. A copy in each state's code would not do: each would be
//! an item of its own (a `thread_local!` counting from zero again).
//!
//! Before: `thread_local! { static N: Cell<u32> = .. }` (a `Stmt::Macro`)
//! After:  the same tokens as a `Stmt::Item` (`syn::Item::Macro`)
//!
//! A macro whose rules cannot be read as items (one of the crate's, or
//! rules that also make a `let` or evaluate something) stays a statement;
//! a name it is given and called after an await is an error saying what
//! to write (`build::macro_lets`).

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use syn::visit_mut::VisitMut;

/// Makes each statement-position call of `body` that makes items an item
/// statement.
pub(crate) fn rewrite_body(body: &mut syn::Block) {
    Calls {
        defined: Vec::new(),
    }
    .visit_block_mut(body);
}

/// The walk: the body's `macro_rules!` definitions in scope where it is,
/// innermost last, each with whether its rules make items alone.
struct Calls {
    defined: Vec<(String, bool)>,
}

impl Calls {
    /// Does the statement-position call `mac` make items alone? A macro
    /// of the body decides by its rules, which shadow the standard
    /// `thread_local!`.
    fn makes_items(&self, mac: &syn::Macro) -> bool {
        if let Some(name) = mac.path.get_ident()
            && let Some((_, items)) = self.defined.iter().rev().find(|(n, _)| name == n)
        {
            return *items;
        }
        is_thread_local(&mac.path)
    }
}

impl VisitMut for Calls {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let outer = self.defined.len();
        for stmt in &mut block.stmts {
            if let syn::Stmt::Item(syn::Item::Macro(def)) = stmt
                && def.mac.path.is_ident("macro_rules")
            {
                if let Some(name) = &def.ident {
                    let items = rules_make_items(&def.mac.tokens);
                    self.defined.push((name.to_string(), items));
                }
                continue;
            }
            let item = match stmt {
                syn::Stmt::Macro(call) if self.makes_items(&call.mac) => {
                    syn::Item::Macro(syn::ItemMacro {
                        attrs: std::mem::take(&mut call.attrs),
                        ident: None,
                        mac: call.mac.clone(),
                        semi_token: call.semi_token,
                    })
                }
                stmt => {
                    self.visit_stmt_mut(stmt);
                    continue;
                }
            };
            *stmt = syn::Stmt::Item(item);
        }
        self.defined.truncate(outer);
    }

    // Not lowered: rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `thread_local!`, `std::thread_local!` or `::std::thread_local!`.
pub(crate) fn is_thread_local(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match names.as_slice() {
        [only] => only == "thread_local",
        [krate, name] => krate == "std" && name == "thread_local",
        _ => false,
    }
}

/// Does every rule of a `macro_rules!` body (`(matcher) => { transcriber };
/// ..`) expand to items alone? Each transcriber is read with its
/// metavariables replaced by a stand-in of their fragment's kind (`$name`
/// of an `ident` by a name, a `block` by `{}`, a repetition's contents
/// once) and must parse as items. Rules that do not parse so, or no rules,
/// say no: the call is then left where it is.
fn rules_make_items(tokens: &TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut rules = 0;
    let mut at = 0;
    while at < trees.len() {
        let (
            Some(TokenTree::Group(matcher)),
            Some(TokenTree::Punct(eq)),
            Some(TokenTree::Punct(gt)),
            Some(TokenTree::Group(transcriber)),
        ) = (
            trees.get(at),
            trees.get(at + 1),
            trees.get(at + 2),
            trees.get(at + 3),
        )
        else {
            return false;
        };
        if eq.as_char() != '=' || gt.as_char() != '>' {
            return false;
        }
        let mut kinds = Vec::new();
        fragment_kinds(matcher.stream(), &mut kinds);
        let stand_in = stand_ins(transcriber.stream(), &kinds);
        match syn::parse2::<syn::File>(stand_in) {
            Ok(file) if !file.items.is_empty() && file.items.iter().all(is_plain_item) => {}
            _ => return false,
        }
        rules += 1;
        at += 4;
        if matches!(trees.get(at), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
            at += 1;
        }
    }
    rules > 0
}

/// An item that declares and evaluates nothing at the call: not a macro
/// call at item position (`println!(..);` parses as one), unless it is a
/// definition or a `thread_local!`, and nothing syn keeps as raw tokens.
fn is_plain_item(item: &syn::Item) -> bool {
    match item {
        syn::Item::Macro(call) => {
            (call.mac.path.is_ident("macro_rules") && call.ident.is_some())
                || is_thread_local(&call.mac.path)
        }
        syn::Item::Verbatim(_) => false,
        _ => true,
    }
}

/// Each `$name:kind` of a matcher, also inside groups and repetitions.
fn fragment_kinds(tokens: TokenStream, out: &mut Vec<(String, String)>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => fragment_kinds(group.stream(), out),
            TokenTree::Punct(dollar) if dollar.as_char() == '$' => {
                if let (
                    Some(TokenTree::Ident(name)),
                    Some(TokenTree::Punct(colon)),
                    Some(TokenTree::Ident(kind)),
                ) = (
                    trees.get(index + 1),
                    trees.get(index + 2),
                    trees.get(index + 3),
                ) && colon.as_char() == ':'
                {
                    out.push((name.to_string(), kind.to_string()));
                }
            }
            _ => {}
        }
    }
}

/// A transcriber with each metavariable replaced by a stand-in of its
/// kind, and each repetition by its contents, once.
fn stand_ins(tokens: TokenStream, kinds: &[(String, String)]) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    let mut at = 0;
    while at < trees.len() {
        match (&trees[at], trees.get(at + 1)) {
            (TokenTree::Punct(dollar), Some(TokenTree::Ident(name))) if dollar.as_char() == '$' => {
                let name = name.to_string();
                let kind = kinds
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("", |(_, kind)| kind.as_str());
                out.extend(stand_in(&name, kind));
                at += 2;
            }
            (TokenTree::Punct(dollar), Some(TokenTree::Group(repeated)))
                if dollar.as_char() == '$' && repeated.delimiter() == Delimiter::Parenthesis =>
            {
                out.extend(stand_ins(repeated.stream(), kinds));
                at += 2;
                // An optional separator, then `*`, `+` or `?`.
                let is_op = |tree: Option<&TokenTree>| matches!(tree, Some(TokenTree::Punct(p)) if matches!(p.as_char(), '*' | '+' | '?'));
                if is_op(trees.get(at)) {
                    at += 1;
                } else if is_op(trees.get(at + 1)) {
                    at += 2;
                }
            }
            (TokenTree::Group(group), _) => {
                let mut inner = Group::new(group.delimiter(), stand_ins(group.stream(), kinds));
                inner.set_span(group.span());
                out.extend([TokenTree::Group(inner)]);
                at += 1;
            }
            (tree, _) => {
                out.extend([tree.clone()]);
                at += 1;
            }
        }
    }
    out
}

/// What stands for a metavariable of `kind` (`$crate` is `crate`).
fn stand_in(name: &str, kind: &str) -> TokenStream {
    let word = |text: &str| TokenTree::Ident(Ident::new(text, Span::call_site()));
    match (name, kind) {
        ("crate", _) => [word("crate")].into_iter().collect(),
        (_, "block") => [TokenTree::Group(Group::new(
            Delimiter::Brace,
            TokenStream::new(),
        ))]
        .into_iter()
        .collect(),
        (_, "vis") => TokenStream::new(),
        (_, "lifetime") => [
            TokenTree::Punct(Punct::new('\'', Spacing::Joint)),
            word("__m"),
        ]
        .into_iter()
        .collect(),
        (_, "item") => quote::quote!(
            fn __m() {}
        ),
        _ => [word("__m")].into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::rules_make_items;

    fn makes_items(rules: &str) -> bool {
        rules_make_items(&rules.parse().expect("tokens"))
    }

    #[test]
    fn rules_of_items_alone() {
        assert!(makes_items(
            "($name:ident, $k:expr) => { fn $name(v: u32) -> u32 { v * $k } };"
        ));
        assert!(makes_items(
            "($($name:ident),* $(,)?) => { $(static $name: AtomicU32 = AtomicU32::new(0);)* }"
        ));
        assert!(makes_items(
            "($n:ident) => { #[derive(Debug)] pub(crate) struct $n(u32); impl $n {} }; () => { thread_local!(static X: u8 = 0); }"
        ));
        assert!(makes_items("($b:block, $v:vis) => { $v fn f() $b }"));
    }

    #[test]
    fn rules_that_evaluate_or_bind() {
        assert!(!makes_items("($e:expr) => { println!(\"{}\", $e); }"));
        assert!(!makes_items("($n:ident) => { let $n = 1; }"));
        assert!(!makes_items("($n:ident) => { fn $n() {} let x = $n(); }"));
        assert!(!makes_items("($n:ident) => { $n += 1; }"));
        assert!(!makes_items("() => {}"));
        assert!(!makes_items(""));
        // One rule of items, one not.
        assert!(!makes_items("(a) => { fn a() {} }; (b) => { b() }"));
    }
}
