//! The state enum and the homes area: which fields each variant has, their
//! names and their (inferred) type parameters.
//!
//! Every stored value gets a type parameter of its own (`T0`, `T1`, …, `F0`
//! for the future awaited at `Suspend0`), so no type is ever written: rustc
//! infers each from the value the step closure moves in.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use super::describe::Description;
use crate::analysis::Decisions;
use crate::ir::{AwaitId, Body, LocalId};
use crate::names;
use crate::signature::Plan;
use crate::walk::drop_witness::Witness;

pub(crate) struct Layout {
    /// Per local: its field name, unique in the fn.
    field: Vec<syn::Ident>,
    /// Per local that is ever stored: its type parameter.
    param: Vec<Option<syn::Ident>>,
    /// Per local homed in the homes area: its slot's type parameter there.
    slot: Vec<Option<syn::Ident>>,
    /// Homed locals whose scopes never overlap share one slot (a union):
    /// the groups, and each homed local's group.
    groups: Vec<Vec<LocalId>>,
    group_of: Vec<Option<usize>>,
    /// Per homed local an `if let`'s `else` drops first in Rust 2024 only,
    /// shared in a group with a local whose scope its own overlaps in Rust
    /// 2021 (one of that `else`): the constant that says which edition the
    /// `if let` is in. Its share of the union is there in Rust 2024 only,
    /// and a slot of its own beside the union in Rust 2021 only.
    dual: Vec<Option<syn::Ident>>,
    homed: Vec<bool>,
    /// Per await: the homed locals it keeps with no flag (see
    /// [`crate::analysis::Decisions::live_at`]).
    live_at: Vec<Vec<LocalId>>,
    /// Per homed local whose scope holds one await only: that await. It
    /// lives in a slot of that await's variant, not in the homes area.
    in_place: Vec<Option<AwaitId>>,
    /// Per local kept in place in Rust 2024 only (see the fn `in_place`): the
    /// constant that says whether its `if let` is Rust 2024 code. Its slot
    /// in the variant is there in Rust 2024 only, and one in the homes
    /// area, of its own, in Rust 2021 only.
    in_place_2024: Vec<Option<syn::Ident>>,
    /// Per local: reached mutably when homed (see [`crate::ir::Local::reached_mutably`]).
    mutable: Vec<bool>,
    /// Per local: visibly holds a `&mut` reference (see [`crate::ir::Local::unique`]).
    unique: Vec<bool>,
    /// Per local: made by the expansion (see [`crate::ir::Local::made`]).
    made: Vec<bool>,
    /// Per local: visibly holds a `&mut`, itself or in a part (see
    /// [`crate::ir::Local::holds_mut`]).
    holds_mut: Vec<bool>,
    /// Per local: visibly a `Box` (see [`crate::ir::Local::boxed`]).
    boxed: Vec<bool>,
    /// Per local: copied out of its home for a `move` closure (see
    /// [`crate::ir::Local::copied_into_moves`]).
    copied_into_moves: Vec<bool>,
    /// Per local: visibly a smart pointer (see [`crate::ir::Local::pointer`]).
    pointer: Vec<bool>,
    /// Per local: visibly a guard (see [`crate::ir::Local::guard`]).
    guard: Vec<bool>,
    /// Per local: a scrutinee's value made for the receiver of a method
    /// syntax does not know (see [`crate::ir::Local::receiver`]).
    receiver: Vec<bool>,
    /// Per local: visibly `Copy`, not a `&mut` (see
    /// [`crate::ir::Local::plain_copy`]).
    copy: Vec<bool>,
    /// Per await: the locals that are operands of a call still pending
    /// there (see [`crate::ir::Local::operand`]): awaited before the call
    /// that takes them, which runs after this await. Once it has run (an
    /// await in a `match` arm after the scrutinee's call), such a local is
    /// still kept only if the call borrowed it: a temporary like the others.
    /// Per await: the pending operands, each with where the call that
    /// takes it uses it (see [`pending_operands`]).
    pending_operands: Vec<Vec<(LocalId, u32)>>,
    /// Per local: where its scope starts and ends (see
    /// [`crate::ir::Local::scope`]).
    scopes: Vec<(u32, u32)>,
    /// Per await: how deep inside the statement each value it keeps lives
    /// (see [`crate::ir::AwaitInfo::drop_ranks`]).
    drop_ranks: Vec<Vec<(LocalId, u32)>>,
    /// Per await: the locals it keeps only to be dropped (see
    /// [`crate::analysis::Decisions::drop_only_at`]).
    drop_only_at: Vec<Vec<LocalId>>,
    /// Per local: its hidden name, if it is renamed (see
    /// [`crate::analysis::Decisions::renamed`]).
    renamed: Vec<Option<syn::Ident>>,
    /// Per local: kept as a `Flagged` (see
    /// [`crate::analysis::Decisions::flagged`]).
    flagged: Vec<bool>,
    /// Per local: see [`crate::analysis::Decisions::taken_in_flag`].
    taken_in_flag: Vec<bool>,
    /// Per flagged local that holds a closure or an `async` block and is
    /// not used after a move (see
    /// [`crate::analysis::Decisions::used_after_move`]): a `Flagged`
    /// whatever its type, its move taking the value out.
    taken_from_flag: Vec<bool>,
    /// Per local: see [`crate::analysis::Decisions::destructured`].
    destructured: Vec<Vec<Witness>>,
    /// Per local: see [`crate::analysis::Decisions::captured_parts`].
    captured_parts: Vec<Vec<Span>>,
    /// Per local: see [`crate::analysis::Decisions::consumed`].
    consumed: Vec<bool>,
    /// Per local: see [`crate::analysis::Decisions::borrowed_calls`].
    borrowed_calls: Vec<Vec<String>>,
    /// The parameter of a local's field in the variant of an await that
    /// keeps it only to drop it, where the local is used after other awaits,
    /// and of a flagged parameter's field wherever it is kept.
    drop_param: BTreeMap<(AwaitId, LocalId), syn::Ident>,
    /// Per await: the flagged locals whose flag is empty there (see
    /// [`crate::analysis::Decisions::vacant_at`]).
    vacant_at: Vec<Vec<LocalId>>,
    /// Per await: the flagged locals kept with no home that it is in the
    /// `else` of their `if let` of, which drops them first in Rust 2024:
    /// their flag is empty there in Rust 2024 only (see
    /// [`Layout::edition_vacant_at`]).
    edition_vacant_at: Vec<Vec<LocalId>>,
    /// Per local: the `if let` whose `else` drops it first in Rust 2024
    /// only (see [`crate::ir::Body::dropped_before_else`]).
    rescoped: Vec<Option<crate::ir::DroppedBeforeElse>>,
    /// Per await: the locals it is in such an `else` of (see
    /// [`crate::ir::AwaitInfo::dropped_before_else`]).
    dropped_before_else: Vec<Vec<LocalId>>,
    /// Per local: declared without a value (`let x;`).
    deferred: Vec<bool>,
    params: Vec<LocalId>,
    /// Per local: how the description shows one the expansion made (see
    /// [`crate::ir::Local::shown`]).
    shown: Vec<Option<crate::ir::Shown>>,
    sources: Vec<TokenStream>,
    kept: Vec<Vec<LocalId>>,
    docs: Vec<String>,
    /// Per suspension: awaited through an inner `async` block.
    via_async_block: Vec<bool>,
    fn_name: String,
}

