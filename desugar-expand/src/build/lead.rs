//! Finding the await a statement runs first.
//!
//! "Run what comes before the await, run the operand, suspend, then run the
//! statement with the awaited value in place of the `.await`" is the
//! statement itself once the parts with effects that run before the await
//! are bound ahead of it (see [`super::earlier`]).
//!
//! Input: `let n = parse(&fetch(url).await?, LIMIT);`
//! Output: operand `fetch(url)`, and the statement
//! `let n = parse(&{ __result }?, LIMIT);` (with `?` already rewritten).
//!
//! What may stay in place before the await, to run after it: literals,
//! paths, and borrows or fields of those, provided nothing that now runs
//! before them names them (`f(x, g(&mut x).await)` reads `x` before `g`
//! changes it; evaluating it later would not). An await on the right of
//! `&&` or `||` is not suspended on directly: the right becomes a branch
//! (see [`Conditional`]).

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{BinOp, Expr};

use super::awaits::{first_await, has_await, is_awaiting_macro};
use super::{awaiting_macro, receiver_check};
use crate::ir::MentionKind;
use crate::walk::{self, MacroArgs};

mod projected_receiver;

/// The await found, taken out of its statement.
pub(crate) struct Found {
    pub operand: Expr,
    /// The span of `.await` (or of the awaiting macro).
    pub span: Span,
    /// The operand is an `async` block around a macro that awaits in its own
    /// expansion (`join!`), which `#[desugar]` cannot see into.
    pub via_async_block: bool,
    /// The await is inside a terminating scope of its statement (see
    /// [`super::temporaries::drop_where_scope_ends`]): its temporaries drop where that
    /// scope ends, not with the statement.
    pub in_scope: bool,
    /// The await is in the scrutinee of an `if let` with an `else` (not in
    /// a terminating scope inside it): the span of that scrutinee.
    pub in_let_else: Option<Span>,
    /// The parts of the statement with effects that run before the await,
    /// in the order they run, each replaced by `{ ident }`.
    pub earlier: Vec<super::earlier::Earlier>,
    /// The await is on the right of `&&` or `||`, or in the body of an
    /// `if`, `match`, block or `loop` inside the statement: not an await to
    /// suspend on, but a construct the statement runs first.
    pub branch: Option<Branch>,
}

/// What the statement runs before the rest of it, in place of an await.
pub(crate) enum Branch {
    ShortCircuit(Conditional),
    /// An `if`, `match`, block or `loop` whose body awaits, inside a larger
    /// expression: lowered as a `let` of its own, as a construct in a
    /// `let` is, and read as `{ value }`. rustc drops what its branches
    /// and arms make inside them, and what its condition makes where the
    /// condition ends; a `match` scrutinee's temporaries would live to the
    /// end of the statement, so only a place is matched on here.
    ///
    /// Before: `let n = 1 + if flag { ready().await } else { 0 };`
    /// After:  `let __earlier1 = if flag { ready().await } else { 0 };`
    ///         `let n = 1 + { __earlier1 };`
    Construct {
        value: syn::Ident,
        construct: Expr,
    },
}

/// `left && right` (or `||`) whose right awaits, taken out of its
/// statement: the left is bound ahead (the last of the earlier parts; both
/// operands are terminating scopes in rustc, so a `let` drops the left's
/// temporaries where rustc does), the right runs in a branch of its own,
/// and the statement reads the outcome as `{ value }`.
///
/// Before: `let ok = ready && check(id).await;`
/// After:  `let __earlier1 = ready; let __earlier2: bool;`
///         `if __earlier1 { __earlier2 = check(id).await; } else { __earlier2 = false; }`
///         `let ok = { __earlier2 };`
pub(crate) struct Conditional {
    /// `||` rather than `&&`.
    pub or: bool,
    /// The local the left is bound to.
    pub left: syn::Ident,
    pub right: Expr,
    /// The local the outcome is assigned to.
    pub value: syn::Ident,
}

impl Found {
    /// What is taken at `span`, to run ahead of the rest of its statement:
    /// not yet seen inside any scope, with no part before it.
    fn new(operand: Expr, span: Span) -> Self {
        Found {
            operand,
            span,
            via_async_block: false,
            in_scope: false,
            in_let_else: None,
            earlier: Vec::new(),
            branch: None,
        }
    }

    /// Not an await to suspend on, but `branch`, run first.
    fn branch(self, branch: Branch) -> Self {
        Found {
            branch: Some(branch),
            ..self
        }
    }

    /// The await was found inside a scope that ends before its statement
    /// does (`terminating`), as were the parts named so far.
    fn within_scope(mut self, terminating: bool) -> Self {
        self.in_scope |= terminating;
        for earlier in &mut self.earlier {
            earlier.in_scope |= terminating;
        }
        self
    }
}

