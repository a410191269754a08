//! Random token trees and mutations of real ones.
//!
//! A token stream is edited as a tree ([`Tree`]): a mutation picks one of
//! its token sequences (the top level or a group's contents) and deletes,
//! inserts, swaps, duplicates, wraps, unwraps or replaces trees there, or
//! splices in trees from another corpus entry. Insertions draw from a pool
//! of tokens `#[desugar]` treats specially (`async`, `.await`, `?`,
//! `return`, `break`, labels, `move`, `unsafe`, its own generated names).

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::rng::Rng;

/// A token tree whose groups can be edited in place.
#[derive(Clone, Debug)]
pub enum Tree {
    Group(Delimiter, Vec<Tree>),
    Token(TokenTree),
}

/// Groups nest at most this deep in what the fuzzer builds (deeper input
/// only exercises recursion limits).
const MAX_DEPTH: usize = 12;

pub fn from_stream(stream: TokenStream) -> Vec<Tree> {
    stream
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(g) => Tree::Group(g.delimiter(), from_stream(g.stream())),
            other => Tree::Token(other),
        })
        .collect()
}

pub fn to_stream(trees: &[Tree]) -> TokenStream {
    trees
        .iter()
        .map(|tree| match tree {
            Tree::Group(delimiter, inner) => {
                TokenTree::Group(Group::new(*delimiter, to_stream(inner)))
            }
            Tree::Token(token) => token.clone(),
        })
        .collect()
}

const IDENTS: &[&str] = &[
    "async",
    "await",
    "fn",
    "let",
    "mut",
    "ref",
    "if",
    "else",
    "match",
    "loop",
    "while",
    "for",
    "in",
    "break",
    "continue",
    "return",
    "move",
    "unsafe",
    "self",
    "Self",
    "impl",
    "dyn",
    "pub",
    "crate",
    "super",
    "where",
    "const",
    "static",
    "struct",
    "enum",
    "trait",
    "type",
    "as",
    "true",
    "false",
    "Some",
    "None",
    "Ok",
    "Err",
    "Box",
    "Pin",
    "Future",
    "String",
    "Vec",
    "u32",
    "usize",
    "x",
    "y",
    "v",
    "data",
    "view",
    "leaf",
    "fetch",
    "Probe",
    "format",
    "vec",
    "println",
    "assert_eq",
    "join",
    "select",
    "matches",
    "write",
    "__state",
    "__homes",
    "__awaitee",
    "__result",
    "__value1",
    "__iter1",
    "__scrutinee1",
    "__cx",
    "__dispatch",
    "_",
    "r#async",
    "extern",
    "yield",
    "gen",
    "try",
    "box",
    "macro_rules",
    "union",
    "default",
];

const PUNCTS: &[&str] = &[
    ".", ",", ";", ":", "::", "?", "!", "&", "&&", "|", "||", "=", "==", "=>", "->", "+", "+=",
    "-", "*", "/", "%", "^", "<", ">", "<=", "..", "..=", "#", "@", "'", "$", "~",
];

/// A random token (never a group).
pub fn token(rng: &mut Rng) -> TokenTree {
    let span = Span::call_site();
    match rng.weighted(&[8, 6, 3]) {
        0 => {
            let name = *rng.pick(IDENTS);
            match name.strip_prefix("r#") {
                Some(raw) => TokenTree::Ident(Ident::new_raw(raw, span)),
                None => TokenTree::Ident(Ident::new(name, span)),
            }
        }
        1 => {
            let first = rng.pick(PUNCTS).chars().next().unwrap_or('.');
            let spacing = if rng.chance(25) {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            TokenTree::Punct(Punct::new(first, spacing))
        }
        _ => TokenTree::Literal(match rng.below(6) {
            0 => Literal::u32_suffixed(rng.range(0, 9)),
            1 => Literal::usize_unsuffixed(rng.below(100)),
            2 => Literal::string("text"),
            3 => Literal::character('c'),
            4 => Literal::f64_unsuffixed(1.5),
            _ => Literal::byte_string(b"bytes"),
        }),
    }
}

/// A punctuation sequence such as `=>` or `..=` as separate joint puncts.
fn punct_sequence(rng: &mut Rng) -> Vec<Tree> {
    let text = *rng.pick(PUNCTS);
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let spacing = if i + 1 < chars.len() {
                Spacing::Joint
            } else {
                Spacing::Alone
            };
            Tree::Token(TokenTree::Punct(Punct::new(c, spacing)))
        })
        .collect()
}

