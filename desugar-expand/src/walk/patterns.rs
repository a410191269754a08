//! The bindings a pattern introduces.

use syn::Pat;

/// One binding of a pattern.
pub(crate) struct Binding {
    pub ident: syn::Ident,
    pub mutable: bool,
    /// `ref mut x`: the local is a `&mut` to the part it binds.
    pub ref_mut: bool,
}

/// Input: `(a, mut b, Some(ref c), Point { x, .. })`.
/// Output: `a`, `b` (mutable), `c`, `x`, in source order.
///
/// An identifier starting with an uppercase letter is taken for a unit struct,
/// unit variant or constant (`None`, `MAX`), as rustc's naming lints assume.
pub(crate) fn bindings(pat: &Pat) -> Vec<Binding> {
    let mut out = Vec::new();
    collect(pat, &mut out);
    out
}

fn collect(pat: &Pat, out: &mut Vec<Binding>) {
    match pat {
        Pat::Ident(p) => {
            if is_binding(p) {
                out.push(Binding {
                    ident: p.ident.clone(),
                    mutable: p.mutability.is_some(),
                    ref_mut: p.by_ref.is_some() && p.mutability.is_some(),
                });
            }
            if let Some((_, sub)) = &p.subpat {
                collect(sub, out);
            }
        }
        // Every alternative binds the same names.
        Pat::Or(p) => {
            if let Some(first) = p.cases.first() {
                collect(first, out);
            }
        }
        Pat::Paren(p) => collect(&p.pat, out),
        Pat::Reference(p) => collect(&p.pat, out),
        Pat::Slice(p) => p.elems.iter().for_each(|e| collect(e, out)),
        Pat::Struct(p) => p.fields.iter().for_each(|f| collect(&f.pat, out)),
        Pat::Tuple(p) => p.elems.iter().for_each(|e| collect(e, out)),
        Pat::TupleStruct(p) => p.elems.iter().for_each(|e| collect(e, out)),
        Pat::Type(p) => collect(&p.pat, out),
        Pat::Guard(p) => collect(&p.pat, out),
        _ => {}
    }
}

/// Is `p` a binding, not a unit struct, unit variant or constant (see
/// [`bindings`])?
pub(crate) fn is_binding(p: &syn::PatIdent) -> bool {
    p.subpat.is_some()
        || p.by_ref.is_some()
        || p.mutability.is_some()
        || !p.ident.to_string().starts_with(|c: char| c.is_uppercase())
}

/// Is `p` a unit struct or a constant named by itself (`Token`, `MAX`), not
/// a binding nor `None`? Matching, it moves nothing and leaves its part in
/// the value, to drop with the rest of it: the type may have a `Drop`
/// impl, as `Token`'s may. (A unit struct's part is not even read, having
/// one value only; a constant's is read as a copy, which leaves it there
/// too.)
pub(crate) fn is_left_in_place(p: &syn::PatIdent) -> bool {
    !is_binding(p) && p.ident != "None"
}

