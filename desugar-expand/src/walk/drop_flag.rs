//! A local matched by patterns that may take it: how the match uses it, and
//! the match rewritten for a local kept with a drop flag.
//!
//! rustc gives a local a drop flag when a path may move it and another may
//! not: `match x { Ok(p) => .., Err(_) => .. }` takes `x` on one arm and
//! leaves it whole on the other, to be dropped at the end of its scope. The
//! expansion keeps such a local as a `__private::Flagged` (an `Option`
//! whose `None` is the flag) and matches the flag's place itself, so a
//! pattern moves out of it as it moves out of the local, and an arm that
//! takes the value clears the flag:
//!
//! Before: `match x { Ok(p) if c => use_it(p), _ => 0 }`
//! After:
//! ```text
//! match __flagged_x.0 {
//!     Some(Ok(p)) if c => { __flagged_x.0 = None; use_it(p) }
//!     _ => 0,
//!     #[allow(unreachable_patterns)]
//!     None => unreachable!(),
//! }
//! ```
//! (a `_` arm is left as it is: it would match the flag's `None` too,
//! which the twin proves never happens). An `if let` is rewritten alike,
//! its `then` block clearing the flag.

use syn::{Expr, Pat};

use super::patterns::{self, Matched};
use crate::ir::MentionKind;

/// How a `match` or `if let` uses its scrutinee, matched against `pats`.
/// `falls_through`: a value may match none of them and go on untouched
/// (an `if let` that does not match). `rewritable`: the construct can be
/// matched in a flag's place (a `match`, or an `if let` that is the whole
/// condition, not inside a loop of the statement), if the scrutinee is a
/// local's name. Matched again after it cleared the flag, where the
/// pattern only copied (`loop { match n { k => .. } }`), it would find it
/// empty; a loop the statement is in is the analysis' to see.
///
/// `ref` bindings borrow the scrutinee for as long as they live. A pattern
/// that takes some parts and leaves others (`(a, _)`) is taken for a read:
/// what it leaves cannot be kept across an await without the rest, so the
/// local is kept whole, and if a part was moved after all, the expansion
/// does not build (E0382) rather than drop the rest early.
pub(crate) fn kind<'a>(
    scrutinee: &Expr,
    pats: impl IntoIterator<Item = &'a Pat>,
    falls_through: bool,
    rewritable: bool,
) -> MentionKind {
    kind_holding(scrutinee, pats, falls_through, rewritable, false)
}

/// [`kind`], of a scrutinee that visibly holds a `&mut` where `holds_mut`
/// (see `patterns::takes_every_part`).
fn kind_holding<'a>(
    scrutinee: &Expr,
    pats: impl IntoIterator<Item = &'a Pat>,
    falls_through: bool,
    rewritable: bool,
    holds_mut: bool,
) -> MentionKind {
    let pats: Vec<&Pat> = pats.into_iter().collect();
    let lasting = pats.iter().any(|pat| patterns::binds_by_ref(pat));
    let named =
        matches!(scrutinee, Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some());
    let in_place = named && rewritable;
    match patterns::matched_holding(pats.iter().copied(), falls_through, holds_mut) {
        Matched::Taken => MentionKind::Taken {
            always: true,
            in_place,
        },
        Matched::MaybeTaken if in_place && !lasting => MentionKind::Taken {
            always: false,
            in_place,
        },
        Matched::Untouched | Matched::MaybeTaken | Matched::PartlyTaken => MentionKind::Place {
            may_move: false,
            lasting,
        },
    }
}

/// Does a match with `kind` (see [`kind`]) read its scrutinee as a place
/// and still bind parts of it by value? A pattern that takes some parts
/// and leaves others (`(a, _)`, `[first, ..]`), or one that may take it on
/// some paths where the local cannot be matched in a flag's place: what
/// those parts borrow, the bindings hold.
pub(crate) fn binds_parts<'a>(kind: MentionKind, pats: impl IntoIterator<Item = &'a Pat>) -> bool {
    matches!(kind, MentionKind::Place { .. }) && pats.into_iter().any(patterns::binds_by_value)
}

