//! Temporaries a `let` extends to the end of its block.
//!
//! `let s = &format!("{id}");`: the `String` lives as long as `s`, not to
//! the end of the statement (rustc's temporary lifetime extension), and so
//! does a borrowed value in an extending place of the initializer: inside
//! `&`, a field, index or deref of it, an array, tuple, cast or struct
//! literal, a block's (or `unsafe` block's) tail, an `if`'s branches and a
//! `match`'s arms. The machine keeps only what it can name, so each such
//! value becomes a hidden local declared just before the `let`, which the
//! rest of the lowering keeps across awaits like any local. rustc drops an
//! extended temporary after the `let`'s own bindings, as a local declared
//! before them is dropped.
//!
//! Before: `let s = &format!("{id}"); fetch(s).await;`
//! After:  `let __extended1 = format!("{id}"); let s = &__extended1; fetch(s).await;`
//!
//! A pattern binding by reference extends the value it binds into
//! (`let ref r = make();`), which is named the same way.
//!
//! Made after something with an effect in the initializer, or in a
//! branch, the value is put in place, into a local declared ahead:
//!
//! Before: `let p = (next(), &format!("{id}"));`
//! After:  `let mut __extended1; let p = (next(), { __extended1 = format!("{id}"); &__extended1 });`
//!
//! Only values whose own temporaries are all named already (see
//! [`super::earlier::plain_value`]) are named, or one that is the whole
//! initializer: a `let` of their own would drop the others before the rest
//! of the initializer runs, where rustc drops them at its end. Tuple-struct
//! and variant constructors (`Some(&make())`) extend too, but syntax can
//! tell them from calls only by the case of their name, so they are left
//! as written; the builder reports any temporary left that an await after
//! the `let` would outlive.

use proc_macro2::Span;
use syn::Expr;
use syn::spanned::Spanned;

use super::awaits::has_await;
use super::temporaries::Named;
use super::values;
use crate::walk::extending::{Extending, extending, runs};

/// What [`name`] found.
pub(crate) struct Extended {
    /// The temporaries named, in the order they are made.
    pub(crate) named: Vec<Named>,
    /// Where an extended temporary is that could not be named.
    pub(crate) left: Option<Span>,
}

/// How a `let`'s pattern binds: by reference (`let ref r = make();`
/// extends the value it binds into), and by `ref mut`.
#[derive(Clone, Copy)]
pub(crate) struct RefBinding {
    pub(crate) any: bool,
    pub(crate) mutable: bool,
}

/// Names the temporaries `init` (a `let`'s initializer) extends, in the
/// order they are made, replacing each with its local.
pub(crate) fn name(
    init: &mut Expr,
    by_ref: RefBinding,
    mut name: impl FnMut() -> syn::Ident,
) -> Extended {
    let mut extend = Extend {
        name: &mut name,
        out: Vec::new(),
        left: None,
        ran: false,
        whole: matches!(init, Expr::Reference(_)),
    };
    if by_ref.any {
        extend.bound_by_ref(init, by_ref.mutable);
    } else {
        extending(&mut extend, init);
    }
    Extended {
        named: extend.out,
        left: extend.left,
    }
}

struct Extend<'a, N> {
    name: &'a mut N,
    out: Vec<Named>,
    left: Option<Span>,
    /// Has something with an effect run before the current point, or is
    /// the current point in a branch? Then a value is made in place.
    ran: bool,
    /// The initializer is one borrow (`let g = &m.lock().len();`): its
    /// value may make temporaries of its own, since a `let` that makes it
    /// drops them where the initializer would have, nothing running
    /// between.
    whole: bool,
}

impl<N: FnMut() -> syn::Ident> Extending for Extend<'_, N> {
    fn named(&mut self, expr: &mut Expr) -> bool {
        match expr {
            Expr::Reference(e) if values::is_promoted_borrow(&e.expr, e.mutability.is_some()) => {}
            Expr::Reference(_) => self.borrowed(expr),
            // `Some(&make())` extends `make()`'s value, `f(&make())` does
            // not, and syntax cannot tell a constructor from a fn beyond
            // its name's case: a borrowed value there is left as written,
            // and reported.
            Expr::Call(e) if values::is_constructor(&e.func) => {
                for arg in &mut e.args {
                    if let Expr::Reference(r) = arg
                        && !values::is_promoted_borrow(&r.expr, r.mutability.is_some())
                        && (makes_unnamed_value(&r.expr)
                            || value_root(&mut r.expr, false).is_some())
                    {
                        self.left.get_or_insert(r.and_token.span);
                    }
                }
                self.ran = true;
            }
            _ => return false,
        }
        true
    }

    fn ran(&mut self) -> &mut bool {
        &mut self.ran
    }
}

