//! The parts of a value a pattern destructures whose type may implement
//! `Drop`.
//!
//! No field of a type with a `Drop` impl can be moved out, so a pattern that
//! binds its fields by value only copies them, and the value stays to the
//! end of its scope (`let (Token { id }, n) = pair;` moves `n` and leaves
//! `pair.0` to be dropped there). Syntax takes such a pattern for a move;
//! only the compiler knows the types, so the expansion asks it about each
//! part (`__private::destructured`), through a pattern that matches the
//! local by reference and binds that part alone:
//!
//! Before: `let (Token { id }, n) = pair;`
//! After:  `match &pair { (__part, _) => taken_whole((&&Destructured(__part)).kind()), _ => {} }`

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{FieldPat, Pat, PatIdent, PatRest, PatStruct, PatTuple, PatTupleStruct, PatWild};

use super::patterns::binds_by_value;
use crate::ir::MentionKind;
use crate::names;

/// One part to ask about: `pat` matches the whole value (by reference) and
/// binds the part to [`part`]; `at` is where the user's pattern
/// destructures it.
#[derive(Clone)]
pub(crate) struct Witness {
    pub pat: Pat,
    pub at: Span,
    pub left: Left,
}

/// How rustc leaves a part with a `Drop` impl where the machine takes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Left {
    /// Destructured field by field: the fields are only copied, and the
    /// part stays in the value (`__private::taken_whole`).
    Fields,
    /// A unit variant or unit struct a path matches beside parts the
    /// pattern takes (`(Kind::A, s)`), left in the value rather than
    /// destructured (`__private::left_in_value`).
    Path,
    /// The whole value, matched by a path (`Kind::A =>`) where the other
    /// arms take it: left in the local (`__private::left_in_local`).
    Local,
}

impl Witness {
    /// Is the part the whole value (`let Token { id } = token;`)?
    pub(crate) fn is_whole(&self) -> bool {
        matches!(&self.pat, Pat::Ident(p) if p.ident == part())
    }
}

/// The name a witness binds its part to.
pub(crate) fn part() -> syn::Ident {
    names::hidden("__part")
}

/// The parts to ask about of a local a `match` or `if let` on it uses as
/// `kind`, matched by `pats`: each pattern's [`witnesses`] where `kind`
/// takes it; and where it takes it always, each arm's that is a path
/// (`Kind::A =>`, beside `other =>`). That arm takes nothing and leaves
/// the value in the local, to drop at the end of its scope; syntax takes
/// it for a value with nothing to drop, which holds unless its type
/// implements `Drop`. (A match in a flag's place leaves it in the flag.)
pub(crate) fn matched<'p>(
    pats: impl IntoIterator<Item = &'p Pat>,
    kind: MentionKind,
) -> Vec<Witness> {
    let always = matches!(kind, MentionKind::Taken { always: true, .. });
    if !matches!(kind, MentionKind::Taken { .. } | MentionKind::Value) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for pat in pats {
        found.extend(witnesses(pat));
        if always {
            found.extend(whole_by_path(pat));
        }
    }
    found
}

/// The whole value, for an arm's pattern that is a path (see [`matched`]).
fn whole_by_path(pat: &Pat) -> Vec<Witness> {
    match pat {
        Pat::Path(p) if may_drop(p) => {
            vec![Witness {
                pat: whole(),
                at: pat.span(),
                left: Left::Local,
            }]
        }
        Pat::Paren(p) => whole_by_path(&p.pat),
        Pat::Guard(p) => whole_by_path(&p.pat),
        Pat::Or(p) => p.cases.iter().flat_map(whole_by_path).collect(),
        _ => Vec::new(),
    }
}

/// A unit variant or unit struct a path matches, of a type that may
/// implement `Drop`: not `None`.
fn may_drop(p: &syn::PatPath) -> bool {
    p.path
        .segments
        .last()
        .is_none_or(|last| last.ident != "None")
}

/// The pattern that binds the whole value to [`part`].
fn whole() -> Pat {
    Pat::Ident(PatIdent {
        attrs: Vec::new(),
        by_ref: None,
        mutability: None,
        ident: part(),
        subpat: None,
    })
}

