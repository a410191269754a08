//! Temporaries of an awaited expression, named so they can be kept.
//!
//! `fetch(&format!("{base}/x")).await`: rustc keeps the `String` alive until
//! the end of the statement, across the suspension, because the future
//! borrows it; so it keeps the value a borrowing method is called on
//! (`send(m.lock().unwrap().len()).await` holds the guard across the
//! await). The builder names such temporaries so they can be kept too,
//! each made where the operand makes it: ahead of the statement while
//! nothing with an effect has run before it, in place after that.

use quote::ToTokens;
use syn::Expr;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};

use super::awaits::has_await;
use super::receiver_check;
use super::struct_update;
use super::values;
use crate::ir::MentionKind;
use crate::walk;

/// A temporary of the operand, named.
pub(crate) struct Named {
    pub(crate) ident: syn::Ident,
    /// The value, made in a `let` ahead of the statement; `None` when the
    /// operand makes it in place, into the local declared ahead (`let mut
    /// t;`), because something with an effect runs before it.
    pub(crate) ahead: Option<Expr>,
    /// Borrowed mutably (`&mut vec![..]`, `make().iter_mut()`): declared
    /// `mut`.
    pub(crate) mutable: bool,
}

/// Replaces each `&value` / `&mut value` argument of the operand's call
/// chain, and each value a borrowing method is called on, with a borrow of
/// a new local, and returns the locals in the order they are made.
///
/// Before: `fetch(&format!("{id}"), next(), &format!("{id}"))`
/// After:  `let __temporary1 = format!("{id}"); let mut __temporary2;`
///         `fetch(&__temporary1, next(), { __temporary2 = format!("{id}"); &__temporary2 })`
pub(crate) fn leading(operand: &mut Expr, name: impl FnMut() -> syn::Ident) -> Vec<Named> {
    hoist(operand, false, None, name)
}

/// [`leading`] for an awaited operand, or a part bound ahead of the await,
/// whose temporaries rustc keeps across the suspension: the receivers of
/// methods syntax does not know are checked too (see [`receiver_check`]).
pub(crate) fn leading_checked(operand: &mut Expr, name: impl FnMut() -> syn::Ident) -> Vec<Named> {
    hoist(operand, true, None, name)
}

/// [`leading_checked`] for the awaited operand itself, whose future may
/// borrow a closure made there (`split_count(&line, &|c| c == sep).await`,
/// `scan(&text, &mut || n += 1).await`): rustc keeps that closure to the
/// end of the statement, across the await, so it is named too. Not one
/// borrowed shared that `captures` says takes no local of the fn, which
/// rustc promotes to a static, its signature given by the type it is
/// borrowed as (`&|w| w.is_empty()` as a `&dyn Fn(&str) -> bool`, which a
/// `let` of it would not give).
///
/// Before: `let n = scan(&text, &mut || lines += 1).await;`
/// After:  `let mut __temporary1 = || lines += 1;`
///         `let n = scan(&text, &mut __temporary1).await;`
pub(crate) fn leading_awaited(
    operand: &mut Expr,
    captures: &dyn Fn(&syn::ExprClosure) -> bool,
    name: impl FnMut() -> syn::Ident,
) -> Vec<Named> {
    hoist(operand, true, Some(captures), name)
}

fn hoist(
    operand: &mut Expr,
    check: bool,
    closures: Option<&dyn Fn(&syn::ExprClosure) -> bool>,
    mut name: impl FnMut() -> syn::Ident,
) -> Vec<Named> {
    let mut hoist = Hoist {
        name: &mut name,
        out: Vec::new(),
        check,
        closures,
        ran: false,
    };
    hoist.expr(operand);
    hoist.out
}

struct Hoist<'a, N> {
    name: &'a mut N,
    out: Vec<Named>,
    /// Are receivers checked?
    check: bool,
    /// Are closures borrowed in place named, and which capture a local (see
    /// [`leading_awaited`])?
    closures: Option<&'a dyn Fn(&syn::ExprClosure) -> bool>,
    /// Has something with an effect (a call) run before the current point?
    /// Then what is named from there on is made in place, in its turn.
    ran: bool,
}

