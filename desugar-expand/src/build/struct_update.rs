//! The base of a struct update, where what it leaves behind is kept.
//!
//! In `S { a: x, ..base }` a `base` that is a value (`Default::default()`,
//! `c.defaults()`), not a place, is made into a temporary: the literal
//! moves the fields it does not name out of it, and the temporary, holding
//! what is left (the fields the literal names, replaced), drops where the
//! statement's temporaries drop, or a scrutinee's. Where that is after an
//! await (`send(Request { body, ..Default::default() }).await`, a `match`
//! whose arms await), the machine must keep what is left across it.
//!
//! It cannot keep the base itself: a local partly moved out of cannot move
//! into the machine's state (E0382). So the base is made in a block of its
//! own, into a local there, the literal built from it, and the one field
//! the base still owns moved out into a local declared ahead, which the
//! caller keeps as the temporary (`temporaries`, `scrutinee`). The base is
//! made after the fields, as rustc makes it (see [`keep`]).
//!
//! Before: `send(Request { headers: Probe::new("mine"), ..Default::default() })`
//! After:  `let mut __temporary1;` ahead, and
//!         `send({ let __base;`
//!         `       let __value = Request { headers: made_before_base(Probe::new("mine"),`
//!         `           { __base = Default::default(); }), ..__base };`
//!         `       __temporary1 = __base.headers; __value })`
//!
//! rustc drops what is left of the base in the order the struct declares
//! its fields, which syntax cannot see: where the literal names more than
//! one field that may have something to drop (not visibly `Copy`:
//! `retries: 3` has nothing), the build stops at the base, saying to bind
//! the value with `let` first. So does a base that is part of a value
//! (`..make().inner`), whose whole value would be left to keep.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Expr, ExprStruct};

use super::awaits::has_await;
use crate::walk;