/// [`witnesses`] of a part of a pattern (an element, a field): also a
/// unit variant or unit struct named by a path (`(Kind::A, s)`), taken for
/// a part with nothing to drop, which holds unless its type implements
/// `Drop`. (At the top, a path binds nothing and takes nothing: see
/// [`matched`].)
fn part_witnesses(pat: &Pat) -> Vec<Witness> {
    match pat {
        Pat::Path(p) if may_drop(p) => {
            vec![Witness {
                pat: whole(),
                at: pat.span(),
                left: Left::Path,
            }]
        }
        Pat::Paren(p) => part_witnesses(&p.pat),
        pat => witnesses(pat),
    }
}

/// Input: `Token { id }`, `(Token { id }, n)`, `Some(Wrap(Token { id }))`,
/// `Some(p)`, `x @ Token { id }`.
/// Output: `__part`; `(__part, _)`; `Some(__part)` and `Some(Wrap(__part))`;
/// nothing; nothing (`x` takes the whole value).
///
/// `Option`'s, `Result`'s, tuples and arrays never implement `Drop`; every
/// other struct or variant pattern that binds by value is a part. A
/// reference pattern destructures through a reference, which moves nothing.
pub(crate) fn witnesses(pat: &Pat) -> Vec<Witness> {
    match pat {
        Pat::Ident(p) if p.by_ref.is_some() => p
            .subpat
            .as_ref()
            .map(|(_, sub)| witnesses(sub))
            .unwrap_or_default(),
        Pat::Paren(p) => witnesses(&p.pat),
        Pat::Type(p) => witnesses(&p.pat),
        Pat::Guard(p) => witnesses(&p.pat),
        Pat::Or(p) => p.cases.iter().flat_map(witnesses).collect(),
        Pat::Tuple(p) => in_elements(&p.elems, |mut elems| {
            // `(x,)`: without its comma, `(x)` is no tuple.
            if elems.len() == 1 {
                elems.push_punct(Default::default());
            }
            Pat::Tuple(PatTuple {
                attrs: Vec::new(),
                paren_token: p.paren_token,
                elems,
            })
        }),
        Pat::Slice(p) => in_elements(&p.elems, |elems| {
            Pat::Slice(syn::PatSlice {
                attrs: Vec::new(),
                bracket_token: p.bracket_token,
                elems,
            })
        }),
        Pat::TupleStruct(p) => {
            let mut found = own(pat, &p.path);
            found.extend(in_elements(&p.elems, |elems| {
                Pat::TupleStruct(PatTupleStruct {
                    attrs: Vec::new(),
                    qself: p.qself.clone(),
                    path: p.path.clone(),
                    paren_token: p.paren_token,
                    elems,
                })
            }));
            found
        }
        Pat::Struct(p) => {
            let mut found = own(pat, &p.path);
            for field in &p.fields {
                found.extend(part_witnesses(&field.pat).into_iter().map(|inner| {
                    let only = FieldPat {
                        attrs: Vec::new(),
                        member: field.member.clone(),
                        colon_token: Some(Default::default()),
                        pat: Box::new(inner.pat),
                    };
                    Witness {
                        pat: Pat::Struct(PatStruct {
                            attrs: Vec::new(),
                            qself: p.qself.clone(),
                            path: p.path.clone(),
                            brace_token: p.brace_token,
                            fields: Punctuated::from_iter([only]),
                            rest: Some(PatRest {
                                attrs: Vec::new(),
                                dot2_token: Default::default(),
                            }),
                        }),
                        at: inner.at,
                        left: inner.left,
                    }
                }));
            }
            found
        }
        _ => Vec::new(),
    }
}

/// Does `pat` take a value whose type syntax knows has no `Drop` impl,
/// nor any part it destructures: no part [`witnesses`] asks about, or a
/// map entry's variant (`Entry::Vacant(v)`, `Entry::Occupied(o)`, of
/// `hash_map` or `btree_map`), with no such part inside? (The witness of
/// the entry is still asked about, so that an `Entry` of the user's with
/// a `Drop` impl stops the build.)
///
/// Input: `Entry::Vacant(v)`, `Some(s)`, `(a, b)`, `Job::Run(n)`, `Vacant(v)`.
/// Output: yes, yes, yes, no, no.
pub(crate) fn known_without_drop(pat: &Pat) -> bool {
    match pat {
        Pat::Paren(p) => known_without_drop(&p.pat),
        Pat::TupleStruct(p) if is_map_entry(&p.path) => {
            p.elems.iter().all(|elem| part_witnesses(elem).is_empty())
        }
        _ => witnesses(pat).is_empty(),
    }
}

/// `Entry::Vacant` or `Entry::Occupied`, with the enum named.
fn is_map_entry(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(
        names.as_slice(),
        [.., entry, variant] if entry == "Entry" && (variant == "Vacant" || variant == "Occupied")
    )
}