impl<N: FnMut() -> syn::Ident> Hoist<'_, N> {
    /// Walks `expr` in evaluation order, naming its temporaries: those of
    /// every part whose temporaries rustc keeps to the end of the statement
    /// (calls, method calls, borrows, casts, aggregates, operators, indexes,
    /// fields, derefs, ranges, a `match`'s scrutinee, which a `?` became).
    /// Blocks, closures, `if` conditions, arms and the operands of `&&` and
    /// `||` are temporary scopes of their own: what they make drops inside
    /// them, in rustc too.
    fn expr(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Lit(_) | Expr::Path(_) | Expr::Closure(_) => {}
            Expr::Paren(e) => self.expr(&mut e.expr),
            Expr::Group(e) => self.expr(&mut e.expr),
            Expr::Cast(e) => self.expr(&mut e.expr),
            Expr::Repeat(e) => self.expr(&mut e.expr),
            Expr::Range(e) => {
                for end in [&mut e.start, &mut e.end].into_iter().flatten() {
                    self.expr(end);
                }
            }
            // What is indexed, derefed or has a field read stays whole (a
            // field of a call's result is part of a temporary that naming
            // the field would drop early); what it is made of is walked.
            // The access itself may run the user's `Index` or `Deref`.
            Expr::Index(e) => {
                // `Index::index` borrows what is indexed: a value is a
                // temporary, kept whole (`send(row()[0]).await`).
                self.borrowed(&mut e.expr);
                self.expr(&mut e.index);
                self.ran = true;
            }
            // A field read through a guard (`m.lock().unwrap().hits`) borrows
            // the guard, which rustc keeps to the end of the statement. (A
            // field of another value may be moved out of it, which naming the
            // value whole would not let the machine keep.)
            Expr::Field(e) if reads_through_guard(&e.base) => {
                self.borrowed(&mut e.base);
                self.ran = true;
            }
            // A field read by value out of a value made here
            // (`visit(frame().depth).await`): rustc keeps the value to the
            // end of the statement, across the await, with its `Drop` impl
            // or the fields beside the one read. It is named whole and kept
            // too, and the field copied out of it; one that is not `Copy`
            // would move out and leave a part of a value to keep, so the
            // copy stops the build there (`__private::copied_from_temporary`).
            //
            // Before: `visit(frame().depth).await`
            // After:  `let __temporary1 = frame();` ahead, and
            //         `visit(copied_from_temporary(__temporary1.depth)).await`
            Expr::Field(_) if self.check && projects_value(expr) => {
                let at = expr.span();
                self.projection(expr, false);
                let field = std::mem::replace(expr, Expr::PLACEHOLDER);
                *expr = crate::syntax::private_call("copied_from_temporary", vec![field], at);
                self.ran = true;
            }
            Expr::Field(e) => {
                self.expr(&mut e.base);
                self.ran = true;
            }
            // `Deref::deref` borrows what is derefed: a value is a
            // temporary, kept whole (`route(*m.lock().unwrap()).await` holds
            // the guard across the await). But `*` moves out of a `Box`,
            // which then has nothing left to drop (`*Box::new(v)`); one
            // made by a call of the user's and moved out of is used after
            // the move by the statement's drop of it: the machine fails to
            // build, never drops it twice.
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
                if walk::makes_box(&e.expr) {
                    self.expr(&mut e.expr);
                } else {
                    self.borrowed(&mut e.expr);
                }
                self.ran = true;
            }
            Expr::Match(e) => {
                self.expr(&mut e.expr);
                self.ran = true;
            }
            Expr::Reference(e) if values::is_promoted_borrow(&e.expr, e.mutability.is_some()) => {}
            Expr::Reference(e) if self.names_closure(e) => {
                if let Some(in_place) = self.name_value(&mut e.expr, e.mutability.is_some()) {
                    *expr = in_place;
                }
            }
            // `&mut 0`, `&mut None`: a temporary too (see
            // `values::is_promoted_borrow`).
            Expr::Reference(e)
                if (is_value(&e.expr)
                    || is_user_block(&e.expr)
                    || (e.mutability.is_some() && values::is_mut_borrowed_constant(&e.expr)))
                    && !has_await(&*e.expr) =>
            {
                let mutable = e.mutability.is_some();
                if let Some(in_place) = self.name_value(&mut e.expr, mutable) {
                    // The block is the borrow: `{ t = v; &t }`.
                    *expr = in_place;
                }
            }
            Expr::Reference(e) if is_place(&e.expr) => {}
            // A borrow of part of a value (`&pair().0`, `&make()[0]`,
            // `&*Box::new(v)`): the whole value is the temporary.
            Expr::Reference(e) if projects_value(&e.expr) => {
                self.projection(&mut e.expr, e.mutability.is_some());
            }
            // A borrow of a place made of calls (`&v[i]`, `&*r`).
            Expr::Reference(e) => self.expr(&mut e.expr),
            // Building an aggregate runs nothing of its own.
            Expr::Array(e) => e.elems.iter_mut().for_each(|elem| self.expr(elem)),
            Expr::Tuple(e) => e.elems.iter_mut().for_each(|elem| self.expr(elem)),
            // The base (`..base()`) is made after the fields, and what of
            // it the literal does not take is a temporary of its own: in an
            // awaited operand, the field left in it is kept in a local
            // declared ahead (see [`struct_update`]).
            Expr::Struct(e) => {
                let rest = self.check.then(|| struct_update::rest(e));
                if let Some(struct_update::Rest::Refused(at, message)) = rest {
                    struct_update::refuse(e, at, message);
                    return;
                }
                for field in &mut e.fields {
                    self.expr(&mut field.expr);
                }
                if let Some(rest) = &mut e.rest {
                    self.expr(rest);
                }
                if let Some(struct_update::Rest::Field(field)) = rest {
                    self.keep_rest(expr, &field);
                }
            }
            // `vec!`, `dbg!`, `matches!`: their arguments' temporaries live
            // to the end of the statement. What `matches!` matches is one
            // too, if it is a value. Filling a vector may run the user's
            // code (`vec![v; n]` clones `v`).
            Expr::Macro(e) if walk::keeps_temporaries(&e.mac) => {
                if let Some(mut args) = walk::MacroArgs::parse(&e.mac) {
                    // `dbg!` prints its argument's text: no check there.
                    let check = self.check && !args.quotes();
                    let check = std::mem::replace(&mut self.check, check);
                    for (arg, kind) in args.args_mut() {
                        let matched = matches!(kind, MentionKind::Place { .. })
                            && is_value(arg)
                            && !values::is_promoted(arg)
                            && !has_await(&*arg);
                        if !matched {
                            self.expr(arg);
                        } else if let Some(in_place) = self.name_value(arg, false) {
                            *arg = in_place;
                        }
                    }
                    self.check = check;
                    args.write_back(&mut e.mac.tokens);
                }
                self.ran = true;
            }
            // A comparison borrows its operands (`conn() == 7` is
            // `PartialEq::eq(&conn(), &7)`): a value is a temporary.
            Expr::Binary(e) if walk::is_comparison(e.op) => {
                self.borrowed(&mut e.left);
                self.borrowed(&mut e.right);
                self.ran = true;
            }
            // An operator may be a method of the user's. (The operands of
            // `&&` and `||` are terminating scopes: what they make drops
            // inside them, in rustc too.)
            Expr::Binary(e)
                if !walk::is_compound_assign(e.op)
                    && !matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) =>
            {
                self.expr(&mut e.left);
                self.expr(&mut e.right);
                self.ran = true;
            }
            Expr::Unary(e) if !matches!(e.op, syn::UnOp::Deref(_)) => {
                self.expr(&mut e.expr);
                self.ran = true;
            }
            // A closure made to be called (`handler(p)(x)`) is a temporary
            // the call borrows (`Fn`, `FnMut`): kept whole. One called once
            // only (`FnOnce`) is moved by the call, and the statement's
            // later drop of it makes the machine fail to build (E0382),
            // never drop it twice.
            Expr::Call(e) => {
                // Not a block (`{ f }(x)`): the way to call a local
                // `FnOnce` closure, which the call moves.
                let closure = matches!(walk::strip_parens(&e.func), Expr::Closure(_));
                let callee = (is_value(&e.func) || closure)
                    && !values::is_promoted(&e.func)
                    && !has_await(&*e.func);
                if callee || projects_value(&e.func) {
                    self.projection(&mut e.func, true);
                } else {
                    self.expr(&mut e.func);
                }
                for arg in &mut e.args {
                    self.expr(arg);
                }
                self.ran = true;
            }
            Expr::MethodCall(e) => {
                if is_guard_value(&e.receiver) {
                    // Any method reached through a guard's `Deref` borrows
                    // the guard (`m.lock().unwrap().count_ones()`): what
                    // it takes by value is the guarded value, copied out.
                    let mutable = walk::borrows_receiver_mutably(&e.method);
                    if let Some(in_place) = self.name_value(&mut e.receiver, mutable) {
                        *e.receiver = in_place;
                    }
                } else if walk::call_borrows_receiver(e) && projects_value(&e.receiver) {
                    // `conn().name.len()`: the method borrows part of a value.
                    let mutable = walk::call_borrows_receiver_mutably(e);
                    self.projection(&mut e.receiver, mutable);
                } else if borrowed_value_receiver(e) {
                    let mutable = walk::call_borrows_receiver_mutably(e);
                    if let Some(in_place) = self.name_value(&mut e.receiver, mutable) {
                        *e.receiver = in_place;
                    }
                } else {
                    self.expr(&mut e.receiver);
                }
                for arg in &mut e.args {
                    self.expr(arg);
                }
                // A value made here for a method syntax does not know: it
                // may borrow it, to the end of the statement.
                if self.check && receiver_check::needed(e) {
                    receiver_check::wrap(e);
                }
                self.ran = true;
            }
            _ => self.ran = true,
        }
    }

    /// `expr`, a struct literal whose parts are walked, keeps `field`, what
    /// its base leaves behind (see [`struct_update`]): in a local made in
    /// place, in its turn, after the temporaries of the parts.
    fn keep_rest(&mut self, expr: &mut Expr, field: &syn::Member) {
        let ident = crate::syntax::located((self.name)(), expr);
        struct_update::keep(expr, field, &ident);
        self.out.push(Named {
            ident,
            ahead: None,
            mutable: false,
        });
        self.ran = true;
    }

    /// A closure borrowed in place that is named (see [`leading_awaited`]).
    fn names_closure(&self, borrow: &syn::ExprReference) -> bool {
        let Some(captures) = self.closures else {
            return false;
        };
        matches!(walk::strip_parens(&borrow.expr), Expr::Closure(closure)
            if borrow.mutability.is_some() || captures(closure))
    }

    /// Names the temporaries inside `expr`, a value about to be named
    /// whole: they live to the end of the statement too, and the value may
    /// borrow them (`&make(&format!(..))`, `text().trim().len()`). What runs
    /// inside it runs when it is made, so it does not make the value itself
    /// be made in place.
    /// A place that projects a value ([`projects_value`]): the value is
    /// named whole, the place read through it (`(*{ t = pair(); &t }).0`,
    /// or `t.0` with `t` named ahead), and what the indexes make walked
    /// after it, in the order they run.
    ///
    /// Before: `label(&pair().0)`
    /// After:  `let __temporary1 = pair();` ahead, and `label(&__temporary1.0)`
    fn projection(&mut self, expr: &mut Expr, mutable: bool) {
        match expr {
            Expr::Field(e) => self.projection(&mut e.base, mutable),
            Expr::Paren(e) => self.projection(&mut e.expr, mutable),
            Expr::Index(e) => {
                self.projection(&mut e.expr, mutable);
                self.expr(&mut e.index);
                self.ran = true;
            }
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
                self.projection(&mut e.expr, mutable);
                self.ran = true;
            }
            value => {
                if let Some(borrow) = self.name_value(value, mutable) {
                    *value = syn::parse_quote!((*#borrow));
                }
            }
        }
    }

    /// `expr` is borrowed where it is (an operand of a comparison, what
    /// is indexed, a guard whose field is read): a value there, or the
    /// value a place projects, is a temporary, named whole.
    fn borrowed(&mut self, expr: &mut Expr) {
        let value = (is_value(expr) || is_user_block(expr))
            && !values::is_promoted(expr)
            && !has_await(&*expr);
        if value || projects_value(expr) {
            self.projection(expr, false);
        } else {
            self.expr(expr);
        }
    }

    fn named_whole(&mut self, expr: &mut Expr) {
        let ran = self.ran;
        self.expr(expr);
        self.ran = ran;
    }

    /// Names the value `expr`, a borrowed one, after the temporaries inside
    /// it. Ahead of the statement, when nothing with an effect has run
    /// before it: `expr` becomes the local. Otherwise in place: returns the
    /// borrow of the local it is put in (`{ t = v; &t }`) to stand for the
    /// borrow of `expr`.
    fn name_value(&mut self, expr: &mut Expr, mutable: bool) -> Option<Expr> {
        self.named_whole(expr);
        let ident = crate::syntax::located((self.name)(), expr);
        let value = std::mem::replace(expr, crate::syntax::path(ident.clone()));
        if !self.ran {
            self.out.push(Named {
                ident,
                ahead: Some(value),
                mutable,
            });
            return None;
        }
        let borrow = crate::syntax::assigned_and_borrowed(&ident, value, mutable);
        self.out.push(Named {
            ident,
            ahead: None,
            mutable,
        });
        Some(borrow)
    }
}

