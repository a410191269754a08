//! Stage 4: what each suspension keeps.
//!
//! For every local in scope at an await, one of:
//! - **homed**: something may hold a borrow of it across an await (the
//!   awaited future, another kept local, a closure), so it lives in the
//!   pinned homes area for its whole scope and only its guard moves;
//! - **carried**: moved into the `Suspend` variant and back out — when it is
//!   used after the await, or when it may still hold a value to drop at the
//!   end of its scope;
//! - **not kept**: nothing after the await uses it and it may already have
//!   been moved out (`resp.text().await` moves `resp`), so whatever is left
//!   of it is dropped at the suspension.
//!
//! A carried local shadowed by a later one of the same name is **renamed**:
//! the suspension names it by a hidden name. One that a branch may have
//! moved away before an await it is kept across for its drop is
//! **flagged**: renamed, and kept with a drop flag of its own.
//!
//! All of this is syntactic, and errs towards homing: a wrong "homed" gives a
//! compile error where the user moves out of the local in a way the
//! expansion cannot follow, never a program that runs differently.

pub(crate) mod assigned;
mod lent;

use crate::ir::{AwaitId, Body, InMacro, LocalId, Mention, MentionKind};
use crate::walk::drop_witness::{Left, Witness};

/// The analysis' answer, read by the emitter.
pub(crate) struct Decisions {
    /// Per local: homed?
    pub homed: Vec<bool>,
    /// Per await: the locals its variant keeps (carried, or homed and kept by
    /// their guard), in declaration order.
    pub kept: Vec<Vec<LocalId>>,
    /// Per await: the homed locals it keeps that hold a value there on
    /// every path: declared with one, and moved by no use that may run
    /// before it. rustc keeps no drop flag for a local it never moves;
    /// the state keeps none for these either (`__private::Live`, where the
    /// others keep a one-byte `Homed` flag).
    pub live_at: Vec<Vec<LocalId>>,
    /// Per await: locals declared without a value (`let x;`) that are not
    /// kept but are assigned and used after it: declared again on resuming.
    pub redeclare: Vec<Vec<LocalId>>,
    /// Per local: kept across awaits only to be dropped at the end of its
    /// scope, never used after any of them (not a parameter, not homed).
    /// rustc keeps such a value only if it has something to drop, which
    /// the expansion lets the compiler decide (`__private::DropOnly`).
    pub drop_only: Vec<bool>,
    /// Per await: the locals it keeps only to be dropped, not used after it
    /// (a superset of those [`Decisions::drop_only`] at every await). One
    /// used after an earlier await keeps its value there, and nothing here
    /// if it has nothing to drop.
    pub drop_only_at: Vec<Vec<LocalId>>,
    /// Per local: kept at an await while a later local of the same name is
    /// in scope, so the suspension cannot name it by its own name. It gets
    /// a hidden one as soon as it is bound (`let __shadowed_x = x;`), and
    /// every use is renamed: kept like any other local, it is dropped (or
    /// not kept at all, if it has nothing to drop) as rustc drops it.
    pub renamed: Vec<bool>,
    /// Per local: renamed, and kept at an await that a branch may have
    /// moved it away before (`if c { consume(x) }`), only to be dropped
    /// there. rustc gives it a drop flag; the expansion keeps it as a
    /// `__private::Flagged`, whose uses say whether it was moved.
    pub flagged: Vec<bool>,
    /// Per local: flagged, and matched by patterns that may take it
    /// (`MentionKind::Taken`), with no use after any such match: each match
    /// reads the flag's place and clears the flag where it takes the value
    /// (see `walk::drop_flag`). A use after one would read the cleared flag
    /// where the pattern only copied (`match n { m => m ^ n }`): such a
    /// local's matches read it in place, as any other use does.
    pub taken_in_flag: Vec<bool>,
    /// Per local: used again after a use that moves it by value, on a path
    /// that runs both (or in a loop that runs the move again): the twin
    /// compiled, so the move was a copy and the value is `Copy`.
    pub used_after_move: Vec<bool>,
    /// Per await: the flagged locals it keeps that are moved on every path
    /// to it and not used after it (`let a = fetch(); if go { return
    /// a.await; }`): their flag is empty there, and rustc keeps nothing for
    /// them. The variant keeps their type alone (`__private::Vacant`), to
    /// declare the empty flag again on resuming.
    pub vacant_at: Vec<Vec<LocalId>>,
    /// Per local: the parts of it patterns destructure that may only copy
    /// the fields of a type with a `Drop` impl (`let Token { id } = token;`,
    /// `let (Token { id }, n) = pair;`), where the pattern is taken for a
    /// move with an await after it where the local is not kept, or taken
    /// out of its drop flag, which drops it there. Only the
    /// compiler knows the types; the expansion asks it, and stops the build
    /// at the part if it has a `Drop` impl (see `__private::destructured`),
    /// since rustc would keep the value.
    pub destructured: Vec<Vec<Witness>>,
    /// Per local: where a `move` closure or `async` block captures a field
    /// of it alone (`move || s.hits`, [`MentionKind::CapturedPart`]) with an
    /// await after it where the local is kept. Through a smart pointer the
    /// closure takes the local whole, which the machine cannot then keep;
    /// the expansion asks the compiler, and stops the build there with
    /// what to write (see `__private::captured_part`).
    pub captured_parts: Vec<Vec<proc_macro2::Span>>,
    /// Per local: used as the receiver of a method named like the standard
    /// library's that take `self` (`bag.count()`), taken for a move, where
    /// the machine would then drop it earlier than rustc if the method
    /// borrows it: no await after the call keeps it, or it is kept with a
    /// drop flag or in place, whose move takes the value out there. Only
    /// the compiler knows the method; the expansion asks it at each such
    /// call (see `__private::receiver_consumed`).
    pub consumed: Vec<bool>,
    /// Per local kept in place: the methods named like the standard
    /// library's that take `self` (`skip`, `count`, `expect`) that a call
    /// on it is known to borrow it by (or copy it, where it is `Copy`),
    /// as the code reads it after such a call, or reads a reference to a
    /// part of it taken before one (see [`Facts::borrowed_calls`]). Taken
    /// for a move, the call took the value out of its home and called the
    /// method on that copy, and a `&mut self` method's change (or a
    /// `&self` one's, through a `Cell`) was lost; these calls use the
    /// home's place instead (see `walk::Visitor::borrowed_call`).
    pub borrowed_calls: Vec<Vec<String>>,
}

/// Makes the calls [`Facts::borrowed_calls`] found borrow their receiver
/// uses of its place, as the walk then reads them, for the decisions
/// that follow: the call moves nothing, and what it gives may borrow the
/// local.
///
/// Before: `lx.skip(2); lx.pos`: `lx` used by value, `consumed: skip`
/// After:  `lx` used as a place, for as long as what `skip` gives lives
fn borrow_calls(body: &mut Body, borrowed_calls: &[Vec<String>]) {
    for mention in &mut body.mentions {
        let borrowed = mention.kind == MentionKind::Value
            && mention
                .consumed
                .as_ref()
                .is_some_and(|name| borrowed_calls[mention.local].contains(name));
        if borrowed {
            mention.kind = MentionKind::Place {
                may_move: false,
                lasting: true,
            };
            mention.consumed = None;
        }
    }
}