impl Layout {
    pub(crate) fn new(plan: &Plan, body: &Body, decisions: &Decisions) -> Self {
        let count = body.locals.len();
        let mut stored: Vec<LocalId> = body.params.clone();
        for kept in &decisions.kept {
            for &local in kept {
                if !stored.contains(&local) {
                    stored.push(local);
                }
            }
        }
        // Stored locals are named first, so a stored `x` is `x` and only a
        // shadowed one that is also stored becomes `x_1`.
        let order = stored
            .iter()
            .copied()
            .chain((0..count).filter(|l| !stored.contains(l)));
        let mut field = vec![names::hidden("__unnamed"); count];
        let mut used_names: Vec<String> = Vec::new();
        for local in order {
            // `r#type` becomes the field `type_`: a field cannot be raw.
            // So does `gen`, an identifier in the user's Rust 2021 but a
            // keyword in the field's span, which is the macro's (2024).
            let base = names::made_from(&body.locals[local].ident);
            let mut name = base.clone();
            let mut suffix = 1;
            while used_names.contains(&name) {
                name = format!("{base}_{suffix}");
                suffix += 1;
            }
            used_names.push(name.clone());
            field[local] = syn::Ident::new(&name, Span::call_site());
        }
        // A temporary of an `if let` scrutinee kept with a flag, in the
        // `else` that drops it first in Rust 2024 (`if let Some(v) =
        // cache.lock().get(&k) { .. } else { load(k).await }`): its flag is
        // empty there in Rust 2024, as rustc keeps nothing, and holds the
        // value in Rust 2021.
        let edition_vacant_at: Vec<Vec<LocalId>> = (0..decisions.kept.len())
            .map(|k| {
                decisions.kept[k]
                    .iter()
                    .copied()
                    .filter(|&l| {
                        decisions.flagged[l]
                            && !decisions.homed[l]
                            && !decisions.vacant_at[k].contains(&l)
                            && body.dropped_before_else[l].is_some()
                            && body.awaits[k].dropped_before_else.contains(&l)
                    })
                    .collect()
            })
            .collect();
        // One whose flag is empty at every await that keeps it (`None =>
        // x.await`, see `vacant_at` below), or there in Rust 2024 and kept
        // under a parameter of that await's own (see `edition_vacant_at`),
        // needs no parameter of its own.
        let vacant_everywhere = |local: LocalId| {
            !body.params.contains(&local)
                && decisions
                    .kept
                    .iter()
                    .zip(decisions.vacant_at.iter().zip(&edition_vacant_at))
                    .all(|(kept, (vacant, edition))| {
                        !kept.contains(&local)
                            || vacant.contains(&local)
                            || edition.contains(&local)
                    })
        };
        let mut param = vec![None; count];
        let typed = stored.iter().copied().filter(|&l| !vacant_everywhere(l));
        for (index, local) in typed.enumerate() {
            param[local] = Some(format_ident!("T{index}"));
        }
        // A local kept only to be dropped at some of its awaits but used
        // after others: there its field may be a `NothingToDrop` while
        // elsewhere it holds the value, so it has a parameter of its own.
        // So has a flagged parameter wherever it is kept: it holds its
        // flag there, and its value in `Unresumed`.
        let mut drop_param = BTreeMap::new();
        for (k, locals) in decisions.drop_only_at.iter().enumerate() {
            let flagged_params = decisions.kept[k]
                .iter()
                .filter(|&&l| decisions.flagged[l] && body.params.contains(&l));
            let own = locals.iter().filter(|&&l| !decisions.drop_only[l]);
            for &local in own.chain(flagged_params) {
                let index = drop_param.len();
                drop_param
                    .entry((k, local))
                    .or_insert_with(|| format_ident!("D{index}"));
            }
        }
        // A flagged local moved away on every path to an await keeps its
        // type alone there, where elsewhere it keeps its flag; so does one
        // whose flag is empty there in Rust 2024 only, whose field's type
        // the edition chooses.
        let vacant = decisions.vacant_at.iter().enumerate();
        for (k, locals) in vacant.chain(edition_vacant_at.iter().enumerate()) {
            for &local in locals {
                let index = drop_param.len();
                drop_param
                    .entry((k, local))
                    .or_insert_with(|| format_ident!("D{index}"));
            }
        }
        let (in_place, in_place_2024) = in_place(body, decisions);
        let in_homes: Vec<bool> = (0..count)
            .map(|l| decisions.homed[l] && (in_place[l].is_none() || in_place_2024[l].is_some()))
            .collect();
        let mut slot = vec![None; count];
        for (index, local) in (0..count).filter(|&l| in_homes[l]).enumerate() {
            slot[local] = Some(format_ident!("H{index}"));
        }
        let solo: Vec<bool> = in_place_2024.iter().map(Option::is_some).collect();
        let (groups, group_of) = share_slots(body, &in_homes, &solo);
        let dual = (0..count)
            .map(|l| {
                let rescoped = body.dropped_before_else[l].as_ref()?;
                let group = &groups[group_of[l]?];
                let overlaps = group
                    .iter()
                    .any(|&other| other != l && scopes_overlap(body, l, other));
                overlaps.then(|| rescoped.rust_2024.clone())
            })
            .collect();
        // Whether a closure or an `async` block is `Copy` is not settled
        // where `DropOnly` or a flag asks (its captures are inferred later),
        // and the question fails to build.
        let closures = super::step::closure_locals(body);
        Layout {
            renamed: (0..count)
                .map(|l| {
                    let kind = if decisions.flagged[l] {
                        "flagged"
                    } else {
                        "shadowed"
                    };
                    decisions.renamed[l].then(|| names::hidden(&format!("__{kind}_{}", field[l])))
                })
                .collect(),
            flagged: decisions.flagged.clone(),
            taken_in_flag: decisions.taken_in_flag.clone(),
            // Not used after its move, it may be taken even if it is `Copy`.
            taken_from_flag: (0..count)
                .map(|l| {
                    decisions.flagged[l] && closures.contains(&l) && !decisions.used_after_move[l]
                })
                .collect(),
            destructured: decisions.destructured.clone(),
            captured_parts: decisions.captured_parts.clone(),
            borrowed_calls: decisions.borrowed_calls.clone(),
            consumed: decisions.consumed.clone(),
            drop_param,
            field,
            param,
            slot,
            groups,
            group_of,
            dual,
            homed: decisions.homed.clone(),
            live_at: decisions.live_at.clone(),
            in_place,
            in_place_2024,
            mutable: body.locals.iter().map(|l| l.reached_mutably()).collect(),
            unique: body.locals.iter().map(|l| l.unique).collect(),
            made: body.locals.iter().map(|l| l.made).collect(),
            holds_mut: body
                .locals
                .iter()
                .map(|l| l.unique || l.holds_mut)
                .collect(),
            boxed: body.locals.iter().map(|l| l.boxed).collect(),
            copied_into_moves: body.locals.iter().map(|l| l.copied_into_moves()).collect(),
            pointer: body.locals.iter().map(|l| l.pointer).collect(),
            copy: body.locals.iter().map(|l| l.plain_copy()).collect(),
            guard: body.locals.iter().map(|l| l.guard).collect(),
            receiver: body.locals.iter().map(|l| l.receiver).collect(),
            pending_operands: pending_operands(body),
            scopes: body.locals.iter().map(|l| l.scope).collect(),
            drop_ranks: body.awaits.iter().map(|a| a.drop_ranks.clone()).collect(),
            // A closure or an `async` block is kept.
            drop_only_at: decisions
                .drop_only_at
                .iter()
                .map(|locals| {
                    locals
                        .iter()
                        .copied()
                        .filter(|local| !closures.contains(local))
                        .collect()
                })
                .collect(),
            vacant_at: decisions.vacant_at.clone(),
            edition_vacant_at,
            rescoped: body.dropped_before_else.clone(),
            dropped_before_else: body
                .awaits
                .iter()
                .map(|a| a.dropped_before_else.clone())
                .collect(),
            deferred: body.locals.iter().map(|l| !l.initialized).collect(),
            params: body.params.clone(),
            shown: body.locals.iter().map(|l| l.shown.clone()).collect(),
            sources: plan.params.iter().map(|p| p.source.clone()).collect(),
            kept: decisions.kept.clone(),
            docs: body.awaits.iter().map(|a| a.source.clone()).collect(),
            via_async_block: body.awaits.iter().map(|a| a.via_async_block).collect(),
            fn_name: plan.name(),
        }
    }

