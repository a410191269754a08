//! Lowering one statement: a chain of suspensions, each on the await that
//! runs first, and the temporaries and awaited values the statement holds
//! across its later awaits.
//!
//! Input: `let n = a.await.add(f(&t()).await);`
//! Output: `let __awaited1 = a.await;` (a suspension),
//! `let __temporary2 = t();`, `let n = __awaited1.add(f(&__temporary2).await);`
//! (another), then `drop(__temporary2); drop(__awaited1);`.

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

use super::awaits::has_await;
use super::lead::Branch;
use super::temporaries::{self, ScopeEnd};
use super::{Builder, roles};
use crate::ir::{LocalId, MentionKind, Stmt};
use crate::names;
use crate::walk;

/// Where a statement [`Builder::statement`] lowers stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Statement,
    /// A block's tail expression, written as a statement (`__value = ..;`).
    Tail,
    /// A scrutinee's (`let __scrutinee = ..;`): its temporaries live on
    /// with the construct.
    Scrutinee,
}

/// What a statement holds while its later awaits are suspended.
#[derive(Default)]
struct Held {
    /// Temporaries hoisted for any of the statement's awaits: they live to
    /// the end of the whole statement, past its later awaits.
    temporaries: Vec<syn::Ident>,
    /// Those of awaits in terminating scopes (an `if` condition, a
    /// `format!`), by the awaited value's name: they drop where the scope
    /// ends, once it has no await left.
    in_scopes: Vec<(syn::Ident, Vec<syn::Ident>)>,
    /// The values awaited before a later await of the statement, and
    /// whether each is in a terminating scope.
    awaited: Vec<(syn::Ident, bool)>,
    /// Those of them that became temporaries of a macro call.
    macro_temporaries: Vec<syn::Ident>,
    /// Temporaries dropped where their terminating scope ends, inside the
    /// statement: their scope ends with the statement, not its block.
    dropped_in_scopes: Vec<syn::Ident>,
}

impl Held {
    /// An await about to suspend hoists temporaries, in a terminating scope
    /// or not (`in_scope`). A value awaited earlier and read as
    /// `{ __awaited1 }` would drop when the statement (or macro call) ends,
    /// before these, which rustc drops first (they are newer, or in a scope
    /// that ends sooner): it becomes one of the statement's (or the macro
    /// call's) temporaries, dropped after them. Returns those that became
    /// temporaries of the macro call holding `{ marker }`, or the earlier
    /// value whose order syntax cannot tell.
    ///
    /// Before: `let n = { __awaited1 }.add(touch(&__temporary2).await);`
    /// After:  `let n = __awaited1.add(touch(&__temporary2).await);`
    fn before_temporaries(
        &mut self,
        stmt: &mut syn::Stmt,
        in_scope: bool,
        marker: &syn::Ident,
    ) -> Result<Vec<syn::Ident>, syn::Ident> {
        let mut in_macro = Vec::new();
        for (ident, earlier_in_scope) in &self.awaited {
            if !earlier_in_scope && temporaries::unwrap_awaited(stmt, ident) {
                self.temporaries.push(ident.clone());
            } else if *earlier_in_scope && in_scope {
                let receiver = temporaries::awaited_receiver(stmt, ident);
                let known = receiver.as_ref().map(|(name, call)| {
                    let by_value = walk::consumes_receiver(name)
                        || walk::copy::NUMERIC.contains(&name.to_string().as_str());
                    (*call && by_value, *call && walk::borrows_receiver(name))
                });
                match known {
                    // Moved into its method's pending call (or a number,
                    // with nothing to drop): an operand, dropped before the
                    // macro's temporaries.
                    Some((true, _)) => continue,
                    // Both in terminating scopes (a `format!`'s arguments):
                    // which drops first depends on whether the earlier value
                    // is borrowed or moved by its method, which syntax
                    // cannot tell for this one.
                    Some((_, false)) => return Err(ident.clone()),
                    _ => {}
                }
                if temporaries::in_same_macro(stmt, ident, marker)
                    && temporaries::unwrap_awaited(stmt, ident)
                {
                    in_macro.push(ident.clone());
                    // Borrowed by the macro, never moved by it.
                    self.macro_temporaries.push(ident.clone());
                }
            }
        }
        Ok(in_macro)
    }
}