/// Input: the IR. Output: the decisions, or errors for uses of homed locals
/// the expansion cannot rewrite.
pub(crate) fn decide(body: &mut Body) -> syn::Result<Decisions> {
    let facts = Facts::new(body);
    let homed = facts.homed();
    facts.check_homed_uses(&homed)?;
    let borrowed_calls = facts.borrowed_calls(&homed);
    borrow_calls(body, &borrowed_calls);
    let facts = Facts::new(body);
    let awaits = 0..body.awaits.len();
    let flagged: Vec<bool> = (0..body.locals.len())
        .map(|local| {
            !homed[local]
                && facts.flaggable(local)
                && awaits.clone().any(|k| facts.needs_drop_flag(local, k))
        })
        .collect();
    let mut kept: Vec<Vec<LocalId>> = Vec::new();
    let mut redeclare = Vec::new();
    for (k, info) in body.awaits.iter().enumerate() {
        kept.push(
            info.in_scope
                .iter()
                .copied()
                // A flagged local is kept wherever it is in scope, as a
                // homed one is: code after a later await may reach an await
                // where it still has a value, and keeps it there.
                .filter(|&l| homed[l] || flagged[l] || facts.carried(l, k))
                .collect(),
        );
        redeclare.push(
            info.in_scope
                .iter()
                .copied()
                .filter(|&l| !homed[l] && !flagged[l] && !facts.carried(l, k))
                .filter(|&l| {
                    (!body.locals[l].initialized || facts.moved_and_assigned_after(l, k))
                        && facts.used_after(l, k)
                })
                .collect(),
        );
    }
    let live_at = kept_where(&kept, |k, local| {
        homed[local] && facts.always_live(local, k)
    });
    let renamed = (0..body.locals.len())
        .map(|local| {
            flagged[local]
                || (!homed[local]
                    && facts.renameable(local)
                    && awaits.clone().any(|k| facts.shadowed_and_kept(local, k)))
        })
        .collect();
    let drop_only_at = kept_where(&kept, |k, local| {
        !homed[local] && !body.params.contains(&local) && !facts.read_after(local, k)
    });
    let drop_only = (0..body.locals.len())
        .map(|local| {
            let mut kept_at = awaits.clone().filter(|&k| kept[k].contains(&local));
            kept_at.clone().next().is_some() && kept_at.all(|k| drop_only_at[k].contains(&local))
        })
        .collect();
    let taken_in_flag: Vec<bool> = (0..body.locals.len())
        .map(|local| flagged[local] && facts.taken_last(local))
        .collect();
    let used_after_move: Vec<bool> = (0..body.locals.len())
        .map(|local| facts.used_after_move(local))
        .collect();
    // One used after a move is `Copy`, and kept only to be dropped there
    // (`DropOnly`) keeps nothing already.
    // So is one a `match` left whole, in an arm whose pattern matches only
    // a value with nothing to drop (`None => x.await`): dropped early, it
    // drops nothing.
    // So is one in the branch of a match that took it out of its flag,
    // which the branch cleared first (`if let Entry::Vacant(v) =
    // map.entry(k) { v.insert(x.await); }`).
    let vacant_at = kept_where(&kept, |k, local| {
        flagged[local]
            && !used_after_move[local]
            && (facts.last_move_before(local, k).is_some()
                || facts.emptied_at(local, k)
                || (taken_in_flag[local] && facts.cleared_at(local, k)))
            && !facts.used_after(local, k)
    });
    // Is a local, taken for moved at `m`, no longer kept at an await that
    // follows in its scope, with nothing moving it on the way (`f();
    // drop(f); x.await` drops it where rustc does)?
    let dropped_after = |local: LocalId, m: &Mention| {
        awaits.clone().any(|k| {
            facts.in_scope(local, k)
                && facts.before(m, k)
                && !kept[k].contains(&local)
                && !facts.moved_between(m, k)
        })
    };
    // A match that takes the local out of its flag clears the flag, which
    // drops the value there, whatever follows (`if let Job::Run(n) = job
    // { .. }` with `n` a copy).
    let cleared = |local: LocalId, m: &Mention| {
        taken_in_flag[local] && matches!(m.kind, MentionKind::Taken { .. })
    };
    // A match that takes a homed local takes it out of its home (see
    // `emit::uses`), and so does a move: the match's or the `let`'s value
    // is dropped there too.
    let taken_out = |local: LocalId, m: &Mention| homed[local] && m.kind.moves_whole();
    let destructured = (0..body.locals.len())
        .map(|local| {
            facts.by_local[local]
                .iter()
                .flat_map(|m| {
                    let dropped = dropped_after(local, m) || taken_out(local, m);
                    // A path's arm does not clear the flag (see
                    // `walk::drop_flag::arms`).
                    m.destructured.iter().filter(move |part| {
                        dropped || (cleared(local, m) && part.left != Left::Local)
                    })
                })
                .cloned()
                .collect()
        })
        .collect();
    let captured_parts = (0..body.locals.len())
        .map(|local| {
            facts.by_local[local]
                .iter()
                .filter(|m| m.kind == MentionKind::CapturedPart)
                .filter(|m| {
                    awaits
                        .clone()
                        .any(|k| facts.before(m, k) && kept[k].contains(&local))
                })
                .map(|m| m.span)
                .collect()
        })
        .collect();
    // A local kept with a flag or in place is taken out of it by a move,
    // and dropped at the end of the statement (a closure called there is
    // called in place). One that visibly has nothing to drop (a number)
    // cannot be dropped at the wrong time; a method of the standard type a
    // local visibly has is known to take `self`.
    let consumed = (0..body.locals.len())
        .map(|local| {
            let info = &body.locals[local];
            let unknown = |method: &str| !info.standard.is_some_and(|s| s.takes_self(method));
            !info.copy
                && facts.by_local[local].iter().any(|m| {
                    let Some(method) = m.consumed.as_deref() else {
                        return false;
                    };
                    let taken_out = (homed[local] || flagged[local]) && method != crate::ir::CALLED;
                    unknown(method) && (taken_out || dropped_after(local, m))
                })
        })
        .collect();
    Ok(Decisions {
        borrowed_calls,
        consumed,
        destructured,
        captured_parts,
        taken_in_flag,
        used_after_move,
        vacant_at,
        homed,
        kept,
        live_at,
        redeclare,
        drop_only,
        drop_only_at,
        renamed,
        flagged,
    })
}

/// Per await, the locals it keeps for which `keep(await, local)` holds.
fn kept_where(kept: &[Vec<LocalId>], keep: impl Fn(AwaitId, LocalId) -> bool) -> Vec<Vec<LocalId>> {
    kept.iter()
        .enumerate()
        .map(|(k, kept)| {
            kept.iter()
                .copied()
                .filter(|&local| keep(k, local))
                .collect()
        })
        .collect()
}

struct Facts<'a> {
    body: &'a Body,
    by_local: Vec<Vec<&'a Mention>>,
}

impl<'a> Facts<'a> {
    fn new(body: &'a Body) -> Self {
        let mut by_local = vec![Vec::new(); body.locals.len()];
        for mention in &body.mentions {
            by_local[mention.local].push(mention);
        }
        Facts { body, by_local }
    }

    fn in_scope(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.awaits[k].in_scope.contains(&local)
    }

