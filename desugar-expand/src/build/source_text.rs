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
    // The last token ended an operand (a name, a literal, a group): an
    // operator that follows is binary (`a && b`, `a - b`), spaced, not a
    // prefix (`&x`, `-1`). `in_binary`: inside such an operator's puncts.
    let mut after_operand = false;
    let mut after_ident = false;
    let mut in_binary = false;
    let mut joint_before = false;
    // Generic arguments open (`Vec::<u32>`, `<[u32]>::len`), closure
    // parameters open (`|c| ..`).
    let mut angles = 0usize;
    let mut closure = false;
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
                after_operand = true;
                after_ident = false;
                joint_before = false;
                (text, false)
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                let joint = punct.spacing() == Spacing::Joint;
                let starts = !joint_before;
                if starts {
                    in_binary = false;
                }
                let next = if c == '!' && !joint && after_ident {
                    // A macro's name: `matches!(..)`.
                    glue = true;
                    true
                } else if c == '<' && (out.ends_with(':') || starts && !after_operand) {
                    angles += 1;
                    true
                } else if c == '>' && angles > 0 {
                    angles -= 1;
                    glue = true;
                    joint
                } else if c == '|' && closure {
                    closure = false;
                    glue = true;
                    false
                } else if c == '|' && starts && !joint && !after_operand {
                    closure = true;
                    true
                } else {
                    if starts {
                        in_binary = after_operand
                            && (matches!(
                                c,
                                '&' | '*' | '-' | '|' | '+' | '/' | '%' | '^' | '=' | '<' | '>'
                            ) || c == '!' && joint);
                    }
                    glue |= matches!(c, '.' | ',' | ';' | '?' | ':') || joint && c != ':';
                    if in_binary && starts {
                        glue = false;
                    }
                    if in_binary {
                        joint
                    } else {
                        matches!(c, '.' | '&' | '*' | '!' | '-' | ':') || joint
                    }
                };
                after_operand = c == '?' || (c == '>' && !joint);
                after_ident = false;
                joint_before = joint;
                (c.to_string(), next)
            }
            other => {
                after_operand = true;
                after_ident = matches!(other, TokenTree::Ident(_));
                joint_before = false;
                (other.to_string(), false)
            }
        };
        if !glue && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text);
        glue = next_glue;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::compact;

    fn text(expr: &str) -> String {
        compact(expr.parse().expect("tokens"))
    }

    #[test]
    fn operators_are_spaced_as_rustc_prints_them() {
        assert_eq!(
            text("seen.contains(':') && host.len() > 2"),
            "seen.contains(':') && host.len() > 2"
        );
        assert_eq!(text("v[0] == 1"), "v[0] == 1");
        assert_eq!(text("a - b * c"), "a - b * c");
        assert_eq!(text("f(&x, -1, *y, !ok)"), "f(&x, -1, *y, !ok)");
        assert_eq!(text("Type::new(x)?.len() | 1"), "Type::new(x)?.len() | 1");
        assert_eq!(text("a || &b == c"), "a || &b == c");
        assert_eq!(text("Vec::<u32>::is_empty(&v)"), "Vec::<u32>::is_empty(&v)");
        assert_eq!(text("<[u32]>::len(&v) > 5"), "<[u32]>::len(&v) > 5");
        assert_eq!(
            text("matches!(h.as_str(), \"a\" | \"b\")"),
            "matches!(h.as_str(), \"a\" | \"b\")"
        );
        assert_eq!(
            text("h.chars().any(|c| c == 'x')"),
            "h.chars().any(|c| c == 'x')"
        );
        assert_eq!(text("a < b && c > d"), "a < b && c > d");
        assert_eq!(
            text("w != 2 || matches!(s.first(), Some(&9) | None)"),
            "w != 2 || matches!(s.first(), Some(&9) | None)"
        );
    }
}