/// The field read `call` copies out of a temporary, if it is such a copy
/// ([`Hoist::expr`] or `scrutinee::Scrutinee::matched_by` wrote it), for a
/// description that shows the user's code.
pub(crate) fn copied_field(call: &syn::ExprCall) -> Option<&Expr> {
    let ours = (crate::syntax::is_private_path(&call.func, "copied_from_temporary")
        || crate::syntax::is_private_path(&call.func, "copied_out_of_kept_value"))
        && call.args.len() == 1;
    ours.then(|| call.args.first()).flatten()
}

/// A value that a method of the standard library known to borrow its
/// receiver is called on (`m.lock().unwrap().len()`, `vec![p].len()`):
/// rustc keeps it, as the temporary the method borrows, to the end of the
/// statement, across the await. Named, it is kept too. A view of another
/// value (`text().trim()` in `text().trim().len()`) has nothing to drop and
/// rustc keeps none: the value it views is named instead. A method that
/// takes it by value after all (one of the user's own, named like a
/// borrowing one) moves the local, and the statement's later drop of it
/// makes the machine fail to build (E0382), never drop it twice.
fn borrowed_value_receiver(call: &syn::ExprMethodCall) -> bool {
    let view =
        matches!(&*call.receiver, Expr::MethodCall(inner) if walk::returns_view(&inner.method));
    walk::call_borrows_receiver(call)
        && is_value(&call.receiver)
        && !view
        && !values::is_promoted_borrow(&call.receiver, walk::call_borrows_receiver_mutably(call))
        && !has_await(&*call.receiver)
}