/// What the base of a struct literal leaves behind.
pub(crate) enum Rest {
    /// No base, a place (`..defaults`, `..*self`, `..self.cfg`), which
    /// makes no temporary, or a value of which the literal leaves only
    /// fields with nothing to drop (`Request { retries: 3, ..base() }`).
    Nothing,
    /// A value of which one field that may have something to drop is left:
    /// the one the literal names.
    Field(syn::Member),
    /// What is left cannot be kept: why, and where.
    Refused(Span, &'static str),
}

/// The base of `literal`, as [`Rest`] says.
pub(crate) fn rest(literal: &ExprStruct) -> Rest {
    let Some(base) = literal.rest.as_deref() else {
        return Rest::Nothing;
    };
    match base_kind(base) {
        Base::Place => return Rest::Nothing,
        Base::PartOfValue => {
            return Rest::Refused(base.span(), PART_OF_VALUE);
        }
        Base::Value => {}
    }
    let mut left = literal
        .fields
        .iter()
        .filter(|field| !walk::copy::is_copy_value(&field.expr));
    match (left.next(), left.next()) {
        (None, _) => Rest::Nothing,
        (Some(field), None) => Rest::Field(field.member.clone()),
        (Some(_), Some(_)) => Rest::Refused(base.span(), FIELDS),
    }
}

const FIELDS: &str = "#[desugar] cannot keep what this struct update's base leaves behind across the `.await` yet: \
     the base is a temporary, which rustc keeps to the end of the statement (or of the `match`, `if let` or `for` it is matched in) \
     and drops there with the fields the literal names in place of its own, in the order the struct declares them, \
     which #[desugar] cannot see where the literal names more than one that may have something to drop. \
     Bind the value with `let` in a statement of its own first (`let value = S { a, b, ..base };`)";

const PART_OF_VALUE: &str = "#[desugar] cannot keep what this struct update's base leaves behind across the `.await` yet: \
     the base is part of a temporary (a field, an index or a deref of a value made here), \
     which rustc keeps whole to the end of the statement (or of the `match`, `if let` or `for` it is matched in). \
     Bind the value with `let` in a statement of its own first (`let value = S { a, ..make().inner };`)";

pub(crate) const AWAITS: &str = "#[desugar] cannot keep what this struct update's base leaves behind across the `.await` yet, \
     where a part of the literal awaits: the base is a temporary, which rustc keeps to the end of the `match`, `if let` or `for` it is matched in. \
     Bind the awaited value with `let` before the construct (`let got = fetch().await;`) and use it in the literal";

enum Base {
    /// A place made of paths: no temporary.
    Place,
    /// A field, index or deref of a value: the value is a temporary.
    PartOfValue,
    Value,
}

fn base_kind(base: &Expr) -> Base {
    fn root(expr: &Expr, projected: bool) -> Base {
        match expr {
            Expr::Field(e) => root(&e.base, true),
            Expr::Index(e) => root(&e.expr, true),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => root(&e.expr, true),
            Expr::Paren(e) => root(&e.expr, projected),
            Expr::Group(e) => root(&e.expr, projected),
            // A local, a parameter, a static or a constant (whose copy has
            // nothing the literal leaves to drop that a constant can hold).
            Expr::Path(_) => Base::Place,
            _ if projected => Base::PartOfValue,
            _ => Base::Value,
        }
    }
    root(base, false)
}

/// Rewrites `expr`, a struct literal whose base leaves `field` behind
/// ([`Rest::Field`]), into a block that makes it as rustc does and moves
/// `field` out of the base into `kept`, a local declared ahead of it.
///
/// The base is made after the fields. Where they all make nothing (a
/// literal, a path, a closure), it is made first, in a `let`; otherwise
/// beside the last field's value, which keeps its place in the literal and
/// the type the literal expects of it (`Some(Box::new(|n| n + 1))` for an
/// `Option<Box<dyn Fn(u32) -> u32>>`, which a `let` of its own would not
/// coerce): `__private::made_before_base(value, { __base = base; })`.
///
/// Before: `Request { body, ..c.defaults() }`
/// After:  `{ let __base = c.defaults(); let __value = Request { body, ..__base };`
///         `  kept = __base.body; __value }`
///
/// Before: `Request { headers: Probe::new("mine"), retries: 3, ..Default::default() }`
/// After:  `{ let __base; let __value = Request { headers: Probe::new("mine"),`
///         `      retries: made_before_base(3, { __base = Default::default(); }), ..__base };`
///         `  kept = __base.headers; __value }`
pub(crate) fn keep(expr: &mut Expr, field: &syn::Member, kept: &syn::Ident) {
    rebuild(expr, |base, at| {
        let taken: Expr = syn::parse_quote_spanned!(at=> #kept = #base.#field);
        vec![syn::Stmt::Expr(taken, Some(Default::default()))]
    });
}

/// Rewrites `expr`, a struct literal whose base is a local (`..o`) kept
/// across an await after it, into a block that moves the local whole into
/// a base of its own, makes the literal from that as rustc does, and moves
/// the fields the literal names, which rustc leaves in the local, out of
/// the base into `kept`, a local declared right after the base's (see
/// `rewrite::skipped_parts`), so that they drop where the local would. A
/// field with nothing to drop is kept as nothing (`__private::DropOnly`).
/// They are kept in the order the literal lists them, where rustc drops
/// them in the order the struct declares them: each pair gets a check that
/// at most one of them has something to drop (see
/// `__private::updated_fields_apart`), spanned at the later one.
///
/// Before: `Opts { log: Probe::new("new"), ..o }`
/// After:  `{ let __base; let __value = Opts { log: made_before_base(Probe::new("new"),`
///         `      { __base = o; }), ..__base };`
///         `  kept = ((&&DropOnly::new(__base.log)).kept(),); __value }`
///
/// A struct with a `Drop` impl of its own whose other fields are all
/// `Copy` (`..o` copies them and leaves `o` whole in rustc) stops the
/// build at the base (E0509): the named field cannot move out of it.
pub(crate) fn keep_named(expr: &mut Expr, kept: &syn::Ident) {
    let Expr::Struct(literal) = &*expr else {
        return;
    };
    let named: Vec<(syn::Member, Span)> = literal
        .fields
        .iter()
        .map(|field| (field.member.clone(), field.member.span()))
        .collect();
    rebuild(expr, |base, at| {
        // Located at the base, where a move out of a struct with a `Drop`
        // impl stops the build (E0509).
        let part = |member: &syn::Member| -> Expr {
            let mut base = base.clone();
            base.set_span(base.span().located_at(at));
            let mut member = member.clone();
            if let syn::Member::Named(name) = &mut member {
                name.set_span(name.span().located_at(at));
            }
            syn::parse_quote_spanned!(at=> #base.#member)
        };
        let kind = |member: &syn::Member, span: Span| -> TokenStream {
            let part = part(member);
            quote::quote_spanned! {span=> {
                use ::desugar::__private::{ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _};
                (&&::desugar::__private::BesideRest(&#part)).kind()
            }}
        };
        let mut stmts = Vec::new();
        for (index, (later, span)) in named.iter().enumerate() {
            for (earlier, _) in &named[..index] {
                let (earlier, later) = (kind(earlier, *span), kind(later, *span));
                stmts.push(syn::parse_quote_spanned! {*span=>
                    ::desugar::__private::updated_fields_apart((#earlier, #later));
                });
            }
        }
        let parts = named.iter().map(|(member, _)| -> Expr {
            let part = part(member);
            syn::parse_quote! {{
                use ::desugar::__private::{ViaBorrowed as _, ViaCopy as _, ViaValue as _};
                (&&::desugar::__private::DropOnly::new(#part)).kept()
            }}
        });
        let taken: Expr = syn::parse_quote_spanned!(at=> #kept = (#(#parts,)*));
        stmts.push(syn::Stmt::Expr(taken, Some(Default::default())));
        stmts
    });
}

/// The block [`keep`] and [`keep_named`] write: the base made after the
/// fields into a local of its own, the literal made from it, then the
/// statements `taken` gives for that local (and the base's span), then the
/// literal's value.
fn rebuild(expr: &mut Expr, taken: impl FnOnce(&syn::Ident, Span) -> Vec<syn::Stmt>) {
    let Expr::Struct(literal) = expr else {
        return;
    };
    let Some(base) = literal.rest.take() else {
        return;
    };
    let at = base.span();
    let base_local = crate::names::hidden("__base");
    let value_local = crate::names::hidden("__value");
    let mut stmts = Vec::new();
    let pure = literal.fields.iter().all(|value| is_pure(&value.expr));
    match literal.fields.iter_mut().last() {
        Some(last) if !pure => {
            stmts.push(crate::syntax::let_local(base_local.clone(), false, None));
            let value = std::mem::replace(&mut last.expr, Expr::PLACEHOLDER);
            let value_at = value.span();
            let made: Expr = syn::parse_quote_spanned!(at=> { #base_local = #base; });
            last.expr =
                crate::syntax::private_call("made_before_base", vec![value, made], value_at);
            // `headers` written alone stands for `headers: headers`.
            last.colon_token.get_or_insert_with(Default::default);
        }
        _ => stmts.push(crate::syntax::let_local(
            base_local.clone(),
            false,
            Some(*base),
        )),
    }
    literal.rest = Some(Box::new(crate::syntax::path(base_local.clone())));
    let literal = std::mem::replace(expr, Expr::PLACEHOLDER);
    stmts.push(crate::syntax::let_local(
        value_local.clone(),
        false,
        Some(literal),
    ));
    stmts.extend(taken(&base_local, at));
    stmts.push(syn::Stmt::Expr(crate::syntax::path(value_local), None));
    *expr = Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block {
            brace_token: Default::default(),
            stmts,
        },
    });
}

/// Stops the build at the base of `literal`, with `message`: what it
/// leaves would be dropped before the await.
pub(crate) fn refuse(literal: &mut ExprStruct, at: Span, message: &str) {
    literal.rest = Some(Box::new(
        syn::parse_quote_spanned!(at=> ::core::compile_error!(#message)),
    ));
}

/// A field value that makes nothing and runs nothing, so that making the
/// base before it changes nothing: a literal, a path, a closure.
fn is_pure(expr: &Expr) -> bool {
    matches!(expr, Expr::Lit(_) | Expr::Path(_) | Expr::Closure(_))
}

/// Does `literal` await in its fields or base? Its parts are then lowered
/// in turn, and the block [`keep`] writes cannot hold them.
pub(crate) fn awaits(literal: &ExprStruct) -> bool {
    literal.fields.iter().any(|field| has_await(&field.expr))
        || literal.rest.as_deref().is_some_and(has_await)
}