/// `pat` binding `ident` alone, under the name `declared` (`mut` if
/// `mutable`), every other binding made `_`: with the type the whole
/// pattern is written with, it declares that one local with its own type,
/// however the pattern splits the type.
///
/// Input: `(mask, shift)`, `shift`. Output: `(_, shift)`.
/// Input: `Pair { a, b }`, `b`. Output: `Pair { a: _, b }`.
pub(crate) fn only_binding(
    pat: &Pat,
    ident: &syn::Ident,
    declared: &syn::Ident,
    mutable: bool,
) -> Pat {
    struct Only<'a> {
        ident: &'a syn::Ident,
        declared: &'a syn::Ident,
        mutable: bool,
    }
    impl syn::visit_mut::VisitMut for Only<'_> {
        fn visit_pat_mut(&mut self, pat: &mut Pat) {
            if let Pat::Ident(p) = pat
                && is_binding(p)
                && p.ident != *self.ident
            {
                // `other @ sub` keeps `sub`, which may hold the binding.
                *pat = match p.subpat.take() {
                    Some((_, sub)) => *sub,
                    None => Pat::Wild(syn::PatWild {
                        attrs: Vec::new(),
                        underscore_token: Default::default(),
                    }),
                };
                return self.visit_pat_mut(pat);
            }
            if let Pat::Ident(p) = pat
                && p.ident == *self.ident
            {
                p.ident = self.declared.clone();
                p.mutability = self.mutable.then(Default::default);
            }
            syn::visit_mut::visit_pat_mut(self, pat);
        }
        // A shorthand field (`Pair { a }`) whose binding is made `_` or
        // renamed is written out.
        fn visit_field_pat_mut(&mut self, field: &mut syn::FieldPat) {
            syn::visit_mut::visit_field_pat_mut(self, field);
            let shorthand = match (&field.member, &*field.pat) {
                (syn::Member::Named(member), Pat::Ident(p)) => p.ident == *member,
                _ => false,
            };
            if !shorthand {
                field.colon_token.get_or_insert_with(Default::default);
            }
        }
    }
    let mut pat = pat.clone();
    syn::visit_mut::VisitMut::visit_pat_mut(
        &mut Only {
            ident,
            declared,
            mutable,
        },
        &mut pat,
    );
    pat
}

/// Does the pattern bind anything by reference (`ref x`, `ref mut x`)?
pub(crate) fn binds_by_ref(pat: &Pat) -> bool {
    find_ref_binding(pat, |_| true)
}

/// Does the pattern bind anything by `ref mut`?
pub(crate) fn binds_by_ref_mut(pat: &Pat) -> bool {
    find_ref_binding(pat, |p| p.mutability.is_some())
}

fn find_ref_binding(pat: &Pat, wanted: fn(&syn::PatIdent) -> bool) -> bool {
    struct Finder(bool, fn(&syn::PatIdent) -> bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0 |= p.by_ref.is_some() && (self.1)(p);
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut finder = Finder(false, wanted);
    syn::visit::visit_pat(&mut finder, pat);
    finder.0
}

/// Does the pattern bind anything by value (so matching may move out of the
/// scrutinee)? Bindings under a `&` pattern, and `ref` bindings, do not.
pub(crate) fn binds_by_value(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => {
            (p.by_ref.is_none() && is_binding(p))
                || p.subpat
                    .as_ref()
                    .is_some_and(|(_, sub)| binds_by_value(sub))
        }
        Pat::Reference(_) => false,
        Pat::Or(p) => p.cases.iter().any(binds_by_value),
        Pat::Paren(p) => binds_by_value(&p.pat),
        Pat::Slice(p) => p.elems.iter().any(binds_by_value),
        Pat::Struct(p) => p.fields.iter().any(|f| binds_by_value(&f.pat)),
        Pat::Tuple(p) => p.elems.iter().any(binds_by_value),
        Pat::TupleStruct(p) => p.elems.iter().any(binds_by_value),
        Pat::Type(p) => binds_by_value(&p.pat),
        Pat::Guard(p) => binds_by_value(&p.pat),
        _ => false,
    }
}

/// Matched against a reference, does the pattern bind a part of what it
/// points to (a binding inside a struct, tuple, slice or variant pattern,
/// not under a `&` pattern)? rustc's default binding modes make such a
/// binding borrow the part (`ref mut s` against a `&mut`), and leave the
/// reference itself where it is.
///
/// Input: `Some(s)`, `(a, _)`, `s`, `&mut Some(n)`, `None`.
/// Output: yes, yes, no, no, no.
pub(crate) fn binds_through_reference(pat: &Pat) -> bool {
    match pat {
        Pat::Or(p) => p.cases.iter().any(binds_through_reference),
        Pat::Paren(p) => binds_through_reference(&p.pat),
        Pat::Guard(p) => binds_through_reference(&p.pat),
        Pat::Slice(_) | Pat::Struct(_) | Pat::Tuple(_) | Pat::TupleStruct(_) => binds_by_value(pat),
        _ => false,
    }
}