/// A guard itself, not the `Result` a lock gives: `m.lock().unwrap()`,
/// `m.lock()?`, `cell.borrow()`.
pub(crate) fn is_guard_value(expr: &Expr) -> bool {
    match expr {
        Expr::MethodCall(call) => {
            call.method == "borrow"
                || call.method == "borrow_mut"
                || ((call.method == "unwrap" || call.method == "expect")
                    && reads_through_guard(expr))
        }
        Expr::Match(_) => reads_through_guard(expr),
        Expr::Paren(e) => is_guard_value(&e.expr),
        _ => false,
    }
}

/// A guard of the standard library's locks and cells, maybe unwrapped
/// (`m.lock().unwrap()`, `cell.borrow()`, `rw.read().expect("..")`): a
/// field read through it goes through `Deref`, a borrow of the guard.
pub(crate) fn reads_through_guard(base: &Expr) -> bool {
    const GUARDS: &[&str] = &["lock", "try_lock", "read", "write", "borrow", "borrow_mut"];
    let is_guard = |expr: &Expr| {
        matches!(expr, Expr::MethodCall(inner)
            if GUARDS.contains(&inner.method.to_string().as_str()))
    };
    match base {
        Expr::MethodCall(call) if call.method == "unwrap" || call.method == "expect" => {
            is_guard(&call.receiver)
        }
        // `s.lock()?`, as the `?` became.
        Expr::Match(e) => super::earlier::tried(e).is_some_and(is_guard),
        Expr::MethodCall(call) => GUARDS.contains(&call.method.to_string().as_str()),
        Expr::Paren(e) => reads_through_guard(&e.expr),
        _ => false,
    }
}

/// A value expression whose whole value becomes the temporary: a call, a
/// macro, a literal aggregate (`&[n; 8]`), an operator or a cast. (`&*r` and
/// `&f().field` are places: the first makes no temporary, the second borrows
/// part of one, which is named whole: [`projects_value`].)
fn is_value(expr: &Expr) -> bool {
    match expr {
        Expr::Call(_)
        | Expr::MethodCall(_)
        | Expr::Macro(_)
        | Expr::Struct(_)
        | Expr::Tuple(_)
        | Expr::Array(_)
        | Expr::Repeat(_)
        | Expr::Binary(_)
        | Expr::Cast(_) => true,
        Expr::Unary(e) => !matches!(e.op, syn::UnOp::Deref(_)),
        // What a `?` became: its value (`*s.lock()?`, a guard).
        Expr::Match(e) => super::earlier::tried(e).is_some(),
        // A macro call whose arguments' temporaries drop where it ends.
        Expr::Block(_) => scope_wrapped(expr).is_some(),
        // `&(make())`.
        Expr::Paren(e) => is_value(&e.expr),
        _ => false,
    }
}

/// Fields, indexes and derefs of a value ([`is_value`] or a block of the
/// user's) that has no await in it: borrowing the place borrows part of a
/// temporary, which rustc keeps whole to the end of the statement.
fn projects_value(expr: &Expr) -> bool {
    fn base(expr: &Expr, projected: bool) -> bool {
        match expr {
            Expr::Field(e) => base(&e.base, true),
            Expr::Index(e) => base(&e.expr, true),
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => base(&e.expr, true),
            Expr::Paren(e) => base(&e.expr, projected),
            value => {
                projected
                    && (is_value(value) || is_user_block(value))
                    && !values::is_promoted(value)
                    && !has_await(value)
            }
        }
    }
    base(expr, false)
}

/// A block the user wrote as a value (`&{ make() }`): its value is a
/// temporary. Not the expansion's own `{ __result }`, whose value is
/// named where it is awaited.
fn is_user_block(expr: &Expr) -> bool {
    let Expr::Block(block) = expr else {
        return false;
    };
    let own = matches!(
        block.block.stmts.as_slice(),
        [syn::Stmt::Expr(Expr::Path(path), None)]
            if path.path.get_ident().is_some_and(|ident| ident.to_string().starts_with("__"))
    );
    block.label.is_none() && block.attrs.is_empty() && !own
}

/// A place built from paths and fields only (no calls, so no effects):
/// borrowing it creates no temporary.
fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(e) => is_place(&e.base),
        Expr::Paren(e) => is_place(&e.expr),
        _ => false,
    }
}

/// An `if let … else` inside a larger expression, whose scrutinee has
/// temporaries that must be kept: Rust 2024 drops them before the `else`
/// branch, Rust 2021 at the end of the `if let`. As a statement (or a
/// `let`'s value) the machine follows the edition of the user's code (see
/// `lower::drop_before_else_in_2024`); inside an expression it cannot.
pub(crate) fn edition_dependent(span: proc_macro2::Span) -> syn::Error {
    syn::Error::new(
        span,
        "#[desugar] cannot keep this temporary here: inside an expression, an `if let … else` drops its scrutinee's temporaries \
         before the `else` branch in Rust 2024 and after it in Rust 2021, and #[desugar] follows the edition only for an `if let` statement. \
         Make the `if let` a statement of its own (`let value = if let … else …;`), or bind the borrowed value with `let` before it",
    )
}

