//! Source text of expressions, for doc comments and messages.

use quote::ToTokens;

/// Tokens printed the way people write them, and as rustc prints an
/// expression (`assert!`'s message): `f(&x, y.len())`, not `f (& x , y .
/// len ())`; `a == (1, 1)`, `1..=3`, `Pt { x: 1 }`, `<u32 as Into<u64>>`.
pub(crate) fn compact(tokens: proc_macro2::TokenStream) -> String {
    compact_in(tokens, false)
}

/// A type's tokens, printed as `compact` prints them, its `<` opening
/// arguments: `Vec<u32>`, not `Vec < u32 >`.
pub(crate) fn compact_type(tokens: proc_macro2::TokenStream) -> String {
    compact_in(tokens, true)
}

fn compact_in(tokens: proc_macro2::TokenStream, in_type: bool) -> String {
    use proc_macro2::{Delimiter, Spacing, TokenTree};
    let mut out = String::new();
    let mut glue = true;
    // The last token ended an operand (a name, a literal, a group): an
    // operator that follows is binary (`a && b`, `a - b`), spaced, not a
    // prefix (`&x`, `-1`). `in_binary`: inside such an operator's puncts.
    let mut after_operand = false;
    let mut after_ident = false;
    // The last token was a keyword: a group after it is not called or
    // indexed (`match (a, b)`, `in [1, 2]`).
    let mut after_keyword = false;
    let mut in_binary = false;
    let mut joint_before = false;
    // Generic arguments open (`Vec::<u32>`, `<[u32]>::len`, `<u32 as
    // Into<u64>>`), closure parameters open (`|c| ..`).
    let mut angles = 0usize;
    let mut closure = false;
    // A `match` whose arms are the next braces.
    let mut match_arms = false;
    // The operator the last puncts spelled so far (`&&` in `&&!ok`).
    let mut operator = String::new();
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, tree) in trees.iter().enumerate() {
        let (text, next_glue) = match tree {
            TokenTree::Group(group) => {
                let inner = if group.delimiter() == Delimiter::Brace && match_arms {
                    arms(group.stream())
                } else {
                    compact_in(group.stream(), in_type)
                };
                let text = match group.delimiter() {
                    Delimiter::Parenthesis => format!("({inner})"),
                    Delimiter::Bracket => format!("[{inner}]"),
                    Delimiter::Brace if inner.is_empty() => "{}".to_owned(),
                    Delimiter::Brace => format!("{{ {inner} }}"),
                    Delimiter::None => inner,
                };
                // A call or an index follows its operand; a group after an
                // operator or a keyword is an operand of its own.
                glue |= group.delimiter() != Delimiter::Brace && after_operand && !after_keyword;
                match_arms &= group.delimiter() != Delimiter::Brace;
                after_operand = true;
                after_ident = false;
                after_keyword = false;
                joint_before = false;
                (text, false)
            }
            TokenTree::Punct(punct) => {
                let c = punct.as_char();
                let starts = !joint_before;
                if starts {
                    in_binary = false;
                    operator.clear();
                }
                operator.push(c);
                // Joint only within one operator: `&&!ok` is `&&` and `!`,
                // `|&n|` a closure's `|` and a pattern's `&`.
                let joint = punct.spacing() == Spacing::Joint
                    && matches!(trees.get(index + 1), Some(TokenTree::Punct(next))
                        if continues(&operator, next.as_char()));
                let next = if c == '\'' {
                    // A lifetime or a label: `break 'b`, `&'a T`.
                    true
                } else if c == '-' && joint && operator_continues_with(&trees, index, '>') {
                    // A return type's arrow, spaced both sides: `|n: u32| ->
                    // bool`.
                    glue = false;
                    true
                } else if c == '>' && operator == "->" {
                    false
                } else if c == '!' && !joint && after_ident && !after_keyword {
                    // A macro's name: `matches!(..)`.
                    glue = true;
                    true
                } else if c == '<'
                    && (in_type || out.ends_with(':') || angles > 0 || starts && !after_operand)
                {
                    // A type's own arguments follow its name: `Into<u64>`.
                    glue |= after_ident;
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
                } else if c == ':' && !joint && !joint_before {
                    // A field's or a type's `:`, not a path's `::`.
                    glue = true;
                    false
                } else if c == '=' && !starts && out.ends_with("..") {
                    // `..=`, spaced as `..`: `1..=3`.
                    true
                } else {
                    if starts {
                        in_binary = after_operand
                            && (matches!(
                                c,
                                '&' | '*' | '-' | '|' | '+' | '/' | '%' | '^' | '=' | '<' | '>'
                            ) || c == '!' && joint);
                    }
                    // A field, a method or a range's end follows its
                    // operand; a range with no start is spaced as an
                    // operand (`Pt { x: 1, ..base }`).
                    glue |= match c {
                        '.' => after_operand || !starts,
                        ',' | ';' | '?' | ':' => true,
                        _ => joint,
                    };
                    if in_binary && starts {
                        glue = false;
                    }
                    if in_binary {
                        joint
                    } else {
                        matches!(c, '.' | '&' | '*' | '!' | '-' | ':') || joint
                    }
                };
                after_operand = c == '?' || (c == '>' && !joint && operator != "->");
                after_ident = false;
                after_keyword = false;
                joint_before = joint;
                (c.to_string(), next)
            }
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                after_keyword = KEYWORDS.contains(&name.as_str());
                // An operator after a keyword is a prefix (`as &dyn T`),
                // a `|` a closure's (`move |k| k`).
                after_operand = !after_keyword;
                after_ident = true;
                match_arms |= name == "match";
                joint_before = false;
                (name, false)
            }
            TokenTree::Literal(literal) => {
                after_operand = true;
                after_ident = false;
                after_keyword = false;
                joint_before = false;
                (literal.to_string(), false)
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

/// Whether `c` after the puncts of `operator` (the last of which is
/// `operator`'s own last char) spells one longer operator.
fn continues(operator: &str, c: char) -> bool {
    let longer = format!("{operator}{c}");
    OPERATORS.iter().any(|known| known.starts_with(&longer))
}

/// Whether the tree after `index` is the punct `c`.
fn operator_continues_with(trees: &[proc_macro2::TokenTree], index: usize, c: char) -> bool {
    matches!(trees.get(index + 1), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == c)
}

/// The operators of more than one punct.
const OPERATORS: &[&str] = &[
    "&&", "||", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=",
    "<<=", ">>=", "..", "...", "..=", "::", "->", "=>",
];

/// Keywords a group may follow as an operand of its own.
const KEYWORDS: &[&str] = &[
    "as", "box", "break", "else", "for", "if", "in", "let", "loop", "match", "move", "mut", "ref",
    "return", "unsafe", "while", "yield",
];

/// A `match`'s arms, as rustc prints them: each followed by a comma,
/// except one whose body is a block (`1 => true, n => { n > 2 } _ =>
/// false,`). Tokens that do not read as arms are printed as they are.
fn arms(tokens: proc_macro2::TokenStream) -> String {
    use syn::parse::{Parse, ParseStream, Parser};
    let parse_arms = |input: ParseStream| {
        let mut arms = Vec::new();
        while !input.is_empty() {
            arms.push(syn::Arm::parse(input)?);
        }
        Ok(arms)
    };
    let Ok(arms) = parse_arms.parse2(tokens.clone()) else {
        return compact(tokens);
    };
    let printed: Vec<String> = arms
        .into_iter()
        .map(|mut arm| {
            arm.comma = None;
            let block = matches!(&*arm.body, syn::Expr::Block(_));
            let text = compact(arm.to_token_stream());
            if block { text } else { format!("{text},") }
        })
        .collect();
    printed.join(" ")
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

    #[test]
    fn struct_literals_groups_ranges_and_paths_are_spaced_as_rustc_prints_them() {
        assert_eq!(
            text("Pt { x: fetch(x).await, y: 0 } == Pt { x: 1, ..base }"),
            "Pt { x: fetch(x).await, y: 0 } == Pt { x: 1, ..base }"
        );
        assert_eq!(text("(a, x) == (1, 1)"), "(a, x) == (1, 1)");
        assert_eq!(text("a == [1, 2][0] + (1)"), "a == [1, 2][0] + (1)");
        assert_eq!(
            text("match (a, b) { _ => f(a)[0] }"),
            "match (a, b) { _ => f(a)[0], }"
        );
        assert_eq!(text("(1..=3).contains(&a)"), "(1..=3).contains(&a)");
        assert_eq!(
            text("(a..b).len() + (..=c).end"),
            "(a..b).len() + (..=c).end"
        );
        assert_eq!(
            text("<u32 as Into<u64>>::into(x) == 9"),
            "<u32 as Into<u64>>::into(x) == 9"
        );
        assert_eq!(
            text("Vec::<Option<u32>>::new().len() < 1"),
            "Vec::<Option<u32>>::new().len() < 1"
        );
        assert_eq!(text("(|v: u32| v)(a) > 1"), "(|v: u32| v)(a) > 1");
    }

    #[test]
    fn closures_labels_and_prefixes_are_spaced_as_rustc_prints_them() {
        assert_eq!(
            text("v.iter().all(|&n| n % 2 == 0)"),
            "v.iter().all(|&n| n % 2 == 0)"
        );
        assert_eq!(
            text("(|n: u32| -> bool { n > 5 })(x)"),
            "(|n: u32| -> bool { n > 5 })(x)"
        );
        assert_eq!(text("(|n|->bool { n })(x)"), "(|n| -> bool { n })(x)");
        assert_eq!(text("x.await&&!n"), "x.await && !n");
        assert_eq!(text("a||!b&&&c"), "a || !b && &c");
        assert_eq!(
            text("v.iter().map(|n| move |k: u32| k + n).count()"),
            "v.iter().map(|n| move |k: u32| k + n).count()"
        );
        assert_eq!(text("|| true"), "|| true");
        assert_eq!(
            text("'b: { if x { break 'b false; } true }"),
            "'b: { if x { break 'b false; } true }"
        );
        assert_eq!(
            text("size_of_val(&x as &dyn Debug) == 0"),
            "size_of_val(&x as &dyn Debug) == 0"
        );
        assert_eq!(text("x as &'static str"), "x as &'static str");
        assert_eq!(
            super::compact_type("HashMap<String, Vec<u32>>".parse().expect("tokens")),
            "HashMap<String, Vec<u32>>"
        );
        assert_eq!(text("x -= 1"), "x -= 1");
    }

    #[test]
    fn match_arms_end_with_a_comma_unless_a_block() {
        assert_eq!(
            text("match x { 1 => true, _ => false }"),
            "match x { 1 => true, _ => false, }"
        );
        assert_eq!(
            text("match x { 1 => { true }, n if n > 2 => f(n), _ => false, }"),
            "match x { 1 => { true } n if n > 2 => f(n), _ => false, }"
        );
        assert_eq!(text("match x {}"), "match x {}");
    }
}
