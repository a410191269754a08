//! The body as the emitter sees it: nested blocks of statements in which every
//! `.await` is a suspension statement of its own, and every statement knows
//! which locals it declares.
//!
//! Statements without an await stay syn statements ([`Stmt::Plain`]): they are
//! printed as the user wrote them. Statements that contain awaits are split
//! into the few shapes the emitter can suspend inside: a suspension
//! ([`Stmt::Await`]), a block, an `if`, a `match` and a `loop` (`while` and
//! `for` are lowered to `loop` first, exactly as rustc lowers them).

use proc_macro2::Span;

/// Index into [`Body::locals`].
pub(crate) type LocalId = usize;
/// Index of a suspension point: `Suspend{id}` in the state enum.
pub(crate) type AwaitId = usize;

/// The whole body, with the parameters as the first locals.
pub(crate) struct Body {
    pub locals: Vec<Local>,
    /// The parameters, in declaration order.
    pub params: Vec<LocalId>,
    /// The body; parameters are in scope in all of it.
    pub block: Block,
    /// Every suspension, indexed by [`AwaitId`].
    pub awaits: Vec<AwaitInfo>,
    /// Every use of a local, in the order the emitted code runs them.
    pub mentions: Vec<Mention>,
    /// Every loop's extent in [`Mention::seq`] numbers.
    pub loops: Vec<(u32, u32)>,
    /// Code that may leave the code after it in its block, or a loop's
    /// next iteration (`break`, `continue`, `return`, `?`, a panic, a
    /// macro of the user's): a statement, a condition or a scrutinee that
    /// holds one, at its last [`Mention::seq`] number, with its
    /// [`Mention::path`], and whether it always leaves (`return x;`, a
    /// block ending in `break`) rather than only may (`f()?;`, `if c {
    /// return }`).
    pub jumps: Vec<Jump>,
    /// Runs of code that always reach a jump out of the code after them
    /// (see [`Leaving`]): what they skip never follows them.
    pub leaving: Vec<Leaving>,
    /// Per node of [`Mention::path`], for the branches of an `if` and the
    /// arms of a `match`: the construct and which of its alternatives the
    /// node is. Once one runs, no other of the same construct does.
    pub alternatives: std::collections::HashMap<u32, (u32, u32)>,
    /// Items that stop the build unless the code is Rust 2024, whose order
    /// of dropping a tail's temporaries the machine follows.
    pub edition_check: Option<proc_macro2::TokenStream>,
    /// Constants saying whether an `if let` is in Rust 2024 code (see
    /// `build::lower::rust_2024`), which its `else` reads.
    pub editions: Vec<proc_macro2::TokenStream>,
    /// Per local an `if let`'s `else` starts by dropping in Rust 2024 only
    /// (see [`DroppedBeforeElse`]): its scope there, which ends where the
    /// `else` starts.
    pub dropped_before_else: Vec<Option<DroppedBeforeElse>>,
}

/// See [`Body::jumps`].
#[derive(Clone, Debug)]
pub(crate) struct Jump {
    pub seq: u32,
    pub path: Vec<u32>,
    pub always: bool,
}

/// Statements of one block that always end in a jump: a `return`, or a
/// `break` or `continue` of a loop (or a `break` out of a labeled block)
/// around them, with no other `break`, `continue` or unknown macro among
/// them before it. Whatever runs in them and goes on (not out of the fn,
/// by a `?` or a panic) reaches that jump, so the code the jump skips, from
/// after it to the end of its target, never follows them in one run of
/// that target: an early-exit branch (`if bad { log(req); return
/// reply(400).await; }`, `Some(x) => { drop(p); step(x).await; continue;
/// }`) does not go on to the code after it. (A loop's next iteration,
/// after a `continue`, runs that code again; for a local declared outside
/// the loop, that is `analysis::Facts::same_loop`'s.)
#[derive(Clone, Copy, Debug)]
pub(crate) struct Leaving {
    /// The [`Mention::seq`] before the run's first statement: the run is
    /// numbered after it.
    pub from: u32,
    /// The jump's last [`Mention::seq`]: the run ends there.
    pub jump: u32,
    /// The last [`Mention::seq`] of the jump's target (the loop's or the
    /// labeled block's end; `u32::MAX` for a `return`): nothing numbered
    /// in `jump + 1 ..= until` follows the run.
    pub until: u32,
    /// How many loops inside its target the jump leaves (`continue
    /// 'outer` from an inner loop: 1; a `return`: none, see
    /// [`AwaitInfo::returns_by`]). Resumed at an await in the run, the
    /// machine writes such a loop's later iterations, and the code after
    /// it, unless it sees the await leave it ([`AwaitInfo::leaves_loops`]):
    /// that code must then find the locals it names.
    pub crosses: usize,
}