    pub(crate) fn field(&self, local: LocalId) -> &syn::Ident {
        &self.field[local]
    }

    /// How the description shows a local the expansion made, in place of
    /// its field's hidden name; `None` for the user's own.
    pub(crate) fn shown(&self, local: LocalId) -> Option<&crate::ir::Shown> {
        self.shown[local].as_ref()
    }

    pub(crate) fn is_homed(&self, local: LocalId) -> bool {
        self.homed[local]
    }

    /// Does the machine keep any value borrowed across an await?
    pub(crate) fn keeps_borrows(&self) -> bool {
        self.homed.iter().any(|&homed| homed)
    }

    /// The await in whose variant a homed local lives, if it lives in one.
    pub(crate) fn in_place(&self, local: LocalId) -> Option<AwaitId> {
        self.in_place[local]
    }

    /// Does suspension `k` keep values in place in its variant? Then the
    /// machine enters that state before it suspends there, and what else the
    /// state keeps is written in later (`Later` fields, and `__held`).
    pub(crate) fn places(&self, k: AwaitId) -> bool {
        self.placed(k).next().is_some()
    }

    /// The locals suspension `k` keeps in place, in declaration order.
    fn placed(&self, k: AwaitId) -> impl Iterator<Item = LocalId> + '_ {
        (0..self.in_place.len()).filter(move |&l| self.in_place[l] == Some(k))
    }

    pub(crate) fn is_reached_mutably(&self, local: LocalId) -> bool {
        self.mutable[local]
    }

    /// The hidden name of a renamed local.
    pub(crate) fn renamed(&self, local: LocalId) -> Option<&syn::Ident> {
        self.renamed[local].as_ref()
    }

    pub(crate) fn is_flagged(&self, local: LocalId) -> bool {
        self.flagged[local]
    }

    /// The parts of `local` patterns destructure that may only copy their
    /// fields (see [`crate::analysis::Decisions::destructured`]).
    pub(crate) fn destructured(&self, local: LocalId) -> &[Witness] {
        &self.destructured[local]
    }

    /// Where `move` captures take a field of `local` alone, the local kept
    /// after them (see [`crate::analysis::Decisions::captured_parts`]).
    pub(crate) fn captured_parts(&self, local: LocalId) -> &[Span] {
        &self.captured_parts[local]
    }

    /// Does a call that takes `local` for its receiver by a method named
    /// like the standard library's that take `self` go through the check
    /// (see [`crate::analysis::Decisions::consumed`])?
    /// Does a call of `method` on `local` borrow it (see
    /// [`crate::analysis::Decisions::borrowed_calls`])?
    pub(crate) fn is_borrowed_call(&self, local: LocalId, method: &syn::Ident) -> bool {
        self.borrowed_calls[local]
            .iter()
            .any(|name| method == name.as_str())
    }

    pub(crate) fn is_consumed_checked(&self, local: LocalId) -> bool {
        self.consumed[local]
    }

    /// Is `local` matched in its flag's place (see
    /// [`crate::analysis::Decisions::taken_in_flag`])?
    pub(crate) fn is_taken_in_flag(&self, local: LocalId) -> bool {
        self.taken_in_flag[local]
    }

    /// Is `local` a `Flagged` whatever its type, and moved out of it (see
    /// [`Layout::taken_from_flag`])?
    pub(crate) fn is_taken_from_flag(&self, local: LocalId) -> bool {
        self.taken_from_flag[local]
    }

    /// Is `local` a flag emptied on every path to `k` (see
    /// [`crate::analysis::Decisions::vacant_at`])?
    pub(crate) fn is_vacant_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.vacant_at[k].contains(&local)
    }

    /// The constant that says whether flagged `local`, kept at `k`, is in
    /// Rust 2024 code, where the `else` of its `if let` that `k` is in
    /// dropped it first: its flag is empty there in Rust 2024 only, and
    /// `k`'s variant keeps its type alone, or the flag in Rust 2021 (see
    /// `__private::KeptIn`). Not a homed one (see
    /// [`Layout::kept_in_2021_only`]).
    pub(crate) fn edition_vacant_at(&self, local: LocalId, k: AwaitId) -> Option<&syn::Ident> {
        if !self.edition_vacant_at[k].contains(&local) {
            return None;
        }
        self.rescoped[local].as_ref().map(|r| &r.rust_2024)
    }

    /// Is `local` kept at `k` only to be dropped? Then the variant keeps
    /// nothing for a `Copy` value (see `__private::DropOnly`).
    pub(crate) fn is_drop_only_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.drop_only_at[k].contains(&local)
    }

    pub(crate) fn is_unique(&self, local: LocalId) -> bool {
        self.unique[local]
    }

    pub(crate) fn is_made(&self, local: LocalId) -> bool {
        self.made[local]
    }

    pub(crate) fn holds_mut(&self, local: LocalId) -> bool {
        self.holds_mut[local]
    }

    pub(crate) fn is_boxed(&self, local: LocalId) -> bool {
        self.boxed[local]
    }

    /// Homed, and copied out of its home for the `move` closures that
    /// take it (see [`crate::ir::Local::copied_into_moves`]).
    pub(crate) fn is_copied_into_moves(&self, local: LocalId) -> bool {
        self.homed[local] && self.copied_into_moves[local]
    }

    pub(crate) fn is_pointer(&self, local: LocalId) -> bool {
        self.pointer[local]
    }

    pub(crate) fn is_copy(&self, local: LocalId) -> bool {
        self.copy[local]
    }

    pub(crate) fn is_guard(&self, local: LocalId) -> bool {
        self.guard[local]
    }

    pub(crate) fn is_named_receiver(&self, local: LocalId) -> bool {
        self.receiver[local]
    }

    pub(crate) fn is_deferred(&self, local: LocalId) -> bool {
        self.deferred[local]
    }

    /// The locals suspension `k` keeps, in the order its variant lists (and
    /// so drops) them: innermost scope first, as rustc drops what is alive
    /// when a suspended future is dropped. Inside the statement, that is the
    /// temporaries of a scope in a pending call's arguments (a `format!`'s),
    /// then the operands of the pending calls, innermost call first, and so
    /// on out (see [`crate::ir::AwaitInfo::drop_ranks`]); then the rest, the
    /// most recently declared first.
    pub(crate) fn variant_fields(&self, k: usize) -> impl Iterator<Item = LocalId> + '_ {
        let rank = |local: LocalId| {
            let nested = self.drop_ranks[k]
                .iter()
                .find(|&&(l, _)| l == local)
                .map(|&(_, rank)| rank);
            match nested {
                // An awaited value on the path but borrowed, not moved, is
                // a temporary of the statement.
                Some(rank) if self.is_pending_operand(k, local) || rank % 2 == 1 => rank,
                // An operand whose call is not on the path still goes
                // before the statement's temporaries.
                _ if self.is_pending_operand(k, local) => 1,
                _ => 0,
            }
        };
        // A local made after a pending operand, in a scope that ends before
        // the call takes the operand, lives in a block among the call's
        // arguments (lowered ahead of the call): it is deeper, and drops
        // first. A scope that holds the call (the statement's own, with its
        // temporaries) is not.
        let nested_rank = |local: LocalId| {
            let (start, end) = self.scopes[local];
            let deeper = self.pending_operands[k]
                .iter()
                .filter(|&&(operand, used)| start > self.scopes[operand].0 && end < used)
                .map(|&(operand, _)| rank(operand) + 1)
                .max();
            rank(local).max(deeper.unwrap_or(0))
        };
        let mut fields: Vec<LocalId> = self.kept[k].iter().rev().copied().collect();
        // Stable: newest first within a rank.
        fields.sort_by_key(|&local| std::cmp::Reverse(nested_rank(local)));
        fields.into_iter()
    }

    fn is_pending_operand(&self, k: AwaitId, local: LocalId) -> bool {
        self.pending_operands[k].iter().any(|&(l, _)| l == local)
    }

    pub(crate) fn params(&self) -> &[LocalId] {
        &self.params
    }

    /// The type parameter of a kept local's field in `k`'s variant.
    fn param_at(&self, local: LocalId, k: AwaitId) -> Option<&syn::Ident> {
        self.drop_param
            .get(&(k, local))
            .or(self.param[local].as_ref())
    }

    /// [`Self::param_at`], as text.
    pub(crate) fn param_name_at(&self, local: LocalId, k: AwaitId) -> String {
        self.param_at(local, k)
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// The type parameter a stored local has in the enum.
    pub(crate) fn param(&self, local: LocalId) -> String {
        self.param[local]
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    pub(crate) fn suspensions(&self) -> usize {
        self.kept.len()
    }

    /// `operand.await` of suspension `k`.
    pub(crate) fn await_source(&self, k: usize) -> &str {
        &self.docs[k]
    }

    pub(crate) fn fn_name(&self) -> &str {
        &self.fn_name
    }

    fn field_decl(&self, local: LocalId, k: AwaitId) -> TokenStream {
        let field = self.field(local);
        let ty = self.field_type(local, k);
        quote!(#field: #ty)
    }

    /// The field of an in-place state (see [`Layout::places`]) that a kept
    /// local is written into: its own name, or for a local kept in place,
    /// whose name is its slot's, `__live_<name>` for its flag.
    pub(crate) fn later_field(&self, local: LocalId) -> syn::Ident {
        let field = self.field(local);
        if self.in_place[local].is_some() {
            names::hidden(&format!("__live_{field}"))
        } else {
            field.clone()
        }
    }

    /// Does `k`'s variant keep homed `local` with no flag, as it always has
    /// a value there (see [`crate::analysis::Decisions::live_at`])?
    pub(crate) fn is_live_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.live_at[k].contains(&local)
    }

    /// The constant that says whether homed `local`, kept at `k`, is in
    /// Rust 2024 code, where the `else` of its `if let` that `k` is in
    /// dropped it first: there it holds its value in Rust 2021 only, and
    /// `k`'s variant keeps a flag that is that constant (see
    /// `__private::Edition`).
    pub(crate) fn kept_in_2021_only(&self, local: LocalId, k: AwaitId) -> Option<&syn::Ident> {
        if !self.homed[local] || !self.dropped_before_else[k].contains(&local) {
            return None;
        }
        self.rescoped[local].as_ref().map(|r| &r.rust_2024)
    }

    /// For a local kept in place in Rust 2024 only (see
    /// `Layout::in_place_2024`), kept at `k` in the `else` that drops it
    /// first: its guard, restored from its home in the homes area, where it
    /// is in Rust 2021, or one that holds nothing, in Rust 2024, where the
    /// variant it lived in is gone. To be used inside an `unsafe` block.
    ///
    /// Before: `Home::restore(if __RUST_2024_0 { .. } else { .. }, __saved___temporary1)`
    /// After:  `restore_in_edition(__homes.as_mut().project().__temporary1, __saved___temporary1)`
    pub(crate) fn restored_in_edition(
        &self,
        local: LocalId,
        k: AwaitId,
        saved: &dyn quote::ToTokens,
    ) -> Option<TokenStream> {
        self.in_place_2024[local].as_ref()?;
        self.kept_in_2021_only(local, k)?;
        let private = names::private();
        let homes = names::hidden("__homes");
        let field = self.field(local);
        Some(quote!(#private::restore_in_edition(#homes.as_mut().project().#field, #saved)))
    }

    /// What `k`'s variant stores for a kept local: a homed one's flag (or
    /// its type alone, where it always has a value, or where the edition
    /// says whether it has one), or the value.
    ///
    /// Before: `__temporary1: ::desugar::__private::Homed<T1>` (in the `else` of its `if let`)
    /// After:  `__temporary1: ::desugar::__private::Edition<T1, { !__RUST_2024_0 }>`
    fn field_type(&self, local: LocalId, k: AwaitId) -> TokenStream {
        let param = self.param_at(local, k);
        let private = names::private();
        if let Some(rust_2024) = self.kept_in_2021_only(local, k) {
            quote!(#private::Edition<#param, { !#rust_2024 }>)
        } else if self.is_live_at(local, k) {
            quote!(#private::Live<#param>)
        } else if self.homed[local] {
            quote!(#private::Homed<#param>)
        } else {
            quote!(#param)
        }
    }

    /// `__State`, its projections, and its `State` impl.
    pub(crate) fn state_items(&self, description: &Description) -> TokenStream {
        let private = names::private();
        let (state, proj, replace) = state_names();
        let mut generics: Vec<syn::Ident> = self.param.iter().flatten().cloned().collect();
        generics.extend(self.drop_param.values().cloned());
        generics.extend((0..self.kept.len()).map(|k| format_ident!("F{k}")));
        // Arguments are homed (if at all) when the body starts, not before.
        let params: Vec<TokenStream> = self
            .params
            .iter()
            .map(|&l| {
                let field = self.field(l);
                let param = &self.param[l];
                quote!(#field: #param)
            })
            .collect();
        let unresumed = if !params.is_empty() {
            quote!(Unresumed { #(#params),* })
        } else if self.kept.is_empty() {
            // pin-project-lite needs a field somewhere in the enum.
            let unit = names::hidden("__unit");
            quote!(Unresumed { #unit: () })
        } else {
            quote!(Unresumed)
        };
        let mut variants = vec![quote! {
            #[doc = "Created and not polled yet: holds the arguments."]
            #unresumed
        }];
        let mut names = vec![quote!(Unresumed)];
        for k in 0..self.kept.len() {
            let variant = format_ident!("Suspend{k}");
            let awaitee = names::hidden("__awaitee");
            let future = format_ident!("F{k}");
            let fields: Vec<TokenStream> = self
                .variant_fields(k)
                .map(|l| self.field_decl(l, k))
                .collect();
            let doc = if self.via_async_block[k] {
                format!(
                    "Suspended at `{}`: the macro awaits in its own expansion, which `#[desugar]` cannot see, so it is awaited through an inner `async` block (rustc's semantics, one more state tag).",
                    self.docs[k]
                )
            } else {
                format!("Suspended at `{}`.", self.docs[k])
            };
            if self.places(k) {
                // Values kept in place first: the machine enters this state
                // before it suspends here, to make them; the rest is written
                // in at the suspension (`Later`), as `__held` records.
                // One kept in place in Rust 2024 only (see
                // `Layout::in_place_2024`) has its slot there only.
                // Before: `#[pin] __temporary1: Slot<T1>`
                // After:  `#[pin] __temporary1: [Slot<T1>; __RUST_2024_0 as usize]`
                let slots = self.placed(k).map(|l| {
                    let field = self.field(l);
                    let param = &self.param[l];
                    match &self.in_place_2024[l] {
                        Some(rust_2024) => {
                            quote!(#[pin] #field: [#private::Slot<#param>; #rust_2024 as usize])
                        }
                        None => quote!(#[pin] #field: #private::Slot<#param>),
                    }
                });
                let later = self.variant_fields(k).map(|l| {
                    let field = self.later_field(l);
                    let ty = self.field_type(l, k);
                    quote!(#[pin] #field: #private::Later<#ty>)
                });
                let held = names::hidden("__held");
                variants.push(quote! {
                    #[doc = #doc]
                    #variant {
                        #(#slots,)*
                        #held: bool,
                        #[pin] #awaitee: #private::Later<#future>,
                        #(#later,)*
                    }
                });
            } else {
                // The future in an `Awaited`, which hides its niches: the
                // enum's tag in one of them would cost every poll a decode
                // (`__private::Awaited`).
                // Before: `Suspend0 { #[pin] __awaitee: F0, .. }`
                // After:  `Suspend0 { #[pin] __awaitee: ::desugar::__private::Awaited<F0>, .. }`
                variants.push(quote! {
                    #[doc = #doc]
                    #variant { #[pin] #awaitee: #private::Awaited<#future>, #(#fields),* }
                });
            }
            names.push(quote!(#variant));
        }
        let name_strs: Vec<String> = names.iter().map(ToString::to_string).collect();
        let homes_type = self.homes_type();
        let drop_suspended = self.drop_suspended();
        let doc = format!(
            "The states of `{}`: one variant per `.await`, holding what lives across it.\n\n```mermaid\n{}```",
            self.fn_name, description.mermaid
        );
        let describe = description.impl_items();
        quote! {
            #private::pin_project! {
                #[doc = #doc]
                #[project = #proj]
                #[project_replace = #replace]
                enum #state<#(#generics),*> {
                    #(#variants,)*
                    #[doc = "Finished: polling again panics."]
                    Returned,
                    #[doc = "The body panicked: polling again panics."]
                    Panicked,
                }
            }
            impl<#(#generics),*> #private::State<#homes_type> for #state<#(#generics),*> {
                fn returned() -> Self {
                    #state::Returned
                }
                fn panicked() -> Self {
                    #state::Panicked
                }
                fn is_returned(&self) -> bool {
                    match self {
                        #state::Returned => true,
                        _ => false,
                    }
                }
                fn name(&self) -> &'static str {
                    match self {
                        #(#state::#names { .. } => #name_strs,)*
                        #state::Returned => "Returned",
                        #state::Panicked => "Panicked",
                    }
                }
                #describe
                #drop_suspended
            }
        }
    }

    /// The homes area's type as the `State` impl names it, and its generics.
    /// The slots hold the same types as the enum's `Homed<T>` fields, so the
    /// impl names the homes area with the enum's own parameters.
    fn homes_type(&self) -> TokenStream {
        // In the order the homes struct declares its parameters.
        let params: Vec<&syn::Ident> = self
            .groups
            .iter()
            .flatten()
            .filter_map(|&l| self.param[l].as_ref())
            .collect();
        if params.is_empty() {
            return quote!(());
        }
        let homes = homes_name();
        quote!(#homes<#(#params),*>)
    }

    /// `State::drop_suspended` for an enum with homed values: a suspended
    /// state's values drop in the order its variant lists them (rustc's
    /// order), homed ones from their slots. Each is a local of this fn, so a
    /// panicking destructor still lets the others drop.
    fn drop_suspended(&self) -> TokenStream {
        let (state, proj, replace) = state_names();
        let private = names::private();
        let homes = names::hidden("__homes");
        let mut arms = Vec::new();
        let mut in_place_arms = Vec::new();
        for k in 0..self.kept.len() {
            let fields: Vec<LocalId> = self.variant_fields(k).collect();
            if !fields.iter().any(|&l| self.homed[l]) {
                continue;
            }
            let variant = format_ident!("Suspend{k}");
            let names: Vec<&syn::Ident> = fields.iter().map(|&l| self.field(l)).collect();
            let saved: Vec<syn::Ident> = fields
                .iter()
                .map(|&l| dropped_name(self.field(l)))
                .collect();
            // Declared last-to-drop first: locals drop in reverse order.
            let declare = fields.iter().rev().map(|&l| {
                let field = self.field(l);
                let saved = dropped_name(field);
                if !self.homed[l] {
                    return quote!(let #saved = #saved;);
                }
                if let Some(restored) = self.restored_in_edition(l, k, &saved) {
                    return quote! {
                        // SAFETY: in Rust 2021, the flag was stored from
                        // this very slot, which the pinned machine still
                        // holds; in Rust 2024 the guard holds nothing.
                        let #saved = unsafe { #restored };
                    };
                }
                // A slot in place is bound by the arm's pattern.
                // One kept there in Rust 2024 only (see
                // `Layout::in_place_2024`) is in the homes area in Rust 2021.
                let slot = match (self.in_place[l] == Some(k), &self.in_place_2024[l]) {
                    (true, Some(rust_2024)) => quote! {
                        if #rust_2024 {
                            #private::edition_slot(#field)
                        } else {
                            #private::edition_slot(#homes.as_mut().project().#field)
                        }
                    },
                    (true, None) => quote!(#field),
                    (false, _) => self.slot_access(l),
                };
                quote! {
                    // SAFETY: the flag was stored from this very slot, which
                    // the pinned machine still holds.
                    let #saved = unsafe { #private::Home::restore(#slot, #saved) };
                }
            });
            if self.places(k) {
                // The awaited future drops first, as in rustc; the slots
                // stay where they are.
                let slots = self.placed(k).map(|l| self.field(l));
                let later: Vec<syn::Ident> = fields.iter().map(|&l| self.later_field(l)).collect();
                let held = names::hidden("__held");
                let awaitee = names::hidden("__awaitee");
                let takes = take_held(&saved);
                let drop_awaitee = drop_held_awaitee();
                // Every value bound first, the slots' among them, so that
                // they drop while unwinding if the future's destructor
                // panics, and after it otherwise.
                in_place_arms.push(quote! {
                    #proj::#variant { #(#slots,)* #held, #awaitee, #(#later: #saved,)* } => {
                        if ::core::mem::take(#held) {
                            let (#(#saved,)*) = #takes;
                            #(#declare)*
                            #drop_awaitee
                        }
                    }
                });
            } else {
                arms.push(quote! {
                    #replace::#variant { #(#names: #saved,)* .. } => { #(#declare)* }
                });
            }
        }
        if arms.is_empty() && in_place_arms.is_empty() {
            return TokenStream::new();
        }
        let homes_type = self.homes_type();
        let in_place = (!in_place_arms.is_empty()).then(|| {
            quote! {
                match self.as_mut().project() {
                    #(#in_place_arms)*
                    _ => {}
                }
            }
        });
        let mutability = in_place.is_some().then(|| quote!(mut));
        let replace_rest = if arms.is_empty() {
            quote!(self.set(#state::Returned);)
        } else {
            quote! {
                match self.project_replace(#state::Returned) {
                    #(#arms)*
                    _ => {}
                }
            }
        };
        quote! {
            fn drop_suspended(#mutability self: #private::Pin<&mut Self>, mut #homes: #private::Pin<&mut #homes_type>) {
                #in_place
                #replace_rest
            }
        }
    }

    /// `__Homes`, when some local is homed.
    pub(crate) fn homes_items(&self) -> TokenStream {
        let private = names::private();
        let homes = homes_name();
        if self.groups.is_empty() {
            return TokenStream::new();
        }
        let mut params = Vec::new();
        let mut fields = Vec::new();
        let mut unions = Vec::new();
        for (index, group) in self.groups.iter().enumerate() {
            let group_params: Vec<&syn::Ident> = group
                .iter()
                .filter_map(|&l| self.slot[l].as_ref())
                .collect();
            params.extend(group_params.iter().copied());
            if let ([local], [param]) = (group.as_slice(), group_params.as_slice()) {
                let field = self.field(*local);
                // Kept in place in Rust 2024 (see `Layout::in_place_2024`):
                // its home is there in Rust 2021 only.
                // Before: `__temporary1: Slot<H0>`
                // After:  `__temporary1: [Slot<H0>; !__RUST_2024_0 as usize]`
                match &self.in_place_2024[*local] {
                    Some(rust_2024) => fields.push(
                        quote!(#[pin] #field: [#private::Slot<#param>; !#rust_2024 as usize],),
                    ),
                    None => fields.push(quote!(#[pin] #field: #private::Slot<#param>,)),
                }
                continue;
            }
            let (union_name, union_field) = shared_names(index);
            let members: Vec<&syn::Ident> = group.iter().map(|&l| self.field(l)).collect();
            // A local whose `if let`'s `else` drops it first in Rust 2024
            // only shares the union there, and has a slot of its own
            // beside it in Rust 2021 (see `Layout::dual`): the compiler
            // lays out the one the constant keeps.
            // Before: `__temporary1: ManuallyDrop<Slot<H0>>`
            // After:  `__temporary1: ManuallyDrop<[Slot<H0>; __RUST_2024_0 as usize]>`,
            //         and `__temporary1: [Slot<H0>; !__RUST_2024_0 as usize]` in `__Homes`
            let types = group
                .iter()
                .zip(&group_params)
                .map(|(&l, param)| match &self.dual[l] {
                    Some(rust_2024) => quote!([#private::Slot<#param>; #rust_2024 as usize]),
                    None => quote!(#private::Slot<#param>),
                });
            unions.push(quote! {
                #[doc = "The homes of locals whose scopes never overlap: at most one is alive at a time."]
                union #union_name<#(#group_params),*> {
                    #(#members: ::core::mem::ManuallyDrop<#types>,)*
                }
            });
            fields.push(quote!(#[pin] #union_field: #union_name<#(#group_params),*>,));
            for (&l, param) in group.iter().zip(&group_params) {
                if let Some(rust_2024) = &self.dual[l] {
                    let field = self.field(l);
                    fields.push(
                        quote!(#[pin] #field: [#private::Slot<#param>; !#rust_2024 as usize],),
                    );
                }
            }
        }
        let pinned = names::hidden("__pinned");
        quote! {
            #(#unions)*
            #private::pin_project! {
                #[doc = "Where the values borrowed across an `.await` live: they must not move."]
                struct #homes<#(#params),*> {
                    #(#fields)*
                    #[pin]
                    #pinned: #private::PhantomPinned,
                }
            }
        }
    }

    /// The pinned slot of a homed local, for `Home::new`/`restore`/`vacant`.
    /// To be used inside an `unsafe` block: a shared slot is a union field.
    /// A slot in place is in the variant the machine is in (see
    /// [`Layout::enter_variant`]).
    pub(crate) fn slot_access(&self, local: LocalId) -> TokenStream {
        let homes = names::hidden("__homes");
        let field = self.field(local);
        if let Some(k) = self.in_place[local] {
            let (_, proj, _) = state_names();
            let private = names::private();
            let state = names::hidden("__state");
            let variant = format_ident!("Suspend{k}");
            let in_variant = quote! {
                match #state.as_mut().project() {
                    #proj::#variant { #field, .. } => #field,
                    _ => #private::unreachable_state(),
                }
            };
            let Some(rust_2024) = &self.in_place_2024[local] else {
                return in_variant;
            };
            // In the variant in Rust 2024, in the homes area in Rust 2021
            // (see `Layout::in_place_2024`); the machine is in that
            // variant in both (see `Layout::enter_variant`).
            return quote! {
                if #rust_2024 {
                    #private::edition_slot(#in_variant)
                } else {
                    #private::edition_slot(#homes.as_mut().project().#field)
                }
            };
        }
        match self.group_of[local] {
            Some(group) if self.groups[group].len() > 1 => {
                let (_, union_field) = shared_names(group);
                let shared = names::hidden("__shared");
                // (Generated inside an `unsafe` block whose SAFETY comment is
                // at the call site; the union's other members are not alive
                // while this local's scope is, so this is its slot alone.)
                let in_union = quote!(#homes.as_mut().project().#union_field.map_unchecked_mut(|#shared| &mut **&mut #shared.#field));
                let Some(rust_2024) = &self.dual[local] else {
                    return in_union;
                };
                // In the union in Rust 2024, where the local's scope ends
                // as its `else` starts, in a slot of its own in Rust 2021
                // (see `Layout::dual`).
                let private = names::private();
                quote! {
                    if #rust_2024 {
                        #private::edition_slot(#in_union)
                    } else {
                        #private::edition_slot(#homes.as_mut().project().#field)
                    }
                }
            }
            _ => quote!(#homes.as_mut().project().#field),
        }
    }

    /// Before a local kept in place moves into its slot: puts the machine in
    /// that await's state, its slots empty and nothing else kept yet, unless
    /// it is there already (another local kept in place there came first, or
    /// an earlier pass of a loop left it there).
    ///
    /// Before: `let __temporary1 = Probe::new("t");` (then into its home)
    /// After:  `if !matches!(*__state, __State::Suspend0 { .. }) {
    ///              __state.set(__State::Suspend0 { __temporary1: Slot::new(), __held: false, __awaitee: Later::new(), .. });
    ///          }` before the guard is made
    pub(crate) fn enter_variant(&self, local: LocalId) -> TokenStream {
        let Some(k) = self.in_place[local] else {
            return TokenStream::new();
        };
        let (state, _, _) = state_names();
        let private = names::private();
        let state_var = names::hidden("__state");
        let held = names::hidden("__held");
        let awaitee = names::hidden("__awaitee");
        let variant = format_ident!("Suspend{k}");
        let slots = self.placed(k).map(|l| {
            let field = self.field(l);
            if self.in_place_2024[l].is_some() {
                quote!(#field: ::core::array::from_fn(|_| #private::Slot::new()))
            } else {
                quote!(#field: #private::Slot::new())
            }
        });
        let later = self.variant_fields(k).map(|l| self.later_field(l));
        quote! {
            if !::core::matches!(*#state_var, #state::#variant { .. }) {
                #state_var.set(#state::#variant {
                    #(#slots,)*
                    #held: false,
                    #awaitee: #private::Later::new(),
                    #(#later: #private::Later::new(),)*
                });
            }
        }
    }

    /// `__State::Unresumed { input: input, .. }`
    pub(crate) fn initial(&self) -> TokenStream {
        let (state, _, _) = state_names();
        if self.params.is_empty() && self.kept.is_empty() {
            let unit = names::hidden("__unit");
            return quote!(#state::Unresumed { #unit: () });
        }
        if self.params.is_empty() {
            return quote!(#state::Unresumed);
        }
        let fields = self.params.iter().map(|&l| self.field(l));
        let sources = &self.sources;
        quote!(#state::Unresumed { #(#fields: #sources),* })
    }

    /// `__Homes { .. }` with every slot empty, or `()`.
    pub(crate) fn homes_init(&self) -> TokenStream {
        let private = names::private();
        let homes = homes_name();
        if self.groups.is_empty() {
            return quote!(());
        }
        let inits = self.groups.iter().enumerate().filter_map(|(index, group)| {
            let &first_local = group.first()?;
            let first = self.field(first_local);
            // Slots of one edition's (see `Layout::dual`): as many as it
            // keeps.
            let slots = quote!(::core::array::from_fn(|_| #private::Slot::new()));
            if group.len() == 1 && self.in_place_2024[first_local].is_some() {
                return Some(quote!(#first: #slots,));
            }
            if group.len() == 1 {
                return Some(quote!(#first: #private::Slot::new(),));
            }
            let (union_name, union_field) = shared_names(index);
            let first_slot = if self.dual[first_local].is_some() {
                slots.clone()
            } else {
                quote!(#private::Slot::new())
            };
            let own = group
                .iter()
                .filter(|&&l| self.dual[l].is_some())
                .map(|&l| self.field(l));
            Some(quote! {
                #union_field: #union_name { #first: ::core::mem::ManuallyDrop::new(#first_slot) },
                #(#own: #slots,)*
            })
        });
        let pinned = names::hidden("__pinned");
        quote!(#homes { #(#inits)* #pinned: #private::PhantomPinned })
    }
}

/// `__Shared0` and `__shared0`: a union of slots and the homes field of it.
fn shared_names(group: usize) -> (syn::Ident, syn::Ident) {
    (
        names::hidden(&format!("__Shared{group}")),
        names::hidden(&format!("__shared{group}")),
    )
}

/// Groups the homed locals so that no two in a group are ever alive at the
/// same time (their scopes do not overlap: sibling blocks, branches, arms),
/// as rustc lets such locals share bytes. Greedy, in declaration order.
/// A value an `if let`'s `else` drops first in Rust 2024 is alive to the
/// start of that `else` (see [`scopes_overlap_in_2024`]); where that shares
/// its slot with a local its scope holds in Rust 2021, it has one of its own
/// there too (see `Layout::dual`).
///
/// A local in `solo` has a group of its own: its home is there in Rust
/// 2021 only (see `Layout::in_place_2024`).
fn share_slots(
    body: &Body,
    homed: &[bool],
    solo: &[bool],
) -> (Vec<Vec<LocalId>>, Vec<Option<usize>>) {
    let mut groups: Vec<Vec<LocalId>> = Vec::new();
    let mut group_of = vec![None; homed.len()];
    for local in (0..homed.len()).filter(|&l| homed[l]) {
        let group = groups.iter().position(|g| {
            !solo[local]
                && g.iter()
                    .all(|&other| !solo[other] && !scopes_overlap_in_2024(body, local, other))
        });
        let group = group.unwrap_or_else(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(local);
        group_of[local] = Some(group);
    }
    (groups, group_of)
}

/// The homed locals whose scope holds a single await: rustc keeps such a
/// local in that await's variant only, overlapping the other states, and so
/// does the machine. No other await is in its scope, so no suspension
/// moves the machine out of that state while it lives. Two of them for
/// different awaits must not be alive at once either, or making the second
/// would move the machine to its state while the first still lives in the
/// other: a temporary's scope ends after the `let` it is in has bound its
/// local (`let v = vec![f(&t()).await]; … g(&v).await`), so their scopes
/// can overlap without either holding the other's await; the later of two
/// such locals stays in the homes area. An argument is one too: the body
/// takes it out of `Unresumed` as it starts, and enters the variant to
/// home it (`s(b: bool)` with `let r = &b; x.await;`: in the homes area,
/// its byte took a word of its own beside the state, where rustc packs it
/// into the variant's padding). A local declared without a value (`let x;`,
/// or a temporary an awaited call makes in place) has its slot in the
/// variant from its `let` on, empty until assigned, as in the homes area.
///
/// A temporary of an `if let`'s scrutinee that its `else` drops first in
/// Rust 2024 (see [`crate::ir::Body::dropped_before_else`]) whose scope
/// holds one await before that `else` is one too, in Rust 2024 only, as
/// rustc keeps it there: in Rust 2021 its scope holds the `else`'s awaits
/// too, and it keeps a home of its own in the homes area (the second
/// list, with the constant that says which edition the `if let` is in).
/// The machine enters the variant as it makes the value in both (in Rust
/// 2021 the variant's slot is an empty array, and the `else` leaves the
/// variant for its own states, as with any other). So a chain of `else
/// if let`s, each link's temporary kept across an await of its own, is
/// no larger than rustc's future (once 144 bytes against 120).
///
/// A temporary a `let … else` extends, which its `else` drops first, is
/// not in scope at the `else`'s awaits (see `ir::Local::storage_ended`):
/// one await after the `let` makes it one, and a value kept in place for
/// an await of the `else` is not alive beside it. So the machine, as
/// rustc's, keeps the two in the bytes of their own variants (once 160
/// bytes against 144, with the temporary in the homes area and a flag at
/// both awaits).
fn in_place(body: &Body, decisions: &Decisions) -> (Vec<Option<AwaitId>>, Vec<Option<syn::Ident>>) {
    let count = body.locals.len();
    let single = |local: LocalId, at: &mut dyn Iterator<Item = AwaitId>| {
        let k = at.next()?;
        (at.next().is_none() && decisions.kept[k].contains(&local)).then_some(k)
    };
    let candidates: Vec<Option<AwaitId>> = (0..count)
        .map(|local| {
            if !decisions.homed[local] {
                return None;
            }
            single(
                local,
                &mut (0..body.awaits.len()).filter(|&k| body.awaits[k].in_scope.contains(&local)),
            )
        })
        .collect();
    // Where Rust 2024 ends the scope as the `else` starts.
    let candidates_2024: Vec<Option<(AwaitId, syn::Ident)>> = (0..count)
        .map(|local| {
            let dropped = body.dropped_before_else[local].as_ref()?;
            if !decisions.homed[local]
                || candidates[local].is_some()
                || !body.locals[local].initialized
            {
                return None;
            }
            let k = single(
                local,
                &mut (0..body.awaits.len()).filter(|&k| {
                    body.awaits[k].in_scope.contains(&local)
                        && !body.awaits[k].dropped_before_else.contains(&local)
                }),
            )?;
            Some((k, dropped.rust_2024.clone()))
        })
        .collect();
    let span = |local: LocalId| {
        let (start, end) = body.locals[local].scope;
        let end = match &candidates_2024[local] {
            Some(_) => body.dropped_before_else[local]
                .as_ref()
                .map_or(end, |d| d.else_starts),
            None if end < start => u32::MAX,
            None => end,
        };
        (start, end)
    };
    // Not where one lives only where the other's storage has ended (see
    // `ir::Local::storage_ended`): a value an `else` makes, in place for
    // its await, beside the temporary its `let … else` extends, in place
    // for the await after the `let`, which the `else` dropped first, and
    // which nothing borrows there. rustc lets the two share bytes too.
    let ended_around = |a: LocalId, (start, end): (u32, u32)| {
        (body.locals[a].storage_ended.iter()).any(|&(from, to)| from <= start && end <= to)
    };
    let overlap = |a: LocalId, b: LocalId| {
        let (x, y) = (span(a), span(b));
        x.0 <= y.1 && y.0 <= x.1 && !ended_around(a, y) && !ended_around(b, x)
    };
    // In the order they are made: a later one that would overlap one kept
    // in place for another await stays in the homes area.
    let mut order: Vec<LocalId> = (0..count)
        .filter(|&l| candidates[l].is_some() || candidates_2024[l].is_some())
        .collect();
    order.sort_by_key(|&l| body.locals[l].scope.0);
    let mut in_place = vec![None; count];
    let mut in_place_2024 = vec![None; count];
    for local in order {
        let k = candidates[local].or(candidates_2024[local].as_ref().map(|(k, _)| *k));
        let alone = (0..count).all(|other: LocalId| {
            in_place[other].is_none_or(|other_k| Some(other_k) == k || !overlap(local, other))
        });
        if alone {
            in_place[local] = k;
            in_place_2024[local] = candidates_2024[local].as_ref().map(|(_, c)| c.clone());
        }
    }
    (in_place, in_place_2024)
}

/// What a state that keeps values in place holds besides them, taken back
/// once its `__held` flag is cleared (on resuming, or dropping a suspended
/// machine): each kept value moves out of its `Later`, bound as `fields`,
/// and then the awaited future drops in place, first of all as rustc drops
/// it. Taken out before, the values still drop if its destructor panics,
/// as rustc drops them while unwinding (the future borrows none of them:
/// what it borrows stays in its slot).
///
/// Before: `__held == true`, the future and the values written in
/// After:  `let __values = (Later::take(__saved_x), ..); Later::drop_in_place(__awaitee); __values`, each `unsafe`
pub(crate) fn release_held(fields: &[syn::Ident]) -> TokenStream {
    let values = names::hidden("__values");
    let takes = take_held(fields);
    let drop_awaitee = drop_held_awaitee();
    quote! {
        let #values = #takes;
        #drop_awaitee
        #values
    }
}

/// The values a state keeps beside its slots, moved out of their `Later`s.
fn take_held(fields: &[syn::Ident]) -> TokenStream {
    let private = names::private();
    let takes = fields.iter().map(|field| {
        quote! {
            // SAFETY: `__held` was set, so this value was written at the
            // suspension; it is cleared now, so the value is taken once.
            unsafe { #private::Later::take(#field) }
        }
    });
    quote!((#(#takes,)*))
}

/// The awaited future of a state that keeps values in place, dropped.
fn drop_held_awaitee() -> TokenStream {
    let private = names::private();
    let awaitee = names::hidden("__awaitee");
    quote! {
        // SAFETY: `__held` was set, so the future was written at the
        // suspension; it is cleared now, so the future is dropped once.
        unsafe { #private::Later::drop_in_place(#awaitee) };
    }
}

/// Can the two locals be alive at the same time? (A scope with no end
/// recorded is taken to last.)
fn scopes_overlap(body: &Body, a: LocalId, b: LocalId) -> bool {
    let span = |local: LocalId| {
        let (start, end) = body.locals[local].scope;
        (start, if end < start { u32::MAX } else { end })
    };
    let (x, y) = (span(a), span(b));
    x.0 <= y.1 && y.0 <= x.1
}

/// [`scopes_overlap`], where an `if let`'s `else` drops the scrutinee's
/// values first, as in Rust 2024 (see [`crate::ir::Body::dropped_before_else`]):
/// their scopes end where the `else` starts. Two locals that only overlap
/// in Rust 2021 share a slot in Rust 2024 only (see `Layout::dual`).
fn scopes_overlap_in_2024(body: &Body, a: LocalId, b: LocalId) -> bool {
    let span = |local: LocalId| {
        let (start, end) = body.locals[local].scope;
        let end = match &body.dropped_before_else[local] {
            Some(dropped) => dropped.else_starts,
            None if end < start => u32::MAX,
            None => end,
        };
        (start, end)
    };
    let (x, y) = (span(a), span(b));
    x.0 <= y.1 && y.0 <= x.1
}

fn dropped_name(field: &syn::Ident) -> syn::Ident {
    names::hidden(&format!("__dropped_{field}"))
}

/// `__State`, `__StateProj`, `__StateReplace`.
pub(crate) fn state_names() -> (syn::Ident, syn::Ident, syn::Ident) {
    (
        names::hidden(names::STATE),
        names::hidden(names::STATE_PROJ),
        names::hidden(names::STATE_REPLACE),
    )
}

fn homes_name() -> syn::Ident {
    names::hidden(names::HOMES)
}

/// Per await: the operand locals (see [`crate::ir::Local::operand`]) whose
/// call has not run yet there (the call's use of the local comes after the
/// await), each with where that use is.
fn pending_operands(body: &Body) -> Vec<Vec<(LocalId, u32)>> {
    body.awaits
        .iter()
        .map(|info| {
            (0..body.locals.len())
                .filter(|&local| body.locals[local].operand)
                .filter_map(|local| {
                    body.mentions
                        .iter()
                        .filter(|m| m.local == local && m.seq > info.seq)
                        .map(|m| m.seq)
                        .min()
                        .map(|used| (local, used))
                })
                .collect()
        })
        .collect()
}