/// The struct or variant pattern `pat` itself, if its type may implement
/// `Drop` and it binds by value.
fn own(pat: &Pat, path: &syn::Path) -> Vec<Witness> {
    let std_variant = path
        .segments
        .last()
        .is_some_and(|s| s.ident == "Some" || s.ident == "Ok" || s.ident == "Err");
    if std_variant || !binds_by_value(pat) {
        return Vec::new();
    }
    vec![Witness {
        pat: whole(),
        at: pat.span(),
        left: Left::Fields,
    }]
}

/// The parts inside a list of element patterns, each put back into the
/// list by `rebuild` with its siblings blanked.
fn in_elements(
    elems: &Punctuated<Pat, syn::Token![,]>,
    rebuild: impl Fn(Punctuated<Pat, syn::Token![,]>) -> Pat,
) -> Vec<Witness> {
    let mut found = Vec::new();
    for (index, elem) in elems.iter().enumerate() {
        for Witness { pat, at, left } in part_witnesses(elem) {
            let mut pat = Some(pat);
            let list = elems
                .iter()
                .enumerate()
                .map(|(i, sibling)| match pat.take_if(|_| i == index) {
                    Some(pat) => pat,
                    None => blank(sibling),
                })
                .collect();
            found.push(Witness {
                pat: rebuild(list),
                at,
                left,
            });
        }
    }
    found
}

/// A sibling of the part: `..` (or `rest @ ..`) stays a rest pattern, so
/// the list keeps its length; anything else matches as `_`.
fn blank(sibling: &Pat) -> Pat {
    let rest = match sibling {
        Pat::Rest(_) => true,
        Pat::Ident(p) => p
            .subpat
            .as_ref()
            .is_some_and(|(_, sub)| matches!(**sub, Pat::Rest(_))),
        _ => false,
    };
    if rest {
        Pat::Rest(PatRest {
            attrs: Vec::new(),
            dot2_token: Default::default(),
        })
    } else {
        Pat::Wild(PatWild {
            attrs: Vec::new(),
            underscore_token: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;
    use syn::parse::Parser;

    use super::*;

    fn parts(text: &str) -> Vec<String> {
        let pat = Pat::parse_multi_with_leading_vert
            .parse_str(text)
            .expect("a pattern");
        witnesses(&pat)
            .iter()
            .map(|w| w.pat.to_token_stream().to_string())
            .collect()
    }

    #[test]
    fn each_part_that_may_implement_drop_is_bound_alone() {
        assert_eq!(parts("Token { id }"), ["__part"]);
        assert_eq!(parts("(Token { id }, n)"), ["(__part , _)"]);
        assert_eq!(parts("(Token { id },)"), ["(__part ,)"]);
        assert_eq!(
            parts("Some(Wrap(Token { id }))"),
            ["Some (__part)", "Some (Wrap (__part))"]
        );
        assert_eq!(
            parts("Outer { inner: Token(id), n }"),
            ["__part", "Outer { inner : __part , .. }"]
        );
        assert_eq!(
            parts("[first, Token { id }, rest @ ..]"),
            ["[_ , __part , ..]"]
        );
        assert_eq!(
            parts("Ok(Token { id }) | Err(Token { id })"),
            ["Ok (__part)", "Err (__part)"]
        );
        assert_eq!(parts("ref whole @ Token { id }"), ["__part"]);
    }

    #[test]
    fn map_entries_and_std_types_are_known_without_drop() {
        for (text, known) in [
            ("Entry::Vacant(v)", true),
            ("btree_map::Entry::Occupied(o)", true),
            ("Some(s)", true),
            ("(a, Ok(b))", true),
            ("Entry::Vacant(Token { id })", false),
            ("Job::Run(n)", false),
            ("Vacant(v)", false),
            ("Some(Job::Run(n))", false),
        ] {
            let pat = Pat::parse_multi_with_leading_vert
                .parse_str(text)
                .expect("a pattern");
            assert_eq!(known_without_drop(&pat), known, "{text}");
        }
    }

    #[test]
    fn moves_borrows_and_std_types_are_not_parts() {
        for text in [
            "Some(p)",
            "(a, b)",
            "whole @ Token { id }",
            "&Token { id }",
            "Token { ref id }",
            "Token { id: _ }",
            "Ok(n) | Err(n)",
        ] {
            assert!(parts(text).is_empty(), "{text}");
        }
    }
}