impl Leaving {
    /// Does code numbered `b` never follow code numbered `a` through this
    /// run (`a` in it, `b` among what its jump skips)?
    pub(crate) fn cuts(&self, a: u32, b: u32) -> bool {
        self.from < a && a <= self.jump && self.jump < b && b <= self.until
    }
}

/// A value of an `if let`'s scrutinee (a temporary, or the value the
/// pattern did not match) that its `else` drops first in Rust 2024, and
/// keeps to the end of the `if let` in Rust 2021 (see
/// `build::lower::drop_before_else_in_2024`).
#[derive(Clone)]
pub(crate) struct DroppedBeforeElse {
    /// The constant that says whether the `if let` is in Rust 2024 code.
    pub rust_2024: syn::Ident,
    /// Where the `else` starts, in [`Mention::seq`] numbers: in Rust 2024
    /// the local's scope ends there.
    pub else_starts: u32,
}

/// A local variable of the body: a parameter, a `let` binding, a pattern
/// binding of a `match` arm, `if let` or `for`, or one the lowering adds.
pub(crate) struct Local {
    /// The user's identifier (with its span), or a hidden one.
    pub ident: syn::Ident,
    /// Bound `mut`: restored as `let mut`.
    pub mutable: bool,
    /// Declared with a value (`let x = v;`), not deferred (`let x;`).
    pub initialized: bool,
    /// The pattern and type of a `let` declaring it without a value
    /// (`let b: u8;`, `let (mask, shift): (u8, u32);`). Declared again on
    /// resuming, it is declared with that type there too, or rustc would
    /// infer one from the code after (`b = 200; b * 2`: an `i32`), or none.
    pub written_type: Option<syn::PatType>,
    /// Visibly has nothing to drop (a `Copy` type or value, a `&mut`): it
    /// needs no drop flag, and is kept across an await only if used after.
    pub copy: bool,
    /// Visibly holds a `&mut` reference (`&mut self`, `x: &mut T`,
    /// `let m = &mut v;`): borrowing through it (`&mut m.field`, a reborrow)
    /// needs a unique path to it, so a homed one is reached mutably.
    pub unique: bool,
    /// An awaited value that its statement moves (`f(a.await, g(&t).await)`):
    /// while a later await of the statement is suspended, it is an operand
    /// of the pending call, which rustc drops before the statement's
    /// temporaries when the future is dropped there.
    pub operand: bool,
    /// Where its scope starts and ends, in [`Mention::seq`] numbers.
    pub scope: (u32, u32),
    /// The standard type it visibly has, if any (see `walk::Standard`).
    pub standard: Option<crate::walk::Standard>,
    /// Visibly a `&mut` ([`Local::unique`]) to a standard type, by its
    /// written type (`slot: &mut Option<Conn>`, `let m: &mut Vec<u8> =
    /// ..;`) or by what it borrows (`let m = &mut best;` with `best`
    /// visibly an `Option`): that type (see `walk::lends_referent`).
    pub referent: Option<crate::walk::Standard>,
    /// Visibly a primitive number, `bool` or `char` (by its type, or made
    /// by arithmetic of such: `let m = n + 1;` with `n: u32`): `Copy`.
    pub number: bool,
    /// May hold a `&mut` its type does not show, by what made it: a binding
    /// of `for c in v.iter_mut()`, of `if let Some(c) = &mut x` or
    /// `v.last_mut()`, of a destructured `&mut self`, a struct built with
    /// `&mut c` (`Tx { conn: &mut c }`), `let slot =
    /// m.entry(k).or_default();`; or by what is done with it: a `&mut`
    /// taken through it though it is not declared `mut` (`&mut *slot`); or
    /// by its type: a `let` whose written type has one inside (`let c:
    /// Option<&mut Node> = ..`), a parameter whose type may (`ctx: Ctx<'_>`,
    /// `v: &mut Vec<&mut T>`). A value moved out of it (`v.pop()`,
    /// `slot.take()`) may hold one too; out of any other `&mut`, not. A
    /// homed one is reached mutably, as `tx.conn.query()` reborrows through
    /// it; one given bare to an awaited call and read after is homed (see
    /// `analysis::lent`).
    pub holds_mut: bool,
    /// Bound, without a type written, from the value of an await whose
    /// operand would give a `&mut` called without `async` (`let conn =
    /// self.ensure().await?;`, `ensure(&mut self) -> Result<&mut Conn,
    /// E>`; see `build::Builder::suspension`): a homed one is reached
    /// mutably, as `conn.write(n)` reborrows `*conn` (E0596 through a
    /// shared reference to the home). Only that of [`Self::holds_mut`]: such
    /// a value is as often a number (`let id = self.next_id().await;`),
    /// which rustc copies where it is given bare to an awaited call, and
    /// keeps by value, in fewer bytes than a home (see `analysis::lent`).
    pub awaited_mut: bool,
    /// Bound whole to a shared reference (`let ids = &self.ids;`, `let r:
    /// &T = ..;`): what a method called through it, a field of it or a
    /// reborrow of it borrows is the referent, not the local, which a value
    /// made through it (`let id = ids.get();`) does not keep in place.
    pub shared_ref: bool,
    /// Visibly a `Box` (`b: Box<T>`, `self: Box<Self>`, `let b =
    /// Box::new(..)`): `*b` read by value moves out of it (or copies a
    /// `Copy` value, leaving a box that has nothing to show when it drops).
    pub boxed: bool,
    /// Visibly an `Option`, a `Result` or a `bool`, by its type or by what
    /// made it (`let mut best = None;`, `let a = v.pop();`): its `map`,
    /// `and_then`, `filter` or `then` runs the closure given at once (see
    /// `walk::eager`).
    pub eager: bool,
    /// Bound whole to a closure written without `async` (`let make = move
    /// || async move { .. };`): the future its call makes cannot borrow
    /// the closure (an `Fn` cannot lend from itself, as an async closure's
    /// future does), only what it captures.
    pub closure: bool,
    /// Visibly a smart pointer (`s: Arc<Service>`, `Rc<T>`, `Box<T>`, `let
    /// s = Arc::clone(&shared);`), which a `move` closure reading a field
    /// through it (`move || s.hits`) captures whole.
    pub pointer: bool,
    /// Bound whole to a guard of the standard library's locks and cells
    /// (`let g = cell.borrow();`, `m.lock().unwrap()`, `let g: Ref<T> =
    /// ..`): a method called on it is the guarded value's, reached through
    /// `Deref` (a guard's own are associated functions, `Ref::map(g, f)`),
    /// so one named like a standard method that takes `self` (`g.ok_or(0)`
    /// on a `Ref<Option<u32>>`) copies the value out and borrows the guard
    /// for the call only.
    pub guard: bool,
    /// A hidden local holding a value a scrutinee makes for the receiver
    /// of a method syntax does not know, whose result is kept too
    /// (`Probe::new("s")` in `match Probe::new("s").label().len()`, see
    /// `build::scrutinee`): kept in place, a method taking `self` cannot
    /// move it out, and the call is checked, as one on a local of the
    /// user's is (see `receiver_check::in_place`).
    pub receiver: bool,
    /// A hidden local holding a pinned value (`rewrite::pinning`): never
    /// moved once pinned, so kept in place wherever an await is in scope.
    pub pinned: bool,
    /// Matched by an `if let` whose pattern takes it whole and whose type
    /// syntax knows has no `Drop` impl (`Entry::Vacant(v)`, `Some(s)`; see
    /// `walk::drop_witness::known_without_drop`): the expansion's own drop
    /// of it where the `else` starts is no use after the match, and the
    /// `if let` may match it in a drop flag's place, out of which the
    /// pattern moves (see `Facts::taken_last`).
    pub matched_without_drop: bool,
    /// Bound whole to the pin of such a hidden local (`let f = pin!(fut);`,
    /// `pin_mut!(fut);`): a `Pin<&mut _>`, which has nothing to drop, as a
    /// `&mut` has not ([`Local::copy`], with [`Local::holds_mut`]: moved,
    /// not copied). Moved on one path only (`let c = if left { a } else {
    /// b };`), it needs no drop flag, and rustc keeps nothing of it.
    pub pin: bool,
    /// Where the twin has ended its storage though its scope in the
    /// expansion goes on, in [`Mention::seq`] numbers, each to the end of
    /// the block that starts there: a temporary a `let … else` extends, in
    /// its `else` (see `rewrite::let_else`), which rustc drops before the
    /// `else` runs, and which the `else`'s code cannot name. No await there
    /// keeps it (it is not in [`AwaitInfo::in_scope`]), and no borrow of it
    /// is alive there (rustc's borrow check of the twin ends them all with
    /// its storage, even a `Copy` value's): a value made there may take its
    /// bytes.
    pub storage_ended: Vec<(u32, u32)>,
    /// For a local the expansion made, how the machine's description shows
    /// it in place of its hidden name (see `build::written`); `None` for
    /// the user's own.
    pub shown: Option<Shown>,
    /// Made by the expansion (a hidden name, see `build::written`): a
    /// temporary it named (`q.pop()` of `if let Some(..) = q.pop()`), not
    /// a local of the user's.
    pub made: bool,
}