/// Where the temporaries of an await in a terminating scope can drop.
pub(crate) enum ScopeEnd {
    /// The drops are in place, at the end of the scope.
    Dropped,
    /// The scope has awaits left to take out first.
    Awaiting,
    /// No scope holds the await: they drop with the statement.
    NotFound,
}

/// `::core::mem::drop(t);` for each of `temporaries` (listed oldest
/// first), newest first: the order in which rustc drops the temporaries of
/// a scope.
pub(crate) fn drops_newest_first<T: quote::ToTokens>(temporaries: &[T]) -> Vec<syn::Stmt> {
    temporaries
        .iter()
        .rev()
        .map(|temporary| syn::parse_quote!(::core::mem::drop(#temporary);))
        .collect()
}

/// Macros whose expansion puts their arguments in a scope of their own (a
/// block, a `match`, an `if` condition), so that the arguments' temporaries
/// drop where the macro call ends. (`vec!` and `write!` do not: theirs live
/// to the end of the enclosing statement.)
pub(crate) fn macro_ends_scope(mac: &syn::Macro) -> bool {
    const SCOPED: &[&str] = &[
        "format",
        "print",
        "println",
        "eprint",
        "eprintln",
        "assert",
        "assert_eq",
        "assert_ne",
        "debug_assert",
        "debug_assert_eq",
        "debug_assert_ne",
    ];
    mac.path
        .segments
        .last()
        .is_some_and(|s| SCOPED.contains(&s.ident.to_string().as_str()))
}

/// Drops `temporaries` where the innermost terminating scope holding
/// `marker` (the awaited value, once the await is taken out) ends: an `if`
/// condition, an operand of `&&` or `||`, or a macro of
/// [`macro_ends_scope`]. rustc drops the
/// temporaries there, before the branch or whatever follows the macro runs.
///
/// Before: `if { __result } < 8 { a(); }` (from `if check(&Probe::new("t")).await < 8`)
/// After:  `if { let __scope_value2 = { __result } < 8; drop(__temporary1); __scope_value2 } { a(); }`
///
/// Before: `f(format!("{}", { __result }), g())`
/// After:  `f({ let __scope_value2 = format!("{}", { __result }); drop(__temporary1); __scope_value2 }, g())`
pub(crate) fn drop_where_scope_ends(
    stmt: &mut syn::Stmt,
    marker: &syn::Ident,
    temporaries: &[syn::Ident],
    value: &syn::Ident,
) -> ScopeEnd {
    let mut wrap = Wrap {
        marker: marker.to_string(),
        temporaries,
        value,
        found: ScopeEnd::NotFound,
    };
    wrap.visit_stmt_mut(stmt);
    wrap.found
}

struct Wrap<'a> {
    marker: String,
    temporaries: &'a [syn::Ident],
    value: &'a syn::Ident,
    found: ScopeEnd,
}

impl Wrap<'_> {
    /// Wraps `scope` (an expression holding the marker, with no inner
    /// scope that holds it) so that the temporaries drop where it ends.
    ///
    /// A scope wrapped already, for temporaries of a later await in it
    /// (wrapped first: latest first), gets these drops after its own, so
    /// that all of the scope's temporaries drop newest first, as in rustc.
    ///
    /// Before: `{ let __scope_value4 = format!(..); drop(__temporary3); __scope_value4 }` (`__temporary1` older)
    /// After:  `{ let __scope_value4 = format!(..); drop(__temporary3); drop(__temporary1); __scope_value4 }`
    fn wrap(&mut self, scope: &mut Expr) {
        if has_await(&*scope) {
            self.found = ScopeEnd::Awaiting;
            return;
        }
        let drops = drops_newest_first(self.temporaries);
        if let Expr::Block(block) = scope
            && is_scope_wrap(block)
        {
            let at = block.block.stmts.len() - 1;
            block.block.stmts.splice(at..at, drops);
            self.found = ScopeEnd::Dropped;
            return;
        }
        let value = self.value;
        *scope = syn::parse_quote!({
            let #value = #scope;
            #(#drops)*
            #value
        });
        self.found = ScopeEnd::Dropped;
    }

    /// Looks for the scope in a macro's arguments, where a scope inside
    /// them ends first; true once found.
    fn in_macro_args(&mut self, e: &mut syn::ExprMacro) -> bool {
        if let Some(mut args) = walk::MacroArgs::parse(&e.mac) {
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            if !matches!(self.found, ScopeEnd::NotFound) {
                args.write_back(&mut e.mac.tokens);
                return true;
            }
        }
        false
    }

    fn holds_marker(&self, expr: &Expr) -> bool {
        walk::mentions(&expr.to_token_stream(), &self.marker)
    }
}

impl VisitMut for Wrap<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if !matches!(self.found, ScopeEnd::NotFound) {
            return;
        }
        match expr {
            // The innermost scope holding the await is the one that ends first.
            Expr::If(e) => {
                self.visit_expr_mut(&mut e.cond);
                if matches!(self.found, ScopeEnd::NotFound) && self.holds_marker(&e.cond) {
                    self.wrap(&mut e.cond);
                }
            }
            Expr::Macro(e) => {
                // A scope inside the arguments ends first.
                if self.in_macro_args(e) {
                    return;
                }
                if macro_ends_scope(&e.mac) && self.holds_marker(expr) {
                    self.wrap(expr);
                }
            }
            // A macro's scope wrapped already: its drops go in there.
            Expr::Block(block) if is_scope_wrap(block) => {
                let holds = self.holds_marker(expr);
                let Expr::Block(block) = expr else { return };
                let Some(Expr::Macro(e)) = scope_wrap_init(block) else {
                    visit_mut::visit_expr_block_mut(self, block);
                    return;
                };
                if self.in_macro_args(e) {
                    return;
                }
                if macro_ends_scope(&e.mac) && holds {
                    self.wrap(expr);
                }
            }
            // Each operand of `&&` and `||` is a scope of its own, unless
            // it is a `let` (or a chain of them).
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                for operand in [&mut e.left, &mut e.right] {
                    self.visit_expr_mut(operand);
                    if matches!(self.found, ScopeEnd::NotFound)
                        && !super::lower::is_let_chain(operand)
                        && self.holds_marker(operand)
                    {
                        self.wrap(operand);
                    }
                    if !matches!(self.found, ScopeEnd::NotFound) {
                        return;
                    }
                }
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Did [`drop_where_scope_ends`] make `block`?
/// `{ let __scope_valueN = scope; drops…; __scope_valueN }`
fn is_scope_wrap(block: &syn::ExprBlock) -> bool {
    let stmts = &block.block.stmts;
    let Some(syn::Stmt::Expr(Expr::Path(path), None)) = stmts.last() else {
        return false;
    };
    let Some(value) = path.path.get_ident() else {
        return false;
    };
    block.label.is_none()
        && value.to_string().starts_with("__scope_value")
        && matches!(stmts.first(), Some(syn::Stmt::Local(local))
            if matches!(&local.pat, syn::Pat::Ident(p) if p.ident == *value))
}

/// The value of the scope a block [`is_scope_wrap`] stands for (a
/// `format!` whose arguments' temporaries it drops where the macro ends):
/// the expression the block is a value of, as far as its statement sees.
pub(crate) fn scope_wrapped(expr: &Expr) -> Option<&Expr> {
    let Expr::Block(block) = expr else {
        return None;
    };
    if !is_scope_wrap(block) {
        return None;
    }
    match block.block.stmts.first() {
        Some(syn::Stmt::Local(local)) => local.init.as_ref().map(|init| &*init.expr),
        _ => None,
    }
}

/// The scope a block [`is_scope_wrap`] stands for.
fn scope_wrap_init(block: &mut syn::ExprBlock) -> Option<&mut Expr> {
    if !is_scope_wrap(block) {
        return None;
    }
    match block.block.stmts.first_mut() {
        Some(syn::Stmt::Local(local)) => local.init.as_mut().map(|init| &mut *init.expr),
        _ => None,
    }
}

/// The values awaited or named earlier (read as `{ __awaitedN }`, those
/// `is_earlier` says) that `part` borrows, as a standard borrowing method's
/// receiver, by `&`, as an operand of a comparison or as what is indexed,
/// whole or through a field or a deref, or whose field it reads by value:
/// rustc keeps each, a temporary, to the end of the statement
/// (or of a `vec!`, which is the same). Each is read as itself from then on,
/// for the caller to drop with the statement's temporaries. Those inside a
/// `format!`-like macro drop where it ends, in rustc as in the machine, and
/// are left alone.
///
/// A field read by value is copied out of the value kept, as a field of a
/// call's result is ([`Hoist::expr`]): one that is not `Copy` would move
/// out and leave a part of a value to keep, so the copy stops the build
/// there (`__private::copied_from_temporary`), saying to bind the field
/// with `let` first.
///
/// Before: `{ __awaited1 }.len()`, `&{ __awaited1 }`, `{ __awaited1 }.name.len()`, `&*{ __awaited1 }`, `{ __earlier2 }(x)`
/// After:  `__awaited1.len()`, `&__awaited1`, `__awaited1.name.len()`, `&*__awaited1`, `__earlier2(x)`
///         (`__awaited1` returned)
///
/// Before: `tick({ __awaited1 }.status)`, `{ __awaited1 }.status == 3`
/// After:  `tick(copied_from_temporary(__awaited1.status))`, `__awaited1.status == 3`
///         (`__awaited1` returned)
pub(crate) fn borrowed_blocks(
    part: &mut Expr,
    is_earlier: impl Fn(&syn::Ident) -> bool,
) -> Vec<syn::Ident> {
    // `{ ident }`, read as itself from now on.
    let root = |place: &mut Expr| {
        let Expr::Block(block) = place else {
            return None;
        };
        if block.label.is_none()
            && let [syn::Stmt::Expr(Expr::Path(path), None)] = block.block.stmts.as_slice()
            && let Some(ident) = path.path.get_ident()
            && is_earlier(ident)
        {
            let ident = ident.clone();
            *place = Expr::Path(path.clone());
            return Some(ident);
        }
        None
    };
    let mut receivers = Receivers {
        root,
        copy: "copied_from_temporary",
        kept: Vec::new(),
    };
    receivers.visit_expr_mut(part);
    receivers.kept
}

/// The last part of a statement, with no await left, that reads a field
/// by value out of one of its temporaries (`kept`, values awaited or named
/// earlier that it keeps to its end, such as `__awaited1` in `let t =
/// (tag, __awaited1.body, { __result }.status);`): the field is copied
/// out, as [`borrowed_blocks`] copies it. One that is not `Copy` would be
/// moved out of the local, which the statement drops whole after its newer
/// temporaries, where rustc drops the rest of the value: the build stops
/// at the field (`__private::copied_out_of_kept_value`), saying to bind the field
/// with `let` first, where it was a bare E0382 "use of partially moved
/// value" (dogO2, finding 2b).
///
/// Before: `let u = User { tag: { __earlier3 }, name: __awaited1.body, status: { __result }.status };`
/// After:  `let u = User { tag: { __earlier3 }, name: copied_out_of_kept_value(__awaited1.body), status: { __result }.status };`
pub(crate) fn copied_out_of_kept(stmt: &mut syn::Stmt, kept: &[syn::Ident]) {
    if kept.is_empty() {
        return;
    }
    let root = |place: &mut Expr| match place {
        Expr::Path(path) => path
            .path
            .get_ident()
            .filter(|ident| kept.contains(ident))
            .cloned(),
        _ => None,
    };
    let mut receivers = Receivers {
        root,
        copy: "copied_out_of_kept_value",
        kept: Vec::new(),
    };
    receivers.visit_stmt_mut(stmt);
}

/// Finds where a part reads values the statement keeps ([`borrowed_blocks`],
/// [`copied_out_of_kept`]): borrowed, or a field of them read by value.
struct Receivers<F> {
    /// Is this expression a kept value (rewritten to be read as itself)?
    root: F,
    /// The helper a field read by value is copied out through.
    copy: &'static str,
    kept: Vec<syn::Ident>,
}

impl<F: FnMut(&mut Expr) -> Option<syn::Ident>> Receivers<F> {
    /// `place` is borrowed: if it is a kept value (or a field, an element
    /// or what a deref reaches of it, `{ ident }.name`, `{ ident }[0]`),
    /// `ident` is kept and read as itself. What else the place is made of
    /// (an index, a value that is not kept) is walked as any expression;
    /// the place itself is not read by value.
    fn borrowed(&mut self, place: &mut Expr) {
        match place {
            Expr::Field(field) => self.borrowed(&mut field.base),
            Expr::Paren(paren) => self.borrowed(&mut paren.expr),
            // `&*{ guard }`: a `Deref` borrows the guard.
            Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Deref(_)) => {
                self.borrowed(&mut unary.expr);
            }
            // `Index::index` borrows what it indexes.
            Expr::Index(index) => {
                self.borrowed(&mut index.expr);
                self.visit_expr_mut(&mut index.index);
            }
            _ => match (self.root)(place) {
                Some(ident) => self.kept.push(ident),
                None => self.visit_expr_mut(place),
            },
        }
    }

    /// `field` is read by value: if its base is a kept value (through
    /// fields), the value is kept and read as itself, and the field copied
    /// out of it. True if so.
    fn copied(&mut self, field: &mut Expr) -> bool {
        fn base(expr: &mut Expr) -> &mut Expr {
            match expr {
                Expr::Field(e) => base(&mut e.base),
                Expr::Paren(e) => base(&mut e.expr),
                other => other,
            }
        }
        let Expr::Field(read) = &*field else {
            return false;
        };
        let at = read.member.span();
        let Some(ident) = (self.root)(base(field)) else {
            return false;
        };
        self.kept.push(ident);
        let read = std::mem::replace(field, Expr::PLACEHOLDER);
        *field = crate::syntax::private_call(self.copy, vec![read], at);
        true
    }
}

// A borrowed place is walked by `borrowed`, not as a value, so that a
// field read through it (`{ __awaited1 }.name.len()`) is taken for the
// borrow it is, not for a read by value.
impl<F: FnMut(&mut Expr) -> Option<syn::Ident>> VisitMut for Receivers<F> {
    // A field read by value out of a value awaited earlier, inside an
    // awaited operand (`tick(fetch().await.status).await`) or a part bound
    // ahead of an await: rustc keeps the value, a temporary of the
    // statement, to the statement's end, across the later await, with its
    // `Drop` impl or the fields beside the one read (dogO2, finding 1:
    // read as `{ __awaited1 }.status`, it dropped before the later await
    // was first polled).
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if matches!(expr, Expr::Field(_)) && self.copied(expr) {
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }
    // A field that a method not known to take `self` is called on
    // (`{ __awaited1 }.body.label()`) is kept whole, as a receiver such a
    // method is called on is (README, "Values consumed by a method"); one
    // known to take `self` (`.body.into_bytes()`) reads it by value.
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        let field = matches!(walk::strip_parens(&call.receiver), Expr::Field(_));
        if walk::call_borrows_receiver(call) || (field && !walk::consumes_receiver(&call.method)) {
            self.borrowed(&mut call.receiver);
        } else {
            self.visit_expr_mut(&mut call.receiver);
        }
        for arg in &mut call.args {
            self.visit_expr_mut(arg);
        }
    }
    // `save(&{ __awaited1 }).await`: rustc keeps the value to the end of
    // the statement, across the await, as for a method's receiver.
    fn visit_expr_reference_mut(&mut self, reference: &mut syn::ExprReference) {
        self.borrowed(&mut reference.expr);
    }
    // A comparison borrows its operands (`{ __awaited1 }.status == 3` is
    // `PartialEq::eq(&.., &3)`): kept as a borrowed receiver is. A
    // compound assignment writes its place, reading nothing out of it by
    // value.
    fn visit_expr_binary_mut(&mut self, binary: &mut syn::ExprBinary) {
        if walk::is_comparison(binary.op) || walk::is_compound_assign(binary.op) {
            self.borrowed(&mut binary.left);
        } else {
            self.visit_expr_mut(&mut binary.left);
        }
        if walk::is_comparison(binary.op) {
            self.borrowed(&mut binary.right);
        } else {
            self.visit_expr_mut(&mut binary.right);
        }
    }
    // `Index::index` borrows what it indexes (`{ __awaited1 }[0]`).
    fn visit_expr_index_mut(&mut self, index: &mut syn::ExprIndex) {
        self.borrowed(&mut index.expr);
        self.visit_expr_mut(&mut index.index);
    }
    // `{ __earlier1 }(x)`: the closure made before an await in its own
    // call's arguments (`handler(p)(ack().await)`), which the call borrows
    // (`Fn`, `FnMut`; an `FnOnce` one it moves, and the statement's drop
    // of it makes the machine fail to build).
    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        self.borrowed(&mut call.func);
        for arg in &mut call.args {
            self.visit_expr_mut(arg);
        }
    }
    // An assignment writes its place, reading nothing out of it by value.
    fn visit_expr_assign_mut(&mut self, assign: &mut syn::ExprAssign) {
        self.borrowed(&mut assign.left);
        self.visit_expr_mut(&mut assign.right);
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if macro_ends_scope(mac) {
            return;
        }
        if let Some(mut args) = walk::MacroArgs::parse(mac) {
            for (arg, _) in args.args_mut() {
                self.visit_expr_mut(arg);
            }
            args.write_back(&mut mac.tokens);
        }
    }
}

