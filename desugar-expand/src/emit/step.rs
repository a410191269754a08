//! The step closure's `match` arms: `Unresumed` runs the body from the start,
//! `SuspendN` polls its awaited future and, once it is ready, runs the rest of
//! the body from that await on.
//!
//! Resuming inside nested code re-enters it structurally. For an await in a
//! loop body, the arm reads:
//!
//! ```text
//! let x = __saved_x;                    // locals declared before the loop
//! let mut __resume = true;
//! 'label: loop {
//!     if ::core::mem::take(&mut __resume) {
//!         { let y = __saved_y; <rest of the iteration after the await> }
//!     } else {
//!         { <the whole loop body> }
//!     }
//! }
//! <the statements after the loop>
//! ```
//!
//! so `break` and `continue` keep their meaning, and every local is declared
//! in the scope where the user declared it (which keeps rustc's drop order).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};

mod rest_for_types;

use super::copies::CopiesPlan;
use super::divergence;
use super::layout::{Layout, release_held, state_names};
use super::scan::{declared_by, declared_in, deferred_names, is_item, items};
use super::uses;
use crate::analysis::Decisions;
use crate::build::receiver_check;
use crate::ir::{Await, AwaitId, Block, Body, Else, If, LocalId, LoopValue, Stmt};
use crate::names;
use crate::walk::drop_witness::{self, Left};
use crate::walk::mentions;
use crate::walk::{self, Scope};

/// The label of the loop around the dispatch `match`.
pub(crate) fn dispatch_label() -> syn::Lifetime {
    syn::Lifetime {
        apostrophe: proc_macro2::Span::mixed_site(),
        ident: names::hidden("__dispatch"),
    }
}

/// Where each arm of the dispatch `match` can go: the suspensions it may
/// reach, and whether it may finish the future.
#[derive(Default)]
pub(crate) struct Transitions {
    pub to: Vec<AwaitId>,
    pub returns: bool,
}

/// All arms of the dispatch `match`, and their transitions (`Unresumed`'s
/// first, then `SuspendN`'s). Written twice when an await whose future is a
/// type of its own (an `async` block) turns out to be written more than
/// once: the second time each copy's future goes into its own variant (see
/// `copies`).
pub(crate) fn arms(body: &Body, decisions: &Decisions, layout: &Layout) -> Arms {
    let (arms, typed_copies) = arms_with(body, decisions, layout, &CopiesPlan::default());
    let count = |value: TypedValue| {
        typed_copies
            .iter()
            .filter(|(other, _)| *other == value)
            .count()
    };
    let mut repeated: Vec<(AwaitId, usize)> = Vec::new();
    for &(value, _) in &typed_copies {
        let k = match value {
            TypedValue::Awaitee(k) => k,
            // Each copy of the await names its own copy of the local's
            // value, where the `let` is written as often.
            TypedValue::AwaiteeOf(k, local) if count(TypedValue::Local(local)) > 1 => k,
            TypedValue::AwaiteeOf(..) | TypedValue::Local(_) => continue,
        };
        if !repeated.iter().any(|&(seen, _)| seen == k) && count(value) > 1 {
            repeated.push((k, count(value)));
        }
    }
    let blocks: Vec<(LocalId, usize)> = moved_blocks(body)
        .into_iter()
        .map(|local| (local, count(TypedValue::Local(local))))
        .filter(|&(_, count)| count > 1)
        .collect();
    let (arms, typed_copies) = if repeated.is_empty() && blocks.is_empty() {
        (arms, typed_copies)
    } else {
        arms_with(
            body,
            decisions,
            layout,
            &CopiesPlan::new(&repeated, &blocks),
        )
    };
    Arms {
        error: duplicated_types(&typed_copies, body, decisions),
        ..arms
    }
}

/// The arms, and each typed value they write (see [`duplicated_types`]).
fn arms_with(
    body: &Body,
    decisions: &Decisions,
    layout: &Layout,
    copies: &CopiesPlan,
) -> (Arms, Vec<(TypedValue, Span)>) {
    let mut arms = TokenStream::new();
    let mut transitions = Vec::new();
    let mut typed_copies: Vec<(TypedValue, proc_macro2::Span)> = Vec::new();
    let mut ties: Vec<LocalId> = Vec::new();
    let mut drop_checks: Vec<(LocalId, TokenStream)> = Vec::new();
    let (state, proj, replace) = state_names();
    let private = names::private();
    let state_var = names::hidden("__state");

    // Unresumed: take the arguments, run the body. What a state keeps is
    // taken with a `let .. else`, whose `else` is one call: rustc checks and
    // lowers less than for a `match` that rebuilds the values as a tuple,
    // with an `unreachable!()` to expand in its other arm (BENCHMARKS.md,
    // "Build time").
    // Before: `let (__saved_x,) = match __state.as_mut().project_replace(__State::Panicked) {
    //              __StateReplace::Unresumed { x: __saved_x, .. } => (__saved_x,),
    //              _ => ::core::unreachable!(),
    //          };`
    // After:  `let __StateReplace::Unresumed { x: __saved_x, .. } =
    //              __state.as_mut().project_replace(__State::Panicked)
    //          else { ::desugar::__private::unreachable_state() };`
    let params = layout.params();
    let fields: Vec<&syn::Ident> = params.iter().map(|&l| layout.field(l)).collect();
    let saved: Vec<syn::Ident> = params.iter().map(|&l| saved_name(layout, l)).collect();
    let mut emit = Emit::new(body, decisions, layout, copies, None);
    emit.scopes.push(Vec::new());
    let body_tokens = emit.stmts(&body.block.stmts);
    transitions.push(emit.transitions);
    typed_copies.extend(emit.typed_copies);
    ties.extend(emit.ties);
    drop_checks.extend(emit.drop_checks);
    arms.extend(quote! {
        #proj::Unresumed { .. } => {
            let #replace::Unresumed { #(#fields: #saved,)* .. } =
                #state_var.as_mut().project_replace(#state::Panicked)
            else {
                #private::unreachable_state()
            };
            #body_tokens
        }
    });

    // SuspendN: poll the awaited future in place; when it is ready, take the
    // kept locals out and run the rest of the body.
    let result = names::hidden("__result");
    let value = names::hidden("__value");
    let awaitee = names::hidden("__awaitee");
    let cx = names::hidden("__cx");
    for k in 0..body.awaits.len() {
        let variant = format_ident!("Suspend{k}");
        let kept: Vec<LocalId> = layout.variant_fields(k).collect();
        let fields: Vec<&syn::Ident> = kept.iter().map(|&l| layout.field(l)).collect();
        let saved: Vec<syn::Ident> = kept.iter().map(|&l| saved_name(layout, l)).collect();
        let mut emit = Emit::new(body, decisions, layout, copies, Some(k));
        emit.scopes.push(Vec::new());
        let resumed = emit.resume_stmts(&body.block.stmts, k).unwrap_or_default();
        transitions.push(emit.transitions);
        typed_copies.extend(emit.typed_copies);
        ties.extend(emit.ties);
        drop_checks.extend(emit.drop_checks);
        if layout.places(k) {
            // The values kept in place stay in the variant: only what was
            // written in at the suspension is taken out, and the machine
            // stays in this state until they are gone.
            let held = names::hidden("__held");
            let later: Vec<syn::Ident> = kept.iter().map(|&l| layout.later_field(l)).collect();
            let release = release_held(&saved);
            arms.extend(quote! {
                #proj::#variant { #held: true, #awaitee, .. } => {
                    let #result = match #private::Future::poll(
                        // SAFETY: `__held` is set, so the future was written
                        // here and not dropped since.
                        unsafe { #private::Later::pinned(#awaitee) },
                        #cx,
                    ) {
                        #private::Poll::Ready(#value) => #value,
                        #private::Poll::Pending => return #private::Poll::Pending,
                    };
                    let (#(#saved,)*) = match #state_var.as_mut().project() {
                        #proj::#variant { #held, #awaitee, #(#later: #saved,)* .. } => {
                            *#held = false;
                            #release
                        }
                        _ => #private::unreachable_state(),
                    };
                            #resumed
                }
                // Entered but not suspended in: only while the body runs.
                #proj::#variant { .. } => #private::unreachable_state(),
            });
            continue;
        }
        // The future is held in an `Awaited` (see `Layout::state_items`).
        // Before: `Future::poll(__awaitee, __cx)`
        // After:  `Future::poll(::desugar::__private::Awaited::pinned(__awaitee), __cx)`
        let polled = quote!(#private::Awaited::pinned(#awaitee));
        arms.extend(quote! {
            #proj::#variant { #awaitee, .. } => {
                let #result = match #private::Future::poll(#polled, #cx) {
                    #private::Poll::Ready(#value) => #value,
                    #private::Poll::Pending => return #private::Poll::Pending,
                };
                let #replace::#variant { #(#fields: #saved,)* .. } =
                    #state_var.as_mut().project_replace(#state::Panicked)
                else {
                    #private::unreachable_state()
                };
                    #resumed
            }
        });
    }
    arms.extend(quote! {
        #proj::Returned => #private::resumed_after_completion(),
        #proj::Panicked => #private::resumed_after_panicking(),
    });
    ties.sort_unstable();
    ties.dedup();
    // A tie written into code the arms then left out (what follows a
    // statement that always suspends) leaves its marker with nothing to
    // infer its type from (E0282 at `#[desugar]`): only the markers the
    // arms use are declared.
    ties.retain(|&local| crate::walk::mentions(&arms, &type_tie(local).to_string()));
    // Each local's checks once (an arm that declares it again writes the
    // same), and only where its marker is declared.
    drop_checks.sort_by_key(|(local, _)| *local);
    drop_checks.dedup_by_key(|(local, _)| *local);
    drop_checks.retain(|(local, _)| ties.contains(local));
    let arms = Arms {
        tokens: arms,
        transitions,
        error: None,
        ties,
        drop_checks: match drop_checks.is_empty() {
            true => TokenStream::new(),
            // After the dispatch loop, which never ends: never run, and
            // read by rustc after all of the arms. A statement, so the
            // closure's block still has no tail but the loop's `!`.
            false => {
                let checks = drop_checks.into_iter().map(|(_, check)| check);
                quote!({ #(#checks)* };)
            }
        },
    };
    (arms, typed_copies)
}

/// The poll closure's arms, and what the machine needs around them.
pub(crate) struct Arms {
    pub(crate) tokens: TokenStream,
    pub(crate) transitions: Vec<Transitions>,
    /// A closure or `async` block written more than once.
    pub(crate) error: Option<syn::Error>,
    /// The locals whose type marker ([`type_tie`]) the arms use.
    pub(crate) ties: Vec<LocalId>,
    /// The `Drop` checks of destructured locals, asked of their markers
    /// (see [`Emit::no_drop_impl`]): written after the arms.
    pub(crate) drop_checks: TokenStream,
}

/// A value whose type is its place in the source: an awaited expression or
/// a `let` that builds a closure or an `async` block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TypedValue {
    Awaitee(AwaitId),
    Local(LocalId),
    /// An awaited expression that names such a local (`f.await`,
    /// `make().await`): its future may be of the local's type.
    AwaiteeOf(AwaitId, LocalId),
}