/// How the machine's description shows a local the expansion made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// As the user's code that made its value (`Probe::new("t")` for the
    /// temporary of `look(&Probe::new("t")).await`).
    Value(String),
    /// By the name rustc gives it (`iter`, a `for` loop's iterator).
    Name(String),
}

impl Local {
    /// Its home (when homed) is reached through `&mut`, not `&`.
    pub fn reached_mutably(&self) -> bool {
        self.mutable || self.unique || self.holds_mut || self.awaited_mut
    }

    /// Visibly `Copy`, and not a `&mut` (which has nothing to drop, but is
    /// moved, not copied).
    pub fn plain_copy(&self) -> bool {
        self.copy && !self.unique && !self.holds_mut
    }

    /// Homed, can a `move` closure or `async move` block take it? One that
    /// is visibly a number, given its value where it is declared and never
    /// assigned (not `mut`), has that value for its whole scope: a copy of
    /// it taken before the statement that makes the closure is the copy
    /// the closure takes (see `emit::uses`). Any other is taken from its
    /// home, which a copy made early would not follow.
    pub fn copied_into_moves(&self) -> bool {
        self.number && self.initialized && !self.reached_mutably()
    }
}

/// A block: a scope.
#[derive(Default)]
pub(crate) struct Block {
    pub stmts: Vec<Stmt>,
}