/// Why no await could be taken.
pub(crate) enum NotLeading {
    /// The place of a compound assignment runs code, and the await at this
    /// span is in its value.
    After(Span),
    /// This part runs before the await and may make a temporary that
    /// rustc keeps to the end of the statement, which syntax cannot name.
    Unnamed(TokenStream),
    /// The await sits where `#[desugar]` cannot suspend yet.
    Unsupported(Span, &'static str),
    /// What runs before the await reads a local that the awaited expression
    /// uses (and may change): `add(x, bump(&mut x).await)`.
    Reads(Span, String),
    /// A branch of a `select!` awaited through an inner `async` block names
    /// this local of the fn.
    InBranch(Span, String),
    /// A macro awaited through an inner `async move` block changes this
    /// local of the fn, which the block copies.
    ChangesCopy(Span, String),
}

impl NotLeading {
    /// The error to report, which says how to write the statement instead.
    pub(crate) fn error(self) -> syn::Error {
        match self {
            NotLeading::After(span) => syn::Error::new(
                span,
                "#[desugar] cannot suspend here yet: the place this compound assignment (`place op= value`) writes runs code, before or after the value depending on its type; bind the awaited value with `let` in a statement of its own first",
            ),
            NotLeading::Unnamed(part) => syn::Error::new_spanned(
                part,
                "#[desugar] cannot run this before the `.await` later in its statement yet: it may make a temporary that rustc keeps to the end of the statement \
                 (the receiver of a method #[desugar] does not know, a field of a call's result, a scrutinee), which #[desugar] cannot name; \
                 bind it with `let` in a statement of its own first",
            ),
            NotLeading::Reads(span, name) => {
                // A value the expansion named (a part run ahead of an
                // earlier await) has no name the user knows.
                let name = crate::names::shown(&name);
                let (what, copy) = if name.starts_with("__") {
                    (
                        "a value computed earlier in this statement".to_string(),
                        "bind that value with `let` before the statement".to_string(),
                    )
                } else if name == "self" {
                    (
                        "`self`".to_string(),
                        "copy what it reads first, `let before = self.field;`, and read `before`"
                            .to_string(),
                    )
                } else {
                    (
                        format!("`{name}`"),
                        format!("copy it first, `let before = {name};`, and read `before`"),
                    )
                };
                syn::Error::new(
                    span,
                    format!(
                        "#[desugar] cannot suspend here yet: {what} is read before this `.await`, and what the machine runs first here \
                         (the awaited expression, or a part of the statement with effects) uses it and may change it; \
                         bind the awaited value with `let` in a statement of its own first, \
                         and where the statement must read {what} as it was before the `.await`, {copy}"
                    ),
                )
            }
            NotLeading::InBranch(span, name) => syn::Error::new(
                span,
                format!(
                    "#[desugar] awaits this macro through an inner `async` block, which takes `{name}` from the fn when it starts, \
                     where rustc uses it only if this branch runs (moved there, it would drop at another time): \
                     let the branches give a value and use `{name}` after the macro, `let got = select! {{ x = a => Some(x), .. }};` \
                     (a number may stay there once its type is written, `let {name}: u32 = ..;`)"
                ),
            ),
            NotLeading::ChangesCopy(span, name) => syn::Error::new(
                span,
                format!(
                    "#[desugar] awaits this macro through an inner `async` block, which takes a copy of `{name}` when it starts: \
                     changed here, the copy would change, not the fn's `{name}`: let the macro give a value and change `{name}` \
                     after it, `{name} += select! {{ x = a => x, .. }};`"
                ),
            ),
            NotLeading::Unsupported(span, msg) => syn::Error::new(span, msg),
        }
    }
}

/// The locals in scope where a statement is lowered, by what its parts may
/// do with them.
#[derive(Default)]
pub(crate) struct InScope {
    /// The locals declared so far: the only names code can change by
    /// naming them (a fn or a constant it calls or reads stays the same).
    pub locals: Vec<String>,
    /// The locals in scope whose values are visibly `Copy` (not `&mut`): a
    /// `select!` branch may name them, as the block copies them (see
    /// [`super::Builder::move_copies_into_block`]).
    pub copies: Vec<String>,
    /// The locals in scope that hold a `&mut` (or may): given to a call, one
    /// is reborrowed, not moved, so it stays where it is.
    pub reborrowed: Vec<String>,
    /// The locals in scope declared `mut`: a bare `select!` polling one in
    /// place is taken for `futures::select!` (see
    /// [`awaiting_macro::polled_local`]).
    pub mutable: Vec<String>,
    /// The locals in scope that are visibly guards (`cell.borrow()`): a
    /// standard method taking `self` reaches the guarded value through
    /// their `Deref`, and borrows the guard.
    pub guards: Vec<String>,
    /// The locals in scope that code after the statement, in its block or
    /// a block around it, names. Given to a method named like the standard
    /// library's that take `self` in a call whose arguments await
    /// (`lx.skip(n.await)`), such a local may be read after the call,
    /// which rustc would reject had the method moved it: it borrows it
    /// (two-phase, across the await), and the local is kept in place, as
    /// for a method syntax does not know.
    pub named_later: Vec<String>,
}

/// Takes the first-running await out of `expr`, putting `replacement` (the
/// awaited value) in its place. `Ok(None)`: `expr` has no await.
pub(crate) fn take(
    expr: &mut Expr,
    replacement: &syn::Ident,
    name: &mut dyn FnMut() -> syn::Ident,
    scope: &InScope,
) -> Result<Option<Found>, NotLeading> {
    Taker {
        replacement,
        name,
        scope,
        quoted: false,
    }
    .take(expr)
}

/// What [`take`] works with as it descends into a statement.
struct Taker<'a> {
    /// The local the awaited value is read from: `{ replacement }`.
    replacement: &'a syn::Ident,
    /// Names a part that runs before the await.
    name: &'a mut dyn FnMut() -> syn::Ident,
    scope: &'a InScope,
    /// Inside the arguments of a macro that prints their text (`dbg!`),
    /// where a check written beside a call would be printed too.
    quoted: bool,
}