/// Replaces the block `{ ident }` in `stmt` (how the builder reads a value
/// awaited before a later await) with `ident` itself. Returns whether it
/// was there.
///
/// Before: `let n = { __awaited1 }.add(touch(&__temporary2).await);`
/// After:  `let n = __awaited1.add(touch(&__temporary2).await);`
///         (the caller then drops `__awaited1` after `__temporary2`)
pub(crate) fn unwrap_awaited(stmt: &mut syn::Stmt, ident: &syn::Ident) -> bool {
    struct Unwrap<'a> {
        ident: &'a syn::Ident,
        found: bool,
    }
    impl VisitMut for Unwrap<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            if let Expr::Block(block) = expr
                && block.label.is_none()
                && let [syn::Stmt::Expr(Expr::Path(path), None)] = block.block.stmts.as_slice()
                && path.path.is_ident(self.ident)
            {
                *expr = Expr::Path(path.clone());
                self.found = true;
                return;
            }
            visit_mut::visit_expr_mut(self, expr);
        }

        // Inside a macro's arguments (`vec![..]`, `format!(..)`) the block
        // is tokens.
        fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
            mac.tokens = self.tokens(std::mem::take(&mut mac.tokens));
        }
    }
    impl Unwrap<'_> {
        fn tokens(&mut self, tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
            use proc_macro2::{Group, TokenTree};
            tokens
                .into_iter()
                .map(|tree| match tree {
                    _ if is_wrapped(&tree, self.ident) => {
                        self.found = true;
                        TokenTree::Ident(self.ident.clone())
                    }
                    TokenTree::Group(group) => {
                        let mut new = Group::new(group.delimiter(), self.tokens(group.stream()));
                        new.set_span(group.span());
                        TokenTree::Group(new)
                    }
                    other => other,
                })
                .collect()
        }
    }
    let mut unwrap = Unwrap {
        ident,
        found: false,
    };
    unwrap.visit_stmt_mut(stmt);
    unwrap.found
}