pub(crate) enum Stmt {
    /// Brings a parameter into the body, where rustc's lowering does:
    /// parameters and their destructuring `let`s interleave, in order.
    Param(LocalId),
    /// A statement with no await in it, printed as written.
    Plain {
        stmt: syn::Stmt,
        /// Locals this statement declares (a `let`).
        declares: Vec<LocalId>,
    },
    /// A suspension: `let pat = operand.await …;`, `operand.await;`, …
    /// (Boxed: it holds two syn trees, much larger than the other variants.)
    Await(Box<Await>),
    /// `{ … }` or `'label: { … }` holding an await.
    Block {
        label: Option<syn::Label>,
        block: Block,
    },
    /// `if cond { … } else …` holding an await in a branch.
    If(If),
    /// `match scrutinee { arms }` holding an await in an arm.
    Match(Match),
    /// `'label: loop { … }` holding an await (`while` and `for` included).
    Loop {
        label: Option<syn::Label>,
        body: Block,
        /// Where the loop's value goes: its `break`s stay as written, so
        /// that one inside a macro's expansion, which the expansion cannot
        /// see, gives the value too (`found!(i, v)` holding `break v`).
        value: LoopValue,
    },
}

/// Where a loop's value goes.
pub(crate) enum LoopValue {
    /// Nowhere: a statement.
    Discarded,
    /// Into the hidden local declared before it (`let v = loop { … }`):
    /// `__value1 = loop { … };`
    Assigned(syn::Ident),
    /// It finishes the future (the body's tail):
    /// `return Poll::Ready(loop { … });`
    Returned,
}