impl Taker<'_> {
    fn take(&mut self, expr: &mut Expr) -> Result<Option<Found>, NotLeading> {
        if !has_await(expr) {
            return Ok(None);
        }
        match expr {
            Expr::Await(e) if !has_await(&e.base) => {
                let span = e.await_token.span;
                let operand = (*e.base).clone();
                // Located where the `.await` was: rustc's errors about the
                // value (a type that does not fit, a value moved twice)
                // point at the user's awaited expression, as in the twin.
                *expr = crate::syntax::value_block(self.replacement, Some(expr.span()));
                Ok(Some(Found::new(operand, span)))
            }
            Expr::Await(e) => self.take(&mut e.base),
            Expr::Macro(e) if is_awaiting_macro(&e.mac) => {
                let span = e
                    .mac
                    .path
                    .segments
                    .last()
                    .map_or_else(Span::call_site, |s| s.ident.span());
                if has_early_exit(e.mac.tokens.clone()) {
                    return Err(NotLeading::Unsupported(
                        span,
                        "#[desugar] awaits this macro through an inner `async` block, where `return`, `?`, `break` and `continue` would leave that block instead of the fn: move them out of the macro",
                    ));
                }
                if awaiting_macro::is_join(&e.mac)
                    && let Some(at) =
                        awaiting_macro::borrowed_local(e.mac.tokens.clone(), &self.scope.locals)
                {
                    return Err(NotLeading::Unsupported(
                        at,
                        "#[desugar] awaits this macro through an inner `async` block, which cannot borrow a local of the fn across the await \
                         (rustc would report E0373 for the block): make the futures first, `let a = fetch(&x);`, and give the macro the futures, `join!(a, b)`",
                    ));
                }
                if let Some((at, name)) = awaiting_macro::changed_copy(&e.mac, &self.scope.copies) {
                    return Err(NotLeading::ChangesCopy(at, name));
                }
                if awaiting_macro::is_select(&e.mac)
                    && let Some((at, name)) = awaiting_macro::local_in_branch(
                        e.mac.tokens.clone(),
                        &self
                            .scope
                            .locals
                            .iter()
                            .filter(|name| !self.scope.copies.contains(name))
                            .cloned()
                            .collect::<Vec<_>>(),
                    )
                {
                    return Err(NotLeading::InBranch(at, name));
                }
                if awaiting_macro::is_select(&e.mac)
                    && let Some(at) =
                        awaiting_macro::borrowed_local(e.mac.tokens.clone(), &self.scope.locals)
                            .or_else(|| {
                                awaiting_macro::polled_local(
                                    &e.mac,
                                    &self.scope.locals,
                                    &self.scope.mutable,
                                )
                            })
                {
                    return Err(NotLeading::Unsupported(
                        at,
                        "#[desugar] awaits this macro through an inner `async` block, which cannot borrow a local of the fn across the await \
                         (rustc would report E0373 for the block): make the future in the macro (`x = fetch(1).fuse() => ..`), \
                         or give it the futures inside an `async move` block that owns them, `async move { select! { .. } }.await` (they then drop when it ends)",
                    ));
                }
                let operand = syn::parse_quote_spanned!(span=> async { #expr });
                *expr = crate::syntax::value_block(self.replacement, None);
                Ok(Some(Found {
                    via_async_block: true,
                    ..Found::new(operand, span)
                }))
            }
            Expr::Try(e) => self.take(&mut e.expr),
            Expr::Field(e) => self.take(&mut e.base),
            Expr::Cast(e) => self.take(&mut e.expr),
            Expr::Unary(e) => self.take(&mut e.expr),
            Expr::Paren(e) => self.take(&mut e.expr),
            Expr::Group(e) => self.take(&mut e.expr),
            Expr::Reference(e) => self.take(&mut e.expr),
            Expr::Return(e) => match &mut e.expr {
                Some(value) => self.take(value),
                None => Ok(None),
            },
            Expr::Break(e) => match &mut e.expr {
                Some(value) => self.take(value),
                None => Ok(None),
            },
            Expr::Let(e) => self.take(&mut e.expr),
            // `for x in f().await { .. }` (a body with no await): the iterable
            // runs first.
            Expr::ForLoop(e) if !has_await(&e.body) => self.take(&mut e.expr),
            Expr::MethodCall(e) => {
                let local = local_receiver(e).cloned();
                let moves = self.moves_receiver(e);
                let mut parts = vec![&mut *e.receiver];
                parts.extend(e.args.iter_mut());
                // The receiver may be borrowed; the arguments are moved.
                let found = self.in_order_as(parts, |index| {
                    if index > 0 || moves {
                        Given::Moved
                    } else {
                        Given::Receiver
                    }
                })?;
                let given = match &local {
                    _ if found.is_none() || self.quoted => None,
                    // Moved ahead, the local is no longer the receiver
                    // there: the call is checked at once.
                    Some(_) if local_receiver(e).is_none() => {
                        Some(receiver_check::Given::MovedAhead)
                    }
                    // Kept: checked once, where no await is left in the
                    // call.
                    Some(local)
                        if !e.args.iter().any(has_await) && self.keeps_receiver(e, local) =>
                    {
                        Some(receiver_check::Given::Kept)
                    }
                    _ => None,
                };
                if let Some(given) = given {
                    receiver_check::mark_call(expr, given);
                }
                Ok(found)
            }
            Expr::Call(e) => {
                let mut parts = vec![&mut *e.func];
                parts.extend(e.args.iter_mut());
                self.in_order(parts, |index| index > 0)
            }
            Expr::Index(e) => self.in_order(vec![&mut *e.expr, &mut *e.index], |_| false),
            // The left runs first; the right only if the left does not
            // decide: an await there is a branch of its own. Each operand
            // is a terminating scope, unless it is a `let` (or a chain of
            // them), whose scrutinee lives on through the `if`.
            Expr::Binary(e)
                if matches!(e.op, BinOp::And(_) | BinOp::Or(_)) && has_await(&e.left) =>
            {
                let terminating = !super::lower::is_let_chain(&e.left);
                let found = self.take(&mut e.left)?;
                Ok(found.map(|found| found.within_scope(terminating)))
            }
            Expr::Binary(e)
                if super::lower::is_let_chain(&e.left) || super::lower::is_let_chain(&e.right) =>
            {
                let span = first_await(&*e.right).unwrap_or_else(Span::call_site);
                Err(NotLeading::Unsupported(
                    span,
                    "#[desugar] cannot suspend in a `let` chain after its first part yet (it may not run): write the condition as nested `if let`s, or bind the awaited value with `let` first",
                ))
            }
            Expr::Binary(e) if matches!(e.op, BinOp::And(_) | BinOp::Or(_)) => {
                let span = first_await(&*e.right).unwrap_or_else(Span::call_site);
                let left = (*e.left).clone();
                let (left_ident, value) = ((self.name)(), (self.name)());
                let conditional = Conditional {
                    or: matches!(e.op, BinOp::Or(_)),
                    left: left_ident.clone(),
                    right: (*e.right).clone(),
                    value: value.clone(),
                };
                *expr = crate::syntax::value_block(&value, None);
                let earlier = vec![super::earlier::Earlier {
                    ident: left_ident,
                    value: left,
                    in_scope: false,
                    own_scope: true,
                    mutable: false,
                }];
                Ok(Some(
                    Found {
                        earlier,
                        ..Found::new(conditional.right.clone(), span)
                    }
                    .branch(Branch::ShortCircuit(conditional)),
                ))
            }
            // `place op= value`: on numbers the value runs first, then the place
            // is read and written, as the rest of the statement does after the
            // await; an overloaded operator borrows the place first, which rustc
            // let the value not touch. Either way, a pure place can wait.
            Expr::Binary(e) if walk::is_compound_assign(e.op) => {
                if let Some(span) = first_await(&*e.left) {
                    return Err(NotLeading::Unsupported(
                        span,
                        "#[desugar] cannot suspend in the place of a compound assignment (`place op= value`): bind the awaited value with `let` first",
                    ));
                }
                if !is_pure(&e.left) {
                    let span = first_await(&*e.right).unwrap_or_else(Span::call_site);
                    return Err(NotLeading::After(span));
                }
                self.take(&mut e.right)
            }
            // Arithmetic takes its operands by value; a comparison borrows,
            // or reads a number by value.
            Expr::Binary(e) => {
                let given = if walk::is_comparison(e.op) {
                    Given::Compared
                } else {
                    Given::Moved
                };
                self.in_order_as(vec![&mut *e.left, &mut *e.right], |_| given)
            }
            // `place = value` and `place op= value` run the value first.
            Expr::Assign(e) => self.in_order(vec![&mut *e.right, &mut *e.left], |_| false),
            Expr::Tuple(e) => self.in_order(e.elems.iter_mut().collect(), |_| true),
            Expr::Array(e) => self.in_order(e.elems.iter_mut().collect(), |_| true),
            // `[value; N]` runs `value` once (`N` is a constant), and
            // `start..end` is a struct literal of its bounds, in order.
            Expr::Repeat(e) => self.take(&mut e.expr),
            Expr::Range(e) => self.in_order(
                e.start
                    .iter_mut()
                    .chain(e.end.iter_mut())
                    .map(|bound| &mut **bound)
                    .collect(),
                |_| true,
            ),
            Expr::Struct(e) => {
                if let Some(span) = e.rest.as_deref().and_then(first_await) {
                    return Err(NotLeading::Unsupported(
                        span,
                        "#[desugar] cannot suspend in the base of a struct update (`..base`), which runs after the fields: bind the awaited value with `let` first",
                    ));
                }
                self.in_order(e.fields.iter_mut().map(|f| &mut f.expr).collect(), |_| true)
            }
            Expr::Match(e) if has_await(&e.expr) => self.take(&mut e.expr),
            // The arms await.
            Expr::Match(e) => {
                let span = e
                    .arms
                    .iter()
                    .find_map(|arm| first_await(&arm.pat).or_else(|| first_await(&*arm.body)))
                    .unwrap_or_else(Span::call_site);
                if !matches!(&*e.expr, Expr::Lit(_)) && !super::earlier::plain_place(&e.expr) {
                    return Err(NotLeading::Unsupported(span, SCRUTINEE_IN_VALUE_POSITION));
                }
                Ok(Some(self.construct(expr, span)))
            }
            // The branches await.
            Expr::If(e) if !has_await(&e.cond) => {
                let span = first_await(&e.then_branch)
                    .or_else(|| e.else_branch.as_ref().and_then(|(_, b)| first_await(&**b)))
                    .unwrap_or_else(Span::call_site);
                if !super::earlier::lets_match_places(&e.cond) {
                    return Err(NotLeading::Unsupported(span, SCRUTINEE_IN_VALUE_POSITION));
                }
                Ok(Some(self.construct(expr, span)))
            }
            Expr::Block(e) if e.attrs.is_empty() => {
                let span = first_await(&e.block).unwrap_or_else(Span::call_site);
                Ok(Some(self.construct(expr, span)))
            }
            Expr::Loop(_) => {
                let span = first_await(&*expr).unwrap_or_else(Span::call_site);
                Ok(Some(self.construct(expr, span)))
            }
            Expr::If(e) => {
                let terminating = !super::lower::is_let_chain(&e.cond);
                let let_else = (!terminating && e.else_branch.is_some()).then(|| e.cond.span());
                let found = self.take(&mut e.cond)?;
                Ok(found.map(|found| {
                    let in_let_else = if found.in_scope {
                        found.in_let_else
                    } else {
                        found.in_let_else.or(let_else)
                    };
                    Found {
                        in_let_else,
                        ..found.within_scope(terminating)
                    }
                }))
            }
            Expr::Macro(e) => {
                let Some(mut args) = MacroArgs::parse(&e.mac) else {
                    let span = first_await(&*expr).unwrap_or_else(Span::call_site);
                    return Err(NotLeading::Unsupported(
                        span,
                        "#[desugar] cannot see into this macro's arguments: bind the awaited value with `let` before the macro call",
                    ));
                };
                // (An `assert!` whose condition awaits says its message
                // explicitly: `rewrite::assertion_messages`.)
                let quoted = self.quoted;
                self.quoted |= args.quotes();
                let (parts, kinds): (Vec<&mut Expr>, Vec<MentionKind>) = args.args_mut().unzip();
                let found = self.in_order(parts, |index| kinds[index] == MentionKind::Value);
                self.quoted = quoted;
                let found = found?;
                args.write_back(&mut e.mac.tokens);
                let terminating = super::temporaries::macro_ends_scope(&e.mac);
                Ok(found.map(|found| found.within_scope(terminating)))
            }
            other => {
                let span = first_await(&*other).unwrap_or_else(Span::call_site);
                Err(NotLeading::Unsupported(span, IN_VALUE_POSITION))
            }
        }
    }
}

const SCRUTINEE_IN_VALUE_POSITION: &str = "#[desugar] cannot suspend in the arms of a `match` (or the branches of an `if let`) inside a larger expression when what it matches on is not a local or a field: rustc keeps that value's temporaries to the end of the statement. Bind what it matches on with `let` first, or make the `match` a statement of its own";

const IN_VALUE_POSITION: &str = "#[desugar] cannot suspend inside this expression yet: bind the awaited value with `let` in a statement of its own first";

impl Taker<'_> {
    /// `construct`, whose body awaits, to be run as a `let` of its own
    /// ahead of the rest of its statement (see [`Branch::Construct`]).
    fn construct(&mut self, construct: &mut Expr, span: Span) -> Found {
        let value = (self.name)();
        let taken = std::mem::replace(construct, crate::syntax::value_block(&value, None));
        Found::new(taken.clone(), span).branch(Branch::Construct {
            value,
            construct: taken,
        })
    }

    /// The parts of an expression in the order they run: the await is in
    /// the first part that has one. The parts before it with effects are
    /// named, to run before the awaited expression as they do in rustc;
    /// those without are left to run after it, which changes nothing
    /// unless something that now runs before them changes what they read.
    ///
    /// Before: `f(x, g(y), h().await)`
    /// After:  part `__earlier1 = g(y)`, operand `h()`, and
    ///         `f(x, { __earlier1 }, { __result })`
    ///
    /// `moves(index)`: the part at `index` is moved (or copied) into what
    /// the expression builds, a call's argument or a tuple's element, not
    /// borrowed: a local there that has something to drop is moved ahead,
    /// as rustc moves it into the pending operand before the await (and
    /// drops it with the operands, before the statement's temporaries and
    /// the locals declared after it, if the future is dropped there).
    fn in_order(
        &mut self,
        parts: Vec<&mut Expr>,
        moves: impl Fn(usize) -> bool,
    ) -> Result<Option<Found>, NotLeading> {
        self.in_order_as(parts, |index| {
            if moves(index) {
                Given::Moved
            } else {
                Given::Borrowed
            }
        })
    }

    /// [`Self::in_order`], with how each part is given.
    fn in_order_as(
        &mut self,
        parts: Vec<&mut Expr>,
        given: impl Fn(usize) -> Given,
    ) -> Result<Option<Found>, NotLeading> {
        let mut before: Vec<(&mut Expr, Given)> = Vec::new();
        for (index, part) in parts.into_iter().enumerate() {
            if !has_await(&*part) {
                before.push((part, given(index)));
                continue;
            }
            // Take from a copy: nothing changes unless the await may go first.
            let mut taken = part.clone();
            let Some(mut found) = self.take(&mut taken)? else {
                *part = taken;
                return Ok(None);
            };
            // What runs before a part left in place, in the machine but
            // not in rustc: the awaited expression, the parts named inside
            // the part that awaits, and the parts named after it here.
            let mut runs_first = self.changed_locals(&found.operand);
            let mut passed = passed_names(&found.operand);
            for earlier in &found.earlier {
                runs_first.extend(self.changed_locals(&earlier.value));
                passed.extend(passed_names(&earlier.value));
            }
            let mut named = Vec::new();
            let mut ahead = Ahead {
                in_scope: found.in_scope,
                span: found.span,
                named: &mut named,
                runs_first: &mut runs_first,
                passed: &mut passed,
            };
            for (earlier, given) in before.into_iter().rev() {
                let moved = given == Given::Moved && self.moved_local(earlier, &ahead);
                // A comparison's operand changed by what now runs first
                // could only be compared by value in rustc, or it would be
                // borrowed across that change: a number, read before it.
                let read = matches!(given, Given::Moved | Given::Compared)
                    && read_before_change(earlier, &ahead);
                if moved || read {
                    self.bind_ahead(earlier, &mut ahead);
                    continue;
                }
                if given == Given::Receiver && projected_receiver::borrowed_in_value(earlier) {
                    self.name_projected_receiver(earlier, &mut ahead)?;
                    continue;
                }
                let named = ahead.named.len();
                self.name_part(earlier, &mut ahead)?;
                // The receiver bound ahead whole, `{ __earlier1 }.push(..)`.
                if given == Given::Receiver
                    && let Some(bound) = ahead.named.get_mut(named)
                    && super::values::value_ident(earlier) == Some(&bound.ident)
                {
                    bound.mutable = true;
                }
            }
            named.reverse();
            named.append(&mut found.earlier);
            found.earlier = named;
            *part = taken;
            return Ok(Some(found));
        }
        Ok(None)
    }

    /// Binds `part`, which runs before the await, ahead of it if it has
    /// effects; a place keeps its place and has only its parts with effects
    /// bound (`idx()` in `v[idx()]`: `v[{ __earlier1 }]` is still `v`'s
    /// element, which a method may change). Parts are taken last first, as
    /// what is left in place must not be changed by what now runs before
    /// it.
    ///
    /// Before: `v[idx()].add_assign(f().await)`
    /// After:  part `__earlier1 = idx()`, and `v[{ __earlier1 }].add_assign(..)`
    fn name_part(&mut self, part: &mut Expr, ahead: &mut Ahead<'_>) -> Result<(), NotLeading> {
        let pure = is_pure(part) && !stale_index(part, ahead);
        // `named` is read last first: a check pushed before the parts it
        // indexes with runs after them.
        let check_at = ahead.named.len();
        self.name_place_parts(part, ahead)?;
        if !pure && indexes(part) {
            let check = self.index_check(part);
            ahead.named.insert(check_at, check);
        }
        Ok(())
    }

    /// [`Self::name_part`] without the check of a computed index, which
    /// that adds once for the whole place.
    fn name_place_parts(
        &mut self,
        part: &mut Expr,
        ahead: &mut Ahead<'_>,
    ) -> Result<(), NotLeading> {
        if is_pure(part) && !stale_index(part, ahead) {
            if let Some(name) = value_names(part)
                .into_iter()
                .find(|n| ahead.runs_first.contains(n))
            {
                return Err(NotLeading::Reads(ahead.span, name));
            }
            if indexes(part) {
                self.check_index_ahead(part, ahead);
            }
            return Ok(());
        }
        match part {
            Expr::Paren(e) => return self.name_place_parts(&mut e.expr, ahead),
            Expr::Field(e) if is_place_syntax(&e.base) => {
                return self.name_place_parts(&mut e.base, ahead);
            }
            Expr::Index(e) if is_place_syntax(&e.expr) => {
                if is_pure(&e.index) && read_before_change(&e.index, ahead) {
                    self.bind_ahead(&mut e.index, ahead);
                } else {
                    self.name_part(&mut e.index, ahead)?;
                }
                return self.name_place_parts(&mut e.expr, ahead);
            }
            Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) && is_place_syntax(&e.expr) => {
                return self.name_place_parts(&mut e.expr, ahead);
            }
            _ => {}
        }
        // A temporary it makes lives to the end of its statement, or of the
        // terminating scope (`if` condition, `format!`) around it: kept only
        // where that is the await's scope.
        match super::earlier::nameable(part) {
            Some(makes_temporaries) if !(makes_temporaries && ahead.in_scope) => {}
            _ => return Err(NotLeading::Unnamed(part.to_token_stream())),
        }
        ahead.runs_first.extend(self.changed_locals(part));
        ahead.passed.extend(passed_names(part));
        self.bind_ahead(part, ahead);
        Ok(())
    }

    /// `part`, a place with an index left in place, is indexed ahead of
    /// the await too, and the borrow dropped at once: an index out of
    /// bounds panics before the awaited future is made, as in rustc, not
    /// after it has run. (The place is read again after the await, as
    /// nothing can change it; an `Index` of the user's with an effect runs
    /// twice.)
    ///
    /// Before: `(ids[pos], fetch().await)`
    /// After:  `let __earlier1 = &ids[pos];` ahead, and `(ids[pos], { __result })`
    fn check_index_ahead(&mut self, part: &Expr, ahead: &mut Ahead<'_>) {
        let check = self.index_check(part);
        ahead.named.push(check);
    }

    /// The borrow of `part`'s place that indexes it ahead of the await
    /// (see [`Self::check_index_ahead`]). An index that is a local, or a
    /// part bound ahead (`ids[pick(i)]`: `ids[{ __earlier1 }]`), is cloned
    /// for it, as the place still reads it after the await: a `Range` is
    /// not `Copy`.
    ///
    /// Before: `ids[{ __earlier1 }]`
    /// After:  `&ids[::core::clone::Clone::clone(&__earlier1)]`
    fn index_check(&mut self, part: &Expr) -> super::earlier::Earlier {
        let mut place = match part {
            Expr::Reference(e) => (*e.expr).clone(),
            place => place.clone(),
        };
        clone_indexes(&mut place);
        super::earlier::Earlier {
            ident: (self.name)(),
            value: syn::parse_quote!(&#place),
            in_scope: false,
            own_scope: true,
            mutable: false,
        }
    }

    /// Is `part`, moved before the await, a local of the fn that has
    /// something to drop, or that what now runs first may change? Then it
    /// is moved ahead (see [`Self::in_order`]); a visibly `Copy` local left
    /// in place reads the same value after the await.
    fn moved_local(&self, part: &Expr, ahead: &Ahead<'_>) -> bool {
        // `{ conn }` moves the local just as `conn` does.
        let Some(name) = super::values::value_ident(part).map(ToString::to_string) else {
            return false;
        };
        self.scope.locals.contains(&name)
            && !self.scope.reborrowed.contains(&name)
            && (!self.scope.copies.contains(&name) || ahead.runs_first.contains(&name))
    }

    /// Does `call` move its receiver, a local, into the pending call before
    /// its arguments run? rustc evaluates the receiver first: a local given
    /// by value is moved then, and dropped with the call's operands (before
    /// the locals) if the future is dropped at an await in the arguments.
    /// So for a method named like the standard library's that take `self`
    /// (not a guard's, which reaches the guarded value through `Deref`), and
    /// for a local the user moved into a block of its own (`{ a }.m(..)`).
    ///
    /// Before: `a.unwrap_or(f().await)`
    /// After:  part `__earlier1 = a`, and `{ __earlier1 }.unwrap_or({ __result })`
    fn moves_receiver(&self, call: &syn::ExprMethodCall) -> bool {
        if let Expr::Block(_) = &*call.receiver {
            return super::values::value_ident(&call.receiver)
                .is_some_and(|name| !crate::names::shown(&name.to_string()).starts_with("__"));
        }
        let Some(local) = local_receiver(call) else {
            return false;
        };
        let method = call.method.to_string();
        let through_guard = self.scope.guards.contains(&local.to_string())
            && !method.starts_with("into")
            && method != "try_into";
        walk::consumes_receiver(&call.method)
            && !walk::lends_iterator(&call.method)
            && !through_guard
            && !self.scope.named_later.contains(&local.to_string())
    }

    /// Does the machine keep `local`, the receiver of `call`, in place
    /// across an await in its arguments, where the method may move it? So
    /// for a method syntax does not know, on a local that may have
    /// something to drop (neither visibly `Copy` nor a `&mut`); and for one
    /// named like the standard library's that take `self` on a local that
    /// code after the statement names (see [`InScope::named_later`]).
    ///
    /// Before: `lx.skip(n().await); lx.pos`
    /// After:  `lx` kept in place across the await, and the call checked
    ///         (`receiver_kept`), where it was moved ahead
    fn keeps_receiver(&self, call: &syn::ExprMethodCall, local: &syn::Ident) -> bool {
        let name = local.to_string();
        let numeric = walk::copy::NUMERIC.contains(&call.method.to_string().as_str())
            && walk::copy::is_copy_value(&call.receiver);
        self.scope.locals.contains(&name)
            && !self.scope.copies.contains(&name)
            && !self.scope.reborrowed.contains(&name)
            && !walk::call_borrows_receiver(call)
            && (!walk::consumes_receiver(&call.method) || self.scope.named_later.contains(&name))
            && !numeric
    }

    /// `part` runs ahead of the await, bound to a hidden local that stands
    /// in its place.
    fn bind_ahead(&mut self, part: &mut Expr, ahead: &mut Ahead<'_>) {
        let ident = (self.name)();
        // Located at the part it stands for: an error about what is left
        // in place, which now begins with it (`{ __earlier1 }.with(..)`),
        // points at the user's code, not at the attribute.
        let at = Some(part.span());
        let value = std::mem::replace(part, crate::syntax::value_block(&ident, at));
        ahead.named.push(super::earlier::Earlier {
            ident,
            value,
            in_scope: false,
            own_scope: false,
            mutable: false,
        });
    }

    /// The locals `expr` may change (see [`changed_names`]). The
    /// expansion's own (`{ __awaited1 }`) are moved by its rewriting, with
    /// no read in the twin for rustc to reject after the move: any mention
    /// of one counts.
    fn changed_locals(&self, expr: &Expr) -> Vec<String> {
        let mut names = changed_names(expr);
        names.extend(
            idents(expr.to_token_stream())
                .into_iter()
                .filter(|name| name.starts_with("__")),
        );
        names.retain(|name| self.scope.locals.contains(name));
        names
    }
}

