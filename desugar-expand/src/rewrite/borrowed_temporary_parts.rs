//! `ref` bindings into a temporary that the same `match` or `if let` moves
//! parts out of (`if let Some((ref n, p)) = v.pop()`, or `Some(ref p) if
//! ok => { x.await; .. }` beside `Some(p) => ..`), with an await in an arm:
//! rustc borrows what `ref` binds where it is, in the temporary, and drops
//! what is left of the temporary at the end of the construct. The machine
//! keeps a temporary borrowed across an await in place, where no pattern
//! can move out of it (E0507), so the parts bound by `ref` are moved out
//! instead, into a hidden local bound at the start of the arm, as the
//! parts `_` skips are (see `skipped_temporary_parts`, which says why
//! that drops them where the temporary would), and the names are bound to
//! references into it. Nothing else can see the difference: no one can
//! name the temporary.
//!
//! Before: `if let Some((ref n, p)) = v.pop() { x.await; n.touch(); p.touch() }`
//! After:  `if let Some((__part1, p)) = v.pop() { let __left2 = (__part1,); let n = &__left2.0;`
//!          `  let p = p; let __arm_value = { x.await; n.touch(); p.touch() }; __arm_value }`
//!
//! A guard reads the names through references to the parts, which a guard
//! may borrow; they move only once it holds.
//!
//! Before: `Some(ref p) if p.ready() => { x.await; p.touch() }`
//! After:  `Some(__part1) if { let p = &__part1; p.ready() } => { let __left2 = (__part1,);`
//!          `  let p = &__left2.0; let __arm_value = { x.await; p.touch() }; __arm_value }`
//!
//! The parts skipped with `_` beside them go into the same tuple, in the
//! order the pattern lists them, which for a tuple or a tuple variant is the
//! order what is left of the temporary drops in (see `skipped_parts`, whose
//! restrictions on the shapes rewritten apply: no `..`, `@`, `|` or slice,
//! one part at most in a struct pattern, a variant's path or `Some`, `Ok`,
//! `Err`). A guarded arm that binds `ref mut` is not rewritten. Where the
//! parts cannot be bound apart, the parts moved beside them are checked
//! instead ([`moves_checked`]).

use proc_macro2::Span;
use syn::{Pat, Stmt};

use super::skipped_parts::variant_path;
use crate::names;
use crate::walk::patterns;

/// Do `pats`, the patterns of one construct, bind parts by `ref` beside
/// parts they move (in one pattern or in two arms), each pattern that
/// borrows in a shape whose parts can be bound apart?
pub(super) fn beside_move<'a>(pats: impl IntoIterator<Item = &'a Pat> + Clone) -> bool {
    borrows_beside_move(pats.clone())
        && pats
            .into_iter()
            .filter(|pat| patterns::binds_by_ref(pat))
            .all(fits)
}

/// Do `pats`, the patterns of one construct, bind parts by `ref` beside
/// parts they bind by value?
pub(super) fn borrows_beside_move<'a>(pats: impl IntoIterator<Item = &'a Pat> + Clone) -> bool {
    pats.clone().into_iter().any(patterns::binds_by_ref)
        && pats
            .into_iter()
            .any(|pat| !super::skipped_parts::by_value(pat).is_empty())
}

/// Where the construct borrows beside a move but its parts cannot be
/// bound apart (the value makes other temporaries, a `while let` or a
/// `for`, a shape [`fits`] refuses): a check of the parts `pat` binds by value, for the
/// start of its arm, that stops the build at one that moves out of the
/// value kept in place, saying what to write (see
/// `__private::bound_beside_ref`); a `Copy` part passes.
///
/// Before: `Some(p) => { p.touch(); 2 }` (beside `Some(ref p) if ok => { x.await; 1 }`)
/// After:  `Some(p) => { { ::desugar::__private::bound_beside_ref((&&BesideRest(&p)).kind()); } p.touch(); 2 }`
pub(super) fn moves_checked(pat: &Pat) -> Option<Stmt> {
    let moved = super::skipped_parts::by_value(pat);
    if moved.is_empty() {
        return None;
    }
    let parts = moved.into_iter().map(|part| {
        let at = part.span();
        (part, at)
    });
    Some(super::skipped_parts::moved_part_checks(
        "bound_beside_ref",
        parts,
    ))
}