    /// Is `seq` inside a loop around await `k` that `local` was declared
    /// outside of (so it runs both before and after `k`)? `after`: only the
    /// loops that may go on to another iteration after `k`.
    fn same_loop(&self, seq: u32, k: AwaitId, local: LocalId, after: bool) -> bool {
        let at = self.body.awaits[k].seq;
        let declared = self.body.locals[local].scope.0;
        // A loop that also holds the `return` the code after the await
        // always reaches runs no later iteration after it.
        let returns_by = self.body.awaits[k]
            .returns_by
            .filter(|_| after)
            .map(|by| by.seq);
        let mut around: Vec<(u32, u32)> = self
            .body
            .loops
            .iter()
            .copied()
            .filter(|&(start, end)| (start..=end).contains(&at))
            .filter(|&(start, end)| returns_by.is_none_or(|by| !(start..=end).contains(&by)))
            .collect();
        // Innermost first: the loops the await's statement leaves.
        around.sort_by_key(|&(start, _)| std::cmp::Reverse(start));
        let left = if after {
            self.body.awaits[k].leaves_loops
        } else {
            0
        };
        around
            .iter()
            .skip(left)
            .any(|&(start, end)| start > declared && (start..=end).contains(&seq))
    }

    fn before(&self, mention: &Mention, k: AwaitId) -> bool {
        let local = &self.body.locals[mention.local];
        let at = self.body.awaits[k].seq;
        (mention.seq >= local.scope.0 && mention.seq < at && !self.cut(mention.seq, at))
            || self.same_loop(mention.seq, k, mention.local, false)
    }

    fn after(&self, mention: &Mention, k: AwaitId) -> bool {
        let local = &self.body.locals[mention.local];
        let await_ = &self.body.awaits[k];
        // Up to the `return` the code after `k` always reaches, if there is
        // one: nothing past it runs after `k`.
        let end = await_
            .returns_by
            .map_or(local.scope.1, |by| by.seq.min(local.scope.1));
        (mention.seq <= end && self.follows_await(k, mention.seq, &mention.path))
            || self.same_loop(mention.seq, k, mention.local, true)
    }

    /// [`Self::follows`] from await `k`, as the machine resumed there is
    /// written: a jump out of loops inside its target cuts the code after
    /// them only where the machine sees `k` leave them (see
    /// [`crate::ir::Leaving::crosses`]); elsewhere it writes that code in
    /// the arm that resumes at `k`.
    fn follows_await(&self, k: AwaitId, b: u32, b_path: &[u32]) -> bool {
        let info = &self.body.awaits[k];
        b > info.seq
            && !self.exclusive(&info.path, b_path)
            && !self.body.leaving.iter().any(|run| {
                run.cuts(info.seq, b) && (run.crosses == 0 || info.leaves_loops >= run.crosses)
            })
    }

    /// Does code numbered `b` (on path `b_path`) follow code numbered `a`
    /// in one run of the code around both: later, not on another branch
    /// (see [`Self::exclusive`]), and not skipped by a jump that the code
    /// at `a` always reaches first (see [`Self::cut`])? A loop's next
    /// iteration is [`Self::same_loop`]'s.
    fn follows(&self, a: u32, a_path: &[u32], b: u32, b_path: &[u32]) -> bool {
        b > a && !self.exclusive(a_path, b_path) && !self.cut(a, b)
    }

    /// Is code numbered `b` among what a jump skips that the code numbered
    /// `a` always reaches first (see [`crate::ir::Leaving`])? Then `b`
    /// never follows `a` in one run: a local moved in a branch that awaits
    /// and returns (`if bad { log(req); return reply(400).await; }`), or
    /// `continue`s, is neither used after that await by the code after the
    /// branch, nor moved before the awaits there.
    ///
    /// Before: `if c { drop(p); x.await; continue; } y.await; p.touch();`
    /// After:  `p.touch()` does not follow `x.await`, nor `drop(p)` come
    ///         before `y.await`
    fn cut(&self, a: u32, b: u32) -> bool {
        self.body.leaving.iter().any(|run| run.cuts(a, b))
    }

    /// Are two paths in different branches of one `if`, or different arms
    /// of one `match`? Then, within one run of the construct (an enclosing
    /// loop is [`Self::same_loop`]'s), code on one never follows code on
    /// the other: a use in the `else` branch is not "after" an await in
    /// the `then` branch, though it comes later in the source.
    fn exclusive(&self, a: &[u32], b: &[u32]) -> bool {
        let alternatives = &self.body.alternatives;
        a.iter()
            .zip(b)
            .find(|(x, y)| x != y)
            .and_then(|(x, y)| Some((alternatives.get(x)?, alternatives.get(y)?)))
            .is_some_and(|((c, i), (d, j))| c == d && i != j)
    }

    fn used_after(&self, local: LocalId, k: AwaitId) -> bool {
        self.by_local[local].iter().any(|m| self.after(m, k))
    }

    /// [`Self::used_after`], but only for uses that read the value the
    /// local has at `k`: not an assignment, nor a read after one that runs
    /// whenever the read does, between `k` and it (`conn =
    /// connect().await; conn.touch()`, with `conn` assigned before `k` on
    /// some paths only; or `if even { lease = take(); lease.touch() }` in
    /// the loop around `k`). The value it may hold at `k` is then only
    /// dropped, by its drop flag, where the assignment replaces it.
    fn value_read_after(&self, local: LocalId, k: AwaitId) -> bool {
        let at = self.body.awaits[k].seq;
        // Distance from `k` in the order the code runs after it: a use
        // before `k` in a loop around it comes after the rest.
        let from_k = |m: &Mention| {
            if m.seq > at {
                m.seq - at
            } else {
                m.seq + u32::MAX / 2
            }
        };
        let after: Vec<&Mention> = self.by_local[local]
            .iter()
            .copied()
            .filter(|m| self.after(m, k))
            .collect();
        after.iter().any(|read| {
            read.kind != MentionKind::Assign
                && !after.iter().any(|assign| {
                    assign.kind == MentionKind::Assign
                        && !assign.conditional
                        && from_k(assign) < from_k(read)
                        && read.path.starts_with(&assign.path)
                })
        })
    }

    /// [`Self::used_after`], but for the expansion's own drop of a hidden
    /// temporary at the end of its statement: what is only dropped there
    /// is kept only to be dropped.
    fn read_after(&self, local: LocalId, k: AwaitId) -> bool {
        self.by_local[local]
            .iter()
            .any(|m| !m.drop && self.after(m, k))
    }

    /// Kept across `k` by value: used after it, or still there to be dropped
    /// at the end of its scope (a visibly `Copy` value has nothing to drop,
    /// nor has one that the pattern of the arm `k` is in took all of, even
    /// where another arm moves only parts of it: `Some((p, n)) if n > 2 =>
    /// { x.await; .. }` beside `Some((_, n)) => n`, unless an await after
    /// the `match` keeps it).
    fn carried(&self, local: LocalId, k: AwaitId) -> bool {
        self.initialized_at(local, k)
            && !self.moved_and_assigned_after(local, k)
            && (self.used_after(local, k)
                || (!self.body.locals[local].copy
                    && !self.may_have_moved(local, k)
                    && (!self.emptied_at(local, k) || self.kept_later(local, k))))
    }

    /// Kept at an await that may follow `k`, outside any arm that took all
    /// of it: a `match` that moves only parts of it on another arm leaves it
    /// whole to the machine (see `walk::drop_flag::kind`), and a pattern
    /// that took all of it may only have copied its parts (`(Some(a), b)`
    /// on a `(Option<u32>, u32)` whose type does not show), so it must still
    /// be there when the machine resumes at `k` (E0373 where it was not).
    fn kept_later(&self, local: LocalId, k: AwaitId) -> bool {
        let at = &self.body.awaits[k];
        let end = at.returns_by.map_or(u32::MAX, |by| by.seq);
        (0..self.body.awaits.len()).any(|later| {
            let info = &self.body.awaits[later];
            let follows = (info.seq <= end && self.follows_await(k, info.seq, &info.path))
                || self.same_loop(info.seq, k, local, true);
            later != k
                && follows
                && self.in_scope(local, later)
                && !self.emptied_at(local, later)
                && self.carried(local, later)
        })
    }