/// The local `call`'s receiver names, if it is one name.
fn local_receiver(call: &syn::ExprMethodCall) -> Option<&syn::Ident> {
    match &*call.receiver {
        Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
        _ => None,
    }
}

/// How what an expression builds takes one of its parts (see
/// [`Taker::in_order`]).
#[derive(Clone, Copy, PartialEq)]
enum Given {
    /// Moved or copied in: a call's argument, a tuple's element.
    Moved,
    /// An operand of a comparison: borrowed, or, for a number, read.
    Compared,
    /// Borrowed: what is indexed.
    Borrowed,
    /// A method's receiver: borrowed, maybe mutably, or moved.
    Receiver,
}

/// What [`Taker::name_part`] works with: the parts bound so far (last
/// first), and the locals of what now runs before the parts left in place.
struct Ahead<'a> {
    /// The await is inside a terminating scope below these parts.
    in_scope: bool,
    span: Span,
    named: &'a mut Vec<super::earlier::Earlier>,
    runs_first: &'a mut Vec<String>,
    /// The locals what now runs first is given by name (`bump(total)`):
    /// one that holds a `&mut` is reborrowed there, and what it points to
    /// may change.
    passed: &'a mut Vec<String>,
}

/// Is `part`, a value read before the await (copied into what the
/// expression builds), a place that what now runs before it may change:
/// one it changes (`(*total, { *total += 1; f().await })`) or one read
/// through a place it is given by value (`*total + add(total, 10).await`,
/// `(ids[0], upload(ids).await)`, `(v[0], refill((v, 9)).await)`, or
/// through a reborrow of what it points to, `**pp + add(*pp, 1).await`)? Then
/// its value is read ahead, as rustc reads an operand before the next one
/// runs, not left in place; with the index it computes (`grid[pick(i)][j]`).
///
/// Before: `*total + add(total, 10).await`
/// After:  part `__earlier1 = *total`, and `{ __earlier1 } + { __result }`
fn read_before_change(part: &Expr, ahead: &Ahead<'_>) -> bool {
    // A local read whole is [`Taker::moved_local`]'s; a borrow is left to
    // the check that it reads nothing changed.
    let through = place_prefixes(part);
    if through.is_empty() || !is_place_syntax(part) {
        return false;
    }
    through.iter().any(|place| ahead.passed.contains(place))
        || value_names(part)
            .iter()
            .any(|name| ahead.runs_first.contains(name))
}