/// Each copy of a closure or `async` block is a type of its own; code the
/// expansion writes more than once (an enclosing loop, resumed; the code
/// after a branch that awaits) makes two types for one field of the state.
/// A kept local that holds one is an error; an awaited future is wrapped
/// per copy instead (see `copies`).
fn duplicated_types(
    copies: &[(TypedValue, proc_macro2::Span)],
    body: &Body,
    decisions: &Decisions,
) -> Option<syn::Error> {
    let mut errors: Option<syn::Error> = None;
    let mut reported = Vec::new();
    for &(value, span) in copies {
        let count = copies.iter().filter(|(other, _)| *other == value).count();
        let stored = match value {
            TypedValue::Awaitee(_) | TypedValue::AwaiteeOf(..) => false,
            TypedValue::Local(local) => decisions.kept.iter().any(|kept| kept.contains(&local)),
        };
        if count < 2 || !stored || reported.contains(&value) {
            continue;
        }
        reported.push(value);
        let err = if let TypedValue::Local(local) = value
            && is_for_iterator(&body.locals[local].ident)
        {
            syn::Error::new(
                span,
                "#[desugar] cannot keep this closure across an await here: it is part of a `for` loop's iterable, kept across \
                 the loop body's awaits, and the expansion writes that loop more than once (it runs again when the machine \
                 resumes inside an enclosing loop, or after a branch that awaits), where each copy of a closure is a type of \
                 its own. Bind the closure with `let` before the outer loop, its parameters' types written (`let keep = \
                 |w: &&str| !w.is_empty();`), and give the iterable a borrow of it (`.filter(&keep)`)",
            )
        } else {
            syn::Error::new(
                span,
                "#[desugar] cannot keep this closure or `async` block across an await here: the expansion writes this code more than once \
             (it runs again when the machine resumes inside an enclosing loop, or after a branch that awaits), and each copy of a closure or \
             `async` block is a type of its own. Create it once, before the loop or branch (`let task = async { .. };`), \
             or await the whole loop inside an `async` block. Where it is kept only because a value its call gives lives \
             across the await, write that value's type, which then holds no borrow of it (`let w: usize = weight(2);`)",
            )
        };
        match &mut errors {
            Some(errors) => errors.combine(err),
            None => errors = Some(err),
        }
    }
    errors
}

/// The hidden local a `for` loop's iterator is kept in (see
/// `build::lower`'s `for_construct`).
fn is_for_iterator(ident: &syn::Ident) -> bool {
    ident.to_string().starts_with("__iter")
}