/// A statement whose first effect is awaiting `operand`.
pub(crate) struct Await {
    pub id: AwaitId,
    /// The expression before `.await`.
    pub operand: syn::Expr,
    /// The statement with the `.await` expression replaced by the awaited
    /// value (`{ __result }`); run after the suspension.
    pub rest: syn::Stmt,
    /// Locals `rest` declares.
    pub declares: Vec<LocalId>,
}

pub(crate) struct If {
    /// The condition, with no await in it.
    pub cond: syn::Expr,
    /// Locals bound by `let` patterns in the condition, in scope in `then`.
    pub binds: Vec<LocalId>,
    pub then: Block,
    pub otherwise: Option<Else>,
}

pub(crate) enum Else {
    Block(Block),
    If(Box<If>),
}

pub(crate) struct Match {
    pub scrutinee: syn::Expr,
    pub arms: Vec<Arm>,
}

pub(crate) struct Arm {
    pub attrs: Vec<syn::Attribute>,
    /// The pattern, with its guard (syn keeps guards in the pattern).
    pub pat: syn::Pat,
    pub binds: Vec<LocalId>,
    pub body: Block,
}

/// What the analysis needs to know about one suspension.
pub(crate) struct AwaitInfo {
    /// Where it happens, in [`Mention::seq`] numbers.
    pub seq: u32,
    /// Locals in scope there, in declaration order.
    pub in_scope: Vec<LocalId>,
    /// The branches, arms and loop bodies around it (see [`Mention::path`]).
    pub path: Vec<u32>,
    /// `operand.await`, for the variant's doc comment.
    pub source: String,
    /// Awaited through an inner `async` block (a macro that awaits in its
    /// own expansion): the doc comment says so.
    pub via_async_block: bool,
    /// How many of the loops around it the rest of its statement always
    /// leaves (`break f(x).await`: 1): no later iteration of those runs
    /// after it.
    pub leaves_loops: usize,
    /// The `return` statement that the code after it always reaches, with
    /// no other jump before (`return f(x).await;`, or `let v = x.await;
    /// log(&v); return v;`), if there is one.
    pub returns_by: Option<ReturnsBy>,
    /// Values its statement holds inside the statement, with how deep
    /// (see `build::nesting`): a machine dropped here drops the deeper
    /// first. The others rank 0.
    pub drop_ranks: Vec<(LocalId, u32)>,
    /// Locals it is inside an arm of a `match` (or the `then` of an `if
    /// let`) on, whose pattern leaves nothing of them to drop: it matches
    /// only such a value (`None =>`), or takes all of it (`Some(s) =>`; see
    /// `walk::patterns::leaves_nothing`). Unless assigned since, such a
    /// local holds nothing rustc would keep there.
    pub emptied: Vec<LocalId>,
    /// Locals it is inside the `then` of an `if let` on (or an arm of a
    /// `match` on) whose pattern takes them by value where the match may
    /// read them in a drop flag's place (`if let Entry::Vacant(v) =
    /// map.entry(k) { v.insert(x.await); }`): matched there, the flag is
    /// cleared where the branch starts (see `walk::drop_flag`), and holds
    /// nothing at the await (see `Facts::cleared_at`).
    pub cleared: Vec<LocalId>,
    /// Locals in scope whose `if let` it is in the `else` of, which starts
    /// by dropping them in Rust 2024 only (see [`Body::dropped_before_else`]):
    /// there, they hold their value in Rust 2021 and none in Rust 2024.
    pub dropped_before_else: Vec<LocalId>,
}