/// Where `pat` binds by `ref`: binds its `ref` and `_` parts by value
/// instead (the guard reading the `ref` names through references to
/// them); returns the statements its arm starts with, which move the parts
/// into a hidden local and bind the `ref` names into it again.
pub(super) fn bind(pat: &mut Pat, counter: &mut usize) -> Option<Vec<Stmt>> {
    if !patterns::binds_by_ref(pat) {
        return None;
    }
    let mut parts = Vec::new();
    let (inner, guard) = match pat {
        Pat::Guard(guarded) => (&mut *guarded.pat, Some(&mut guarded.guard)),
        other => (other, None),
    };
    bind_parts(inner, true, &mut parts, counter);
    *counter += 1;
    let left = names::hidden(&format!("__left{counter}"));
    let mutability = parts
        .iter()
        .any(|part| part.mutable)
        .then(<syn::Token![mut]>::default);
    let moved = parts.iter().map(|part| &part.moved);
    let mut stmts: Vec<Stmt> = parts
        .iter()
        .find_map(|part| part.by_ref)
        .map(edition_check)
        .unwrap_or_default();
    stmts.push(syn::parse_quote!(let #mutability #left = (#(#moved,)*);));
    let mut guard_lets: Vec<Stmt> = Vec::new();
    for (at, part) in parts.iter().enumerate() {
        let Some(name) = &part.name else { continue };
        let index = syn::Index::from(at);
        let moved = &part.moved;
        let mutability = part.mutable.then(<syn::Token![mut]>::default);
        stmts.push(syn::parse_quote!(let #name = &#mutability #left.#index;));
        guard_lets.push(syn::parse_quote!(let #name = &#moved;));
    }
    if let Some(guard) = guard {
        **guard = syn::parse_quote!({ #(#guard_lets)* #guard });
    }
    Some(stmts)
}

/// Statements that stop the build at `by_ref`, a `ref` of the user's
/// pattern, where the user's code is Rust 2021 or older: there an explicit
/// `ref` may stand where the value is behind a reference (`Some((ref a,
/// b))` against `it.next()` of a `v.iter()`), its default binding mode by
/// reference, and the part bound apart is a reference already, which `let
/// a = &__left1.0;` would borrow again (`a.clone()` then clones the
/// reference). Rust 2024 rejects such a `ref`.
///
/// Before: `Some((ref a, b)) => { x.await; a.clone() }`
/// After:  `Some((__part1, b)) => { macro_rules! __rust_2024_tail { .. } __rust_2024_tail!(_); let __left2 = (__part1,); let a = &__left2.0; .. }`
fn edition_check(by_ref: Span) -> Vec<Stmt> {
    let check = crate::build::edition_check(crate::build::Needs2024::RefBoundApart(by_ref), by_ref);
    let block: syn::Block = syn::parse_quote!({ #check });
    block.stmts
}

/// A part of the temporary a rewritten pattern binds apart.
struct Part {
    /// The fresh binding that moves it out.
    moved: syn::Ident,
    /// The name `ref` bound it to; `None` for a `_`.
    name: Option<syn::Ident>,
    /// Bound `ref mut`.
    mutable: bool,
    /// The user's `ref`, for a name.
    by_ref: Option<Span>,
}

/// Replaces each `ref` binding of `pat`, and each `_` below its top, by a
/// fresh binding, pushed to `parts` in the order the pattern lists them.
fn bind_parts(pat: &mut Pat, top: bool, parts: &mut Vec<Part>, counter: &mut usize) {
    let (name, mutable, span, by_ref) = match pat {
        Pat::Wild(wild) if !top => (None, false, wild.underscore_token.span, None),
        Pat::Ident(p) if p.by_ref.is_some() => (
            Some(p.ident.clone()),
            p.mutability.is_some(),
            p.ident.span(),
            p.by_ref.map(|token| token.span),
        ),
        Pat::Tuple(p) => {
            for elem in &mut p.elems {
                bind_parts(elem, false, parts, counter);
            }
            return;
        }
        Pat::TupleStruct(p) => {
            for elem in &mut p.elems {
                bind_parts(elem, false, parts, counter);
            }
            return;
        }
        Pat::Struct(p) => {
            for field in &mut p.fields {
                // `{ ref body }` names the field by its binding.
                field.colon_token.get_or_insert_with(Default::default);
                bind_parts(&mut field.pat, false, parts, counter);
            }
            return;
        }
        Pat::Paren(p) => return bind_parts(&mut p.pat, top, parts, counter),
        Pat::Type(p) => return bind_parts(&mut p.pat, top, parts, counter),
        _ => return,
    };
    *counter += 1;
    let mut moved = names::hidden(&format!("__part{counter}"));
    moved.set_span(Span::mixed_site().located_at(span));
    parts.push(Part {
        moved: moved.clone(),
        name,
        mutable,
        by_ref,
    });
    *pat = Pat::Ident(syn::PatIdent {
        attrs: Vec::new(),
        by_ref: None,
        mutability: None,
        ident: moved,
        subpat: None,
    });
}

/// Can the parts of `pat` be bound apart (see the module docs)?
fn fits(pat: &Pat) -> bool {
    let mut shape = Shape {
        fits: true,
        named: false,
        parts: 0,
    };
    match pat {
        Pat::Guard(guarded) => {
            shape.read(&guarded.pat, true);
            shape.fits &= !patterns::binds_by_ref_mut(&guarded.pat);
        }
        other => shape.read(other, true),
    }
    shape.fits && (!shape.named || shape.parts <= 1)
}

struct Shape {
    /// Nothing in it that stops the rewrite.
    fits: bool,
    /// A struct pattern in it: its fields may be listed in another order
    /// than declared, the order what is left of them drops in.
    named: bool,
    /// Parts bound apart: `ref` bindings, and `_` below the top.
    parts: usize,
}

impl Shape {
    fn read(&mut self, pat: &Pat, top: bool) {
        match pat {
            Pat::Wild(_) if !top => self.parts += 1,
            Pat::Wild(_) | Pat::Lit(_) | Pat::Range(_) | Pat::Path(_) => {}
            Pat::Ident(p) => {
                self.fits &= p.subpat.is_none();
                self.parts += usize::from(p.by_ref.is_some());
            }
            Pat::Tuple(p) => p.elems.iter().for_each(|elem| self.read(elem, false)),
            Pat::TupleStruct(p) => {
                self.fits &= variant_path(&p.path);
                p.elems.iter().for_each(|elem| self.read(elem, false));
            }
            Pat::Struct(p) => {
                self.named = true;
                self.fits &= variant_path(&p.path) && p.rest.is_none();
                p.fields
                    .iter()
                    .for_each(|field| self.read(&field.pat, false));
            }
            Pat::Paren(p) => self.read(&p.pat, top),
            Pat::Type(p) => self.read(&p.pat, top),
            _ => self.fits = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    /// The pattern of the arm `text => ()`, guard included.
    fn pat(text: &str) -> syn::Pat {
        let arm: syn::Arm = syn::parse_str(&format!("{text} => ()")).expect("an arm");
        arm.pat
    }

    #[test]
    fn borrowed_beside_moved() {
        for arms in [
            &["Some((ref n, p))"][..],
            &["Some(ref p) if p.ok()", "Some(p)", "None"],
            &["Msg::Three(ref a, _, c)", "_"],
            &["Msg::Req { ref body, meta }"],
        ] {
            let pats: Vec<syn::Pat> = arms.iter().map(|text| pat(text)).collect();
            assert!(super::beside_move(pats.iter()), "{arms:?}");
        }
    }

    #[test]
    fn left_as_written() {
        for arms in [
            // Nothing moved, or nothing borrowed.
            &["Some(ref p)", "None"][..],
            &["Some((n, p))", "None"],
            // Shapes whose parts cannot be bound apart.
            &["Some((ref n, ..))", "Some(p)"],
            &["Some(ref m @ (_, _))", "Some(p)"],
            &["Pair(ref a, b)"],
            &["Msg::Req { ref body, meta: _, kind }"],
            &["Some(ref mut p) if p.ok()", "Some(p)"],
        ] {
            let pats: Vec<syn::Pat> = arms.iter().map(|text| pat(text)).collect();
            assert!(!super::beside_move(pats.iter()), "{arms:?}");
        }
    }

    #[test]
    fn parts_move_in_order_and_names_borrow_them() {
        let text = |tokens: &dyn ToTokens| tokens.to_token_stream().to_string();
        let mut pattern = pat("Msg::Three(ref a, _, ref mut c)");
        let mut counter = 0;
        let stmts = super::bind(&mut pattern, &mut counter).expect("rewritten");
        assert_eq!(text(&pattern), "Msg :: Three (__part1 , __part2 , __part3)");
        let stmts: Vec<String> = stmts.iter().map(|stmt| text(stmt)).collect();
        // First the check that stops the build at the `ref` in Rust 2021.
        assert!(
            stmts[0].starts_with("macro_rules ! __rust_2024_tail"),
            "{stmts:?}"
        );
        assert!(stmts[0].contains("the part this `ref` binds"), "{stmts:?}");
        assert_eq!(stmts[1], "__rust_2024_tail ! (_) ;");
        assert_eq!(
            stmts[2..],
            [
                "let mut __left4 = (__part1 , __part2 , __part3 ,) ;",
                "let a = & __left4 . 0 ;",
                "let c = & mut __left4 . 2 ;",
            ]
        );
        // The guard reads the part before it moves.
        let mut pattern = pat("Some(ref p) if p.ok()");
        super::bind(&mut pattern, &mut counter).expect("rewritten");
        assert_eq!(
            text(&pattern),
            "Some (__part5) if { let p = & __part5 ; p . ok () }"
        );
        // A struct pattern's shorthand field names the field.
        let mut pattern = pat("Msg::Req { ref body, meta }");
        super::bind(&mut pattern, &mut counter).expect("rewritten");
        assert_eq!(
            text(&pattern),
            "Msg :: Req { body : __part7 , meta : meta }"
        );
    }
}
