//! Parts of a local that a pattern skips with `_` while it moves others out
//! (`Msg::Text(s, _)`), with an await after: rustc leaves the skipped parts
//! in the local, partly moved, and drops them where the local's scope ends.
//! The machine cannot keep a partly moved local across an await (it moves
//! the local into the state: E0382), so the skipped parts are bound to
//! hidden locals instead, declared right after the local so that they drop
//! where it would, and the local is then moved whole.
//!
//! Before:
//! ```text
//! let msg = recv();
//! match msg {
//!     Msg::Text(s, _) => send(s).await,
//!     Msg::Close => 0,
//! }
//! ```
//! After:
//! ```text
//! let msg = recv();
//! let __skipped1;
//! match msg {
//!     Msg::Text(s, __part1) => {
//!         __skipped1 = ((&&DropOnly::new(__part1)).kept(),);
//!         send(s).await
//!     }
//!     Msg::Close => 0,
//! }
//! ```
//! A local a pattern binds for a block (`if let Some(msg) = next`, `while
//! let`, `for`, a `match` arm whose body is a block) gets its hidden locals
//! at the start of that block; one a `let` or `let … else` binds, right
//! after the `let`. The locals the same pattern binds after it (`guard` in
//! `Some((msg, guard))`) are bound again after the hidden locals, as
//! parameters are (below), since rustc drops them before what is left of
//! the local.
//!
//! Several skipped parts go into one tuple in the order the pattern lists
//! them, which for a tuple or a tuple variant is the order what is left of
//! the value drops in. For a parameter (`self` taken by value too) the hidden locals are declared at
//! the top of the body, and the parameters after it are bound again after
//! them (`let log = log;`), so that the order they all drop in is rustc's.
//!
//! Only where nothing else could tell the difference: the local is named
//! last by the construct (a `match`, an `if let`, a `let` or `let …
//! else`), which names it once, so never used or assigned after it (what
//! runs before it, `leaf(pair.0).await` or the condition of an `if`
//! around it, `if m.kind == 0`, happens to the parts where they are, as
//! in rustc), and the construct runs at most once (not in a loop, a
//! closure or an `async` block). After a `let` of the same block that
//! binds the name again (`let resp = body.len();`), the name is the new
//! local's; in that `let`'s value (`let msg = match msg { .. };`) it is
//! still the old one's. Left as
//! written (README, "Partial moves"): a pattern with `..` (whose parts
//! only the compiler can count: it gets a check that stops the build there
//! if a part beside it moves, see [`beside_rest`]), a `ref`
//! binding, `@`, `|` or a slice (what is left of an array drops in an
//! order of its own). A struct pattern that skips more than one part in
//! all may list its fields out of their order, the order what is left of
//! them drops in: its skipped parts get a check that at most one of them
//! has something to drop (see `__private::skipped_fields`); a constant
//! named by itself, `kind: DATA`, is checked to be `Copy` instead (see
//! `__private::copied_constant`). A struct or tuple struct
//! pattern by name is rewritten (`Frame { payload, trailer: _ }`,
//! `Tagged(_, s)`): the field it moves proves the struct has no `Drop`.
//! On one that has, all it binds is `Copy`, and the part bound for `_`
//! stops the build there (E0509): write `..` for it instead. A part left
//! whole by a struct or variant pattern that binds nothing
//! (`Slot::Full(_)`), or by a path (`Slot::Empty`, where no struct
//! pattern hides the order of the parts), is skipped as `_` is: its type
//! may implement `Drop`.
//!
//! A struct update whose base is the local (`let o2 = Opts { retries: n,
//! ..o };`, its last use, an await after) leaves in it, partly moved, the
//! fields the literal names, which rustc drops where the local's scope
//! ends: the local is moved whole into a base of the literal's own, and
//! those fields moved out of it into a hidden local declared right after
//! the local, as skipped parts are (see `build::struct_update::keep_named`).
//!
//! Before: `let o = opts(); let o2 = Opts { log: l, ..o };`
//! After:  `let o = opts(); let __skipped1; let o2 = { let __base = o;`
//!         `  let __value = Opts { log: l, ..__base }; __skipped1 = (__base.log,); __value };`
//!
//! A parameter visibly a `Box` (`b: Box<T>`, `self: Box<Self>`) is taken
//! apart by a `let` on `*b` too: what the pattern skips is left in the
//! box, which rustc drops with the parameter.
//!
//! Before: `let (Token, s) = *b;`
//! After:  `let __skipped2; .. let (__part1 @ Token, s) = *b; __skipped2 = (..,);`

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat, Stmt};

use super::skipped_temporary_parts;
use crate::build::has_await;
use crate::names;
use crate::walk;

/// Rewrites `body`, whose fn takes `receiver` and `params` (in order, the
/// receiver left out).
pub(crate) fn rewrite_body(
    body: &mut syn::Block,
    receiver: Option<&syn::Receiver>,
    params: &[&syn::PatType],
) {
    let mut counter = 0;
    // Parameters: the body is the rest of their scope, `self` taken by
    // value (`let Job { name, b: _ } = self;`) as any other. A boxed one
    // (`self: Box<Self>`, `b: Box<T>`) is taken apart through a deref too
    // (`let (Token, s) = *b;`): what the pattern skips is left in the box,
    // which drops with the parameter.
    if let Some(receiver) = receiver {
        let boxed =
            matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if walk::is_box_type(ty));
        if boxed || matches!(receiver.kind, syn::ReceiverKind::Value) {
            let name = crate::signature::receiver_ident(receiver.self_token.span);
            bind_parameter_parts(body, &name, boxed, params, &mut counter);
        }
    }
    for (at, param) in params.iter().enumerate() {
        if let Some(name) = simple_name(&param.pat) {
            let boxed = walk::is_box_type(&param.ty);
            bind_parameter_parts(body, &name, boxed, &params[at + 1..], &mut counter);
        }
    }
    // Visibly `&mut`, as the builder has them (see `signature::param`).
    let mut unique: Vec<syn::Ident> = params
        .iter()
        .filter(|param| matches!(&*param.ty, syn::Type::Reference(r) if r.mutability.is_some()))
        .filter_map(|param| simple_name(&param.pat))
        .collect();
    if let Some(receiver) = receiver
        && match &receiver.kind {
            syn::ReceiverKind::Reference(_, _, mutability) => mutability.is_some(),
            syn::ReceiverKind::Typed(_, ty) => {
                matches!(&**ty, syn::Type::Reference(r) if r.mutability.is_some())
            }
            _ => false,
        }
    {
        unique.push(crate::signature::receiver_ident(receiver.self_token.span));
    }
    Rewrite {
        counter: &mut counter,
        unique: &unique,
    }
    .visit_block_mut(body);
}