/// See [`AwaitInfo::returns_by`].
#[derive(Clone, Copy)]
pub(crate) struct ReturnsBy {
    /// The last [`Mention::seq`] of the `return`: nothing numbered after it
    /// runs after the await.
    pub seq: u32,
    /// How many loops around the await are inside the block of the
    /// `return` (they may run again before it); the loops around that
    /// block run no later iteration after the await.
    pub loops_inside: usize,
}

/// One use of a local.
pub(crate) struct Mention {
    pub local: LocalId,
    /// Position in the order the emitted code runs: a suspension's operand
    /// comes before the suspension, the rest of its statement after.
    pub seq: u32,
    pub kind: MentionKind,
    /// It may not run every time its statement does (it is in a branch, an
    /// arm, a loop or on the right of `&&`/`||` within the statement).
    pub conditional: bool,
    /// The IR's branches, arms and loop bodies around its statement,
    /// outermost first: a use whose path starts an await's path (and that
    /// is not conditional) runs on every path to that await.
    pub path: Vec<u32>,
    /// The await whose operand holds this mention, if any.
    pub in_operand: Option<AwaitId>,
    /// The locals declared by the `let` whose value holds this mention, or
    /// the pattern bindings of the construct whose head holds it (a `match`
    /// scrutinee, an `if let`, a `for` iterator): whatever may keep a borrow
    /// made here.
    pub holders: Vec<LocalId>,
    pub span: Span,
    /// The expansion's own `drop` of a hidden temporary where its scope ends
    /// (its statement, or an operand of `&&`/`||` in it), as rustc drops
    /// it: no use of its value.
    pub drop: bool,
    /// The parts of the local a pattern destructures, binding by value, with
    /// a struct or variant pattern of a type that may implement `Drop` (see
    /// `walk::drop_witness`); empty for any other use.
    pub destructured: Vec<crate::walk::drop_witness::Witness>,
    /// The receiver of a method named like the standard library's that
    /// take `self` (`bag.count()`), taken for a move (see
    /// `walk::consumes_receiver`): the method's name; or a local closure
    /// called, which the call may move: [`CALLED`].
    pub consumed: Option<String>,
    /// Named inside an awaiting macro's tokens (`join!(a, b)`), which the
    /// expansion awaits through an `async` block and cannot rewrite.
    pub in_awaiting_macro: bool,
    /// The local's name matched (`match`, `if let`, `let`) by patterns that
    /// bind some of its parts by value and leave the rest (`[first, ..]`,
    /// `(a, _)`), which is a read of the place ([`MentionKind::Place`]):
    /// the parts it binds are moved or copied out, and with them what
    /// they borrow (`first` out of `s = v.as_slice()` borrows `v`).
    pub binds_parts: bool,
    /// The receiver of `clone` or `to_vec` (`let copy = parts.clone();`):
    /// borrowed for the call only, but the copy holds whatever borrows the
    /// local holds (`parts: Vec<&str>` split from a text), as a move of
    /// it would hand them on.
    pub copied: bool,
    /// A borrow of what the local, visibly a `&mut` ([`Local::unique`]),
    /// points to, never of the local itself: a place reached through it
    /// (`&*slot`, `&mut slot.conn`, `slot[0]`, `(*slot).as_ref()`), or the
    /// receiver of a method the standard library gives the referent
    /// (`slot.as_mut()`, `slot.get(0)`, `slot.as_ref()` where `slot:
    /// &mut Option<T>`; see `walk::lends_referent`). As for a match that
    /// binds through it ([`Mention::binds_parts`]), such a borrow keeps
    /// the local in place only where the local is kept by value too.
    pub through_referent: bool,
    /// Written `&mut x`: a unique borrow of the local's own place. Of a
    /// local bound to a shared reference, it borrows the local, not the
    /// referent (see [`Local::shared_ref`]): a cursor `let mut cur =
    /// &data[..];` whose `&mut cur` a reader moves on.
    pub borrowed_mut: bool,
    /// In an arm of a `match` on the local whose pattern binds nothing
    /// (`_`, `None`), or in the `else` of an `if let` on it (an `else if
    /// let` on it included): code that runs
    /// only where that construct's patterns did not take the value, which
    /// is still whole there (see `Facts::taken_last`).
    pub untaken: bool,
    /// An assignment that may not run every time its statement does, in a
    /// statement that gives the local a value on every path that goes on
    /// past it (`match r { Ok(q) => c = q, Err(e) => return e }`, also
    /// where an arm awaits before it assigns): where that statement is.
    pub settled: Option<Settled>,
}