/// How `stmt` reads the awaited value `ident` as a receiver,
/// `{ ident }.method(..)` or `{ ident }.field`, where syntax cannot always
/// tell whether the value is borrowed or moved: the name after the dot, and
/// whether a call follows it. `None` if it is not read so.
pub(crate) fn awaited_receiver(stmt: &syn::Stmt, ident: &syn::Ident) -> Option<(syn::Ident, bool)> {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};
    fn search(tokens: TokenStream, ident: &syn::Ident) -> Option<(syn::Ident, bool)> {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        trees.iter().enumerate().find_map(|(i, tree)| match tree {
            TokenTree::Group(group) => {
                let dot_follows =
                    matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '.');
                if is_wrapped(tree, ident) && dot_follows {
                    let TokenTree::Ident(name) = trees.get(i + 2)? else {
                        return None;
                    };
                    let call = matches!(trees.get(i + 3),
                        Some(TokenTree::Group(args)) if args.delimiter() == Delimiter::Parenthesis)
                        || matches!(trees.get(i + 3), Some(TokenTree::Punct(p)) if p.as_char() == ':');
                    Some((name.clone(), call))
                } else {
                    search(group.stream(), ident)
                }
            }
            _ => None,
        })
    }
    search(stmt.to_token_stream(), ident)
}