/// Where the first closure or `async` block `stmt` builds is written.
fn first_closure(stmt: &syn::Stmt) -> Option<proc_macro2::Span> {
    struct Finder(Option<proc_macro2::Span>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
            self.0 = self.0.or(Some(syn::spanned::Spanned::span(closure)));
        }
        fn visit_expr_async(&mut self, block: &'ast syn::ExprAsync) {
            self.0 = self.0.or(Some(syn::spanned::Spanned::span(block)));
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(None);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}

/// Does the statement's value hold a closure or an `async` block it builds
/// (not inside a nested item)? Awaiting macros are awaited through one. A
/// value made by a method that consumes its closures holds none, wherever
/// the call sits in the statement (`v.iter().fold(0, |a, b| a + b)`,
/// `1 + v.iter().map(|x| x * 2).sum::<u32>()`); nor does the `else` of a
/// `let … else`, which never gives the local a value. Nor does a value
/// whose type is written out, by the `let` (`let t: BoxFuture = ..`, no
/// `_` or `impl` in it) or by a cast (`Box::pin(async { .. }) as BoxFuture`):
/// every copy has that type. Nor does the value of a method that runs its
/// closure at once, on a value visibly an `Option`, a `Result` or a `bool`
/// (`v.pop().map(|p| p + 1)`, `best.and_then(f)`, `(n > 0).then(|| n)`; see
/// `walk::eager`), where `eager` answers for a local's name; the same
/// method of an iterator keeps it (`v.iter().map(|p| p + 1)`).
fn builds_typed_value(stmt: &syn::Stmt, eager: &dyn Fn(&syn::Expr) -> bool) -> bool {
    struct Finder<'a>(bool, &'a dyn Fn(&syn::Expr) -> bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_expr_cast(&mut self, _: &'ast syn::ExprCast) {}
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {
            self.0 = true;
        }
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            if consumes_closures(&call.method) {
                return;
            }
            if !(walk::eager::runs_closure_at_once(&call.method)
                && walk::eager::is_eager_value(&call.receiver, self.1))
            {
                return syn::visit::visit_expr_method_call(self, call);
            }
            // The receiver may build one (`Some(|x| x)`), and so may what
            // the closure gives (`o.map(|p| move || p)`).
            self.visit_expr(&call.receiver);
            for arg in &call.args {
                match arg {
                    syn::Expr::Closure(closure) => self.visit_expr(&closure.body),
                    arg => self.visit_expr(arg),
                }
            }
        }
        // `r.map_err(|e| e.to_string())?` (a `match` on `Branch::branch`
        // here): what `?` gives is the receiver's own `Ok` value, through
        // a chain of such calls too. Whatever else has a `map_err` (a
        // `TryFuture`'s keeps the closure) gives nothing `?` takes.
        fn visit_expr_match(&mut self, e: &'ast syn::ExprMatch) {
            let Some(mut tried) = crate::build::tried(e) else {
                return syn::visit::visit_expr_match(self, e);
            };
            while let syn::Expr::MethodCall(call) = tried
                && maps_the_error(&call.method)
            {
                tried = &call.receiver;
            }
            syn::visit::Visit::visit_expr(self, tried);
            e.arms.iter().for_each(|arm| self.visit_arm(arm));
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            match receiver_check::checked_receiver(call) {
                Some(receiver) => syn::visit::Visit::visit_expr(self, receiver),
                None => syn::visit::visit_expr_call(self, call),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false, eager);
    match stmt {
        syn::Stmt::Local(syn::Local {
            pat: syn::Pat::Type(typed),
            ..
        }) if names_its_type(&typed.ty) => {}
        syn::Stmt::Local(local) => {
            if let Some(init) = &local.init {
                syn::visit::Visit::visit_expr(&mut finder, &init.expr);
            }
        }
        _ => syn::visit::Visit::visit_stmt(&mut finder, stmt),
    }
    finder.0
}

/// Does `operand` call a macro of the user's own (`yield_now!()`), which
/// may expand to a closure or an `async` block out of sight? Awaited, its
/// future is wrapped per copy as a visible one is: a future of one type in
/// every copy costs the wrapper's tag alone.
fn calls_own_macro(operand: &syn::Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.0 |= crate::walk::is_own_macro(mac);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, operand);
    finder.0
}

/// The locals a `let` that builds a closure or an `async` block declares
/// (see [`builds_typed_value`]), anywhere in the body.
pub(super) fn closure_locals(body: &Body) -> Vec<LocalId> {
    fn lets(block: &crate::ir::Block, eager: &dyn Fn(&syn::Expr) -> bool, out: &mut Vec<LocalId>) {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Plain { stmt, declares } => {
                    if matches!(stmt, syn::Stmt::Local(_)) && builds_typed_value(stmt, eager) {
                        out.extend(declares.iter().copied());
                    }
                }
                Stmt::Await(suspension) => {
                    if matches!(suspension.rest, syn::Stmt::Local(_))
                        && builds_typed_value(&suspension.rest, eager)
                    {
                        out.extend(suspension.declares.iter().copied());
                    }
                }
                Stmt::Param(_) => {}
                Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => {
                    lets(block, eager, out);
                }
                Stmt::If(node) => {
                    for block in node.blocks() {
                        lets(block, eager, out);
                    }
                }
                Stmt::Match(node) => {
                    for arm in &node.arms {
                        lets(&arm.body, eager, out);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    lets(&body.block, &eager_local(body), &mut out);
    out
}

/// Does `expr` name a local that is visibly an `Option`, a `Result` or a
/// `bool` (see `ir::Local::eager`)? Read by name, every local of the body
/// so named must be one.
pub(super) fn eager_local(body: &Body) -> impl Fn(&syn::Expr) -> bool + '_ {
    |expr| {
        let syn::Expr::Path(path) = expr else {
            return false;
        };
        let Some(ident) = path.path.get_ident() else {
            return false;
        };
        let mut named = body
            .locals
            .iter()
            .filter(|local| local.ident == *ident)
            .peekable();
        named.peek().is_some() && named.all(|local| local.eager)
    }
}

/// The locals a `let` binds an `async` block to (`let job = async { ..
/// };`, no type written) that a `let` then moves into its own value, by
/// value and not awaited there (`let boxed = Box::pin(job);`, `let race =
/// Select(Box::pin(job), tick);`, `let job = Box::pin(job);`): where that
/// code is written more than once, each block is wrapped where it is made
/// (see [`CopiesPlan::wrap_block`]).
///
/// Not one moved only into values that are a type of their own in each
/// copy anyway (`let race = Select(Box::pin(job), Box::pin(async { ..
/// }));`, see [`builds_typed_value`]): the await of such a value wraps it
/// whole (see [`TypedValue::AwaiteeOf`]), and the block's wrapper, whose
/// copies would then never meet in one type, would leave its other copies'
/// types to infer from nothing (E0282).
fn moved_blocks(body: &Body) -> Vec<LocalId> {
    fn lets(
        block: &crate::ir::Block,
        eager: &dyn Fn(&syn::Expr) -> bool,
        out: &mut Vec<LocalId>,
        typed: &mut Vec<LocalId>,
    ) {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Plain {
                    stmt: stmt @ syn::Stmt::Local(local),
                    declares,
                } => {
                    if builds_typed_value(stmt, eager) {
                        typed.extend(declares.iter().copied());
                    }
                    if let [declared] = declares[..]
                        && let syn::Pat::Ident(syn::PatIdent {
                            by_ref: None,
                            subpat: None,
                            ..
                        }) = &local.pat
                        && let Some(init) = &local.init
                        && init.diverge.is_none()
                        && is_async_block(&init.expr)
                    {
                        out.push(declared);
                    }
                }
                Stmt::Plain { .. } | Stmt::Await(_) | Stmt::Param(_) => {}
                Stmt::Block { block, .. } | Stmt::Loop { body: block, .. } => {
                    lets(block, eager, out, typed);
                }
                Stmt::If(node) => {
                    for block in node.blocks() {
                        lets(block, eager, out, typed);
                    }
                }
                Stmt::Match(node) => {
                    for arm in &node.arms {
                        lets(&arm.body, eager, out, typed);
                    }
                }
            }
        }
    }
    let mut blocks = Vec::new();
    let mut typed = Vec::new();
    lets(&body.block, &eager_local(body), &mut blocks, &mut typed);
    blocks.retain(|&local| {
        body.mentions.iter().any(|m| {
            m.local == local
                && m.kind.moves_whole()
                && m.consumed.as_deref() != Some(crate::ir::CALLED)
                && m.in_operand.is_none()
                && m.holders.iter().any(|&h| h != local && !typed.contains(&h))
        })
    });
    blocks
}

/// `async { .. }`, in parentheses or not.
fn is_async_block(expr: &syn::Expr) -> bool {
    match expr {
        syn::Expr::Async(_) => true,
        syn::Expr::Paren(syn::ExprParen { expr, .. })
        | syn::Expr::Group(syn::ExprGroup { expr, .. }) => is_async_block(expr),
        _ => false,
    }
}

/// A type written out in full: no `_` and no `impl Trait` in it.
fn names_its_type(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_infer(&mut self, _: &'ast syn::TypeInfer) {
            self.0 = false;
        }
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = false;
        }
    }
    let mut finder = Finder(true);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

/// `Result`'s methods whose closures see the error alone, or the value
/// without changing it, so that the value left after `?` is the
/// receiver's.
fn maps_the_error(method: &syn::Ident) -> bool {
    ["map_err", "or_else", "inspect", "inspect_err"].contains(&method.to_string().as_str())
}

/// Methods of the standard library that run the closures given to them (or
/// to the iterator adapters before them) and return a value made by them,
/// never the closures themselves.
fn consumes_closures(method: &syn::Ident) -> bool {
    const CONSUMING: &[&str] = &[
        "fold",
        "try_fold",
        "for_each",
        "try_for_each",
        "collect",
        "sum",
        "product",
        "count",
        "any",
        "all",
        "position",
        "rposition",
        "find",
        "find_map",
        "max_by",
        "min_by",
        "max_by_key",
        "min_by_key",
        "last",
        // An `Option`'s or `Result`'s `map` runs its closure at once:
        // `o.map(|q| q + 1).unwrap_or(0)` is the closure's value.
        "unwrap",
        "expect",
        "unwrap_or",
        "unwrap_or_default",
        "unwrap_or_else",
        "map_or",
        "map_or_else",
        "is_some_and",
        "is_ok_and",
        "is_none_or",
        "ok_or_else",
        "get_or_insert_with",
        "get_or_init",
        "or_insert_with",
        "or_insert_with_key",
        "and_modify",
        "retain",
        "retain_mut",
        "sort_by",
        "sort_by_key",
        "sort_by_cached_key",
        "sort_unstable_by",
        "sort_unstable_by_key",
        "dedup_by",
        "dedup_by_key",
        "binary_search_by",
        "binary_search_by_key",
        "partition_point",
        "partition",
        "reduce",
    ];
    CONSUMING.contains(&method.to_string().as_str())
}

/// The marker [`Emit::type_tied`]'s ties use for `local` (and
/// [`Emit::value_marker`]'s): a `PhantomData` declared at the top of the
/// poll closure, before the arms, whose type they infer together.
pub(crate) fn type_tie(local: LocalId) -> syn::Ident {
    names::hidden(&format!("__type{local}"))
}

