//! Uses of homed locals, rewritten to go through the home.
//!
//! Before (user code, `data` homed):
//! `let n = data.len(); consume(data); data = String::new();`
//!
//! After:
//! ```text
//! let n = (*data).len();                       // `data` is now `&mut String`
//! consume(__home_data.take());                 // moved out (an `unsafe` call): the guard stops owning it
//! __home_data.set(String::new());              // assigned: the guard owns it again
//! ```
//!
//! The guard is the local's drop flag: a conditional move leaves it armed on
//! the path that did not move, exactly like rustc's own drop flags.
//!
//! Uses of a renamed local (kept while shadowed) name its hidden name:
//! `x.len()` becomes `__shadowed_x.len()`; those of a flagged one go
//! through its `Flagged` (`(*__flagged_x.place()).len()`).

use proc_macro2::Span;
use syn::Expr;

use super::layout::Layout;
use crate::build::receiver_check;
use crate::ir::{LocalId, MentionKind};
use crate::names;
use crate::walk::{self, Scope};

/// The guard that owns a homed local's value.
pub(crate) fn guard(field: &syn::Ident) -> syn::Ident {
    names::hidden(&format!("__home_{field}"))
}

/// A renamed local's hidden name, pointing at the user's use of it.
fn located(hidden: &syn::Ident, span: Span) -> syn::Ident {
    syn::Ident::new(&hidden.to_string(), hidden.span().located_at(span))
}

