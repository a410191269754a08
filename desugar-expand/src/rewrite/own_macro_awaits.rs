//! A `macro_rules!` defined in the body whose rules write `.await`
//! (`($k:expr) => { fetch($k).await }`). rustc expands its calls inside
//! the `async fn`; the machine runs the user's code in its step function,
//! which is no `async` code, and #[desugar] cannot lower an await it does
//! not see: rustc's bare E0728 ("`await` is only allowed inside `async`
//! functions and blocks") pointed into the rules, "this is not `async`" at
//! the attribute. The rules are in the body, so the build stops at each
//! call outside an `async` block saying what to write instead.
//!
//! Before: `macro_rules! get { ($k:expr) => { fetch($k).await } } let a = get!(n);`
//! After:  an error at `get` in `get!(n)`
//!
//! A macro of the crate's cannot be read: its await is rustc's E0728
//! (README, "Macros of your own").

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// An error at each call, outside `async` blocks, of a macro the body
/// defines whose rules await outside `async` blocks of their own.
pub(crate) fn check_body(body: &syn::Block) -> syn::Result<()> {
    let mut walk = Walk {
        awaiting: Vec::new(),
        error: None,
    };
    walk.tokens(quote::ToTokens::to_token_stream(body));
    walk.error.map_or(Ok(()), Err)
}

struct Walk {
    /// Each definition seen so far, and whether its rules await.
    awaiting: Vec<(String, bool)>,
    error: Option<syn::Error>,
}

impl Walk {
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut at = 0;
        while at < trees.len() {
            match (
                &trees[at],
                trees.get(at + 1),
                trees.get(at + 2),
                trees.get(at + 3),
            ) {
                // `async { .. }`, `async move { .. }`, `async fn f() { .. }`:
                // its awaits are its own.
                (TokenTree::Ident(word), ..) if word == "async" => {
                    at = after_next_brace(&trees, at + 1);
                    continue;
                }
                (
                    TokenTree::Ident(word),
                    Some(TokenTree::Punct(bang)),
                    Some(TokenTree::Ident(name)),
                    Some(TokenTree::Group(rules)),
                ) if word == "macro_rules" && bang.as_char() == '!' => {
                    let awaits = rules_await(rules.stream());
                    self.awaiting.push((name.to_string(), awaits));
                    at += 4;
                    continue;
                }
                (
                    TokenTree::Ident(name),
                    Some(TokenTree::Punct(bang)),
                    Some(TokenTree::Group(args)),
                    _,
                ) if bang.as_char() == '!' => {
                    let awaits = self
                        .awaiting
                        .iter()
                        .rev()
                        .find(|(defined, _)| name == defined)
                        .is_some_and(|(_, awaits)| *awaits);
                    if awaits {
                        let err = syn::Error::new(
                            name.span(),
                            format!(
                                "`{name}!` awaits in its expansion (its rules in this fn write `.await`), and #[desugar] cannot lower an await it does not see: the machine would run it outside any `async` code (E0728). Write the `.await` outside the macro: make the rules give the future and await the call (`{name}!(..).await`), or bind what it gives first (`let fut = ..; fut.await`)"
                            ),
                        );
                        match &mut self.error {
                            Some(error) => error.combine(err),
                            None => self.error = Some(err),
                        }
                    }
                    self.tokens(args.stream());
                    at += 3;
                    continue;
                }
                (TokenTree::Group(group), ..) => self.tokens(group.stream()),
                _ => {}
            }
            at += 1;
        }
    }
}

/// The index after the first brace group from `from` on (the end where
/// there is none).
fn after_next_brace(trees: &[TokenTree], from: usize) -> usize {
    trees[from..]
        .iter()
        .position(|tree| matches!(tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace))
        .map_or(trees.len(), |index| from + index + 1)
}

/// Do the rules' transcribers (or matchers: it does not matter) write
/// `.await` outside an `async` block of their own?
fn rules_await(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut at = 0;
    while at < trees.len() {
        match (&trees[at], trees.get(at + 1)) {
            (TokenTree::Ident(word), _) if word == "async" => {
                at = after_next_brace(&trees, at + 1);
                continue;
            }
            (TokenTree::Punct(dot), Some(TokenTree::Ident(word)))
                if dot.as_char() == '.' && word == "await" =>
            {
                return true;
            }
            (TokenTree::Group(group), _) if rules_await(group.stream()) => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::check_body;

    fn stops(body: &str) -> bool {
        check_body(&syn::parse_str(body).expect("a block")).is_err()
    }

    #[test]
    fn calls_of_rules_that_await() {
        assert!(stops(
            "{ macro_rules! get { ($k:expr) => { fetch($k).await }; } let a = get!(n); a }"
        ));
        assert!(stops(
            "{ macro_rules! get { ($k:expr) => { fetch($k).await }; } println!(\"{}\", get!(n)); }"
        ));
    }

    #[test]
    fn awaits_of_async_blocks() {
        // Awaited inside an `async` block of the rules, or called in one.
        assert!(!stops(
            "{ macro_rules! get { ($k:expr) => { async move { fetch($k).await } }; } let a = get!(n).await; a }"
        ));
        assert!(!stops(
            "{ macro_rules! get { ($k:expr) => { fetch($k).await }; } let a = async { get!(n) }.await; a }"
        ));
        assert!(!stops(
            "{ macro_rules! get { ($k:expr) => { fetch($k) }; } let a = get!(n).await; a }"
        ));
    }
}