/// How a match by `pats` uses a scrutinee that is the name of a local
/// visibly holding a `&mut` (`slot: &mut Option<T>`), which [`kind`] said
/// it uses as `kind`. A pattern that binds through the reference
/// (`Some(s)`, see [`patterns::binds_through_reference`]) borrows what it
/// points to for as long as the bindings live, as `&mut *slot` would, and
/// neither moves nor drops the reference: the bindings hold the borrow,
/// and the local is still there after them (`slot.take()`).
pub(crate) fn through_mut<'a>(
    kind: MentionKind,
    pats: impl IntoIterator<Item = &'a Pat>,
) -> MentionKind {
    if pats.into_iter().any(patterns::binds_through_reference) {
        MentionKind::Place {
            may_move: false,
            lasting: true,
        }
    } else {
        kind
    }
}

/// How an `if let` that is the whole condition of its `if` uses its
/// scrutinee (`in_loop`: inside a loop of the walked statement;
/// `temporary`: see [`patterns::may_fail_with_rest`]).
pub(crate) fn if_let_kind(e: &syn::ExprLet, in_loop: bool, temporary: bool) -> MentionKind {
    let may_fail = patterns::may_fail_with_rest(&e.pat, temporary);
    kind(&e.expr, [&*e.pat], may_fail, !in_loop)
}

/// How a `match` uses its scrutinee (`in_loop`: as for [`if_let_kind`]).
pub(crate) fn match_kind<'a>(
    scrutinee: &Expr,
    pats: impl IntoIterator<Item = &'a Pat>,
    in_loop: bool,
) -> MentionKind {
    kind(scrutinee, pats, false, !in_loop)
}

/// [`match_kind`], of a scrutinee that visibly holds a `&mut` where
/// `holds_mut` (the name of a local that does: `__temporary1` made of
/// `(st, cmd)`, `st: &mut St`; see `patterns::takes_every_part`).
pub(crate) fn match_kind_holding<'a>(
    scrutinee: &Expr,
    pats: impl IntoIterator<Item = &'a Pat>,
    in_loop: bool,
    holds_mut: bool,
) -> MentionKind {
    kind_holding(scrutinee, pats, false, !in_loop, holds_mut)
}

/// `pat` matched in a flag's place: `Some(pat)`, its guard kept outside.
pub(crate) fn wrap(pat: &mut Pat) {
    let inner = match pat {
        Pat::Guard(guarded) => &mut *guarded.pat,
        other => other,
    };
    // A `_` matches the flag's `None` as well, which never happens.
    if matches!(inner, Pat::Wild(_)) {
        return;
    }
    // Built, not parsed: any pattern the user wrote fits.
    let taken = std::mem::replace(inner, Pat::Verbatim(Default::default()));
    *inner = Pat::TupleStruct(syn::PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path: syn::parse_quote!(::core::option::Option::Some),
        paren_token: Default::default(),
        elems: std::iter::once(taken).collect(),
    });
}

/// The statement an arm that takes the value starts with.
pub(crate) fn clear(flag: &syn::Ident) -> syn::Stmt {
    syn::parse_quote!(#flag.0 = ::core::option::Option::None;)
}

/// A `match`'s arms, matching the place of `flag`: each pattern wrapped,
/// each arm that binds by value clearing the flag first, and an arm for
/// the flag's `None`.
pub(crate) fn arms(arms: &mut Vec<syn::Arm>, flag: &syn::Ident) {
    for arm in arms.iter_mut() {
        if let Some(clear) = arm_in_flag(&mut arm.pat, flag) {
            let body = std::mem::replace(&mut *arm.body, Expr::Verbatim(Default::default()));
            *arm.body = Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block: syn::Block {
                    brace_token: Default::default(),
                    stmts: vec![clear, syn::Stmt::Expr(body, None)],
                },
            });
        }
        arm.comma.get_or_insert_with(Default::default);
    }
    let none = none_arm();
    arms.push(syn::parse_quote!(#none));
}

/// One arm's pattern, matching the place of `flag`: wrapped, and, if the
/// arm takes the value, the statement its body starts with.
pub(crate) fn arm_in_flag(pat: &mut Pat, flag: &syn::Ident) -> Option<syn::Stmt> {
    // A pattern that binds parts beside what it leaves (`Job { id: n, ..
    // }`, beside an arm taking the value whole: see `patterns::matched`)
    // leaves the value in the flag, to drop where the local does.
    let takes = patterns::binds_by_value(pat) && !patterns::leaves_rest(pat);
    wrap(pat);
    takes.then(|| clear(flag))
}

/// The arm for the flag's `None`, after the user's arms (rustc accepted
/// the twin, which reads the local only where it holds a value).
pub(crate) fn none_arm() -> proc_macro2::TokenStream {
    quote::quote! {
        #[allow(unreachable_patterns)]
        ::core::option::Option::None => ::core::unreachable!(),
    }
}