/// Does the pattern show that the value it matches holds a reference: a
/// string or byte string literal (`"s"`, `Some(b"ok")`), or a `&` pattern,
/// anywhere in it? Such a value most likely borrows what made it (`match
/// make().label() { "s" => .. }` with `label(&self) -> &str`).
///
/// Input: `"s"`, `Some("s") | None`, `&x`, `(1, x)`, `Some(s)`.
/// Output: yes, yes, yes, no, no.
pub(crate) fn shows_reference(pat: &Pat) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_pat(&mut self, pat: &'ast Pat) {
            match pat {
                Pat::Lit(lit) if matches!(lit.lit, syn::Lit::Str(_) | syn::Lit::ByteStr(_)) => {
                    self.0 = true;
                }
                Pat::Reference(_) => self.0 = true,
                // A guard's expression is no pattern.
                Pat::Guard(p) => self.visit_pat(&p.pat),
                _ => syn::visit::visit_pat(self, pat),
            }
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_pat(&mut finder, pat);
    finder.0
}

/// Does the pattern, matching, leave a part of the value unbound that may
/// still have something to drop (`_`, `..`, a `ref` binding, a unit struct
/// named by itself)? A by-value binding takes its part (moved, or copied if
/// `Copy`: either way the value keeps nothing of it to drop), and a
/// literal, a range, a reference, `None` or a unit variant's path matches a
/// part with nothing to drop (where its type implements `Drop`, the build
/// stops: see `drop_witness`).
///
/// Input: `(a, _)`, `S { a, .. }`, `Some(ref a)`, `(Token, a)`, `(Token {}, a)`, `x`, `Some((a, 3))`, `(Kind::A, a)`.
/// Output: yes, yes, yes, yes, yes, no, no, no.
pub(crate) fn leaves_rest(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => p.by_ref.is_some() || is_left_in_place(p),
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Lit(_) | Pat::Range(_) | Pat::Path(_) | Pat::Reference(_) => false,
        Pat::Or(p) => p.cases.iter().any(leaves_rest),
        Pat::Paren(p) => leaves_rest(&p.pat),
        Pat::Slice(p) => p.elems.iter().any(leaves_rest),
        // `Token {}` names a struct with no fields, as `Token { .. }` does.
        Pat::Struct(p) => {
            p.rest.is_some() || p.fields.is_empty() || p.fields.iter().any(|f| leaves_rest(&f.pat))
        }
        Pat::Tuple(p) => p.elems.iter().any(leaves_rest),
        Pat::TupleStruct(p) => p.elems.iter().any(leaves_rest),
        Pat::Type(p) => leaves_rest(&p.pat),
        Pat::Guard(p) => leaves_rest(&p.pat),
        // A macro or a `const` block: not known, so kept.
        _ => true,
    }
}

/// Does the pattern leave a part of the value out with `_` or `..` beside
/// parts it binds? A `move` closure or `async` block destructuring a local
/// with it captures the parts it binds alone (Rust 2021's precise
/// captures), leaving the rest in the local. Not a slice pattern: a
/// closure takes an array whole.
///
/// A unit struct named by itself (`Token`, `Token {}`) leaves its part
/// there as `_` does.
///
/// Input: `(a, _)`, `S { a, .. }`, `((a, _), b)`, `(Token, a)`, `(a, b)`, `_`, `[a, _]`.
/// Output: yes, yes, yes, yes, no, no, no.
pub(crate) fn skips_part(pat: &Pat) -> bool {
    fn below(pat: &Pat) -> bool {
        match pat {
            Pat::Wild(_) | Pat::Rest(_) => true,
            Pat::Ident(p) => is_left_in_place(p),
            Pat::Paren(p) => below(&p.pat),
            Pat::Type(p) => below(&p.pat),
            Pat::Tuple(p) => p.elems.iter().any(below),
            Pat::TupleStruct(p) => p.elems.iter().any(below),
            Pat::Struct(p) => {
                p.rest.is_some() || p.fields.is_empty() || p.fields.iter().any(|f| below(&f.pat))
            }
            _ => false,
        }
    }
    match unguarded(pat) {
        Pat::Paren(p) => skips_part(&p.pat),
        Pat::Type(p) => skips_part(&p.pat),
        pat @ (Pat::Tuple(_) | Pat::TupleStruct(_) | Pat::Struct(_)) => below(pat),
        _ => false,
    }
}