    /// Does `local`, homed, hold a value at `k` on every path? Declared
    /// with one, and with no use by value that may run before `k` (in the
    /// local's scope, or in a loop around both): a homed local is moved out
    /// of its home only by such a use, or by a match that takes all of it
    /// (`Home::take`, see `emit::uses`). Its other uses reach it through
    /// its home, where a move does not build.
    fn always_live(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.locals[local].initialized
            && !self.by_local[local]
                .iter()
                .any(|m| m.kind.moves_whole() && self.before(m, k))
    }

    fn may_have_moved(&self, local: LocalId, k: AwaitId) -> bool {
        self.by_local[local]
            .iter()
            .any(|m| m.kind.may_move() && self.moved_away_at(m, k))
    }

    /// Does the move `m` leave the local without a value at `k`? It runs
    /// before `k`, and no assignment gives the local a new value on every
    /// path from it to `k` (`conn = step(conn); conn.touch(); ack.await`
    /// holds the new `conn` at the await, as rustc does, to drop it at the
    /// end of its scope). An assignment on some of those paths only (after
    /// a `continue` that may skip it) leaves the local maybe moved: kept,
    /// the machine fails to build (E0382), never drops it early.
    fn moved_away_at(&self, m: &Mention, k: AwaitId) -> bool {
        let at = self.body.awaits[k].seq;
        let reassigned = self.by_local[m.local].iter().any(|a| {
            let follows = if m.seq < at {
                (m.seq..at).contains(&a.seq)
            } else {
                // A move after `k` in a loop around it reaches `k` again
                // through the loop's next iteration.
                a.seq > m.seq && self.same_loop(a.seq, k, a.local, false)
            };
            a.kind == MentionKind::Assign
                && !a.conditional
                && m.path.starts_with(&a.path)
                && follows
        });
        self.before(m, k) && !reassigned
    }

    /// Moved on every path from `m` to `k`, by a later use.
    fn moved_between(&self, m: &Mention, k: AwaitId) -> bool {
        self.by_local[m.local]
            .iter()
            .any(|later| later.seq > m.seq && self.moves_on_every_path_to(later, k))
    }