/// The hidden local a kept value is taken out into.
fn saved_name(layout: &Layout, local: LocalId) -> syn::Ident {
    names::hidden(&format!("__saved_{}", layout.field(local)))
}

struct Emit<'a> {
    body: &'a Body,
    decisions: &'a Decisions,
    layout: &'a Layout,
    /// The awaits whose future each copy wraps in its own variant.
    copies: &'a CopiesPlan,
    /// The suspension this arm resumes from (`None` for `Unresumed`).
    resuming: Option<AwaitId>,
    scopes: Vec<Vec<(String, LocalId)>>,
    /// Kept locals restored inside a resumed loop: their saved values are
    /// wrapped in `Option`, since rustc cannot see that the resumed
    /// iteration runs once.
    in_option: Vec<LocalId>,
    /// The awaited value is resumed inside a loop: it is wrapped in `Option`
    /// for the same reason.
    result_in_option: bool,
    /// What the emitted arm can reach.
    transitions: Transitions,
    /// Whether the code just resumed can run to its end (not always
    /// suspending again before it).
    falls_through: bool,
    /// Each awaited expression and each closure-building `let` this arm
    /// writes, to find the ones written more than once.
    typed_copies: Vec<(TypedValue, proc_macro2::Span)>,
    /// The locals whose marker this arm uses: declared without a value
    /// and assigned (each assignment ties the local's type to its marker,
    /// see [`Emit::type_tied`]), or declared again after an await (see
    /// [`Emit::value_marker`]).
    ties: Vec<LocalId>,
    /// The `Drop` checks of the locals patterns destructure (see
    /// [`Emit::no_drop_impl`]), asked of their markers after the arms.
    drop_checks: Vec<(LocalId, TokenStream)>,
    /// Blocks entered below the arm's own statements.
    depth: usize,
    /// Writing the code after a suspension that never runs (see
    /// `rest_for_types`), and whether it had to stop.
    reading_ahead: bool,
    stopped: bool,
}

impl<'a> Emit<'a> {
    fn new(
        body: &'a Body,
        decisions: &'a Decisions,
        layout: &'a Layout,
        copies: &'a CopiesPlan,
        resuming: Option<AwaitId>,
    ) -> Self {
        Emit {
            body,
            decisions,
            layout,
            copies,
            resuming,
            scopes: Vec::new(),
            in_option: Vec::new(),
            result_in_option: false,
            transitions: Transitions::default(),
            falls_through: true,
            typed_copies: Vec::new(),
            ties: Vec::new(),
            drop_checks: Vec::new(),
            depth: 0,
            reading_ahead: false,
            stopped: false,
        }
    }

    fn scope(&self) -> Scope {
        let mut map = Scope::new();
        for (name, id) in self.scopes.iter().flatten() {
            map.insert(name.clone(), *id);
        }
        map
    }

    /// The name the expansion binds a local by: the user's, or the hidden
    /// one of a renamed local.
    fn name(&self, local: LocalId) -> syn::Ident {
        self.layout
            .renamed(local)
            .unwrap_or(&self.body.locals[local].ident)
            .clone()
    }

    fn bind(&mut self, local: LocalId) {
        let name = self.body.locals[local].ident.to_string();
        if let Some(scope) = self.scopes.last_mut() {
            scope.push((name, local));
        }
    }