/// Random trees: up to `len` tokens and groups, groups at most `depth`
/// deep.
pub fn random(rng: &mut Rng, len: usize, depth: usize) -> Vec<Tree> {
    let mut out = Vec::new();
    let count = rng.below(len + 1);
    while out.len() < count {
        match rng.weighted(&[6, 2, if depth > 0 { 2 } else { 0 }, 1]) {
            0 => out.push(Tree::Token(token(rng))),
            1 => out.extend(punct_sequence(rng)),
            2 => {
                let delimiter = delimiter(rng);
                out.push(Tree::Group(delimiter, random(rng, len / 2, depth - 1)));
            }
            _ => {
                out.push(Tree::Token(TokenTree::Punct(Punct::new(
                    '.',
                    Spacing::Alone,
                ))));
                out.push(Tree::Token(TokenTree::Ident(Ident::new(
                    "await",
                    Span::call_site(),
                ))));
            }
        }
    }
    out
}

fn delimiter(rng: &mut Rng) -> Delimiter {
    *rng.pick(&[
        Delimiter::Parenthesis,
        Delimiter::Brace,
        Delimiter::Bracket,
        Delimiter::None,
    ])
}

/// The token sequences of `trees` (the top level and every group's
/// contents), by path of group indices, with their depth.
fn sequences(trees: &[Tree], path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(path.clone());
    for (i, tree) in trees.iter().enumerate() {
        if let Tree::Group(_, inner) = tree {
            path.push(i);
            sequences(inner, path, out);
            path.pop();
        }
    }
}

fn sequence_mut<'a>(trees: &'a mut Vec<Tree>, path: &[usize]) -> &'a mut Vec<Tree> {
    match path.split_first() {
        None => trees,
        Some((&first, rest)) => match &mut trees[first] {
            Tree::Group(_, inner) => sequence_mut(inner, rest),
            Tree::Token(_) => unreachable!("paths lead through groups"),
        },
    }
}

/// Applies `count` random mutations to `trees`; `donor` supplies trees to
/// splice in.
pub fn mutate(rng: &mut Rng, trees: &mut Vec<Tree>, donor: &[Tree], count: usize) {
    for _ in 0..count {
        let mut paths = Vec::new();
        sequences(trees, &mut Vec::new(), &mut paths);
        let path = rng.pick(&paths).clone();
        let depth = path.len();
        let seq = sequence_mut(trees, &path);
        let len = seq.len();
        let at = rng.below(len + 1);
        match rng.below(12) {
            0 | 1 if len > 0 => {
                seq.remove(at.min(len - 1));
            }
            2 | 3 => seq.insert(at, Tree::Token(token(rng))),
            4 if len > 1 => {
                let a = at.min(len - 2);
                seq.swap(a, a + 1);
            }
            5 if len > 0 => {
                let item = seq[at.min(len - 1)].clone();
                seq.insert(at.min(len - 1), item);
            }
            6 if len > 0 && depth < MAX_DEPTH => {
                let i = at.min(len - 1);
                let end = (i + 1 + rng.below(3)).min(len);
                let inner: Vec<Tree> = seq.drain(i..end).collect();
                seq.insert(i, Tree::Group(delimiter(rng), inner));
            }
            7 if len > 0 => {
                let i = at.min(len - 1);
                if let Tree::Group(_, inner) = seq[i].clone() {
                    seq.splice(i..=i, inner);
                }
            }
            8 => {
                let i = at;
                seq.insert(
                    i,
                    Tree::Token(TokenTree::Ident(Ident::new("await", Span::call_site()))),
                );
                seq.insert(
                    i,
                    Tree::Token(TokenTree::Punct(Punct::new('.', Spacing::Alone))),
                );
            }
            9 if !donor.is_empty() => {
                let start = rng.below(donor.len());
                let end = (start + 1 + rng.below(6)).min(donor.len());
                let piece: Vec<Tree> = donor[start..end].to_vec();
                seq.splice(at..at, piece);
            }
            10 if len > 0 => {
                let i = at.min(len - 1);
                if let Tree::Group(d, _) = &mut seq[i] {
                    *d = delimiter(rng);
                } else if let Tree::Token(TokenTree::Ident(_)) = &seq[i] {
                    seq[i] = Tree::Token(token(rng));
                }
            }
            11 if depth < MAX_DEPTH => {
                let piece = random(rng, 6, (MAX_DEPTH - depth).min(2));
                seq.splice(at..at, piece);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_round_trip() {
        let stream: TokenStream = "async fn f(x: u32) -> u32 { g(x).await? + 1 }"
            .parse()
            .unwrap();
        let back = to_stream(&from_stream(stream.clone()));
        assert_eq!(back.to_string(), stream.to_string());
    }

    #[test]
    fn mutations_keep_groups_bounded() {
        let mut rng = Rng::new(3);
        let stream: TokenStream = "async fn f() { a(b(c)).await; }".parse().unwrap();
        let mut trees = from_stream(stream);
        for _ in 0..200 {
            mutate(&mut rng, &mut trees, &[], 4);
        }
        fn depth(trees: &[Tree]) -> usize {
            trees
                .iter()
                .map(|t| match t {
                    Tree::Group(_, inner) => 1 + depth(inner),
                    Tree::Token(_) => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&trees) <= MAX_DEPTH + 2);
    }
}