/// Does `part`, a place, index with a place that what now runs first may
/// change (`v[*i] + step(i).await`, `i: &mut usize`)? rustc reads that
/// index before the await: it is bound ahead, and the place is no longer
/// left whole (see [`Taker::name_place_parts`]).
fn stale_index(part: &Expr, ahead: &Ahead<'_>) -> bool {
    match part {
        Expr::Index(e) => {
            (is_pure(&e.index) && read_before_change(&e.index, ahead))
                || stale_index(&e.expr, ahead)
        }
        Expr::Field(e) => stale_index(&e.base, ahead),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => stale_index(&e.expr, ahead),
        Expr::Paren(e) => stale_index(&e.expr, ahead),
        _ => false,
    }
}

/// The places `expr`, a place, reads through, as written (`["ctx.total",
/// "ctx"]` for `ctx.total[0]`, `["total"]` for `*total`, `["(*pp)", "pp"]`
/// for `**pp`); none for a local read whole.
fn place_prefixes(expr: &Expr) -> Vec<String> {
    let inner = match expr {
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => &e.expr,
        Expr::Index(e) => &e.expr,
        Expr::Field(e) => &e.base,
        Expr::Paren(e) => return place_prefixes(&e.expr),
        Expr::Group(e) => return place_prefixes(&e.expr),
        _ => return Vec::new(),
    };
    let mut prefixes: Vec<String> = written_place(inner).into_iter().collect();
    prefixes.extend(place_prefixes(inner));
    prefixes
}