/// An arm's pattern without its guard.
pub(crate) fn unguarded(pat: &Pat) -> &Pat {
    match pat {
        Pat::Guard(guarded) => &guarded.pat,
        pat => pat,
    }
}

/// Does the pattern match only a value with nothing to drop, whatever its
/// type? `None`, a literal, a range, a reference, and `Some`, `Ok`, `Err`
/// or a tuple of such. Not a unit struct or a constant named alone
/// (`Token`, `EMPTY`), whose type may have a `Drop` impl.
///
/// Input: `None`, `Some(Err(3))`, `(1, &x)`, `Token`, `Some(_)`.
/// Output: yes, yes, yes, no, no.
pub(crate) fn matches_nothing_to_drop(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => p.subpat.is_none() && p.by_ref.is_none() && p.ident == "None",
        Pat::Lit(_) | Pat::Range(_) | Pat::Reference(_) => true,
        Pat::TupleStruct(p) => {
            is_standard_wrapper(p) && p.elems.iter().all(matches_nothing_to_drop)
        }
        Pat::Tuple(p) => p.elems.iter().all(matches_nothing_to_drop),
        Pat::Or(p) => p.cases.iter().all(matches_nothing_to_drop),
        Pat::Paren(p) => matches_nothing_to_drop(&p.pat),
        Pat::Type(p) => matches_nothing_to_drop(&p.pat),
        Pat::Guard(p) => matches_nothing_to_drop(&p.pat),
        _ => false,
    }
}