/// See [`Mention::settled`].
#[derive(Clone)]
pub(crate) struct Settled {
    /// The last [`Mention::seq`] of the statement; or the one before its
    /// first, where each of its own reads follows an assignment on its
    /// path (`Some(b) => { buf = b; buf.push('+'); }`).
    pub end: u32,
    /// The statement's [`Mention::path`]. A read numbered after `end`
    /// follows an assignment wherever it runs, where it is on this path or
    /// where the code it is reached from is (an await before the statement
    /// and on its path: from there every path that reads the local after
    /// the statement runs it, out of an `if` or a loop around both too).
    pub path: Vec<u32>,
}

/// [`Mention::consumed`] of a local closure called (`log("start")`).
pub(crate) const CALLED: &str = "()";

/// How an expression uses a local, as far as syntax tells.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum MentionKind {
    /// By value: moved, or copied.
    Value,
    /// As a place: borrowed, read through, or compared. `may_move` when the
    /// place may still be moved from (`x.field` by value, `match x`);
    /// `lasting` when the borrow may outlive the expression (`&x`,
    /// `x.iter()`), not when it ends with it (`x == y`, `x.field + 1`, `*x`).
    Place { may_move: bool, lasting: bool },
    /// Matched by value, as a `match` or `if let` scrutinee, by patterns
    /// that take all of it (`Some(p)`, `(a, b)`: moved, or copied), `always`
    /// or on some paths only (`Ok(p)` beside `Err(_)`, an arm whose guard
    /// fails, an `if let` whose pattern does not match), leaving it whole on
    /// the others. `in_place`: the construct can match a drop flag's place
    /// instead (see `walk::drop_flag`): a `match` or an `if let` on the
    /// local's name, that runs once for each time the enclosing statement
    /// runs (not in a loop inside it, nor a `while let`).
    Taken { always: bool, in_place: bool },
    /// Assigned as a whole: `x = value`.
    Assign,
    /// Inside a closure or an async block: captured, by reference or by move.
    Capture { by_move: bool },
    /// A field a `move` closure or `async` block names (`move || x.count`),
    /// which Rust 2021 captures alone, moved or copied: the rest of the
    /// local stays. Neither a move of the local nor a borrow of it; a local
    /// kept with a flag or in place cannot give a part to the closure.
    CapturedPart,
    /// Inside a macro the expansion cannot parse. `captured`: inside a
    /// closure or `async` block without `move` as well, which borrows the
    /// local whatever the macro does with it.
    Opaque { named: InMacro, captured: bool },
}

/// How a macro the expansion cannot parse names a local.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InMacro {
    /// Among its tokens: `length!(data)`.
    Token,
    /// Inside a string, as an argument a format string would capture and
    /// format (`info!("saved {id:?}")`, see `walk::literal_captures`): a
    /// reference to the local formats the same.
    Formatted,
    /// Inside a string, as a width or precision a format string would take
    /// from it (`"{v:w$}"`, a `usize`), or as `"{p:p}"`, which prints the
    /// address a pointer holds: a reference to the local would not do.
    Read,
}