/// A use of a flagged local (see `__private::Flagged`): a move asks it for
/// its value, any other use reads it in place. One reached mutably is
/// flagged only where it has this one use (see `Facts::flaggable`), which
/// may go through `&mut` (`q.lock().unwrap().pop()`, a method on the
/// guard's `DerefMut`), and nothing else borrows it beside.
fn flagged(kind: MentionKind, hidden: &syn::Ident, mutably: bool) -> Expr {
    let private = names::private();
    // At the user's use: a move out of the place (`pair.0` beside a use of
    // all of `pair`) is reported there.
    let span = hidden.span();
    match kind {
        // Matched in the flag's place, its patterns wrapped (see
        // `walk::drop_flag`).
        MentionKind::Taken { .. } => syn::parse_quote_spanned!(span=> #hidden.0),
        MentionKind::Value => syn::parse_quote_spanned!(span=> {
            use #private::{FetchCopy as _, FetchMove as _};
            (&mut &mut #hidden).fetch()
        }),
        _ if mutably => syn::parse_quote_spanned!(span=> (*#hidden.place_mut())),
        _ => syn::parse_quote_spanned!(span=> (*#hidden.place())),
    }
}

/// `*b` read by value, `b` visibly a `Box` kept with a flag (see
/// `__private::UnboxMove`): the box leaves its flag where its value is not
/// `Copy`, and `*` moves the value out of it; where it is, `*` reads a copy
/// and the box stays.
///
/// Before: `let p = if flag { *b } else { fresh() };`
/// After:  `let p = if flag { *{ use UnboxCopy as _, UnboxMove as _; (&mut &mut __flagged_b).unboxing() } } else { fresh() };`
fn unboxed_from_flag(hidden: &syn::Ident) -> Expr {
    let private = names::private();
    let span = hidden.span();
    syn::parse_quote_spanned!(span=> *{
        use #private::{UnboxCopy as _, UnboxMove as _};
        (&mut &mut #hidden).unboxing()
    })
}

/// A move of a closure or an `async` block kept as a `Flagged` whatever
/// its type (see `Layout::is_taken_from_flag`): it takes the value, as a
/// copy would not, which nothing after it can tell.
///
/// Before: `call_it(f)`
/// After:  `call_it({ use FetchMove as _; (&mut __flagged_f).fetch() })`
fn taken_from_flag(hidden: &syn::Ident) -> Expr {
    let private = names::private();
    let span = hidden.span();
    syn::parse_quote_spanned!(span=> {
        use #private::FetchMove as _;
        (&mut #hidden).fetch()
    })
}

/// Rewrites the uses of homed locals in a statement; also returns the
/// `let`s of the references its closures and `async` blocks capture (see
/// [`Captured`]), to write before it.
pub(crate) fn stmt(
    stmt: &syn::Stmt,
    scope: &Scope,
    layout: &Layout,
) -> (proc_macro2::TokenStream, syn::Stmt) {
    capturing(stmt, scope, layout)
}

/// Rewrites the uses of homed locals in an awaited expression; also returns the `let`s of the
/// references its closures and `async` blocks capture (see [`Captured`]).
pub(crate) fn operand(
    expr: &Expr,
    scope: &Scope,
    layout: &Layout,
) -> (proc_macro2::TokenStream, Expr) {
    capturing(expr, scope, layout)
}

/// A statement or an expression, walked for its uses of locals.
trait Walked: Clone {
    fn walk<V: walk::Visitor>(&mut self, scope: &Scope, visitor: &mut V);

    /// Writes the receiver checks the builder marked (see
    /// `receiver_check::Expand`).
    fn expand_checks(&mut self);
}

impl Walked for syn::Stmt {
    fn walk<V: walk::Visitor>(&mut self, scope: &Scope, visitor: &mut V) {
        walk::stmt(self, scope, visitor);
    }

    fn expand_checks(&mut self) {
        syn::visit_mut::VisitMut::visit_stmt_mut(&mut receiver_check::Expand, self);
    }
}

/// An await's operand (see [`operand`]).
impl Walked for Expr {
    fn walk<V: walk::Visitor>(&mut self, scope: &Scope, visitor: &mut V) {
        walk::awaited(self, scope, visitor);
    }

    fn expand_checks(&mut self) {
        syn::visit_mut::VisitMut::visit_expr_mut(&mut receiver_check::Expand, self);
    }
}

/// `node` with the uses of homed locals rewritten, and the `let`s of the
/// references its closures capture ([`Captured`]).
fn capturing<T: Walked>(node: &T, scope: &Scope, layout: &Layout) -> (proc_macro2::TokenStream, T) {
    let captured = Captured::find(layout, |visitor| node.clone().walk(scope, visitor));
    let mut node = node.clone();
    node.walk(
        scope,
        &mut HomedUses {
            layout,
            captured: &captured.by_reference,
            copied: &captured.copied,
        },
    );
    node.expand_checks();
    (captured.lets(layout), node)
}

/// The homed locals that a statement's closures and `async` blocks
/// capture by reference, where the statement does not assign them, and
/// that are reached mutably or declared without a value.
///
/// Through the arm's own reference (`let out = unsafe {
/// __home_out.place_mut() };`), a closure kept in the state across an
/// await would hold a borrow of that reference for as long as the state
/// lives, and the arm's later uses of it conflict with the capture where
/// rustc ends it at the closure's last use (E0501 "previous closure
/// requires unique access", E0502): in a loop that awaits, the code after
/// the loop is in the same arm as the closure. A reference taken from the
/// guard before the statement is tied to nothing else, and the closure
/// captures through it instead.
///
/// Before: `let mut push = |x| out.push(x); for x in xs { tick().await; push(x); } out.len()`
/// After:  `let out = unsafe { __home_out.place_mut() };` (a hidden `out`)
///         `let mut push = |x| (*out).push(x);` .. `(*out).len()` (the arm's)
///
/// A local declared without a value has no arm's reference: its uses
/// elsewhere go through the guard (the home may still be empty), and a
/// closure naming the guard would capture the guard itself, which moves
/// into the state at the next await while the closure borrows it.
///
/// Before: `let x; x = 3; let f = async { x + 1 }; f.await`
/// After:  `let x = unsafe { __home_x.place() };` (a hidden `x`)
///         `let f = async { (*x) + 1 };`
///
/// SAFETY: of those blocks, the home holds a value there (by the time a
/// closure captures a local, rustc's twin has seen it assigned, and
/// nothing in the statement assigns it before), and the twin's borrow
/// check of the same capture vouches for the borrow (see `Captured::lets`).
///
/// Also the homed locals a `move` closure or `async move` block takes,
/// that are copied out of their homes before the statement (see
/// [`crate::ir::Local::copied_into_moves`]): a closure naming the arm's
/// reference would hold a borrow of the home where rustc's holds a copy,
/// which may outlive the local's scope, and the copy it takes there
/// would be of the reference.
///
/// Before: `let b = async move { x + 1 };` (`x: u32` homed)
/// After:  `let __copied_x = *unsafe { __home_x.place() };`
///         `let b = async move { __copied_x + 1 };`
///         SAFETY: of that block, the local has a value for its whole
///         scope, in which the twin's closure names it.
struct Captured {
    by_reference: Vec<LocalId>,
    copied: Vec<LocalId>,
}

impl Captured {
    fn find(layout: &Layout, walk_node: impl FnOnce(&mut Collect<'_>)) -> Self {
        let mut collect = Collect {
            layout,
            captured: Vec::new(),
            copied: Vec::new(),
            assigned: Vec::new(),
        };
        walk_node(&mut collect);
        let Collect {
            mut captured,
            mut copied,
            assigned,
            ..
        } = collect;
        captured.retain(|local| !assigned.contains(local));
        captured.sort_unstable();
        captured.dedup();
        copied.sort_unstable();
        copied.dedup();
        Captured {
            by_reference: captured,
            copied,
        }
    }

    fn lets(&self, layout: &Layout) -> proc_macro2::TokenStream {
        let copies = self.copied.iter().map(|&local| {
            let field = layout.field(local);
            let guard = guard(field);
            let copy = copied_value(field);
            // SAFETY: the local is given its value where it is declared
            // and never assigned, and the statement names it, so the home
            // holds that value here; the reference ends with the copy.
            quote::quote!(let #copy = *unsafe { #guard.place() };)
        });
        let references = self.by_reference.iter().map(|&local| {
            let field = layout.field(local);
            let guard = guard(field);
            let reference = captured_reference(field);
            let place = if layout.is_reached_mutably(local) {
                quote::quote!(place_mut)
            } else {
                quote::quote!(place)
            };
            // SAFETY: the home holds a value here (the twin's closure
            // captures the local, so rustc saw it assigned, and the
            // statement does not assign it first); the reference is
            // used by the user's code within the local's scope only.
            quote::quote!(let #reference = unsafe { #guard.#place() };)
        });
        copies.chain(references).collect()
    }
}

/// The copy a statement's `move` closures take a local from.
fn copied_value(field: &syn::Ident) -> syn::Ident {
    names::hidden(&format!("__copied_{field}"))
}

/// The reference a statement's closures capture a local through: named
/// as the local, hidden from the user's code, so that rustc's messages
/// about the capture (a closure without `move` that moves it) name it.
fn captured_reference(field: &syn::Ident) -> syn::Ident {
    names::hidden(&field.to_string())
}

/// Finds [`Captured`]'s locals.
struct Collect<'a> {
    layout: &'a Layout,
    captured: Vec<LocalId>,
    copied: Vec<LocalId>,
    assigned: Vec<LocalId>,
}

impl Collect<'_> {
    /// A local reached only through a shared reference has no unique use
    /// for a shared capture to conflict with: its closures capture through
    /// the arm's reference, as written.
    fn is_captured(&self, local: LocalId) -> bool {
        self.layout.is_homed(local)
            && self.layout.renamed(local).is_none()
            && (self.layout.is_deferred(local) || self.layout.is_reached_mutably(local))
    }
}

impl walk::Visitor for Collect<'_> {
    fn is_made(&self, local: LocalId) -> bool {
        self.layout.is_made(local)
    }

    fn mention(&mut self, local: LocalId, kind: MentionKind, expr: Option<&mut Expr>, _: Span) {
        match kind {
            MentionKind::Capture { by_move: false }
                if self.is_captured(local) && expr.is_some() =>
            {
                self.captured.push(local);
            }
            MentionKind::Capture { by_move: true } if self.layout.is_copied_into_moves(local) => {
                self.copied.push(local);
            }
            MentionKind::Assign | MentionKind::Opaque { .. } => self.assigned.push(local),
            _ => {}
        }
    }

    fn is_copy(&self, local: LocalId) -> bool {
        self.layout.is_copy(local)
    }

    fn is_guard(&self, local: LocalId) -> bool {
        self.layout.is_guard(local)
    }

    /// `format!("{x}")` inside a closure is a capture too.
    fn inline_capture(&mut self, local: LocalId, _: &syn::Ident, captured: bool) -> Option<Expr> {
        if captured && self.is_captured(local) {
            self.captured.push(local);
        }
        None
    }
}

/// Rewrites a `match` scrutinee (a place: arms may bind into it); also
/// returns the drop flag it is matched in, if it is a local kept with one
/// and the arms may take it: the arms must then be rewritten to match
/// there (`walk::drop_flag::arms`).
pub(crate) fn scrutinee<'p>(
    expr: &Expr,
    pats: impl IntoIterator<Item = &'p syn::Pat>,
    scope: &Scope,
    layout: &Layout,
) -> (Expr, Option<syn::Ident>) {
    let mut expr = expr.clone();
    let mut visitor = HomedUses::plain(layout);
    let pats: Vec<&syn::Pat> = pats.into_iter().collect();
    let local = walk::resolve(&expr, scope);
    let holds_mut = local.is_some_and(|local| layout.holds_mut(local));
    let mut taken =
        walk::drop_flag::match_kind_holding(&expr, pats.iter().copied(), false, holds_mut);
    // A local visibly holding a `&mut`, matched by patterns that bind
    // through it, is reborrowed, not taken, as the walk that decided what
    // the states keep has it (`walk::drop_flag::through_mut`).
    if local.is_some_and(|local| layout.is_unique(local)) {
        taken = walk::drop_flag::through_mut(taken, pats.iter().copied());
    }
    let flag = local
        .filter(|_| matches!(taken, MentionKind::Taken { in_place: true, .. }))
        .and_then(|local| walk::Visitor::drop_flag(&visitor, local));
    // Taken out of its home (see `HomedUses::mention`).
    let taken_out = local.is_some_and(|local| layout.is_homed(local) && taken.moves_whole());
    let kind = if flag.is_some() || taken_out {
        taken
    } else {
        MentionKind::Place {
            may_move: false,
            lasting: true,
        }
    };
    walk::place(&mut expr, kind, scope, &mut visitor);
    expr.expand_checks();
    (expr, flag)
}

/// Rewrites an `if`'s condition; also returns the drop flag an `if let`
/// matches in, which the `then` block must clear first
/// (`walk::drop_flag::clear`).
pub(crate) fn condition(cond: &Expr, scope: &Scope, layout: &Layout) -> (Expr, Option<syn::Ident>) {
    let mut cond = cond.clone();
    let flag = walk::condition(&mut cond, scope, &mut HomedUses::plain(layout));
    cond.expand_checks();
    (cond, flag)
}

/// Rewrites the guard of an arm of a `match` on `scrutinee`.
pub(crate) fn pat(pat: &syn::Pat, scrutinee: &Expr, scope: &Scope, layout: &Layout) -> syn::Pat {
    let mut pat = pat.clone();
    walk::pat(&mut pat, scrutinee, scope, &mut HomedUses::plain(layout));
    pat
}

struct HomedUses<'a> {
    layout: &'a Layout,
    /// Captured through a reference taken before the statement ([`Captured`]).
    captured: &'a [LocalId],
    /// Taken by `move` closures from a copy made before the statement
    /// ([`Captured`]).
    copied: &'a [LocalId],
}

impl<'a> HomedUses<'a> {
    /// Where no closure captures through a reference of its own.
    fn plain(layout: &'a Layout) -> Self {
        HomedUses {
            layout,
            captured: &[],
            copied: &[],
        }
    }
}

impl walk::Visitor for HomedUses<'_> {
    /// `format!("{x}")` with `x` homed names the arm's reference (or, for a
    /// local without one, nothing): pass the value explicitly,
    /// `format!("{x}", x = (*x))`, which also lets a closure or async block
    /// capture `*x` rather than the arm's own reference.
    fn inline_capture(
        &mut self,
        local: LocalId,
        name: &syn::Ident,
        captured: bool,
    ) -> Option<Expr> {
        if captured && self.captured.contains(&local) {
            let reference = located(&captured_reference(self.layout.field(local)), name.span());
            return Some(syn::parse_quote_spanned!(name.span()=> (*#reference)));
        }
        // Outside a closure without `move`: in a `move` one, which takes
        // the copy, or outside any, where the copy has the same value.
        if !captured && self.copied.contains(&local) {
            let copy = located(&copied_value(self.layout.field(local)), name.span());
            return Some(syn::parse_quote!(#copy));
        }
        if let Some(hidden) = self.layout.renamed(local) {
            let hidden = located(hidden, name.span());
            if self.layout.is_flagged(local) {
                return Some(syn::parse_quote!((*#hidden.place())));
            }
            return Some(syn::parse_quote!(#hidden));
        }
        if !self.layout.is_homed(local) {
            return None;
        }
        if self.layout.is_deferred(local) {
            let guard = guard(self.layout.field(local));
            // SAFETY: as for `Home::place`: used by the user's code within
            // the local's scope only, as rustc checked in the twin.
            return Some(syn::parse_quote_spanned!(name.span()=> (*unsafe { #guard.place_mut() })));
        }
        Some(syn::parse_quote_spanned!(name.span()=> (*#name)))
    }

    fn reborrows(&self, local: LocalId) -> bool {
        self.layout.is_unique(local)
    }

    fn holds_mut(&self, local: LocalId) -> bool {
        self.layout.holds_mut(local)
    }

    /// A plain local, or one kept with a flag (see [`unboxed_from_flag`]):
    /// one kept in place or renamed is read where it is (`*(*b)`), as `*b`
    /// may copy a `Copy` value out and leave the box to later uses, which a
    /// move out of its home would free (where `*b` moves, reading it in
    /// place does not build, E0507).
    fn is_made(&self, local: LocalId) -> bool {
        self.layout.is_made(local)
    }

    fn is_boxed(&self, local: LocalId) -> bool {
        self.layout.is_boxed(local)
            && !self.layout.is_homed(local)
            && (self.layout.renamed(local).is_none() || self.layout.is_flagged(local))
    }

    fn moved_out_of_box(&mut self, local: LocalId, deref: &mut Expr) {
        if self.layout.is_flagged(local)
            && let Some(hidden) = self.layout.renamed(local)
        {
            let span = syn::spanned::Spanned::span(&*deref);
            *deref = unboxed_from_flag(&located(hidden, span));
        }
    }

    /// A part of a local kept in place, read by value: reached through a
    /// reference to the home, it can be copied (or reborrowed, a `&mut`),
    /// not moved, where rustc's bare E0507 would say nothing of why. Code
    /// that never runs asks the compiler which it is (see
    /// `__private::moved_out_of_kept`), and a move stops the build at the
    /// field, saying to move the local whole into a new one and take the
    /// part from that. The read itself is left as it was: in a block, whose
    /// tail is a coercion site as the read was, so a `&mut` is still
    /// reborrowed where a reference is expected.
    ///
    /// Before: `(*self).items` (a `Vec`, `self` kept in place)
    /// After:  `{ if false { moved_out_of_kept((&&KeptPart(&(*self).items)).kind()); } (*self).items }`
    fn moved_part(&mut self, local: LocalId, field: &mut Expr) {
        if self.layout.renamed(local).is_some() || !self.layout.is_homed(local) {
            return;
        }
        let Expr::Field(read) = &*field else {
            return;
        };
        let span = syn::spanned::Spanned::span(&read.member);
        let private = names::private();
        let read = field.clone();
        *field = syn::parse_quote_spanned! {span=> {
            if false {
                use #private::{ViaCopiedKeptPart as _, ViaMovedKeptPart as _, ViaReborrowedKeptPart as _};
                #private::moved_out_of_kept((&&#private::KeptPart(&#read)).kind());
            }
            #read
        }};
    }

    fn is_pointer(&self, local: LocalId) -> bool {
        self.layout.is_pointer(local)
    }

    fn is_copy(&self, local: LocalId) -> bool {
        self.layout.is_copy(local)
    }

    fn is_guard(&self, local: LocalId) -> bool {
        self.layout.is_guard(local)
    }

    fn borrowed_call(&self, local: LocalId, method: &syn::Ident) -> bool {
        self.layout.is_borrowed_call(local, method)
    }

    fn consumed_receiver(&mut self, local: LocalId, call: &mut Expr) {
        if self.layout.is_consumed_checked(local) {
            receiver_check::consumed(call);
        }
    }

    /// A local kept in place, reached through a reference (`(*req).send()`),
    /// which a method taking `self` cannot move out of: the call is checked,
    /// so that the build stops at the receiver saying to write the move
    /// out rather than with rustc's E0507 (see `receiver_check::in_place`).
    /// Not one renamed (reached by its own name) or visibly `Copy` (a move
    /// copies it), nor one of the expansion's own (a value named ahead of
    /// its statement, `Request::new()` in `match
    /// Request::new().send(format!(..).trim().len()).await`), which the
    /// user has no local to write the move of; but for a value a
    /// scrutinee makes for such a method, whose result is kept too
    /// (`Builder::new()` in `match Builder::new().build().len()`, see
    /// `build::scrutinee`), where the check says to write the move as a
    /// call (`Builder::build(Builder::new())`), which names nothing.
    fn unknown_method_receiver(&mut self, local: LocalId, call: &mut Expr) {
        let field = self.layout.field(local);
        let users = !names::shown(&field.to_string()).starts_with("__");
        let temporary = self.layout.is_named_receiver(local);
        if (users || temporary)
            && self.layout.is_homed(local)
            && self.layout.renamed(local).is_none()
            && !self.layout.is_copy(local)
        {
            receiver_check::in_place(call, &guard(field), temporary);
        }
    }

    fn drop_flag(&self, local: LocalId) -> Option<syn::Ident> {
        self.layout
            .renamed(local)
            .filter(|_| self.layout.is_taken_in_flag(local))
            .cloned()
    }

    fn mention(&mut self, local: LocalId, kind: MentionKind, expr: Option<&mut Expr>, span: Span) {
        if let Some(hidden) = self.layout.renamed(local) {
            // A renamed local has no use inside a macro the expansion
            // cannot read (`expr` is `None` there only).
            let hidden = located(hidden, span);
            // A match that does not read the flag's place reads the value.
            let kind = match kind {
                MentionKind::Taken { .. } if !self.layout.is_taken_in_flag(local) => {
                    MentionKind::Place {
                        may_move: false,
                        lasting: false,
                    }
                }
                kind => kind,
            };
            match expr {
                Some(expr)
                    if self.layout.is_taken_from_flag(local) && kind == MentionKind::Value =>
                {
                    *expr = taken_from_flag(&hidden);
                }
                Some(expr) if self.layout.is_flagged(local) => {
                    let mutably = self.layout.is_reached_mutably(local);
                    *expr = flagged(kind, &hidden, mutably);
                }
                Some(Expr::Assign(assign)) => *assign.left = syn::parse_quote!(#hidden),
                Some(expr) => *expr = syn::parse_quote!(#hidden),
                None => {}
            }
            return;
        }
        if !self.layout.is_homed(local) {
            return;
        }
        // Uses the expansion cannot rewrite were reported by the analysis.
        let Some(expr) = expr else { return };
        // A closure that assigns the local (`|| { computed = true; .. }`)
        // borrows its place, and assigns through that borrow: it is the
        // assigned place that is rewritten (`(*computed) = true`). (A
        // `move` closure assigns its own copy, left as written.)
        let expr = match expr {
            Expr::Assign(assign) if kind == (MentionKind::Capture { by_move: false }) => {
                &mut *assign.left
            }
            expr => expr,
        };
        let guard = guard(self.layout.field(local));
        if kind == (MentionKind::Capture { by_move: false }) && self.captured.contains(&local) {
            let reference = located(&captured_reference(self.layout.field(local)), span);
            *expr = syn::parse_quote_spanned!(span=> (*#reference));
            return;
        }
        if kind == (MentionKind::Capture { by_move: true }) && self.copied.contains(&local) {
            let copy = located(&copied_value(self.layout.field(local)), span);
            *expr = syn::parse_quote!(#copy);
            return;
        }
        match kind {
            // A match by patterns that take all of it (`other =>`, beside
            // `Json::Null =>`, which matches a value with nothing to drop)
            // moves it out as `let w = v;` does: its value leaves the home
            // for the match's, which nothing borrows (the await whose
            // future might have is over, or rustc would not let the twin
            // move it).
            // Before: `match v { Json::Null => None, other => Some(other) }`
            // After:  `match (unsafe { __home_v.take() }) { Json::Null => None, other => Some(other) }`
            MentionKind::Value | MentionKind::Taken { always: true, .. } => {
                // SAFETY: rustc accepted the twin, where this is a move or
                // copy of an initialized local, so the home holds a value.
                *expr = syn::parse_quote_spanned!(span=> (unsafe { #guard.take() }));
            }
            // A borrow that may be kept in the state (`for x in &v`) takes a
            // fresh reference from the guard, so it is not tied to the arm's
            // own reference and later uses of `v` in the arm do not conflict
            // with it; so do all uses of a local declared without a value,
            // whose home may be empty (it has no reference of its own).
            // rustc checked these very uses in the twin.
            MentionKind::Place { .. }
            | MentionKind::Taken { .. }
            | MentionKind::Capture { by_move: false }
                if self.layout.is_deferred(local)
                    || matches!(kind, MentionKind::Place { lasting: true, .. }) =>
            {
                let place =
                    if self.layout.is_reached_mutably(local) || self.layout.is_deferred(local) {
                        quote::quote_spanned!(span=> place_mut)
                    } else {
                        quote::quote_spanned!(span=> place)
                    };
                // SAFETY: as for the arm's reference to the home (see
                // `Home::place`): used within the local's scope only.
                *expr = syn::parse_quote_spanned!(span=> (*unsafe { #guard.#place() }));
            }
            // Other uses go through the arm's reference: `(*v).len()`; so
            // does a closure in a statement that assigns the local (see
            // `Captured`), never through the guard itself, which moves into
            // the state at the next await.
            MentionKind::Place { .. }
            | MentionKind::Taken { .. }
            | MentionKind::Capture { by_move: false } => {
                if let Expr::Path(path) = &*expr {
                    let path = path.clone();
                    *expr = syn::parse_quote_spanned!(span=> (*#path));
                }
            }
            MentionKind::Assign => {
                if let Expr::Assign(assign) = &*expr {
                    let value = &assign.right;
                    *expr = if walk::mentions(&quote::quote!(#value), &guard.to_string()) {
                        // The value is made from the local itself: in
                        // `#guard.set(#guard.take())` the argument would
                        // borrow the guard mutably while `set` holds it
                        // (E0499: a receiver's two-phase borrow admits
                        // shared uses only), so it is bound first, by a
                        // `match` that keeps its temporaries to the end of
                        // the statement, after the old value drops, as the
                        // assignment does.
                        // Before: `conn = login(conn);`
                        // After:  `match login((unsafe { __home_conn.take() }))
                        //              { __assigned => __home_conn.set(__assigned) };`
                        // SAFETY: of the `take` there, as for any move of the
                        // local (`MentionKind::Value` below).
                        let assigned = names::hidden("__assigned");
                        syn::parse_quote_spanned!(span=>
                            match #value { #assigned => #guard.set(#assigned) }
                        )
                    } else {
                        syn::parse_quote_spanned!(span=> #guard.set(#value))
                    };
                }
            }
            MentionKind::Capture { by_move: true }
            | MentionKind::CapturedPart
            | MentionKind::Opaque { .. } => {}
        }
    }
}