/// The names `pat` binds whole and by value to a part whose type `ty`,
/// written for all of it, shows is a `Box` (see `walk::is_box_type`),
/// following tuples element by element.
///
/// Input: `(b, n)` with `(Box<Probe>, u32)`, `((a, _), c)` with
/// `((Box<A>, B), Box<C>)`, `(ref b, n)` with `(Box<Probe>, u32)`.
/// Output: `b`; `a` and `c`; none.
pub(crate) fn boxed_parts(pat: &Pat, ty: &syn::Type) -> Vec<syn::Ident> {
    match (pat, ty) {
        (Pat::Paren(p), ty) => boxed_parts(&p.pat, ty),
        (pat, syn::Type::Paren(t)) => boxed_parts(pat, &t.elem),
        (Pat::Ident(p), ty)
            if is_binding(p)
                && p.by_ref.is_none()
                && p.subpat.is_none()
                && super::is_box_type(ty) =>
        {
            vec![p.ident.clone()]
        }
        // A `..` in the pattern leaves its elements unpaired with the type's.
        (Pat::Tuple(p), syn::Type::Tuple(t))
            if p.elems.len() == t.elems.len()
                && !p.elems.iter().any(|e| matches!(e, Pat::Rest(_))) =>
        {
            p.elems
                .iter()
                .zip(&t.elems)
                .flat_map(|(pat, ty)| boxed_parts(pat, ty))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Does the pattern leave nothing of a value it matches to drop: it matches
/// only such a value ([`matches_nothing_to_drop`]), or takes all of it
/// (`Some(s)`, `Ok((a, b))`: each part bound by value, in `Some`, `Ok`,
/// `Err` and tuples, which have no `Drop` impl of their own)? Not a variant
/// or struct of another type (`Job::Run(n)`), which may implement `Drop`
/// and keep the value a binding only copies from.
///
/// Input: `Some(s)`, `(a, None)`, `Some(ref s)`, `Job::Run(n)`, `Some(_)`, `Token`.
/// Output: yes, yes, no, no, no, no.
pub(crate) fn leaves_nothing(pat: &Pat) -> bool {
    match pat {
        // A unit struct named alone (`Token`) is matched, not bound, and
        // may have a `Drop` impl.
        Pat::Ident(p) if is_binding(p) => p.by_ref.is_none() && p.subpat.is_none(),
        Pat::TupleStruct(p) if is_standard_wrapper(p) => p.elems.iter().all(leaves_nothing),
        Pat::Tuple(p) => p.elems.iter().all(leaves_nothing),
        Pat::Paren(p) => leaves_nothing(&p.pat),
        Pat::Type(p) => leaves_nothing(&p.pat),
        Pat::Guard(p) => leaves_nothing(&p.pat),
        other => matches_nothing_to_drop(other),
    }
}

/// `Some(..)`, `Ok(..)` or `Err(..)`: variants of types with no `Drop` impl
/// of their own.
fn is_standard_wrapper(pat: &syn::PatTupleStruct) -> bool {
    pat.path
        .segments
        .last()
        .is_some_and(|s| ["Some", "Ok", "Err"].iter().any(|name| s.ident == name))
}

/// How matching a local by value against some patterns leaves it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Matched {
    /// No pattern binds a part by value: the local stays whole.
    Untouched,
    /// Every path through the patterns takes all of it, or matches only a
    /// value with nothing to drop (`Some(p)` beside `None`).
    Taken,
    /// Some paths take all of it, others leave it whole (`Ok(p)` beside
    /// `Err(_)`, an arm whose guard fails, an `if let` that does not
    /// match): rustc gives it a drop flag.
    MaybeTaken,
    /// A pattern takes some parts and leaves others (`(a, _)`).
    PartlyTaken,
}

/// Input: a `match`'s arms (`Some(p) if c`, `_`), and whether a value may
/// also match none of them and go on untouched (an `if let` whose pattern
/// fails, except `Some(..)`, which leaves `None`: nothing to drop).
/// Output: [`Matched::MaybeTaken`].
pub(crate) fn matched<'a>(
    pats: impl IntoIterator<Item = &'a Pat>,
    may_fall_through: bool,
) -> Matched {
    matched_holding(pats, may_fall_through, false)
}

/// [`matched`], for a value that visibly holds a `&mut` where `holds_mut`
/// (see [`takes_every_part`]).
pub(crate) fn matched_holding<'a>(
    pats: impl IntoIterator<Item = &'a Pat>,
    may_fall_through: bool,
    holds_mut: bool,
) -> Matched {
    let pats: Vec<&Pat> = pats.into_iter().collect();
    // Beside an arm that takes the value whole by value (`other => ..`), a
    // pattern that binds some parts and leaves the rest (`Job { id: n, ..
    // }`) is taken to leave it whole: it copies its parts, and the value
    // keeps a drop flag, as in rustc, where such an arm does not clear it
    // (see `drop_flag::arm_in_flag`). Where it moves a part out after all,
    // the value is partly moved, and kept across an await the build stops
    // (see `__private::beside_rest`, or E0382). So beside one that takes a
    // value of a type syntax does not know apart, every part by value
    // (`Err(HttpError { code: 404, body, conn })`): it moves them, as no
    // value kept in place allows either.
    let whole = pats.iter().any(|pat| takes_value(pat, holds_mut));
    let mut takes = false;
    let mut leaves_whole = may_fall_through;
    for pat in pats {
        match (binds_by_value(pat), leaves_rest(pat)) {
            (true, true) if whole => leaves_whole = true,
            (true, true) => return Matched::PartlyTaken,
            (true, false) => takes = true,
            (false, rest) => leaves_whole |= rest,
        }
    }
    match (takes, leaves_whole) {
        (false, _) => Matched::Untouched,
        (true, false) => Matched::Taken,
        (true, true) => Matched::MaybeTaken,
    }
}

/// Does the pattern bind the whole value by value (`other`, `j @ Job {
/// .. }`, maybe with a guard)?
pub(crate) fn takes_whole(pat: &Pat) -> bool {
    match unguarded(pat) {
        Pat::Ident(p) => p.by_ref.is_none() && is_binding(p),
        Pat::Paren(p) => takes_whole(&p.pat),
        Pat::Type(p) => takes_whole(&p.pat),
        _ => false,
    }
}

/// Does the pattern take the value, whole (see [`takes_whole`]) or every
/// part of it (see [`takes_every_part`]), which a value kept in place does
/// not allow?
pub(crate) fn takes_value(pat: &Pat, holds_mut: bool) -> bool {
    takes_whole(pat) || takes_every_part(pat, holds_mut)
}