/// A place made of a local, fields and derefs (`ctx.total`, `v`, `{ v }`,
/// `(*pp)`), as written. A deref is one: `*pp` given to a call
/// (`add(*pp, 1)`) reborrows what `pp` points to, which `**pp` reads
/// through.
fn written_place(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => {
            Some(format!("(*{})", written_place(&e.expr)?))
        }
        Expr::Field(e) => {
            let member = match &e.member {
                syn::Member::Named(ident) => ident.to_string(),
                syn::Member::Unnamed(index) => index.index.to_string(),
            };
            Some(format!("{}.{member}", written_place(&e.base)?))
        }
        Expr::Paren(e) => written_place(&e.expr),
        Expr::Group(e) => written_place(&e.expr),
        other => super::values::value_ident(other).map(ToString::to_string),
    }
}

/// The places `expr` gives by value, as written: to a call or a method
/// (`bump(total)`), or into a tuple, an array or a struct it builds
/// (`refill((v, 9))`, `Job { out: ctx.out }`). A `&mut` given so is
/// reborrowed or moved, and what it points to may change.
fn passed_names(expr: &Expr) -> Vec<String> {
    struct Passed(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Passed {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            let given: Vec<&Expr> = match expr {
                Expr::Call(e) => e.args.iter().collect(),
                Expr::MethodCall(e) => e.args.iter().collect(),
                Expr::Tuple(e) => e.elems.iter().collect(),
                Expr::Array(e) => e.elems.iter().collect(),
                Expr::Struct(e) => e.fields.iter().map(|field| &field.expr).collect(),
                _ => Vec::new(),
            };
            self.0.extend(given.into_iter().filter_map(written_place));
            syn::visit::visit_expr(self, expr);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut passed = Passed(Vec::new());
    syn::visit::Visit::visit_expr(&mut passed, expr);
    passed.0
}

/// A place expression by its syntax: a path, a field, an index or a deref
/// of one (whatever its parts run).
pub(super) fn is_place_syntax(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(e) => is_place_syntax(&e.base),
        Expr::Index(e) => is_place_syntax(&e.expr),
        Expr::Unary(e) => matches!(e.op, syn::UnOp::Deref(_)) && is_place_syntax(&e.expr),
        Expr::Paren(e) => is_place_syntax(&e.expr),
        _ => false,
    }
}

/// Evaluating it later changes nothing observable: literals, paths, the
/// standard macros that give a constant, `{ x }`, and places built from
/// them (`&x.f`, `*r`, `v[i]`; `*r += x.await` reads `*r` after the await,
/// as rustc does for `+=` on numbers).
fn is_pure(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Path(_) => true,
        // `line!()`, `concat!(..)`, `cfg!(..)`: a constant, made of the
        // tokens or the compiler's facts.
        Expr::Macro(e) => walk::evaluates_nothing(&e.mac),
        Expr::Reference(e) => is_pure(&e.expr),
        Expr::Field(e) => is_pure(&e.base),
        Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => is_pure(&e.expr),
        Expr::Index(e) => is_pure(&e.expr) && is_pure(&e.index),
        Expr::Paren(e) => is_pure(&e.expr),
        Expr::Group(e) => is_pure(&e.expr),
        // `{ x }`: moves `x` into a temporary (an awaited value, as the
        // builder writes it), which has no effect of its own.
        Expr::Block(e) if e.label.is_none() => {
            matches!(
                e.block.stmts.as_slice(),
                [syn::Stmt::Expr(Expr::Path(_), None)]
            )
        }
        _ => false,
    }
}