impl Builder {
    /// A statement that is not a construct with awaits in its body: plain,
    /// or a chain of suspensions each taking the first-running await.
    pub(super) fn simple(&mut self, stmt: syn::Stmt, out: &mut Vec<Stmt>) {
        let temporaries = self.statement(stmt, Kind::Statement, out);
        self.drop_temporaries(temporaries, out);
    }

    /// [`Self::simple`] for what was a block's tail expression.
    pub(super) fn simple_tail(&mut self, stmt: syn::Stmt, out: &mut Vec<Stmt>) {
        let temporaries = self.statement(stmt, Kind::Tail, out);
        self.drop_temporaries(temporaries, out);
    }

    /// [`Self::simple`] for a scrutinee's statement (a `match`'s, a `for`
    /// loop's iterable), leaving the temporaries that live to the end of the
    /// statement undropped: they are returned, for the caller to leave to
    /// the end of the enclosing block, which ends with the construct.
    pub(super) fn simple_keeping(
        &mut self,
        stmt: syn::Stmt,
        out: &mut Vec<Stmt>,
    ) -> Vec<syn::Ident> {
        self.statement(stmt, Kind::Scrutinee, out)
    }

    /// Lowers a statement with its awaits, returning the temporaries that
    /// live to its end. In a scrutinee's statement, an awaited value the
    /// statement does not move is one of those, to be kept with the others.
    fn statement(
        &mut self,
        mut stmt: syn::Stmt,
        kind: Kind,
        out: &mut Vec<Stmt>,
    ) -> Vec<syn::Ident> {
        let keep = kind == Kind::Scrutinee;
        let mut held = Held::default();
        loop {
            if !has_await(&stmt) {
                // What it keeps to its end, dropped whole after it: no
                // field may be moved out of those (a bare E0382 before).
                temporaries::copied_out_of_kept(&mut stmt, &held.temporaries);
                let declares = self.plain_declares(&stmt);
                let holders = self.holders(&stmt, &declares);
                self.record_stmt(&stmt, &holders);
                for &id in &declares {
                    self.enter(id);
                }
                let tail = (kind == Kind::Tail)
                    .then(|| tail_value(&stmt).cloned())
                    .flatten();
                out.push(Stmt::Plain { stmt, declares });
                return self.operands(held, tail.as_ref());
            }
            let awaits_left = count_awaits(&stmt);
            let result = names::hidden("__result");
            // In a scrutinee the last awaited value is named too: a
            // temporary there (`match a.await.label()`) lives on with the
            // construct.
            let mut value = if awaits_left > 1 || keep {
                Some(self.hidden_local("awaited"))
            } else {
                None
            };
            // A block, not the local: the awaited value is a temporary of
            // the statement, made where the `.await` stood. Borrowed (the
            // receiver of `a.await.method(b.await)`), it drops at the end of
            // the statement, as in rustc, not at the end of the block that
            // declares the local; moved (by value, or into a method taking
            // `self`), nothing is left of it to drop. A scrutinee's
            // temporaries live on with the construct: there the local itself
            // is the temporary, kept with the others (unless a terminating
            // scope, a `format!`'s arguments, ends it first).
            //
            // Before: `let n = a.await.add(b.await);`
            // After:  `let __awaited1 = a.await;` (a suspension)
            //         `let n = { __awaited1 }.add(b.await);` (another)
            let replacement = value.as_ref().unwrap_or(&result);
            let scope = super::lead::InScope {
                locals: self.locals.iter().map(|l| l.ident.to_string()).collect(),
                copies: self.copies_in_scope(),
                reborrowed: self.reborrowed_in_scope(),
                mutable: self.mutable_in_scope(),
                guards: self.guards_in_scope(),
                named_later: self.named_later_in_scope(),
            };
            let mut found = match take_from_stmt(&mut stmt, replacement, &scope, &mut || {
                self.hidden_local("earlier")
            }) {
                Ok(Some(found)) => found,
                // Nothing `#[desugar]` can suspend on after all: the statement
                // stays as written (never dropped); rustc rejects any
                // `.await` left in it.
                Ok(None) => {
                    let declares = self.plain_declares(&stmt);
                    self.record_stmt(&stmt, &declares);
                    for &id in &declares {
                        self.enter(id);
                    }
                    out.push(Stmt::Plain { stmt, declares });
                    self.end_scopes(&held.dropped_in_scopes);
                    return held.temporaries;
                }
                Err(not_leading) => {
                    self.error(not_leading.error());
                    return Vec::new();
                }
            };
            if found.via_async_block {
                self.move_copies_into_block(&mut found.operand);
            }
            // `a.await?` beside a later await: the `?` is taken with the
            // await, and the value kept is the one it gives.
            let tried = match &value {
                Some(ident) if awaits_left > 1 && found.branch.is_none() => {
                    super::tried::take_tried(&mut stmt, ident, syn::parse_quote!({ #result }))
                }
                _ => None,
            };
            // Errors about the awaited value (a kept one moved by a method
            // taking `self`) point at the await it stands for.
            if let Some(ident) = &mut value {
                ident.set_span(Span::mixed_site().located_at(found.operand.span()));
            }
            let in_scope = found.in_scope;
            let in_let_else = found.in_let_else;
            let branch = found.branch.take();
            if branch.is_none() {
                self.note_block_tail_in_awaited(&found.operand);
            }
            let earlier_idents: Vec<syn::Ident> =
                found.earlier.iter().map(|e| e.ident.clone()).collect();
            let (earlier_hoisted, earlier_at) = self.name_earlier(&mut found, &mut held, out);
            // A branch is a statement of its own, with its own temporaries.
            let (found, hoisted, hoisted_at) = match &branch {
                None => self.hoist_temporaries(found, &held, out),
                Some(_) => (found, Vec::new(), None),
            };
            let hoisted_at = earlier_at.or(hoisted_at);
            let hoisted = [earlier_hoisted, hoisted].concat();
            if let Some(span) = in_let_else
                && !in_scope
                && !hoisted.is_empty()
            {
                self.error(temporaries::edition_dependent(hoisted_at.unwrap_or(span)));
            }
            let marker = match &branch {
                Some(Branch::ShortCircuit(conditional)) => conditional.value.clone(),
                Some(Branch::Construct { value, .. }) => value.clone(),
                None => value.clone().unwrap_or_else(|| result.clone()),
            };
            // Values awaited earlier in the same macro arguments, to drop at
            // their end with these temporaries.
            let mut in_this_scope = Vec::new();
            if !hoisted.is_empty() {
                match held.before_temporaries(&mut stmt, in_scope, &marker) {
                    Ok(in_macro) => in_this_scope = in_macro,
                    Err(ident) => {
                        self.error(syn::Error::new(
                            hoisted_at.unwrap_or_else(|| ident.span()),
                            "#[desugar] cannot suspend here yet: this `.await` borrows a temporary in the same macro arguments as a value awaited before it; bind the awaited value with `let` in a statement of its own first",
                        ));
                        return Vec::new();
                    }
                }
            }
            // A tail's temporaries and the operands of its pending calls
            // share one scope (Rust 2024), where all drop newest first, as
            // the machine drops values read as `{ __awaitedN }`.
            if kind != Kind::Tail {
                roles::settle(&mut stmt, &held.awaited, &mut held.temporaries);
            }
            if in_scope && !hoisted.is_empty() {
                in_this_scope.extend(hoisted);
                held.in_scopes.push((marker.clone(), in_this_scope));
            } else {
                held.temporaries.extend(hoisted);
            }

            self.drop_in_scopes(&mut stmt, &mut held);
            // The statement reads the branch's outcome as `{ marker }`, as it
            // reads a value awaited earlier.
            match branch {
                Some(Branch::ShortCircuit(conditional)) => {
                    self.short_circuit(conditional, out);
                    held.awaited.push((marker, in_scope));
                    continue;
                }
                Some(Branch::Construct { value, construct }) => {
                    let stmt = crate::syntax::let_local(value, false, Some(construct));
                    self.stmt(stmt, &super::Dest::Discard, out);
                    held.awaited.push((marker, in_scope));
                    continue;
                }
                None => {}
            }
            let rest: syn::Stmt = match &value {
                Some(ident) => match tried {
                    Some(tried) => syn::parse_quote!(let #ident = #tried;),
                    None => syn::parse_quote!(let #ident = { #result };),
                },
                None => stmt.clone(),
            };
            // The temporaries drop after the statement: a block's tail
            // becomes a statement (of type `()`) so that they can follow it.
            let rest = match rest {
                syn::Stmt::Expr(expr, None) if !held.temporaries.is_empty() => {
                    syn::Stmt::Expr(expr, Some(Default::default()))
                }
                rest => rest,
            };
            let tail = match (&value, kind) {
                (None, Kind::Tail) => tail_value(&rest).cloned(),
                _ => None,
            };
            let rest = if value.is_none() {
                let mut rest = rest;
                temporaries::copied_out_of_kept(&mut rest, &held.temporaries);
                unknown_receivers_unmoved(rest, tail.as_ref(), &held)
            } else {
                rest
            };
            let ranks = super::nesting::ranks(&stmt, &marker, &held.in_scopes, |ident| {
                self.made.contains(&ident.to_string())
            });
            self.suspension(found, rest, ranks, out);
            match value {
                Some(ident) => {
                    if keep && !in_scope && temporaries::unwrap_awaited(&mut stmt, &ident) {
                        held.temporaries.push(ident.clone());
                    }
                    // Parts named before this await, read as `{ __earlierN }`
                    // in the scrutinee, are kept with it in the same way.
                    for (earlier, earlier_in_scope) in &held.awaited {
                        if keep
                            && !earlier_in_scope
                            && earlier_idents.contains(earlier)
                            && temporaries::unwrap_awaited(&mut stmt, earlier)
                        {
                            held.temporaries.push(earlier.clone());
                        }
                    }
                    held.awaited.push((ident, in_scope));
                }
                None => return self.operands(held, tail.as_ref()),
            }
        }
    }

    /// The right of `&&` or `||` that awaits, run only where the left does
    /// not decide, in a branch the machine lowers as any `if`: it is a
    /// terminating scope in rustc too, whose temporaries drop where it
    /// ends. (The left is bound ahead already, the last of the parts
    /// before it.)
    ///
    /// Before: `left && right` (taken out of its statement)
    /// After:  `let __earlier2: bool;`
    ///         `if __earlier1 { __earlier2 = right; } else { __earlier2 = false; }`
    fn short_circuit(&mut self, conditional: super::lead::Conditional, out: &mut Vec<Stmt>) {
        let super::lead::Conditional {
            or,
            left,
            right,
            value,
        } = conditional;
        self.simple(syn::parse_quote!(let #value: bool;), out);
        let branch: syn::Expr = if or {
            syn::parse_quote!(if #left { #value = true; } else { #value = #right; })
        } else {
            syn::parse_quote!(if #left { #value = #right; } else { #value = false; })
        };
        self.stmt(syn::Stmt::Expr(branch, None), &super::Dest::Discard, out);
    }

    /// Puts the drops of temporaries hoisted from terminating scopes at the
    /// ends of those scopes, innermost (latest) first, for each scope that
    /// has no await left.
    fn drop_in_scopes(&mut self, stmt: &mut syn::Stmt, held: &mut Held) {
        let mut waiting = Vec::new();
        while let Some((marker, hoisted)) = held.in_scopes.pop() {
            let value = self.hidden_local("scope_value");
            match temporaries::drop_where_scope_ends(stmt, &marker, &hoisted, &value) {
                ScopeEnd::Dropped => held.dropped_in_scopes.extend(hoisted),
                ScopeEnd::Awaiting => waiting.push((marker, hoisted)),
                ScopeEnd::NotFound => held.temporaries.extend(hoisted),
            }
        }
        waiting.reverse();
        held.in_scopes = waiting;
    }

    /// Once a statement is lowered: ends the scopes of the temporaries it
    /// dropped inside itself, marks the values awaited before its later
    /// awaits that it moves as operands, and returns its temporaries
    /// without them (nothing is left of them to drop). In a tail
    /// (`tail`, its value), those the tail expression itself moves stay
    /// with its temporaries: they share one scope (Rust 2024), where rustc
    /// drops all of them newest first.
    fn operands(&mut self, held: Held, tail: Option<&syn::Expr>) -> Vec<syn::Ident> {
        let Held {
            mut temporaries,
            awaited,
            macro_temporaries,
            dropped_in_scopes,
            ..
        } = held;
        self.end_scopes(&dropped_in_scopes);
        // Those that became a macro call's temporaries drop with it.
        for (ident, _) in awaited
            .iter()
            .filter(|(ident, _)| !macro_temporaries.contains(ident))
        {
            if let Some(id) = self.moved(ident) {
                self.locals[id].operand =
                    !tail.is_some_and(|tail| roles::is_tail_operand(tail, ident));
                temporaries.retain(|temporary| temporary != ident);
            }
        }
        temporaries
    }

    /// The local named `ident` (the latest of that name), if a use moves
    /// it, or perhaps moves it (inside a macro `#[desugar]` cannot read).
    fn moved(&self, ident: &syn::Ident) -> Option<LocalId> {
        let id = self
            .locals
            .iter()
            .rposition(|local| local.ident == *ident)?;
        self.mentions
            .iter()
            .any(|m| {
                m.local == id && (m.kind.may_move() || matches!(m.kind, MentionKind::Opaque { .. }))
            })
            .then_some(id)
    }

    /// The end of a statement that hoisted temporaries: they drop in the
    /// reverse of the order they were made, as rustc drops them.
    ///
    /// Their scope ends there too, so that a later local kept in place can
    /// share a temporary's slot in the homes area, as rustc overlaps them.
    pub(super) fn drop_temporaries(&mut self, temporaries: Vec<syn::Ident>, out: &mut Vec<Stmt>) {
        drop_before_else(&temporaries, out);
        end_with_semicolon(out);
        for temporary in temporaries.into_iter().rev() {
            // Recording the drop ends the temporary's scope (`Builder::record`).
            let drop: syn::Stmt = syn::parse_quote!(::core::mem::drop(#temporary););
            self.simple(drop, out);
        }
    }

    /// Ends the scopes of hidden locals dropped by now: a later await does
    /// not keep them, and a later homed value may share their slot.
    pub(super) fn end_scopes(&mut self, dropped: &[syn::Ident]) {
        for ident in dropped {
            let end = self.tick();
            if let Some(scope) = self.scopes.last_mut()
                && let Some(index) = scope.iter().position(|&id| self.locals[id].ident == *ident)
            {
                let id = scope.remove(index);
                self.locals[id].scope.1 = end;
            }
        }
    }

    /// A block in the awaited expression, or in a part bound ahead of it,
    /// whose tail may make a temporary asks for Rust 2024 (see
    /// [`super::tail_edition`]); said rather than a lowered tail's reason
    /// where both hold, as it names the block the user can change.
    fn note_block_tail_in_awaited(&mut self, operand: &syn::Expr) {
        use super::tail_edition::{Needs2024, kept_block_tail};
        if !self.rust_2024.is_some_and(Needs2024::names_a_block)
            && let Some(span) = kept_block_tail(operand)
        {
            self.rust_2024 = Some(Needs2024::TailInAwaited(span));
        }
    }

    /// A block in the scrutinee of a `match`, an `if let` or a `for` loop
    /// whose body awaits, whose tail may make a temporary, asks for Rust
    /// 2024: Rust 2021 keeps that temporary to the end of the construct,
    /// across the awaits of its body, where the machine, as Rust 2024,
    /// drops it with the block (see [`super::tail_edition`]).
    ///
    /// Before: `match { make().len() } { 3 => fetch().await, _ => 0 }`
    /// After:  the same, and the edition check at `make().len()`
    pub(super) fn note_block_tail_in_scrutinee(&mut self, scrutinee: &syn::Expr) {
        use super::tail_edition::{Needs2024, kept_block_tail};
        if !self.rust_2024.is_some_and(Needs2024::names_a_block)
            && let Some(span) = kept_block_tail(scrutinee)
        {
            self.rust_2024 = Some(Needs2024::TailInScrutinee(span));
        }
    }

    /// Temporaries the awaited future borrows live, in rustc, to the end of
    /// the statement: across the suspension. Each becomes a hidden local
    /// (homed, as the future borrows it) declared just before and dropped
    /// just after the statement, made there if nothing with an effect runs
    /// before it in the operand, else in place (see `temporaries::leading`).
    ///
    /// Before: `let page = fetch(&format!("{base}/x")).await;`
    /// After:  `let __temporary1 = format!("{base}/x");`
    ///         `let page = fetch(&__temporary1).await;`
    ///         `::core::mem::drop(__temporary1);`
    ///
    /// A value awaited earlier in the statement that the operand borrows
    /// (`leaf(a.await.len()).await`) is kept the same way, as rustc keeps
    /// it, and is older than the operand's own temporaries.
    fn hoist_temporaries(
        &mut self,
        mut found: super::lead::Found,
        held: &Held,
        out: &mut Vec<Stmt>,
    ) -> (super::lead::Found, Vec<syn::Ident>, Option<Span>) {
        let mut hoisted = temporaries::borrowed_blocks(&mut found.operand, |ident| {
            held.awaited.iter().any(|(awaited, _)| awaited == ident)
        });
        let scope = self.scope_map();
        let captures = |closure: &syn::ExprClosure| {
            closure.capture.is_some()
                || scope
                    .keys()
                    .any(|local| walk::mentions(&closure.body.to_token_stream(), local))
        };
        let named = temporaries::leading_awaited(&mut found.operand, &captures, || {
            self.hidden_local("temporary")
        });
        let (declared, first_at) = self.declare_temporaries(named, out);
        hoisted.extend(declared);
        (found, hoisted, first_at)
    }

    /// Declares the temporaries [`temporaries::leading`] named, in order,
    /// returning them and where the first one made ahead is written.
    fn declare_temporaries(
        &mut self,
        named: Vec<temporaries::Named>,
        out: &mut Vec<Stmt>,
    ) -> (Vec<syn::Ident>, Option<Span>) {
        let mut declared = Vec::new();
        let mut first_at = None;
        for named in named {
            let ident = named.ident;
            let stmt: syn::Stmt = match named.ahead {
                Some(value) => {
                    first_at = first_at.or(Some(value.span()));
                    crate::syntax::let_local(ident.clone(), named.mutable, Some(value))
                }
                // Made in place by the operand, in its turn.
                None => crate::syntax::let_local(ident.clone(), true, None),
            };
            self.simple(stmt, out);
            declared.push(ident);
        }
        (declared, first_at)
    }

    /// The parts of the statement with effects that run before its await
    /// are bound ahead of it, in the order they run, each after the
    /// temporaries it makes (kept, like the awaited expression's, to the end
    /// of the statement). Each is then read as `{ __earlierN }`, as a value
    /// awaited earlier in the statement is: moved into what uses it, or a
    /// temporary of the statement if that borrows it.
    ///
    /// Before: `let n = x.len() + fetch(&m.lock().unwrap().name).await;`
    /// After:  `let __earlier1 = x.len();`
    ///         `let __temporary2 = m.lock().unwrap();`
    ///         `let n = { __earlier1 } + fetch(&__temporary2.name).await;`
    fn name_earlier(
        &mut self,
        found: &mut super::lead::Found,
        held: &mut Held,
        out: &mut Vec<Stmt>,
    ) -> (Vec<syn::Ident>, Option<Span>) {
        let mut hoisted = Vec::new();
        let mut first_at = None;
        for earlier in std::mem::take(&mut found.earlier) {
            let mut value = earlier.value;
            if earlier.own_scope {
                let ident = earlier.ident;
                self.simple(crate::syntax::let_local(ident, false, Some(value)), out);
                continue;
            }
            // Values awaited or named earlier that the part borrows are
            // temporaries of the statement, older than the part's own.
            hoisted.extend(temporaries::borrowed_blocks(&mut value, |ident| {
                held.awaited.iter().any(|(awaited, _)| awaited == ident)
            }));
            // A block's tail there keeps its temporaries to the end of the
            // statement in Rust 2021, across the await; the `let` ends them.
            self.note_block_tail_in_awaited(&value);
            // A value made for a method named like one taking `self` but as
            // often borrowing (`make().count() + f().await`) is asked about.
            let named = temporaries::leading_checked(&mut value, || self.hidden_local("temporary"));
            let (declared, at) = self.declare_temporaries(named, out);
            hoisted.extend(declared);
            first_at = first_at.or(at);
            let ident = earlier.ident;
            self.simple(
                crate::syntax::let_local(ident.clone(), earlier.mutable, Some(value)),
                out,
            );
            held.awaited.push((ident, earlier.in_scope));
        }
        (hoisted, first_at)
    }
}

/// rustc drops the temporaries of a `let … else` initializer before its
/// `else` block runs: the drops after the statement (which a diverging
/// `else` never reaches) come first in the `else` block too.
///
/// Before: `let Ok(x) = __awaited1.add({ __result }) else { return 0; };` then `drop(__awaited1);`
/// After:  `let Ok(x) = __awaited1.add({ __result }) else { drop(__awaited1); return 0; };` then `drop(__awaited1);`
fn drop_before_else(temporaries: &[syn::Ident], out: &mut [Stmt]) {
    let Some(syn::Stmt::Local(last)) = last_statement(out) else {
        return;
    };
    let Some((_, diverge)) = last.init.as_mut().and_then(|init| init.diverge.as_mut()) else {
        return;
    };
    let syn::Expr::Block(block) = &mut **diverge else {
        return;
    };
    block
        .block
        .stmts
        .splice(0..0, temporaries::drops_newest_first(temporaries));
}

/// The statement the drops follow, ended by `;` if it was an expression
/// without one (a discarded block's tail): printed before
/// `::core::mem::drop(..)`, the two would read as one expression.
///
/// Before: `{ Pair { a: x.len() } }` (a statement)
/// After:  `{ Pair { a: __earlier1 }; ::core::mem::drop(__temporary2); }`
fn end_with_semicolon(out: &mut [Stmt]) {
    if let Some(syn::Stmt::Expr(_, semi @ None)) = last_statement(out) {
        *semi = Some(Default::default());
    }
}

/// The user's statement last written to `out`: a plain one, or what an
/// await's statement runs after the suspension.
fn last_statement(out: &mut [Stmt]) -> Option<&mut syn::Stmt> {
    match out.last_mut()? {
        Stmt::Plain { stmt, .. } => Some(stmt),
        Stmt::Await(suspension) => Some(&mut suspension.rest),
        _ => None,
    }
}

fn take_from_stmt(
    stmt: &mut syn::Stmt,
    replacement: &syn::Ident,
    scope: &super::lead::InScope,
    name: &mut dyn FnMut() -> syn::Ident,
) -> Result<Option<super::lead::Found>, super::lead::NotLeading> {
    match stmt {
        syn::Stmt::Local(local) => match &mut local.init {
            Some(init) => {
                if let Some(span) = init
                    .diverge
                    .as_ref()
                    .and_then(|(_, d)| super::awaits::first_await(&**d))
                {
                    return Err(super::lead::NotLeading::Unsupported(
                        span,
                        "#[desugar] cannot suspend in the `else` of a `let … else` whose pattern binds by reference (`ref`) yet: \
                         bind by value, or match on a reference (`let Some(n) = &value else { .. }`)",
                    ));
                }
                super::lead::take(&mut init.expr, replacement, name, scope)
            }
            None => Ok(None),
        },
        syn::Stmt::Expr(expr, _) => super::lead::take(expr, replacement, name, scope),
        syn::Stmt::Macro(_) | syn::Stmt::Item(_) => Ok(None),
    }
}

/// The last part of a statement that leaves with a value, where nothing
/// follows to drop its temporaries: a tail that finishes the future, a
/// `return` (both `return Poll::Ready(..)` by now) or a `break` with a
/// value. An earlier awaited value there, now one of its temporaries, that
/// an unknown method may move (`a.await.finish(..)`) would be an operand
/// of that method's call, which rustc drops before the temporaries.
/// Borrowing the value after the exit's value is computed makes the
/// machine fail to build (E0382) where the method takes `self`, as a
/// statement's later drop of it does; where it borrows, the value drops in
/// rustc's order, with the temporaries. In a tail (`tail`, its value), the
/// operands of the tail expression itself are left out: they share the
/// tail's scope (Rust 2024) and drop with its temporaries, moved or not.
///
/// Before: `return Poll::Ready(__awaited1.finish({ __result }) + 1);`
/// After:  `return Poll::Ready({ let __tail = __awaited1.finish({ __result }) + 1; let _ = &__awaited1; __tail });`
fn unknown_receivers_unmoved(
    mut rest: syn::Stmt,
    tail: Option<&syn::Expr>,
    held: &Held,
) -> syn::Stmt {
    let Some(value) = exit_value(&mut rest) else {
        return rest;
    };
    let unknown: Vec<&syn::Ident> = held
        .awaited
        .iter()
        .map(|(ident, _)| ident)
        .filter(|&ident| {
            held.temporaries.contains(ident)
                && !tail.is_some_and(|tail| roles::is_tail_operand(tail, ident))
                && roles::has_unknown_use(value, ident)
        })
        .collect();
    if unknown.is_empty() {
        return rest;
    }
    let name = names::hidden("__tail");
    let computed = value.clone();
    // At the awaits the values stand for, where the error points.
    let borrows = unknown
        .iter()
        .map(|&ident| quote::quote_spanned!(ident.span()=> let _ = &#ident;));
    *value = syn::parse_quote_spanned!(computed.span()=> {
        let #name = #computed;
        #(#borrows)*
        #name
    });
    rest
}

/// `E` of `return Poll::Ready(E);` or `break 'label E;`.
fn exit_value(stmt: &mut syn::Stmt) -> Option<&mut syn::Expr> {
    match stmt {
        syn::Stmt::Expr(syn::Expr::Return(ret), _) => match ret.expr.as_deref_mut()? {
            syn::Expr::Call(call) => call.args.first_mut(),
            _ => None,
        },
        syn::Stmt::Expr(syn::Expr::Break(exit), _) => exit.expr.as_deref_mut(),
        _ => None,
    }
}

/// What a tail written as a statement evaluates: `E` of `return
/// Poll::Ready(E);` (the body's tail), `__value = E;` (a block's whose value
/// is used) or `E;`.
fn tail_value(stmt: &syn::Stmt) -> Option<&syn::Expr> {
    match stmt {
        syn::Stmt::Expr(syn::Expr::Return(ret), _) => match ret.expr.as_deref() {
            Some(syn::Expr::Call(call)) => call.args.first(),
            _ => None,
        },
        syn::Stmt::Expr(syn::Expr::Assign(assign), _) => Some(&assign.right),
        syn::Stmt::Expr(expr, _) => Some(expr),
        _ => None,
    }
}

fn count_awaits(stmt: &syn::Stmt) -> usize {
    let mut copy = stmt.clone();
    let mut count = 0;
    let mut name = || quote::format_ident!("__earlier");
    let placeholder = name();
    let scope = super::lead::InScope::default();
    while let Ok(Some(_)) = take_from_stmt(&mut copy, &placeholder, &scope, &mut name) {
        count += 1;
    }
    count + usize::from(has_await(&copy))
}