/// Does the pattern take apart a value of a type syntax does not know
/// (a struct, or a variant of an enum other than `Option` and `Result`),
/// binding every part by value and leaving nothing (`Err(HttpError { code:
/// 404, body, conn })`, `Job::Run(id, lease)`)? Such a pattern moves what
/// it binds, unless every part is `Copy`.
///
/// On a value that visibly holds a `&mut` (`holds_mut`: `match (st, cmd)`
/// with `st: &mut St`, an actor's state beside its command), a tuple one
/// of whose elements is a path (`(St::Idle, Cmd::Start(j))`) takes nothing
/// of that element: the path matches through the `&mut` and leaves it
/// where it is, and another arm may bind through it beside a `..`
/// (`(St::Busy { job, .. }, Cmd::Poll)`), for which the value stays in
/// place. On an owned state the element is taken as every other part
/// (it matches a unit variant, which has nothing to drop).
///
/// Input: `Err(Http { code: 404, body })`, `Job::Run(n, p)`, `Some(s)`, `(a, b)`, `Job { id, .. }`, `(St::Idle, Cmd::Start(j))`.
/// Output: yes, yes, no, no, no; holding a `&mut`, no, else yes.
pub(crate) fn takes_every_part(pat: &Pat, holds_mut: bool) -> bool {
    binds_by_value(pat)
        && !leaves_rest(pat)
        && !leaves_nothing(pat)
        && (!holds_mut || !names_element_by_path(pat))
}

/// A tuple pattern with an element that is a path (`(St::Idle, c)`), maybe
/// in parentheses, typed or guarded.
fn names_element_by_path(pat: &Pat) -> bool {
    match unguarded(pat) {
        Pat::Tuple(p) => p.elems.iter().any(|elem| matches!(elem, Pat::Path(_))),
        Pat::Paren(p) => names_element_by_path(&p.pat),
        Pat::Type(p) => names_element_by_path(&p.pat),
        _ => false,
    }
}

/// Does an `if let` with this pattern leave, when it fails, a value with
/// something to drop? Not for `Some(p)` whose `p` cannot fail (what fails
/// is `None`), nor for a pattern that cannot fail (a binding). A `Some`
/// around a pattern that can fail (`Some(Msg::Text(b))`, `Some((1, p))`,
/// `Some(x @ Msg::Text(_))`) fails on a `Some` too, and leaves a local it
/// matches whole, to drop where the local goes out of scope, as rustc
/// does. Not so a temporary the expansion named for the scrutinee
/// (`temporary`: `q.pop()` of `if let Some(Msg::Text(s)) = q.pop()`),
/// which rustc drops where the pattern fails, before the `else`, as the
/// machine drops a value its pattern took.
///
/// Input: `Some(b)`, `Some((a, _))`, `x`, `Some(Msg::Text(b))`, `Some((1, p))`, `Ok(b)`.
/// Output: no, no, no, yes (no on a temporary), yes (no on a temporary), yes.
pub(crate) fn may_fail_with_rest(pat: &Pat, temporary: bool) -> bool {
    match pat {
        Pat::Ident(p) => p.subpat.is_some(),
        Pat::TupleStruct(p) if p.path.segments.last().is_some_and(|s| s.ident == "Some") => {
            !temporary && !p.elems.iter().all(irrefutable)
        }
        Pat::Paren(p) => may_fail_with_rest(&p.pat, temporary),
        Pat::Type(p) => may_fail_with_rest(&p.pat, temporary),
        _ => true,
    }
}