/// Does the pure place `expr` index something (`v[i]`, `&m[&k].name`)?
fn indexes(expr: &Expr) -> bool {
    match expr {
        Expr::Index(_) => true,
        Expr::Reference(e) => indexes(&e.expr),
        Expr::Field(e) => indexes(&e.base),
        Expr::Unary(e) => indexes(&e.expr),
        Expr::Paren(e) => indexes(&e.expr),
        Expr::Group(e) => indexes(&e.expr),
        _ => false,
    }
}

/// The indexes along the place `expr` that name a value (`i`, `{ __earlier1 }`)
/// read through a clone of it, for [`Taker::index_check`].
fn clone_indexes(expr: &mut Expr) {
    match expr {
        Expr::Index(e) => {
            if let Some(ident) = super::values::value_ident(&e.index).cloned() {
                *e.index =
                    syn::parse_quote_spanned!(ident.span()=> ::core::clone::Clone::clone(&#ident));
            }
            clone_indexes(&mut e.expr);
        }
        Expr::Field(e) => clone_indexes(&mut e.base),
        Expr::Unary(e) => clone_indexes(&mut e.expr),
        Expr::Paren(e) => clone_indexes(&mut e.expr),
        Expr::Group(e) => clone_indexes(&mut e.expr),
        _ => {}
    }
}

/// The names a pure expression reads as values (single-ident paths), not
/// its types (`Ok::<u32, u32>`): only those can be changed by the operand.
fn value_names(expr: &Expr) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Names {
        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            if let Some(ident) = path.path.get_ident() {
                self.0.push(ident.to_string());
            }
        }
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_expr(&mut names, expr);
    names.0
}

/// The identifiers in `tokens`, at any depth, and the names their strings
/// would capture as format strings (`"{x}"`, `"{v:w$}"`): every name the
/// code they expand to may read a local by.
pub(super) fn idents(tokens: TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Group(group) => out.extend(idents(group.stream())),
            TokenTree::Literal(literal) => {
                out.extend(walk::literal_captures(&literal).into_iter().map(|c| c.name))
            }
            TokenTree::Punct(_) => {}
        }
    }
    out
}