/// Rewrites `body` for the parameter `name` (`boxed`: a `Box`), followed
/// by the parameters `after`: its hidden locals are declared at the top,
/// and those after it bound again below them.
fn bind_parameter_parts(
    body: &mut syn::Block,
    name: &syn::Ident,
    boxed: bool,
    after: &[&syn::PatType],
    counter: &mut usize,
) {
    let Some(rebound) = after
        .iter()
        .map(|param| rebinding(param))
        .collect::<Option<Vec<Stmt>>>()
    else {
        return;
    };
    let skipped = rewrite_rest(&mut body.stmts, 0, name, boxed, counter);
    if skipped.is_empty() {
        return;
    }
    let mut declared: Vec<Stmt> = skipped.iter().map(declaration).collect();
    declared.extend(rebound);
    body.stmts.splice(0..0, declared);
}

struct Rewrite<'a> {
    counter: &'a mut usize,
    /// The parameters visibly `&mut`.
    unique: &'a [syn::Ident],
}

impl VisitMut for Rewrite<'_> {
    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        let mut at = 0;
        while at < block.stmts.len() {
            skipped_temporary_parts::rewrite_stmt(&mut block.stmts[at], self.counter, self.unique);
            if let Stmt::Local(local) = &block.stmts[at]
                && local.init.is_some()
            {
                let pat = local.pat.clone();
                let declared = self.bound_by(&pat, &mut block.stmts, at + 1);
                if let Stmt::Local(local) = &mut block.stmts[at] {
                    unmut_rebound(&mut local.pat, &declared);
                }
                // The locals bound again are visited next, as `let`s of
                // their own.
                block.stmts.splice(at + 1..at + 1, declared);
            }
            at += 1;
        }
        visit_mut::visit_block_mut(self, block);
    }

    // A local a pattern binds by value for a block (`if let Some(msg) =
    // next { .. }`, `while let`, `for`, a `match` arm): the block is the
    // rest of its scope, and the hidden locals are declared at its start,
    // so that they drop after the block's own locals, right before the
    // binding, as what is left of it would.
    //
    // Before: `while let Some(msg) = rx.recv().await { match msg { Msg::Text(s, _) => .. } }`
    // After:  `while let Some(msg) = rx.recv().await { let __skipped1; match msg { Msg::Text(s, __part1) => .. } }`
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if skipped_temporary_parts::rewrite_loop(expr, self.counter) {
            return visit_mut::visit_expr_mut(self, expr);
        }
        match expr {
            Expr::If(e) => {
                skipped_temporary_parts::rewrite_else_if(e, self.counter, self.unique);
                if let Expr::Let(l) = &mut *e.cond {
                    self.bound_for(&mut l.pat, &mut e.then_branch);
                }
            }
            Expr::While(e) => {
                if let Expr::Let(l) = &mut *e.cond {
                    self.bound_for(&mut l.pat, &mut e.body);
                }
            }
            Expr::ForLoop(e) => self.bound_for(&mut e.pat, &mut e.body),
            Expr::Match(e) => {
                ref_arm_checks(e);
                for arm in &mut e.arms {
                    if let Expr::Block(body) = &mut *arm.body
                        && body.label.is_none()
                    {
                        self.bound_for(&mut arm.pat, &mut body.block);
                    }
                }
            }
            _ => {}
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    // Their bodies are not lowered; rustc reads them as written.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Rewrite<'_> {
    /// Rewrites `block` for the locals `pat` binds.
    fn bound_for(&mut self, pat: &mut Pat, block: &mut syn::Block) {
        let declared = self.bound_by(pat, &mut block.stmts, 0);
        unmut_rebound(pat, &declared);
        block.stmts.splice(0..0, declared);
    }

    /// Rewrites `stmts[from..]`, the rest of the scope of the locals `pat`
    /// binds, for the first of them whose parts are skipped there; returns
    /// what to declare at `from`: its hidden locals, then the locals `pat`
    /// binds after it bound again.
    ///
    /// rustc drops the bindings of one pattern in the reverse of their
    /// order, so what is left of `msg` in `Some((msg, guard))` drops after
    /// `guard`. The hidden locals of `msg` are declared after the pattern,
    /// and `guard`, bound again after them, still drops first.
    ///
    /// Before: `if let Some((msg, mut guard)) = next { match msg { .. } }`
    /// After:  `if let Some((msg, guard)) = next { let __skipped1; let mut guard = guard; match msg { .. } }`
    fn bound_by(&mut self, pat: &Pat, stmts: &mut Vec<Stmt>, from: usize) -> Vec<Stmt> {
        let bindings = walk::patterns::bindings(pat);
        // `ref`, `@` or `|` bindings beside them: left as written.
        if by_value(pat).len() != bindings.len() {
            return Vec::new();
        }
        for (at, binding) in bindings.iter().enumerate() {
            let skipped = rewrite_rest(stmts, from, &binding.ident, false, self.counter);
            if !skipped.is_empty() {
                let mut declared: Vec<Stmt> = skipped.iter().map(declaration).collect();
                declared.extend(bindings[at + 1..].iter().map(bound_again));
                return declared;
            }
        }
        Vec::new()
    }
}

/// Takes `mut` off the bindings of `pat` that `declared` binds again (`let
/// mut guard = guard;`): the new binding is the one written to.
fn unmut_rebound(pat: &mut Pat, declared: &[Stmt]) {
    struct Unmut(Vec<syn::Ident>);
    impl VisitMut for Unmut {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if self.0.contains(&p.ident) {
                p.mutability = None;
            }
            visit_mut::visit_pat_ident_mut(self, p);
        }
    }
    let rebound = declared
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::Local(syn::Local {
                pat: Pat::Ident(p),
                init: Some(_),
                ..
            }) => Some(p.ident.clone()),
            _ => None,
        })
        .collect();
    Unmut(rebound).visit_pat_mut(pat);
}

/// The names `pat` binds by value (`msg` in `Some(msg)`, not `ref m`), in
/// patterns of one alternative.
pub(super) fn by_value(pat: &Pat) -> Vec<syn::Ident> {
    struct Names(Vec<syn::Ident>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            // `None`, a unit variant or a constant, as rustc's naming
            // lints have it, is not a binding.
            if p.by_ref.is_none() && p.subpat.is_none() && walk::patterns::is_binding(p) {
                self.0.push(p.ident.clone());
            }
        }
        // The names of an `|` pattern may be bound in different places.
        fn visit_pat_or(&mut self, _: &'ast syn::PatOr) {}
    }
    let mut names = Names(Vec::new());
    names.visit_pat(pat);
    names.0
}