impl MentionKind {
    /// May this use have moved the local (or part of it) away?
    ///
    /// Where syntax cannot tell, this says no: the local is then kept across
    /// the next await, and if it was moved after all, rustc rejects the
    /// expansion (E0382). Saying yes wrongly would drop a live value early.
    /// Method calls are the usual doubt; [`crate::walk`] knows which common
    /// methods consume their receiver.
    pub(crate) fn may_move(self) -> bool {
        match self {
            MentionKind::Value | MentionKind::Taken { .. } => true,
            MentionKind::Capture { by_move } => by_move,
            MentionKind::Place { may_move, .. } => may_move,
            MentionKind::Assign | MentionKind::Opaque { .. } | MentionKind::CapturedPart => false,
        }
    }

    /// Does this use move the whole local away on every path through it: a
    /// use by value, or a match whose patterns take all of it? (A local
    /// kept in place is taken out of its home by such a use.)
    pub(crate) fn moves_whole(self) -> bool {
        matches!(
            self,
            MentionKind::Value | MentionKind::Taken { always: true, .. }
        )
    }

    /// May this use take a borrow of the local that outlives the expression?
    pub(crate) fn may_borrow(self) -> bool {
        match self {
            MentionKind::Value
            | MentionKind::Taken { .. }
            | MentionKind::Assign
            | MentionKind::CapturedPart => false,
            MentionKind::Place { lasting, .. } => lasting,
            MentionKind::Capture { .. } | MentionKind::Opaque { .. } => true,
        }
    }
}

impl Stmt {
    /// Does this statement hold suspension `k`, at any depth?
    pub(crate) fn holds(&self, k: AwaitId) -> bool {
        match self {
            Stmt::Plain { .. } | Stmt::Param(_) => false,
            Stmt::Await(suspension) => suspension.id == k,
            Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => block.holds(k),
            Stmt::If(node) => node.holds(k),
            Stmt::Match(node) => node.arms.iter().any(|arm| arm.body.holds(k)),
        }
    }
}

impl If {
    /// The blocks of the whole chain, in order: each link's `then`, and
    /// the last `else` if there is one.
    pub(crate) fn blocks(&self) -> Vec<&Block> {
        let mut blocks = vec![&self.then];
        match &self.otherwise {
            Some(Else::Block(block)) => blocks.push(block),
            Some(Else::If(inner)) => blocks.extend(inner.blocks()),
            None => {}
        }
        blocks
    }
}

impl Block {
    /// How many loops inside this block are around suspension `k`.
    pub(crate) fn loops_around(&self, k: AwaitId) -> usize {
        let Some(stmt) = self.stmts.iter().find(|stmt| stmt.holds(k)) else {
            return 0;
        };
        match stmt {
            Stmt::Loop { body, .. } => 1 + body.loops_around(k),
            Stmt::Block { block, .. } => block.loops_around(k),
            Stmt::If(node) => {
                let mut node = node;
                loop {
                    if node.then.holds(k) {
                        return node.then.loops_around(k);
                    }
                    match &node.otherwise {
                        Some(Else::Block(block)) => return block.loops_around(k),
                        Some(Else::If(inner)) => node = inner,
                        None => return 0,
                    }
                }
            }
            Stmt::Match(node) => node
                .arms
                .iter()
                .find(|arm| arm.body.holds(k))
                .map_or(0, |arm| arm.body.loops_around(k)),
            Stmt::Await(_) | Stmt::Plain { .. } | Stmt::Param(_) => 0,
        }
    }

    /// Does one of this block's statements hold suspension `k`?
    pub(crate) fn holds(&self, k: AwaitId) -> bool {
        self.stmts.iter().any(|stmt| stmt.holds(k))
    }
}

impl If {
    /// Does a branch of this `if` (or of its `else if`s) hold suspension `k`?
    pub(crate) fn holds(&self, k: AwaitId) -> bool {
        self.then.holds(k)
            || match &self.otherwise {
                None => false,
                Some(Else::Block(block)) => block.holds(k),
                Some(Else::If(inner)) => inner.holds(k),
            }
    }
}