/// Can matching `pat` change the scrutinee's place, through a binding of
/// one of its parts? Not if it binds nothing (`0 | 1`, `Some(_)`), nor if
/// it binds the whole value by value (`n`, `mut n`): a reference it moves
/// out is not the place.
///
/// Before: `match k { 0 => .., n => .. }`, `if let Some(x) = k`
/// After:  `false`, `true`
fn may_change_matched(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => false,
        pat => !walk::patterns::bindings(pat).is_empty(),
    }
}

/// The names `expr` may change when it runs: those it assigns, borrows
/// mutably, calls a method on (which may take `&mut self`), calls, matches against
/// patterns (which may bind `ref mut`), writes to with `write!`, or names
/// inside a closure, an `async` block or a macro whose arguments are not
/// known to be expressions. A name it only reads or moves by value is left
/// out: a part that reads it reads the same value before `expr` runs as
/// after, and after a move the expansion's read is rustc's error (E0382),
/// never a different value.
///
/// `add(x, bump(&mut x).await)`: `x`. `self.n < if c.await { 1 } else { self.n }`: none.
pub(super) fn changed_names(expr: &Expr) -> Vec<String> {
    struct Changes(Vec<String>);
    impl Changes {
        /// The local whose place `expr` is (`x`, `x.f`, `x[i]`, `*x`).
        fn place(&mut self, expr: &Expr) {
            match expr {
                Expr::Path(p) => {
                    if let Some(ident) = p.path.get_ident() {
                        self.0.push(ident.to_string());
                    }
                }
                Expr::Field(e) => self.place(&e.base),
                Expr::Index(e) => self.place(&e.expr),
                Expr::Paren(e) => self.place(&e.expr),
                Expr::Group(e) => self.place(&e.expr),
                Expr::Unary(e) if matches!(e.op, syn::UnOp::Deref(_)) => self.place(&e.expr),
                _ => {}
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Changes {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                // A shared borrow changes nothing a place read before it
                // copies: a `Copy` value holds no cell (`add(req.id,
                // call(&req).await)`), and a value moved out there is
                // borrowed after the move, which rustc rejects.
                Expr::Reference(e) if e.mutability.is_some() => self.place(&e.expr),
                // A method the standard library defines on `&self`
                // (`v.len()`) changes nothing either; any other may take
                // `&mut self`.
                Expr::MethodCall(e)
                    if walk::borrows_receiver(&e.method)
                        && !walk::borrows_receiver_mutably(&e.method) => {}
                Expr::MethodCall(e) => self.place(&e.receiver),
                Expr::Assign(e) => self.place(&e.left),
                Expr::Binary(e) if walk::is_compound_assign(e.op) => self.place(&e.left),
                Expr::Call(e) => self.place(&e.func),
                // A pattern binding nothing, or the whole value by value
                // (`n =>`, which copies or moves it), leaves the scrutinee
                // as it was; a part bound may be bound by `ref mut`, or
                // by reference through a `&mut` scrutinee, and changed.
                Expr::Match(e) if e.arms.iter().any(|arm| may_change_matched(&arm.pat)) => {
                    self.place(&e.expr)
                }
                Expr::Let(e) if may_change_matched(&e.pat) => self.place(&e.expr),
                Expr::Closure(_) | Expr::Async(_) => {
                    self.0.extend(idents(expr.to_token_stream()));
                    return;
                }
                _ => {}
            }
            syn::visit::visit_expr(self, expr);
        }
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let Some(init) = &local.init
                && walk::patterns::binds_by_ref(&local.pat)
            {
                self.place(&init.expr);
            }
            syn::visit::visit_local(self, local);
        }
        // A standard macro whose arguments are expressions changes what
        // running them changes, and what it writes through (`write!`'s
        // writer): formatting borrows the rest shared, so a local it
        // names, as an argument or in the string (`format!("c{}", i)`,
        // `"c{i}"`), reads the same after it. Any other macro may do
        // anything with the names in its tokens.
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if walk::evaluates_nothing(mac) {
                return;
            }
            let Some(args) = MacroArgs::parse(mac) else {
                self.0.extend(idents(mac.tokens.clone()));
                return;
            };
            if let Some(changed) = args.changed_arg() {
                self.place(changed);
            }
            for arg in args.args() {
                self.visit_expr(arg);
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut changes = Changes(Vec::new());
    syn::visit::Visit::visit_expr(&mut changes, expr);
    changes.0
}

/// `return`, `?`, `break` or `continue` in macro input.
pub(crate) fn has_early_exit(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == "return" || ident == "break" || ident == "continue",
        TokenTree::Punct(punct) => punct.as_char() == '?',
        TokenTree::Group(group) => has_early_exit(group.stream()),
        TokenTree::Literal(_) => false,
    })
}