    /// Declares a local that the user's code just bound; a homed one moves
    /// into its slot at once, and its name becomes a reference to it there.
    fn declared(&mut self, local: LocalId) -> TokenStream {
        let check = self.no_drop_impl(local);
        let captured = self.no_pointer_captured(local);
        // Under the user's name, before a renamed local moves to its own.
        let ident = self.body.locals[local].ident.clone();
        let tie = self.value_type_tied(local, &ident);
        let declared = self.declared_unchecked(local);
        quote!(#check #captured #tie #declared)
    }

    /// For a local patterns destructure that may only copy the fields of
    /// its parts: stops the build at a part whose type has a `Drop` impl
    /// (see `__private::destructured` and `walk::drop_witness`).
    ///
    /// The question is asked of the local's type, not of the local: where
    /// it is declared, its type is tied to its marker (see [`type_tie`]),
    /// and the checks ask about a value of the marker's type after the
    /// arms, once rustc has read all of the body. Asked where it is
    /// declared, a type that a later assignment gives (`let mut failed =
    /// None; .. failed = Some(e);`) was still unknown, and method
    /// resolution took it for one with a `Drop` impl (a false error, and
    /// "`DbError: Drop` is not satisfied" beside it).
    ///
    /// Before: `let pair = (Token { id: 1 }, 2); let (Token { id }, n) = pair; f().await;`
    /// After:  `let pair = (Token { id: 1 }, 2); if false { loop {} same_type(&pair, __type3); }` ...
    ///         and after the arms:
    ///         `{ use ..; match &value_of(__type3) { (__part, _) => taken_whole((&&Destructured(__part)).kind()), _ => {} } }`
    ///
    /// (the whole local, `let Token { id } = token;`, is asked about
    /// directly: `taken_whole((&&Destructured(&value_of(__type3))).kind())`).
    fn no_drop_impl(&mut self, local: LocalId) -> TokenStream {
        let info = &self.body.locals[local];
        let parts = self.layout.destructured(local);
        if parts.is_empty() || !info.initialized {
            return TokenStream::new();
        }
        let private = names::private();
        let ident = &info.ident;
        let marker = type_tie(local);
        let value = quote!(#private::value_of(#marker));
        let checks = parts.iter().map(|part| {
            let check = |value: TokenStream| {
                let accept = match part.left {
                    Left::Fields => quote!(taken_whole),
                    Left::Path => quote!(left_in_value),
                    Left::Local => quote!(left_in_local),
                };
                quote::quote_spanned! {part.at=>
                    #private::#accept((&&#private::Destructured(#value)).kind())
                }
            };
            if part.is_whole() {
                let check = check(quote!(&#value));
                return quote!(#check;);
            }
            let name = drop_witness::part();
            let check = check(quote!(#name));
            let pat = &part.pat;
            quote! {
                match &#value {
                    #pat => #check,
                    #[allow(unreachable_patterns)]
                    _ => {}
                }
            }
        });
        let checks = quote!({
            use #private::{ViaDrop as _, ViaFields as _};
            #(#checks)*
        });
        self.drop_checks.push((local, checks));
        self.ties.push(local);
        quote!(if false { loop {} #private::same_type(&#ident, #marker); })
    }

    /// For a local a `move` closure or `async` block captures a field of,
    /// and that is kept after: stops the build at the field if the local is
    /// a smart pointer, which the closure takes whole (see
    /// `__private::captured_part`).
    ///
    /// Before: `let me = shared.clone(); let f = move || me.hits; x.await;`
    /// After:  `let me = shared.clone(); { use ..; part_captured((&&&CapturedPart(&me)).captured()); } ..`
    fn no_pointer_captured(&self, local: LocalId) -> TokenStream {
        let info = &self.body.locals[local];
        let parts = self.layout.captured_parts(local);
        if parts.is_empty() || !info.initialized {
            return TokenStream::new();
        }
        let private = names::private();
        let ident = &info.ident;
        let checks = parts.iter().map(|&at| {
            quote::quote_spanned! {at=>
                #private::part_captured((&&&#private::CapturedPart(&#ident)).captured());
            }
        });
        quote!({
            use #private::{PartOfCopy as _, PartOfPointer as _, PartOfValue as _};
            #(#checks)*
        })
    }

    fn declared_unchecked(&mut self, local: LocalId) -> TokenStream {
        self.bind(local);
        if let Some(hidden) = self.layout.renamed(local) {
            let ident = &self.body.locals[local].ident;
            // Moved at once, so it drops in the same order among the
            // other locals.
            if self.layout.is_flagged(local) {
                let private = names::private();
                // Matched in its flag's place, or a closure or an `async`
                // block moved out of it: a `Flagged`, whatever its type.
                if self.layout.is_taken_in_flag(local) || self.layout.is_taken_from_flag(local) {
                    return quote! {
                        let mut #hidden = {
                            use #private::FlagValue as _;
                            (&#private::DropOnly::new(#ident)).flagged()
                        };
                    };
                }
                // A `Flagged`, or for a `Copy` value, which needs no flag,
                // an `Unflagged`.
                return quote! {
                    let mut #hidden = {
                        use #private::{FlagCopy as _, FlagValue as _};
                        (&&#private::DropOnly::new(#ident)).flagged()
                    };
                };
            }
            let mutability = self.body.locals[local].mutable.then(|| quote!(mut));
            return quote!(let #mutability #hidden = #ident;);
        }
        if !self.layout.is_homed(local) {
            return TokenStream::new();
        }
        let ident = &self.body.locals[local].ident;
        let field = self.layout.field(local);
        let guard = uses::guard(field);
        let slot = self.layout.slot_access(local);
        let private = names::private();
        let place = self.place(local, &guard);
        // Empty unless the local is kept in place in a variant.
        let enter = self.layout.enter_variant(local);
        if self.layout.is_deferred(local) {
            // `let x;`: the home starts empty; the first assignment fills it.
            return quote! {
                #enter
                // SAFETY: as for `Home::new`: the slot is this local's own,
                // in the pinned homes area or in the variant just entered.
                let mut #guard = unsafe { #private::Home::vacant(#slot) };
            };
        }
        quote! {
            #enter
            // SAFETY: the slot is this local's own, in the pinned homes area
            // or in the variant the machine has just entered (and stays in
            // while the local lives: no other await is in its scope); the
            // guard lives in this frame or in the machine's state, so the
            // machine outlives it.
            let mut #guard = unsafe { #private::Home::new(#slot, #ident) };
            #place
        }
    }

    /// `let x = __home_x.place();` (an `unsafe` call), the local's name for
    /// its home.
    /// A local declared without a value gets none: its home may be empty,
    /// and each use takes a fresh reference from the guard instead.
    fn place(&self, local: LocalId, guard: &syn::Ident) -> TokenStream {
        if self.layout.is_deferred(local) {
            return TokenStream::new();
        }
        let ident = &self.body.locals[local].ident;
        if self.body.locals[local].reached_mutably() {
            quote! {
                // SAFETY: the `&mut` is used by the user's code within the
                // local's scope only, and it is the only path to the value
                // there; rustc borrow-checked the same uses in the twin.
                let #ident = unsafe { #guard.place_mut() };
            }
        } else {
            quote! {
                // SAFETY: the reference is used by the user's code within the
                // local's scope only; rustc borrow-checked the same uses in
                // the `_rustc` twin.
                let #ident = unsafe { #guard.place() };
            }
        }
    }

    /// Brings a local kept by the suspension back into scope, or declares a
    /// deferred one again.
    fn restore(&mut self, local: LocalId) -> TokenStream {
        let kept = match self.resuming {
            None => self.layout.params().contains(&local),
            Some(k) => self.decisions.kept[k].contains(&local),
        };
        let info = &self.body.locals[local];
        let ident = self.name(local);
        let mutability = (info.mutable || self.layout.is_flagged(local)).then(|| quote!(mut));
        if kept {
            let saved = saved_name(self.layout, local);
            let saved = if self.in_option.contains(&local) {
                quote!(::core::option::Option::take(&mut #saved).unwrap())
            } else {
                quote!(#saved)
            };
            // A flagged parameter gets its flag now.
            if self.resuming.is_none() && self.layout.is_flagged(local) {
                return self.declared_value(local, &saved);
            }
            self.bind(local);
            if self.layout.is_homed(local) {
                if self.resuming.is_none() {
                    // A homed parameter moves into its slot now.
                    let declare = self.declared_value(local, &saved);
                    return declare;
                }
                let field = self.layout.field(local);
                let guard = uses::guard(field);
                // In the `else` that drops it first in Rust 2024, of one
                // kept in place there (see `Layout::in_place_2024`): no
                // name for its place, which is gone in Rust 2024 (the
                // code of the `else` does not name a scrutinee's
                // temporary).
                let restored = self
                    .resuming
                    .and_then(|k| self.layout.restored_in_edition(local, k, &saved));
                if let Some(restored) = restored {
                    return quote! {
                        // SAFETY: in Rust 2021, the flag was stored from
                        // this local's own slot in the pinned homes area;
                        // in Rust 2024 the guard holds nothing.
                        let mut #guard = unsafe { #restored };
                    };
                }
                let place = self.place(local, &guard);
                let slot = self.layout.slot_access(local);
                let private = names::private();
                return quote! {
                    // SAFETY: the flag was stored from this local's own slot,
                    // in the pinned homes area or in the variant the machine
                    // is still in.
                    let mut #guard = unsafe { #private::Home::restore(#slot, #saved) };
                    #place
                };
            }
            // An empty flag is declared again from the type kept.
            // Before: `let mut __flagged_a = __saved_a;`
            // After:  `let mut __flagged_a = ::desugar::__private::Refill::refill(__saved_a);`
            let saved = match self.resuming {
                Some(k)
                    if self.layout.is_vacant_at(local, k)
                        || self.layout.edition_vacant_at(local, k).is_some() =>
                {
                    let private = names::private();
                    quote!(#private::Refill::refill(#saved))
                }
                _ => saved,
            };
            // A parameter, where the body starts (once is enough for the
            // compiler; a restored local was checked where it was bound).
            let check = self.resuming.is_none().then(|| {
                let tie = self.value_type_tied(local, &ident);
                let check = self.no_drop_impl(local);
                let captured = self.no_pointer_captured(local);
                quote!(#tie #check #captured)
            });
            return quote!(let #mutability #ident = #saved; #check);
        }
        let redeclare = self
            .resuming
            .is_some_and(|k| self.decisions.redeclare[k].contains(&local));
        if redeclare {
            self.bind(local);
            // With the type the user wrote, or rustc infers its own; a
            // pattern's type is written whole, with the other names `_`.
            // Before: `let (mask, shift): (u8, u32); x.await; mask = 200; ..`
            // After (on resuming): `let (mask, _): (u8, u32); mask = 200; ..`
            let declared = match &info.written_type {
                Some(typed) => {
                    let pat = walk::patterns::only_binding(
                        &typed.pat,
                        &info.ident,
                        &ident,
                        mutability.is_some(),
                    );
                    let ty = &typed.ty;
                    quote!(#pat: #ty)
                }
                None => quote!(#mutability #ident),
            };
            let tie = self.value_type_given(local, &ident);
            let deferred = self.deferred_type_given(local);
            return quote!(let #declared; #tie #deferred);
        }
        TokenStream::new()
    }

    /// The marker (see [`type_tie`]) of `local` where it is declared with
    /// a value (a `let` with one, a parameter, a pattern's binding) and
    /// declared again at some await (moved before it and given a new
    /// value after it): the marker carries the value's type to the new
    /// declaration. Its ties follow a `loop {}`, in code that never runs:
    /// rustc infers their types but, the code unreachable, does not
    /// borrow-check them, so they tie the two declarations' types and not
    /// their borrows (a `Cell<&str>` borrowing one local before the await
    /// and another after it), nor make a local of the step unassigned,
    /// assigned or live anywhere.
    fn value_marker(&mut self, local: LocalId) -> Option<syn::Ident> {
        let redeclared = self.decisions.redeclare.iter().any(|r| r.contains(&local));
        if !self.body.locals[local].initialized || !redeclared {
            return None;
        }
        self.ties.push(local);
        Some(type_tie(local))
    }

    /// Where such a local gets its value (reached by the name `name`
    /// there): ties the marker to the value's type, which the type written
    /// or the value gave it.
    ///
    /// Before: `let mut samples = vec![0.5f32];`
    /// After:  `let mut samples = vec![0.5f32]; if false { loop {} ::desugar::__private::same_type(&samples, __type3); }`
    fn value_type_tied(&mut self, local: LocalId, name: &syn::Ident) -> TokenStream {
        let Some(marker) = self.value_marker(local) else {
            return TokenStream::new();
        };
        let private = names::private();
        quote!(if false { loop {} #private::same_type(&#name, #marker); })
    }

    /// Where such a local is declared again: gives the new declaration the
    /// marker's type, before any assignment of the user's (which would
    /// otherwise give it a type of its own: a float literal an `f64` where
    /// the value was a `Vec<f32>`, a `Box<&str>` where it was a `Box<dyn
    /// Debug>`).
    ///
    /// Before (on resuming): `let mut samples; samples = vec![0.1];`
    /// After: `let mut samples; if false { loop {} samples = ::desugar::__private::value_of(__type3); } samples = vec![0.1];`
    fn value_type_given(&mut self, local: LocalId, name: &syn::Ident) -> TokenStream {
        let Some(marker) = self.value_marker(local) else {
            return TokenStream::new();
        };
        let private = names::private();
        quote!(if false { loop {} #name = #private::value_of(#marker); })
    }

    /// Where a local declared without a value (`let x;`, or a construct's
    /// hidden value, `__value1`, whose branches each assign it) is
    /// declared, in each arm that writes it: gives it the marker's type
    /// before any assignment (see [`Emit::type_tied`]). rustc then checks
    /// each assignment as a coercion to the type the first one it read
    /// gave, as it checks an `if`'s or a `match`'s branches: a `&mut T`
    /// from a branch that awaits (`slot.insert(v)`) becomes the `&T` the
    /// branch before it gave (`slot.as_ref().unwrap()`), also in the arm
    /// that resumes in that branch, where the `&mut T` is all rustc sees.
    /// Without it, that arm's copy took the `&mut T` for its type and the
    /// tie after the assignment failed (E0308 at `#[desugar]`).
    ///
    /// Before (on resuming): `let __value1; { let v = __result; __value1 = slot.insert(v); }`
    /// After: `let __value1; if false { loop {} __value1 = ::desugar::__private::value_of(__type1); } { .. }`
    fn deferred_type_given(&mut self, local: LocalId) -> TokenStream {
        if self.body.locals[local].initialized || self.layout.is_homed(local) {
            return TokenStream::new();
        }
        self.ties.push(local);
        let private = names::private();
        let name = self.name(local);
        let marker = type_tie(local);
        quote!(if false { loop {} #name = #private::value_of(#marker); })
    }

    fn declares_homed(&self, stmt: &Stmt) -> bool {
        declared_by(stmt).iter().any(|&l| self.layout.is_homed(l))
    }

    fn declared_value(&mut self, local: LocalId, value: &TokenStream) -> TokenStream {
        let ident = self.body.locals[local].ident.clone();
        let declare = self.declared(local);
        quote!(let #ident = #value; #declare)
    }

    /// Statements from the start, stopping after one that always suspends:
    /// what follows runs in that suspension's arm. (Emitting it here too
    /// would be dead code that rustc still type-checks, before the values it
    /// uses have types.)
    fn stmts(&mut self, stmts: &[Stmt]) -> TokenStream {
        let mut emitted: Vec<(Option<Vec<String>>, TokenStream)> = Vec::new();
        for (index, stmt) in stmts.iter().enumerate().filter(|(_, stmt)| !is_item(stmt)) {
            if self.reading_ahead && !self.may_read_ahead(stmt) {
                break;
            }
            let deferred = deferred_names(stmt).filter(|_| !self.declares_homed(stmt));
            let mut tokens = self.stmt(stmt);
            if let Stmt::Await(node) = stmt {
                // Read ahead, an await gives its value and the block goes
                // on, unless its statement jumps away.
                if self.reading_ahead {
                    emitted.push((deferred, tokens));
                    if crate::build::always_jumps(&node.rest) {
                        break;
                    }
                    continue;
                }
                tokens.extend(self.rest_for_types(node, &stmts[index + 1..]));
            }
            emitted.push((deferred, tokens));
            if divergence::ends_run(stmt) || (self.reading_ahead && self.stopped) {
                break;
            }
        }
        // `let x;` whose value is only given after a suspension: nothing here
        // uses it, and rustc could not infer its type in this arm.
        let mut out = TokenStream::new();
        for (index, (deferred, tokens)) in emitted.iter().enumerate() {
            let unused = deferred.as_ref().is_some_and(|names| {
                !emitted[index + 1..]
                    .iter()
                    .any(|(_, later)| names.iter().any(|n| mentions(later, n)))
            });
            if !unused {
                out.extend(tokens.clone());
            }
        }
        out
    }

    fn block(&mut self, block: &Block, prelude: &[LocalId]) -> TokenStream {
        let items = items(&block.stmts);
        if self.reading_ahead && !items.is_empty() {
            // A second copy of an item would be a type of its own.
            self.stopped = true;
            return quote!({});
        }
        self.scopes.push(Vec::new());
        self.depth += 1;
        let mut out = items;
        for &local in prelude {
            out.extend(self.declared(local));
        }
        out.extend(self.stmts(&block.stmts));
        self.depth -= 1;
        self.scopes.pop();
        quote!({ #out })
    }

    fn stmt(&mut self, stmt: &Stmt) -> TokenStream {
        let scope = self.scope();
        match stmt {
            Stmt::Param(local) => self.restore(*local),
            // `let x;` of a homed local: its empty home is the declaration.
            Stmt::Plain {
                stmt: syn::Stmt::Local(local),
                declares,
            } if local.init.is_none()
                && !declares.is_empty()
                && declares.iter().all(|&l| self.layout.is_homed(l)) =>
            {
                declares.iter().map(|&l| self.declared(l)).collect()
            }
            Stmt::Plain { stmt, declares } => {
                self.transitions.returns |= divergence::returns(stmt);
                let wrapped = match (stmt, &declares[..]) {
                    (syn::Stmt::Local(local), &[declared])
                        if self.copies.wraps_block(declared)
                            && let Some(init) = &local.init =>
                    {
                        let block = &init.expr;
                        let block = self.copies.wrap_block(declared, quote!(#block));
                        // A struct literal around the user's block, which
                        // parses as it did.
                        syn::parse2::<syn::Expr>(block).ok().map(|wrapped| {
                            let mut local = local.clone();
                            if let Some(init) = &mut local.init {
                                *init.expr = wrapped;
                            }
                            syn::Stmt::Local(local)
                        })
                    }
                    _ => None,
                };
                // Wrapped, the block has one type in every copy.
                let stmt = wrapped.as_ref().unwrap_or(stmt);
                if matches!(stmt, syn::Stmt::Local(_))
                    && wrapped.is_none()
                    && builds_typed_value(stmt, &eager_local(self.body))
                {
                    for &local in declares {
                        let ident = &self.body.locals[local].ident;
                        // The hidden iterator has no span of the user's:
                        // the closure its iterable builds is the code.
                        let span = Some(ident)
                            .filter(|ident| is_for_iterator(ident))
                            .and_then(|_| first_closure(stmt))
                            .unwrap_or(ident.span());
                        self.typed_copies.push((TypedValue::Local(local), span));
                    }
                }
                let tie = self.type_tied(stmt, &scope);
                let deferred = matches!(stmt, syn::Stmt::Local(l) if l.init.is_none());
                let (captures, stmt) = uses::stmt(stmt, &scope, self.layout);
                let mut out = quote!(#captures #stmt);
                for &local in declares {
                    out.extend(self.declared(local));
                }
                if deferred {
                    for &local in declares {
                        out.extend(self.deferred_type_given(local));
                    }
                }
                out.extend(tie);
                out
            }
            Stmt::Await(suspension) if self.reading_ahead => self.awaited_ahead(suspension),
            Stmt::Await(suspension) => self.suspend(suspension.id, &suspension.operand),
            Stmt::Block { label, block } => {
                let block = self.block(block, &[]);
                quote!(#label #block)
            }
            Stmt::If(node) => self.if_full(node),
            Stmt::Match(node) => {
                let pats = node.arms.iter().map(|arm| &arm.pat);
                let (scrutinee, flag) = uses::scrutinee(&node.scrutinee, pats, &scope, self.layout);
                let mut arms: Vec<TokenStream> = node
                    .arms
                    .iter()
                    .map(|arm| {
                        let attrs = &arm.attrs;
                        self.scopes.push(Vec::new());
                        for &local in &arm.binds {
                            self.bind(local);
                        }
                        let mut pat =
                            uses::pat(&arm.pat, &node.scrutinee, &self.scope(), self.layout);
                        self.scopes.pop();
                        let mut body = self.block(&arm.body, &arm.binds);
                        if let Some(flag) = &flag
                            && let Some(clear) = walk::drop_flag::arm_in_flag(&mut pat, flag)
                        {
                            body = quote!({ #clear #body });
                        }
                        quote!(#(#attrs)* #pat => #body)
                    })
                    .collect();
                if flag.is_some() {
                    arms.push(walk::drop_flag::none_arm());
                }
                quote!(match #scrutinee { #(#arms)* })
            }
            Stmt::Loop { label, body, value } => {
                let body = self.block(body, &[]);
                self.valued_loop(value, label, quote!(#label loop #body))
            }
        }
    }

    /// The loop (`looped`: `'label: loop { .. }`) with its value sent on,
    /// as its `break`s give it.
    ///
    /// Before: `loop { .. break n; .. }` with a value
    /// After:  `__value1 = loop { .. break n; .. };`, or at the body's tail
    /// `return ::desugar::__private::Poll::Ready(loop { .. break n; .. });`
    fn valued_loop(
        &mut self,
        value: &LoopValue,
        label: &Option<syn::Label>,
        looped: TokenStream,
    ) -> TokenStream {
        let looped = syn::Expr::Verbatim(looped);
        match value {
            LoopValue::Discarded => looped.into_token_stream(),
            LoopValue::Assigned(ident) => {
                let assign: syn::Stmt = syn::Stmt::Expr(
                    syn::Expr::Assign(syn::ExprAssign {
                        attrs: Vec::new(),
                        left: Box::new(crate::syntax::path(ident.clone())),
                        eq_token: Default::default(),
                        right: Box::new(looped),
                    }),
                    Some(Default::default()),
                );
                let scope = self.scope();
                let tie = self.type_tied(&assign, &scope);
                let (captures, assign) = uses::stmt(&assign, &scope, self.layout);
                quote!(#captures #assign #tie)
            }
            LoopValue::Returned => {
                let label = label.as_ref().map(|l| &l.name);
                self.transitions.returns |=
                    divergence::emitted_breaks(&looped.to_token_stream(), label, true);
                let finish = crate::rewrite::early_exit::finish(&looped);
                quote!(#finish;)
            }
        }
    }

    /// The local declared without a value (`let x;`, or a construct's
    /// hidden value) that `stmt` assigns (`x = value;`), unless it is homed
    /// (its place stands for it). Its declaration and assignments may be
    /// written in several arms, each a separate local to rustc, and an arm
    /// that assigns `None` or `Vec::new()` learns its type only from the
    /// others: the assignment ties it to a marker they share.
    ///
    /// Before: `__value1 = None;`
    /// After:  `__value1 = None; ::desugar::__private::same_type(&__value1, __type1);`
    fn type_tied(&mut self, stmt: &syn::Stmt, scope: &crate::walk::Scope) -> TokenStream {
        let syn::Stmt::Expr(syn::Expr::Assign(assign), semi) = stmt else {
            return TokenStream::new();
        };
        let syn::Expr::Path(path) = &*assign.left else {
            return TokenStream::new();
        };
        let Some(&local) = path
            .path
            .get_ident()
            .and_then(|i| scope.get(&i.to_string()))
        else {
            return TokenStream::new();
        };
        if self.body.locals[local].initialized || self.layout.is_homed(local) {
            return TokenStream::new();
        }
        self.ties.push(local);
        let private = names::private();
        let name = self.name(local);
        let tie = type_tie(local);
        // A block's last assignment, `{ x = v }`, is of type `()` with a
        // `;` after it too.
        let end = semi.is_none().then(|| quote!(;));
        quote!(#end #private::same_type(&#name, #tie);)
    }

    fn if_full(&mut self, node: &If) -> TokenStream {
        self.scopes.push(Vec::new());
        let (cond, flag) = uses::condition(&node.cond, &self.scope(), self.layout);
        self.scopes.pop();
        let mut then = self.block(&node.then, &node.binds);
        if let Some(flag) = flag {
            let clear = walk::drop_flag::clear(&flag);
            then = quote!({ #clear #then });
        }
        let otherwise = match &node.otherwise {
            None => TokenStream::new(),
            Some(Else::Block(block)) => {
                let block = self.block(block, &[]);
                quote!(else #block)
            }
            Some(Else::If(inner)) => {
                let inner = self.if_full(inner);
                quote!(else #inner)
            }
        };
        quote!(if #cond #then #otherwise)
    }

    /// The transition into `SuspendN`: evaluate the operand into the future
    /// to await, move the kept locals into the variant, and go round the
    /// dispatch loop, which polls the new future at once (as rustc does: no
    /// extra `Pending`).
    fn suspend(&mut self, k: AwaitId, operand: &syn::Expr) -> TokenStream {
        let private = names::private();
        if !self.transitions.to.contains(&k) {
            self.transitions.to.push(k);
        }
        let operand_stmt: syn::Stmt = syn::Stmt::Expr(operand.clone(), Some(Default::default()));
        if builds_typed_value(&operand_stmt, &eager_local(self.body)) || calls_own_macro(operand) {
            self.typed_copies
                .push((TypedValue::Awaitee(k), syn::spanned::Spanned::span(operand)));
        }
        let named: Vec<LocalId> = closure_locals(self.body)
            .into_iter()
            .filter(|&l| {
                self.body
                    .mentions
                    .iter()
                    .any(|m| m.local == l && m.in_operand == Some(k))
            })
            .collect();
        for local in named {
            self.typed_copies.push((
                TypedValue::AwaiteeOf(k, local),
                syn::spanned::Spanned::span(operand),
            ));
        }
        // Located at the user's awaited expression: a value that is not a
        // future is reported there, as in the twin, not at `#[desugar]`.
        let at = syn::spanned::Spanned::span(operand);
        let wrapped;
        let operand = if self.body.awaits[k].via_async_block {
            wrapped = super::awaited_macro::wrapped(operand);
            &wrapped
        } else {
            operand
        };
        let scope = self.scope();
        let (captures, checked) = uses::operand(operand, &scope, self.layout);
        let operand = super::awaited_field::checked(operand, checked, &scope, self.layout, k);
        let mut arguments =
            proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, quote!(#operand));
        arguments.set_span(Span::call_site().located_at(at));
        let into_future = names::located_at(quote!(#private::IntoFuture::into_future), at);
        let future = self.copies.wrap(k, quote!(#into_future #arguments));
        let (state, _, _) = state_names();
        let state_var = names::hidden("__state");
        let awaitee = names::hidden("__awaitee");
        let variant = format_ident!("Suspend{k}");
        let dispatch = dispatch_label();
        let kept: Vec<LocalId> = self.layout.variant_fields(k).collect();
        let values: Vec<TokenStream> = kept
            .iter()
            .map(|&local| {
                let ident = self.name(local);
                let value = if let Some(rust_2024) = self.layout.kept_in_2021_only(local, k) {
                    // In the `else` of its `if let`, which dropped it in
                    // Rust 2024: the flag is the edition's.
                    // Before: `__temporary1: __home___temporary1.store()`
                    // After:  `__temporary1: __home___temporary1.store_edition::<{ !__RUST_2024_0 }>()`
                    let guard = uses::guard(self.layout.field(local));
                    quote!(#guard.store_edition::<{ !#rust_2024 }>())
                } else if self.layout.is_live_at(local, k) {
                    let guard = uses::guard(self.layout.field(local));
                    quote!(#guard.store_live())
                } else if self.layout.is_homed(local) {
                    let guard = uses::guard(self.layout.field(local));
                    quote!(#guard.store())
                } else if self.layout.is_vacant_at(local, k) && self.layout.is_taken_in_flag(local)
                {
                    // A `Flagged` whatever its type, emptied: its type
                    // alone, without asking whether it is `Copy`, which
                    // the code after the await may not have settled yet
                    // (`match it.next().map(str::parse) { .., None =>
                    // x.await }`).
                    quote!(#ident)
                } else if self.layout.is_drop_only_at(local, k) {
                    // Kept only to drop at the end of its scope: nothing for a
                    // `Copy` value or a `&mut`, as in rustc (see
                    // `__private::DropOnly`): `_left` of `let (_left, right)
                    // = v.split_at_mut(1);`.
                    quote!({
                        use #private::{ViaBorrowed as _, ViaCopy as _, ViaValue as _};
                        (&&#private::DropOnly::new(#ident)).kept()
                    })
                } else {
                    quote!(#ident)
                };
                if self.layout.is_vacant_at(local, k) {
                    // Its flag is empty: the type alone (see
                    // `__private::Vacant`), as rustc keeps nothing.
                    // Before: `a: __flagged_a`
                    // After:  `a: ::desugar::__private::Vacate::vacate(__flagged_a)`
                    return quote!(#private::Vacate::vacate(#value));
                }
                if let Some(rust_2024) = self.layout.edition_vacant_at(local, k) {
                    // In the `else` that dropped it first in Rust 2024: the
                    // type alone there, the flag in Rust 2021 (see
                    // `__private::KeptIn`).
                    // Before: `__temporary1: __flagged___temporary1`
                    // After:  `__temporary1: <KeptIn<{ !__RUST_2024_0 }> as VacateIn<_>>::vacate_in(__flagged___temporary1)`
                    return quote! {
                        <#private::KeptIn<{ !#rust_2024 }> as #private::VacateIn<_>>::vacate_in(#value)
                    };
                }
                value
            })
            .collect();
        if self.layout.places(k) {
            // The machine is in this state already, holding the values kept
            // in place; the future and the rest are written in beside them.
            let (_, proj, _) = state_names();
            let held = names::hidden("__held");
            let later: Vec<syn::Ident> = kept.iter().map(|&l| self.layout.later_field(l)).collect();
            let bindings: Vec<syn::Ident> = (0..kept.len())
                .map(|index| names::hidden(&format!("__later{index}")))
                .collect();
            let into = names::hidden("__into");
            return quote! {
                #captures
                let #awaitee = #future;
                match #state_var.as_mut().project() {
                    #proj::#variant { #held, #awaitee: #into, #(#later: #bindings,)* .. } => {
                        #into.write(#awaitee);
                        #(#bindings.write(#values);)*
                        *#held = true;
                    }
                    _ => #private::unreachable_state(),
                }
                continue #dispatch;
            };
        }
        let fields = kept.iter().map(|&local| self.layout.field(local));
        // Before: `__state.set(__State::Suspend0 { __awaitee, .. })`
        // After:  `__state.set(__State::Suspend0 { __awaitee: ::desugar::__private::Awaited::new(__awaitee), .. })`
        let held = quote!(#private::Awaited::new(#awaitee));
        quote! {
            #captures
            let #awaitee = #future;
            #state_var.set(#state::#variant { #awaitee: #held, #(#fields: #values,)* });
            continue #dispatch;
        }
    }

    /// The statements of a block that holds suspension `k`, from `k` on.
    fn resume_stmts(&mut self, stmts: &[Stmt], k: AwaitId) -> Option<TokenStream> {
        let index = stmts.iter().position(|stmt| stmt.holds(k))?;
        let mut restores = Vec::new();
        for stmt in &stmts[..index] {
            for local in declared_by(stmt) {
                let redeclared = self.decisions.redeclare[k].contains(&local);
                let name = redeclared.then(|| self.body.locals[local].ident.to_string());
                restores.push((name, self.restore(local)));
            }
        }
        let mut rest = self.resume_stmt(&stmts[index], k)?;
        // What follows runs only if the resumed statement can end here (it
        // may suspend again, at a later await of the same block).
        if self.falls_through {
            let after = &stmts[index + 1..];
            rest.extend(self.stmts(after));
            self.falls_through = !after.iter().any(divergence::ends_run);
        }
        // A `let x;` declared again but given its value only after a later
        // suspension: unused here, and rustc could not infer its type.
        let mut out = TokenStream::new();
        for (name, tokens) in restores {
            if name.is_none_or(|name| mentions(&rest, &name)) {
                out.extend(tokens);
            }
        }
        out.extend(rest);
        Some(out)
    }

    fn resume_block(
        &mut self,
        block: &Block,
        prelude: &[LocalId],
        k: AwaitId,
    ) -> Option<TokenStream> {
        self.scopes.push(Vec::new());
        self.depth += 1;
        let mut out = items(&block.stmts);
        for &local in prelude {
            out.extend(self.restore(local));
        }
        let rest = self.resume_stmts(&block.stmts, k);
        self.depth -= 1;
        self.scopes.pop();
        out.extend(rest?);
        Some(quote!({ #out }))
    }

    fn resume_stmt(&mut self, stmt: &Stmt, k: AwaitId) -> Option<TokenStream> {
        match stmt {
            Stmt::Await(suspension) => {
                self.transitions.returns |= divergence::returns(&suspension.rest);
                self.falls_through = !crate::build::always_jumps(&suspension.rest);
                let mut out = if self.result_in_option {
                    let result = names::hidden("__result");
                    quote!(let #result = ::core::option::Option::take(&mut #result).unwrap();)
                } else {
                    TokenStream::new()
                };
                out.extend(self.await_rest(suspension));
                Some(out)
            }
            Stmt::Block { label, block } => {
                let resumed = self.resume_block(block, &[], k)?;
                // A `break 'label` in the resumed part ends the block here,
                // so what follows it runs in this arm too.
                if let Some(label) = label {
                    self.falls_through |=
                        divergence::emitted_breaks(&resumed, Some(&label.name), false);
                }
                Some(quote!(#label #resumed))
            }
            Stmt::If(node) => self.resume_if(node, k),
            Stmt::Match(node) => {
                let arm = node.arms.iter().find(|arm| arm.body.holds(k))?;
                self.resume_block(&arm.body, &arm.binds, k)
            }
            Stmt::Loop { label, body, value } => {
                let label_name = label.as_ref().map(|l| &l.name);
                // Never run again after `k` (`break f(x).await`, or a
                // `return` the code after `k` always reaches, in this loop):
                // the resumed iteration is the loop's last.
                let info = &self.body.awaits[k];
                let inside = body.loops_around(k);
                let returns = info.returns_by.is_some_and(|by| inside >= by.loops_inside);
                if info.leaves_loops > inside || returns {
                    let resumed = self.resume_block(body, &[], k)?;
                    self.falls_through = divergence::emitted_breaks(&resumed, label_name, true);
                    // Left by a jump past it (`break 'b x.await` out of a
                    // labeled block around it, a `return`), the loop gives
                    // no value here, and the local it would be assigned to
                    // is not declared in this arm.
                    //
                    // Before: `__value2 = 'l: loop { { __value1 = __result; break 'b; } };`
                    // After:  `'l: loop { { __value1 = __result; break 'b; } }`
                    let value = match value {
                        LoopValue::Assigned(_) if !self.falls_through => &LoopValue::Discarded,
                        value => value,
                    };
                    return Some(self.valued_loop(value, label, quote!(#label loop #resumed)));
                }
                let resume = names::hidden("__resume");
                let inside: Vec<LocalId> = declared_in(body)
                    .into_iter()
                    .filter(|l| self.decisions.kept[k].contains(l) && !self.in_option.contains(l))
                    .collect();
                let wrap = inside.iter().map(|&l| {
                    let saved = saved_name(self.layout, l);
                    quote!(let mut #saved = ::core::option::Option::Some(#saved);)
                });
                let mut wrap = quote!(#(#wrap)*);
                // The awaited value is moved in the resumed iteration too.
                if !self.result_in_option {
                    self.result_in_option = true;
                    let result = names::hidden("__result");
                    wrap.extend(quote!(let mut #result = ::core::option::Option::Some(#result);));
                }
                self.in_option.extend(&inside);
                let resumed = self.resume_block(body, &[], k)?;
                let full = self.block(body, &[]);
                // The loop ends only by a `break`, in its resumed iteration or
                // in a later one; without one, what follows the loop is not
                // reached in this arm (and rustc could not infer the types
                // of values given only by another arm's `break`).
                self.falls_through = divergence::emitted_breaks(&resumed, label_name, true)
                    || divergence::emitted_breaks(&full, label_name, true);
                let looped = self.valued_loop(
                    value,
                    label,
                    quote! {
                        #label loop {
                            if ::core::mem::take(&mut #resume) #resumed else #full
                        }
                    },
                );
                Some(quote! {
                    #wrap
                    let mut #resume = true;
                    #looped
                })
            }
            Stmt::Plain { .. } | Stmt::Param(_) => None,
        }
    }

    /// The rest of an await's statement, `__result` standing for the
    /// awaited value, and the locals it declares.
    fn await_rest(&mut self, node: &Await) -> TokenStream {
        let scope = self.scope();
        let tie = self.type_tied(&node.rest, &scope);
        let (captures, rest) = uses::stmt(&node.rest, &scope, self.layout);
        let mut out = quote!(#captures #rest);
        for &local in &node.declares {
            out.extend(self.declared(local));
        }
        out.extend(tie);
        out
    }

    fn resume_if(&mut self, node: &If, k: AwaitId) -> Option<TokenStream> {
        if node.then.holds(k) {
            return self.resume_block(&node.then, &node.binds, k);
        }
        match node.otherwise.as_ref()? {
            Else::Block(block) => self.resume_block(block, &[], k),
            Else::If(inner) => self.resume_if(inner, k),
        }
    }
}