/// Bindings, `_` and `..`, in tuples, arrays and references: a pattern
/// that matches any value of its type. Syntax cannot tell a struct's
/// pattern from an enum variant's (`Point { x, y }`, `Msg::Text(b)`), so
/// those are taken to be able to fail.
///
/// Input: `(a, _)`, `[first, ..]`, `x @ (_, b)`, `&n`, `Msg::Text(b)`, `1`, `None`.
/// Output: yes, yes, yes, yes, no, no, no.
pub(crate) fn irrefutable(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => is_binding(p) && p.subpat.as_ref().is_none_or(|(_, sub)| irrefutable(sub)),
        Pat::Wild(_) | Pat::Rest(_) => true,
        Pat::Tuple(p) => p.elems.iter().all(irrefutable),
        Pat::Slice(p) => p.elems.iter().all(irrefutable),
        Pat::Paren(p) => irrefutable(&p.pat),
        Pat::Type(p) => irrefutable(&p.pat),
        Pat::Reference(p) => irrefutable(&p.pat),
        _ => false,
    }
}

/// `_`, maybe typed (`_: T`), in parentheses or an arm's with a guard (`_
/// if flag`): binds nothing and tests nothing of the place, so matching a
/// place against it neither reads, moves nor borrows the place.
pub(crate) fn is_wild(pat: &Pat) -> bool {
    match pat {
        Pat::Wild(_) => true,
        Pat::Type(typed) => is_wild(&typed.pat),
        Pat::Paren(paren) => is_wild(&paren.pat),
        Pat::Guard(guarded) => is_wild(&guarded.pat),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    fn boxed_parts(pat: &str, ty: &str) -> Vec<String> {
        let pat = syn::parse::Parser::parse_str(syn::Pat::parse_single, pat).expect("a pattern");
        let ty: syn::Type = syn::parse_str(ty).expect("a type");
        super::boxed_parts(&pat, &ty)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn boxed_parts_follow_the_tuple_type() {
        assert_eq!(boxed_parts("(b, n)", "(Box<Probe>, u32)"), ["b"]);
        assert_eq!(
            boxed_parts("((a, _), mut c)", "((std::boxed::Box<A>, B), Box<C>)"),
            ["a", "c"]
        );
        assert!(boxed_parts("(ref b, n)", "(Box<Probe>, u32)").is_empty());
        assert!(boxed_parts("(b, ..)", "(Box<Probe>, u32)").is_empty());
        assert!(boxed_parts("(b, n)", "(Rc<Probe>, u32)").is_empty());
    }

    /// The arms `text`, each `pattern => ()`, guards included.
    fn arms(text: &[&str]) -> Vec<syn::Pat> {
        text.iter()
            .map(|arm| {
                let arm: syn::Arm = syn::parse_str(&format!("{arm} => ()")).expect("an arm");
                arm.pat
            })
            .collect()
    }

    #[test]
    fn some_around_a_pattern_that_can_fail_may_fail_with_a_rest() {
        use quote::ToTokens;
        let pats = arms(&["Some(b)", "Some((a, _))", "x", "Some([a, ..])", "Some(&n)"]);
        for pat in &pats {
            assert!(
                !super::may_fail_with_rest(pat, false),
                "{}",
                quote::quote!(#pat)
            );
        }
        let pats = arms(&[
            "Some(Msg::Text(b))",
            "Some((1, p))",
            "Some(x @ Msg::Text(_))",
            "Some(Some(p))",
            "Some(Env { msg, seq })",
            "Ok(b)",
            "(Some(p), 1)",
        ]);
        for pat in &pats {
            assert!(
                super::may_fail_with_rest(pat, false),
                "{}",
                quote::quote!(#pat)
            );
            let temporary = super::may_fail_with_rest(pat, true);
            assert_eq!(
                temporary,
                !pat.to_token_stream().to_string().starts_with("Some")
            );
        }
    }

    #[test]
    fn parts_bound_beside_an_arm_taking_the_value_whole_leave_it() {
        use super::{Matched, matched};
        for beside in ["Job { id: n @ 0..=9, .. }", "Job { id: n, .. } if n < 10"] {
            let pats = arms(&[beside, "other"]);
            assert_eq!(matched(&pats, false), Matched::MaybeTaken, "{beside}");
            let pats = arms(&[beside, "Job { id, lease }"]);
            assert_eq!(matched(&pats, false), Matched::MaybeTaken, "{beside}");
            let pats = arms(&[beside, "Some(job)"]);
            assert_eq!(matched(&pats, false), Matched::PartlyTaken, "{beside}");
        }
    }
}