/// Are `{ earlier }` and `{ marker }` arguments of the same macro call
/// (and not of a macro nested in it)? Then they are in the same
/// terminating scope.
pub(crate) fn in_same_macro(stmt: &syn::Stmt, earlier: &syn::Ident, marker: &syn::Ident) -> bool {
    use proc_macro2::{TokenStream, TokenTree};
    // `{ name }` at any depth of `tree`.
    fn wraps(tree: &TokenTree, name: &syn::Ident) -> bool {
        match tree {
            TokenTree::Group(group) => {
                is_wrapped(tree, name) || group.stream().into_iter().any(|t| wraps(&t, name))
            }
            _ => false,
        }
    }
    // The arguments of the innermost macro call holding `{ marker }`.
    fn innermost(tokens: TokenStream, marker: &syn::Ident) -> Option<TokenStream> {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            let TokenTree::Group(group) = tree else {
                continue;
            };
            if !wraps(tree, marker) {
                continue;
            }
            let after_bang =
                i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!');
            return innermost(group.stream(), marker)
                .or_else(|| after_bang.then(|| group.stream()));
        }
        None
    }
    // `{ earlier }` directly in these arguments, not in a nested call's.
    fn direct(tokens: TokenStream, earlier: &syn::Ident) -> bool {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        trees.iter().enumerate().any(|(i, tree)| {
            let after_bang =
                i > 0 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '!');
            match tree {
                TokenTree::Group(group) if !after_bang => {
                    is_wrapped(tree, earlier) || direct(group.stream(), earlier)
                }
                _ => false,
            }
        })
    }
    innermost(stmt.to_token_stream(), marker).is_some_and(|args| direct(args, earlier))
}

/// Is `tree` the block `{ ident }`?
fn is_wrapped(tree: &proc_macro2::TokenTree, ident: &syn::Ident) -> bool {
    use proc_macro2::{Delimiter, TokenTree};
    let TokenTree::Group(group) = tree else {
        return false;
    };
    let mut inner = group.stream().into_iter();
    group.delimiter() == Delimiter::Brace
        && matches!((inner.next(), inner.next()), (Some(TokenTree::Ident(name)), None) if name == *ident)
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn checked(text: &str) -> String {
        let mut operand: Expr = syn::parse_str(text).expect("an expression");
        let mut n = 0;
        leading_checked(&mut operand, || {
            n += 1;
            crate::names::hidden(&format!("__temporary{n}"))
        });
        operand.to_token_stream().to_string()
    }

    #[test]
    fn a_receiver_in_an_awaited_operand_is_checked_but_not_where_its_text_is_printed() {
        assert!(checked("leaf(Maker(x).label() + 1)").contains("checked"));
        assert!(checked("leaf(vec![Maker(x).label()])").contains("checked"));
        assert!(!checked("leaf(dbg!(Maker(x).label() + 1))").contains("checked"));
    }
}