/// A `match` on a local, one arm binding into it by `ref` (`ref fresh @
/// Job { id: 0, .. } => ..`), another binding parts by value and awaiting
/// (`Job { to, .. } => send(&to).await`): the local is kept in place,
/// where rustc borrows it for the `ref` arm and moves parts out of it for
/// the other, and the machine can do only the first (E0507 at the
/// scrutinee). Each arm binding parts by value gets a check of them that
/// stops the build at one that moves, saying what to write instead (see
/// `__private::bound_beside_ref_arm`); a `Copy` part passes. The parts
/// this module binds for `_` (hidden names) are left out: they are the
/// expansion's, not the user's.
///
/// Before: `Job { to, id: __part1, lease: _l } => { __skipped2 = ..; send(&to).await }`
/// After:  `Job { to, id: __part1, lease: _l } => { { bound_beside_ref_arm(..to..); bound_beside_ref_arm(.._l..); } __skipped2 = ..; send(&to).await }`
fn ref_arm_checks(e: &mut syn::ExprMatch) {
    let local =
        matches!(&*e.expr, Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some());
    let by_ref = |arm: &syn::Arm| walk::patterns::binds_by_ref(&arm.pat);
    let moves_and_awaits = |arm: &syn::Arm| {
        !by_ref(arm) && walk::patterns::binds_by_value(&arm.pat) && has_await(&*arm.body)
    };
    if !local || !e.arms.iter().any(by_ref) || !e.arms.iter().any(moves_and_awaits) {
        return;
    }
    for arm in e.arms.iter_mut().filter(|arm| !by_ref(arm)) {
        let parts: Vec<_> = by_value(&arm.pat)
            .into_iter()
            .filter(|part| !part.to_string().starts_with("__"))
            .map(|part| {
                let at = part.span();
                (part, at)
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        let check = moved_part_checks("bound_beside_ref_arm", parts);
        let body = &*arm.body;
        let checked: Expr = syn::parse_quote!({ #check #body });
        *arm.body = checked;
        arm.comma.get_or_insert_with(Default::default);
    }
}

/// The name a pattern binds whole, by value: `x`, `mut x`, `x: T`.
fn simple_name(pat: &Pat) -> Option<syn::Ident> {
    match pat {
        Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => Some(p.ident.clone()),
        Pat::Type(p) => simple_name(&p.pat),
        _ => None,
    }
}

/// `let __skipped1;`
fn declaration(skipped: &syn::Ident) -> Stmt {
    syn::parse_quote!(let #skipped;)
}

/// `let log: Probe = log;` (or `let mut log ..`), for a parameter bound
/// again: its type written as the parameter has it, so that what the
/// engine reads off a parameter's type (a number, a `&mut`) still holds; an
/// `impl Trait` argument, whose type a `let` cannot name, untyped.
/// `None` for a parameter not bound whole by name (`(a, b): (u32, u32)`).
fn rebinding(param: &syn::PatType) -> Option<Stmt> {
    let Pat::Ident(ident) = &*param.pat else {
        return None;
    };
    if ident.by_ref.is_some() || ident.subpat.is_some() {
        return None;
    }
    let (name, mutability, ty) = (&ident.ident, &ident.mutability, &param.ty);
    Some(if names_impl_trait(ty) {
        syn::parse_quote!(let #mutability #name = #name;)
    } else {
        syn::parse_quote!(let #mutability #name: #ty = #name;)
    })
}

/// Does `ty` hold an `impl Trait`?
fn names_impl_trait(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    finder.visit_type(ty);
    finder.0
}

impl<'a> Finder<'a> {
    /// What `stmts` do with the local `name`.
    fn over(stmts: &[Stmt], name: &'a syn::Ident, boxed: bool) -> Self {
        let mut finder = Finder {
            name,
            boxed,
            loops: 0,
            found: None,
            named_after: 0,
            await_after: false,
            by_ref: false,
        };
        for stmt in stmts {
            finder.visit_stmt(stmt);
        }
        finder
    }
}

/// In `stmts[from..]`, the statements after `name` is declared: where the
/// last use of `name` is a construct whose patterns skip parts beside
/// parts they move, and an await follows, binds the skipped parts (see the
/// module docs). Returns the hidden locals to declare right after `name`.
fn rewrite_rest(
    stmts: &mut Vec<Stmt>,
    start: usize,
    name: &syn::Ident,
    boxed: bool,
    counter: &mut usize,
) -> Vec<syn::Ident> {
    let from = start;
    // The construct is in the last statement naming the local, and names
    // it last: what runs before it may read it (`leaf(pair.0).await`, `if
    // m.kind == 0`, a `Copy` part; a part it moved, rustc would not let
    // the construct skip), which leaves the parts where they are until it
    // runs.
    // A `let` of the block that binds the name again ends the local's
    // uses by name there (`let resp = body.len();`): the statements after
    // it name the new local. (A `let` in a nested block, a closure or a
    // macro ends nothing here: what comes after it, the old local's name
    // may still name.)
    let shadowed = stmts[from..]
        .iter()
        .position(|stmt| rebinds(stmt, name))
        .map_or(stmts.len(), |at| from + at + 1);
    let Some(last) = stmts[from..shadowed]
        .iter()
        .rposition(|stmt| named_in(stmt, name) > 0)
    else {
        return Vec::new();
    };
    let from = from + last;
    let rest = &stmts[from..];
    if !rest.iter().any(has_await) {
        // No await after it: nothing of the local is kept past it, but one
        // before may have kept the local in place (see [`moved_whole`]).
        if !stmts[start..from].iter().any(has_await) {
            return Vec::new();
        }
        return moved_whole(stmts, from, shadowed, name, boxed, counter);
    }
    let mut finder = Finder::over(&stmts[from..shadowed], name, boxed);
    finder.await_after |= stmts[shadowed..].iter().any(has_await);
    if finder.found != Some(true) || finder.named_after > 0 {
        return Vec::new();
    }
    let mut rewriter = Rewriter {
        name,
        boxed,
        await_after: finder.await_after,
        counter,
        skipped: Vec::new(),
    };
    rewriter.stmts(stmts, from);
    rewriter.skipped
}

/// The construct in `stmts[from]`, the last statement naming the local
/// `name` (before `shadowed`), takes it apart with a pattern that moves
/// some parts out and skips others, and no await follows; one came
/// before, which may have kept the local in place (an awaited future
/// borrowed it: `self.flush().await; let Enc { sink, .. } = self;`). There
/// the machine reaches the local through a reference to its home, out of
/// which no part can move (E0507). So the local is moved whole, right
/// before the statement, into a hidden local declared right after it,
/// which drops where it would, and the construct takes that apart: what
/// the pattern leaves (parts skipped with `..` too, whose number only the
/// compiler knows) drops with the hidden local, in the order rustc drops
/// what is left of the local, and no part of it is kept across an await.
/// Nothing else in the statement names the local, so moving it first
/// changes nothing but where its bytes are. Returns the hidden local to
/// declare.
///
/// Before: `let Enc { sink, .. } = self; sink`
/// After:  `__whole1 = self; let Enc { sink, .. } = __whole1; sink` (and `let __whole1;` after `self`)
fn moved_whole(
    stmts: &mut Vec<Stmt>,
    from: usize,
    shadowed: usize,
    name: &syn::Ident,
    boxed: bool,
    counter: &mut usize,
) -> Vec<syn::Ident> {
    let finder = Finder::over(&stmts[from..shadowed], name, boxed);
    // Named once in its statement, by the construct alone: what runs
    // before it there does not read the local. A `ref` binding borrows it
    // where it is, which a value kept in place allows.
    if finder.found != Some(true)
        || finder.by_ref
        || finder.named_after > 0
        || named_in(&stmts[from], name) != 1
    {
        return Vec::new();
    }
    *counter += 1;
    let whole = names::hidden(&format!("__whole{counter}"));
    struct Rename<'a> {
        name: &'a syn::Ident,
        whole: &'a syn::Ident,
    }
    impl VisitMut for Rename<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            if let Expr::Path(path) = expr
                && path.qself.is_none()
                && path.path.is_ident(self.name)
            {
                let whole = self.whole;
                *expr = syn::parse_quote_spanned!(path.span()=> #whole);
                return;
            }
            visit_mut::visit_expr_mut(self, expr);
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    Rename {
        name,
        whole: &whole,
    }
    .visit_stmt_mut(&mut stmts[from]);
    let moved: Stmt = syn::parse_quote!(#whole = #name;);
    stmts.insert(from, moved);
    vec![whole]
}

/// Is `stmt` a `let` whose pattern binds `name`?
fn rebinds(stmt: &Stmt, name: &syn::Ident) -> bool {
    matches!(stmt, Stmt::Local(local)
        if walk::patterns::bindings(&local.pat).iter().any(|b| b.ident == *name))
}

/// How many times `stmt` names the local `name`: for a `let` that binds
/// the name again ([`rebinds`]), in its value and its `else` alone, which
/// still name the old local (`let resp = resp.body;`).
fn named_in(stmt: &Stmt, name: &syn::Ident) -> usize {
    match stmt {
        Stmt::Local(local) if rebinds(stmt, name) => local.init.as_ref().map_or(0, |init| {
            let (value, diverge) = (&init.expr, init.diverge.as_ref().map(|(_, e)| e));
            count_mentions(quote::quote!(#value #diverge), &name.to_string())
        }),
        stmt => count_mentions(stmt.to_token_stream(), &name.to_string()),
    }
}

/// How many times `name` is written in `tokens`, counting a format string's
/// capture of it (`"{name}"`) too, but not a text that only spells it
/// (`log("msg sent")`).
fn count_mentions(tokens: TokenStream, name: &str) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Ident(ident) => usize::from(ident == name),
            TokenTree::Group(group) => count_mentions(group.stream(), name),
            TokenTree::Literal(literal) => walk::literal_captures(&literal)
                .iter()
                .filter(|captured| captured.name == name)
                .count(),
            TokenTree::Punct(_) => 0,
        })
        .sum()
}

/// Is `expr` the local `name` itself?
fn is_name(expr: &Expr, name: &syn::Ident) -> bool {
    match expr {
        Expr::Path(path) => path.qself.is_none() && path.path.is_ident(name),
        Expr::Paren(e) => is_name(&e.expr, name),
        Expr::Group(e) => is_name(&e.expr, name),
        _ => false,
    }
}

/// Is `literal` a struct update whose base is the local `name` (`Opts {
/// retries: n, ..o }`)? rustc moves the fields the literal does not name
/// out of it, and leaves it partly moved, holding those the literal names.
fn updates(literal: &syn::ExprStruct, name: &syn::Ident) -> bool {
    literal
        .rest
        .as_deref()
        .is_some_and(|base| is_name(base, name))
}

/// Is `expr` what a `let` on the local `name` takes apart: `name`, or
/// `*name` for a `boxed` one?
fn is_taken(expr: &Expr, name: &syn::Ident, boxed: bool) -> bool {
    match expr {
        Expr::Unary(e) if boxed && matches!(e.op, syn::UnOp::Deref(_)) => is_name(&e.expr, name),
        Expr::Paren(e) => is_taken(&e.expr, name, boxed),
        Expr::Group(e) => is_taken(&e.expr, name, boxed),
        expr => is_name(expr, name),
    }
}

/// Finds the construct that uses `name`: `found` is `Some(true)` where it
/// is a `match`, an `if let` or a `let` on it outside any loop (or a `let`
/// on `*name`, `boxed`), with a pattern to rewrite, naming it once;
/// `named_after`, how many times `name` is written after it; `await_after`,
/// whether an await is written after it.
struct Finder<'a> {
    name: &'a syn::Ident,
    boxed: bool,
    loops: usize,
    found: Option<bool>,
    named_after: usize,
    await_after: bool,
    /// A pattern of the construct binds by `ref`.
    by_ref: bool,
}

impl Finder<'_> {
    fn construct(&mut self, pats: &[&Pat], construct: &dyn ToTokens) {
        let once = count_mentions(construct.to_token_stream(), &self.name.to_string()) == 1;
        self.by_ref = pats.iter().any(|pat| walk::patterns::binds_by_ref(pat));
        self.found = Some(
            once && self.loops == 0
                && pats
                    .iter()
                    .any(|pat| rewritable(pat) || beside_rest(pat).is_some()),
        );
    }

    /// Code after the construct, which may name the local.
    fn after(&mut self, code: &dyn ToTokens) {
        self.named_after += count_mentions(code.to_token_stream(), &self.name.to_string());
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'ast Stmt) {
        if self.found.is_some() {
            self.await_after |= has_await(stmt);
            self.named_after += named_in(stmt, self.name);
        } else {
            visit::visit_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        if self.found.is_some() {
            self.await_after |= has_await(expr);
            self.after(expr);
            return;
        }
        match expr {
            // Kept in place, the local is matched as written (see
            // `borrowed_across_await`).
            Expr::Match(e) if is_name(&e.expr, self.name) => {
                let pats: Vec<&Pat> = e.arms.iter().map(|arm| &arm.pat).collect();
                let kept_in_place = skipped_temporary_parts::borrowed_across_await(&e.arms);
                self.construct(if kept_in_place { &[] } else { &pats }, e);
            }
            Expr::If(e) if matches!(&*e.cond, Expr::Let(l) if is_name(&l.expr, self.name)) => {
                if let Expr::Let(l) = &*e.cond {
                    self.construct(&[&l.pat], e);
                }
            }
            // A struct update on it (`Opts { retries: n, ..o }`): what the
            // literal names is left in it (see `build::struct_update::
            // keep_named`). Not one whose fields await, which are lowered
            // in turn. Its fields may read the local (`retries: o.retries
            // + 1`): they run before the base moves, in rustc and in the
            // rewrite.
            Expr::Struct(e) if updates(e, self.name) => {
                self.found = Some(self.loops == 0 && !crate::build::struct_update::awaits(e));
            }
            Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                self.loops += 1;
                visit::visit_expr(self, expr);
                self.loops -= 1;
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit::visit_expr(self, expr),
        }
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        match &local.init {
            Some(init) if is_taken(&init.expr, self.name, self.boxed) => {
                self.construct(&[&local.pat], local);
            }
            _ => visit::visit_local(self, local),
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Does `pat` move some part by value and skip another with `_`, in a
/// shape whose skipped parts can be bound (see the module docs)?
pub(super) fn rewritable(pat: &Pat) -> bool {
    let mut shape = Shape::default();
    shape.read(pat, true);
    shape.fits
        && shape.rest.is_none()
        && shape.binds
        && shape.skipped() > 0
        && shape.elements.0 <= 1
}

/// Where `pat` would be rewritten but skips parts with `..`, whose number
/// the macro cannot see: a check that stops the build at the `..` if a
/// part bound beside it moves out (see `__private::beside_rest`), saying
/// to write `_` for each part instead.
///
/// Before: `Pk::Pair(a, ..) => { x.await; a.touch() }`
/// After:  `Pk::Pair(a, ..) => { { ::desugar::__private::bound_beside_rest((&&BesideRest(&a)).kind()); } x.await; a.touch() }`
pub(super) fn beside_rest(pat: &Pat) -> Option<Stmt> {
    let mut shape = Shape::default();
    shape.read(pat, true);
    if let Some(dots) = shape.rest.filter(|_| shape.fits && shape.binds) {
        let parts = by_value(pat).into_iter().map(|part| (part, dots));
        return Some(moved_part_checks("bound_beside_rest", parts));
    }
    beside_skipped_elements(pat, &shape)
}

/// Where `pat` skips more than one element of an array (`[a, _, _]`),
/// whose rest drops in an order of its own: a check that stops the build
/// at the last skipped element if a part bound beside them moves out (see
/// `__private::kept_array`), saying to name the elements.
///
/// Before: `let [a, _, _] = c; x.await;`
/// After:  `let [a, _, _] = c; { ::desugar::__private::bound_beside_skipped_elements((&&BesideRest(&a)).kind()); } x.await;`
fn beside_skipped_elements(pat: &Pat, shape: &Shape) -> Option<Stmt> {
    let at = shape
        .elements
        .1
        .filter(|_| shape.elements.0 > 1 && shape.rest.is_none() && shape.binds)?;
    let parts = by_value(pat).into_iter().map(|part| (part, at));
    Some(moved_part_checks("bound_beside_skipped_elements", parts))
}

/// `{ check(kind); .. }`, a call of `__private::check` for each of `parts`
/// spanned at its place, where the build stops if it fails: `kind` says
/// whether binding the part moves it out of the value (see
/// [`part_kind`]).
pub(super) fn moved_part_checks(
    check: &str,
    parts: impl IntoIterator<Item = (syn::Ident, Span)>,
) -> Stmt {
    let checks = parts.into_iter().map(|(part, at)| -> Stmt {
        let check = syn::Ident::new(check, at);
        let kind = part_kind(&part, at);
        syn::parse_quote_spanned! {at=> ::desugar::__private::#check(#kind); }
    });
    syn::parse_quote!({ #(#checks)* })
}

/// Whether binding `part` moves it out of the value it is bound from: the
/// compiler answers `PartStays` for a `Copy` part or a `&mut` bound
/// through a reference, `PartMoved` for the rest (see
/// `__private::beside_rest`).
fn part_kind(part: &syn::Ident, at: Span) -> TokenStream {
    quote::quote_spanned! {at=> {
        use ::desugar::__private::{ViaBorrowedPart as _, ViaCopyPart as _, ViaMovedPart as _};
        (&&::desugar::__private::BesideRest(&#part)).kind()
    }}
}

#[derive(Default)]
struct Shape {
    /// Binds a part by value.
    binds: bool,
    /// Parts skipped with `_` below the top.
    wild: usize,
    /// Of those, constants named by themselves (`kind: DATA`).
    constants: usize,
    /// Paths below the top (`Slot::Empty`): left in the value too, as
    /// their type may implement `Drop`.
    paths: usize,
    /// Nothing in it that stops the rewrite.
    fits: bool,
    /// A struct pattern in it: its fields may be listed in another order
    /// than declared, which is the order what is left of them drops in,
    /// so at most one skipped part may have something to drop.
    named: bool,
    /// Skips parts with `..`: where, the last one.
    rest: Option<Span>,
    /// Most parts skipped inside one slice pattern (`[a, _, _]`, a `..`
    /// counting two), and where the last one is: what is left of an array
    /// drops in an order of its own, so one of them is bound apart, and
    /// more stop the build if a part beside them moves out (see
    /// [`beside_skipped_elements`]).
    elements: (usize, Option<Span>),
}

impl Shape {
    /// Parts skipped, to bind apart.
    fn skipped(&self) -> usize {
        self.wild + self.paths
    }

    fn read(&mut self, pat: &Pat, top: bool) {
        if top {
            self.fits = true;
        }
        match pat {
            Pat::Wild(_) if !top => self.wild += 1,
            // Left in the value as a `_` part is (`Token`, `Token {}`).
            pat if !top && names_unit(pat) => {
                self.wild += 1;
                self.constants += usize::from(names_constant(pat));
            }
            // Left whole (`Slot::Full(_)`), as its type may implement
            // `Drop`, whose fields cannot be moved out.
            pat if !top && skips_whole(pat) => self.wild += 1,
            Pat::Path(_) if !top => self.paths += 1,
            Pat::Ident(p) => {
                self.binds |= p.by_ref.is_none() && walk::patterns::is_binding(p);
                self.fits &= p.by_ref.is_none() && p.subpat.is_none();
            }
            Pat::Tuple(p) => p.elems.iter().for_each(|elem| self.read(elem, false)),
            // A `..` among the elements skips how many the compiler
            // knows: taken for more than one.
            Pat::Slice(p) => {
                let before = self.skipped();
                let mut rests = 0;
                for elem in &p.elems {
                    match elem {
                        Pat::Rest(_) => rests += 2,
                        elem => self.read(elem, false),
                    }
                }
                let skipped = self.skipped() - before + rests;
                if skipped > self.elements.0 {
                    let last = p
                        .elems
                        .iter()
                        .rev()
                        .find(|elem| matches!(elem, Pat::Wild(_) | Pat::Rest(_)));
                    self.elements = (skipped, Some(last.map_or_else(|| p.span(), Spanned::span)));
                }
            }
            // A tuple struct by name too (`Tagged(_, s)`), as a struct
            // pattern below is.
            Pat::TupleStruct(p) => p.elems.iter().for_each(|elem| self.read(elem, false)),
            Pat::Rest(p) if !top => self.rest = Some(p.dot2_token.spans[0]),
            // A struct by name too (`Frame { payload, trailer: _ }`): a
            // pattern that moves a field out of it proves it has no `Drop`
            // (on one that has, all it binds is `Copy`, and the part bound
            // for `_` stops the build there, E0509).
            Pat::Struct(p) => {
                self.named = true;
                if let Some(rest) = &p.rest {
                    self.rest = Some(rest.dot2_token.spans[0]);
                }
                p.fields
                    .iter()
                    .for_each(|field| self.read(&field.pat, false));
            }
            Pat::Paren(p) => self.read(&p.pat, top),
            // The guard reads the bindings; the pattern alone binds.
            Pat::Guard(p) => self.read(&p.pat, top),
            Pat::Type(p) => self.read(&p.pat, top),
            Pat::Lit(_) | Pat::Range(_) | Pat::Path(_) => {}
            _ => self.fits = false,
        }
    }
}

/// A unit struct or a constant named by itself, `Token` or `Token {}`
/// (not `None`): it moves nothing and leaves its part in the value (see
/// `walk::patterns::is_left_in_place`).
fn names_unit(pat: &Pat) -> bool {
    match pat {
        Pat::Ident(p) => walk::patterns::is_left_in_place(p),
        Pat::Struct(p) => p.fields.is_empty() && p.rest.is_none(),
        _ => false,
    }
}

/// A constant named by itself (`DATA`, `MAX`: no lowercase letter, as
/// rustc's naming lints have it), not a unit struct (`Token`).
fn names_constant(pat: &Pat) -> bool {
    matches!(pat, Pat::Ident(p) if names_unit(pat) && !p.ident.to_string().chars().any(char::is_lowercase))
}

/// A struct or variant pattern that binds nothing but skips something
/// (`Slot::Full(_)`, `Frame { kind: 1, .. }`): rustc leaves it whole in
/// the value, moving nothing out of it.
fn skips_whole(pat: &Pat) -> bool {
    matches!(pat, Pat::TupleStruct(_) | Pat::Struct(_))
        && walk::patterns::bindings(pat).is_empty()
        && walk::patterns::leaves_rest(pat)
}

/// A path that names an enum's variant rather than a struct: more than one
/// segment (`Msg::Text`, `Self::Idle`), or `Some`, `Ok`, `Err`.
pub(super) fn variant_path(path: &syn::Path) -> bool {
    path.segments.len() > 1 || path.is_ident("Some") || path.is_ident("Ok") || path.is_ident("Err")
}

/// Rewrites the construct [`Finder`] found, `await_after` whether an
/// await is written after it.
struct Rewriter<'a> {
    name: &'a syn::Ident,
    boxed: bool,
    await_after: bool,
    counter: &'a mut usize,
    skipped: Vec<syn::Ident>,
}

impl Rewriter<'_> {
    /// Rewrites `stmts[from..]`: a `let` on the local gets the assignment
    /// of what its pattern skips right after it, in the same block.
    fn stmts(&mut self, stmts: &mut Vec<Stmt>, from: usize) {
        let mut at = from;
        while at < stmts.len() {
            if let Stmt::Local(local) = &mut stmts[at]
                && local
                    .init
                    .as_ref()
                    .is_some_and(|init| is_taken(&init.expr, self.name, self.boxed))
            {
                let assign = self.pattern(&mut local.pat, false);
                stmts.splice(at + 1..at + 1, assign);
                return;
            }
            self.visit_stmt_mut(&mut stmts[at]);
            at += 1;
        }
    }

    /// Binds the `_` parts of `pat` (see [`bind_skipped`]); returns the
    /// statements to run after it: the checks of their drop order and the
    /// assignment, its hidden local kept to declare, or the check of the
    /// parts bound beside a `..` (see [`beside_rest`]), where the code
    /// `pat` is for awaits (`awaits`) or an await follows it.
    fn pattern(&mut self, pat: &mut Pat, awaits: bool) -> Vec<Stmt> {
        let Some(Skipped {
            local: skipped,
            parts,
            mut checks,
        }) = bind_skipped(pat, self.counter)
        else {
            return beside_rest(pat)
                .filter(|_| awaits || self.await_after)
                .into_iter()
                .collect();
        };
        checks.push(syn::parse_quote!(#skipped = #parts;));
        self.skipped.push(skipped);
        checks
    }
}

/// What [`bind_skipped`] makes of a pattern.
pub(super) struct Skipped {
    /// A new hidden local, to declare.
    pub(super) local: syn::Ident,
    /// Its value, made of the parts bound apart.
    pub(super) parts: Expr,
    /// Checks to run before: of the order the parts drop in (see
    /// `drops_alone`). Statements of their own, ahead of the value that
    /// moves the parts, so that the borrows they take end there.
    pub(super) checks: Vec<Stmt>,
}

/// Binds the `_` parts of `pat` to fresh locals; returns a new hidden
/// local and the value to give it, or `None` if `pat` is left as written.
/// A part with nothing to drop (`Copy`, or a `&mut` the pattern binds
/// through a reference: `Some((n, _))` on `slot.as_mut()`) is kept as
/// nothing, as rustc keeps nothing of it (see `__private::DropOnly`).
///
/// Before: `Some((n, _))`
/// After:  `Some((n, __part1))`, and `__skipped2`, `((&&DropOnly::new(__part1)).kept(),)`
pub(super) fn bind_skipped(pat: &mut Pat, counter: &mut usize) -> Option<Skipped> {
    if !rewritable(pat) {
        return None;
    }
    let mut shape = Shape::default();
    shape.read(pat, true);
    // Beside another skipped field of a struct pattern, a constant's part
    // must have nothing to drop (see `__private::copied_constant`), and
    // of the others at most one (see `drops_alone`).
    let checked = shape.named && shape.skipped() > 1;
    let mut binder = Binder {
        parts: Vec::new(),
        counter,
        structs: 0,
        fields: Vec::new(),
    };
    binder.bind(pat, true);
    let parts = binder.parts;
    *counter += 1;
    let skipped = names::hidden(&format!("__skipped{counter}"));
    let kept = parts.iter().map(|Part { ident: part, constant, .. }| -> Expr {
        if checked && *constant {
            syn::parse_quote_spanned! {part.span()=> ::desugar::__private::copied_constant(#part) }
        } else {
            syn::parse_quote! {{
                use ::desugar::__private::{ViaBorrowed as _, ViaCopy as _, ViaValue as _};
                (&&::desugar::__private::DropOnly::new(#part)).kept()
            }}
        }
    });
    let checks = if checked {
        drops_alone(&parts)
    } else {
        Vec::new()
    };
    Some(Skipped {
        local: skipped,
        parts: syn::parse_quote!((#(#kept,)*)),
        checks,
    })
}

/// For the parts a struct pattern skips under different fields of it, a
/// check of each pair but constants' (which [`bind_skipped`] checks to be
/// `Copy`): at most one of them may have something to drop, as they are
/// bound in the order the pattern lists them, and what is left of the
/// fields drops in the order the struct declares them (see
/// `__private::skipped_fields`). Parts of one field, or of a tuple around
/// the struct, drop in the order listed. Spanned at the later part of the
/// pair, where the build stops.
///
/// Before: `Conn { sock, buf: _, log: _ }`
/// After:  `skipped_fields_apart(((&&BesideRest(&__part1)).kind(), (&&BesideRest(&__part2)).kind()));`
fn drops_alone(parts: &[Part]) -> Vec<Stmt> {
    let fields: Vec<&Part> = parts.iter().filter(|part| !part.constant).collect();
    let mut checks = Vec::new();
    for (at, later) in fields.iter().enumerate() {
        for earlier in fields[..at]
            .iter()
            .filter(|earlier| earlier.apart_from(later))
        {
            let at = later.ident.span();
            let (earlier, later) = (part_kind(&earlier.ident, at), part_kind(&later.ident, at));
            checks.push(syn::parse_quote_spanned! {at=>
                ::desugar::__private::skipped_fields_apart((#earlier, #later));
            });
        }
    }
    checks
}

/// `let guard = guard;` (`let mut` for `mut guard`, taken off `pat`) for
/// each local `pat` binds by value, in order. A `ref` binding holds
/// nothing to drop, and stays as written.
pub(super) fn rebinding_of(pat: &mut Pat) -> Vec<Stmt> {
    let moved = by_value(pat);
    let rebound: Vec<Stmt> = walk::patterns::bindings(pat)
        .iter()
        .filter(|binding| moved.contains(&binding.ident))
        .map(bound_again)
        .collect();
    unmut_rebound(pat, &rebound);
    rebound
}

/// `let guard = guard;`, `let mut guard = guard;` for `mut guard`.
fn bound_again(binding: &walk::patterns::Binding) -> Stmt {
    let (name, mutability) = (
        &binding.ident,
        binding.mutable.then(<syn::Token![mut]>::default),
    );
    syn::parse_quote!(let #mutability #name = #name;)
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Match(e) if is_name(&e.expr, self.name) => {
                for arm in &mut e.arms {
                    let awaits = has_await(&*arm.body);
                    let assign = self.pattern(&mut arm.pat, awaits);
                    if !assign.is_empty() {
                        let body = &arm.body;
                        *arm.body = syn::parse_quote!({ #(#assign)* #body });
                        arm.comma.get_or_insert_with(Default::default);
                    }
                }
            }
            Expr::If(e) => {
                if let Expr::Let(l) = &mut *e.cond
                    && is_name(&l.expr, self.name)
                {
                    let awaits = has_await(&e.then_branch);
                    let assign = self.pattern(&mut l.pat, awaits);
                    e.then_branch.stmts.splice(0..0, assign);
                    return;
                }
                visit_mut::visit_expr_mut(self, expr);
            }
            Expr::Struct(e) if updates(e, self.name) => {
                *self.counter += 1;
                let skipped = names::hidden(&format!("__skipped{}", self.counter));
                crate::build::struct_update::keep_named(expr, &skipped);
                self.skipped.push(skipped);
            }
            Expr::Closure(_) | Expr::Async(_) => {}
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.stmts(&mut block.stmts, 0);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// A part bound apart: its binding, whether it matched a constant, and
/// the struct patterns around it, each with the field it is under.
struct Part {
    ident: syn::Ident,
    constant: bool,
    fields: Vec<(usize, usize)>,
}

impl Part {
    /// Under different fields of one struct pattern: the order the two
    /// drop in is the order the struct declares them.
    fn apart_from(&self, other: &Part) -> bool {
        self.fields.iter().any(|&(of, field)| {
            other
                .fields
                .iter()
                .any(|&(other_of, other_field)| of == other_of && field != other_field)
        })
    }
}

/// Binds the parts a pattern skips (see [`Binder::bind`]).
struct Binder<'a> {
    parts: Vec<Part>,
    counter: &'a mut usize,
    /// Struct patterns met so far, to tell them apart.
    structs: usize,
    /// The struct patterns the walk is in, each with the field.
    fields: Vec<(usize, usize)>,
}

impl Binder<'_> {
    /// Replaces each `_` below the top of `pat` by a fresh binding, pushed
    /// to `parts` in the order the pattern lists them; a unit struct, a
    /// path or a constant named by itself, or a struct or variant pattern
    /// that binds nothing, gets one in front of it, still matching it.
    /// Parentheses, a type or a guard around the top leave it the top: a
    /// `_` there is the whole pattern, not a part.
    ///
    /// Before: `(Token, s, _, Slot::Full(_), (Slot::Empty))`
    /// After:  `(__part1 @ Token, s, __part2, __part3 @ Slot::Full(_), (__part4 @ Slot::Empty))`
    fn bind(&mut self, pat: &mut Pat, top: bool) {
        match pat {
            unit if !top
                && (names_unit(unit) || skips_whole(unit) || matches!(unit, Pat::Path(_))) =>
            {
                let constant = names_constant(unit);
                let part = self.part(unit.span(), constant);
                let named = std::mem::replace(unit, Pat::Verbatim(TokenStream::new()));
                *unit = Pat::Ident(syn::PatIdent {
                    attrs: Vec::new(),
                    by_ref: None,
                    mutability: None,
                    ident: part,
                    subpat: Some((Default::default(), Box::new(named))),
                });
            }
            Pat::Wild(wild) if !top => {
                let part = self.part(wild.underscore_token.span, false);
                *pat = Pat::Ident(syn::PatIdent {
                    attrs: Vec::new(),
                    by_ref: None,
                    mutability: None,
                    ident: part,
                    subpat: None,
                });
            }
            Pat::Tuple(p) => p.elems.iter_mut().for_each(|e| self.bind(e, false)),
            Pat::Slice(p) => p.elems.iter_mut().for_each(|e| self.bind(e, false)),
            Pat::TupleStruct(p) => p.elems.iter_mut().for_each(|e| self.bind(e, false)),
            Pat::Struct(p) => {
                let this = self.structs;
                self.structs += 1;
                for (at, field) in p.fields.iter_mut().enumerate() {
                    self.fields.push((this, at));
                    self.bind(&mut field.pat, false);
                    self.fields.pop();
                }
            }
            Pat::Paren(p) => self.bind(&mut p.pat, top),
            Pat::Type(p) => self.bind(&mut p.pat, top),
            Pat::Guard(p) => self.bind(&mut p.pat, top),
            _ => {}
        }
    }

    /// A fresh binding for a part at `span`, recorded.
    fn part(&mut self, span: Span, constant: bool) -> syn::Ident {
        *self.counter += 1;
        let mut ident = names::hidden(&format!("__part{}", self.counter));
        ident.set_span(Span::mixed_site().located_at(span));
        self.parts.push(Part {
            ident: ident.clone(),
            constant,
            fields: self.fields.clone(),
        });
        ident
    }
}

#[cfg(test)]
mod tests {
    use super::{rewritable, rewrite_body};
    use quote::ToTokens;

    /// Whether the rewrite binds parts apart in `body`.
    fn binds_apart(body: &str) -> bool {
        let mut block: syn::Block = syn::parse_str(body).expect("a block");
        rewrite_body(&mut block, None, &[]);
        block.to_token_stream().to_string().contains("__skipped")
    }

    #[test]
    fn a_local_bound_by_a_pattern_for_a_block() {
        let handler = "match msg { Msg::Text(s, _) => send(s).await, _ => 0 }";
        for head in [
            "if let Some(msg) = next",
            "while let Some(msg) = rx.recv().await",
            "for msg in inbox",
        ] {
            assert!(
                binds_apart(&format!("{{ {head} {{ {handler}; }} }}")),
                "{head}"
            );
        }
        // Bound beside other locals: those after it are bound again after
        // the hidden locals, so that they still drop first.
        for (head, rebound) in [
            ("if let Some((msg, guard)) = next", "let guard = guard ;"),
            (
                "for Envelope { msg, mut from } in inbox",
                "let mut from = from ;",
            ),
            ("if let Some((a, msg)) = next", "{ let __skipped2 ; match"),
        ] {
            let text = format!("{{ {head} {{ {handler}; }} }}");
            let mut block: syn::Block = syn::parse_str(&text).expect("a block");
            rewrite_body(&mut block, None, &[]);
            let rewritten = block.to_token_stream().to_string();
            assert!(rewritten.contains(rebound), "{rewritten}");
        }
        // Beside a `ref` binding: left as written.
        assert!(!binds_apart(&format!(
            "{{ if let Some((msg, ref guard)) = next {{ {handler}; }} }}"
        )));
    }

    #[test]
    fn uses_of_a_name_bound_again_name_the_new_local() {
        let taken = "let resp = get(); let Resp { body, head: _ } = resp; leaf().await;";
        for after in [
            "let resp = body.len(); resp",
            "let resp = 2; let n = resp; n",
            "let (resp, n) = (1, 2); resp + n",
        ] {
            assert!(binds_apart(&format!("{{ {taken} {after} }}")), "{after}");
        }
        // Until the `let` that binds it again, the name is the old local's:
        // in its value, and in a nested block, a closure or a macro before it.
        for after in [
            "let resp = resp.head; resp",
            "let n = { let resp = 1; resp }; n",
            "let resp = { let resp = 1; resp }; resp",
            "let f = || resp.head; let resp = 1; f()",
            "log!(resp); let resp = 1; resp",
            "log!(\"{resp:?}\"); let resp = 1; resp",
        ] {
            assert!(!binds_apart(&format!("{{ {taken} {after} }}")), "{after}");
        }
    }

    /// The pattern of the arm `text => ()`, guard included.
    fn pat(text: &str) -> syn::Pat {
        let arm: syn::Arm = syn::parse_str(&format!("{text} => ()")).expect("an arm");
        arm.pat
    }

    #[test]
    fn patterns_whose_skipped_parts_drop_in_the_order_listed() {
        for text in [
            "Msg::Text(s, _)",
            "Msg::Triple(_, s, _)",
            "(a, _)",
            "((a, _), _)",
            "Msg::Req { body, meta: _ }",
            "Ev::Data { payload: (s, _), conn }",
            "Msg::Text(s, _) if s.len() > 2",
            "Some((n, _))",
            // By name: the part moved proves it has no `Drop`.
            "Pair(a, _)",
            // Left whole in the value, as `_` is.
            "(Slot::Full(_), s)",
            "(Slot::Empty, s)",
            "Frame { kind: DATA, payload, trailer: _ }",
            // One element left of an array: no order to keep.
            "[a, _]",
            "([a, _], b)",
            // Their drop order checked (see `drops_alone`).
            "Ev::Data { payload: (s, _), conn: _ }",
            "Frame { kind: Token, payload, trailer: _ }",
        ] {
            assert!(rewritable(&pat(text)), "{text}");
        }
    }

    #[test]
    fn patterns_left_as_written() {
        for text in [
            // Nothing moved, or nothing skipped.
            "Msg::Close",
            "Msg::Text(_, _)",
            "_",
            "Msg::Text(s, t)",
            // Parts whose number or drop order the pattern does not show.
            "Msg::Text(s, ..)",
            "Msg::Req { body, .. }",
            // More than one element left of an array: checked instead
            // (see `beside_skipped_elements`).
            "[_, a, _]",
            "[(a, _), (b, _)]",
            // Bindings that borrow, bind the whole, or differ by case.
            "Msg::Text(ref s, _)",
            "m @ Msg::Text(_, _)",
            "Msg::Text(s, _) | Msg::Other(s, _)",
        ] {
            assert!(!rewritable(&pat(text)), "{text}");
        }
    }
}