impl<N: FnMut() -> syn::Ident> Extend<'_, N> {
    /// `reference` is `&operand` in an extending place: the value at the
    /// root of `operand` (`make()` in `&make().field`, `&*make()`,
    /// `&make()[0]`) is extended, if it is a value.
    fn borrowed(&mut self, reference: &mut Expr) {
        // Only the outermost borrow can be the whole initializer.
        let whole = std::mem::take(&mut self.whole);
        let Expr::Reference(r) = reference else {
            return;
        };
        let mutable = r.mutability.is_some();
        let at = r.and_token.span;
        // A value made by a block or a branch (`&{ make() }`) is named only
        // as the whole initializer, ahead: made in place, an `if`'s or a
        // block's own temporaries would drop at the assignment.
        let whole_block = whole && !self.ran && makes_unnamed_value(&r.expr);
        // `&mut 0`, `&mut None`: a temporary, extended (see
        // `values::is_promoted_borrow`).
        let root = if mutable && values::is_mut_borrowed_constant(&r.expr) {
            Some(&mut *r.expr)
        } else {
            value_root(&mut r.expr, whole_block)
        };
        let Some(root) = root else {
            // A place of a local, or a block's value (reported).
            if makes_unnamed_value(&r.expr) {
                self.left.get_or_insert(at);
            }
            runs(self, reference);
            return;
        };
        // What the value is built of is made with it (`&[&make()]`
        // extends both the array and `make()`'s value).
        let ran = self.ran;
        self.extending_parts(root);
        self.ran = ran;
        // An awaited value is made by a statement of its own, ahead only.
        if !(nameable(root) || whole) || (self.ran && has_await(&*root)) {
            self.left.get_or_insert(at);
            runs(self, reference);
            return;
        }
        let ident = (self.name)();
        let value = std::mem::replace(root, crate::syntax::path(ident.clone()));
        if self.ran {
            let borrow = std::mem::replace(reference, crate::syntax::path(ident.clone()));
            *reference = crate::syntax::assigned_then(&ident, value, borrow);
            self.out.push(Named {
                ident,
                ahead: None,
                mutable,
            });
        } else {
            self.out.push(Named {
                ident,
                ahead: Some(value),
                mutable,
            });
        }
    }

    /// `init`, matched by a pattern that binds by reference: the value at
    /// its root is extended, named ahead (nothing runs before it).
    ///
    /// Before: `let (ref a, b) = (make(), 2);`
    /// After:  `let __extended1 = (make(), 2); let (ref a, b) = __extended1;`
    fn bound_by_ref(&mut self, init: &mut Expr, mutable: bool) {
        let Some(root) = value_root(init, true) else {
            if makes_unnamed_value(init) {
                self.left.get_or_insert(init.span());
            }
            return;
        };
        let ident = (self.name)();
        let value = std::mem::replace(root, crate::syntax::path(ident.clone()));
        self.out.push(Named {
            ident,
            ahead: Some(value),
            mutable,
        });
    }

    /// The extending places inside a borrowed value: an array's, tuple's or
    /// struct literal's elements (a call's arguments are not extending).
    fn extending_parts(&mut self, value: &mut Expr) {
        match value {
            Expr::Array(_) | Expr::Tuple(_) | Expr::Struct(_) | Expr::Cast(_) | Expr::Paren(_) => {
                extending(self, value)
            }
            _ => {}
        }
    }
}

/// A value a `let` of its own makes as the initializer would: one whose
/// temporaries are all named already, or an awaited or tried (`?`) one
/// whose operand is such a value (its statement ends with the value).
fn nameable(value: &Expr) -> bool {
    match value {
        Expr::Await(e) => nameable(&e.base),
        Expr::Match(e) => super::earlier::tried(e).is_some_and(nameable),
        _ => super::earlier::plain_value(value),
    }
}

/// A place expression whose root is a value made by a block, a branch or
/// a loop (`&{ make() }.field`): a temporary [`value_root`] leaves alone.
fn makes_unnamed_value(place: &Expr) -> bool {
    match place {
        Expr::Field(e) => makes_unnamed_value(&e.base),
        Expr::Index(e) => makes_unnamed_value(&e.expr),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => makes_unnamed_value(&e.expr),
        Expr::Paren(e) => makes_unnamed_value(&e.expr),
        Expr::Match(e) => super::earlier::tried(e).is_none(),
        Expr::Block(_) | Expr::If(_) | Expr::Loop(_) | Expr::Unsafe(_) => true,
        _ => false,
    }
}

/// The value at the root of a place expression (`make()` in
/// `make().field`, `*make()`, `make()[i]`), or `None` when the root is a
/// local or a constant, which makes no temporary. A root made by a block,
/// a branch or a loop is returned only with `blocks`.
pub(crate) fn value_root(place: &mut Expr, blocks: bool) -> Option<&mut Expr> {
    match place {
        Expr::Path(_) | Expr::Lit(_) => return None,
        // A `move` closure owns what it captures, which rustc drops with it
        // at the end of the block (`let f: &dyn Fn() = &move || c.touch();`).
        Expr::Closure(closure) if closure.capture.is_none() => return None,
        Expr::Match(e) if super::earlier::tried(e).is_some() => return Some(place),
        Expr::Block(_) | Expr::If(_) | Expr::Match(_) | Expr::Loop(_) | Expr::Unsafe(_) => {
            return blocks.then_some(place);
        }
        Expr::Field(_) | Expr::Index(_) | Expr::Paren(_) => {}
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {}
        _ => return (!values::is_promoted(place)).then_some(place),
    }
    let inner = match place {
        Expr::Field(e) => &mut e.base,
        Expr::Index(e) => &mut e.expr,
        Expr::Unary(e) => &mut e.expr,
        Expr::Paren(e) => &mut e.expr,
        _ => return None,
    };
    value_root(inner, blocks)
}