    /// The last of the moves that leave `local` without a value on every
    /// path to `k`: by a use that runs whenever its statement runs, in a
    /// statement that runs on every path to `k`, with no new value given
    /// to it after.
    /// Is `k` in an arm of a `match` on `local` whose pattern matches only
    /// a value with nothing to drop (see [`crate::ir::AwaitInfo::emptied`]),
    /// with no assignment that may give it another value?
    fn emptied_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.awaits[k].emptied.contains(&local)
            && !self.by_local[local]
                .iter()
                .any(|m| m.kind == MentionKind::Assign)
    }

    /// Is `k` in the branch of a match that took `local` by value, in its
    /// flag's place where it has one (see [`crate::ir::AwaitInfo::cleared`]),
    /// with no assignment that may give it another value?
    fn cleared_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.awaits[k].cleared.contains(&local)
            && !self.by_local[local]
                .iter()
                .any(|m| m.kind == MentionKind::Assign)
    }

    fn last_move_before(&self, local: LocalId, k: AwaitId) -> Option<&Mention> {
        self.by_local[local]
            .iter()
            .copied()
            .filter(|m| self.moves_on_every_path_to(m, k) && self.moved_away_at(m, k))
            .max_by_key(|m| m.seq)
    }

    /// Does `m` move its local whole, in the local's scope before `k`,
    /// whenever its statement runs, in a statement that runs on every path
    /// to `k`?
    fn moves_on_every_path_to(&self, m: &Mention, k: AwaitId) -> bool {
        let info = &self.body.awaits[k];
        let declared = self.body.locals[m.local].scope.0;
        (m.kind.moves_whole() || m.kind == MentionKind::Capture { by_move: true })
            && !m.conditional
            && (declared..info.seq).contains(&m.seq)
            && info.path.starts_with(&m.path)
    }

    /// Moved on every path to `k` and given a new value after it before
    /// anything reads it (`conn = step(conn).await;`, `let cur = acc; ..
    /// .await; acc = cur + 1;`): it has no value at `k`, so nothing is kept,
    /// and it is declared again on resuming. Not in a loop around `k` inside
    /// the local's scope: resuming there runs the rest of the iteration and
    /// then the loop again, in which rustc cannot see that the local
    /// declared again is assigned before the next iteration reads it
    /// (E0381); there the local is homed, and its guard says it has no
    /// value at `k`. Nor where another await comes before the assignment.
    /// Where syntax took a copy for a move (a `Copy` value it cannot see
    /// the type of), the value it did not keep is overwritten unread, which
    /// nothing can observe.
    fn moved_and_assigned_after(&self, local: LocalId, k: AwaitId) -> bool {
        let info = &self.body.awaits[k];
        let declared = self.body.locals[local].scope.0;
        let Some(assigned) = self.assigned_unread_after_move(local, k) else {
            return false;
        };
        let in_loop = self
            .body
            .loops
            .iter()
            .any(|&(start, end)| start > declared && (start..=end).contains(&info.seq));
        // No other suspension before the assignment: one there would find
        // the local with a value on the paths that did not move it (or
        // where syntax took a copy for a move), and keep it.
        // Unless the local has no value there either, and is declared
        // again on resuming from it too (`Ok(q) => { leaf.await; c = q; }`).
        let suspends_between = (0..self.body.awaits.len()).any(|other| {
            let seq = self.body.awaits[other].seq;
            seq > info.seq && seq < assigned.seq && !self.moved_and_assigned_after(local, other)
        });
        !in_loop && !suspends_between
    }

    /// Moved on every path to `k`, and given a new value after it before
    /// anything reads it: the first assignment. One on every path after
    /// `k`; or, where every read after `k` follows an assignment on its own
    /// path, one on some paths only (`drop(p); x.await; if c { p = open();
    /// p.touch(); }`): on the others the local has no value, in rustc too,
    /// which drops it by its flag where it has one.
    fn assigned_unread_after_move(&self, local: LocalId, k: AwaitId) -> Option<&Mention> {
        let info = &self.body.awaits[k];
        let mentions = &self.by_local[local];
        let on_every_path = |m: &Mention| !m.conditional && info.path.starts_with(&m.path);
        let assignments = || {
            mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Assign && self.follows_await(k, m.seq, &m.path))
        };
        let reads_follow_assignments = || {
            mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Assign && !m.drop)
                .filter(|m| self.follows_await(k, m.seq, &m.path))
                .all(|read| {
                    assignments().any(|a| {
                        // One in an arm whose statement gives the value on
                        // every path that goes on runs before any read
                        // after that statement, on its path or reached
                        // from `k` through it.
                        let settles = a.settled.as_ref().is_some_and(|settled| {
                            settled.end < read.seq
                                && (read.path.starts_with(&settled.path)
                                    || info.path.starts_with(&settled.path))
                        });
                        settles
                            || (!a.conditional
                                && a.seq < read.seq
                                && read.path.starts_with(&a.path))
                    })
                })
        };
        let assigned = assignments()
            .filter(|m| on_every_path(m))
            .min_by_key(|m| m.seq)
            .or_else(|| {
                reads_follow_assignments()
                    .then(|| assignments().min_by_key(|m| m.seq))
                    .flatten()
            })?;
        let moved = mentions
            .iter()
            .filter(|m| self.moves_on_every_path_to(m, k))
            .max_by_key(|m| m.seq)?;
        // A use on another branch than `k`'s never runs on this path
        // (`conn = if tls { upgrade(conn).await } else { conn };`). An
        // assignment after `k` reads nothing: on its path the local has a
        // value again (`if done { conn = prev; break; } conn = open();`).
        let unread = mentions.iter().all(|m| {
            let between = m.seq > moved.seq && m.seq < assigned.seq;
            std::ptr::eq(*m, *moved)
                || std::ptr::eq(*m, *assigned)
                || !between
                || self.exclusive(&m.path, &info.path)
                || (m.kind == MentionKind::Assign && m.seq > info.seq)
        });
        unread.then_some(*assigned)
    }

    /// A local that may or may not have been moved when the machine suspends
    /// at `k` (`if c { drop(m) }`), and is not used after: rustc drops it at
    /// the end of its scope if it is still there, by a drop flag. Flagging
    /// it (or, where its uses cannot all be rewritten, homing it: its guard
    /// is the flag) gives it one, so it is neither dropped early nor kept
    /// after a move.
    ///
    /// The same holds for a local declared without a value and assigned on
    /// some paths only (`let m; if c { m = v; }`), also where its value is
    /// read after `k`, and where it has nothing to drop but is read: a path
    /// syntax takes for one that leaves it unassigned may be one rustc
    /// knows never reaches `k` (`else { fail("no lease") }`, a call of a
    /// fn returning `!`), and the value rustc then keeps must be kept; or
    /// rustc keeps what it may hold with a flag, to drop where an
    /// assignment after `k` replaces it. Declared again on resuming, it
    /// would have been dropped at the await, or found unassigned (E0381).
    fn needs_drop_flag(&self, local: LocalId, k: AwaitId) -> bool {
        let copy = self.body.locals[local].copy;
        if !self.in_scope(local, k) {
            return false;
        }
        let read_after = self.value_read_after(local, k);
        if self.initialized_at(local, k) {
            if copy || read_after {
                return false;
            }
            // Only whole moves: a pattern that takes some parts and leaves
            // others (`(a, _)`) is not one (see `walk::drop_flag::kind`).
            let moved_whole = self.by_local[local].iter().any(|m| {
                matches!(
                    m.kind,
                    MentionKind::Value
                        | MentionKind::Capture { by_move: true }
                        | MentionKind::Taken { .. }
                ) && self.moved_away_at(m, k)
            });
            // A receiver or a closure a call may consume (`bag.count()`,
            // `f()`), only on some paths to `k` (`if a && f()`, `if a {
            // f(); }`): where the call did not run, the value is still
            // there, for the flag to drop at the end of its scope.
            let info = &self.body.awaits[k];
            let consumed: Vec<&Mention> = self.by_local[local]
                .iter()
                .copied()
                .filter(|m| m.consumed.is_some() && self.moved_away_at(m, k))
                .collect();
            let consumed_on_some_paths = self.last_move_before(local, k).is_none()
                && !consumed.is_empty()
                && !consumed
                    .iter()
                    .any(|m| !m.conditional && info.path.starts_with(&m.path));
            if consumed_on_some_paths {
                return true;
            }
            // Moved on every path, it may still be given a new value on
            // some (`drop(c); if r { c = open() }`).
            let assigned_since = |moved: &Mention| {
                self.by_local[local].iter().any(|a| {
                    a.kind == MentionKind::Assign && a.seq > moved.seq && self.before(a, k)
                })
            };
            moved_whole && self.last_move_before(local, k).is_none_or(assigned_since)
        } else if read_after {
            // Only where rustc may see it assigned: not where the
            // assignments are in another branch, or before a `break` past
            // `k` (kept there, it would cost its place where rustc keeps
            // nothing).
            assigned::maybe_before(&self.body.block, &self.body.locals[local].ident, k)
        } else {
            // Not where every assignment is on another branch than `k`
            // (`let v; match x { Some(a) => v = a, _ => return y.await }`),
            // unless a loop around both runs it again before `k`.
            let at = &self.body.awaits[k];
            let reaches = |m: &Mention| {
                self.follows(m.seq, &m.path, at.seq, &at.path)
                    || self.same_loop(m.seq, k, local, false)
            };
            !copy
                && self.by_local[local]
                    .iter()
                    .any(|m| m.kind == MentionKind::Assign && reaches(m))
        }
    }

    /// Is `local` matched by patterns that may take it, each match able to
    /// read a flag's place, not in a loop inside the local's scope (which
    /// could match again what a pattern copied), and never used after one
    /// where the match may have taken it?
    fn taken_last(&self, local: LocalId) -> bool {
        let mentions = &self.by_local[local];
        let declared = self.body.locals[local].scope.0;
        let taken = || {
            mentions
                .iter()
                .filter(|m| matches!(m.kind, MentionKind::Taken { .. }))
        };
        taken().next().is_some()
            && taken().all(|m| {
                let in_loop = self
                    .body
                    .loops
                    .iter()
                    .any(|&(start, end)| start > declared && (start..=end).contains(&m.seq));
                // No use after a cleared flag: code where the match did not
                // take it (its `_` arm, the `else` of an `if let`, an `else
                // if let` on it), or code on another
                // branch of an `if` or `match` around it. (Not the
                // expansion's own drop of a scrutinee it named, at the
                // start of the `else`: a flag cleared where the `then`
                // branch takes the value would drop a `Drop` type's value
                // there, where a pattern only copies its fields; matched
                // through a reference to it instead, the pattern copies
                // them as rustc does. Unless syntax knows the type has no
                // `Drop` impl (`if let Entry::Vacant(v) = map.entry(k) {
                // .. } else { .. }`): the pattern moves out of it, which
                // it can out of the flag, not through a reference.)
                let known = self.body.locals[local].matched_without_drop;
                let apart = |other: &Mention| {
                    (other.untaken && (!other.drop || known))
                        || self.exclusive(&m.path, &other.path)
                        || self.cut(m.seq, other.seq)
                };
                matches!(m.kind, MentionKind::Taken { in_place: true, .. })
                    && !in_loop
                    && !mentions
                        .iter()
                        .any(|other| other.seq > m.seq && !apart(other))
            })
    }

    /// Is `local` used after a move by value (see
    /// [`Decisions::used_after_move`])?
    fn used_after_move(&self, local: LocalId) -> bool {
        let mentions = &self.by_local[local];
        let declared = self.body.locals[local].scope.0;
        mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Value)
            .any(|moved| {
                let in_loop =
                    self.body.loops.iter().any(|&(start, end)| {
                        start > declared && (start..=end).contains(&moved.seq)
                    });
                in_loop
                    || mentions.iter().any(|later| {
                        !later.drop && self.follows(moved.seq, &moved.path, later.seq, &later.path)
                    })
            })
    }

    /// Per local kept in place: see [`Decisions::borrowed_calls`]. A call
    /// of one of those names on it that it is used after (without a new
    /// value given on the way: [`Self::read_after_call`]), or whose part
    /// a reference taken before the call and used after it points into
    /// ([`Self::seen_through_reference`]), cannot have moved it: rustc
    /// would have rejected the twin (E0382, E0505). So the method borrows
    /// it, or it is `Copy` and the method copies it: either way the call
    /// is right on the home's place. The receiver's type, and so the
    /// method, is the same at every call of that name on the local.
    fn borrowed_calls(&self, homed: &[bool]) -> Vec<Vec<String>> {
        (0..self.body.locals.len())
            .map(|local| {
                let mut names: Vec<String> = Vec::new();
                if !homed[local] {
                    return names;
                }
                for m in &self.by_local[local] {
                    let Some(name) = m.consumed.as_deref() else {
                        continue;
                    };
                    let borrowed = m.kind == MentionKind::Value
                        && name != crate::ir::CALLED
                        && (self.read_after_call(m) || self.seen_through_reference(m));
                    if borrowed && !names.iter().any(|known| known == name) {
                        names.push(name.to_owned());
                    }
                }
                names
            })
            .collect()
    }

    /// Is the local used by `m` used again after it, with no new value
    /// given on the way? Later in its scope, on a path that runs after
    /// `m`; or, in a loop inside its scope, earlier in the loop, where the
    /// loop may go on to its next iteration after `m`: no code after `m`
    /// on every path from it always leaves the loop (a `break;`, a
    /// `return x;` at `m`'s level or around it: [`Body::jumps`]), and
    /// nothing in the loop assigns the local. Code that only may leave
    /// (`f()?;`, `if n > 9 { return n; }`) leaves a path to the next
    /// iteration, on which a move by `m` would not build (E0382, "value
    /// moved in previous iteration of loop"). Where syntax takes code that
    /// always leaves for code that may (`if c { return } else { return }`,
    /// a call of a fn returning `!`), a real move is called on the home's
    /// place and does not build (E0507): never a change lost.
    ///
    /// Before: `lx.skip(2); lx.pos` or `while lx.pos < 4 { x.await; lx.skip(1); if n > 9 { return n; } }`
    /// After:  true
    fn read_after_call(&self, m: &Mention) -> bool {
        let mentions = &self.by_local[m.local];
        let (declared, end) = self.body.locals[m.local].scope;
        let reads = |read: &&&Mention| !read.drop && read.kind != MentionKind::Assign;
        let later = mentions.iter().filter(reads).any(|read| {
            read.seq <= end
                && self.follows(m.seq, &m.path, read.seq, &read.path)
                && !mentions.iter().any(|assign| {
                    assign.kind == MentionKind::Assign
                        && !assign.conditional
                        && (m.seq..read.seq).contains(&assign.seq)
                        && read.path.starts_with(&assign.path)
                })
        });
        let again = self.body.loops.iter().any(|&(start, last)| {
            start > declared
                && (start..=last).contains(&m.seq)
                && !self.body.jumps.iter().any(|jump| {
                    jump.always
                        && (m.seq..=last).contains(&jump.seq)
                        && m.path.starts_with(&jump.path)
                })
                && !mentions.iter().any(|assign| {
                    assign.kind == MentionKind::Assign && (start..=last).contains(&assign.seq)
                })
                && mentions
                    .iter()
                    .filter(reads)
                    .any(|read| (start..=m.seq).contains(&read.seq))
        });
        later || again
    }

    /// Does a local bound to a reference (`let hits = &stats.hits;`, see
    /// [`crate::ir::Local::shared_ref`]), made from the local before `m`,
    /// get used after it? rustc would not let `m` move the local while it
    /// lives (E0505); a `&self` method changing a `Cell` the reference
    /// reads is seen through it.
    fn seen_through_reference(&self, m: &Mention) -> bool {
        self.by_local[m.local].iter().any(|lent| {
            lent.seq < m.seq
                && lent.kind.may_borrow()
                && lent.holders.iter().any(|&holder| {
                    holder != m.local
                        && self.body.locals[holder].shared_ref
                        && self.by_local[holder].iter().any(|read| {
                            !read.drop && self.follows(m.seq, &m.path, read.seq, &read.path)
                        })
                })
        })
    }

    /// Kept at `k` while a later local of the same name is in scope: the
    /// suspension could not name it. Renamed (see [`Decisions::renamed`])
    /// or, where its uses cannot all be renamed, homed: kept through its
    /// guard, which has a name of its own.
    fn shadowed_and_kept(&self, local: LocalId, k: AwaitId) -> bool {
        let locals = &self.body.locals;
        self.in_scope(local, k)
            && self.carried(local, k)
            && self.body.awaits[k].in_scope.iter().any(|&other| {
                other != local
                    && locals[other].ident == locals[local].ident
                    && locals[other].scope.0 > locals[local].scope.0
            })
    }

    /// Can every use of `local` be renamed? Not inside a macro the
    /// expansion cannot read; and an argument or a `let x;` has no binding
    /// with a value to rename it after.
    fn renameable(&self, local: LocalId) -> bool {
        !self.body.params.contains(&local) && self.rewritable(local)
    }

    /// Can every use of `local` be rewritten to go through a hidden name?
    /// Not inside a macro the expansion cannot read; and a `let x;` has no
    /// binding with a value to give the name at.
    fn rewritable(&self, local: LocalId) -> bool {
        self.body.locals[local].initialized
            && self.by_local[local]
                .iter()
                .all(|m| !matches!(m.kind, MentionKind::Opaque { .. }) && !m.in_awaiting_macro)
    }

    /// Can `local` be kept as a `Flagged`? Its uses rewritable (a
    /// parameter gets its flag where the body starts), not moved into a
    /// closure or an `async` block (which would take the whole `Flagged`),
    /// and not reached mutably unless used once: each use borrows the
    /// `Flagged` afresh, and a shared borrow beside a mutable one
    /// (`format!("{x}", x)` with `x` mutable) would not build.
    fn flaggable(&self, local: LocalId) -> bool {
        // One used once, a scrutinee's temporary (`match slot.as_mut()`),
        // has no other use to borrow the `Flagged` beside.
        let used_once = self.by_local[local].iter().filter(|m| !m.drop).count() <= 1;
        self.rewritable(local)
            && (!self.body.locals[local].reached_mutably() || used_once)
            && self.by_local[local].iter().all(|m| {
                !matches!(
                    m.kind,
                    MentionKind::Capture { by_move: true } | MentionKind::CapturedPart
                )
            })
    }

    /// Declared with a value, or assigned on every path to `k`.
    fn initialized_at(&self, local: LocalId, k: AwaitId) -> bool {
        self.body.locals[local].initialized
            || assigned::before(&self.body.block, &self.body.locals[local].ident, k)
    }

    /// Homed locals: a fixpoint, since a local may be borrowed by another
    /// that is itself homed.
    fn homed(&self) -> Vec<bool> {
        let mut homed: Vec<bool> = (0..self.body.locals.len())
            .map(|local| {
                (0..self.body.awaits.len()).any(|k| {
                    (self.needs_drop_flag(local, k) && !self.flaggable(local))
                        || (self.shadowed_and_kept(local, k) && !self.renameable(local))
                        // Moved on every path to `k` and given a new value
                        // after it, where it cannot be declared again on
                        // resuming (in a loop: `conn = step(conn).await`):
                        // its guard says it has no value there.
                        || (self.carried(local, k)
                            && self.assigned_unread_after_move(local, k).is_some())
                        // A pinned value may not move again.
                        || (self.body.locals[local].pinned && self.in_scope(local, k))
                        // A value a scrutinee makes for a method syntax
                        // does not know, kept across `k`: in place, a
                        // method taking `self` is caught by the check of
                        // the call (`receiver_check::in_place`), where the
                        // value moved into the state would be a bare
                        // E0382 (`match Builder::new().kind() { "a" => ..`).
                        || (self.body.locals[local].receiver
                            && self.in_scope(local, k)
                            && self.carried(local, k))
                        || self.lent_to_awaitee(local, k)
                })
            })
            .collect();
        loop {
            let mut changed = false;
            for mention in &self.body.mentions {
                let local = mention.local;
                let bound_through = self.bound_through_unknown(mention);
                if homed[local]
                    || !(borrows(mention.kind) || bound_through)
                    || self.through_reference(mention)
                {
                    continue;
                }
                let held = if self.lent_through(mention) {
                    self.held_across_any(mention, &homed)
                        && (self.named_again(mention)
                            || self.reborrow_held_while_kept(mention, &homed))
                } else if self.reborrowed_through(mention) || bound_through {
                    self.reborrow_held_while_kept(mention, &homed)
                } else {
                    self.held_across_any(mention, &homed)
                };
                if held {
                    homed[local] = true;
                    changed = true;
                }
            }
            if !changed {
                return homed;
            }
        }
    }

    /// Is `mention` a match of a local visibly holding a `&mut` whose
    /// patterns bind through it (`match slot { Some(s) => .. }`, see
    /// `walk::drop_flag::through_mut`), or another borrow of what it
    /// points to (`&*slot`, `slot.as_mut()`, see
    /// [`Mention::through_referent`])? The bindings, or the value made,
    /// borrow what it points to, not the local (see also
    /// [`Self::lent_through`]).
    fn reborrowed_through(&self, mention: &Mention) -> bool {
        self.body.locals[mention.local].unique && (mention.binds_parts || mention.through_referent)
    }

    /// Is `mention` a borrow of what a local visibly holding a `&mut`
    /// points to, other than a match binding through it (`&*slot`,
    /// `slot.as_mut()`, see [`Mention::through_referent`])? What it makes
    /// borrows the referent, not the local: kept across an await, it does
    /// not keep the local in place by itself.
    ///
    /// Before: `let c = slot.as_mut().unwrap(); c.exec().await` (`slot:
    ///         &mut Option<Conn>`, not named after): `slot` in a home
    /// After:  `slot` not kept; `c` kept, borrowing what it points to, as
    ///         in rustc
    fn lent_through(&self, mention: &Mention) -> bool {
        self.body.locals[mention.local].unique && mention.through_referent && !mention.binds_parts
    }

    /// Is the local of `mention` named again in code that may run after
    /// it: named later in the body (another branch included), or in a
    /// loop around it, which may run it again? What the borrow made keeps
    /// its lifetime in the type of the machine's state wherever it is kept,
    /// so the machine's borrow check sees the referent borrowed from there
    /// on, along every path: a later use of the local (moving it into a
    /// state, or reborrowing it, `map.insert(..)` in the `else` of an `if
    /// let Some(v) = map.get_mut(..)` whose `then` awaits) conflicts with
    /// it (E0499), where rustc sees the borrow end in the other branch. The
    /// local is then kept in place, reached through its home.
    fn named_again(&self, mention: &Mention) -> bool {
        self.by_local[mention.local]
            .iter()
            .any(|m| m.seq > mention.seq)
            || self
                .body
                .loops
                .iter()
                .any(|&(start, end)| start <= mention.seq && mention.seq <= end)
    }

    /// Is `mention` a match of a local whose type syntax does not know, by
    /// patterns that bind some parts and leave the rest (`match
    /// v.as_mut_slice() { [head, ..] => .. }`, `if let Some(Sess { hits,
    /// .. }) = it.find(..)`)? Where the value is a `&mut`, the bindings
    /// borrow through it, as for [`Self::reborrowed_through`], and the
    /// local cannot move into the state while they live (E0505): kept
    /// across an await, it is kept in place.
    fn bound_through_unknown(&self, mention: &Mention) -> bool {
        let local = &self.body.locals[mention.local];
        mention.binds_parts && !local.unique && !local.copy && !local.shared_ref
    }

    /// May the reborrow taken by `mention` (see [`Self::reborrowed_through`])
    /// be held across an await where its local is kept by value too? The
    /// state would then hold both the `&mut` and a borrow of what it points
    /// to, which rustc takes for two unique borrows at once (E0499, or
    /// E0505 at the move into the state). Kept in place, the local is
    /// reached through a reference of its own after the await, as rustc
    /// ends the bindings' borrow at their last use; where it is not kept,
    /// the bindings alone hold the borrow, as in rustc, and it is not.
    ///
    /// Before: `match slot { Some(s) => { x.await; s.push('!'); slot.take() } None => None }`
    /// After:  `slot` in a home, the match through a fresh reference from
    ///         it (`match (*unsafe { __home_slot.place_mut() }) { .. }`),
    ///         `s` carried, `slot.take()` reached through the home.
    ///         SAFETY: of that block, as for every use of a home
    ///         (`emit/uses.rs`): the twin's borrow check of the same uses.
    fn reborrow_held_while_kept(&self, mention: &Mention, homed: &[bool]) -> bool {
        (0..self.body.awaits.len()).any(|k| {
            self.in_scope(mention.local, k)
                && self.before(mention, k)
                && self.carried(mention.local, k)
                && self.held_across(mention, k, homed)
        })
    }

    /// May the borrow taken by `mention` be held across an await?
    fn held_across_any(&self, mention: &Mention, homed: &[bool]) -> bool {
        (0..self.body.awaits.len()).any(|k| {
            self.in_scope(mention.local, k)
                && self.before(mention, k)
                && self.held_across(mention, k, homed)
        })
    }

    /// May the borrow taken by `mention` still be held while suspended at `k`?
    /// By the awaited future, or by a local that holds it across `k`.
    fn held_across(&self, mention: &Mention, k: AwaitId, homed: &[bool]) -> bool {
        // A closure written without `async` cannot lend from itself: the
        // future its call makes (`make().await`) borrows what it captured,
        // not the closure, which the call may move (`FnOnce`). One the
        // call borrows, with something to drop, stops the build where it
        // is not kept (see `Decisions::consumed`); a result kept in a
        // local still keeps it in place, to the end of its scope, as rustc
        // keeps a closure a call borrows.
        let lends = !(self.body.locals[mention.local].closure
            && mention.consumed.as_deref() == Some(crate::ir::CALLED));
        let by_awaitee = mention.in_operand == Some(k) && lends;
        let mut seen = vec![false; self.body.locals.len()];
        seen[mention.local] = true;
        by_awaitee
            || mention
                .holders
                .iter()
                .any(|&holder| self.holds_across(holder, k, homed, &mut seen))
    }

    /// Does `holder`, or what its value is moved or copied into, hold a
    /// borrow across `k`? Kept across it (by value, in place, or with a
    /// drop flag), moved into the awaited future (`let r = &v;
    /// read(r).await`), or handed on to a local that is (`let r =
    /// v.first(); let x = r.unwrap();` with `x` used after, or `let s =
    /// v.as_slice(); let [x, ..] = s else { .. };`, whose pattern copies a
    /// part of `s` into `x`).
    fn holds_across(&self, holder: LocalId, k: AwaitId, homed: &[bool], seen: &mut [bool]) -> bool {
        if std::mem::replace(&mut seen[holder], true) {
            return false;
        }
        // The local handing its value on may be out of scope by `k`.
        (self.in_scope(holder, k)
            && (homed[holder]
                || self.carried(holder, k)
                || self.kept_with_flag(holder)
                || self.handed_to_awaitee(holder, k)))
            || self.by_local[holder].iter().any(|m| {
                (m.kind.may_move()
                    || m.binds_parts
                    || m.through_referent
                    || m.copied
                    || self.through_reference(m))
                    && self.before(m, k)
                    && m.holders
                        .iter()
                        .any(|&next| self.holds_across(next, k, homed, seen))
            })
    }

    /// Does `local` need a drop flag at some await? Then it is kept
    /// wherever it is in scope, flagged or in place (see [`decide`]), its
    /// value and any borrow it holds with it, whether or not a branch has
    /// moved it (`if let Some(&n) = g.lock().unwrap().first() { .. } else
    /// { .. }`, whose scrutinee's value borrows the guard, and is moved
    /// away with it before an `else` that awaits where Rust 2024 drops
    /// them there).
    fn kept_with_flag(&self, local: LocalId) -> bool {
        (0..self.body.awaits.len()).any(|k| self.needs_drop_flag(local, k))
    }

    /// A use of a local bound to a shared reference as a place whose
    /// borrow may outlive it (`ids.get()`, `&ids.name`, `ids.iter()`), or
    /// inside a macro the expansion cannot read (`first!(ids)`, expanding
    /// to `&$v[0]`): what it lends is the referent, which the local only
    /// hands on, as a copy of the reference would. So `let ids = &v; let f
    /// = first!(ids);` with `f` used after an await keeps `v` in place, and
    /// the macro reads it through `ids`, which it sees as written. Not
    /// `&mut ids`, which borrows the local itself (see
    /// [`Mention::borrowed_mut`]).
    fn through_reference(&self, mention: &Mention) -> bool {
        self.body.locals[mention.local].shared_ref
            && !mention.borrowed_mut
            && matches!(
                mention.kind,
                MentionKind::Place { lasting: true, .. } | MentionKind::Opaque { .. }
            )
    }

    /// Does the future awaited at `k` take what `local` holds: the value,
    /// moved into its operand (`read(r).await`), or, for a shared
    /// reference, the borrow it hands on there (`len_of(&r[0]).await` with
    /// `let r = &v;`)?
    fn handed_to_awaitee(&self, local: LocalId, k: AwaitId) -> bool {
        self.by_local[local]
            .iter()
            .any(|m| m.in_operand == Some(k) && (m.kind.may_move() || self.through_reference(m)))
    }

    /// Uses of homed locals that cannot be rewritten to use the home.
    fn check_homed_uses(&self, homed: &[bool]) -> syn::Result<()> {
        let mut errors: Option<syn::Error> = None;
        for (local, mentions) in self.by_local.iter().enumerate() {
            if !homed[local] {
                continue;
            }
            let name = crate::names::shown(&self.body.locals[local].ident.to_string()).to_owned();
            let mut report = |span, msg: String| {
                let err = syn::Error::new(span, msg);
                match &mut errors {
                    Some(errors) => errors.combine(err),
                    None => errors = Some(err),
                }
            };
            for mention in mentions {
                match mention.kind {
                    // `info!("{name}")`: the string captures the local by
                    // its name, which the machine binds to a reference to
                    // the home wherever the local has a value (the emitter's
                    // `let name = __home_name.place();`), and a reference
                    // formats as the value does.
                    // (Not in a closure kept across an await, which would
                    // hold a borrow of that reference, a local of the step.)
                    MentionKind::Opaque {
                        named: InMacro::Formatted,
                        captured,
                    } if self.body.locals[local].initialized
                        && !(captured && self.held_across_any(mention, homed)) => {}
                    MentionKind::Opaque { captured: true, .. } => report(
                        mention.span,
                        format!(
                            "`{name}` is kept in place (borrowed across an `.await`, or moved before one on some paths only), and #[desugar] cannot rewrite this macro's use of it, which the closure or `async` block around it borrows: give the macro a reference bound before it, `let value = &{name};` (`&mut {name}` where the macro changes it or calls a method taking `&mut self` on it, such as `as_mut()`), name `value` there (`*value` where the macro assigns to it), and make the closure or block `move`, which takes the reference in (a `macro_rules!` of this fn whose rules name `{name}` takes it as an argument instead, `($v:expr) => ..`, given `value`)"
                        ),
                    ),
                    MentionKind::Opaque {
                        named: InMacro::Read,
                        ..
                    } => report(
                        mention.span,
                        format!(
                            "`{name}` is kept in place (borrowed across an `.await`, or moved before one on some paths only), and #[desugar] gives this macro a reference to it under its name, where this string takes `{name}` itself (a width or precision, `{{v:{name}$}}`, or `{{{name}:p}}`): give the string a copy made before the macro, `let copy = {name};`, and name that (`{{v:copy$}}`)"
                        ),
                    ),
                    // A reference bound before the macro is a local of its
                    // own, which the macro reads as written, and which hands
                    // on the borrow of what it points to (see
                    // `through_reference`).
                    MentionKind::Opaque { .. } => report(
                        mention.span,
                        format!(
                            "`{name}` is kept in place (borrowed across an `.await`, or moved before one on some paths only), and #[desugar] cannot rewrite this macro's use of it: give the macro a reference bound before it, `let value = &{name};` (`&mut {name}` where the macro changes it or calls a method taking `&mut self` on it, such as `as_mut()`), and name `value` there (`*value` where the macro assigns to it; a `macro_rules!` of this fn whose rules name `{name}` takes it as an argument instead, `($v:expr) => ..`, given `value`)"
                        ),
                    ),
                    MentionKind::Value if mention.in_awaiting_macro => report(
                        mention.span,
                        format!(
                            "`{name}` is kept in place (borrowed across an `.await`, or moved before one on some paths only), and the `async` block this macro is awaited through cannot take it from there: move it into a new local first (`let owned = {name};`) and give the macro that"
                        ),
                    ),
                    MentionKind::Capture { by_move: true }
                        if !self.body.locals[local].copied_into_moves() =>
                    {
                        report(
                            mention.span,
                            format!(
                                "`{name}` is borrowed across an `.await`, or may have been moved before one, so #[desugar] keeps it in place, and a `move` closure or `async move` block cannot take it from there: move it into a new local just before the closure or block, in the same branch (`let owned = {name};`), and name that"
                            ),
                        )
                    }
                    MentionKind::CapturedPart => report(
                        mention.span,
                        format!(
                            "`{name}` is borrowed across an `.await`, or may have been moved before one, so #[desugar] keeps it in place, and a `move` closure or `async move` block cannot take a field of it from there: bind the field to a new local before the closure (`let field = {name}.field;`), or a field that is not `Copy` with the rest by a pattern that takes the value apart whole (`let Type(field, rest) = {name};`), and name that"
                        ),
                    ),
                    _ => {}
                }
            }
        }
        errors.map_or(Ok(()), Err)
    }
}

/// Can this use take a borrow that outlives the expression, one the
/// local must stay in place for?
///
/// Not a use inside a macro the expansion cannot read (`let key =
/// cache_key!(id);` with `key` used after an await), although the macro's
/// value may borrow the local: kept in place, the local would be named
/// there by a reference to its home, which the macro's tokens cannot be
/// rewritten to read through, so the build would stop for every such
/// macro. Left where it is, the local builds for a macro whose value owns
/// what it holds (a `String`, a number), the everyday kind; for one whose
/// value borrows it, rustc's borrow check of the machine rejects it (E0505,
/// "cannot move out of `id` because it is borrowed", or E0597), never an
/// unsound machine. Inside a closure without `move` the closure borrows
/// the local in any case, and keeps it in place if it lives across an
/// await (where the build stops, saying to make the closure `move`).
fn borrows(kind: MentionKind) -> bool {
    match kind {
        MentionKind::Capture { by_move: true } => false,
        MentionKind::Opaque { captured, .. } => captured,
        kind => kind.may_borrow(),
    }
}
