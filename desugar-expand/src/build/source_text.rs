//! Source text of expressions, for doc comments and messages.

use quote::ToTokens;

/// `operand.await`, shortened, for the variant's doc comment.
pub(super) fn describe(operand: &syn::Expr) -> String {
    let text = format!("{}.await", compact(operand.to_token_stream()));
    if text.chars().count() > 80 {
        format!("{} …", text.chars().take(77).collect::<String>())
    } else {
        text
    }
}

/// Tokens printed the way people write them: `f(&x, y.len())`, not
/// `f (& x , y . len ())`.
pub(crate) fn compact(tokens: proc_macro2::TokenStream) -> String {
    use proc_macro2::{Delimiter, Spacing, TokenTree};
    let mut out = String::new();
    let mut glue = true;
    for tree in tokens {
        let (text, next_glue) = match &tree {
            TokenTree::Group(group) => {
                let inner = compact(group.stream());
                let text = match group.delimiter() {
                    Delimiter::Parenthesis => format!("({inner})"),
                    Delimiter::Bracket => format!("[{inner}]"),
                    Delimiter::Brace => format!("{{ {inner} }}"),
                    Delimiter::None => inner,
                };
                glue |= group.delimiter() != Delimiter::Brace;
                (text, false)
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                glue |= matches!(c, '.' | ',' | ';' | '?' | ':')
                    || punct.spacing() == Spacing::Joint && c != ':';
                (
                    c.to_string(),
                    matches!(c, '.' | '&' | '*' | '!' | '-' | ':')
                        || punct.spacing() == Spacing::Joint,
                )
            }
            other => (other.to_string(), false),
        };
        if !glue && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text);
        glue = next_glue;
    }
    out
}
